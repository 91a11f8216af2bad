import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { sameOriginPath, createServiceToken, findUserByEmail } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, describeEachDatabase, makeActor, uniqueSuffix } from '../support/databases.ts';
import {
  csrfOf,
  recoveryCodesOf,
  sessionCookieOf,
  signInWithPages,
  totpCode,
  totpSecretOf,
} from '../support/sign-in.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

const MINUTE = 60_000;
/** Each test its own source address, so the per-address throttle of one never reaches another. */
let addressCounter = 0;
const newAddress = () => `203.0.113.${(addressCounter = (addressCounter % 250) + 1)}`;
/** A page with its per-request parts (CSP nonce, request id) blanked, to compare two answers. */
/** The links of the GOV.UK error summary, in order. */
const summaryHrefs = (html: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/href="(#[^"]+)"/g)].map(
    (m) => m[1],
  );
const comparable = (html: string) =>
  html.replace(/nonce="[^"]+"/g, 'nonce=""').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID');

describeEachDatabase('signing in through the pages', (getDb) => {
  let app: FastifyInstance;
  /** The app's clock: tests move it forward. */
  let clock = testClock.now().getTime();
  const waits: number[] = [];
  let admin: UseCaseContext;
  let adminSignedIn: { cookie: string; csrfToken: string; totpSecret: string };

  beforeAll(async () => {
    const { database } = getDb();
    app = await buildApp({
      clock: { now: () => new Date(clock) },
      database,
      config: { trustProxy: false },
      sleep: async (ms) => void waits.push(ms),
    });
    await app.ready();
    admin = await makeActor(database, { roles: ['admin'], areaCode: 'AVS' });
    adminSignedIn = await signInWithPages(app, {
      email: admin.actor.email,
      password: TEST_PASSWORD,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string, cookie?: string, remoteAddress?: string) =>
    app.inject({
      method: 'GET',
      url,
      ...(cookie ? { headers: { cookie } } : {}),
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  const post = (
    url: string,
    payload: Record<string, string | string[]>,
    cookie?: string,
    remoteAddress?: string,
  ) =>
    app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(
        Object.entries(payload).flatMap(([k, v]): [string, string][] =>
          Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]],
        ),
      ).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  const adminCookie = () => adminSignedIn.cookie;

  it('sets up TOTP on first sign-in: QR code and key, a wrong code refused, then recovery codes and a new session', async () => {
    const user = await makeActor(getDb().database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const from = newAddress();
    const signIn = await post(
      '/sign-in',
      { email: user.actor.email, password: TEST_PASSWORD },
      undefined,
      from,
    );
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/sign-in/set-up-two-factor');
    expect(String(signIn.headers['set-cookie'])).toMatch(
      /^__Host-vigil-session=.+; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
    const pending = sessionCookieOf(signIn)!;

    // Until the second factor is done, the session reaches nothing else.
    for (const url of ['/search', '/account', '/admin/users', '/nominals/new', '/'])
      expect((await get(url, pending)).headers.location, url).toBe('/sign-in/set-up-two-factor');
    expect((await get('/sign-in', pending)).headers.location).toBe('/sign-in/set-up-two-factor');

    const page = await get('/sign-in/set-up-two-factor', pending);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(
      /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" width="200" height="200" alt="QR code/,
    );
    const secret = totpSecretOf(page.body);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const csrf = csrfOf(page.body);

    const noCsrf = await post('/sign-in/set-up-two-factor', { code: await totpCode(secret, clock) }, pending);
    expect(noCsrf.statusCode).toBe(403);
    const wrong = await post('/sign-in/set-up-two-factor', { _csrf: csrf, code: '000000' }, pending, from);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('href="#code"');
    // The same secret is offered again, so the app already set up still matches.
    expect(totpSecretOf(wrong.body)).toBe(secret);

    const done = await post(
      '/sign-in/set-up-two-factor',
      { _csrf: csrf, code: await totpCode(secret, clock) },
      pending,
      from,
    );
    expect(done.statusCode).toBe(200);
    expect(recoveryCodesOf(done.body)).toHaveLength(10);
    expect(done.headers['cache-control']).toBe('no-store');
    const active = sessionCookieOf(done)!;
    expect(active).not.toBe(pending);
    expect((await get('/account', pending)).headers.location).toBe('/sign-in');
    expect((await get('/account', active)).statusCode).toBe(200);
  });

  it('takes a recovery code once: a second use is refused on the recovery code page, which can cancel and sign out', async () => {
    const user = await makeActor(getDb().database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const from = newAddress();
    const { recoveryCodes } = await signInWithPages(app, {
      email: user.actor.email,
      password: TEST_PASSWORD,
      remoteAddress: from,
      now: () => new Date(clock),
    });
    const pendingSession = async () => {
      const password = await post(
        '/sign-in',
        { email: user.actor.email, password: TEST_PASSWORD },
        undefined,
        from,
      );
      expect(password.headers.location).toBe('/sign-in/two-factor');
      const cookie = sessionCookieOf(password)!;
      const page = await get('/sign-in/recovery-code', cookie, from);
      expect(page.statusCode).toBe(200);
      return { cookie, csrf: csrfOf(page.body) };
    };
    // Typed in capitals, it is still the code.
    const first = await pendingSession();
    const used = await post(
      '/sign-in/recovery-code',
      { _csrf: first.csrf, recoveryCode: recoveryCodes[0]!.toUpperCase() },
      first.cookie,
      from,
    );
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe('/account?recoveryCodesLeft=9');
    const account = await get(used.headers.location!, sessionCookieOf(used)!);
    expect(account.body).toContain('You have 9 recovery codes left');

    const again = await pendingSession();
    const reused = await post(
      '/sign-in/recovery-code',
      { _csrf: again.csrf, recoveryCode: recoveryCodes[0]! },
      again.cookie,
      from,
    );
    expect(reused.statusCode).toBe(400);
    expect(summaryHrefs(reused.body)).toEqual(['#recoveryCode']);
    expect(reused.body).toMatch(/govuk-error-summary[\s\S]*already been used/);
    expect(sessionCookieOf(reused)).toBeUndefined();
    // "Cancel and sign out" ends the half-done sign-in.
    const cancelled = await post('/sign-out', { _csrf: csrfOf(reused.body) }, again.cookie, from);
    expect(cancelled.headers.location).toBe('/sign-in');
    expect((await get('/sign-in/recovery-code', again.cookie, from)).headers.location).toBe('/sign-in');
  });

  it('refuses the 11th failure from an address even with the right password, answers an unknown account identically, lets in from elsewhere, and after 5 minutes', async () => {
    const user = await makeActor(getDb().database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const unknown = `nobody.${uniqueSuffix()}@example.gov.uk`;
    const start = clock;
    const answers: Record<string, { statuses: number[]; bodies: string[]; waits: number[] }> = {};
    const attacker: Record<string, string> = {};
    for (const [label, email] of [
      ['real', user.actor.email],
      ['unknown', unknown],
    ] as const) {
      waits.length = 0;
      const from = (attacker[label] = newAddress());
      const statuses: number[] = [];
      const bodies: string[] = [];
      for (let i = 0; i < 11; i++) {
        const response = await post(
          '/sign-in',
          { email, password: i < 10 ? 'a wrong guess at it' : TEST_PASSWORD },
          undefined,
          from,
        );
        statuses.push(response.statusCode);
        bodies.push(comparable(response.body).replace(email, 'EMAIL'));
        expect(response.headers['set-cookie']).toBeUndefined();
      }
      answers[label] = { statuses, bodies, waits: [...waits] };
    }
    expect(answers.real!.statuses).toEqual([...Array(10).fill(400), 429]);
    expect(answers.real!.bodies[0]).toContain('Enter a correct email address and password');
    expect(answers.real!.bodies[10]).toContain(
      'You have tried too many times. Wait 5 minutes, then try again.',
    );
    expect(answers.real!.waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000]);
    expect(answers.unknown).toEqual(answers.real);

    // The account is not locked for anyone else: from another address the user signs in at once.
    const elsewhere = await post(
      '/sign-in',
      { email: user.actor.email, password: TEST_PASSWORD },
      undefined,
      newAddress(),
    );
    expect(elsewhere.statusCode).toBe(303);

    clock = start + 5 * MINUTE + 1000;
    const later = await post(
      '/sign-in',
      { email: user.actor.email, password: TEST_PASSWORD },
      undefined,
      attacker.real,
    );
    expect(later.statusCode).toBe(303);
    clock = testClock.now().getTime();
  });

  it('shows what the idle timer has left without resetting it, and resets it when asked', async () => {
    const user = await makeActor(getDb().database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const signedIn = await signInWithPages(app, {
      email: user.actor.email,
      password: TEST_PASSWORD,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    const start = clock;
    clock = start + 10 * MINUTE;
    const status = (await get('/session/status', signedIn.cookie)).json();
    expect(status).toEqual({ signedIn: true, idleRemainingSeconds: 300, warnBeforeSeconds: 120 });
    clock = start + 14 * MINUTE;
    expect((await get('/session/status', signedIn.cookie)).json().idleRemainingSeconds).toBe(60);
    expect((await post('/session/extend', {}, signedIn.cookie)).statusCode).toBe(403);
    const extended = await post('/session/extend', { _csrf: signedIn.csrfToken }, signedIn.cookie);
    expect(extended.json()).toEqual({ signedIn: true, idleRemainingSeconds: 900, warnBeforeSeconds: 120 });
    clock = start + 28 * MINUTE;
    expect((await get('/session/status', signedIn.cookie)).json().idleRemainingSeconds).toBe(60);
    clock = start + 30 * MINUTE;
    expect((await get('/session/status', signedIn.cookie)).json()).toEqual({ signedIn: false });
    expect((await get('/account', signedIn.cookie)).headers.location).toBe('/sign-in');
    const signedOut = await get('/signed-out');
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.body).toContain('You have been signed out');
    expect(signedOut.body).toContain('had not used Vigil for 15 minutes');
    clock = testClock.now().getTime();
  });

  it('asks for a current code again before user administration once 15 minutes have passed', async () => {
    const start = clock;
    expect((await get('/admin/users', adminCookie())).statusCode).toBe(200);
    const stale = await signInWithPages(app, {
      email: admin.actor.email,
      password: TEST_PASSWORD,
      totpSecret: adminSignedIn.totpSecret,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    // The session stays alive (used 10 minutes in); it is the proof of the second factor that ages.
    clock = start + 10 * MINUTE;
    expect((await get('/account', stale.cookie)).statusCode).toBe(200);
    clock = start + 16 * MINUTE;
    const refused = await get('/admin/users?page=2', stale.cookie);
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe('/reauthenticate?next=%2Fadmin%2Fusers%3Fpage%3D2');
    const form = await get(refused.headers.location!, stale.cookie);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Confirm it’s you');
    const wrong = await post(
      '/reauthenticate',
      { _csrf: stale.csrfToken, next: '/admin/users?page=2', code: '000000' },
      stale.cookie,
      newAddress(),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#code"');
    const right = await post(
      '/reauthenticate',
      {
        _csrf: stale.csrfToken,
        next: '/admin/users?page=2',
        code: await totpCode(adminSignedIn.totpSecret, clock),
      },
      stale.cookie,
      newAddress(),
    );
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/admin/users?page=2');
    expect((await get('/admin/users', stale.cookie)).statusCode).toBe(200);
    clock = testClock.now().getTime();
  });

  it('never sends anyone elsewhere after re-authenticating', () => {
    expect(sameOriginPath('/nominals/1?section=victims')).toBe('/nominals/1?section=victims');
    for (const bad of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/\t/evil.example',
      '',
      null,
    ])
      expect(sameOriginPath(bad), String(bad)).toBeNull();
  });

  it('refuses administration to anyone but an administrator', async () => {
    const user = await makeActor(getDb().database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const signedIn = await signInWithPages(app, {
      email: user.actor.email,
      password: TEST_PASSWORD,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    expect((await get('/admin/users', signedIn.cookie)).statusCode).toBe(403);
    expect(
      (
        await post(
          '/admin/users/new',
          { _csrf: signedIn.csrfToken, email: 'x@example.gov.uk' },
          signedIn.cookie,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('adds a user with a GOV.UK error summary for bad input (writing nothing), then changes, disables and re-enables them', async () => {
    const database = getDb().database;
    const form = await get('/admin/users/new', adminCookie());
    expect(form.statusCode).toBe(200);
    const agencyId = /<option value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
    const email = `added.${uniqueSuffix()}@example.gov.uk`;
    const bad = await post(
      '/admin/users/new',
      {
        _csrf: adminSignedIn.csrfToken,
        email,
        displayName: 'Added Person',
        agencyId,
        vettingLevel: 'SC',
        'vettingExpiresOn-day': '31',
        'vettingExpiresOn-month': '2',
        'vettingExpiresOn-year': '2030',
        'trainingCompletedOn-day': '1',
        'trainingCompletedOn-month': '',
        'trainingCompletedOn-year': '2025',
        password: 'password1234',
      },
      adminCookie(),
    );
    expect(bad.statusCode).toBe(400);
    expect(summaryHrefs(bad.body)).toEqual([
      '#roles',
      '#vettingExpiresOn-day',
      '#trainingCompletedOn-day',
      '#password',
    ]);
    expect(bad.body).toContain('Training date must include a month');
    expect(bad.body).toContain('Vetting expiry date must be a real date');
    expect(bad.body).toMatch(/Password is too common/);
    expect(bad.body).toContain(`value="${email}"`);
    expect(await findUserByEmail(database, email)).toBeUndefined();

    const good = await post(
      '/admin/users/new',
      {
        _csrf: adminSignedIn.csrfToken,
        email,
        displayName: 'Added Person',
        agencyId,
        roles: ['probation_practitioner', 'meeting_chair'],
        vettingLevel: 'NPPV3',
        'vettingExpiresOn-day': '31',
        'vettingExpiresOn-month': '3',
        'vettingExpiresOn-year': '2030',
        'trainingCompletedOn-day': '1',
        'trainingCompletedOn-month': '9',
        'trainingCompletedOn-year': '2025',
        password: 'an initial passphrase 2026',
      },
      adminCookie(),
    );
    expect(good.statusCode).toBe(303);
    const userPath = good.headers.location!.replace(/\?.*$/, '');
    expect(good.headers.location).toMatch(/^\/admin\/users\/[0-9a-f-]{36}\?done=added$/);
    const page = await get(good.headers.location!, adminCookie());
    expect(page.body).toContain('User added.');
    expect(page.body).toContain('NPPV level 3, expires 31 March 2030');
    expect(page.body).toContain('Account created');

    const added = await signInWithPages(app, {
      email,
      password: 'an initial passphrase 2026',
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    const edit = await get(`${userPath}/edit`, adminCookie());
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    const changed = await post(
      `${userPath}/edit`,
      {
        _csrf: adminSignedIn.csrfToken,
        version,
        roles: ['victim_liaison_officer'],
        vettingLevel: 'SC',
        'vettingExpiresOn-day': '1',
        'vettingExpiresOn-month': '1',
        'vettingExpiresOn-year': '2031',
        'trainingCompletedOn-day': '1',
        'trainingCompletedOn-month': '9',
        'trainingCompletedOn-year': '2025',
      },
      adminCookie(),
    );
    expect(changed.headers.location).toBe(`${userPath}?done=updated`);
    const stale = await post(
      `${userPath}/edit`,
      {
        _csrf: adminSignedIn.csrfToken,
        version,
        roles: ['probation_practitioner'],
        vettingLevel: 'SC',
        'vettingExpiresOn-day': '1',
        'vettingExpiresOn-month': '1',
        'vettingExpiresOn-year': '2031',
        'trainingCompletedOn-day': '1',
        'trainingCompletedOn-month': '9',
        'trainingCompletedOn-year': '2025',
      },
      adminCookie(),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this user');

    // Disabling ends their session at once.
    expect(
      (await post(`${userPath}/disable`, { _csrf: adminSignedIn.csrfToken }, adminCookie())).headers.location,
    ).toBe(`${userPath}?done=disabled`);
    expect((await get('/account', added.cookie)).headers.location).toBe('/sign-in');
    expect(
      (await post(`${userPath}/enable`, { _csrf: adminSignedIn.csrfToken }, adminCookie())).headers.location,
    ).toBe(`${userPath}?done=enabled`);
    const history = await get(userPath, adminCookie());
    for (const entry of [
      'Account created',
      'Roles, vetting or training changed',
      'Account disabled',
      'Account enabled',
      'Two-factor authentication set up',
    ])
      expect(history.body, entry).toContain(entry);
  });

  it('links each missing field of the add-a-user form to its input, keeps what was typed, and refuses a user with no role', async () => {
    const database = getDb().database;
    const email = `nia.${uniqueSuffix()}@example.gov.uk`;
    // Only an email address and a name.
    const bad = await post(
      '/admin/users/new',
      { _csrf: adminSignedIn.csrfToken, email, displayName: 'Nia Starter' },
      adminCookie(),
    );
    expect(bad.statusCode).toBe(400);
    const hrefs = summaryHrefs(bad.body);
    expect(hrefs).toEqual([
      '#agencyId',
      '#roles',
      '#vettingLevel',
      '#vettingExpiresOn-day',
      '#trainingCompletedOn-day',
      '#password',
    ]);
    for (const href of hrefs) expect(bad.body, href).toContain(`id="${href!.slice(1)}"`);
    expect(bad.body).toMatch(
      /name="displayName"[^>]*value="Nia Starter"|value="Nia Starter"[^>]*name="displayName"/,
    );
    expect(await findUserByEmail(database, email)).toBeUndefined();

    // A user's roles changed to none at all are refused.
    const user = await makeActor(database, {
      roles: ['probation_practitioner', 'meeting_chair'],
      areaCode: 'AVS',
    });
    const edit = await get(`/admin/users/${user.actor.userId}/edit`, adminCookie());
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    const noRole = await post(
      `/admin/users/${user.actor.userId}/edit`,
      {
        _csrf: adminSignedIn.csrfToken,
        version,
        vettingLevel: 'SC',
        'vettingExpiresOn-day': '31',
        'vettingExpiresOn-month': '12',
        'vettingExpiresOn-year': '2036',
        'trainingCompletedOn-day': '6',
        'trainingCompletedOn-month': '1',
        'trainingCompletedOn-year': '2025',
      },
      adminCookie(),
    );
    expect(noRole.statusCode).toBe(400);
    expect(summaryHrefs(noRole.body)).toEqual(['#roles']);
    expect(noRole.body).toContain('Select at least one role');
    const roles = await database.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', user.actor.userId)
      .orderBy('role')
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['meeting_chair', 'probation_practitioner']);
  });

  it('lets an administrator end a user’s sessions, reset their TOTP and revoke their tokens from the user page', async () => {
    const database = getDb().database;
    const user = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const signedIn = await signInWithPages(app, {
      email: user.actor.email,
      password: TEST_PASSWORD,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    const token = await createServiceToken(database, testMoment(), user.actor.userId, 'Bridge', null);
    const userPath = `/admin/users/${user.actor.userId}`;
    const page = await get(userPath, adminCookie());
    expect(page.body).toContain('1 session');
    expect(
      (await post(`${userPath}/end-sessions`, { _csrf: adminSignedIn.csrfToken }, adminCookie())).statusCode,
    ).toBe(303);
    expect((await get('/account', signedIn.cookie)).headers.location).toBe('/sign-in');

    const tokenId = new RegExp(`${userPath}/tokens/([0-9a-f-]{36})/revoke`).exec(page.body)![1]!;
    const api = () =>
      app.inject({ method: 'GET', url: '/api/v1/areas', headers: { authorization: `Bearer ${token}` } });
    expect((await api()).statusCode).toBe(200);
    expect(
      (await post(`${userPath}/tokens/${tokenId}/revoke`, { _csrf: adminSignedIn.csrfToken }, adminCookie()))
        .headers.location,
    ).toBe(`${userPath}?done=token-revoked`);
    expect((await api()).statusCode).toBe(401);

    expect(
      (await post(`${userPath}/reset-two-factor`, { _csrf: adminSignedIn.csrfToken }, adminCookie()))
        .statusCode,
    ).toBe(303);
    const again = await post(
      '/sign-in',
      { email: user.actor.email, password: TEST_PASSWORD },
      undefined,
      newAddress(),
    );
    expect(again.headers.location).toBe('/sign-in/set-up-two-factor');
  });

  it('issues an API token from the user page while Vigil serves: shown once, checked like the command line, bound to its scope', async () => {
    const database = getDb().database;
    const user = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const tokensPath = `/admin/users/${user.actor.userId}/tokens/new`;
    expect((await get(`/admin/users/${user.actor.userId}`, adminCookie())).body).toContain(
      `href="${tokensPath}"`,
    );
    expect((await get(tokensPath, adminCookie())).statusCode).toBe(200);
    const count = async () =>
      (
        await database.db
          .selectFrom('service_accounts')
          .select('id')
          .where('user_id', '=', user.actor.userId)
          .execute()
      ).length;

    const refused = await post(
      tokensPath,
      { _csrf: adminSignedIn.csrfToken, name: 'Import', access: 'read', areas: 'ZZZ', expiresDays: '0' },
      adminCookie(),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('from 1 to 366');
    expect(await count()).toBe(0);
    const badArea = await post(
      tokensPath,
      { _csrf: adminSignedIn.csrfToken, name: 'Import', access: 'read', areas: 'ZZZ', expiresDays: '30' },
      adminCookie(),
    );
    expect(badArea.statusCode).toBe(400);
    expect(badArea.body).toContain('Unknown area code: ZZZ');
    expect(await count()).toBe(0);

    const issued = await post(
      tokensPath,
      { _csrf: adminSignedIn.csrfToken, name: 'Import', access: 'read', areas: 'AVS', expiresDays: '30' },
      adminCookie(),
    );
    expect(issued.statusCode).toBe(201);
    const token = /value="(vgl_[A-Za-z0-9_-]+)"/.exec(issued.body)?.[1];
    expect(token).toBeDefined();
    expect(await count()).toBe(1);
    const stored = await database.db
      .selectFrom('service_accounts')
      .select(['token_hash', 'read_only', 'area_codes', 'expires_at'])
      .where('user_id', '=', user.actor.userId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored).toMatchObject({ read_only: true, area_codes: ['AVS'] });
    const api = (method: 'GET' | 'POST', url: string) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        payload: method === 'POST' ? {} : undefined,
      });
    expect((await api('GET', '/api/v1/areas')).statusCode).toBe(200);
    expect((await api('POST', '/api/v1/nominals')).statusCode).toBe(403);
    // Shown once: the user page lists it by name, never the token.
    const page = await get(`/admin/users/${user.actor.userId}`, adminCookie());
    expect(page.body).toContain('Import');
    expect(page.body).not.toContain(token!);
    // Only administrators reach the form.
    const other = await signInWithPages(app, {
      email: user.actor.email,
      password: TEST_PASSWORD,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    expect((await get(tokensPath, other.cookie)).statusCode).toBe(403);
  });

  it('shows a suspended user why, on every page, and refuses their token with the same reason', async () => {
    const database = getDb().database;
    const user = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const signedIn = await signInWithPages(app, {
      email: user.actor.email,
      password: TEST_PASSWORD,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    const token = await createServiceToken(database, testMoment(), user.actor.userId, 'Bridge', null);
    await database.transaction((tx) =>
      tx
        .updateTable('users')
        .set({ vetting_expires_on: '2020-01-01' })
        .where('id', '=', user.actor.userId)
        .execute(),
    );
    for (const url of ['/search', '/account', '/']) {
      const page = await get(url, signedIn.cookie);
      expect(page.statusCode, url).toBe(403);
      expect(page.body).toContain(
        'Your access has been suspended because your vetting has expired – contact your administrator.',
      );
    }
    const api = await app.inject({
      method: 'GET',
      url: '/api/v1/areas',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.statusCode).toBe(403);
    expect(api.json()).toMatchObject({ title: 'Access suspended' });
    const signIn = await post(
      '/sign-in',
      { email: user.actor.email, password: TEST_PASSWORD },
      undefined,
      newAddress(),
    );
    expect(signIn.statusCode).toBe(403);
    expect(signIn.body).toContain('because your vetting has expired');
    expect(signIn.headers['set-cookie']).toBeUndefined();
    // Signing out still works.
    expect((await post('/sign-out', { _csrf: signedIn.csrfToken }, signedIn.cookie)).headers.location).toBe(
      '/sign-in',
    );
  });

  it('signs out everywhere from the account page', async () => {
    const user = await makeActor(getDb().database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const first = await signInWithPages(app, {
      email: user.actor.email,
      password: TEST_PASSWORD,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    const second = await signInWithPages(app, {
      email: user.actor.email,
      password: TEST_PASSWORD,
      totpSecret: first.totpSecret,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    const account = await get('/account', first.cookie);
    expect(account.body).toContain('signed in on 2 computers');
    const out = await post('/account/sign-out-everywhere', { _csrf: first.csrfToken }, first.cookie);
    expect(out.headers.location).toBe('/signed-out?reason=everywhere');
    expect((await get('/account', first.cookie)).headers.location).toBe('/sign-in');
    expect((await get('/account', second.cookie)).headers.location).toBe('/sign-in');
  });

  it('changes a password with a GOV.UK error summary for mistakes', async () => {
    const user = await makeActor(getDb().database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    const signedIn = await signInWithPages(app, {
      email: user.actor.email,
      password: TEST_PASSWORD,
      remoteAddress: newAddress(),
      now: () => new Date(clock),
    });
    const bad = await post(
      '/account/password',
      { _csrf: signedIn.csrfToken, currentPassword: '', newPassword: 'short', confirmPassword: '' },
      signedIn.cookie,
    );
    expect(bad.statusCode).toBe(400);
    expect(summaryHrefs(bad.body)).toEqual(['#currentPassword', '#newPassword']);
    // The right current password, but a new one everybody guesses.
    const common = await post(
      '/account/password',
      {
        _csrf: signedIn.csrfToken,
        currentPassword: TEST_PASSWORD,
        newPassword: 'password1234',
        confirmPassword: 'password1234',
      },
      signedIn.cookie,
    );
    expect(common.statusCode).toBe(400);
    expect(summaryHrefs(common.body)).toEqual(['#newPassword']);
    expect(common.body).toMatch(/govuk-error-summary[\s\S]*Password is too common/);
    const good = await post(
      '/account/password',
      {
        _csrf: signedIn.csrfToken,
        currentPassword: TEST_PASSWORD,
        newPassword: 'my new passphrase here',
        confirmPassword: 'my new passphrase here',
      },
      signedIn.cookie,
      newAddress(),
    );
    expect(good.headers.location).toBe('/account?passwordChanged=1');
    expect((await get(good.headers.location!, signedIn.cookie)).body).toContain(
      'Your password has been changed',
    );
  });
});
