import type { Db, Tx } from '../../db/database.ts';

// --- for nominals ---

/**
 * The reason of a user's justified access to a record that has not yet expired at `now` (the newest,
 * if several), or null: one of the ways a record outside their scope opens to them (the record's
 * scope check asks, through the wiring, and logs the reason as the basis of each look).
 */
export async function justifiedAccessReason(
  db: Db | Tx,
  access: { userId: string; nominalId: string; now: Date },
): Promise<string | null> {
  const row = await db
    .selectFrom('justified_accesses')
    .select('reason')
    .where('nominal_id', '=', access.nominalId)
    .where('user_id', '=', access.userId)
    .where('expires_at', '>', access.now)
    .orderBy('granted_at', 'desc')
    .executeTakeFirst();
  return row?.reason ?? null;
}
