import { createHash } from 'node:crypto';
import type { UseCaseContext } from '../../access/actor.ts';
import type { Tx } from '../../db/database.ts';

/** The name an erased person carries: the row stays (other records refer to it), the person does not. */
export const ERASED_NAME = 'Erased';
/** Date of birth is required of every row; an erased person's is this placeholder. */
export const ERASED_DATE_OF_BIRTH = '1900-01-01';

export interface ErasedPersonalData {
  /** SHA-256 (hex) of everything erased, as canonical JSON: proof of what went, without keeping it. */
  sha256: string;
  /** Rows deleted or blanked. */
  rows: number;
}

/**
 * Removes a person's personal data from the record (a data protection officer's erasure decision,
 * src/modules/retention): their names, date of birth and protected characteristics are blanked on
 * the nominal row; aliases, search names, identifiers, addresses, relationships (with where
 * those people live) and markers are deleted; the timeline keeps what happened and when but loses the values before and after; each
 * conviction's offence (free text) reads 'Erased' and its court goes, as do each civil order's
 * court, notes and exclusion zone (its kind and dates stay, like a conviction's). The caller decides, checks
 * the policy, erases the other capabilities' copies and logs the erasure in the same transaction.
 * Conviction outcomes and dates, risk assessments (scores and bands, no free text) and managers
 * stay (with no one left to name, they are no longer about a person anyone can identify).
 */
export async function erasePersonalData(
  tx: Tx,
  ctx: Pick<UseCaseContext, 'actor' | 'now'>,
  nominalId: string,
): Promise<ErasedPersonalData> {
  const nominal = await tx
    .selectFrom('nominals')
    .selectAll()
    .where('id', '=', nominalId)
    .forUpdate()
    .executeTakeFirst();
  if (!nominal) throw new Error(`No nominal ${nominalId}`);
  const content = {
    nominal,
    aliases: await tx
      .selectFrom('nominal_aliases')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    identifiers: await tx
      .selectFrom('nominal_identifiers')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    addresses: await tx
      .selectFrom('addresses')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    relationships: await tx
      .selectFrom('relationships')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    relationshipAddresses: await tx
      .selectFrom('relationship_addresses')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    markers: await tx
      .selectFrom('markers')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    convictions: await tx
      .selectFrom('convictions')
      .select(['id', 'offence', 'court'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    orders: await tx
      .selectFrom('civil_orders')
      .select(['id', 'court', 'notes', 'exclusion_zone'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
    changes: await tx
      .selectFrom('nominal_changes')
      .select(['id', 'summary', 'before', 'after'])
      .where('nominal_id', '=', nominalId)
      .orderBy('id')
      .execute(),
  };
  const sha256 = createHash('sha256').update(JSON.stringify(content)).digest('hex');

  let rows = 0;
  const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }[]) =>
    (rows += result.reduce((n, r) => n + Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0n), 0));
  count(await tx.deleteFrom('nominal_names').where('nominal_id', '=', nominalId).execute());
  count(await tx.deleteFrom('nominal_aliases').where('nominal_id', '=', nominalId).execute());
  count(await tx.deleteFrom('nominal_identifiers').where('nominal_id', '=', nominalId).execute());
  count(await tx.deleteFrom('addresses').where('nominal_id', '=', nominalId).execute());
  // Where the people in their relationships live goes with the relationships.
  count(await tx.deleteFrom('relationship_addresses').where('nominal_id', '=', nominalId).execute());
  count(await tx.deleteFrom('relationships').where('nominal_id', '=', nominalId).execute());
  count(await tx.deleteFrom('markers').where('nominal_id', '=', nominalId).execute());
  count(
    await tx
      .updateTable('convictions')
      .set({ offence: ERASED_NAME, court: null })
      .where('nominal_id', '=', nominalId)
      .execute(),
  );
  count(
    await tx
      .updateTable('civil_orders')
      .set({ court: null, notes: null, exclusion_zone: null })
      .where('nominal_id', '=', nominalId)
      .execute(),
  );
  count(
    await tx
      .updateTable('nominal_changes')
      .set({ before: null, after: null, summary: 'Details erased' })
      .where('nominal_id', '=', nominalId)
      .execute(),
  );
  count(
    await tx
      .updateTable('nominals')
      .set({
        forename: ERASED_NAME,
        middle_names: null,
        surname: ERASED_NAME,
        date_of_birth: ERASED_DATE_OF_BIRTH,
        sex: 'not_known',
        gender_identity: null,
        ethnicity: null,
        nationality: null,
        disability: null,
        religion: null,
        sexual_orientation: null,
        language: null,
        interpreter_needed: false,
        version: nominal.version + 1,
        updated_at: ctx.now,
        updated_by: ctx.actor.userId,
      })
      .where('id', '=', nominalId)
      .execute(),
  );
  return { sha256, rows };
}
