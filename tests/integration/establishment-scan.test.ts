import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ForbiddenError } from '../../src/domain/errors.ts';
import {
  addMonitoredContact,
  importCallRecords,
  receiveIntoCustody,
  recordCommunication,
  scanEstablishment,
  startMonitoring,
} from '../../src/modules/custody/index.ts';
import { scanCase } from '../../src/modules/custody/monitoring-flags.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';

/**
 * The establishment-wide flag scan (issue 14's benchmark scenario) raises exactly the flags the
 * per-case scan raises for each case held there: same rules, same 90 days, one query for the
 * communications. Three prisoners: a "Kevin" (a new partner called all day, one day of 45, a
 * victim's number), a steady caller with an old translation outstanding, and one with a backlog of
 * old unlistened calls beside old listened ones (which the establishment scan need not read).
 */
describeEachDatabase('establishment flag scan', (getDb) => {
  const db = () => getDb().database;
  let pom: UseCaseContext;
  let security: UseCaseContext;
  const cases: { id: string; nominalId: string }[] = [];
  const suffix = Math.random().toString(36).slice(2, 8);

  const csv = (rows: string[][]) =>
    ['Timestamp,Number Called,Duration,PIN Account', ...rows.map((r) => r.join(','))].join('\n');
  const calls = (count: number, day: string, number: string, pin: string) =>
    Array.from({ length: count }, (_, i) => [
      `${day} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      number,
      '120',
      pin,
    ]);
  const days = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => addDays(TODAY, -(to - i)));

  beforeAll(async () => {
    pom = await makeActor(db(), { roles: ['prison_offender_manager'], areaCode: 'NOT' });
    security = await makeActor(db(), { roles: ['prison_security'], areaCode: 'NOT' });
    const practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOT' });
    for (const [k, surname] of ['Caller', 'Steady', 'Backlog'].entries()) {
      const nominalId = (await createNominal(db(), practitioner, identity({ forename: 'Scan', surname }))).id;
      await receiveIntoCustody(db(), pom, nominalId, {
        establishmentAgencyId: pom.actor.agencyId,
        receivedOn: '2026-01-10',
        recall: false,
        conditionalReleaseDate: '2027-09-01',
      });
      const started = await startMonitoring(db(), security, nominalId, {
        pinAccount: `PIN-${suffix}-${k}`,
        reasons: ['harassment'],
        authorisedBy: 'Head of Security',
        authorisedOn: '2026-08-01',
      });
      cases.push({ id: started.id, nominalId });
    }
    await addMonitoredContact(db(), security, cases[0]!.nominalId, cases[0]!.id, {
      counterpart: '07700 900999',
      link: 'victim',
      source: 'Relationship: victim (Jane Doe)',
    });
    const pin = (k: number) => `PIN-${suffix}-${k}`;
    const file = csv([
      // Kevin: family now and then for 80 days, a new partner 12 a day for 25 days, 45 on one.
      ...days(0, 80).flatMap((d, i) => calls(i % 3 === 0 ? 2 : 1, d, '01134960111', pin(0))),
      ...days(1, 25).flatMap((d) => calls(12, d, '07700900123', pin(0))),
      ...calls(45, addDays(TODAY, -3), '07700900123', pin(0)),
      ...calls(2, addDays(TODAY, -10), '07700900999', pin(0)),
      // Steady: three calls a day for 85 days.
      ...days(0, 85).flatMap((d) => calls(3, d, '02079460222', pin(1))),
      // Backlog: old calls never listened to.
      ...days(70, 85).flatMap((d) => calls(2, d, '01614960333', pin(2))),
    ]);
    const done = await importCallRecords(db(), security, { fileName: 'calls.csv', csv: file, confirm: true });
    expect(done.imported).toBe(true);
    // Kevin's and Steady's calls of more than 20 days ago listened to (the scan then only counts
    // those in the baseline), the backlog's old calls not.
    await sql`UPDATE communications SET listened_on = occurred_on + 1
      WHERE case_id = ANY(${[cases[0]!.id, cases[1]!.id]}::uuid[]) AND occurred_on < ${addDays(TODAY, -20)}::date`.execute(
      db().db,
    );
    // Old calls listened to, and an old translation still outstanding.
    for (const d of days(70, 80))
      await recordCommunication(db(), pom, cases[2]!.nominalId, cases[2]!.id, {
        kind: 'call',
        occurredOn: d,
        counterpart: '01614960444',
        listenedOn: addDays(d, 1),
      });
    await recordCommunication(db(), pom, cases[1]!.nominalId, cases[1]!.id, {
      kind: 'mail',
      occurredOn: addDays(TODAY, -75),
      counterpart: 'Letter to an address in Nottingham',
      language: 'Polish',
      translationRequestedOn: addDays(TODAY, -74),
    });
  }, 120_000);

  const storedFlags = async () =>
    (
      await sql<Record<string, unknown>>`
        SELECT case_id, key, kind, counterpart, count, from_on, to_on, evidence, raised_on FROM monitoring_flags
        WHERE case_id = ANY(${cases.map((c) => c.id)}::uuid[]) ORDER BY case_id, key`.execute(db().db)
    ).rows;
  const clearFlags = () =>
    sql`DELETE FROM monitoring_flags WHERE case_id = ANY(${cases.map((c) => c.id)}::uuid[])`.execute(db().db);

  it('raises the same flags as the per-case scan of every case held there, and logs the reading', async () => {
    await clearFlags();
    const result = await scanEstablishment(db(), security);
    expect(result.cases).toBe(3);
    const establishmentWide = await storedFlags();
    const kinds = new Set(establishmentWide.map((f) => f.kind));
    for (const kind of [
      'daily_volume',
      'monthly_volume',
      'baseline_spike',
      'linked_contact',
      'listening_backlog',
      'translation_outstanding',
    ])
      expect(kinds, kind).toContain(kind);
    expect(result.flagsRaised).toBe(establishmentWide.length);
    // It read less than the 90 days (older listened calls only counted), and found the same.
    const stored = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM communications WHERE case_id = ANY(${cases.map((c) => c.id)}::uuid[])`.execute(
      db().db,
    );
    expect(result.communicationsRead).toBeLessThan(stored.rows[0]!.n - 100);
    const logged = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM access_log
      WHERE user_id = ${security.actor.userId} AND section = 'communications monitoring: establishment scan'
        AND record_ids @> ${cases.map((c) => c.nominalId)}::uuid[]`.execute(db().db);
    expect(logged.rows[0]!.n).toBe(1);

    await clearFlags();
    await db().transaction(async (tx) => {
      for (const c of cases)
        await scanCase(tx, security, {
          id: c.id,
          nominal_id: c.nominalId,
          establishmentId: security.actor.agencyId,
          pomUserId: null,
          areaCode: 'NOT',
        });
    });
    expect(await storedFlags()).toEqual(establishmentWide);

    // Scanned again: nothing new.
    expect((await scanEstablishment(db(), security)).flagsRaised).toBe(0);
  });

  it('is for staff who manage monitoring', async () => {
    const practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOT' });
    await expect(scanEstablishment(db(), practitioner)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
