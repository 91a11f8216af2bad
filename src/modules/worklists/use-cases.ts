import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, ownArea, tokenAreas } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { addDays } from '../../domain/dates.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parseInput } from '../../validation/parse.ts';
import { overdueActions } from '../actions/index.ts';
import {
  category3CandidateEntries,
  classificationEntries,
  markRuleCorrectionReviewed,
  obligationEntries,
  openRuleCorrections,
  obligationList,
  obligationListCounts,
  recordCategory3Consideration,
} from '../levels/index.ts';
import { currentCaseload, loadInScope, nominalsInvolvingAgency } from '../nominals/index.ts';
import { AREA_LISTS, type AreaListKey } from './lists.ts';
import { actionRows, obligationRows, ruleCorrectionRows, type WorklistRow } from './rows.ts';
import { Category3ConsiderationInput } from './schemas.ts';

/**
 * Worklists: what is due and overdue, so no case drifts (MAPPA.md §6: levels late or never set,
 * Level 1 reviews missed, prisoners released or on ROTL with no level). They read the obligations
 * the rules computed (levels), so each list is one indexed read, and name the people from their
 * record (nominals) in one look-up.
 */

const PAGE_SIZE = 50;
/** The most rows a download holds (200 pages). */
const MOST_ROWS = 10_000;

function areaListKey(listKey: string | undefined): AreaListKey {
  if (listKey && !AREA_LISTS.some((l) => l.key === listKey))
    throw new ValidationError({ list: 'Choose a list from the menu' });
  return (listKey as AreaListKey | undefined) ?? 'no-level';
}

/** All of one area list, in its order, with every list's count. */
async function readAreaList(tx: Tx, ctx: UseCaseContext, key: AreaListKey) {
  const areaCode = ownArea(ctx.actor);
  const counts = await obligationListCounts(tx, areaCode, ctx.today);
  // Overdue actions are few nationally (index actions_open_due): they drive, each checked against
  // its person's area.
  const actions = await actionRows(tx, await overdueActions(tx, ctx.today), ctx.today, [areaCode]);
  const rows =
    key === 'overdue-actions'
      ? actions
      : await obligationRows(tx, await obligationList(tx, areaCode, key, ctx.today));
  const lists = AREA_LISTS.map((l) => ({
    ...l,
    count: l.key === 'overdue-actions' ? actions.length : counts[l.key],
  }));
  return { lists, rows };
}

async function logConsultation(
  tx: Tx,
  ctx: UseCaseContext,
  rows: readonly { id: string }[],
  section: string,
) {
  await logAccess(tx, ctx, {
    operation: 'consultation',
    recordType: 'nominal',
    recordIds: [...new Set(rows.map((r) => r.id))],
    section,
  });
}

/** The area's lists with their counts, and a page of the chosen list (for coordinators and managers). */
export async function areaWorklist(
  database: Database,
  ctx: UseCaseContext,
  listKey: string | undefined,
  page = 1,
) {
  authorize(ctx.actor, 'worklist.area');
  const key = areaListKey(listKey);
  return database.transaction(async (tx) => {
    const { lists, rows } = await readAreaList(tx, ctx, key);
    const offset = (Math.max(1, page) - 1) * PAGE_SIZE;
    const shown = rows.slice(offset, offset + PAGE_SIZE);
    await logConsultation(tx, ctx, shown, `area worklist: ${key}`);
    return {
      list: key,
      lists,
      total: lists.find((l) => l.key === key)!.count,
      page,
      pageSize: PAGE_SIZE,
      rows: shown,
    };
  });
}

/** Every row of an area list (up to 10,000), for a download. */
export async function wholeAreaWorklist(
  database: Database,
  ctx: UseCaseContext,
  listKey: string | undefined,
) {
  authorize(ctx.actor, 'worklist.area');
  const key = areaListKey(listKey);
  return database.transaction(async (tx) => {
    const rows = (await readAreaList(tx, ctx, key)).rows.slice(0, MOST_ROWS);
    await logConsultation(tx, ctx, rows, `area worklist: ${key}`);
    return { list: key, rows };
  });
}

/** A practitioner's own caseload: what is due and overdue, soonest first; and their overdue actions. */
export async function myWorklist(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'nominal.view');
  return database.transaction(async (tx) => {
    const caseload = await currentCaseload(tx, ctx.actor, ctx);
    const obligations = await obligationEntries(
      tx,
      caseload.map((p) => p.id),
      ctx.today,
    );
    const rows = (await obligationRows(tx, [...obligations.values()])).slice(0, 500);
    const actions = (await myOverdueActions(tx, ctx)).slice(0, 500);
    await logConsultation(tx, ctx, [...rows, ...actions], 'my worklist');
    return { rows, overdue: rows.filter((r) => r.overdue).length, overdueActions: actions };
  });
}

/**
 * The actions I own that are past their due date, wherever the person is managed (index
 * actions_owner_open). A duty-to-co-operate representative speaks for their agency, so also gets
 * its actions with no named owner on the records the agency is involved in.
 */
async function myOverdueActions(tx: Tx, ctx: UseCaseContext): Promise<WorklistRow[]> {
  const { userId, agencyId } = ctx.actor;
  // Wherever the person is managed; for an area-limited token, in its areas only.
  const areas = tokenAreas(ctx.actor);
  const mine = await overdueActions(tx, ctx.today, { userId });
  if (!ctx.actor.roles.includes('dtc_representative')) return actionRows(tx, mine, ctx.today, areas);
  const unassigned = await overdueActions(tx, ctx.today, { unassignedOfAgencyId: agencyId });
  const involved = new Set(unassigned.length ? await nominalsInvolvingAgency(tx, agencyId) : []);
  return actionRows(tx, [...mine, ...unassigned.filter((a) => involved.has(a.nominalId))], ctx.today, areas);
}

/** Recommendation 14: high-risk domestic abuse and stalking cases not under MAPPA, not yet considered. */
export async function category3Candidates(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'category3.view');
  return database.transaction(async (tx) => {
    const entries = await category3CandidateEntries(tx, ownArea(ctx.actor));
    const rows = (await obligationRows(tx, entries, 'name')).slice(0, 500);
    await logConsultation(tx, ctx, rows, 'category 3 candidates');
    return { rows };
  });
}

/** "Considered — refer / not needed, because …": the person leaves the list until something significant changes. */
export async function considerCategory3(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'category3.consider');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const consideration = parseInput(Category3ConsiderationInput, input);
    const row = await recordCategory3Consideration(tx, ctx, nominalId, consideration);
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'category 3 consideration',
    });
    return { id: row.id };
  });
}

/**
 * People whose offence needs classifying: not on the reference list, or a Schedule 3 condition
 * whose facts are not recorded. Never a silent "not eligible": each row says what to record.
 */
export async function classificationWorklist(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'worklist.area');
  return database.transaction(async (tx) => {
    const entries = await classificationEntries(tx, ownArea(ctx.actor));
    const rows = (await obligationRows(tx, entries, 'name')).slice(0, MOST_ROWS);
    await logConsultation(tx, ctx, rows, 'offence needs classifying');
    return { rows };
  });
}

/** People whose category or end date a correction of the rules changed, not yet reviewed: old → new, and why. */
export async function ruleCorrectionWorklist(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'worklist.area');
  return database.transaction(async (tx) => {
    const rows = (await ruleCorrectionRows(tx, await openRuleCorrections(tx, ownArea(ctx.actor)))).slice(
      0,
      MOST_ROWS,
    );
    await logConsultation(tx, ctx, rows, 'rule corrections');
    return { rows };
  });
}

/** Marks a rule correction as reviewed (a write, in scope only; logged with the person). */
export const reviewRuleCorrection = markRuleCorrectionReviewed;

/**
 * The start page's counts of my caseload's obligations: overdue, and due in the next 7 days
 * (today included). Contract for the start page; the numbers link to /worklists/mine?due=overdue
 * and /worklists/mine?due=week.
 */
export async function myObligationSummary(
  database: Database,
  ctx: UseCaseContext,
): Promise<{ overdue: number; dueThisWeek: number; overdueActions: number }> {
  const { rows, overdueActions } = await myWorklist(database, ctx);
  const weekEnd = addDays(ctx.today, 6);
  return {
    overdue: rows.filter((r) => r.overdue).length,
    dueThisWeek: rows.filter((r) => !r.overdue && r.dueOn !== null && r.dueOn <= weekEnd).length,
    overdueActions: overdueActions.length,
  };
}
