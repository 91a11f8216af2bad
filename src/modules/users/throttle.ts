import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { TooManyAttemptsError } from './errors.ts';
import { transaction, usersDb, type FailureStep } from './tables.ts';

/**
 * Throttling of every step that checks a secret (password, TOTP code, recovery code): at most
 * THROTTLE_LIMIT failures per account and per source address in a sliding window, with a growing
 * delay from the third failure. There is never a lock an attacker can make permanent: old failures
 * simply leave the window. Unknown accounts are keyed and throttled exactly like real ones, so the
 * answers (and their timing) say nothing about who has an account.
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

/**
 * Starts an attempt. Refuses at once (after the longest delay) when the window is full. The attempt
 * is written as a failure *before* the secret is checked, so parallel guesses count against each
 * other; success removes it.
 */
export async function beginAttempt(
  database: Database,
  account: string,
  step: FailureStep,
  env: AttemptEnvironment,
): Promise<Attempt> {
  const since = new Date(env.now.getTime() - THROTTLE_WINDOW_MS);
  const source = env.sourceAddress;
  const counts = await usersDb(database.db)
    .selectFrom('sign_in_failures')
    .select([
      sql<number>`count(*) FILTER (WHERE account_key = ${account})`.as('account'),
      (source === null ? sql<number>`0` : sql<number>`count(*) FILTER (WHERE source_address = ${source})`).as(
        'source',
      ),
    ])
    .where('at', '>', since)
    .where('at', '<=', env.now)
    .where((eb) =>
      source === null
        ? eb('account_key', '=', account)
        : eb.or([eb('account_key', '=', account), eb('source_address', '=', source)]),
    )
    .executeTakeFirstOrThrow();
  const previous = Math.max(Number(counts.account), Number(counts.source));
  if (previous >= THROTTLE_LIMIT) {
    await env.sleep(failureDelayMs(THROTTLE_LIMIT));
    throw new TooManyAttemptsError();
  }
  const row = await transaction(database, async (tx) => {
    await tx
      .deleteFrom('sign_in_failures')
      .where('at', '<', new Date(env.now.getTime() - KEEP_FAILURES_MS))
      .execute();
    return tx
      .insertInto('sign_in_failures')
      .values({ at: env.now, account_key: account, source_address: source, step })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  return {
    succeeded: async () => {
      await transaction(database, (tx) =>
        tx.deleteFrom('sign_in_failures').where('id', '=', row.id).execute(),
      );
    },
    failed: () => env.sleep(failureDelayMs(previous + 1)),
  };
}
