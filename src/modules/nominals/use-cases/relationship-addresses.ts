import type { UseCaseContext } from '../../../access/actor.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { labelOf, RELATIONSHIP_TYPE } from '../../../domain/codes.ts';
import { addDays, compareDates, formatDateLong } from '../../../domain/dates.ts';
import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { recordAndLog, recordChange } from '../changes.ts';
import { relationshipAddressInput } from '../schemas.ts';
import { loadInScope, rowFilter, sensitivityOf } from '../scope.ts';
import { findSection } from '../sections.ts';
import type { Values } from './record-values.ts';
import { findRow, presentRows } from './section-rows.ts';

/**
 * Where the people in a person's relationships live, with history (issue 14: release and HDC
 * address checks read them). A new address ends the open one the day before it starts; nothing is
 * overwritten. The relationship's own visibility rules apply: a victim's address is seen only by
 * those who may see victims, and anyone else is told "not found".
 */

const SECTION = 'relationships';
const relationships = () => findSection(SECTION)!;

type AddressRow = {
  id: string;
  line1: string;
  line2: string | null;
  town: string | null;
  postcode: string;
  from_date: string;
  to_date: string | null;
  version: number;
};

export const describeAddress = (a: {
  line1: string;
  line2?: string | null;
  town: string | null;
  postcode: string;
}) => [a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(', ');

const present = (a: AddressRow) => ({
  id: a.id,
  line1: a.line1,
  line2: a.line2,
  town: a.town,
  postcode: a.postcode,
  fromDate: a.from_date,
  toDate: a.to_date,
  version: a.version,
});
export type RelationshipAddress = ReturnType<typeof present>;

/** The relationship row, if this viewer may see it (a victim's only by those who may see victims). */
async function visibleRelationship(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  relationshipId: string,
  action: 'nominal.view' | 'nominal.edit',
) {
  const scope = await loadInScope(tx, ctx, nominalId, action);
  const row = await findRow(tx, relationships(), nominalId, relationshipId);
  if (!(await rowFilter(tx, scope, SECTION))(row)) throw new NotFoundError();
  return (await presentRows(tx, relationships(), [row]))[0]!;
}

async function addressesOf(tx: Tx, relationshipId: string): Promise<AddressRow[]> {
  return tx
    .selectFrom('relationship_addresses')
    .select(['id', 'line1', 'line2', 'town', 'postcode', 'from_date', 'to_date', 'version'])
    .where('relationship_id', '=', relationshipId)
    .orderBy('from_date', 'desc')
    .orderBy('id')
    .execute();
}

/** A relationship and its addresses, newest first. */
export async function getRelationshipAddresses(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  relationshipId: string,
) {
  return database.transaction(async (tx) => {
    const relationship = await visibleRelationship(tx, ctx, nominalId, relationshipId, 'nominal.view');
    const addresses = await addressesOf(tx, relationshipId);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `${SECTION}: addresses`,
    });
    return {
      relationship: {
        id: relationship.id,
        type: relationship.type as string,
        personName: relationship.personName as string,
      },
      addresses: addresses.map(present),
    };
  });
}

/** Records where someone in a relationship lives (from a day); the address before it ends the day before. */
export async function addRelationshipAddress(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  relationshipId: string,
  input: unknown,
) {
  return database.transaction(async (tx) => {
    const relationship = await visibleRelationship(tx, ctx, nominalId, relationshipId, 'nominal.edit');
    // Parsed after the scope check: someone outside it learns nothing from the answer.
    const values = parseInput(
      relationshipAddressInput(() => ctx.today),
      input,
    ) as Values & { line1: string; postcode: string; fromDate: string; toDate: string | null };
    const who = `${labelOf(RELATIONSHIP_TYPE, String(relationship.type))} ${String(relationship.personName)}`;
    const sensitivity = sensitivityOf(SECTION, relationship);
    const open = values.toDate
      ? []
      : (await addressesOf(tx, relationshipId)).filter((a) => a.to_date === null);
    for (const old of open) {
      if (compareDates(old.from_date, values.fromDate) >= 0)
        throw new ValidationError({
          fromDate: `Lives there from must be after ${formatDateLong(old.from_date)}, when their current address began`,
        });
      const until = addDays(values.fromDate, -1);
      await tx
        .updateTable('relationship_addresses')
        .set({ to_date: until, version: old.version + 1 })
        .where('id', '=', old.id)
        .execute();
      await recordChange(tx, ctx, {
        nominalId,
        section: SECTION,
        entityId: old.id,
        entityVersion: old.version + 1,
        action: 'ended',
        summary: `Address of ${who} ended: ${describeAddress(old)} (lived there until ${formatDateLong(until)})`,
        before: { addressUntil: null },
        after: { addressUntil: until },
        sensitivity,
      });
    }
    const row = await tx
      .insertInto('relationship_addresses')
      .values({
        relationship_id: relationshipId,
        nominal_id: nominalId,
        line1: values.line1,
        line2: (values.line2 as string | null) ?? null,
        town: (values.town as string | null) ?? null,
        postcode: values.postcode,
        from_date: values.fromDate,
        to_date: values.toDate ?? null,
        recorded_at: ctx.now,
        recorded_by: ctx.actor.userId,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: row.id,
        entityVersion: row.version,
        action: 'created',
        summary: `Address of ${who} added: ${describeAddress({ ...values, line2: (values.line2 as string | null) ?? null, town: (values.town as string | null) ?? null })}, from ${formatDateLong(values.fromDate)}`,
        before: null,
        // Keys of their own: the relationship's fields (its start and end) are not the address's.
        after: {
          addressFrom: values.fromDate,
          addressUntil: values.toDate ?? null,
          addressPostcode: values.postcode,
        },
        sensitivity,
      },
      { section: `${SECTION}: addresses` },
    );
    return { id: row.id, version: row.version };
  });
}

/** The address of each given relationship current on a day (for the overview's cards). */
export async function currentRelationshipAddresses(
  tx: Tx,
  relationshipIds: readonly string[],
  today: string,
) {
  if (!relationshipIds.length) return new Map<string, { text: string; fromDate: string; earlier: number }>();
  const rows = await tx
    .selectFrom('relationship_addresses')
    .select(['relationship_id', 'line1', 'line2', 'town', 'postcode', 'from_date', 'to_date'])
    .where('relationship_id', 'in', [...relationshipIds])
    .orderBy('from_date', 'desc')
    .execute();
  const byRelationship = new Map<string, { text: string; fromDate: string; earlier: number }>();
  for (const id of relationshipIds) {
    const mine = rows.filter((r) => r.relationship_id === id);
    const current = mine.find(
      (r) =>
        compareDates(r.from_date, today) <= 0 && (r.to_date === null || compareDates(r.to_date, today) >= 0),
    );
    if (mine.length)
      byRelationship.set(id, {
        text: current ? describeAddress(current) : '',
        fromDate: current?.from_date ?? '',
        earlier: mine.filter((r) => r !== current).length,
      });
  }
  return byRelationship;
}
