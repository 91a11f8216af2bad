import { sql, type RawBuilder } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, nominalScope } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database } from '../../db/database.ts';
import { addDays, addMonths } from '../../domain/dates.ts';
import { ValidationError } from '../../domain/errors.ts';
import { recomputeObligations } from '../levels/index.ts';
import { loadInScope } from '../nominals/index.ts';

/**
 * Worklists: what is due and overdue, so no case drifts (MAPPA.md §6: levels late or never set,
 * Level 1 reviews missed, prisoners released or on ROTL with no level). They read the obligations
 * the rules computed (levels/obligations.ts), so each list is one indexed query.
 */
export const AREA_LISTS = [
  { key: 'no-level', label: 'Eligible – level not set' },
  { key: 'release-no-level', label: 'Custody: release within 6 months, no level' },
  { key: 'rotl-no-level', label: 'On temporary licence (ROTL), no level' },
  { key: 'level1-review-overdue', label: 'Level 1 reviews overdue' },
  { key: 'level23-review-overdue', label: 'Level 2 and 3 reviews overdue' },
  { key: 'events-unreviewed', label: 'Significant events not yet reviewed' },
  { key: 'notification-due', label: 'Category 1 notifications due in 30 days or overdue' },
  { key: 'eligibility-ending', label: 'Eligibility ending in the next 30 days' },
  { key: 'reduced-near-release', label: 'Levels reduced within 28 days of release' },
  // One row per action (not per person), so the coordinator can chase each owner.
  { key: 'overdue-actions', label: 'Overdue actions' },
] as const;
export type AreaListKey = (typeof AREA_LISTS)[number]['key'];
/** The lists read from the computed obligations; the rest read other tables. */
type ObligationListKey = Exclude<AreaListKey, 'overdue-actions'>;
const OBLIGATION_LISTS = AREA_LISTS.filter(
  (l): l is Extract<(typeof AREA_LISTS)[number], { key: ObligationListKey }> => l.key !== 'overdue-actions',
);

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
      return sql<boolean>`o.category = 1 AND o.notification_due_on <= ${in30}::date`;
    case 'eligibility-ending':
      return sql<boolean>`o.eligibility_ends_on BETWEEN ${today}::date AND ${in30}::date`;
    case 'reduced-near-release':
      return sql<boolean>`o.reduced_near_release`;
  }
}

export interface WorklistRow {
  id: string;
  vigilRef: string;
  name: string;
  dateOfBirth: string;
  category: number | null;
  level: number | null;
  dueOn: string | null;
  basis: string | null;
  overdue: boolean;
  /** Set on a row that is an overdue action rather than the person's own due date. */
  actionId?: string | null;
}

/**
 * Overdue actions as worklist rows: the person, the action's due date, and what and whose it is
 * in "Why". Open and due before today (domain/actions.ts `isOverdue`, in SQL).
 */
const ACTION_ROW_COLUMNS = sql`
  n.id, n.vigil_ref AS "vigilRef", n.forename || ' ' || n.surname AS name, n.date_of_birth AS "dateOfBirth",
  o.category, o.level, a.due_on AS "dueOn",
  'Overdue action' || CASE WHEN a.safeguarding THEN ' (safeguarding)' ELSE '' END || ': ' || a.description
    || ' – owner ' || coalesce(ou.display_name, a.owner_name, 'unassigned') || ' (' || g.name || ')' AS basis,
  true AS overdue, a.id AS "actionId"`;
const ACTION_ROW_JOINS = sql`
  JOIN nominals n ON n.id = a.nominal_id
  LEFT JOIN nominal_obligations o ON o.nominal_id = a.nominal_id
  JOIN agencies g ON g.id = a.owner_agency_id
  LEFT JOIN users ou ON ou.id = a.owner_user_id`;

const ROW_COLUMNS = (today: string) => sql`
  n.id, n.vigil_ref AS "vigilRef", n.forename || ' ' || n.surname AS name, n.date_of_birth AS "dateOfBirth",
  o.category, o.level,
  CASE WHEN o.level IS NULL THEN o.level_decision_due_on ELSE least(o.review_due_on, o.notification_due_on) END AS "dueOn",
  CASE WHEN o.level IS NULL THEN o.level_decision_basis ELSE o.review_basis END AS basis,
  coalesce(CASE WHEN o.level IS NULL THEN o.level_decision_due_on ELSE least(o.review_due_on, o.notification_due_on) END < ${today}::date, false) AS overdue`;

/** The area's lists with their counts, and the rows of the chosen list (for coordinators and managers). */
export async function areaWorklist(
  database: Database,
  ctx: UseCaseContext,
  listKey: string | undefined,
  page = 1,
) {
  authorize(ctx.actor, 'worklist.area');
  const key = (AREA_LISTS.find((l) => l.key === listKey)?.key ?? 'no-level') as AreaListKey;
  if (listKey && !AREA_LISTS.some((l) => l.key === listKey))
    throw new ValidationError({ list: 'Choose a list from the menu' });
  const pageSize = 50;
  return database.transaction(async (tx) => {
    const counts = await sql<Record<string, number>>`
      SELECT ${sql.join(OBLIGATION_LISTS.map((l) => sql`count(*) FILTER (WHERE ${listCondition(l.key, ctx.today)})::int AS ${sql.ref(l.key)}`))},
        (SELECT count(*)::int FROM ${overdueActionsInArea(ctx.actor.areaCode)} WHERE ${isOverdue(ctx.today)}) AS "overdue-actions"
      FROM nominal_obligations o WHERE o.area_code = ${ctx.actor.areaCode} AND ${LISTED}`.execute(tx);
    const offset = (Math.max(1, page) - 1) * pageSize;
    const rows =
      key === 'overdue-actions'
        ? await sql<WorklistRow>`
      SELECT ${ACTION_ROW_COLUMNS}
      FROM ${overdueActionsInArea(ctx.actor.areaCode)} ${ACTION_ROW_JOINS}
      WHERE ${isOverdue(ctx.today)}
      ORDER BY a.due_on, n.surname, n.forename, a.id
      LIMIT ${pageSize} OFFSET ${offset}`.execute(tx)
        : await sql<WorklistRow>`
      SELECT ${ROW_COLUMNS(ctx.today)}
      FROM nominal_obligations o JOIN nominals n ON n.id = o.nominal_id
      WHERE o.area_code = ${ctx.actor.areaCode} AND ${listCondition(key, ctx.today)}
      ORDER BY "dueOn" NULLS LAST, n.surname, n.forename
      LIMIT ${pageSize} OFFSET ${offset}`.execute(tx);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [...new Set(rows.rows.map((r) => r.id))],
      section: `area worklist: ${key}`,
    });
    const countRow = counts.rows[0] ?? {};
    return {
      list: key,
      lists: AREA_LISTS.map((l) => ({ ...l, count: Number(countRow[l.key] ?? 0) })),
      total: Number(countRow[key] ?? 0),
      page,
      pageSize,
      rows: rows.rows,
    };
  });
}

/**
 * Actions on people the area manages, as a FROM clause (aliases `a`, `ao`); with `isOverdue`, the
 * area's overdue actions. Overdue actions are few nationally (index actions_open_due), so they drive:
 * each is checked against its person's area by primary key. The fence (OFFSET 0) keeps the planner
 * from merge-joining the whole obligations table instead.
 */
const overdueActionsInArea = (areaCode: string) => sql`actions a
  JOIN LATERAL (SELECT ao.nominal_id FROM nominal_obligations ao
    WHERE ao.nominal_id = a.nominal_id AND ao.area_code = ${areaCode} OFFSET 0) ao ON true`;
const isOverdue = (today: string) => sql<boolean>`a.status = 'open' AND a.due_on < ${today}::date`;

/** People some area list can show (index nominal_obligations_area_listed): not everyone supervised. */
const LISTED = sql<boolean>`(o.category IS NOT NULL OR o.level IS NOT NULL OR o.unreviewed_event_since IS NOT NULL OR o.reduced_near_release)`;

/** A practitioner's own caseload: what is due and overdue, soonest first. */
export async function myWorklist(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'nominal.view');
  return database.transaction(async (tx) => {
    const rows = await sql<WorklistRow>`
      SELECT ${ROW_COLUMNS(ctx.today)}
      FROM nominal_managers m
      JOIN nominal_obligations o ON o.nominal_id = m.nominal_id
      JOIN nominals n ON n.id = m.nominal_id
      WHERE m.user_id = ${ctx.actor.userId} AND m.from_date <= ${ctx.today}::date
        AND (m.to_date IS NULL OR m.to_date >= ${ctx.today}::date)
        AND ${nominalScope(ctx.actor, ctx)}
      ORDER BY "dueOn" NULLS LAST, n.surname
      LIMIT 500`.execute(tx);
    // The actions I own that are past their due date, wherever the person is managed: the
    // partial index actions_owner_open answers this without reading anyone else's actions. A
    // duty-to-co-operate representative speaks for their agency, so also gets its actions with no
    // named owner, found through the records the agency is involved in (agency_involvements_agency).
    const agencyActions = ctx.actor.roles.includes('dtc_representative')
      ? sql`UNION
        SELECT x.id FROM agency_involvements i JOIN actions x ON x.nominal_id = i.nominal_id
        WHERE i.agency_id = ${ctx.actor.agencyId} AND x.owner_agency_id = ${ctx.actor.agencyId}
          AND x.owner_user_id IS NULL AND x.status = 'open' AND x.due_on < ${ctx.today}::date`
      : sql``;
    const actions = await sql<WorklistRow>`
      SELECT ${ACTION_ROW_COLUMNS}
      FROM actions a ${ACTION_ROW_JOINS}
      WHERE a.id IN (
        SELECT id FROM actions
        WHERE owner_user_id = ${ctx.actor.userId} AND status = 'open' AND due_on < ${ctx.today}::date
        ${agencyActions})
      ORDER BY a.due_on, n.surname, a.id
      LIMIT 500`.execute(tx);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [...new Set([...rows.rows, ...actions.rows].map((r) => r.id))],
      section: 'my worklist',
    });
    return {
      rows: rows.rows,
      overdue: rows.rows.filter((r) => r.overdue).length,
      overdueActions: actions.rows,
    };
  });
}

/** Recommendation 14: high-risk domestic abuse and stalking cases not under MAPPA, not yet considered. */
export async function category3Candidates(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'category3.view');
  return database.transaction(async (tx) => {
    const rows = await sql<WorklistRow & { roshOverall: string | null }>`
      SELECT n.id, n.vigil_ref AS "vigilRef", n.forename || ' ' || n.surname AS name, n.date_of_birth AS "dateOfBirth",
             o.category, o.level, NULL AS "dueOn", NULL AS basis, false AS overdue
      FROM nominal_obligations o JOIN nominals n ON n.id = o.nominal_id
      WHERE o.area_code = ${ctx.actor.areaCode} AND o.category3_candidate
      ORDER BY n.surname, n.forename
      LIMIT 500`.execute(tx);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: rows.rows.map((r) => r.id),
      section: 'category 3 candidates',
    });
    return { rows: rows.rows };
  });
}

/** "Considered — refer / not needed, because …": the person leaves the list until something significant changes. */
export async function considerCategory3(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: Record<string, unknown>,
) {
  authorize(ctx.actor, 'category3.consider');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const outcome = input.outcome;
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    const errors: Record<string, string> = {};
    if (outcome !== 'refer' && outcome !== 'not_needed') errors.outcome = 'Select whether to refer or not';
    if (reason.length < 10) errors.reason = 'Give the reason for the decision (at least 10 characters)';
    else if (reason.length > 4000) errors.reason = 'Reason must be 4000 characters or fewer';
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const row = await tx
      .insertInto('category3_considerations')
      .values({
        considered_at: ctx.now,
        nominal_id: nominalId,
        outcome: outcome as 'refer' | 'not_needed',
        reason,
        considered_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recomputeObligations(tx, nominalId, ctx.today);
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'category 3 consideration',
    });
    return { id: row.id };
  });
}

/** Any worklist as CSV, for people who work in spreadsheets. */
export function worklistCsv(rows: readonly WorklistRow[]): string {
  const header = ['Vigil reference', 'Name', 'Date of birth', 'Category', 'Level', 'Due', 'Overdue', 'Why'];
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    // Quote everything, and defuse spreadsheet formulas.
    return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  };
  return [
    header,
    ...rows.map((r) => [
      r.vigilRef,
      r.name,
      r.dateOfBirth,
      r.category,
      r.level,
      r.dueOn,
      r.overdue ? 'yes' : 'no',
      r.basis,
    ]),
  ]
    .map((line) => line.map(cell).join(','))
    .join('\r\n');
}
