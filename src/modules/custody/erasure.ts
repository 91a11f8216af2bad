import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';
import { eraseAddressChecksOf } from './address-checks.ts';

/** Keeps a nullable column's emptiness (something was written, or not) and loses what it said. */
const blank = (column: string) =>
  sql<string | null>`CASE WHEN ${sql.ref(column)} IS NULL THEN NULL ELSE ${ERASED_TEXT} END`;

/** Rows the updates touched, however many statements it took. */
const touched = (results: { numUpdatedRows?: bigint }[]) =>
  results.reduce((n, r) => n + Number(r.numUpdatedRows ?? 0n), 0);

/**
 * Custody's part of a person's erasure (src/modules/retention): the free text that names the
 * people around the prisoner or carries intelligence is blanked — moves' reasons, pre-release
 * notes, ROTL addresses, escorts, reasons and failures, release and HDC addresses checked, what
 * IRMMs said, who attended and who owns each action, the PIN account, the numbers and addresses
 * monitored and everything said of each communication and flag. Dates, codes, decisions, outcomes
 * and counts stay, so the statistics and the history (what happened when) survive. The caller
 * decides, checks the policy and logs the erasure in the same transaction.
 */
export async function eraseCustodyOf(tx: Tx, nominalId: string): Promise<ErasedPart> {
  // The person's episodes, cases and meetings, as subqueries: custody's own tables only.
  const episodes = tx.selectFrom('custody_episodes').select('id').where('nominal_id', '=', nominalId);
  const cases = tx.selectFrom('monitoring_cases').select('id').where('nominal_id', '=', nominalId);
  const meetings = tx.selectFrom('internal_risk_meetings').select('id').where('nominal_id', '=', nominalId);

  const content = {
    moves: await tx
      .selectFrom('custody_moves')
      .select(['id', 'reason'])
      .where('episode_id', 'in', episodes)
      .orderBy('id')
      .execute(),
    preRelease: await tx
      .selectFrom('pre_release_checks')
      .select(['episode_id', 'item', 'note'])
      .where('episode_id', 'in', episodes)
      .orderBy('episode_id')
      .orderBy('item')
      .execute(),
    rotl: await tx
      .selectFrom('rotl_episodes')
      .select([
        'id',
        'address_line1',
        'address_town',
        'address_postcode',
        'escort_details',
        'decision_reason',
        'failures',
      ])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    meetings: await tx
      .selectFrom('internal_risk_meetings')
      .select(['id', 'custody_behaviour', 'risk_concerns', 'decisions'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    attendees: await tx
      .selectFrom('internal_risk_meeting_attendees')
      .select(['meeting_id', 'position', 'name', 'role'])
      .where('meeting_id', 'in', meetings)
      .orderBy('meeting_id')
      .orderBy('position')
      .execute(),
    meetingActions: await tx
      .selectFrom('internal_risk_meeting_actions')
      .select(['id', 'description', 'owner_name'])
      .where('meeting_id', 'in', meetings)
      .orderBy('id')
      .execute(),
    cases: await tx
      .selectFrom('monitoring_cases')
      .select(['id', 'pin_account', 'ended_reason'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    contacts: await tx
      .selectFrom('monitored_contacts')
      .select(['id', 'counterpart', 'source'])
      .where('case_id', 'in', cases)
      .orderBy('id')
      .execute(),
    communications: await tx
      .selectFrom('communications')
      .select(['id', 'counterpart', 'summary', 'concerns', 'language'])
      .where('case_id', 'in', cases)
      .orderBy('id')
      .execute(),
    flags: await tx
      .selectFrom('monitoring_flags')
      .select(['id', 'key', 'counterpart', 'evidence', 'released_summary', 'outcome_note'])
      .where('case_id', 'in', cases)
      .orderBy('id')
      .execute(),
  };

  const rows = touched([
    await tx
      .updateTable('custody_moves')
      .set({ reason: blank('reason') })
      .where('episode_id', 'in', episodes)
      .executeTakeFirst(),
    await tx
      .updateTable('pre_release_checks')
      .set({ note: blank('note') })
      .where('episode_id', 'in', episodes)
      .executeTakeFirst(),
    // Where they went on licence and who escorted them name the people around them; the type,
    // dates, decision (and who took it: a governor, not someone around the prisoner) and outcome stay.
    await tx
      .updateTable('rotl_episodes')
      .set({
        address_line1: ERASED_TEXT,
        address_town: ERASED_TEXT,
        address_postcode: ERASED_TEXT,
        escort_details: blank('escort_details'),
        decision_reason: blank('decision_reason'),
        failures: blank('failures'),
      })
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst(),
    await tx
      .updateTable('internal_risk_meetings')
      .set({
        custody_behaviour: blank('custody_behaviour'),
        risk_concerns: blank('risk_concerns'),
        decisions: ERASED_TEXT,
      })
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst(),
    // Who attended stays counted (and whether they came), not who they were.
    await tx
      .updateTable('internal_risk_meeting_attendees')
      .set({ name: ERASED_TEXT, role: ERASED_TEXT })
      .where('meeting_id', 'in', meetings)
      .executeTakeFirst(),
    await tx
      .updateTable('internal_risk_meeting_actions')
      .set({ description: ERASED_TEXT, owner_name: ERASED_TEXT })
      .where('meeting_id', 'in', meetings)
      .executeTakeFirst(),
    // The PIN account is unique among open cases: the case's own id keeps it so.
    await tx
      .updateTable('monitoring_cases')
      .set({
        pin_account: sql<string>`${ERASED_TEXT} || ' ' || id::text`,
        ended_reason: blank('ended_reason'),
      })
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst(),
    await tx
      .updateTable('monitored_contacts')
      .set({ counterpart: ERASED_TEXT, source: ERASED_TEXT })
      .where('case_id', 'in', cases)
      .executeTakeFirst(),
    await tx
      .updateTable('communications')
      .set({
        counterpart: ERASED_TEXT,
        summary: blank('summary'),
        concerns: blank('concerns'),
        language: blank('language'),
      })
      .where('case_id', 'in', cases)
      .executeTakeFirst(),
    // A flag's key may hold a number; (case_id, key) is unique, so the flag's own id replaces it.
    await tx
      .updateTable('monitoring_flags')
      .set({
        key: sql<string>`'erased:' || id::text`,
        counterpart: blank('counterpart'),
        evidence: ERASED_TEXT,
        released_summary: blank('released_summary'),
        outcome_note: blank('outcome_note'),
      })
      .where('case_id', 'in', cases)
      .executeTakeFirst(),
  ]);
  const addressChecks = await eraseAddressChecksOf(tx, nominalId);
  return erasedPart({ ...content, addressChecks: addressChecks.sha256 }, rows + addressChecks.rows);
}
