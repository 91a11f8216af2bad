import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Database } from '../../src/db/database.ts';
import { grantJustifiedAccess } from '../../src/modules/justified-access/index.ts';
import { addSectionRow, createNominal, getNominal } from '../../src/modules/nominals/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, makeActor, testClock } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';

process.env.VIGIL_LOG = 'silent';

/** Issue 11 item 5: refusals (403) are logged with their reason, reads with their basis, CSVs as disclosures. */

interface Entry {
  user_id: string | null;
  operation: string;
  record_type: string;
  record_ids: string[];
  section: string | null;
  purpose: string | null;
  recipients: string[];
}

async function entriesAfter(database: Database, seq: number): Promise<Entry[]> {
  const rows = await sql<Entry>`
    SELECT user_id::text AS user_id, operation, record_type, record_ids::text[] AS record_ids, section, purpose, recipients
    FROM access_log WHERE id > ${seq} ORDER BY id`.execute(database.db);
  return rows.rows;
}

async function headSeq(database: Database): Promise<number> {
  return Number(
    (await sql<{ seq: number }>`SELECT seq FROM access_log_head`.execute(database.db)).rows[0]!.seq,
  );
}

describeEachDatabase('access log: refusals, bases and downloads', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let colleague: UseCaseContext;
  let outsider: UseCaseContext;
  let layAdviser: UseCaseContext;
  let personId: string;

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    colleague = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'AVS' });
    outsider = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'GLO' });
    layAdviser = await makeActor(db(), { roles: ['lay_adviser'], areaCode: 'AVS' });
    personId = (await createNominal(db(), practitioner, identity({ forename: 'Basil', surname: 'Basis' })))
      .id;
    // The practitioner manages the person, so they are on the practitioner's worklist.
    await db()
      .db.insertInto('nominal_managers')
      .values({
        nominal_id: personId,
        role: 'community_offender_manager',
        user_id: practitioner.actor.userId,
        name: practitioner.actor.displayName,
        agency_id: practitioner.actor.agencyId,
        from_date: TODAY,
        to_date: null,
      })
      .execute();
  });

  it('logs each read with the basis on which the record was in scope', async () => {
    let before = await headSeq(db());
    await getNominal(db(), colleague, personId);
    expect(await entriesAfter(db(), before)).toEqual([
      expect.objectContaining({
        user_id: colleague.actor.userId,
        operation: 'consultation',
        record_ids: [personId],
        purpose: 'Basis: area role (police_offender_manager) in AVS',
      }),
    ]);

    const reason = 'Transferred to our area from Avon last week; checking the licence conditions';
    await grantJustifiedAccess(db(), outsider, personId, reason);
    before = await headSeq(db());
    await getNominal(db(), outsider, personId);
    expect(await entriesAfter(db(), before)).toEqual([
      expect.objectContaining({
        user_id: outsider.actor.userId,
        operation: 'consultation',
        record_ids: [personId],
        purpose: `Basis: justified access: ${reason}`,
      }),
    ]);
  });

  it('logs a 403 with who, which route and record, and why; and a worklist CSV as a disclosure', async () => {
    const app = await buildApp({
      clock: fixedClock(testClock.now()),
      database: db(),
      config: { trustProxy: false },
    });
    try {
      const adviser = await signInWithPages(app, {
        email: layAdviser.actor.email,
        password: TEST_PASSWORD,
        now: () => testClock.now(),
      });
      let before = await headSeq(db());
      const refused = await app.inject({ url: `/nominals/${personId}`, headers: { cookie: adviser.cookie } });
      expect(refused.statusCode).toBe(403);
      expect(await entriesAfter(db(), before)).toEqual([
        {
          user_id: layAdviser.actor.userId,
          operation: 'consultation',
          record_type: 'nominal',
          record_ids: [personId],
          section: 'refused (403): GET /nominals/:id',
          purpose: 'refused: policy: none of the roles held (lay_adviser) may nominal.view',
          recipients: [],
        },
      ]);

      const officer = await signInWithPages(app, {
        email: practitioner.actor.email,
        password: TEST_PASSWORD,
        now: () => testClock.now(),
      });
      // Something due for Basil (a level decision: Category 2, no level), so he is a row of the worklist.
      await addSectionRow(db(), practitioner, personId, 'convictions', {
        offence: 'Wounding or causing grievous bodily harm with intent',
        convictionDate: '2025-06-01',
        outcome: 'custody',
        lengthMonths: 36,
        isIndexOffence: true,
        sentenceStart: '2025-06-01',
        conditionalReleaseDate: '2027-06-01',
        licenceExpiryDate: '2028-06-01',
        sentenceExpiryDate: '2028-06-01',
      });
      before = await headSeq(db());
      const csv = await app.inject({ url: '/worklists/mine.csv', headers: { cookie: officer.cookie } });
      expect(csv.statusCode).toBe(200);
      const logged = await entriesAfter(db(), before);
      expect(logged.at(-1)).toEqual({
        user_id: practitioner.actor.userId,
        operation: 'disclosure',
        record_type: 'nominal',
        record_ids: expect.arrayContaining([personId]),
        section: 'My worklist (CSV)',
        purpose: 'My worklist downloaded as a CSV',
        recipients: [`${practitioner.actor.displayName} (${practitioner.actor.agencyName})`],
      });
    } finally {
      await app.close();
    }
  });
});
