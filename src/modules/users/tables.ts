import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database, Db, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';

/**
 * Row types added by migrations/0005_sign_in.sql. They are merged into the shared schema here (with
 * Kysely's `$extendTables`) so this module owns its tables; they can move into src/db/schema.ts.
 */
type Instant = ColumnType<Date, Date | string, Date | string>;

export type SignInTables = {
  users: {
    totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
    totp_enrolled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
    password_changed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  };
  sessions: {
    mfa_verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    reauthenticated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    authenticated_by: ColumnType<'password' | 'oidc', 'password' | 'oidc' | undefined, 'password' | 'oidc'>;
    pending_totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
    ended_reason: ColumnType<string | null, string | null | undefined, string | null>;
  };
  service_accounts: {
    read_only: ColumnType<boolean, boolean | undefined, boolean>;
    area_codes: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
    created_by: ColumnType<string | null, string | null | undefined, string | null>;
    revoked_by: ColumnType<string | null, string | null | undefined, string | null>;
  };
  user_recovery_codes: {
    id: Generated<string>;
    user_id: string;
    code_hash: string;
    created_at: Instant;
    used_at: Date | null;
  };
  sign_in_failures: {
    id: Generated<number>;
    at: Date | string;
    account_key: string;
    source_address: string | null;
    step: FailureStep;
  };
  user_changes: {
    id: Generated<string>;
    user_id: string;
    changed_by: string | null;
    changed_at: Instant;
    change: string;
    details: ColumnType<Record<string, unknown>, string | undefined, string>;
  };
  oidc_sign_ins: {
    state_hash: string;
    browser_hash: string;
    nonce: string;
    code_verifier: string;
    created_at: Date | string;
    used_at: Date | null;
  };
};

export type FailureStep = 'password' | 'totp' | 'recovery-code' | 'reauthentication' | 'change-password';

export type UsersSchema = Schema & SignInTables;
export type UsersDb = Kysely<UsersSchema>;
export type UsersTx = Transaction<UsersSchema>;

export const usersDb = (db: Db): UsersDb => db.$extendTables<SignInTables>() as unknown as UsersDb;
export const usersTx = (tx: Tx): UsersTx => tx.$extendTables<SignInTables>() as unknown as UsersTx;

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
