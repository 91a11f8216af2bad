import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { addDays, addMonths, formatDateLong } from '../../domain/dates.ts';
import { DEFAULT_AREA_SETTINGS } from '../../domain/deadlines.ts';
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

/** A person on a list of people (not of obligations): Category 3 candidates, offences to classify. */
export interface ObligationEntry {
  nominalId: string;
  areaCode: string;
  category: number | null;
  level: number | null;
  /** Lists of people rather than obligations (Category 3 candidates, offences to classify) have none. */
  dueOn: string | null;
  /** What to record (offences to classify). */
  basis: string | null;
  overdue: boolean;
}

/** A person's MAPPA standing as their obligations were last computed. */
export interface MappaStanding {
  nominalId: string;
  areaCode: string;
  category: number | null;
  level: number | null;
  inCustody: boolean;
}

/** People's MAPPA standing by id (people with no obligations computed yet are absent). */
export async function mappaStandings(
  db: Db | Tx,
  nominalIds: readonly string[],
): Promise<Map<string, MappaStanding>> {
  const wanted = [...new Set(nominalIds)];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('nominal_obligations')
    .select([
      'nominal_id as nominalId',
      'area_code as areaCode',
      'category',
      'level',
      'in_custody as inCustody',
    ])
    .where('nominal_id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.nominalId, r]));
}

// --- One row per obligation -----------------------------------------------------------------

/**
 * What a worklist row is an obligation to do. A notification duty also names its kind
 * (`duty`: initial, periodic, weekly, home_address_change…).
 */
export const OBLIGATION_KINDS = [
  'level-decision',
  'review',
  'significant-event',
  'notification',
  'eligibility-ending',
  'reduced-near-release',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** One obligation of one person: its own due date, reason and the law or guidance it rests on. */
export interface ObligationItem {
  nominalId: string;
  areaCode: string;
  category: number | null;
  level: number | null;
  inCustody: boolean;
  kind: ObligationKind;
  /** The notification duty's kind (SOA 2003 s.83-86); null for the others. */
  duty: string | null;
  /** Null: no date to work from yet (the reason says what to record) or a check with no deadline. */
  dueOn: string | null;
  reason: string;
  legalBasis: string;
  overdue: boolean;
}

export interface ObligationFilters {
  list?: ObligationListKey | undefined;
  /** Overdue; due in the next 7 days or 30 days (today included, overdue not). */
  due?: 'overdue' | 'week' | 'month' | undefined;
  level?: 1 | 2 | 3 | 'none' | undefined;
  category?: 1 | 2 | 3 | 4 | undefined;
  setting?: 'custody' | 'community' | undefined;
}

/** Whose obligations: an area's, or some people's (a caseload); `nominalIds` narrows an area too. */
export type ObligationScope = { areaCode?: string; nominalIds?: readonly string[] };

/**
 * Each person's obligations as rows, derived from their computed `nominal_obligations` row, so each
 * row's due date and reason come from the same obligation. What cannot apply never becomes a row:
 * a notification duty with no due date yet (s.83(6): a prisoner's initial notification is due 3
 * days from release), a level decision after MAPPA management was ended (unless a significant event
 * has happened since), a review or event review once eligibility has ended (category null).
 * A review that a significant event brought forward is the event's row, not a second one.
 */
function obligationItemsSql(scope: ObligationScope, today: string) {
  const in30 = addDays(today, 30);
  const where = [
    // Only people some obligation can apply to (index nominal_obligations_area_listed): a notification
    // duty means Category 1 is met (eligibility.ts), so this leaves no obligation out.
    LISTED,
    ...(scope.areaCode !== undefined ? [sql`o.area_code = ${scope.areaCode}`] : []),
    ...(scope.nominalIds !== undefined ? [sql`o.nominal_id = ANY(${[...scope.nominalIds]}::uuid[])`] : []),
  ];
  const eventDue = sql`(o.unreviewed_event_since + coalesce(s.significant_event_review_days, ${DEFAULT_AREA_SETTINGS.significantEventReviewDays}::int))`;
  return sql`
    SELECT o.nominal_id AS "nominalId", o.area_code AS "areaCode", o.category, o.level,
      o.in_custody AS "inCustody", o.on_rotl AS "onRotl", o.earliest_release_on AS "earliestReleaseOn",
      i.kind, i.duty, to_char(i.due_on, 'YYYY-MM-DD') AS "dueOn", i.reason, i.legal_basis AS "legalBasis",
      coalesce(i.due_on < ${today}::date, false) AS overdue,
      to_char(o.unreviewed_event_since, 'YYYY-MM-DD') AS "eventSince",
      coalesce(s.significant_event_review_days, ${DEFAULT_AREA_SETTINGS.significantEventReviewDays}::int) AS "eventReviewDays",
      to_char(o.last_reduction_on, 'YYYY-MM-DD') AS "lastReductionOn"
    FROM nominal_obligations o
    LEFT JOIN area_settings s ON s.area_code = o.area_code
    CROSS JOIN LATERAL (
      SELECT 'level-decision', NULL::text, o.level_decision_due_on, o.level_decision_basis, ${LEVEL_DECISION_BASIS}
      WHERE o.category IS NOT NULL AND o.level IS NULL
        AND NOT (o.unreviewed_event_since IS NULL AND coalesce((
          SELECT d.kind FROM level_decisions d WHERE d.nominal_id = o.nominal_id ORDER BY d.decided_at DESC LIMIT 1), '') = 'deregistration')
      UNION ALL
      SELECT 'review', NULL, o.review_due_on, o.review_basis, ${REVIEW_BASIS}
      WHERE o.category IS NOT NULL AND o.level IS NOT NULL AND o.review_due_on IS NOT NULL
        AND NOT (o.unreviewed_event_since IS NOT NULL AND o.review_due_on >= ${eventDue})
      UNION ALL
      SELECT 'significant-event', NULL, ${eventDue},
        CASE WHEN o.review_due_on = ${eventDue} THEN o.review_basis ELSE '' END, ${EVENT_BASIS}
      WHERE o.category IS NOT NULL AND o.level IS NOT NULL AND o.unreviewed_event_since IS NOT NULL
      UNION ALL
      SELECT 'notification', d->>'kind', (d->>'dueOn')::date, d->>'basis', d->>'section'
      FROM jsonb_array_elements(o.notification_obligations) d
      WHERE o.subject_to_notification AND coalesce(d->>'dueOn', '') <> ''
      UNION ALL
      SELECT 'eligibility-ending', NULL, o.eligibility_ends_on,
        'MAPPA eligibility ends: plan for the end of MAPPA management. ' || coalesce(o.category_reason, ''),
        coalesce(o.category_basis, ${ELIGIBILITY_BASIS})
      WHERE o.category IS NOT NULL AND o.eligibility_ends_on BETWEEN ${today}::date AND ${in30}::date
      UNION ALL
      SELECT 'reduced-near-release', NULL, NULL::date, '', ${REDUCTION_BASIS}
      WHERE o.reduced_near_release AND o.level IS NOT NULL
    ) AS i(kind, duty, due_on, reason, legal_basis)
    WHERE ${where.length ? sql.join(where, sql` AND `) : sql`true`}`;
}

/** The predicate of the partial index nominal_obligations_area_listed (migration 0014). */
const LISTED = sql`(o.category IS NOT NULL OR o.level IS NOT NULL OR o.unreviewed_event_since IS NOT NULL OR o.reduced_near_release)`;

const LEVEL_DECISION_BASIS = 'MAPPA Guidance: level decision';
const REVIEW_BASIS = 'MAPPA Guidance: level review';
const EVENT_BASIS = 'MAPPA Guidance: review after a significant event';
const ELIGIBILITY_BASIS = 'MAPPA Guidance: eligibility';
const REDUCTION_BASIS = 'MAPPA Guidance: reducing a level near release';

/** Which rows an area list holds, and the filters, over the rows of `obligationItemsSql`. */
function itemCondition(filters: ObligationFilters, today: string): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [];
  if (filters.list) conditions.push(itemListCondition(filters.list, today));
  if (filters.due === 'overdue') conditions.push(sql<boolean>`x."dueOn" < ${today}`);
  if (filters.due === 'week' || filters.due === 'month')
    conditions.push(
      sql<boolean>`x."dueOn" BETWEEN ${today} AND ${addDays(today, filters.due === 'week' ? 6 : 29)}`,
    );
  if (filters.level === 'none') conditions.push(sql<boolean>`x.level IS NULL`);
  else if (filters.level !== undefined) conditions.push(sql<boolean>`x.level = ${filters.level}`);
  if (filters.category !== undefined) conditions.push(sql<boolean>`x.category = ${filters.category}`);
  if (filters.setting) conditions.push(sql<boolean>`x."inCustody" = ${filters.setting === 'custody'}`);
  return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` AND `)})` : sql<boolean>`true`;
}

function itemListCondition(key: ObligationListKey, today: string): RawBuilder<boolean> {
  const in30 = addDays(today, 30);
  switch (key) {
    case 'no-level':
      return sql<boolean>`x.kind = 'level-decision'`;
    case 'release-no-level':
      return sql<boolean>`x.kind = 'level-decision' AND x."inCustody" AND x."earliestReleaseOn" <= ${addMonths(today, 6)}::date`;
    case 'rotl-no-level':
      return sql<boolean>`x.kind = 'level-decision' AND x."onRotl"`;
    // A review a significant event brought forward is still a review.
    case 'level1-review-overdue':
      return sql<boolean>`x.kind IN ('review', 'significant-event') AND x.level = 1 AND x.overdue`;
    case 'level23-review-overdue':
      return sql<boolean>`x.kind IN ('review', 'significant-event') AND x.level IN (2, 3) AND x.overdue`;
    case 'events-unreviewed':
      return sql<boolean>`x.kind = 'significant-event'`;
    case 'notification-due':
      return sql<boolean>`x.kind = 'notification' AND x."dueOn" <= ${in30}`;
    case 'eligibility-ending':
      return sql<boolean>`x.kind = 'eligibility-ending'`;
    case 'reduced-near-release':
      return sql<boolean>`x.kind = 'reduced-near-release'`;
  }
}

type ItemRow = ObligationItem & {
  onRotl: boolean;
  earliestReleaseOn: string | null;
  eventSince: string | null;
  eventReviewDays: number;
  lastReductionOn: string | null;
};

/** The reasons built from dates (so they read "5 December 2026" like every other date). */
function finishItem(r: ItemRow): ObligationItem {
  const { onRotl: _r, earliestReleaseOn: _e, eventSince, eventReviewDays, lastReductionOn, ...item } = r;
  // The review's own reason when the event brought it forward (it names the event), else the event's.
  if (item.kind === 'significant-event' && eventSince && !item.reason)
    item.reason = `Review the level within ${eventReviewDays} days of a significant event not yet reviewed (${formatDateLong(eventSince)})`;
  if (item.kind === 'reduced-near-release')
    item.reason = `Level reduced within 28 days of release${lastReductionOn ? ` (on ${formatDateLong(lastReductionOn)})` : ''}: check that the purpose of the higher level was achieved`;
  return item;
}

/**
 * Every obligation of an area or of some people, filtered (no order: the worklist orders by the
 * person's name or the due date, and pages).
 */
export async function obligationItems(
  db: Db | Tx,
  scope: ObligationScope,
  filters: ObligationFilters,
  today: string,
): Promise<ObligationItem[]> {
  if (scope.nominalIds !== undefined && scope.nominalIds.length === 0) return [];
  const rows = await sql<ItemRow>`
    SELECT x.* FROM (${obligationItemsSql(scope, today)}) x
    WHERE ${itemCondition(filters, today)}`.execute(db);
  return rows.rows.map(finishItem);
}

/** How many obligations each area list holds, with the other filters applied. */
export async function obligationItemCounts(
  db: Db | Tx,
  scope: ObligationScope,
  filters: Omit<ObligationFilters, 'list'>,
  today: string,
): Promise<Record<ObligationListKey, number>> {
  const empty = Object.fromEntries(OBLIGATION_LISTS.map((key) => [key, 0])) as Record<
    ObligationListKey,
    number
  >;
  if (scope.nominalIds !== undefined && scope.nominalIds.length === 0) return empty;
  const counts = await sql<Record<ObligationListKey, number>>`
    SELECT ${sql.join(OBLIGATION_LISTS.map((key) => sql`count(*) FILTER (WHERE ${itemListCondition(key, today)})::int AS ${sql.ref(key)}`))}
    FROM (${obligationItemsSql(scope, today)}) x
    WHERE ${itemCondition(filters, today)}`.execute(db);
  const row = counts.rows[0];
  return Object.fromEntries(OBLIGATION_LISTS.map((key) => [key, Number(row?.[key] ?? 0)])) as Record<
    ObligationListKey,
    number
  >;
}

/** An area's people (a caseload for integrators): category, level and custody, filtered. */
export async function areaPeople(
  db: Db | Tx,
  scope: ObligationScope,
  filters: Pick<ObligationFilters, 'level' | 'category' | 'setting'>,
): Promise<{ nominalId: string; category: number | null; level: number | null; inCustody: boolean }[]> {
  if (scope.nominalIds !== undefined && scope.nominalIds.length === 0) return [];
  let query = db
    .selectFrom('nominal_obligations')
    .select(['nominal_id as nominalId', 'category', 'level', 'in_custody as inCustody']);
  if (scope.areaCode !== undefined) query = query.where('area_code', '=', scope.areaCode);
  if (scope.nominalIds !== undefined) query = query.where('nominal_id', 'in', [...scope.nominalIds]);
  if (filters.level === 'none') query = query.where('level', 'is', null);
  else if (filters.level !== undefined) query = query.where('level', '=', filters.level);
  if (filters.category !== undefined) query = query.where('category', '=', filters.category);
  if (filters.setting) query = query.where('in_custody', '=', filters.setting === 'custody');
  return query.execute();
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
