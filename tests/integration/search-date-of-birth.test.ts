import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { testClock, testMoment } from '../support/clock.ts';
import { describeEachDatabase, makeActor, TEST_PASSWORD } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { signInWithPages, type SignedIn } from '../support/sign-in.ts';

process.env.VIGIL_LOG = 'silent';

/**
 * The search's date of birth is a GOV.UK date input on the page (issue 13), the same check as the
 * API's `dateOfBirth` (YYYY-MM-DD), which keeps working.
 */
describeEachDatabase('date of birth on the search page and API', (getDb) => {
  const db = () => getDb().database;
  let app: FastifyInstance;
  let officer: UseCaseContext;
  let signedIn: SignedIn;
  const surname = `Birthday${Math.floor(Math.random() * 1e6)}`;

  beforeAll(async () => {
    officer = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    await createNominal(db(), officer, identity({ forename: 'Barry', surname, dateOfBirth: '1980-02-03' }));
    await createNominal(db(), officer, identity({ forename: 'Barry', surname, dateOfBirth: '1981-07-09' }));
    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    signedIn = await signInWithPages(app, { email: officer.actor.email, password: TEST_PASSWORD });
  });
  afterAll(async () => {
    await app?.close();
  });

  const search = (query: string) =>
    app.inject({ url: `/search?q=Barry+${surname}&${query}`, headers: { cookie: signedIn.cookie } });

  it('searches by the day, month and year typed, and shows them again', async () => {
    const page = await search('dateOfBirth-day=3&dateOfBirth-month=2&dateOfBirth-year=1980');
    expect(page.statusCode).toBe(200);
    const html = page.body.replace(/\s+/g, ' ');
    expect(html).toContain('3 February 1980');
    expect(html).toContain('1 person found');
    expect(html).toMatch(/name="dateOfBirth-day"[^>]*value="3"/);
    expect(html).toMatch(/name="dateOfBirth-year"[^>]*value="1980"/);
    expect(html).not.toContain('YYYY-MM-DD');
  });

  it('says what is missing or wrong, as the date input pattern does', async () => {
    const missing = await search('dateOfBirth-day=3&dateOfBirth-month=&dateOfBirth-year=1980');
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Date of birth must include a month');
    const unreal = await search('dateOfBirth-day=31&dateOfBirth-month=2&dateOfBirth-year=1980');
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('Date of birth must be a real date');
    expect(unreal.body).toMatch(/name="dateOfBirth-day"[^>]*value="31"/);
  });

  it('still takes YYYY-MM-DD on the API', async () => {
    const token = await createServiceToken(db(), testMoment(), officer.actor.userId, 'search', null);
    const response = await app.inject({
      url: `/api/v1/search?q=Barry+${surname}&dateOfBirth=1981-07-09`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().query.dateOfBirth).toBe('1981-07-09');
    expect(response.json().results[0].dateOfBirth).toBe('1981-07-09');
  });
});
