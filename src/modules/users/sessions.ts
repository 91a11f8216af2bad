import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/database.ts';
import { londonDateAt } from '../../domain/dates.ts';
import { UnauthenticatedError, ValidationError } from '../../domain/errors.ts';
import { loadUserAccess, suspensionOf, type SuspensionReason, type VettingFacts } from './access-status.ts';
import { AccessSuspendedError } from './errors.ts';
import { recordUserChange } from './history.ts';
import { seal, unseal } from './secrets.ts';
import { decoy, verifyPassword } from './passwords.ts';
import { transaction, usersDb, type UsersTx } from './tables.ts';
import { accountKey, beginAttempt, realSleep, type AttemptEnvironment } from './throttle.ts';
import {
  hashRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  normaliseTotpCode,
  recoveryCodeMatches,
} from './two-factor.ts';

/**
 * Sessions: a random 256-bit id in a `__Host-` cookie, stored only as its SHA-256. Signing in has
 * two steps. The password (or the organisation's single sign-on) opens a *pending* session that can
 * reach only the second-factor pages; a TOTP code (or a recovery code) completes it, with a new id.
 */
export const SESSION_IDLE_MINUTES = 15;
export const SESSION_IDLE_SECONDS = SESSION_IDLE_MINUTES * 60;
export const SESSION_ABSOLUTE_HOURS = 12;
/** The second factor must follow the first within this time. */
export const PENDING_SESSION_MINUTES = 10;

export const WRONG_PASSWORD = 'Enter a correct email address and password';
export const WRONG_CODE =
  'The code is not correct – check your authenticator app and enter the code it shows now';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

/** What a sign-in step needs from the outside world: the clock, where the request came from, and how to wait. */
export interface SignInEnvironment {
  /** From the one clock (src/clock.ts). */
  now: Date;
  sourceAddress?: string | null;
  sleep?: (ms: number) => Promise<void>;
}

function environment(env: SignInEnvironment): AttemptEnvironment {
  return {
    now: env.now,
    sourceAddress: env.sourceAddress ?? null,
    sleep: env.sleep ?? realSleep,
  };
}

export type NextStep = 'set-up-two-factor' | 'two-factor';

export interface PendingSignIn {
  sessionId: string;
  userId: string;
  next: NextStep;
}

/**
 * The password step. The answer, and its timing, are the same for an unknown account, a wrong
 * password and a disabled account; failures are throttled (see throttle.ts).
 */
export async function signIn(
  database: Database,
  email: string,
  password: string,
  env: SignInEnvironment,
): Promise<PendingSignIn> {
  const e = environment(env);
  const attempt = await beginAttempt(database, accountKey(email), 'password', e);
  const user = await usersDb(database.db)
    .selectFrom('users')
    .select([
      'id',
      'password_hash',
      'disabled_at',
      'totp_secret',
      'vetting_level',
      'vetting_expires_on',
      'training_completed_on',
    ])
    .where(sql<boolean>`lower(email) = lower(${email.trim()})`)
    .executeTakeFirst();
  const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : await decoy(password);
  if (!user || !ok || user.disabled_at) {
    await attempt.failed();
    throw new UnauthenticatedError(WRONG_PASSWORD);
  }
  await attempt.succeeded();
  return openPendingSession(database, user, 'password', e.now);
}

/**
 * After the first factor (password or single sign-on): a pending session, or a refusal if the
 * user's vetting or training does not allow access today.
 */
export async function openPendingSession(
  database: Database,
  user: VettingFacts & { id: string; totp_secret: string | null },
  method: 'password' | 'oidc',
  now: Date,
): Promise<PendingSignIn> {
  const suspension = suspensionOf(user, londonDateAt(now.getTime()));
  if (suspension) throw new AccessSuspendedError(suspension);
  // A new id at every sign-in: a session id known before sign-in is worth nothing after it.
  const sessionId = newSecret();
  await transaction(database, (tx) =>
    tx
      .insertInto('sessions')
      .values({
        id_hash: sha256(sessionId),
        user_id: user.id,
        csrf_token: newSecret(),
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3600_000),
        authenticated_by: method,
      })
      .execute(),
  );
  return { sessionId, userId: user.id, next: user.totp_secret ? 'two-factor' : 'set-up-two-factor' };
}

interface SessionCommon {
  userId: string;
  email: string;
  displayName: string;
  csrfToken: string;
  /** The instant this state was read: "now" for anything decided from it. */
  checkedAt: Date;
  idleExpiresAt: Date;
  authenticatedBy: 'password' | 'oidc';
}

export type SessionState =
  | (SessionCommon & { status: 'pending'; enrolled: boolean; pendingTotpSecret: string | null })
  | (SessionCommon & { status: 'suspended'; reason: SuspensionReason })
  | (SessionCommon & {
      status: 'active';
      actor: Actor;
      mfaVerifiedAt: Date;
      reauthenticatedAt: Date | null;
    });

declare module 'fastify' {
  interface FastifyRequest {
    /** The resolved session cookie, whatever its state (pending, suspended or active). */
    authSession: SessionState | null;
  }
}

export interface ResumeOptions {
  now: Date;
  idleSeconds?: number;
  /** False for requests that must not count as activity (the timeout script asking how long is left). */
  touch?: boolean;
}

/**
 * Resolves a session cookie. Idle, absolute and pending time limits end it; so do a disabled
 * account and (shown as "suspended") lapsed vetting or missing training, at once, on every request.
 */
export async function resumeSession(
  database: Database,
  sessionId: string,
  options: ResumeOptions,
): Promise<SessionState | null> {
  const now = options.now;
  const idleMs = (options.idleSeconds ?? SESSION_IDLE_SECONDS) * 1000;
  const hashed = sha256(sessionId);
  const row = await usersDb(database.db)
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.user_id',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      's.ended_at',
      's.mfa_verified_at',
      's.reauthenticated_at',
      's.authenticated_by',
      's.pending_totp_secret',
      'u.email',
      'u.display_name',
      'u.totp_secret',
    ])
    .where('s.id_hash', '=', hashed)
    .executeTakeFirst();
  if (!row || row.ended_at) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now.getTime() > new Date(row.expires_at).getTime() || now.getTime() > lastSeen + idleMs) return null;
  if (
    !row.mfa_verified_at &&
    now.getTime() > new Date(row.created_at).getTime() + PENDING_SESSION_MINUTES * 60_000
  )
    return null;
  const access = await loadUserAccess(database.db, row.user_id, londonDateAt(now.getTime()));
  if (!access) return null;
  let seen = lastSeen;
  // Only write when it matters, so reads are not turned into writes on every request.
  if (options.touch !== false && now.getTime() - lastSeen > Math.min(30_000, idleMs / 10)) {
    await transaction(database, (tx) =>
      tx
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('id_hash', '=', hashed)
        .where('ended_at', 'is', null)
        .execute(),
    );
    seen = now.getTime();
  }
  const common: SessionCommon = {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    csrfToken: row.csrf_token,
    checkedAt: now,
    idleExpiresAt: new Date(seen + idleMs),
    authenticatedBy: row.authenticated_by,
  };
  if (access.suspension) return { ...common, status: 'suspended', reason: access.suspension };
  if (!row.mfa_verified_at)
    return {
      ...common,
      status: 'pending',
      enrolled: Boolean(row.totp_secret),
      pendingTotpSecret: row.pending_totp_secret === null ? null : unseal(row.pending_totp_secret),
    };
  return {
    ...common,
    status: 'active',
    actor: access.actor,
    mfaVerifiedAt: new Date(row.mfa_verified_at),
    reauthenticatedAt: row.reauthenticated_at ? new Date(row.reauthenticated_at) : null,
  };
}

async function pendingSession(database: Database, sessionId: string, now: Date) {
  const state = await resumeSession(database, sessionId, { now, touch: false });
  if (state?.status !== 'pending') throw new UnauthenticatedError();
  return state;
}

async function activeSession(database: Database, sessionId: string, now: Date) {
  const state = await resumeSession(database, sessionId, { now, touch: false });
  if (state?.status !== 'active') throw new UnauthenticatedError();
  return state;
}

export interface CompletedSignIn {
  /** A new session id: the pending one is worth nothing once the second factor is proved. */
  sessionId: string;
  csrfToken: string;
}

async function promote(tx: UsersTx, pendingSessionId: string, now: Date): Promise<CompletedSignIn> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const updated = await tx
    .updateTable('sessions')
    .set({
      id_hash: sha256(sessionId),
      csrf_token: csrfToken,
      mfa_verified_at: now,
      last_seen_at: now,
      pending_totp_secret: null,
    })
    .where('id_hash', '=', sha256(pendingSessionId))
    .where('ended_at', 'is', null)
    .where('mfa_verified_at', 'is', null)
    .executeTakeFirst();
  if (!Number(updated.numUpdatedRows)) throw new UnauthenticatedError();
  return { sessionId, csrfToken };
}

function codeProblem(raw: string): ValidationError {
  return new ValidationError({
    code: raw.trim()
      ? 'The code must be the 6 numbers your authenticator app shows'
      : 'Enter the 6-digit code from your authenticator app',
  });
}

/** Accepts a TOTP code for the user once: its time step must be later than the last one accepted. */
async function acceptTotp(database: Database, userId: string, code: string, now: Date): Promise<boolean> {
  const user = await usersDb(database.db)
    .selectFrom('users')
    .select(['totp_secret', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user?.totp_secret) return false;
  const step = await matchTotp(unseal(user.totp_secret), code, now, user.totp_last_step);
  if (step === null) return false;
  // Conditional, so two requests racing with the same code cannot both succeed.
  const updated = await transaction(database, (tx) =>
    tx
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst(),
  );
  return Number(updated.numUpdatedRows) > 0;
}

/** The second step for an enrolled user: a code from their authenticator app. */
export async function verifyTotpSignIn(
  database: Database,
  sessionId: string,
  rawCode: string,
  env: SignInEnvironment,
): Promise<CompletedSignIn> {
  const e = environment(env);
  const session = await pendingSession(database, sessionId, e.now);
  if (!session.enrolled) throw new UnauthenticatedError();
  const code = normaliseTotpCode(rawCode);
  if (!code) throw codeProblem(rawCode);
  const attempt = await beginAttempt(database, accountKey(session.email), 'totp', e);
  if (!(await acceptTotp(database, session.userId, code, e.now))) {
    await attempt.failed();
    throw new ValidationError({ code: WRONG_CODE });
  }
  await attempt.succeeded();
  return transaction(database, (tx) => promote(tx, sessionId, e.now));
}

/** The second step with a recovery code instead; each code works once. */
export async function verifyRecoveryCodeSignIn(
  database: Database,
  sessionId: string,
  rawCode: string,
  env: SignInEnvironment,
): Promise<CompletedSignIn & { recoveryCodesLeft: number }> {
  const e = environment(env);
  const session = await pendingSession(database, sessionId, e.now);
  if (!session.enrolled) throw new UnauthenticatedError();
  const code = normaliseRecoveryCode(rawCode);
  if (!code)
    throw new ValidationError({
      recoveryCode: rawCode.trim()
        ? 'A recovery code is 10 letters and numbers, like abcde-23456'
        : 'Enter one of your recovery codes',
    });
  const attempt = await beginAttempt(database, accountKey(session.email), 'recovery-code', e);
  const unused = await usersDb(database.db)
    .selectFrom('user_recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', session.userId)
    .where('used_at', 'is', null)
    .execute();
  let matched: string | undefined;
  for (const candidate of unused) {
    if (await recoveryCodeMatches(candidate.code_hash, code)) matched = candidate.id;
  }
  const completed = matched
    ? await transaction(database, async (tx) => {
        const used = await tx
          .updateTable('user_recovery_codes')
          .set({ used_at: e.now })
          .where('id', '=', matched)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        return Number(used.numUpdatedRows) ? promote(tx, sessionId, e.now) : null;
      })
    : null;
  if (!completed) {
    await attempt.failed();
    throw new ValidationError({
      recoveryCode: 'That recovery code is not correct, or has already been used',
    });
  }
  await attempt.succeeded();
  return { ...completed, recoveryCodesLeft: unused.length - 1 };
}

/** The secret offered to a user setting up their authenticator: the same one until confirmed. */
export async function startTotpEnrolment(
  database: Database,
  sessionId: string,
  now: Date,
): Promise<{ secret: string; email: string }> {
  const session = await pendingSession(database, sessionId, now);
  if (session.enrolled) throw new UnauthenticatedError();
  if (session.pendingTotpSecret) return { secret: session.pendingTotpSecret, email: session.email };
  await transaction(database, (tx) =>
    tx
      .updateTable('sessions')
      .set({ pending_totp_secret: seal(newTotpSecret()) })
      .where('id_hash', '=', sha256(sessionId))
      .where('pending_totp_secret', 'is', null)
      .execute(),
  );
  const again = await pendingSession(database, sessionId, now);
  if (!again.pendingTotpSecret) throw new UnauthenticatedError();
  return { secret: again.pendingTotpSecret, email: again.email };
}

/**
 * Confirms enrolment with a code from the new authenticator: the secret becomes the user's, the
 * session becomes active, and ten recovery codes are returned, the only time they exist in clear.
 */
export async function confirmTotpEnrolment(
  database: Database,
  sessionId: string,
  rawCode: string,
  env: SignInEnvironment,
): Promise<CompletedSignIn & { recoveryCodes: string[] }> {
  const e = environment(env);
  const session = await pendingSession(database, sessionId, e.now);
  if (session.enrolled || !session.pendingTotpSecret) throw new UnauthenticatedError();
  const secret = session.pendingTotpSecret;
  const code = normaliseTotpCode(rawCode);
  if (!code) throw codeProblem(rawCode);
  const attempt = await beginAttempt(database, accountKey(session.email), 'totp', e);
  const step = await matchTotp(secret, code, e.now, null);
  if (step === null) {
    await attempt.failed();
    throw new ValidationError({ code: WRONG_CODE });
  }
  await attempt.succeeded();
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
  const completed = await transaction(database, async (tx) => {
    const enrolled = await tx
      .updateTable('users')
      .set({ totp_secret: seal(secret), totp_enrolled_at: e.now, totp_last_step: step })
      .where('id', '=', session.userId)
      .where('totp_secret', 'is', null)
      .executeTakeFirst();
    if (!Number(enrolled.numUpdatedRows)) throw new UnauthenticatedError();
    await replaceRecoveryCodes(tx, session.userId, hashes, e.now);
    await recordUserChange(tx, {
      userId: session.userId,
      changedBy: session.userId,
      change: 'two-factor-set-up',
      at: e.now,
    });
    return promote(tx, sessionId, e.now);
  });
  return { ...completed, recoveryCodes };
}

export async function replaceRecoveryCodes(
  tx: UsersTx,
  userId: string,
  hashes: string[],
  now: Date,
): Promise<void> {
  await tx.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length)
    await tx
      .insertInto('user_recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: now })))
      .execute();
}

/** New recovery codes for a signed-in user (the old ones stop working). */
export async function replaceOwnRecoveryCodes(
  database: Database,
  userId: string,
  now: Date,
): Promise<string[]> {
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
  await transaction(database, async (tx) => {
    await replaceRecoveryCodes(tx, userId, hashes, now);
    await recordUserChange(tx, { userId, changedBy: userId, change: 'recovery-codes-replaced', at: now });
  });
  return recoveryCodes;
}

export async function countUnusedRecoveryCodes(database: Database, userId: string): Promise<number> {
  const row = await usersDb(database.db)
    .selectFrom('user_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Proves the second factor again before a highly sensitive operation (see reauthentication.ts). */
export async function reauthenticate(
  database: Database,
  sessionId: string,
  rawCode: string,
  env: SignInEnvironment,
): Promise<void> {
  const e = environment(env);
  const session = await activeSession(database, sessionId, e.now);
  const code = normaliseTotpCode(rawCode);
  if (!code) throw codeProblem(rawCode);
  const attempt = await beginAttempt(database, accountKey(session.email), 'reauthentication', e);
  if (!(await acceptTotp(database, session.userId, code, e.now))) {
    await attempt.failed();
    throw new ValidationError({ code: WRONG_CODE });
  }
  await attempt.succeeded();
  await transaction(database, (tx) =>
    tx
      .updateTable('sessions')
      .set({ reauthenticated_at: e.now })
      .where('id_hash', '=', sha256(sessionId))
      .where('ended_at', 'is', null)
      .execute(),
  );
}

/** Counts as activity: the idle timeout starts again (the "Stay signed in" button). */
export async function extendSession(database: Database, sessionId: string, now: Date): Promise<void> {
  await transaction(database, (tx) =>
    tx
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id_hash', '=', sha256(sessionId))
      .where('ended_at', 'is', null)
      .execute(),
  );
}

export async function signOut(database: Database, sessionId: string, now: Date): Promise<void> {
  await transaction(database, (tx) =>
    tx
      .updateTable('sessions')
      .set({ ended_at: now, ended_reason: 'signed-out' })
      .where('id_hash', '=', sha256(sessionId))
      .where('ended_at', 'is', null)
      .execute(),
  );
}

/** Ends every open session of a user inside a transaction; returns how many. */
export async function endSessionsOf(
  tx: UsersTx,
  userId: string,
  reason: string,
  now: Date,
  exceptSessionId?: string,
): Promise<number> {
  let query = tx
    .updateTable('sessions')
    .set({ ended_at: now, ended_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (exceptSessionId) query = query.where('id_hash', '!=', sha256(exceptSessionId));
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** "Sign out everywhere": every session of the user ends, this one included. */
export async function signOutEverywhere(database: Database, userId: string, now: Date): Promise<number> {
  return transaction(database, async (tx) => {
    const ended = await endSessionsOf(tx, userId, 'signed-out-everywhere', now);
    await recordUserChange(tx, {
      userId,
      changedBy: userId,
      change: 'signed-out-everywhere',
      at: now,
      details: { sessions: ended },
    });
    return ended;
  });
}
