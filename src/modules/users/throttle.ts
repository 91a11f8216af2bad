import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { TooManyAttemptsError } from './errors.ts';
import { transaction, type FailureStep, type UsersTx } from './tables.ts';

/**
 * Throttling of every step that checks a secret (password, TOTP code, recovery code), in a sliding
 * window of THROTTLE_WINDOW_MS, with a growing delay from the third failure:
 *
 * - **Per source address** (any account): at most THROTTLE_LIMIT failures, then refused. Guessing
 *   from one place is stopped whichever accounts it tries.
 * - **Per account** (any source): for the password step this only *slows* (every attempt waits the
 *   longest delay once the account has THROTTLE_LIMIT failures), never blocks, so nobody can lock a
 *   real user out by guessing their email from elsewhere (ASVS 5.0 6.3.1, 6.1.1). The second-factor
 *   and signed-in steps (TOTP, recovery code, re-authentication, password change) can only be reached
 *   with the password or a session, so there the per-account limit refuses too: a six-digit code is
 *   not guessed from many addresses at once.
 *
 * Count-and-record is atomic: each attempt locks its source's row (and its account's, where the
 * account limit refuses) in sign_in_throttle_locks, counts the failures and writes its own as a
 * failure, all in one transaction, *before* the secret is checked. Parallel attempts queue on the
 * lock, so at most the limit is ever evaluated; success removes the failure. There is never a lock an
 * attacker can make permanent: old failures simply leave the window. Unknown accounts are keyed and
 * throttled exactly like real ones, so the answers (and their timing) say nothing about who has one.
 */
export const THROTTLE_LIMIT = 10;
export const THROTTLE_WINDOW_MS = 5 * 60_000;
const KEEP_FAILURES_MS = 24 * 3600_000;

export const accountKey = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/** Failure n waits min(2^(n-3), 8) seconds before the answer: nothing for the first two. */
export function failureDelayMs(failureNumber: number): number {
  return failureNumber >= 3 ? Math.min(2 ** (failureNumber - 3), 8) * 1000 : 0;
}

export interface AttemptEnvironment {
  now: Date;
  sourceAddress: string | null;
  sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Attempt {
  /** The secret was right: the attempt leaves no trace. */
  succeeded(): Promise<void>;
  /** The secret was wrong: the failure stays in the window, and the answer waits. */
  failed(): Promise<void>;
}

/** Steps before which the account alone slows rather than refuses (anyone who knows an email can reach them). */
const FIRST_FACTOR_STEPS: readonly FailureStep[] = ['password'];

/** Locks the throttle rows of `keys` (in a fixed order, so two attempts never wait on each other in a circle). */
async function lockKeys(tx: UsersTx, keys: string[], now: Date): Promise<void> {
  for (const key of [...keys].sort()) {
    // An upsert takes the row's lock until the transaction ends; a second attempt waits here.
    await tx
      .insertInto('sign_in_throttle_locks')
      .values({ key, last_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ last_at: now }))
      .execute();
  }
}

/** Forgets what has left every window; rows another attempt holds are skipped, never waited for. */
async function forgetOld(tx: UsersTx, now: Date): Promise<void> {
  const before = new Date(now.getTime() - KEEP_FAILURES_MS);
  await sql`DELETE FROM sign_in_failures WHERE id IN (
      SELECT id FROM sign_in_failures WHERE at < ${before} LIMIT 100 FOR UPDATE SKIP LOCKED)`.execute(tx);
  await sql`DELETE FROM sign_in_throttle_locks WHERE key IN (
      SELECT key FROM sign_in_throttle_locks WHERE last_at < ${before} LIMIT 100 FOR UPDATE SKIP LOCKED)`.execute(
    tx,
  );
}

/**
 * Starts an attempt. Refuses at once (after the longest delay) when the source's window is full (or,
 * after the first factor, the account's); slows it when the account's is. The attempt is written as a
 * failure before the secret is checked, so parallel guesses count against each other.
 */
export async function beginAttempt(
  database: Database,
  account: string,
  step: FailureStep,
  env: AttemptEnvironment,
): Promise<Attempt> {
  const source = env.sourceAddress ?? 'unknown';
  const accountBlocks = !FIRST_FACTOR_STEPS.includes(step);
  const since = new Date(env.now.getTime() - THROTTLE_WINDOW_MS);
  const outcome = await transaction(database, async (tx) => {
    await lockKeys(
      tx,
      accountBlocks ? [`source:${source}`, `account:${account}`] : [`source:${source}`],
      env.now,
    );
    const fromSource =
      env.sourceAddress === null ? sql`source_address IS NULL` : sql`source_address = ${env.sourceAddress}`;
    const counts = await tx
      .selectFrom('sign_in_failures')
      .select([
        sql<number>`count(*) FILTER (WHERE account_key = ${account})`.as('account'),
        sql<number>`count(*) FILTER (WHERE ${fromSource})`.as('source'),
      ])
      .where('at', '>', since)
      .where('at', '<=', env.now)
      .where(sql<boolean>`(account_key = ${account} OR ${fromSource})`)
      .executeTakeFirstOrThrow();
    const bySource = Number(counts.source);
    const byAccount = Number(counts.account);
    if (bySource >= THROTTLE_LIMIT || (accountBlocks && byAccount >= THROTTLE_LIMIT))
      return { refused: true as const };
    await forgetOld(tx, env.now);
    const row = await tx
      .insertInto('sign_in_failures')
      .values({ at: env.now, account_key: account, source_address: env.sourceAddress, step })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { refused: false as const, id: row.id, previous: Math.max(bySource, byAccount) };
  });
  if (outcome.refused) {
    await env.sleep(failureDelayMs(THROTTLE_LIMIT));
    throw new TooManyAttemptsError();
  }
  const { id, previous } = outcome;
  // The account is under attack from elsewhere: this attempt is slowed, not refused.
  const slowed = previous >= THROTTLE_LIMIT;
  if (slowed) await env.sleep(failureDelayMs(THROTTLE_LIMIT));
  return {
    succeeded: async () => {
      await transaction(database, (tx) => tx.deleteFrom('sign_in_failures').where('id', '=', id).execute());
    },
    failed: () => (slowed ? Promise.resolve() : env.sleep(failureDelayMs(previous + 1))),
  };
}
