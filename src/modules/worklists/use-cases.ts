import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, ownArea, tokenAreas } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { addDays } from '../../domain/dates.ts';
import { parseInput } from '../../validation/parse.ts';
import { overdueActions } from '../actions/index.ts';
import {
  areaPeople,
  category3CandidateEntries,
  classificationEntries,
  markRuleCorrectionReviewed,
  obligationItemCounts,
  obligationItems,
  openRuleCorrections,
  recordCategory3Consideration,
  type ObligationEntry,
  type ObligationFilters,
} from '../levels/index.ts';
import { currentCaseload, loadInScope, nominalsInvolvingAgency } from '../nominals/index.ts';
import { agenciesInArea } from '../reference/index.ts';
import { activeUsersWithRole } from '../users/index.ts';
import { AREA_LISTS, type AreaListKey } from './lists.ts';
import {
  actionFacts,
  filterFacts,
  namedPage,
  obligationFacts,
  ruleCorrectionRows,
  type RowFacts,
} from './rows.ts';
import { Category3ConsiderationInput, WorklistQuery, type WorklistQueryInput } from './schemas.ts';

/**
 * Worklists: what is due and overdue, so no case drifts (MAPPA.md §6: levels late or never set,
 * Level 1 reviews missed, prisoners released or on ROTL with no level). One row per obligation,
 * each with its own due date, reason and legal basis, derived from the obligations the rules
 * computed (levels) in one indexed read; the people are named from their record and their managers
 * looked up (nominals), one query for the list or the page. Every list takes the same query
 * (`WorklistQuery`: list, filters, sort, page), from a page, a CSV download or the API.
 */

/** The query as given (a page's, the API's or a caller's object), parsed by the one schema. */
const parseQuery = (query: unknown): WorklistQueryInput => parseInput(WorklistQuery, query ?? {});

/** The filters the obligations apply in SQL. */
function sqlFilters(query: WorklistQueryInput): Omit<ObligationFilters, 'list'> {
  return {
    due: query.due,
    level:
      query.level === undefined
        ? undefined
        : query.level === 'none'
          ? 'none'
          : (Number(query.level) as 1 | 2 | 3),
    category: query.category === undefined ? undefined : (Number(query.category) as 1 | 2 | 3 | 4),
    setting: query.setting,
  };
}

/** Overdue actions are overdue by definition: "due this week" or "this month" holds none. */
const actionsMatch = (query: WorklistQueryInput) => query.due === undefined || query.due === 'overdue';

async function logConsultation(
  tx: Tx,
  ctx: UseCaseContext,
  rows: readonly { nominalId: string }[],
  section: string,
) {
  await logAccess(tx, ctx, {
    operation: 'consultation',
    recordType: 'nominal',
    recordIds: [...new Set(rows.map((r) => r.nominalId))],
    section,
  });
}

/** The area's overdue actions as rows (index actions_open_due: few nationally), each checked against its person's area. */
async function areaActionFacts(tx: Tx, ctx: UseCaseContext, query: WorklistQueryInput) {
  if (!actionsMatch(query)) return [];
  const facts = await actionFacts(tx, await overdueActions(tx, ctx.today), [ownArea(ctx.actor)]);
  return filterFacts(facts, query);
}

/** Every area list with its count under the filters, and the area's overdue actions as rows. */
async function areaListCounts(tx: Tx, ctx: UseCaseContext, query: WorklistQueryInput) {
  const [counts, actions] = await Promise.all([
    obligationItemCounts(tx, { areaCode: ownArea(ctx.actor) }, sqlFilters(query), ctx.today),
    areaActionFacts(tx, ctx, query),
  ]);
  const lists = AREA_LISTS.map((l) => ({
    ...l,
    count: l.key === 'overdue-actions' ? actions.length : counts[l.key],
  }));
  return { lists, actions };
}

/** One area list's rows (every one, unnamed), with every list's count under the same filters. */
async function readAreaList(tx: Tx, ctx: UseCaseContext, query: WorklistQueryInput) {
  const key: AreaListKey = query.list ?? 'no-level';
  const { lists, actions } = await areaListCounts(tx, ctx, query);
  const facts: RowFacts[] =
    key === 'overdue-actions'
      ? actions
      : obligationFacts(
          await obligationItems(
            tx,
            { areaCode: ownArea(ctx.actor) },
            { ...sqlFilters(query), list: key },
            ctx.today,
          ),
        );
  return { key, lists, facts };
}

/**
 * The area's lists and their counts only (the start page's panel): it names nobody, so there is
 * no page of people to look up or to log.
 */
export async function areaWorklistCounts(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'worklist.area');
  const q = parseQuery({});
  return database.transaction(async (tx) => (await areaListCounts(tx, ctx, q)).lists);
}

/**
 * The area's lists with their counts, and a page of the chosen list (for coordinators and
 * managers). With a manager or agency filter, the counts are of the whole area and the rows narrowed.
 */
export async function areaWorklist(database: Database, ctx: UseCaseContext, query: unknown = {}) {
  authorize(ctx.actor, 'worklist.area');
  const q = parseQuery(query);
  return database.transaction(async (tx) => {
    const { key, lists, facts } = await readAreaList(tx, ctx, q);
    const page = await namedPage(tx, facts, q, ctx.today);
    await logConsultation(tx, ctx, page.rows, `area worklist: ${key}`);
    return { list: key, lists, ...page };
  });
}

/** Every row of an area list (up to 10,000) with the same filters and order, for a download. */
export async function wholeAreaWorklist(database: Database, ctx: UseCaseContext, query: unknown = {}) {
  authorize(ctx.actor, 'worklist.area');
  const q = parseQuery(query);
  return database.transaction(async (tx) => {
    const { key, facts } = await readAreaList(tx, ctx, q);
    const { rows } = await namedPage(tx, facts, q, ctx.today, { whole: true });
    await logConsultation(tx, ctx, rows, `area worklist: ${key}`);
    return { list: key, rows };
  });
}

/** My caseload's obligations (every one, filtered by SQL) as row facts. */
async function myObligationFacts(tx: Tx, ctx: UseCaseContext, query: WorklistQueryInput) {
  const caseload = await currentCaseload(tx, ctx.actor, ctx);
  const items = await obligationItems(
    tx,
    { nominalIds: caseload.map((p) => p.id) },
    sqlFilters(query),
    ctx.today,
  );
  return obligationFacts(items);
}

/**
 * A practitioner's own caseload: one row per obligation, soonest due first (or as sorted), a page
 * at a time; the counts of overdue and due-this-week; and their overdue actions.
 */
export async function myWorklist(database: Database, ctx: UseCaseContext, query: unknown = {}) {
  authorize(ctx.actor, 'nominal.view');
  const q = parseQuery(query);
  return database.transaction(async (tx) => {
    const all = await myObligationFacts(tx, ctx, {});
    const filtered = q.due || q.level || q.category || q.setting ? await myObligationFacts(tx, ctx, q) : all;
    const page = await namedPage(tx, filtered, q, ctx.today);
    // Few (their owner's own), so all of them, most overdue first.
    const actions = actionsMatch(q)
      ? (
          await namedPage(
            tx,
            filterFacts(await myOverdueActionFacts(tx, ctx), q),
            { due: 'overdue' },
            ctx.today,
            {
              whole: true,
            },
          )
        ).rows.slice(0, 500)
      : [];
    await logConsultation(tx, ctx, [...page.rows, ...actions], 'my worklist');
    return { ...page, ...countsOf(all, ctx.today), overdueActions: actions };
  });
}

/** Every row of my worklist (up to 10,000), obligations then overdue actions, for a download. */
export async function wholeMyWorklist(database: Database, ctx: UseCaseContext, query: unknown = {}) {
  authorize(ctx.actor, 'nominal.view');
  const q = parseQuery(query);
  return database.transaction(async (tx) => {
    const facts = await myObligationFacts(tx, ctx, q);
    const actions = actionsMatch(q) ? filterFacts(await myOverdueActionFacts(tx, ctx), q) : [];
    const { rows } = await namedPage(tx, [...facts, ...actions], q, ctx.today, { whole: true });
    await logConsultation(tx, ctx, rows, 'my worklist');
    return { rows };
  });
}

/** Overdue, and due in the next 7 days (today included). */
function countsOf(facts: readonly RowFacts[], today: string) {
  const weekEnd = addDays(today, 6);
  return {
    overdue: facts.filter((f) => f.overdue).length,
    dueThisWeek: facts.filter((f) => !f.overdue && f.dueOn !== null && f.dueOn <= weekEnd).length,
  };
}

/**
 * The actions I own that are past their due date, wherever the person is managed (index
 * actions_owner_open). A duty-to-co-operate representative speaks for their agency, so also gets
 * its actions with no named owner on the records the agency is involved in.
 */
async function myOverdueActionFacts(tx: Tx, ctx: UseCaseContext): Promise<RowFacts[]> {
  const { userId, agencyId } = ctx.actor;
  // Wherever the person is managed; for an area-limited token, in its areas only.
  const areas = tokenAreas(ctx.actor);
  const mine = await overdueActions(tx, ctx.today, { userId });
  if (!ctx.actor.roles.includes('dtc_representative')) return actionFacts(tx, mine, areas);
  const unassigned = await overdueActions(tx, ctx.today, { unassignedOfAgencyId: agencyId });
  const involved = new Set(unassigned.length ? await nominalsInvolvingAgency(tx, agencyId) : []);
  return actionFacts(tx, [...mine, ...unassigned.filter((a) => involved.has(a.nominalId))], areas);
}

/**
 * An area's caseload for integrators: its people with category, level, custody and named
 * managers, filtered and a page at a time (by name unless sorted otherwise).
 */
export async function areaCaseload(
  database: Database,
  ctx: UseCaseContext,
  query: unknown = {},
  options: { whole?: boolean } = {},
) {
  authorize(ctx.actor, 'worklist.area');
  const q = parseQuery(query);
  return database.transaction(async (tx) => {
    const people = await areaPeople(tx, { areaCode: ownArea(ctx.actor) }, sqlFilters(q));
    const facts: RowFacts[] = people.map((p) => ({
      ...p,
      kind: 'person',
      duty: null,
      dueOn: null,
      reason: null,
      legalBasis: null,
      overdue: false,
    }));
    const page = await namedPage(tx, facts, q, ctx.today, { ...options, defaultSort: 'name' });
    await logConsultation(tx, ctx, page.rows, 'area caseload');
    return {
      ...page,
      rows: page.rows.map((r) => ({
        nominalId: r.nominalId,
        vigilRef: r.vigilRef,
        name: r.name,
        dateOfBirth: r.dateOfBirth,
        category: r.category,
        level: r.level,
        inCustody: r.inCustody,
        owners: r.owners,
      })),
    };
  });
}

/** The roles that manage people (the Managers section's named managers). */
const MANAGING_ROLES = ['police_offender_manager', 'probation_practitioner', 'prison_offender_manager'];

/** The choices of the manager and agency filters: the area's managers and agencies, by name. */
export async function worklistFilterOptions(database: Database, ctx: UseCaseContext) {
  const areaCode = ownArea(ctx.actor);
  return database.transaction(async (tx) => {
    const [managers, agencies] = await Promise.all([
      activeUsersWithRole(tx, MANAGING_ROLES, { areaCode }),
      agenciesInArea(tx, areaCode),
    ]);
    return {
      managers: [...managers].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
      agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
    };
  });
}

/** A list of people (not obligations) as row facts. */
const personFacts = (
  entries: readonly ObligationEntry[],
  kind: 'classification' | 'category-3',
): RowFacts[] =>
  entries.map((e) => ({
    nominalId: e.nominalId,
    category: e.category,
    level: e.level,
    inCustody: false,
    kind,
    duty: null,
    dueOn: null,
    reason: e.basis,
    legalBasis: kind === 'category-3' ? 'MAPPA Guidance: Category 3' : 'CJA 2003 s.327',
    overdue: false,
  }));

/**
 * A list of people of the actor's area (not obligations), filtered, named and paged by name, its
 * reading logged: Category 3 candidates and offences needing classification.
 */
async function areaPeoplePage(
  database: Database,
  ctx: UseCaseContext,
  entriesOf: (tx: Tx, areaCode: string) => Promise<Parameters<typeof personFacts>[0]>,
  kind: Parameters<typeof personFacts>[1],
  section: string,
  query: unknown,
  options: { whole?: boolean },
) {
  const q = parseQuery(query);
  return database.transaction(async (tx) => {
    const facts = filterFacts(personFacts(await entriesOf(tx, ownArea(ctx.actor)), kind), q);
    const page = await namedPage(tx, facts, q, ctx.today, { ...options, defaultSort: 'name' });
    await logConsultation(tx, ctx, page.rows, section);
    return page;
  });
}

/** Recommendation 14: high-risk domestic abuse and stalking cases not under MAPPA, not yet considered. */
export async function category3Candidates(
  database: Database,
  ctx: UseCaseContext,
  query: unknown = {},
  options: { whole?: boolean } = {},
) {
  authorize(ctx.actor, 'category3.view');
  return areaPeoplePage(
    database,
    ctx,
    category3CandidateEntries,
    'category-3',
    'category 3 candidates',
    query,
    options,
  );
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
export async function classificationWorklist(
  database: Database,
  ctx: UseCaseContext,
  query: unknown = {},
  options: { whole?: boolean } = {},
) {
  authorize(ctx.actor, 'worklist.area');
  return areaPeoplePage(
    database,
    ctx,
    classificationEntries,
    'classification',
    'offence needs classifying',
    query,
    options,
  );
}

/** People whose category or end date a correction of the rules changed, not yet reviewed: old → new, and why. */
export async function ruleCorrectionWorklist(
  database: Database,
  ctx: UseCaseContext,
  query: unknown = {},
  options: { whole?: boolean } = {},
) {
  authorize(ctx.actor, 'worklist.area');
  const q = parseQuery(query);
  return database.transaction(async (tx) => {
    const entries = await openRuleCorrections(tx, ownArea(ctx.actor));
    const page = await ruleCorrectionRows(tx, entries, q, ctx.today, options);
    await logConsultation(tx, ctx, page.rows, 'rule corrections');
    return page;
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
  authorize(ctx.actor, 'nominal.view');
  // Numbers only: nobody is shown, so nobody is logged as consulted.
  return database.transaction(async (tx) => ({
    ...countsOf(await myObligationFacts(tx, ctx, {}), ctx.today),
    overdueActions: (await myOverdueActionFacts(tx, ctx)).length,
  }));
}
