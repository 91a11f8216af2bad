import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, describeEachDatabase, makeActor } from '../support/databases.ts';
import { accessLogFor, identity, newPnc } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/** Add a person: a similar name born the same day, or a known identifier, is shown before anything is written. */
describeEachDatabase('possible duplicates on Add a person', (getDb) => {
  let app: FastifyInstance;
  let token: string;
  let practitioner: UseCaseContext;
  let existingId: string;
  let pnc: string;

  beforeAll(async () => {
    const { database } = getDb();
    practitioner = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const elsewhere = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'GLO' });
    token = await createServiceToken(database, testMoment(), practitioner.actor.userId, 'test', null, {
      readOnly: false,
    });
    pnc = newPnc();
    existingId = (
      await createNominal(database, practitioner, {
        ...identity({ forename: 'Jonathan', surname: 'Twinning', dateOfBirth: '1979-03-14' }),
        identifiers: [{ type: 'pnc', value: pnc }],
      })
    ).id;
    await addSectionRow(database, practitioner, existingId, 'addresses', {
      type: 'home',
      line1: '1 High Street',
      town: 'Bristol',
      postcode: 'BS1 4DJ',
      fromDate: '2024-01-01',
    });
    // The same name and birthday, managed in another area: the user may not see who it is.
    await createNominal(
      database,
      elsewhere,
      identity({ forename: 'Jonathan', surname: 'Twinning', dateOfBirth: '1979-03-14' }),
    );
    app = await buildApp({ clock: testClock, database, config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  const api = (payload: unknown) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/nominals',
      headers: { authorization: `Bearer ${token}` },
      payload: payload as object,
    });
  const countNamed = async (surname: string) =>
    Number(
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM nominals WHERE surname = ${surname}`.execute(
          getDb().database.db,
        )
      ).rows[0]!.n,
    );

  it('answers 409 with the candidates (details only within scope), writes nothing, and creates once confirmed', async () => {
    // "Jon" for "Jonathan": a similar name, the same date of birth.
    const person = identity({ forename: 'Jon', surname: 'Twinning', dateOfBirth: '1979-03-14' });
    const refused = await api(person);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const candidates = refused.json().candidates as Record<string, unknown>[];
    expect(candidates).toHaveLength(2);
    expect(candidates).toContainEqual({
      inScope: true,
      id: existingId,
      vigilRef: expect.any(String),
      name: 'Jonathan Twinning',
      dateOfBirth: '1979-03-14',
      town: 'Bristol',
      pnc,
      areaCode: 'AVS',
      areaName: expect.any(String),
      mappaLevel: null,
      matchedOn: 'name and date of birth',
    });
    // Managed in Gloucestershire: said to exist, nothing more.
    expect(candidates).toContainEqual({ inScope: false, matchedOn: 'name and date of birth' });
    expect(await countNamed('Twinning')).toBe(2);
    // Showing a candidate is a consultation of their record.
    expect((await accessLogFor(getDb().database, existingId)).map((e) => e.section)).toContain(
      'possible duplicates',
    );

    const created = await api({ ...person, confirmedNotDuplicate: true });
    expect(created.statusCode).toBe(201);
    expect(await countNamed('Twinning')).toBe(3);
  });

  it('does not warn of a different date of birth, and warns of a known identifier whatever the name', async () => {
    const otherBirthday = await api(
      identity({ forename: 'Jonathan', surname: 'Twinning', dateOfBirth: '1981-07-02' }),
    );
    expect(otherBirthday.statusCode).toBe(201);

    const samePnc = await api({
      ...identity({ forename: 'Quentin', surname: 'Other', dateOfBirth: '1990-01-01' }),
      identifiers: [{ type: 'pnc', value: pnc }],
    });
    expect(samePnc.statusCode).toBe(409);
    expect(samePnc.json().candidates).toEqual([
      expect.objectContaining({ id: existingId, matchedOn: 'identifier' }),
    ]);
    // An identifier belongs to one person: confirming does not let a second record hold it.
    const confirmed = await api({
      ...identity({ forename: 'Quentin', surname: 'Other', dateOfBirth: '1990-01-01' }),
      identifiers: [{ type: 'pnc', value: pnc }],
      confirmedNotDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(400);
    expect(await countNamed('Other')).toBe(0);
  });

  it('shows the warning on the page, insists on the confirmation, then saves', async () => {
    const { cookie } = await signInWithPages(app, {
      email: practitioner.actor.email,
      password: TEST_PASSWORD,
    });
    const form = await app.inject({ method: 'GET', url: '/nominals/new', headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const typed = {
      _csrf: csrf,
      forename: 'Jonathon',
      surname: 'Twinning',
      'dateOfBirth-day': '14',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '1979',
      sex: 'male',
    };
    const before = await countNamed('Twinning');
    const post = (payload: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/nominals', headers: { cookie }, payload });

    const warned = await post(typed);
    expect(warned.statusCode).toBe(409);
    expect(warned.body).toContain('This person may already be recorded');
    expect(warned.body).toContain(`href="/nominals/${existingId}"`);
    expect(warned.body).toContain('14 March 1979');
    expect(warned.body).toContain('Bristol');
    expect(warned.body).toContain('A possible match is managed in another area.');
    expect(warned.body).toContain('This is a different person');
    expect(warned.body).not.toContain('govuk-error-summary');

    // Saved again without ticking the box: still nothing written, and the summary says why.
    const unticked = await post({ ...typed, duplicatesShown: 'yes' });
    expect(unticked.statusCode).toBe(409);
    expect(unticked.body).toContain('govuk-error-summary');
    expect(unticked.body).toContain('href="#confirmedNotDuplicate"');
    expect(await countNamed('Twinning')).toBe(before);

    const saved = await post({ ...typed, duplicatesShown: 'yes', confirmedNotDuplicate: 'yes' });
    expect(saved.statusCode).toBe(303);
    expect(await countNamed('Twinning')).toBe(before + 1);
  });
});
