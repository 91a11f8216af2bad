import type { Db, Tx } from '../../db/database.ts';
import { labelOf, MANAGER_ROLE } from '../../domain/codes.ts';
import type { OverdueAction } from '../actions/index.ts';
import { mappaStandings, type ObligationItem, type RuleCorrectionEntry } from '../levels/index.ts';
import {
  currentManagersOf,
  nominalListEntries,
  type CurrentManager,
  type NominalListEntry,
} from '../nominals/index.ts';
import { agenciesByIds } from '../reference/index.ts';
import { usersByIds } from '../users/index.ts';
import type { SortKey, WorklistQueryInput } from './schemas.ts';

/**
 * A worklist's rows: one per obligation (levels), per overdue action (actions) or per person (the
 * people lists), named from the person's record (nominals), with the person's named managers as
 * owners. Each lookup is one query for the whole list or page, never one per row.
 */

export const PAGE_SIZE = 50;
/** The most rows a download holds (200 pages). */
export const MOST_ROWS = 10_000;

/** A person's named manager as a row shows them. */
export interface Owner {
  name: string;
  role: string;
  agency: string;
}

/** An obligation's kind, an overdue action, or a row of a list of people (`person`: the caseload). */
export type RowKind =
  ObligationItem['kind'] | 'action' | 'classification' | 'category-3' | 'rule-correction' | 'person';

export interface WorklistRow {
  nominalId: string;
  vigilRef: string;
  name: string;
  dateOfBirth: string;
  category: number | null;
  level: number | null;
  inCustody: boolean;
  kind: RowKind;
  /** A notification duty's kind (initial, periodic…). */
  duty: string | null;
  dueOn: string | null;
  reason: string | null;
  legalBasis: string | null;
  overdue: boolean;
  owners: Owner[];
  /** Set on a row that is an overdue action. */
  actionId?: string | null;
}

/** A row before the person is named and their managers looked up. */
export type RowFacts = Omit<WorklistRow, 'vigilRef' | 'name' | 'dateOfBirth' | 'owners'>;

export interface Paged<R> {
  rows: R[];
  total: number;
  page: number;
  pageSize: number;
}

/** The order of the obligations, so rows of one person read in a stable order. */
const KIND_ORDER: readonly RowKind[] = [
  'level-decision',
  'review',
  'significant-event',
  'notification',
  'eligibility-ending',
  'reduced-near-release',
  'action',
  'classification',
  'category-3',
  'rule-correction',
  'person',
];

const collator = new Intl.Collator('en-GB');
type Sortable<F extends RowFacts = RowFacts> = { facts: F; person: NominalListEntry };

/** Undated last whichever way, so "soonest first" and "latest first" both end with what has no date. */
const byDate = (a: string | null, b: string | null, sign: number) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : (a < b ? -1 : 1) * sign;
const byNullableNumber = (a: number | null, b: number | null, sign: number) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : (a - b) * sign;
const byName = (a: Sortable, b: Sortable) =>
  collator.compare(a.person.surname, b.person.surname) ||
  collator.compare(a.person.forename, b.person.forename) ||
  a.person.id.localeCompare(b.person.id);
const byKind = (a: Sortable, b: Sortable) =>
  KIND_ORDER.indexOf(a.facts.kind) - KIND_ORDER.indexOf(b.facts.kind) ||
  collator.compare(a.facts.duty ?? '', b.facts.duty ?? '');

/** Sorts by the chosen column, then by due date and name, so equal rows keep one order. */
function comparator(sort: SortKey, order: 'asc' | 'desc') {
  const sign = order === 'desc' ? -1 : 1;
  const due = (a: Sortable, b: Sortable) => byDate(a.facts.dueOn, b.facts.dueOn, 1);
  const then = (a: Sortable, b: Sortable) =>
    due(a, b) ||
    byName(a, b) ||
    byKind(a, b) ||
    collator.compare(a.facts.actionId ?? '', b.facts.actionId ?? '');
  const first: Record<SortKey, (a: Sortable, b: Sortable) => number> = {
    due: (a, b) => byDate(a.facts.dueOn, b.facts.dueOn, sign),
    name: (a, b) => byName(a, b) * sign,
    obligation: (a, b) => byKind(a, b) * sign,
    category: (a, b) => byNullableNumber(a.facts.category, b.facts.category, sign),
    level: (a, b) => byNullableNumber(a.facts.level, b.facts.level, sign),
  };
  return (a: Sortable, b: Sortable) => first[sort](a, b) || then(a, b);
}

/** The named managers of some people, as owners (one query for the managers, one for their agencies). */
async function ownersOf(db: Db | Tx, managers: Map<string, CurrentManager[]>): Promise<Map<string, Owner[]>> {
  const agencies = await agenciesByIds(
    db,
    [...managers.values()].flat().map((m) => m.agencyId),
  );
  return new Map(
    [...managers].map(([id, list]) => [
      id,
      list.map((m) => ({
        name: m.name,
        role: labelOf(MANAGER_ROLE, m.role),
        agency: agencies.get(m.agencyId)?.name ?? '',
      })),
    ]),
  );
}

/** What narrows a list by who manages the person (Vigil holds no teams or PDUs: the agency stands in). */
const byManager = (query: WorklistQueryInput) => query.manager ?? query.agency;
const manages = (query: WorklistQueryInput) => (m: CurrentManager) =>
  (query.manager === undefined || m.userId === query.manager) &&
  (query.agency === undefined || m.agencyId === query.agency);

/**
 * Names the rows, narrows them to a manager or agency, sorts them by the chosen column and returns
 * one page (or, with `whole`, every row up to 10,000 for a download), each with its owners.
 */
export async function namedPage<F extends RowFacts>(
  db: Db | Tx,
  facts: readonly F[],
  query: WorklistQueryInput,
  today: string,
  options: { whole?: boolean; defaultSort?: SortKey } = {},
): Promise<Paged<F & WorklistRow>> {
  const ids = [...new Set(facts.map((f) => f.nominalId))];
  const people = await nominalListEntries(db, ids);
  // Filtering by manager needs everyone's managers; otherwise only the page's.
  const everyone = byManager(query) ? await currentManagersOf(db, ids, today) : null;
  const matches = manages(query);
  const sorted = facts
    .flatMap((f): Sortable<F>[] => {
      const person = people.get(f.nominalId);
      if (!person) return [];
      if (everyone && !(everyone.get(f.nominalId) ?? []).some(matches)) return [];
      return [{ facts: f, person }];
    })
    .sort(comparator(query.sort ?? options.defaultSort ?? 'due', query.order ?? 'asc'));
  const total = sorted.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = options.whole ? 1 : Math.min(query.page ?? 1, pages);
  const shown = options.whole
    ? sorted.slice(0, MOST_ROWS)
    : sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const shownIds = [...new Set(shown.map((s) => s.person.id))];
  const managers = everyone
    ? new Map(shownIds.map((id) => [id, everyone.get(id) ?? []]))
    : await currentManagersOf(db, shownIds, today);
  const owners = await ownersOf(db, managers);
  return {
    rows: shown.map(({ facts: f, person }) => ({
      ...f,
      nominalId: person.id,
      vigilRef: person.vigilRef,
      name: person.name,
      dateOfBirth: person.dateOfBirth,
      owners: owners.get(person.id) ?? [],
    })),
    total,
    page,
    pageSize: PAGE_SIZE,
  };
}

/** Obligations as row facts. */
export const obligationFacts = (items: readonly ObligationItem[]): RowFacts[] =>
  items.map((i) => ({
    nominalId: i.nominalId,
    category: i.category,
    level: i.level,
    inCustody: i.inCustody,
    kind: i.kind,
    duty: i.duty,
    dueOn: i.dueOn,
    reason: i.reason,
    legalBasis: i.legalBasis,
    overdue: i.overdue,
  }));

/**
 * Overdue actions as row facts: the action's due date, and what and whose it is in its reason.
 * With `areaCodes`, only actions on people those areas manage.
 */
export async function actionFacts(
  db: Db | Tx,
  actions: readonly OverdueAction[],
  areaCodes: readonly string[] | null = null,
): Promise<RowFacts[]> {
  const standings = await mappaStandings(
    db,
    actions.map((a) => a.nominalId),
  );
  const inArea = areaCodes
    ? actions.filter((a) => areaCodes.includes(standings.get(a.nominalId)?.areaCode ?? ''))
    : actions;
  const [agencies, users] = await Promise.all([
    agenciesByIds(
      db,
      inArea.map((a) => a.ownerAgencyId),
    ),
    usersByIds(
      db,
      inArea.map((a) => a.ownerUserId),
    ),
  ]);
  return inArea.map((a) => {
    const owner =
      (a.ownerUserId ? users.get(a.ownerUserId)?.displayName : undefined) ?? a.ownerName ?? 'unassigned';
    const s = standings.get(a.nominalId);
    return {
      nominalId: a.nominalId,
      category: s?.category ?? null,
      level: s?.level ?? null,
      inCustody: s?.inCustody ?? false,
      kind: 'action',
      duty: null,
      dueOn: a.dueOn,
      reason: `Overdue action${a.safeguarding ? ' (safeguarding)' : ''}: ${a.description} – owner ${owner} (${agencies.get(a.ownerAgencyId)?.name ?? ''})`,
      legalBasis: 'Risk management plan action (MAPPA Guidance)',
      overdue: true,
      actionId: a.id,
    };
  });
}

/** Narrows row facts by level, category and setting (the lists whose filters are not applied in SQL). */
export function filterFacts<F extends RowFacts>(facts: readonly F[], query: WorklistQueryInput): F[] {
  return facts.filter(
    (f) =>
      (query.level === undefined ||
        (query.level === 'none' ? f.level === null : f.level === Number(query.level))) &&
      (query.category === undefined || f.category === Number(query.category)) &&
      (query.setting === undefined || f.inCustody === (query.setting === 'custody')),
  );
}

/** A change of category or end date made by a correction of the rules, with the person named. */
export interface RuleCorrectionRow {
  correctionId: string;
  nominalId: string;
  vigilRef: string;
  name: string;
  dateOfBirth: string;
  oldCategory: number | null;
  newCategory: number | null;
  oldEndsOn: string | null;
  newEndsOn: string | null;
  oldReason: string | null;
  newReason: string | null;
  newBasis: string | null;
  detectedOn: string;
  owners: Owner[];
}

/** Rule corrections as rows, oldest detected first (or by name), a page at a time, with owners. */
export async function ruleCorrectionRows(
  db: Db | Tx,
  entries: readonly RuleCorrectionEntry[],
  query: WorklistQueryInput,
  today: string,
  options: { whole?: boolean } = {},
): Promise<Paged<RuleCorrectionRow>> {
  // The day a change was found stands as the due date: the oldest has waited longest.
  const facts = entries.map((e) => ({
    nominalId: e.nominalId,
    category: e.newCategory,
    level: null,
    inCustody: false,
    kind: 'rule-correction' as const,
    duty: null,
    dueOn: e.detectedOn,
    reason: e.newReason,
    legalBasis: e.newBasis,
    overdue: false,
    correction: e,
  }));
  const page = await namedPage(db, filterFacts(facts, query), query, today, options);
  return {
    ...page,
    rows: page.rows.map(({ correction: e, ...r }) => ({
      correctionId: e.id,
      nominalId: r.nominalId,
      vigilRef: r.vigilRef,
      name: r.name,
      dateOfBirth: r.dateOfBirth,
      oldCategory: e.oldCategory,
      newCategory: e.newCategory,
      oldEndsOn: e.oldEndsOn,
      newEndsOn: e.newEndsOn,
      oldReason: e.oldReason,
      newReason: e.newReason,
      newBasis: e.newBasis,
      detectedOn: e.detectedOn,
      owners: r.owners,
    })),
  };
}

const KIND_LABEL: Record<RowKind, string> = {
  'level-decision': 'Level decision',
  review: 'Level review',
  'significant-event': 'Review after a significant event',
  notification: 'Notification to the police',
  'eligibility-ending': 'Eligibility ending',
  'reduced-near-release': 'Level reduced near release',
  action: 'Overdue action',
  classification: 'Offence to classify',
  'category-3': 'Consider for Category 3',
  'rule-correction': 'Category or end date changed by a rule correction',
  person: 'Person',
};
const DUTY_LABEL: Record<string, string> = {
  initial: 'initial',
  periodic: 'annual',
  weekly: 'weekly (no fixed abode)',
  name_change: 'change of name',
  home_address_change: 'change of home address',
  other_address_stay: 'stay at another address',
  child_household_stay: 'stay in a household with a child',
  foreign_travel: 'travel abroad',
};

/** "Notification to the police: change of home address", "Level review". */
export function obligationLabel(row: Pick<WorklistRow, 'kind' | 'duty'>): string {
  const label = KIND_LABEL[row.kind];
  return row.duty ? `${label}: ${DUTY_LABEL[row.duty] ?? row.duty.replace(/_/g, ' ')}` : label;
}

/** "Jo Bloggs, Police offender manager (Northumbria Police); …". */
export const ownersText = (owners: readonly Owner[]) =>
  owners.map((o) => `${o.name}, ${o.role}${o.agency ? ` (${o.agency})` : ''}`).join('; ');

/** Any worklist as CSV, for people who work in spreadsheets. */
export function worklistCsv(rows: readonly WorklistRow[]): string {
  return csv(
    [
      'Vigil reference',
      'Name',
      'Date of birth',
      'Category',
      'Level',
      'In custody',
      'Obligation',
      'Due',
      'Overdue',
      'Why',
      'Legal basis',
      'Managers',
    ],
    rows.map((r) => [
      r.vigilRef,
      r.name,
      r.dateOfBirth,
      r.category,
      r.level,
      r.inCustody ? 'yes' : 'no',
      obligationLabel(r),
      r.dueOn,
      r.overdue ? 'yes' : 'no',
      r.reason,
      r.legalBasis,
      ownersText(r.owners),
    ]),
  );
}

/** Quotes every cell and defuses spreadsheet formulas. */
export function csv(header: readonly string[], lines: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  };
  return [header, ...lines].map((line) => line.map(cell).join(',')).join('\r\n');
}
