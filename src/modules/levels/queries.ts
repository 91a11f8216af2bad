import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { addDays, addMonths } from '../../domain/dates.ts';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';
import { nominalIdsInAreas } from '../nominals/index.ts';

/**
 * The computed obligations (levels/obligations.ts) as the worklists read them: which people each
 * area list holds, and what is due for each. Every list is one read of `nominal_obligations`
 * through its indexes; the worklists add the people's names from their record.
 */

/** The area lists the obligations answer, in the order they are shown. */
export const OBLIGATION_LISTS = [
  'no-level',
  'release-no-level',
  'rotl-no-level',
  'level1-review-overdue',
  'level23-review-overdue',
  'events-unreviewed',
  'notification-due',
  'eligibility-ending',
  'reduced-near-release',
] as const;
export type ObligationListKey = (typeof OBLIGATION_LISTS)[number];

/** One person's obligations as a worklist row shows them. */
export interface ObligationEntry {
  nominalId: string;
  areaCode: string;
  category: number | null;
  level: number | null;
  /** The level decision when there is no level yet, else the next review or notification. */
  dueOn: string | null;
  basis: string | null;
  overdue: boolean;
}

function listCondition(key: ObligationListKey, today: string): RawBuilder<boolean> {
  const in30 = addDays(today, 30);
  const in6Months = addMonths(today, 6);
  switch (key) {
    case 'no-level':
      return sql<boolean>`o.category IS NOT NULL AND o.level IS NULL`;
    case 'release-no-level':
      return sql<boolean>`o.category IS NOT NULL AND o.level IS NULL AND o.in_custody AND o.earliest_release_on <= ${in6Months}::date`;
    case 'rotl-no-level':
      return sql<boolean>`o.category IS NOT NULL AND o.level IS NULL AND o.on_rotl`;
    case 'level1-review-overdue':
      return sql<boolean>`o.level = 1 AND o.review_due_on < ${today}::date`;
    case 'level23-review-overdue':
      return sql<boolean>`o.level IN (2, 3) AND o.review_due_on < ${today}::date`;
    case 'events-unreviewed':
      return sql<boolean>`o.unreviewed_event_since IS NOT NULL`;
    case 'notification-due':
      // Notification follows SOA 2003 Part 2, not the category: a Category 4 RSO is listed too.
      return sql<boolean>`o.subject_to_notification AND o.notification_due_on <= ${in30}::date`;
    case 'eligibility-ending':
      return sql<boolean>`o.eligibility_ends_on BETWEEN ${today}::date AND ${in30}::date`;
    case 'reduced-near-release':
      return sql<boolean>`o.reduced_near_release`;
  }
}

/** People some area list can show (index nominal_obligations_area_listed): not everyone supervised. */
const LISTED = sql<boolean>`(o.category IS NOT NULL OR o.level IS NOT NULL OR o.unreviewed_event_since IS NOT NULL OR o.reduced_near_release)`;

/** The level decision (no level yet) or review, whichever applies. */
const LEVEL_DUE = sql`CASE WHEN o.level IS NULL THEN o.level_decision_due_on ELSE o.review_due_on END`;
const LEVEL_BASIS = sql`CASE WHEN o.level IS NULL THEN o.level_decision_basis ELSE o.review_basis END`;
/** A notification duty to the police comes first when it falls due first (SOA 2003 s.83-86). */
const NOTIFICATION_FIRST = sql`(o.notification_due_on IS NOT NULL AND (${LEVEL_DUE} IS NULL OR o.notification_due_on < ${LEVEL_DUE}))`;
const DUE_ON = sql`least(${LEVEL_DUE}, o.notification_due_on)`;
const ENTRY_COLUMNS = (today: string) => sql`
  o.nominal_id AS "nominalId", o.area_code AS "areaCode", o.category, o.level, ${DUE_ON} AS "dueOn",
  CASE WHEN ${NOTIFICATION_FIRST} THEN o.notification_basis ELSE ${LEVEL_BASIS} END AS basis,
  coalesce(${DUE_ON} < ${today}::date, false) AS overdue`;

/** How many people of the area each list holds. */
export async function obligationListCounts(
  db: Db | Tx,
  areaCode: string,
  today: string,
): Promise<Record<ObligationListKey, number>> {
  const counts = await sql<Record<ObligationListKey, number>>`
    SELECT ${sql.join(OBLIGATION_LISTS.map((key) => sql`count(*) FILTER (WHERE ${listCondition(key, today)})::int AS ${sql.ref(key)}`))}
    FROM nominal_obligations o WHERE o.area_code = ${areaCode} AND ${LISTED}`.execute(db);
  const row = counts.rows[0];
  return Object.fromEntries(OBLIGATION_LISTS.map((key) => [key, Number(row?.[key] ?? 0)])) as Record<
    ObligationListKey,
    number
  >;
}

/** Everyone of the area on one list, soonest due first (the worklist orders people due together by name). */
export async function obligationList(
  db: Db | Tx,
  areaCode: string,
  key: ObligationListKey,
  today: string,
): Promise<ObligationEntry[]> {
  const rows = await sql<ObligationEntry>`
    SELECT ${ENTRY_COLUMNS(today)}
    FROM nominal_obligations o
    WHERE o.area_code = ${areaCode} AND ${listCondition(key, today)}
    ORDER BY "dueOn" NULLS LAST, o.nominal_id`.execute(db);
  return rows.rows;
}

/** Obligations by person (people with none computed yet are absent). */
export async function obligationEntries(
  db: Db | Tx,
  nominalIds: readonly string[],
  today: string,
): Promise<Map<string, ObligationEntry>> {
  const wanted = [...new Set(nominalIds)];
  if (!wanted.length) return new Map();
  const rows = await sql<ObligationEntry>`
    SELECT ${ENTRY_COLUMNS(today)}
    FROM nominal_obligations o
    WHERE o.nominal_id = ANY(${wanted}::uuid[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.nominalId, r]));
}

/**
 * The area's Category 3 candidates (recommendation 14: high-risk domestic abuse and stalking, not
 * under MAPPA, not considered since anything significant changed), index nominal_obligations_candidates.
 */
export async function category3CandidateEntries(db: Db | Tx, areaCode: string): Promise<ObligationEntry[]> {
  return db
    .selectFrom('nominal_obligations')
    .select([
      'nominal_id as nominalId',
      'area_code as areaCode',
      'category',
      'level',
      sql<null>`NULL`.as('dueOn'),
      sql<null>`NULL`.as('basis'),
      sql<boolean>`false`.as('overdue'),
    ])
    .where('area_code', '=', areaCode)
    .where('category3_candidate', '=', true)
    .execute();
}
/**
 * The area's people whose offence needs classifying (not on the reference list, or a Schedule 3
 * condition whose facts are not recorded), with what to record; index nominal_obligations_classification.
 */
export async function classificationEntries(db: Db | Tx, areaCode: string): Promise<ObligationEntry[]> {
  return db
    .selectFrom('nominal_obligations')
    .select([
      'nominal_id as nominalId',
      'area_code as areaCode',
      'category',
      'level',
      sql<null>`NULL`.as('dueOn'),
      sql<string>`array_to_string(classification_needed, ' ')`.as('basis'),
      sql<boolean>`false`.as('overdue'),
    ])
    .where('area_code', '=', areaCode)
    .where(sql<boolean>`cardinality(classification_needed) > 0`)
    .execute();
}

/** A change of category or end date that a correction of the rules made, awaiting review. */
export interface RuleCorrectionEntry {
  id: string;
  nominalId: string;
  rulesVersion: number;
  oldCategory: number | null;
  newCategory: number | null;
  oldEndsOn: string | null;
  newEndsOn: string | null;
  oldReason: string | null;
  newReason: string | null;
  newBasis: string | null;
  detectedOn: string;
}

/** The area's rule corrections not yet reviewed, oldest first (index rule_corrections_open). */
export async function openRuleCorrections(db: Db | Tx, areaCode: string): Promise<RuleCorrectionEntry[]> {
  return db
    .selectFrom('rule_corrections')
    .select([
      'id',
      'nominal_id as nominalId',
      'rules_version as rulesVersion',
      'old_category as oldCategory',
      'new_category as newCategory',
      'old_ends_on as oldEndsOn',
      'new_ends_on as newEndsOn',
      'old_reason as oldReason',
      'new_reason as newReason',
      'new_basis as newBasis',
      'detected_on as detectedOn',
    ])
    .where('area_code', '=', areaCode)
    .where('reviewed_at', 'is', null)
    .orderBy('detected_on')
    .orderBy('id')
    .execute();
}

// --- for meetings ---

/** When the person was last told of their MAPPA status, and whether they were invited to contribute. */
export async function latestStatusNotification(
  db: Db | Tx,
  nominalId: string,
): Promise<{ toldOn: string; invitedToContribute: boolean; theirViews: string | null } | undefined> {
  return db
    .selectFrom('status_notifications')
    .select([
      'told_on as toldOn',
      'invited_to_contribute as invitedToContribute',
      'their_views as theirViews',
    ])
    .where('nominal_id', '=', nominalId)
    .orderBy('told_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
}

/** The significant events that happened on or after a day, newest first. */
export async function significantEventsSince(
  db: Db | Tx,
  nominalId: string,
  since: string,
): Promise<{ type: string; occurredOn: string; description: string }[]> {
  return db
    .selectFrom('significant_events')
    .select(['type', 'occurred_on as occurredOn', 'description'])
    .where('nominal_id', '=', nominalId)
    .where('occurred_on', '>=', since)
    .orderBy('occurred_on', 'desc')
    .execute();
}

/** The person's obligations as last computed (category, level, review, release), without recomputing. */
export async function storedObligations(
  db: Db | Tx,
  nominalId: string,
): Promise<
  | {
      category: number | null;
      level: number | null;
      reviewDueOn: string | null;
      earliestReleaseOn: string | null;
    }
  | undefined
> {
  return db
    .selectFrom('nominal_obligations')
    .select(['category', 'level', 'review_due_on as reviewDueOn', 'earliest_release_on as earliestReleaseOn'])
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
}

/** The level decisions a meeting made about a person, in the order they were made. */
export async function levelDecisionsAtMeeting(
  db: Db | Tx,
  meetingId: string,
  nominalId: string,
): Promise<
  {
    id: string;
    level: number | null;
    kind: string;
    rationale: string;
    decidedOn: string;
    overrideReason: string | null;
    continuesAtLowerLevel: string | null;
    decidedById: string;
  }[]
> {
  return db
    .selectFrom('level_decisions')
    .select([
      'id',
      'level',
      'kind',
      'rationale',
      'decided_on as decidedOn',
      'override_reason as overrideReason',
      'continues_at_lower_level as continuesAtLowerLevel',
      'decided_by as decidedById',
    ])
    .where('meeting_id', '=', meetingId)
    .where('nominal_id', '=', nominalId)
    .orderBy('decided_at')
    .execute();
}
// --- for referrals ---

/** The level criteria (MAPPA Q) each level decision recorded, by the decision's id. */
export async function levelDecisionCriteria(
  db: Db | Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string[]>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('level_decisions')
    .select(['id', 'criteria'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.criteria ?? []]));
}
// --- for oversight ---

/** Reductions (and ends of MAPPA management) decided in a period, of people in some areas; those the chair overrode. */
export async function levelReductionCounts(
  db: Db | Tx,
  areaCodes: readonly string[],
  period: { from: string; to: string },
): Promise<{ total: number; withOverride: number }> {
  const row = await db
    .selectFrom('level_decisions as d')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      (eb) => eb.fn.count<number>('d.override_reason').as('withOverride'),
    ])
    .where('d.nominal_id', 'in', nominalIdsInAreas(db, areaCodes))
    .where('d.kind', 'in', ['reduction', 'deregistration'])
    .where('d.decided_on', '>=', period.from)
    .where('d.decided_on', '<=', period.to)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), withOverride: Number(row.withOverride) };
}

/** Cases of some areas whose level review is past its due date (the review frequencies each area sets), by level. */
export async function overdueReviewCounts(
  db: Db | Tx,
  areaCodes: readonly string[],
  today: string,
): Promise<Map<number, number>> {
  if (!areaCodes.length) return new Map();
  const rows = await db
    .selectFrom('nominal_obligations')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('area_code', 'in', [...areaCodes])
    .where('level', 'is not', null)
    .where('review_due_on', '<', today)
    .groupBy('level')
    .execute();
  return new Map(rows.map((r) => [r.level!, Number(r.n)]));
}

// --- for retention ---

/**
 * Erases one person's personal data from their level history (a data protection officer's
 * decision, src/modules/retention; the caller logs it in the same transaction): the rationales,
 * override reasons and what continues at a lower level of their level decisions, the description
 * of each significant event, the reason of each Category 3 consideration, their views when told
 * of their status, the details of each notification event and the reasons quoted by each rule
 * correction read 'Erased'. Levels, categories, criteria, screening answers (yes or no), dates
 * and the computed obligations stay, so worklists and oversight counts still hold.
 */
export async function eraseLevelHistoryOf(tx: Tx, nominalId: string): Promise<ErasedPart> {
  const content = {
    decisions: await tx
      .selectFrom('level_decisions')
      .select(['id', 'rationale', 'override_reason', 'continues_at_lower_level'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    events: await tx
      .selectFrom('significant_events')
      .select(['id', 'description'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    category3: await tx
      .selectFrom('category3_considerations')
      .select(['id', 'reason'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    told: await tx
      .selectFrom('status_notifications')
      .select(['id', 'their_views'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    notificationEvents: await tx
      .selectFrom('notification_events')
      .select(['id', 'details'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    ruleCorrections: await tx
      .selectFrom('rule_corrections')
      .select(['id', 'old_reason', 'new_reason'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
  };
  const blank = (
    column:
      | 'override_reason'
      | 'continues_at_lower_level'
      | 'their_views'
      | 'details'
      | 'old_reason'
      | 'new_reason',
  ) => sql<string | null>`CASE WHEN ${sql.ref(column)} IS NULL THEN NULL ELSE ${ERASED_TEXT} END`;
  const results = [
    await tx
      .updateTable('level_decisions')
      .set({
        rationale: ERASED_TEXT,
        override_reason: blank('override_reason'),
        continues_at_lower_level: blank('continues_at_lower_level'),
      })
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst(),
    await tx
      .updateTable('significant_events')
      .set({ description: ERASED_TEXT })
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst(),
    await tx
      .updateTable('category3_considerations')
      .set({ reason: ERASED_TEXT })
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst(),
    await tx
      .updateTable('status_notifications')
      .set({ their_views: blank('their_views') })
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst(),
    // What the police learnt (a new address, a destination) and the reasons a rule correction
    // quoted (the offences): the kinds, dates and categories stay.
    await tx
      .updateTable('notification_events')
      .set({ details: blank('details') })
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst(),
    await tx
      .updateTable('rule_corrections')
      .set({ old_reason: blank('old_reason'), new_reason: blank('new_reason') })
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst(),
  ];
  return erasedPart(
    content,
    results.reduce((n, r) => n + Number(r.numUpdatedRows), 0),
  );
}
