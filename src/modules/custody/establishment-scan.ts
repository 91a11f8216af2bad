import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, ownArea } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { labelOf } from '../../domain/codes.ts';
import {
  DEFAULT_MONITORING_SETTINGS,
  FLAG_KIND,
  monitoringFlags,
  type Communication,
  type ContactLink,
  type LinkedCounterpart,
  type MonitoringSettings,
} from '../../domain/communications-monitoring.ts';
import { addDays } from '../../domain/dates.ts';
import { nominalAreas } from '../nominals/index.ts';
import { notify } from '../notifications/index.ts';
import { activeUsersWithRole } from '../users/index.ts';

/**
 * The flag scan of a whole establishment (issue 14's benchmark: a month of an establishment's
 * calls): the same rules over the same 90 days as the per-case scan of monitoring.ts, for every
 * open case held there, with the communications read in one query rather than one per case. New
 * flags are stored once (their key) and told to the prison offender manager and security.
 */

const SECTION = 'communications monitoring: establishment scan';
/** As the per-case scan: the 30-day window, and the 60-day baseline before the last 7. */
const SCAN_DAYS = 90;
const SPIKE_FROM_DAYS = 66;

/** A case's communications as one JSON array of [id, kind, day, counterpart, listened, requested, done]. */
type CommunicationTuple = [
  string,
  'call' | 'mail' | 'visit',
  string,
  string,
  string | null,
  string | null,
  string | null,
];

/** An area's thresholds, blank settings meaning the defaults (as the per-case scan reads them). */
async function settingsByArea(
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

export interface EstablishmentScanResult {
  cases: number;
  communicationsRead: number;
  flagsRaised: number;
}

/**
 * Scans every open monitoring case held in an establishment (within the caller's transaction).
 * Reads only what a rule can use: the last 67 days (the volume window and the baseline), and
 * older calls only while unlistened or awaiting a translation — the flags are those of reading
 * all 90 days.
 */
export async function scanEstablishmentIn(
  tx: Tx,
  ctx: UseCaseContext,
  establishmentId: string,
): Promise<EstablishmentScanResult> {
  const cases = await tx
    .selectFrom('monitoring_cases as m')
    .innerJoin('custody_episodes as e', 'e.id', 'm.episode_id')
    .select(['m.id', 'm.nominal_id', 'e.pom_user_id'])
    .where('e.establishment_agency_id', '=', establishmentId)
    .where('e.released_on', 'is', null)
    .where('m.ended_on', 'is', null)
    .execute();
  if (!cases.length) return { cases: 0, communicationsRead: 0, flagsRaised: 0 };
  const caseIds = cases.map((c) => c.id);
  const from = addDays(ctx.today, -SCAN_DAYS);
  const recent = addDays(ctx.today, -SPIKE_FROM_DAYS);
  const [{ rows }, contacts, areas] = await Promise.all([
    // One row per case, its communications as one JSON array: a few hundred rows to parse, not
    // hundreds of thousands (the driver's cost per row is most of a plain read).
    sql<{ case_id: string; communications: CommunicationTuple[] }>`
      SELECT c.case_id, json_agg(json_build_array(c.id, c.kind, c.occurred_on, c.counterpart, c.listened_on,
                                                  c.translation_requested_on, c.translation_done_on)) AS communications
      FROM communications c
      WHERE c.case_id = ANY(${caseIds}::uuid[]) AND c.occurred_on >= ${from}::date
        AND (c.occurred_on >= ${recent}::date OR (c.kind = 'call' AND c.listened_on IS NULL)
             OR (c.translation_requested_on IS NOT NULL AND c.translation_done_on IS NULL))
      GROUP BY c.case_id`.execute(tx),
    tx
      .selectFrom('monitored_contacts')
      .select(['case_id', 'counterpart', 'link', 'source'])
      .where('case_id', 'in', caseIds)
      .execute(),
    nominalAreas(
      tx,
      cases.map((c) => c.nominal_id),
    ),
  ]);
  const settings = await settingsByArea(tx, [...new Set(areas.values())]);
  const byCase = new Map<string, Communication[]>(caseIds.map((id) => [id, []]));
  let read = 0;
  for (const r of rows) {
    read += r.communications.length;
    byCase.set(
      r.case_id,
      r.communications.map(([id, kind, on, counterpart, listenedOn, requested, done]) => ({
        id,
        kind,
        on,
        counterpart,
        listenedOn,
        translationRequestedOn: requested,
        translationDoneOn: done,
      })),
    );
  }
  const linksByCase = new Map<string, LinkedCounterpart[]>();
  for (const k of contacts) {
    const links = linksByCase.get(k.case_id) ?? [];
    links.push({ counterpart: k.counterpart, link: k.link as ContactLink, source: k.source });
    linksByCase.set(k.case_id, links);
  }
  const found = cases.flatMap((c) =>
    monitoringFlags(
      byCase.get(c.id)!,
      linksByCase.get(c.id) ?? [],
      settings.get(areas.get(c.nominal_id) ?? ctx.actor.areaCode) ?? DEFAULT_MONITORING_SETTINGS,
      ctx.today,
    ).map((f) => ({ caseId: c.id, flag: f })),
  );
  const raised = found.length
    ? await tx
        .insertInto('monitoring_flags')
        .values(
          found.map(({ caseId, flag: f }) => ({
            case_id: caseId,
            key: f.key,
            kind: f.kind,
            counterpart: f.counterpart,
            count: f.count,
            from_on: f.from,
            to_on: f.to,
            evidence: f.evidence,
            raised_on: ctx.today,
          })),
        )
        .onConflict((oc) => oc.columns(['case_id', 'key']).doNothing())
        .returning(['case_id', 'kind'])
        .execute()
    : [];
  if (raised.length) {
    const security = await activeUsersWithRole(tx, ['prison_security'], { agencyIds: [establishmentId] });
    for (const c of cases) {
      const mine = raised.filter((r) => r.case_id === c.id);
      if (!mine.length) continue;
      await notify(tx, ctx, {
        userIds: [...security.map((u) => u.id), ...(c.pom_user_id ? [c.pom_user_id] : [])],
        nominalId: c.nominal_id,
        subject: `Communications monitoring: ${mine.length} new flag${mine.length === 1 ? '' : 's'} to look at`,
        body: mine.map((r) => labelOf(FLAG_KIND, r.kind)).join('; '),
        link: `/nominals/${c.nominal_id}/monitoring`,
      });
    }
  }
  await logAccess(tx, ctx, {
    operation: 'collection',
    recordType: 'nominal',
    recordIds: cases.map((c) => c.nominal_id),
    section: SECTION,
  });
  return { cases: cases.length, communicationsRead: read, flagsRaised: raised.length };
}

/** Security's scan of their own establishment's monitored people (the actor's prison). */
export async function scanEstablishment(
  database: Database,
  ctx: UseCaseContext,
): Promise<EstablishmentScanResult> {
  authorize(ctx.actor, 'monitoring.manage');
  // The establishment is the actor's, in their own area: a token limited elsewhere may not scan.
  ownArea(ctx.actor);
  return database.transaction((tx) => scanEstablishmentIn(tx, ctx, ctx.actor.agencyId));
}
