import type { Kysely, Transaction } from 'kysely';
import type { Database, Db, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';

/** The users capability's tables are in the one schema (src/db/schema.ts); these names stay for its code. */
export type { FailureStep } from '../../db/schema.ts';
export type UsersSchema = Schema;
export type UsersDb = Kysely<UsersSchema>;
export type UsersTx = Transaction<UsersSchema>;

export const usersDb = (db: Db): UsersDb => db;
export const usersTx = (tx: Tx): UsersTx => tx;

/**
 * A transaction over the shared schema plus this module's tables; `shared` is the same transaction
 * seen with the shared schema only, for other capabilities' lookups.
 */
export function transaction<T>(
  database: Database,
  work: (tx: UsersTx, shared: Tx) => Promise<T>,
): Promise<T> {
  return database.transaction((tx) => work(usersTx(tx), tx));
}
