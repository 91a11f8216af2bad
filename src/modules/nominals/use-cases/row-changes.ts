import type { UseCaseContext } from '../../../access/actor.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { eventForRecordChange } from '../../../domain/significant-events.ts';
import { parseInput } from '../../../validation/parse.ts';
import { changesSince, diffValues, recordAndLog, recordChange } from '../changes.ts';
import { recordExtensions } from '../extensions.ts';
import { newRowInput, rowChangeInput } from '../schemas.ts';
import { loadInScope, rowFilter, sensitivityOf } from '../scope.ts';
import type { RowSection } from '../sections.ts';
import { assertIdentifiersFree, guardIdentifierRace } from './identifiers.ts';
import { syncName } from './names.ts';
import {
  capitalise,
  conflict,
  pick,
  requireSection,
  toColumns,
  toValues,
  type Values,
} from './record-values.ts';
import { resolveReferences } from './references.ts';
import { findRow, presentRows } from './section-rows.ts';

/** Adds a row to a section (a new address, conviction, assessment, …). */
export async function addSectionRow(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  sectionName: string,
  input: Values,
) {
  const section = requireSection(sectionName);
  return guardIdentifierRace(
    () =>
      database.transaction(async (tx) => {
        await loadInScope(tx, ctx, nominalId, 'nominal.edit');
        const values = parseInput(
          newRowInput(section, () => ctx.today),
          input,
        );
        const stored = await resolveReferences(tx, section, values, { nominalId, rowId: null });
        if (section.name === 'identifiers')
          await assertIdentifiersFree(tx, [values as { type: string; value: string }], null, () => 'value');
        await endSuperseded(tx, ctx, nominalId, section, values);
        const previousRosh = section.name === 'risk-assessments' ? await latestRosh(tx, nominalId) : null;
        const extra =
          section.table === 'risk_assessments' ? { recorded_by: ctx.actor.userId, recorded_at: ctx.now } : {};
        const row = await tx
          .insertInto(section.table)
          .values({ ...toColumns(section.fields, stored), ...extra, nominal_id: nominalId } as never)
          .returning(['id'])
          .executeTakeFirstOrThrow();
        const id = (row as { id: string }).id;
        if (section.name === 'aliases')
          await syncName(tx, nominalId, id, values.forename as string, values.surname as string);
        await recordAndLog(
          tx,
          ctx,
          {
            nominalId,
            section: section.name,
            entityId: id,
            entityVersion: 1,
            action: 'created',
            summary: `${capitalise(section.singular)} added: ${section.describe(values)}`,
            before: null,
            after: values,
            sensitivity: sensitivityOf(section.name, values),
          },
          { section: section.name },
        );
        // A new home, a new partner, a changed risk: everyone managing the person hears at once.
        const latestConviction =
          section.name === 'convictions'
            ? await tx
                .selectFrom('convictions')
                .select('conviction_date')
                .where('nominal_id', '=', nominalId)
                .where('id', '!=', id)
                .orderBy('conviction_date', 'desc')
                .limit(1)
                .executeTakeFirst()
            : undefined;
        const event = eventForRecordChange(section.name, values, {
          previousRosh,
          latestConvictionDate: latestConviction?.conviction_date ?? null,
          today: ctx.today,
        });
        await recordExtensions().changed(tx, ctx, nominalId, event?.occurredOn ? event : null);
        return { id, version: 1 };
      }),
    'value',
  );
}

/** The overall RoSH of the latest assessment, before a new one is added. */
async function latestRosh(tx: Tx, nominalId: string): Promise<string | null> {
  const latest = await tx
    .selectFrom('risk_assessments')
    .select('rosh_overall')
    .where('nominal_id', '=', nominalId)
    .orderBy('assessed_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
  return latest?.rosh_overall ?? null;
}

/**
 * A new current home address or a new manager in a role replaces the old one: the old row is ended
 * (kept, with its end date) rather than left looking current.
 */
async function endSuperseded(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  section: RowSection,
  values: Values,
) {
  const from = values.fromDate as string | null;
  if (!from || values.toDate) return;
  let query;
  if (section.name === 'addresses' && values.type !== 'proposed_release') {
    query = tx
      .selectFrom('addresses')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .where('type', '!=', 'proposed_release')
      .where('to_date', 'is', null)
      .where('from_date', '<=', from);
  } else if (section.name === 'managers') {
    query = tx
      .selectFrom('nominal_managers')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .where('role', '=', values.role as string)
      .where('to_date', 'is', null)
      .where('from_date', '<=', from);
  } else return;
  for (const old of (await query.execute()) as unknown as (Values & { id: string; version: number })[]) {
    const before = toValues(section.fields, old);
    await tx
      .updateTable(section.table)
      .set({ to_date: from, version: old.version + 1 } as never)
      .where('id', '=', old.id)
      .execute();
    await recordChange(tx, ctx, {
      nominalId,
      section: section.name,
      entityId: old.id,
      entityVersion: old.version + 1,
      action: 'ended',
      summary: `${capitalise(section.singular)} ended: ${section.describe(before)}`,
      before: { toDate: null },
      after: { toDate: from },
    });
  }
}

/** Edits a row, refusing (with what changed) if someone else saved it since the version the editor read. */
export async function updateSectionRow(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  sectionName: string,
  rowId: string,
  input: Values,
  version: unknown,
) {
  const section = requireSection(sectionName);
  if (section.appendOnly) {
    throw new ValidationError({
      form: `A ${section.singular} cannot be changed once recorded – add a new one instead`,
    });
  }
  return guardIdentifierRace(
    () =>
      database.transaction(async (tx) => {
        const scope = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
        const { version: expected, ...values } = parseInput(
          rowChangeInput(section, () => ctx.today),
          { ...input, version },
        );
        const expectedVersion = expected as number;
        const current = await findRow(tx, section, nominalId, rowId);
        // A row the user may not see (a victim's details, say) cannot be edited by them either.
        if (!(await rowFilter(tx, scope, section.name))(current)) throw new NotFoundError();
        const stored = await resolveReferences(tx, section, values, { nominalId, rowId });
        if (section.name === 'identifiers')
          await assertIdentifiersFree(tx, [values as { type: string; value: string }], rowId, () => 'value');
        if (current.version !== expectedVersion)
          throw conflict(await changesSince(tx, rowId, expectedVersion, section.fields));
        const before = (await presentRows(tx, section, [current]))[0]!;
        const changed = diffValues(section.fields, before, values);
        if (!changed.length) return { id: rowId, version: current.version, changed: 0 };
        const updated = await tx
          .updateTable(section.table)
          .set({ ...toColumns(section.fields, stored), version: current.version + 1 } as never)
          .where('id', '=', rowId)
          .where('version', '=', expectedVersion)
          .returning('version')
          .executeTakeFirst();
        if (!updated) throw conflict(await changesSince(tx, rowId, expectedVersion, section.fields));
        const newVersion = (updated as { version: number }).version;
        if (section.name === 'aliases')
          await syncName(tx, nominalId, rowId, values.forename as string, values.surname as string);
        const ended = changed.some((c) => /^(toDate|endDate|endsOn)$/.test(c.key) && c.before === null);
        await recordAndLog(
          tx,
          ctx,
          {
            nominalId,
            section: section.name,
            entityId: rowId,
            entityVersion: newVersion,
            action: ended ? 'ended' : 'updated',
            summary: `${capitalise(section.singular)} ${ended ? 'ended' : 'updated'}: ${section.describe(values)}`,
            before: pick(before, changed),
            after: pick(values, changed),
            sensitivity: sensitivityOf(section.name, values) ?? sensitivityOf(section.name, current),
          },
          { section: section.name },
        );
        await recordExtensions().changed(tx, ctx, nominalId, null);
        return { id: rowId, version: newVersion, changed: changed.length };
      }),
    'value',
  );
}
