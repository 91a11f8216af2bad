import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, ownArea } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { labelOf } from '../../domain/codes.ts';
import {
  BASELINE_DAYS,
  DEFAULT_MONITORING_SETTINGS,
  FLAG_KIND,
  SPIKE_WINDOW_DAYS,
  VOLUME_WINDOW_DAYS,
  monitoringFlags,
  type Communication,
  type ContactLink,
  type LinkedCounterpart,
} from '../../domain/communications-monitoring.ts';
import { addDays } from '../../domain/dates.ts';
import { ERASED_TEXT } from '../../domain/retention.ts';
import { nominalAreas } from '../nominals/index.ts';
import { notify } from '../notifications/index.ts';
import { activeUsersWithRole } from '../users/index.ts';
import { monitoringSettingsByArea, SCAN_DAYS } from './monitoring.ts';

/**
 * The flag scan of a whole establishment (issue 14's benchmark: a month of an establishment's
 * calls): the same rules over the same 90 days as the per-case scan of monitoring.ts, for every
 * open case held there, with the communications read in one query rather than one per case. New
 * flags are stored once (their key) and told to the prison offender manager and security.
 */

const SECTION = 'communications monitoring: establishment scan';
/** The first day of the baseline: SPIKE_WINDOW_DAYS - 1 + BASELINE_DAYS before today. */
const BASELINE_FROM_DAYS = SPIKE_WINDOW_DAYS - 1 + BASELINE_DAYS;

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

export interface EstablishmentScanResult {
  cases: number;
  communicationsRead: number;
  flagsRaised: number;
}

/**
 * Scans every open monitoring case held in an establishment (within the caller's transaction).
 * Reads only what a rule can use, so the flags are those of reading all 90 days: every
 * communication of the last 30 days (volumes, linked contacts), older ones only while unlistened or
 * awaiting a translation (backlogs), and for the rest of the baseline (day 30 to day 66 back) just
 * the number of calls a day — the baseline rule counts those calls and names none of them.
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
  const baselineFrom = addDays(ctx.today, -BASELINE_FROM_DAYS);
  const monthFrom = addDays(ctx.today, -(VOLUME_WINDOW_DAYS - 1));
  const [{ rows }, contacts, areas] = await Promise.all([
    // Erased communications and contacts (src/modules/custody/erasure.ts) are no evidence any more.
    // One row per case, its communications as one JSON array: a few hundred rows to parse, not
    // a hundred thousand (the driver's cost per row is most of a plain read).
    sql<{
      case_id: string;
      communications: CommunicationTuple[] | null;
      baseline: [string, number][] | null;
    }>`
      SELECT c.case_id,
             json_agg(json_build_array(c.id, c.kind, c.occurred_on, c.counterpart, c.listened_on,
                                       c.translation_requested_on, c.translation_done_on)) AS communications,
             NULL::json AS baseline
      FROM communications c
      WHERE c.case_id = ANY(${caseIds}::uuid[]) AND c.occurred_on >= ${from}::date
        AND c.counterpart <> ${ERASED_TEXT}
        AND (c.occurred_on >= ${monthFrom}::date OR (c.kind = 'call' AND c.listened_on IS NULL)
             OR (c.translation_requested_on IS NOT NULL AND c.translation_done_on IS NULL))
      GROUP BY c.case_id
      UNION ALL
      SELECT d.case_id, NULL, json_agg(json_build_array(d.occurred_on, d.n))
      FROM (SELECT c.case_id, c.occurred_on, count(*)::int AS n FROM communications c
            WHERE c.case_id = ANY(${caseIds}::uuid[]) AND c.occurred_on >= ${baselineFrom}::date
              AND c.occurred_on < ${monthFrom}::date AND c.kind = 'call' AND c.listened_on IS NOT NULL
              AND c.counterpart <> ${ERASED_TEXT}
              AND NOT (c.translation_requested_on IS NOT NULL AND c.translation_done_on IS NULL)
            GROUP BY 1, 2) d
      GROUP BY d.case_id`.execute(tx),
    tx
      .selectFrom('monitored_contacts')
      .select(['case_id', 'counterpart', 'link', 'source'])
      .where('case_id', 'in', caseIds)
      .where('counterpart', '<>', ERASED_TEXT)
      .execute(),
    nominalAreas(
      tx,
      cases.map((c) => c.nominal_id),
    ),
  ]);
  const settings = await monitoringSettingsByArea(tx, [...new Set(areas.values())]);
  const byCase = new Map<string, Communication[]>(caseIds.map((id) => [id, []]));
  let read = 0;
  for (const r of rows) {
    const caseId = r.case_id;
    const communications: Communication[] = (r.communications ?? []).map(
      ([id, kind, on, counterpart, listenedOn, requested, done]) => ({
        id,
        kind,
        on,
        counterpart,
        listenedOn,
        translationRequestedOn: requested,
        translationDoneOn: done,
      }),
    );
    read += communications.length;
    // The baseline's older calls, as many as there were each day: listened to, no translation due.
    for (const [on, n] of r.baseline ?? [])
      for (let k = 0; k < n; k++)
        communications.push({ id: '', kind: 'call', on, counterpart: '', listenedOn: on });
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), ...communications]);
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
