import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { ageOn, compareDates } from '../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { parseIdentifier, type IdentifierType, makeVigilReference } from '../../domain/identifiers.ts';
import { checkFields, orderErrors, type FieldSpec, isUuid } from '../../validation/fields.ts';
import { changesSince, diffValues, recordChange } from './changes.ts';
import { loadInScope, rowVisible, sensitivityOf, type InScope } from './scope.ts';
import { eventForRecordChange } from '../../domain/significant-events.ts';
import { recordExtensions } from './extensions.ts';
import {
  CASE_DATES_FIELDS,
  IDENTITY_FIELDS,
  LEAD_AGENCY_FIELDS,
  SECTIONS,
  findSection,
  type RowSection,
} from './sections.ts';

/*
 * The nominal record's use cases. Each one: authorise → load → rules → write → timeline → access log,
 * all in one transaction. Pages, API and CLI call these and nothing below them.
 */

type Values = Record<string, unknown>;

const NOMINAL_SECTIONS = {
  identity: IDENTITY_FIELDS,
  'lead-agency': LEAD_AGENCY_FIELDS,
  'case-dates': CASE_DATES_FIELDS,
} as const;
export type NominalSectionName = keyof typeof NOMINAL_SECTIONS;
export const NOMINAL_SECTION_LABELS: Record<NominalSectionName, string> = {
  identity: 'Identity',
  'lead-agency': 'Lead agency',
  'case-dates': 'Case dates',
};

export interface CreateNominalInput extends Values {
  identifiers?: { type: string; value: string }[];
}

export async function createNominal(database: Database, ctx: UseCaseContext, input: CreateNominalInput) {
  authorize(ctx.actor, 'nominal.create');
  const values = validate(IDENTITY_FIELDS, input, ctx.today);
  const identifiers = parseIdentifierList(input.identifiers);
  return guardIdentifierRace(
    () =>
      database.transaction(async (tx) => {
        await assertIdentifiersFree(tx, identifiers, null, (i) => `identifiers.${i}`);
        const seq = await sql<{ n: number }>`SELECT nextval('vigil_ref_seq')::int AS n`.execute(tx);
        const row = await tx
          .insertInto('nominals')
          .values({
            ...toColumns(IDENTITY_FIELDS, values),
            vigil_ref: makeVigilReference(seq.rows[0]!.n),
            area_code: ctx.actor.areaCode,
            created_by: ctx.actor.userId,
            created_at: ctx.now,
            updated_by: ctx.actor.userId,
            updated_at: ctx.now,
          } as never)
          .returning(['id', 'vigil_ref', 'version'])
          .executeTakeFirstOrThrow();
        await syncName(tx, row.id, null, values.forename as string, values.surname as string);
        await recordChange(tx, ctx, {
          nominalId: row.id,
          section: 'identity',
          entityId: row.id,
          entityVersion: 1,
          action: 'created',
          summary: `Record created for ${values.forename} ${values.surname}`,
          before: null,
          after: values,
        });
        for (const identifier of identifiers) {
          const added = await tx
            .insertInto('nominal_identifiers')
            .values({ nominal_id: row.id, type: identifier.type, value: identifier.value })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordChange(tx, ctx, {
            nominalId: row.id,
            section: 'identifiers',
            entityId: added.id,
            entityVersion: 1,
            action: 'created',
            summary: `Identifier added: ${identifier.value}`,
            before: null,
            after: identifier,
          });
        }
        await recordExtensions().changed(tx, ctx, row.id, null);
        await logAccess(tx, ctx, {
          operation: 'collection',
          recordType: 'nominal',
          recordIds: [row.id],
        });
        return { id: row.id, vigilRef: row.vigil_ref, version: row.version };
      }),
    'identifiers.0',
  );
}

function parseIdentifierList(raw: unknown): { type: IdentifierType; value: string }[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ValidationError({ identifiers: 'Identifiers must be a list' });
  const errors: FieldErrors = {};
  const parsed = raw.map((item: { type?: unknown; value?: unknown }, i) => {
    const result = parseIdentifier(String(item?.type ?? '') as IdentifierType, String(item?.value ?? '')) ?? {
      ok: false as const,
      error: 'Select an identifier type: pnc, cro, prison_number or crn',
    };
    if (!result.ok) errors[`identifiers.${i}`] = result.error;
    return { type: String(item?.type) as IdentifierType, value: result.ok ? result.value : '' };
  });
  parsed.forEach((item, i) => {
    if (parsed.findIndex((other) => other.type === item.type && other.value === item.value) < i) {
      errors[`identifiers.${i}`] ??= `${item.value} is given twice`;
    }
  });
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return parsed;
}

const identifierTaken = (value: string) =>
  `${value} is already recorded for another person – check the number, or search for that person`;

/** An identifier belongs to one person: refuse it if another record holds it (without saying whose). */
async function assertIdentifiersFree(
  tx: Tx,
  identifiers: { type: string; value: string }[],
  exceptId: string | null,
  errorKey: (i: number) => string,
) {
  for (const [i, identifier] of identifiers.entries()) {
    let query = tx
      .selectFrom('nominal_identifiers')
      .select('id')
      .where('type', '=', identifier.type)
      .where('value', '=', identifier.value);
    if (exceptId) query = query.where('id', '!=', exceptId);
    if (await query.executeTakeFirst())
      throw new ValidationError({ [errorKey(i)]: identifierTaken(identifier.value) });
  }
}

/** Two people saving the same identifier at the same moment: the database's unique index decides, said plainly. */
async function guardIdentifierRace<T>(work: () => Promise<T>, errorKey: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pgError = error as { code?: string; constraint?: string };
    if (pgError.code === '23505' && pgError.constraint === 'nominal_identifiers_type_value_key') {
      throw new ValidationError({
        [errorKey]:
          'This identifier is already recorded for another person – check the number, or search for that person',
      });
    }
    throw error;
  }
}

/** Field formats and the section's cross-field rules, all reported together; nothing is written on error. */
function validate(
  fields: readonly FieldSpec[],
  input: unknown,
  today: string,
  check?: RowSection['check'],
): Values {
  const { values, errors } = checkFields(fields, input, today);
  const crossField = check ? check(values, today) : {};
  for (const [key, message] of Object.entries(crossField)) errors[key] ??= message;
  if (Object.keys(errors).length) throw new ValidationError(orderErrors(fields, errors));
  return values;
}

function toColumns(fields: readonly FieldSpec[], values: Values): Record<string, unknown> {
  // An unanswered yes/no question is stored as "no", as the columns are NOT NULL.
  return Object.fromEntries(
    fields.map((f) => [f.column, values[f.key] ?? (f.kind === 'boolean' ? false : null)]),
  );
}

function toValues(fields: readonly FieldSpec[], row: Record<string, unknown>): Values {
  return Object.fromEntries(
    fields.map((f) => {
      const v = row[f.column];
      return [f.key, f.kind === 'decimal' && v !== null && v !== undefined ? Number(v) : (v ?? null)];
    }),
  );
}

/** Keeps the search table in step with the person's names and aliases. */
async function syncName(
  tx: Tx,
  nominalId: string,
  aliasId: string | null,
  forename: string,
  surname: string,
) {
  let del = tx.deleteFrom('nominal_names').where('nominal_id', '=', nominalId);
  del = aliasId ? del.where('alias_id', '=', aliasId) : del.where('alias_id', 'is', null);
  await del.execute();
  await tx
    .insertInto('nominal_names')
    .values({ nominal_id: nominalId, alias_id: aliasId, forename, surname })
    .execute();
}

/** Updates a section held on the nominal row (identity, lead agency). */
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
    const values = validate(fields, input, ctx.today);
    const expectedVersion = parseVersion(version);
    if (sectionName === 'lead-agency') await assertAgency(tx, values.leadAgencyId as string, 'leadAgencyId');
    if (scope.version !== expectedVersion) {
      // Another section of the same row changing is no conflict: only edits to these fields are.
      const clashes = await changesSince(tx, nominalId, expectedVersion, fields, [sectionName]);
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
    await recordChange(tx, ctx, {
      nominalId,
      section: sectionName,
      entityId: nominalId,
      entityVersion: updated.version,
      action: 'updated',
      summary: `${NOMINAL_SECTION_LABELS[sectionName]} updated: ${changed.map((c) => c.label.toLowerCase()).join(', ')}`,
      before: pick(before, changed),
      after: pick(values, changed),
    });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: sectionName,
    });
    return { id: nominalId, version: updated.version, changed: changed.length };
  });
}

/** The version the editor started from: required, so an edit can never silently overwrite another. */
function parseVersion(version: unknown): number {
  const n = typeof version === 'string' && /^\d+$/.test(version) ? Number(version) : version;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new ValidationError({ version: 'Send the version you read, as a whole number' });
  }
  return n;
}

const pick = (values: Values, changes: { key: string }[]) =>
  Object.fromEntries(changes.map((c) => [c.key, values[c.key] ?? null]));

function conflict(changes: Awaited<ReturnType<typeof changesSince>>) {
  return new ConflictError(
    'Someone else changed this information after you opened it. Your changes have not been saved. Check what they changed, then make your changes again.',
    changes,
  );
}

async function assertAgency(tx: Tx, agencyId: string, key: string) {
  const agency = await tx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new ValidationError({ [key]: 'Select an agency from the list' });
}

/** Turns references typed by people (a user's email) into ids, and checks the ones given as ids exist. */
async function resolveReferences(tx: Tx, section: RowSection, values: Values): Promise<Values> {
  const resolved = { ...values };
  for (const field of section.fields) {
    const value = values[field.key];
    if (value === null || value === undefined) continue;
    if (field.kind === 'agency') await assertAgency(tx, value as string, field.key);
    if (field.kind === 'user') {
      const user = await tx
        .selectFrom('users')
        .select('id')
        .where(sql<boolean>`lower(email) = lower(${value as string})`)
        .executeTakeFirst();
      if (!user)
        throw new ValidationError({
          [field.key]: 'No Vigil user has this email address – check it, or leave it blank',
        });
      resolved[field.key] = user.id;
    }
  }
  return resolved;
}

function checkIdentifierRow(section: RowSection, values: Values): Values {
  if (section.name !== 'identifiers') return values;
  const parsed = parseIdentifier(values.type as IdentifierType, values.value as string);
  if (!parsed.ok) throw new ValidationError({ value: parsed.error });
  return { ...values, value: parsed.value };
}

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
        const values = checkIdentifierRow(section, validate(section.fields, input, ctx.today, section.check));
        const stored = await resolveReferences(tx, section, values);
        if (section.name === 'identifiers')
          await assertIdentifiersFree(tx, [values as { type: string; value: string }], null, () => 'value');
        await endSuperseded(tx, ctx, nominalId, section, values);
        const previousRosh =
          section.name === 'risk-assessments'
            ? ((
                await tx
                  .selectFrom('risk_assessments')
                  .select('rosh_overall')
                  .where('nominal_id', '=', nominalId)
                  .orderBy('assessed_on', 'desc')
                  .orderBy('recorded_at', 'desc')
                  .executeTakeFirst()
              )?.rosh_overall ?? null)
            : null;
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
        await recordChange(tx, ctx, {
          nominalId,
          section: section.name,
          entityId: id,
          entityVersion: 1,
          action: 'created',
          summary: `${capitalise(section.singular)} added: ${section.describe(values)}`,
          before: null,
          after: values,
          sensitivity: sensitivityOf(section.name, values),
        });
        // A new home, a new partner, a changed risk: everyone managing the person hears at once.
        const event = eventForRecordChange(section.name, values, previousRosh);
        await recordExtensions().changed(tx, ctx, nominalId, event?.occurredOn ? event : null);
        await logAccess(tx, ctx, {
          operation: 'collection',
          recordType: 'nominal',
          recordIds: [nominalId],
          section: section.name,
        });
        return { id, version: 1 };
      }),
    'value',
  );
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

/** Edits a row, refusing (with what changed) if someone else saved it since `expectedVersion`. */
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
        const values = checkIdentifierRow(section, validate(section.fields, input, ctx.today, section.check));
        const expectedVersion = parseVersion(version);
        const current = await findRow(tx, section, nominalId, rowId);
        // A row the user may not see (a victim's details, say) cannot be edited by them either.
        if (!rowVisible(scope, section.name, current)) throw new NotFoundError();
        const stored = await resolveReferences(tx, section, values);
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
        if (section.name === 'aliases')
          await syncName(tx, nominalId, rowId, values.forename as string, values.surname as string);
        const ended = changed.some((c) => /^(toDate|endDate)$/.test(c.key) && c.before === null);
        await recordChange(tx, ctx, {
          nominalId,
          section: section.name,
          entityId: rowId,
          entityVersion: (updated as { version: number }).version,
          action: ended ? 'ended' : 'updated',
          summary: `${capitalise(section.singular)} ${ended ? 'ended' : 'updated'}: ${section.describe(values)}`,
          before: pick(before, changed),
          after: pick(values, changed),
          sensitivity: sensitivityOf(section.name, values) ?? sensitivityOf(section.name, current),
        });
        await recordExtensions().changed(tx, ctx, nominalId, null);
        await logAccess(tx, ctx, {
          operation: 'alteration',
          recordType: 'nominal',
          recordIds: [nominalId],
          section: section.name,
        });
        return { id: rowId, version: (updated as { version: number }).version, changed: changed.length };
      }),
    'value',
  );
}

async function findRow(tx: Tx, section: RowSection, nominalId: string, rowId: string) {
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

function requireSection(name: string): RowSection {
  const section = findSection(name);
  if (!section) throw new NotFoundError();
  return section;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type SectionRow = Values & { id: string; version: number };

/** Rows as the API and pages show them: field keys, user emails instead of ids. */
async function presentRows(tx: Tx, section: RowSection, rows: Values[]): Promise<SectionRow[]> {
  const userFields = section.fields.filter((f) => f.kind === 'user');
  const userIds = [
    ...new Set(userFields.flatMap((f) => rows.map((r) => r[f.column]).filter(Boolean))),
  ] as string[];
  const emails = new Map(
    userIds.length
      ? (await tx.selectFrom('users').select(['id', 'email']).where('id', 'in', userIds).execute()).map(
          (u) => [u.id, u.email],
        )
      : [],
  );
  return rows.map((row) => {
    const values = toValues(section.fields, row);
    for (const f of userFields)
      values[f.key] = row[f.column] ? (emails.get(row[f.column] as string) ?? null) : null;
    return { ...values, id: row.id as string, version: (row.version as number | undefined) ?? 1 };
  });
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
    if (!rowVisible(scope, section.name, found)) throw new NotFoundError();
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

/** A section's rows that the viewer may see, and how many were withheld from them. */
async function loadVisibleSection(tx: Tx, scope: InScope, section: RowSection, nominalId: string) {
  let query = tx.selectFrom(section.table).selectAll().where('nominal_id', '=', nominalId);
  for (const o of section.orderBy) {
    query = query.orderBy(sql.ref(o.column), (ob) =>
      (o.direction === 'desc' ? ob.desc() : ob.asc()).nullsLast(),
    );
  }
  const all = (await query.execute()) as unknown as Values[];
  const visible = all.filter((row) => rowVisible(scope, section.name, row));
  return { rows: await presentRows(tx, section, visible), withheld: all.length - visible.length };
}

/** Tells the viewer that something is withheld, and why, without saying what. */
function withheldNotes(scope: InScope, withheld: Record<string, number>): string[] {
  const notes: string[] = [];
  for (const section of SECTIONS) {
    if (!scope.visible.section(section.name)) notes.push(`${section.label} are not shared with your agency.`);
  }
  if ((withheld.relationships ?? 0) > 0 && !scope.visible.victims) {
    notes.push('Victim details are withheld: only those who plan victim safety can see them.');
  }
  if (!scope.visible.health)
    notes.push('Health information is withheld: it is visible only to roles that need it.');
  return notes;
}

/** The whole shared record of one person, as the overview page and `GET /api/v1/nominals/{id}` show it. */
export async function getNominal(database: Database, ctx: UseCaseContext, nominalId: string) {
  return database.transaction((tx) => readNominal(tx, ctx, nominalId));
}

/** `getNominal` inside the caller's transaction (e.g. a referral's snapshot taken as it is submitted). */
export async function readNominal(tx: Tx, ctx: UseCaseContext, nominalId: string) {
  {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const row = await loadNominalRow(tx, nominalId);
    const sections: Record<string, SectionRow[]> = {};
    const withheld: Record<string, number> = {};
    for (const section of SECTIONS) {
      const loaded = await loadVisibleSection(tx, scope, section, nominalId);
      sections[section.name] = loaded.rows;
      withheld[section.name] = loaded.withheld;
    }
    if (!scope.visible.health) row.disability = null;
    const agencyIds = [...new Set(sections.managers!.map((m) => m.agencyId as string))];
    const agencyNames = new Map(
      agencyIds.length
        ? (await tx.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()).map(
            (a) => [a.id, a.name],
          )
        : [],
    );
    for (const m of sections.managers!) m.agencyName = agencyNames.get(m.agencyId as string) ?? null;
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
    });
    return { ...presentNominal(row, sections, ctx.today), withheld: withheldNotes(scope, withheld) };
  }
}

type NominalRow = Awaited<ReturnType<typeof loadNominalRow>>;
async function loadNominalRow(tx: Tx, id: string) {
  return tx
    .selectFrom('nominals as n')
    .innerJoin('areas as a', 'a.code', 'n.area_code')
    .leftJoin('agencies as lead', 'lead.id', 'n.lead_agency_id')
    .selectAll('n')
    .select(['a.name as area_name', 'lead.name as lead_agency_name'])
    .where('n.id', '=', id)
    .executeTakeFirstOrThrow();
}

const isCurrent = (row: Values, today: string, from = 'fromDate', to = 'toDate') =>
  (!row[from] || compareDates(row[from] as string, today) <= 0) &&
  (!row[to] || compareDates(row[to] as string, today) >= 0);

function presentNominal(row: NominalRow, sections: Record<string, SectionRow[]>, today: string) {
  const identity = toValues(IDENTITY_FIELDS, row as unknown as Values);
  const addresses = sections.addresses!.map((a): SectionRow => ({
    ...a,
    isCurrent: a.type !== 'proposed_release' && isCurrent(a, today),
  }));
  const markers = sections.markers!.map((m): SectionRow => ({
    ...m,
    isActive: isCurrent(m, today, 'startDate', 'endDate'),
  }));
  const managers = sections.managers!.map((m): SectionRow => ({ ...m, isCurrent: isCurrent(m, today) }));
  const relationships = sections.relationships!.map((r): SectionRow => ({
    ...r,
    isCurrent: isCurrent(r, today),
  }));
  const riskAssessments = sections['risk-assessments']!.map((r, i): SectionRow => ({
    ...r,
    isLatest: i === 0,
  }));
  return {
    id: row.id,
    vigilRef: row.vigil_ref,
    version: row.version,
    areaCode: row.area_code,
    areaName: row.area_name,
    leadAgencyId: row.lead_agency_id,
    leadAgencyName: row.lead_agency_name,
    mappaCategory: row.mappa_category,
    mappaLevel: row.mappa_level,
    age: ageOn(row.date_of_birth, today),
    identity,
    aliases: sections.aliases!,
    identifiers: sections.identifiers!,
    addresses,
    currentAddress: addresses.find((a) => a.isCurrent) ?? null,
    proposedReleaseAddress: addresses.find((a) => a.type === 'proposed_release' && !a.toDate) ?? null,
    relationships,
    childrenInHousehold: relationships.some((r) => r.isCurrent && r.isChild && r.inHousehold),
    convictions: sections.convictions!,
    riskAssessments,
    latestRiskAssessment: riskAssessments[0] ?? null,
    markers,
    managers,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export type NominalOverview = ReturnType<typeof presentNominal>;

/** Every change to the record, newest first, paged. */
export async function getTimeline(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  page = 1,
  pageSize = 50,
) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    // Entries about what the viewer may not see are left out, not just blanked.
    const hidden = (['victims', 'health', 'intelligence'] as const).filter((kind) => !scope.visible[kind]);
    const unshared = SECTIONS.filter((section) => !scope.visible.section(section.name)).map(
      (section) => section.name,
    );
    let query = tx
      .selectFrom('nominal_changes as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .innerJoin('agencies as g', 'g.id', 'u.agency_id')
      .select([
        'c.id',
        'c.at',
        'c.section',
        'c.action',
        'c.summary',
        'c.before',
        'c.after',
        'u.display_name',
        'g.name as agency_name',
      ])
      .where('c.nominal_id', '=', nominalId);
    if (hidden.length)
      query = query.where((eb) =>
        eb.or([eb('c.sensitivity', 'is', null), eb('c.sensitivity', 'not in', hidden)]),
      );
    if (unshared.length) query = query.where('c.section', 'not in', unshared);
    const rows = await query
      .orderBy('c.id', 'desc')
      .limit(pageSize + 1)
      .offset((Math.max(1, page) - 1) * pageSize)
      .execute();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'timeline',
    });
    return {
      page,
      hasMore: rows.length > pageSize,
      entries: rows.slice(0, pageSize).map((r) => ({
        at: new Date(r.at).toISOString(),
        by: r.display_name,
        agency: r.agency_name,
        section: r.section,
        action: r.action,
        summary: r.summary,
        changes: describeChange(r.section, r.before, r.after).filter(
          (c) => scope.visible.health || c.field !== 'Disability',
        ),
      })),
    };
  });
}

function describeChange(sectionName: string, before: unknown, after: unknown) {
  const fields: readonly FieldSpec[] =
    sectionName in NOMINAL_SECTIONS
      ? NOMINAL_SECTIONS[sectionName as NominalSectionName]
      : (findSection(sectionName)?.fields ?? []);
  const b = typeof before === 'string' ? JSON.parse(before) : (before ?? {});
  const a = typeof after === 'string' ? JSON.parse(after) : (after ?? {});
  return diffValues(fields, b as Values, a as Values).map((c) => ({
    field: c.label,
    before: c.before,
    after: c.after,
  }));
}

/** For the edit forms of sections on the nominal row. */
export async function getNominalSection(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  sectionName: NominalSectionName,
) {
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const row = await loadNominalRow(tx, nominalId);
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

export { SECTIONS, IDENTITY_FIELDS, LEAD_AGENCY_FIELDS, NOMINAL_SECTIONS };
