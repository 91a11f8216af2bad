import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { logAccess } from '../../src/audit/access-log.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { testClock, testMoment } from '../support/clock.ts';
import { describeEachDatabase, ensureAgency, makeActor, TEST_PASSWORD } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';

process.env.VIGIL_LOG = 'silent';

/**
 * The access log as a data protection officer reads it (issue 13): a disclosure names its
 * recipients — a user with their agency, an agency — never by id, and dates are written in full.
 */
describeEachDatabase('names and dates on the access log pages', (getDb) => {
  const db = () => getDb().database;
  let app: FastifyInstance;
  let practitioner: UseCaseContext;
  let recipient: UseCaseContext;
  let dpo: UseCaseContext;
  let housing: { id: string; name: string };
  let nominal: { id: string; vigilRef: string };

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    recipient = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'AVS' });
    dpo = await makeActor(db(), {
      roles: ['data_protection_officer'],
      areaCode: 'AVS',
      agencyType: 'police',
    });
    housing = await ensureAgency(db(), 'AVS', 'housing');
    nominal = await createNominal(db(), practitioner, identity({ forename: 'Dora', surname: 'Disclosed' }));
    // A disclosure to a user, to an agency and to someone named in words.
    await db().transaction((tx) =>
      logAccess(tx, practitioner, {
        operation: 'disclosure',
        recordType: 'nominal',
        recordIds: [nominal.id],
        recipients: [recipient.actor.userId, housing.id, 'The Information Commissioner'],
      }),
    );
    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('names each recipient of a disclosure on the page, with dates in full', async () => {
    const signedIn = await signInWithPages(app, { email: dpo.actor.email, password: TEST_PASSWORD });
    const page = await app.inject({
      url: `/audit/record?q=${encodeURIComponent(nominal.vigilRef)}`,
      headers: { cookie: signedIn.cookie },
    });
    expect(page.statusCode).toBe(200);
    const html = page.body.replace(/\s+/g, ' ');
    expect(html).toContain(
      `to ${recipient.actor.displayName} (${recipient.actor.agencyName}), ${housing.name}, The Information Commissioner`,
    );
    expect(html).not.toContain(`to ${recipient.actor.userId}`);
    expect(html).not.toContain(housing.id);
    // "23 November 2026 at 12:00:00", not "23 Nov 2026" nor an ISO date in the text.
    expect(html).toMatch(/>\d{1,2} November 2026 at \d{2}:\d{2}:\d{2}</);
  });

  it('gives the recipients by name on the API too, beside what was logged', async () => {
    const token = await createServiceToken(db(), testMoment(), dpo.actor.userId, 'dpo', null);
    const response = await app.inject({
      url: `/api/v1/audit/records/${nominal.id}/entries`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    const disclosure = response
      .json()
      .entries.find((e: { operation: string }) => e.operation === 'disclosure');
    expect(disclosure.recipientNames).toEqual([
      `${recipient.actor.displayName} (${recipient.actor.agencyName})`,
      housing.name,
      'The Information Commissioner',
    ]);
    expect(disclosure.recipients[0]).toBe(recipient.actor.userId);
  });
});
