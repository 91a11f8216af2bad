import type { Tx } from '../../../db/database.ts';

/** Keeps the search table in step with the person's names and aliases. */
export async function syncName(
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
