import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { verifyChain } from '../../src/audit/chain.ts';
import { addDays } from '../../src/domain/dates.ts';
import {
  acknowledgeFlag,
  addMonitoredContact,
  getMonitoring,
  receiveIntoCustody,
  recordCommunication,
  recordCustodyStep,
  recordInternalRiskMeeting,
  recordRotlApplication,
  recordRotlStep,
  releaseFlag,
  scanEstablishment,
  startMonitoring,
} from '../../src/modules/custody/index.ts';
import { createNominal, getTimeline, setMappaStatus } from '../../src/modules/nominals/index.ts';
import { erasePerson } from '../../src/modules/retention/index.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';

/**
 * Erasure reaches custody (issue 14): the free text of a person's moves, pre-release checks, ROTL,
 * internal risk meetings and communications monitoring — which names the people around the
 * prisoner and carries intelligence — is blanked; dates, codes, decisions and counts stay.
 */
describeEachDatabase('retention: erasure of custody', (getDb) => {
  const db = () => getDb().database;
  let pom: UseCaseContext;
  let security: UseCaseContext;
  let practitioner: UseCaseContext;
  let dpo: UseCaseContext;
  let elsewhere: UseCaseContext;
  let nominalId: string;

  const PIN = `PIN-ERASE-${Math.random().toString(36).slice(2, 8)}`;
  const VICTIM_NUMBER = '07700 900456';
  /** Free text planted in custody's tables: none of it may survive the erasure. */
  const FREE_TEXT = {
    move: 'Moved away from Zebedee Quill on the wing',
    note: 'Staying with Auntie Philippa Marchbank',
    rotlAddress: '9 Quince Orchard',
    rotlTown: 'Wolverhampton',
    rotlPostcode: 'WV9 9ZZ',
    escort: 'Escorted by Officer Tamsin Ravel',
    rotlReason: 'Victim Hortense lives far from Quince Orchard',
    failures: 'Found at Bartholomew’s flat after curfew',
    behaviour: 'Threatened Cressida on visits',
    concerns: 'Letters to Hortense’s daughter',
    decisions: 'Stop letters to Wolverhampton',
    attendee: 'Ottoline Fairweather',
    attendeeRole: 'Security liaison Zanzibar',
    action: 'Check the Quince mail log',
    owner: 'Peregrine Lusk',
    contactSource: 'Relationship: victim (Hortense Quill)',
    mail: 'Letter to Hortense Quill at Quince Orchard',
    summary: 'Talked of Hortense’s new job',
    commConcerns: 'Asked Cressida to pass a message',
    language: 'Faroese',
    ackNote: 'IR 98765 about Hortense',
    released: 'Many calls to Hortense’s number: warn her',
    pin: PIN,
    number: '07700900456',
  };

  beforeAll(async () => {
    pom = await makeActor(db(), { roles: ['prison_offender_manager'], areaCode: 'AVS' });
    security = await makeActor(db(), { roles: ['prison_security'], areaCode: 'AVS' });
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    dpo = await makeActor(db(), {
      roles: ['data_protection_officer'],
      areaCode: 'AVS',
      agencyType: 'police',
    });
    // Another establishment (one prison agency per area in the tests), for the move.
    elsewhere = await makeActor(db(), { roles: ['prison_offender_manager'], areaCode: 'DER' });
    // TODAY is 2026-11-23: born 1926-11-23, a MAPPA nominal is due for review today.
    nominalId = (
      await createNominal(
        db(),
        practitioner,
        identity({ forename: 'Ignatius', surname: 'Custodian', dateOfBirth: '1926-11-23' }),
      )
    ).id;
  });

  it('plants a custody episode, a move, a pre-release note, a ROTL, an IRMM and monitoring', async () => {
    const episode = await receiveIntoCustody(db(), pom, nominalId, {
      establishmentAgencyId: elsewhere.actor.agencyId,
      receivedOn: '2026-03-01',
      recall: false,
      conditionalReleaseDate: '2027-09-01',
    });
    const moved = await recordCustodyStep(db(), pom, nominalId, episode.id, 'move', {
      toAgencyId: pom.actor.agencyId,
      movedOn: '2026-04-01',
      reason: FREE_TEXT.move,
      version: episode.version,
    });
    await recordCustodyStep(db(), practitioner, nominalId, episode.id, 'check', {
      item: 'approved_premises',
      status: 'not_needed',
      note: FREE_TEXT.note,
      version: moved.version,
    });

    const start = addDays(TODAY, -3);
    const rotl = await recordRotlApplication(db(), pom, nominalId, {
      type: 'resettlement_day_release',
      plannedStartOn: start,
      plannedEndOn: start,
      addressLine1: FREE_TEXT.rotlAddress,
      addressTown: FREE_TEXT.rotlTown,
      addressPostcode: FREE_TEXT.rotlPostcode,
      escorted: true,
      escortDetails: FREE_TEXT.escort,
    });
    const approved = await recordRotlStep(db(), pom, nominalId, rotl.id, 'decision', {
      decision: 'approved',
      decidedBy: 'Gail Grey, governor',
      decidedOn: addDays(TODAY, -5),
      reason: FREE_TEXT.rotlReason,
      version: rotl.version,
    });
    await recordRotlStep(db(), pom, nominalId, rotl.id, 'outcome', {
      outcome: 'failed_to_return',
      failures: FREE_TEXT.failures,
      version: approved.version,
    });

    await recordInternalRiskMeeting(db(), pom, nominalId, {
      heldOn: addDays(TODAY, -10),
      establishmentAgencyId: pom.actor.agencyId,
      attendees: [{ name: FREE_TEXT.attendee, role: FREE_TEXT.attendeeRole, attended: true }],
      custodyBehaviour: FREE_TEXT.behaviour,
      riskConcerns: FREE_TEXT.concerns,
      decisions: FREE_TEXT.decisions,
      actions: [{ description: FREE_TEXT.action, ownerName: FREE_TEXT.owner, dueOn: addDays(TODAY, -2) }],
    });

    const { id: caseId } = await startMonitoring(db(), security, nominalId, {
      pinAccount: PIN,
      reasons: ['harassment'],
      authorisedBy: 'Governor J. Smith (Head of Security)',
      authorisedOn: '2026-10-01',
    });
    await addMonitoredContact(db(), security, nominalId, caseId, {
      counterpart: VICTIM_NUMBER,
      link: 'victim',
      source: FREE_TEXT.contactSource,
    });
    // A call to the victim's number raises a linked-contact flag (its key holds the number).
    await recordCommunication(db(), pom, nominalId, caseId, {
      kind: 'call',
      occurredOn: addDays(TODAY, -1),
      counterpart: VICTIM_NUMBER,
      durationSeconds: 300,
      listenedOn: TODAY,
      summary: FREE_TEXT.summary,
      language: FREE_TEXT.language,
      concerns: FREE_TEXT.commConcerns,
    });
    await recordCommunication(db(), pom, nominalId, caseId, {
      kind: 'mail',
      occurredOn: addDays(TODAY, -1),
      counterpart: FREE_TEXT.mail,
    });
    const monitoring = await getMonitoring(db(), security, nominalId);
    if (!monitoring.compartment) throw new Error('security sees the compartment');
    const flag = monitoring.cases[0]!.flags.find((f) => f.kind === 'linked_contact')!;
    expect(flag).toBeDefined();
    const acknowledged = await acknowledgeFlag(db(), pom, nominalId, flag.id, {
      outcome: 'intelligence_report',
      note: FREE_TEXT.ackNote,
      version: flag.version,
    });
    await releaseFlag(db(), security, nominalId, flag.id, {
      summary: FREE_TEXT.released,
      version: acknowledged.version,
    });
    const key = await db()
      .db.selectFrom('monitoring_flags')
      .select('key')
      .where('id', '=', flag.id)
      .executeTakeFirstOrThrow();
    expect(key.key).toContain(FREE_TEXT.number);
    // MAPPA category 1, set last (levels recompute the status from convictions on custody's events): due today.
    await db().transaction((tx) => setMappaStatus(tx, nominalId, { category: 1, level: 1 }));
  });

  /** Every row of custody's tables about the person, as text, by table. */
  const custodyRows = async () => {
    const episodes = sql`SELECT id FROM custody_episodes WHERE nominal_id = ${nominalId}`;
    const cases = sql`SELECT id FROM monitoring_cases WHERE nominal_id = ${nominalId}`;
    const meetings = sql`SELECT id FROM internal_risk_meetings WHERE nominal_id = ${nominalId}`;
    const queries = {
      custody_moves: sql`SELECT t::text AS text FROM custody_moves t WHERE episode_id IN (${episodes})`,
      pre_release_checks: sql`SELECT t::text AS text FROM pre_release_checks t WHERE episode_id IN (${episodes})`,
      rotl_episodes: sql`SELECT t::text AS text FROM rotl_episodes t WHERE nominal_id = ${nominalId}`,
      internal_risk_meetings: sql`SELECT t::text AS text FROM internal_risk_meetings t WHERE nominal_id = ${nominalId}`,
      internal_risk_meeting_attendees: sql`SELECT t::text AS text FROM internal_risk_meeting_attendees t
        WHERE meeting_id IN (${meetings})`,
      internal_risk_meeting_actions: sql`SELECT t::text AS text FROM internal_risk_meeting_actions t
        WHERE meeting_id IN (${meetings})`,
      monitoring_cases: sql`SELECT t::text AS text FROM monitoring_cases t WHERE nominal_id = ${nominalId}`,
      monitored_contacts: sql`SELECT t::text AS text FROM monitored_contacts t WHERE case_id IN (${cases})`,
      communications: sql`SELECT t::text AS text FROM communications t WHERE case_id IN (${cases})`,
      monitoring_flags: sql`SELECT t::text AS text FROM monitoring_flags t WHERE case_id IN (${cases})`,
      // The timeline and the significant event a failed ROTL records are other capabilities' erasure.
      nominal_changes: sql`SELECT coalesce(before::text, '') || coalesce(after::text, '') || summary AS text
        FROM nominal_changes WHERE nominal_id = ${nominalId}`,
      significant_events: sql`SELECT t::text AS text FROM significant_events t WHERE nominal_id = ${nominalId}`,
    };
    const out: Record<string, string[]> = {};
    for (const [table, query] of Object.entries(queries))
      out[table] = ((await query.execute(db().db)).rows as { text: string }[]).map((r) => r.text);
    return out;
  };

  it('erases the free text of custody, keeping dates, codes, decisions and counts', async () => {
    const before = await custodyRows();
    // Each planted string is there before (so the search below can find it).
    const all = Object.values(before).flat().join('|').toLowerCase();
    for (const word of Object.values(FREE_TEXT)) expect(all, word).toContain(word.toLowerCase());
    for (const [table, rows] of Object.entries(before))
      if (table !== 'significant_events') expect(rows.length, table).toBeGreaterThan(0);

    const erasure = await erasePerson(db(), dpo, nominalId, {
      reason: 'Reviewed at 100: no longer necessary for a policing purpose',
      confirm: 'yes',
    });
    // Moves 1, checks 1, ROTL 1, meeting 1, attendees 1, actions 1, case 1, contacts 1, communications 2, flags ≥ 1.
    expect(erasure.erasedParts.custody).toBeGreaterThanOrEqual(11);
    expect(erasure.erasedRows).toBe(Object.values(erasure.erasedParts).reduce((n, v) => n + v, 0));

    const after = await custodyRows();
    for (const [table, rows] of Object.entries(after)) {
      expect(rows.length, table).toBe(before[table]!.length);
      for (const row of rows)
        for (const word of Object.values(FREE_TEXT))
          expect(row.toLowerCase(), `${table}: ${word}`).not.toContain(word.toLowerCase());
    }

    // What happened and when stays: the move's date, the check's status, the ROTL's decision and
    // outcome, the meeting's day and attendance, the case's reasons and dates, the flag's kind and count.
    const move = await sql<{
      moved_on: string;
      reason: string;
    }>`SELECT moved_on::text, reason FROM custody_moves
      WHERE episode_id IN (SELECT id FROM custody_episodes WHERE nominal_id = ${nominalId})`.execute(db().db);
    expect(move.rows).toEqual([{ moved_on: '2026-04-01', reason: 'Erased' }]);
    const rotl = await db()
      .db.selectFrom('rotl_episodes')
      .select(['type', 'decision', 'decided_by', 'outcome', 'escorted', 'address_line1'])
      .where('nominal_id', '=', nominalId)
      .executeTakeFirstOrThrow();
    expect(rotl).toEqual({
      type: 'resettlement_day_release',
      decision: 'approved',
      decided_by: 'Gail Grey, governor',
      outcome: 'failed_to_return',
      escorted: true,
      address_line1: 'Erased',
    });
    const attendee = await sql<{ attended: boolean; name: string }>`SELECT attended, name
      FROM internal_risk_meeting_attendees WHERE meeting_id IN
      (SELECT id FROM internal_risk_meetings WHERE nominal_id = ${nominalId})`.execute(db().db);
    expect(attendee.rows).toEqual([{ attended: true, name: 'Erased' }]);
    const monitoringCase = await db()
      .db.selectFrom('monitoring_cases')
      .select(['reasons', 'authorised_on', 'ended_on'])
      .where('nominal_id', '=', nominalId)
      .executeTakeFirstOrThrow();
    expect(monitoringCase).toMatchObject({ reasons: ['harassment'], ended_on: null });
    const flags = await sql<{ kind: string; count: number; outcome: string; key: string; id: string }>`
      SELECT kind, count, outcome, key, id::text AS id FROM monitoring_flags
      WHERE case_id IN (SELECT id FROM monitoring_cases WHERE nominal_id = ${nominalId})`.execute(db().db);
    const linked = flags.rows.find((f) => f.kind === 'linked_contact')!;
    expect(linked).toMatchObject({ count: 1, outcome: 'intelligence_report', key: `erased:${linked.id}` });
    const calls = await sql<{ kind: string; occurred_on: string; duration_seconds: number | null }>`
      SELECT kind, occurred_on::text, duration_seconds FROM communications
      WHERE case_id IN (SELECT id FROM monitoring_cases WHERE nominal_id = ${nominalId}) ORDER BY kind`.execute(
      db().db,
    );
    expect(calls.rows).toEqual([
      { kind: 'call', occurred_on: addDays(TODAY, -1), duration_seconds: 300 },
      { kind: 'mail', occurred_on: addDays(TODAY, -1), duration_seconds: null },
    ]);

    // The rules see nothing erased: a scan raises no flag from the blanked calls and contacts.
    await scanEstablishment(db(), security);
    const rescanned = await sql<{ n: number }>`SELECT count(*)::int AS n FROM monitoring_flags
      WHERE case_id IN (SELECT id FROM monitoring_cases WHERE nominal_id = ${nominalId})`.execute(db().db);
    expect(rescanned.rows[0]!.n).toBe(flags.rows.length);

    // The timeline still reads, the access log records custody's count and keeps its chain.
    const timeline = await getTimeline(db(), practitioner, nominalId);
    expect(timeline.entries.length).toBeGreaterThan(0);
    const logged = await sql<{ purpose: string; text: string }>`SELECT purpose, to_jsonb(l)::text AS text
      FROM access_log l WHERE ${nominalId}::uuid = ANY(record_ids) AND operation = 'erasure'`.execute(
      db().db,
    );
    expect(logged.rows).toHaveLength(1);
    expect(logged.rows[0]!.purpose).toMatch(/custody \(moves, .*communications monitoring\) \d+/);
    for (const word of Object.values(FREE_TEXT)) expect(logged.rows[0]!.text).not.toContain(word);
    expect((await verifyChain(db(), { batchSize: 5000 })).intact).toBe(true);
  });
});
