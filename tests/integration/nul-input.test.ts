import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { testClock, testMoment } from '../support/clock.ts';
import { TEST_PASSWORD, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';

/** A NUL character (which PostgreSQL cannot store) is invalid input everywhere: 400, never 500, nothing written. */
describeEachDatabase('NUL characters in input', (getDb) => {
  let app: FastifyInstance;
  let practitioner: UseCaseContext;
  let token: string;
  beforeAll(async () => {
    const { database } = getDb();
    practitioner = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    token = await createServiceToken(database, testMoment(), practitioner.actor.userId, 'nul', null, {
      readOnly: false,
    });
    app = await buildApp({ database, config: { trustProxy: false }, clock: testClock });
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses them in JSON bodies, query strings and forms, naming the field, and writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await getDb()
            .database.db.selectFrom('nominals')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/nominals',
      headers: { authorization: `Bearer ${token}` },
      payload: identity({ forename: 'a\u0000' }),
    });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toMatch(/problem\+json/);
    expect(json.json().errors).toEqual([
      { field: 'forename', message: 'Remove the invisible NUL character from this field' },
    ]);
    const search = await app.inject({
      url: '/api/v1/search?q=a%00b',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(search.statusCode).toBe(400);

    const session = await signInWithPages(app, { email: practitioner.actor.email, password: TEST_PASSWORD });
    const page = await app.inject({ url: '/search?q=a%00b', headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Remove the invisible NUL character');
    const form = await app.inject({
      method: 'POST',
      url: '/nominals',
      headers: { cookie: session.cookie },
      payload: { _csrf: session.csrfToken, ...identity({ surname: 'b\u0000' }) },
    });
    expect(form.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});
