import type { UseCaseContext } from '../../../access/actor.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database } from '../../../db/database.ts';
import { parseInput } from '../../../validation/parse.ts';
import { changesSince, diffValues, recordAndLog } from '../changes.ts';
import { recordExtensions } from '../extensions.ts';
import { loadInScope } from '../scope.ts';
import { nominalSectionInput } from '../schemas.ts';
import { NOMINAL_SECTIONS, NOMINAL_SECTION_LABELS, type NominalSectionName } from '../sections.ts';
import { syncName } from './names.ts';
import { conflict, pick, toColumns, toValues, type Values } from './record-values.ts';
import { assertAgency } from './references.ts';

/** Updates a section held on the nominal row (identity, lead agency, case dates). */
export async function updateNominalSection(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  sectionName: NominalSectionName,
  input: Values,
  version: unknown,
) {
  const fields = NOMINAL_SECTIONS[sectionName];
  return database.transaction(async (tx) => {
    // Scope first: someone outside it learns nothing, not even which of their fields were wrong.
    const { nominal: scope } = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const { version: expectedVersion, ...values } = parseInput(
      nominalSectionInput(sectionName, () => ctx.today),
      { ...input, version },
    );
    if (sectionName === 'lead-agency') await assertAgency(tx, values.leadAgencyId as string, 'leadAgencyId');
    if (scope.version !== expectedVersion) {
      // Another section of the same row changing is no conflict: only edits to these fields are.
      const clashes = await changesSince(tx, nominalId, expectedVersion as number, fields, [sectionName]);
      if (clashes.length) throw conflict(clashes);
    }
    const current = await tx
      .selectFrom('nominals')
      .selectAll()
      .where('id', '=', nominalId)
      .executeTakeFirstOrThrow();
    const before = toValues(fields, current as unknown as Values);
    const changed = diffValues(fields, before, values);
    if (!changed.length) return { id: nominalId, version: current.version, changed: 0 };
    const updated = await tx
      .updateTable('nominals')
      .set({
        ...toColumns(fields, values),
        version: current.version + 1,
        updated_at: ctx.now,
        updated_by: ctx.actor.userId,
      } as never)
      .where('id', '=', nominalId)
      .where('version', '=', current.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw conflict([]);
    if (sectionName === 'identity')
      await syncName(tx, nominalId, null, values.forename as string, values.surname as string);
    await recordExtensions().changed(tx, ctx, nominalId, null);
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: sectionName,
        entityId: nominalId,
        entityVersion: updated.version,
        action: 'updated',
        summary: `${NOMINAL_SECTION_LABELS[sectionName]} updated: ${changed.map((c) => c.label.toLowerCase()).join(', ')}`,
        before: pick(before, changed),
        after: pick(values, changed),
      },
      { section: sectionName },
    );
    return { id: nominalId, version: updated.version, changed: changed.length };
  });
}

/** For the edit forms of sections on the nominal row: their values, the version, and whose record it is. */
export async function getNominalSection(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  sectionName: NominalSectionName,
) {
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const row = await tx
      .selectFrom('nominals')
      .selectAll()
      .where('id', '=', nominalId)
      .executeTakeFirstOrThrow();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: sectionName,
    });
    return {
      ...toValues(NOMINAL_SECTIONS[sectionName], row as unknown as Values),
      version: row.version,
      name: `${row.forename} ${row.surname}`,
      vigilRef: row.vigil_ref,
    };
  });
}
