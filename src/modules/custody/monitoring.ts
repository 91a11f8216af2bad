import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { labelOf } from '../../domain/codes.ts';
import {
  CONTACT_LINK,
  DEFAULT_MONITORING_SETTINGS,
  FLAG_KIND,
  FLAG_OUTCOME,
  MONITORING_REASON,
  MONITORING_REVIEW_MONTHS,
  monitoringReviewDue,
  type MonitoringSettings,
} from '../../domain/communications-monitoring.ts';
import { addDays, addMonths, formatDateLong } from '../../domain/dates.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { isUuid } from '../../validation/fields.ts';
import { loadInScope, recordAndLog } from '../nominals/index.ts';

/**
 * Public protection monitoring (issue 14; rules in domain/communications-monitoring.ts): who is on
 * monitoring and why, their calls, mail and visits (imported from the phone system or recorded by
 * hand), the flags the rules raise and how each was dealt with. Intelligence stays in the security
 * compartment (`monitoring.view`); community managers see only the flags security has released,
 * with the released summary (`monitoring.released`); duty-to-co-operate agencies see nothing.
 *
 * This file holds what the others share and the reading; the commands are by concern:
 * monitoring-cases.ts (cases, linked numbers, reviews), monitoring-import.ts (communications and
 * the call-record import), monitoring-flags.ts (the scan, acknowledgement, release); their inputs'
 * schemas are in monitoring-schemas.ts.
 */

export const SECTION = 'communications monitoring';
/** The days of communications a scan reads: the 30-day window, and the 60-day baseline before the last 7. */
export const SCAN_DAYS = 90;

// --- Settings, scope and versioned changes ---------------------------------------------------

/** An area's monitoring thresholds: a blank setting means the rule's default. */
export async function monitoringSettings(tx: Tx, areaCode: string): Promise<MonitoringSettings> {
  return (await monitoringSettingsByArea(tx, [areaCode])).get(areaCode)!;
}

/** Several areas' thresholds in one query (an establishment holds people of many areas). */
export async function monitoringSettingsByArea(
  tx: Tx,
  areaCodes: readonly string[],
): Promise<Map<string, MonitoringSettings>> {
  const rows = areaCodes.length
    ? await tx.selectFrom('custody_settings').selectAll().where('area_code', 'in', areaCodes).execute()
    : [];
  const d = DEFAULT_MONITORING_SETTINGS;
  return new Map(
    areaCodes.map((code) => {
      const row = rows.find((r) => r.area_code === code);
      return [
        code,
        {
          callsPerNumberPerDay: row?.calls_per_number_per_day ?? d.callsPerNumberPerDay,
          callsPerNumberPer30Days: row?.calls_per_number_per_30_days ?? d.callsPerNumberPer30Days,
          baselineMultiplier:
            row?.baseline_multiplier != null ? Number(row.baseline_multiplier) : d.baselineMultiplier,
          baselineMinimumCalls: row?.baseline_minimum_calls ?? d.baselineMinimumCalls,
          listeningBacklogDays: row?.listening_backlog_days ?? d.listeningBacklogDays,
          translationDays: row?.translation_days ?? d.translationDays,
        },
      ];
    }),
  );
}

/** A case the actor may work on: in scope, and (for prison staff) held in their establishment. */
export async function loadCase(tx: Tx, ctx: UseCaseContext, nominalId: string, caseId: string) {
  if (!isUuid(caseId)) throw new NotFoundError();
  const { nominal } = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
  const found = await tx
    .selectFrom('monitoring_cases as m')
    .innerJoin('custody_episodes as e', 'e.id', 'm.episode_id')
    .selectAll('m')
    .select(['e.establishment_agency_id as establishmentId', 'e.pom_user_id as pomUserId'])
    .where('m.id', '=', caseId)
    .where('m.nominal_id', '=', nominalId)
    .forUpdate()
    .executeTakeFirst();
  if (!found) throw new NotFoundError();
  return { ...found, areaCode: nominal.area_code };
}

/**
 * A change to a monitoring case or a flag, made only on the version the person read: the version
 * checked (a stale one is a conflict), then `refuse` (what cannot be done to it as it now is), the
 * row written at the next version, and the change on the person's timeline and the access log.
 */
export async function changeVersioned(
  tx: Tx,
  ctx: UseCaseContext,
  change: {
    nominalId: string;
    entityId: string;
    version: { current: number; expected: number; conflict: string };
    refuse?: () => void;
    write: (version: number) => Promise<{ id: string; version: number }>;
    action: 'updated' | 'ended';
    summary: string;
  },
) {
  if (change.version.current !== change.version.expected) throw new ConflictError(change.version.conflict);
  change.refuse?.();
  const row = await change.write(change.version.current + 1);
  await recordAndLog(
    tx,
    ctx,
    {
      nominalId: change.nominalId,
      section: SECTION,
      entityId: change.entityId,
      entityVersion: row.version,
      action: change.action,
      summary: change.summary,
      before: null,
      after: null,
    },
    { section: SECTION },
  );
  return row;
}

// --- Reading ----------------------------------------------------------------------------------

/**
 * The person's monitoring as the actor may see it: the whole case (reasons, review due, contacts,
 * the last 90 days of communications, every flag) in the security compartment; for community
 * managers, only the flags security released, each with its released summary.
 */
export async function getMonitoring(database: Database, ctx: UseCaseContext, nominalId: string) {
  const compartment = can(ctx.actor, 'monitoring.view');
  if (!compartment) authorize(ctx.actor, 'monitoring.released');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const cases = await tx
      .selectFrom('monitoring_cases')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('authorised_on', 'desc')
      .execute();
    const ids = cases.map((c) => c.id);
    const flags = ids.length
      ? await tx
          .selectFrom('monitoring_flags')
          .selectAll()
          .where('case_id', 'in', ids)
          .orderBy('raised_on', 'desc')
          .orderBy('from_on', 'desc')
          .execute()
      : [];
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: compartment ? SECTION : `${SECTION}: released flags`,
    });
    if (!compartment)
      return {
        compartment: false as const,
        releasedFlags: flags
          .filter((f) => f.released_summary !== null)
          .map((f) => ({
            kind: labelOf(FLAG_KIND, f.kind),
            raisedOn: f.raised_on,
            summary: f.released_summary!,
          })),
      };
    const [contacts, communications] = ids.length
      ? await Promise.all([
          tx.selectFrom('monitored_contacts').selectAll().where('case_id', 'in', ids).execute(),
          tx
            .selectFrom('communications')
            .selectAll()
            .where('case_id', 'in', ids)
            .where('occurred_on', '>=', addDays(ctx.today, -SCAN_DAYS))
            .orderBy('occurred_at', 'desc')
            .limit(500)
            .execute(),
        ])
      : [[], []];
    return {
      compartment: true as const,
      cases: cases.map((c) => ({
        id: c.id,
        version: c.version,
        pinAccount: c.pin_account,
        reasons: c.reasons.map((r) => labelOf(MONITORING_REASON, r)),
        authorisedBy: c.authorised_by,
        authorisedOn: c.authorised_on,
        reviewDueOn: addMonths(c.last_reviewed_on, MONITORING_REVIEW_MONTHS),
        endedOn: c.ended_on,
        contacts: contacts
          .filter((k) => k.case_id === c.id)
          .map((k) => ({
            counterpart: k.counterpart,
            link: labelOf(CONTACT_LINK, k.link),
            source: k.source,
          })),
        communications: communications
          .filter((m) => m.case_id === c.id)
          .map((m) => ({
            id: m.id,
            kind: m.kind,
            on: m.occurred_on,
            counterpart: m.counterpart,
            durationSeconds: m.duration_seconds,
            listenedOn: m.listened_on,
            summary: m.summary,
            language: m.language,
            translationRequestedOn: m.translation_requested_on,
            translationDoneOn: m.translation_done_on,
            concerns: m.concerns,
          })),
        flags: flags
          .filter((f) => f.case_id === c.id)
          .map((f) => ({
            id: f.id,
            version: f.version,
            kind: f.kind,
            label: labelOf(FLAG_KIND, f.kind),
            counterpart: f.counterpart,
            count: f.count,
            from: f.from_on,
            to: f.to_on,
            evidence: f.evidence,
            raisedOn: f.raised_on,
            outcome: f.outcome ? labelOf(FLAG_OUTCOME, f.outcome) : null,
            outcomeNote: f.outcome_note,
            releasedSummary: f.released_summary,
          })),
      })),
    };
  });
}

/**
 * One obligation on the custody worklist as each part of custody finds it (monitoring, ROTL, IRMM,
 * address checks): the episode it belongs to and what is due. The worklist names the person and
 * the establishment once for the whole list.
 */
export interface CustodyDue {
  episodeId: string;
  nominalId: string;
  kind: string;
  reason: string;
  dueOn: string | null;
  late: boolean;
}

/** A row of the custody worklist: a due, named. */
export interface CustodyWorklistRow extends CustodyDue {
  name: string;
  establishment: string;
}

/**
 * The security compartment's rows for some episodes: each monitoring review due within 7 days or
 * overdue (monthly), and each flag not yet dealt with. One query each for the whole list.
 */
export async function monitoringWorklistRows(
  tx: Tx,
  ctx: UseCaseContext,
  episodes: readonly { id: string }[],
): Promise<CustodyDue[]> {
  if (!episodes.length) return [];
  const episodeIds = episodes.map((e) => e.id);
  const cases = await tx
    .selectFrom('monitoring_cases')
    .select(['id', 'nominal_id', 'episode_id', 'last_reviewed_on'])
    .where('episode_id', 'in', episodeIds)
    .where('ended_on', 'is', null)
    .execute();
  const flags = cases.length
    ? await tx
        .selectFrom('monitoring_flags')
        .select(['case_id', 'kind', 'evidence', 'raised_on'])
        .where(
          'case_id',
          'in',
          cases.map((c) => c.id),
        )
        .where('outcome', 'is', null)
        .execute()
    : [];
  const base = (c: (typeof cases)[number]) => ({ nominalId: c.nominal_id, episodeId: c.episode_id });
  const rows: CustodyDue[] = [];
  for (const c of cases) {
    const due = monitoringReviewDue(c.last_reviewed_on, ctx.today);
    if (due)
      rows.push({
        ...base(c),
        kind: 'monitoring_review',
        reason: `Communications monitoring review: monthly, last reviewed ${formatDateLong(c.last_reviewed_on)}`,
        ...due,
      });
  }
  for (const f of flags) {
    const c = cases.find((k) => k.id === f.case_id)!;
    rows.push({
      ...base(c),
      kind: 'monitoring_flag',
      reason: `${labelOf(FLAG_KIND, f.kind)}: ${f.evidence}`,
      dueOn: f.raised_on,
      late: false,
    });
  }
  return rows;
}
