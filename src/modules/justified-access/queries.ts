import type { Db, Tx } from '../../db/database.ts';

// --- for nominals ---

/**
 * Whether a user holds a justified access to a record that has not yet expired at `now`: one of the
 * ways a record outside their scope opens to them (the record's scope check asks, through the wiring).
 */
export async function hasJustifiedAccess(
  db: Db | Tx,
  access: { userId: string; nominalId: string; now: Date },
): Promise<boolean> {
  const row = await db
    .selectFrom('justified_accesses')
    .select('id')
    .where('nominal_id', '=', access.nominalId)
    .where('user_id', '=', access.userId)
    .where('expires_at', '>', access.now)
    .executeTakeFirst();
  return row !== undefined;
}
