import { sql } from 'kysely';
import type { UseCaseContext } from '../../../access/actor.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../validation/fields.ts';
import { usersByIds } from '../../users/index.ts';
import { loadInScope, rowFilter, type InScope } from '../scope.ts';
import type { RowSection } from '../sections.ts';
import { requireSection, toValues, type Values } from './record-values.ts';

/** A row as the API and pages show it: its fields by key, its id and version. */
export type SectionRow = Values & { id: string; version: number };

/** One row of a section, of this person: anything else is "not found". */
export async function findRow(tx: Tx, section: RowSection, nominalId: string, rowId: string) {
  if (!isUuid(rowId)) throw new NotFoundError();
  const row = await tx
    .selectFrom(section.table)
    .selectAll()
    .where('id', '=', rowId)
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return row as unknown as Values & { id: string; version: number };
}

/** Rows as the API and pages show them: field keys, user emails instead of ids. */
export async function presentRows(tx: Tx, section: RowSection, rows: Values[]): Promise<SectionRow[]> {
  const userFields = section.fields.filter((f) => f.kind === 'user');
  const users = await usersByIds(
    tx,
    userFields.flatMap((f) => rows.map((r) => r[f.column] as string | null)),
  );
  return rows.map((row) => {
    const values = toValues(section.fields, row);
    for (const f of userFields)
      values[f.key] = row[f.column] ? (users.get(row[f.column] as string)?.email ?? null) : null;
    return { ...values, id: row.id as string, version: (row.version as number | undefined) ?? 1 };
  });
}

/** A section's rows that the viewer may see, and how many were withheld from them. */
export async function loadVisibleSection(tx: Tx, scope: InScope, section: RowSection, nominalId: string) {
  let query = tx.selectFrom(section.table).selectAll().where('nominal_id', '=', nominalId);
  for (const o of section.orderBy) {
    query = query.orderBy(sql.ref(o.column), (ob) =>
      (o.direction === 'desc' ? ob.desc() : ob.asc()).nullsLast(),
    );
  }
  const all = (await query.execute()) as unknown as Values[];
  const shown = await rowFilter(tx, scope, section.name);
  const visible = all.filter(shown);
  return {
    rows: await presentRows(tx, section, visible),
    withheld: all.length - visible.length,
    /** The withheld rows' values, for facts that name nobody (children in the household). */
    withheldValues: all.filter((row) => !shown(row)).map((row) => toValues(section.fields, row)),
  };
}

/** One section's rows, for its page or API resource. */
export async function getSectionRows(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  sectionName: string,
) {
  const section = requireSection(sectionName);
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    if (!scope.visible.section(section.name)) throw new NotFoundError();
    const { rows } = await loadVisibleSection(tx, scope, section, nominalId);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: section.name,
    });
    return rows;
  });
}

/** One row, for its edit form or API resource. */
export async function getSectionRow(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  sectionName: string,
  rowId: string,
) {
  const section = requireSection(sectionName);
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const found = await findRow(tx, section, nominalId, rowId);
    if (!(await rowFilter(tx, scope, section.name))(found)) throw new NotFoundError();
    const row = (await presentRows(tx, section, [found]))[0]!;
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: section.name,
    });
    return row;
  });
}
