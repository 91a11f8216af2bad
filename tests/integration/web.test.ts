import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

describeEachDatabase('web and API', (getDb) => {
  let app: FastifyInstance;
  let token: string;
  let outOfAreaToken: string;
  let email: string;

  beforeAll(async () => {
    const { database } = getDb();
    const ctx = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const other = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'GLO' });
    email = ctx.actor.email;
    token = await createServiceToken(database, testMoment(), ctx.actor.userId, 'test', null, {
      readOnly: false,
    });
    outOfAreaToken = await createServiceToken(database, testMoment(), other.actor.userId, 'test', null, {
      readOnly: false,
    });
    app = await buildApp({ clock: testClock, database, config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, bearer = token) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${bearer}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const countNominals = async () =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM nominals`.execute(getDb().database.db))
        .rows[0]!.n,
    );

  it('documents every /api/v1 route in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const served = app.routeTable.filter((r) => r.url.startsWith('/api/v1/'));
    expect(served.length).toBeGreaterThan(20);
    for (const route of served) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
  });

  it('rate-limits the API per client, as problem+json', async () => {
    const limited = await buildApp({
      clock: testClock,
      database: getDb().database,
      config: { trustProxy: false },
      apiRateLimit: 3,
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited.inject({
          method: 'GET',
          url: '/api/v1/areas',
          headers: { authorization: `Bearer ${token}` },
        });
        statuses.push(r.statusCode);
        if (r.statusCode === 429) expect(r.headers['content-type']).toContain('application/problem+json');
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const other = await limited.inject({
        method: 'GET',
        url: '/api/v1/areas',
        headers: { authorization: `Bearer ${outOfAreaToken}` },
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('answers a housing officer not involved in a case "not found", and logs the attempt', async () => {
    const { database } = getDb();
    const owner = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const { id } = (
      await api('POST', '/api/v1/nominals', identity({ forename: 'Housing', surname: 'Hidden' }))
    ).json();
    const housing = await makeActor(database, {
      roles: ['dtc_representative'],
      areaCode: 'AVS',
      agencyType: 'housing',
    });
    const housingToken = await createServiceToken(
      database,
      testMoment(),
      housing.actor.userId,
      'housing',
      null,
    );
    const response = await api('GET', `/api/v1/nominals/${id}`, undefined, housingToken);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Hidden');
    const search = (await api('GET', '/api/v1/search?q=Housing%20Hidden', undefined, housingToken)).json();
    expect(search.results).toEqual([]);
    const logged = await database.db
      .selectFrom('access_log')
      .select(['section', 'record_ids'])
      .where('user_id', '=', housing.actor.userId)
      .execute();
    expect(logged.map((l) => l.section)).toEqual(
      expect.arrayContaining(['refused: nominal.view out of scope', 'search (nothing found)']),
    );
    expect(owner.actor.userId).not.toBe(housing.actor.userId);
  });

  it('refuses Category 3 at Level 1 over the API with the clear message', async () => {
    const { id } = (
      await api('POST', '/api/v1/nominals', identity({ forename: 'Cathy', surname: 'Three' }))
    ).json();
    const response = await api('POST', `/api/v1/nominals/${id}/levels`, {
      level: 1,
      category3AcceptedOn: '2026-11-01',
      rationale: 'Panel accepted the referral.',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual({
      field: 'level',
      message: 'Category 3 cases can only be managed at Level 2 or 3',
    });
  });

  it('refuses a request without a valid token, as problem+json', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/search?q=smith' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const bad = await api('GET', '/api/v1/search?q=smith', undefined, 'vgl_not-a-token');
    expect(bad.statusCode).toBe(401);
  });

  it('answers bad input with per-field errors and writes nothing', async () => {
    const before = await countNominals();
    const response = await api('POST', '/api/v1/nominals', {
      ...identity(),
      forename: '',
      surname: 'x'.repeat(101),
      dateOfBirth: '2030-01-01',
      sex: 'unknown-code',
      identifiers: [{ type: 'pnc', value: '2012/0052494A' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['forename', 'surname', 'dateOfBirth', 'sex']));
    expect(await countNominals()).toBe(before);
  });

  it('answers malformed JSON with problem+json, not a stack trace', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/nominals',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"forename": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('creates, reads and edits a record, with a 409 and the other change for a stale version', async () => {
    const created = await api('POST', '/api/v1/nominals', identity({ forename: 'Harold', surname: 'Webb' }));
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const address = await api('POST', `/api/v1/nominals/${id}/addresses`, {
      type: 'home',
      line1: '4 Mill Lane',
      town: 'Bath',
      postcode: 'ba1 1aa',
      fromDate: '2024-02-01',
    });
    expect(address.statusCode).toBe(201);
    const addressId = address.json().id;
    const first = await api('PUT', `/api/v1/nominals/${id}/addresses/${addressId}`, {
      type: 'home',
      line1: '5 Mill Lane',
      town: 'Bath',
      postcode: 'BA1 1AA',
      fromDate: '2024-02-01',
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    const second = await api('PUT', `/api/v1/nominals/${id}/addresses/${addressId}`, {
      type: 'home',
      line1: '6 Mill Lane',
      town: 'Bath',
      postcode: 'BA1 1AA',
      fromDate: '2024-02-01',
      version: 1,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().changes[0].fields).toEqual([
      { label: 'Address line 1', before: '4 Mill Lane', after: '5 Mill Lane' },
    ]);
    const record = (await api('GET', `/api/v1/nominals/${id}`)).json();
    expect(record.currentAddress.line1).toBe('5 Mill Lane');
    expect(record.currentAddress.postcode).toBe('BA1 1AA');
  });

  it('answers 404 for a record outside the caller’s scope, and hides it from search', async () => {
    const created = (
      await api('POST', '/api/v1/nominals', identity({ forename: 'Ernest', surname: 'Pargeter' }))
    ).json();
    expect((await api('GET', `/api/v1/nominals/${created.id}`, undefined, outOfAreaToken)).statusCode).toBe(
      404,
    );
    expect((await api('GET', `/api/v1/nominals/not-a-uuid`, undefined, outOfAreaToken)).statusCode).toBe(404);
    const found = (await api('GET', '/api/v1/search?q=Ernest%20Pargeter', undefined, outOfAreaToken)).json();
    expect(found.results).toEqual([]);
    const foundInArea = (await api('GET', '/api/v1/search?q=Ernest%20Pargeter')).json();
    expect(foundInArea.results.map((r: { id: string }) => r.id)).toContain(created.id);
  });

  it('signs in with a session cookie, refuses forms without the CSRF token, and shows a GOV.UK error summary', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email, password: 'not the password at all' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('There is a problem');
    // Password first: a Secure, HttpOnly, SameSite=Lax __Host- cookie for a session still waiting for its second factor.
    const password = await app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(password.statusCode).toBe(303);
    expect(String(password.headers['set-cookie'])).toMatch(
      /^__Host-vigil-session=.+; .*HttpOnly; Secure; SameSite=Lax/,
    );
    const pending = String(password.headers['set-cookie']).split(';')[0]!;
    expect(
      (await app.inject({ method: 'GET', url: '/nominals/new', headers: { cookie: pending } })).statusCode,
    ).not.toBe(200);
    const { cookie } = await signInWithPages(app, { email, password: TEST_PASSWORD });
    const form = await app.inject({ method: 'GET', url: '/nominals/new', headers: { cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-security-policy']).toMatch(
      /object-src 'none'.*base-uri 'none'|base-uri 'none'.*object-src 'none'/,
    );
    expect(form.headers['cache-control']).toBe('no-store');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const before = await countNominals();
    const noToken = await app.inject({
      method: 'POST',
      url: '/nominals',
      headers: { cookie },
      payload: { forename: 'A', surname: 'B' },
    });
    expect(noToken.statusCode).toBe(403);
    const invalid = await app.inject({
      method: 'POST',
      url: '/nominals',
      headers: { cookie },
      payload: {
        _csrf: csrf,
        forename: 'Albert',
        surname: '',
        'dateOfBirth-day': '31',
        'dateOfBirth-month': '2',
        'dateOfBirth-year': '1980',
        sex: 'male',
      },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('govuk-error-summary');
    expect(invalid.body).toContain('href="#surname"');
    expect(invalid.body).toContain('Date of birth must be a real date');
    expect(await countNominals()).toBe(before);
    // A real date, but not a plausible one: 1850 is a typing slip.
    const implausible = await app.inject({
      method: 'POST',
      url: '/nominals',
      headers: { cookie },
      payload: {
        _csrf: csrf,
        forename: 'Albert',
        surname: 'Cole',
        'dateOfBirth-day': '3',
        'dateOfBirth-month': '2',
        'dateOfBirth-year': '1850',
        sex: 'male',
      },
    });
    expect(implausible.statusCode).toBe(400);
    expect(implausible.body).toContain('Date of birth must be in 1900 or later');
    expect(await countNominals()).toBe(before);
    const valid = await app.inject({
      method: 'POST',
      url: '/nominals',
      headers: { cookie },
      payload: {
        _csrf: csrf,
        forename: 'Albert',
        surname: 'Cole',
        'dateOfBirth-day': '28',
        'dateOfBirth-month': '2',
        'dateOfBirth-year': '1980',
        sex: 'male',
        'identifier-crn': '',
      },
    });
    expect(valid.statusCode).toBe(303);
    expect(valid.headers.location).toMatch(/^\/nominals\/[0-9a-f-]{36}$/);
    expect(await countNominals()).toBe(before + 1);
  });
});
