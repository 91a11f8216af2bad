import type { Db, Tx } from '../../db/database.ts';

/**
 * Each agency's single point of contact in an area: the Vigil user told of an action owned by one of
 * the agency's people without a Vigil account. Levels' area settings set them (and check the user
 * works for the agency); actions ask who to tell.
 */

/** The area's contacts, agency id → user id. */
export async function singlePointsOfContact(db: Db | Tx, areaCode: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('agency_contacts')
    .select(['agency_id', 'user_id'])
    .where('area_code', '=', areaCode)
    .execute();
  return new Map(rows.map((r) => [r.agency_id, r.user_id]));
}

/** Contacts for several (area, agency) pairs at once, keyed `area:agency`. */
export async function contactsFor(
  db: Db | Tx,
  pairs: readonly { areaCode: string; agencyId: string }[],
): Promise<Map<string, string>> {
  if (!pairs.length) return new Map();
  const rows = await db
    .selectFrom('agency_contacts')
    .select(['area_code', 'agency_id', 'user_id'])
    .where('area_code', 'in', [...new Set(pairs.map((p) => p.areaCode))])
    .where('agency_id', 'in', [...new Set(pairs.map((p) => p.agencyId))])
    .execute();
  return new Map(rows.map((r) => [`${r.area_code}:${r.agency_id}`, r.user_id]));
}

/** Replaces the area's contacts (the caller has checked each user works for its agency in the area). */
export async function replaceSinglePointsOfContact(
  tx: Tx,
  areaCode: string,
  contacts: readonly { agencyId: string; userId: string }[],
): Promise<void> {
  await tx.deleteFrom('agency_contacts').where('area_code', '=', areaCode).execute();
  if (contacts.length)
    await tx
      .insertInto('agency_contacts')
      .values(contacts.map((c) => ({ area_code: areaCode, agency_id: c.agencyId, user_id: c.userId })))
      .execute();
}
