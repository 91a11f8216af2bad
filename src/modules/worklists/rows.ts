import type { Db, Tx } from '../../db/database.ts';
import type { OverdueAction } from '../actions/index.ts';
import { obligationEntries, type ObligationEntry, type RuleCorrectionEntry } from '../levels/index.ts';
import { nominalListEntries, type NominalListEntry } from '../nominals/index.ts';
import { agenciesByIds } from '../reference/index.ts';
import { usersByIds } from '../users/index.ts';

/**
 * A worklist's rows: each person's computed obligations (levels) or an overdue action (actions),
 * named from the person's record (nominals), each looked up once per list, by id.
 */

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

/** A row and the name it sorts by. */
type Sortable = { row: WorklistRow; person: NominalListEntry };

const collator = new Intl.Collator('en-GB');
/** Soonest due first (undated last), then by surname, forename, and for actions the action. */
const byDueThenName = (a: Sortable, b: Sortable) =>
  (a.row.dueOn === b.row.dueOn
    ? 0
    : a.row.dueOn === null
      ? 1
      : b.row.dueOn === null
        ? -1
        : a.row.dueOn < b.row.dueOn
          ? -1
          : 1) ||
  collator.compare(a.person.surname, b.person.surname) ||
  collator.compare(a.person.forename, b.person.forename) ||
  collator.compare(a.row.actionId ?? '', b.row.actionId ?? '');
const byName = (a: Sortable, b: Sortable) =>
  collator.compare(a.person.surname, b.person.surname) ||
  collator.compare(a.person.forename, b.person.forename);

const personColumns = (p: NominalListEntry) => ({
  id: p.id,
  vigilRef: p.vigilRef,
  name: p.name,
  dateOfBirth: p.dateOfBirth,
});

/** People's obligations as rows, soonest due first (or by name, for lists with no due date). */
export async function obligationRows(
  db: Db | Tx,
  entries: readonly ObligationEntry[],
  order: 'due' | 'name' = 'due',
): Promise<WorklistRow[]> {
  const people = await nominalListEntries(
    db,
    entries.map((e) => e.nominalId),
  );
  return entries
    .flatMap((e): Sortable[] => {
      const person = people.get(e.nominalId);
      if (!person) return [];
      const { category, level, dueOn, basis, overdue } = e;
      return [{ person, row: { ...personColumns(person), category, level, dueOn, basis, overdue } }];
    })
    .sort(order === 'due' ? byDueThenName : byName)
    .map((s) => s.row);
}

/**
 * Overdue actions as rows: the person, the action's due date, and what and whose it is in "Why".
 * With `areaCodes`, only actions on people those areas manage.
 */
export async function actionRows(
  db: Db | Tx,
  actions: readonly OverdueAction[],
  today: string,
  areaCodes: readonly string[] | null = null,
): Promise<WorklistRow[]> {
  const obligations = await obligationEntries(
    db,
    actions.map((a) => a.nominalId),
    today,
  );
  const inArea = areaCodes
    ? actions.filter((a) => areaCodes.includes(obligations.get(a.nominalId)?.areaCode ?? ''))
    : actions;
  const [people, agencies, owners] = await Promise.all([
    nominalListEntries(
      db,
      inArea.map((a) => a.nominalId),
    ),
    agenciesByIds(
      db,
      inArea.map((a) => a.ownerAgencyId),
    ),
    usersByIds(
      db,
      inArea.map((a) => a.ownerUserId),
    ),
  ]);
  return inArea
    .flatMap((a): Sortable[] => {
      const person = people.get(a.nominalId);
      if (!person) return [];
      const owner =
        (a.ownerUserId ? owners.get(a.ownerUserId)?.displayName : undefined) ?? a.ownerName ?? 'unassigned';
      const o = obligations.get(a.nominalId);
      const basis = `Overdue action${a.safeguarding ? ' (safeguarding)' : ''}: ${a.description} – owner ${owner} (${agencies.get(a.ownerAgencyId)?.name ?? ''})`;
      return [
        {
          person,
          row: {
            ...personColumns(person),
            category: o?.category ?? null,
            level: o?.level ?? null,
            dueOn: a.dueOn,
            basis,
            overdue: true,
            actionId: a.id,
          },
        },
      ];
    })
    .sort(byDueThenName)
    .map((s) => s.row);
}

/** A change of category or end date made by a correction of the rules, with the person named. */
export interface RuleCorrectionRow {
  correctionId: string;
  id: string;
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
}

/** Rule corrections as rows, oldest detected first, then by name. */
export async function ruleCorrectionRows(
  db: Db | Tx,
  entries: readonly RuleCorrectionEntry[],
): Promise<RuleCorrectionRow[]> {
  const people = await nominalListEntries(
    db,
    entries.map((e) => e.nominalId),
  );
  return entries
    .flatMap((e) => {
      const person = people.get(e.nominalId);
      if (!person) return [];
      const row: RuleCorrectionRow = {
        correctionId: e.id,
        ...personColumns(person),
        oldCategory: e.oldCategory,
        newCategory: e.newCategory,
        oldEndsOn: e.oldEndsOn,
        newEndsOn: e.newEndsOn,
        oldReason: e.oldReason,
        newReason: e.newReason,
        newBasis: e.newBasis,
        detectedOn: e.detectedOn,
      };
      return [{ person, row }];
    })
    .sort(
      (a, b) =>
        a.row.detectedOn.localeCompare(b.row.detectedOn) ||
        collator.compare(a.person.surname, b.person.surname) ||
        collator.compare(a.person.forename, b.person.forename),
    )
    .map((s) => s.row);
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
