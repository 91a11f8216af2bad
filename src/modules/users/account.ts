import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import type { Database } from '../../db/database.ts';
import { UnauthenticatedError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { recordUserChange } from './history.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { SESSION_IDLE_SECONDS, endSessionsOf, type SignInEnvironment } from './sessions.ts';
import { transaction, usersDb } from './tables.ts';
import { accountKey, beginAttempt, realSleep } from './throttle.ts';

/** A signed-in user's own account: what they see about themselves, and changing their password. */

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * A signed-in user changes their password: the current one is required (and throttled like
 * sign-in). Their other sessions end; this one stays.
 */
export async function changePassword(
  database: Database,
  ctx: UseCaseContext,
  sessionId: string,
  input: PasswordChange,
  env: Omit<SignInEnvironment, 'now'> = {},
): Promise<void> {
  const errors: FieldErrors = {};
  const current = String(input.currentPassword ?? '');
  const next = String(input.newPassword ?? '');
  const confirm = String(input.confirmPassword ?? '');
  if (!current) errors.currentPassword = 'Enter your current password';
  if (!next) errors.newPassword = 'Enter a new password';
  else {
    const problem = passwordProblem(next);
    if (problem) errors.newPassword = problem;
    else if (next === current)
      errors.newPassword = 'Your new password must be different from your current password';
  }
  if (!errors.newPassword) {
    if (!confirm) errors.confirmPassword = 'Enter your new password again';
    else if (confirm !== next)
      errors.confirmPassword = 'The passwords do not match – enter your new password again';
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const now = ctx.now;
  const user = await usersDb(database.db)
    .selectFrom('users')
    .select(['email', 'password_hash'])
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirst();
  if (!user) throw new UnauthenticatedError();
  const attempt = await beginAttempt(database, accountKey(user.email), 'change-password', {
    now,
    sourceAddress: env.sourceAddress ?? ctx.origin.sourceAddress,
    sleep: env.sleep ?? realSleep,
  });
  if (!user.password_hash || !(await verifyPassword(user.password_hash, current))) {
    await attempt.failed();
    throw new ValidationError({ currentPassword: 'Your current password is not correct' });
  }
  await attempt.succeeded();
  const passwordHash = await hashPassword(next);
  await transaction(database, async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: now, version: sql<number>`version + 1` })
      .where('id', '=', ctx.actor.userId)
      .execute();
    const ended = await endSessionsOf(tx, ctx.actor.userId, 'password-changed', now, sessionId);
    await recordUserChange(tx, {
      userId: ctx.actor.userId,
      changedBy: ctx.actor.userId,
      change: 'password-changed',
      at: now,
      details: { otherSessionsEnded: ended },
    });
  });
}

/** What a signed-in user sees about themselves on their account page. */
export async function accountOverview(database: Database, ctx: UseCaseContext, now: Date) {
  const user = await usersDb(database.db)
    .selectFrom('users')
    .select([
      'vetting_level',
      'vetting_expires_on',
      'training_completed_on',
      'totp_enrolled_at',
      'password_changed_at',
    ])
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const [recoveryCodes, sessions] = await Promise.all([
    usersDb(database.db)
      .selectFrom('user_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', ctx.actor.userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow(),
    usersDb(database.db)
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', ctx.actor.userId)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .where('last_seen_at', '>', new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    vettingLevel: user.vetting_level,
    vettingExpiresOn: user.vetting_expires_on,
    trainingCompletedOn: user.training_completed_on,
    twoFactorSince: user.totp_enrolled_at,
    passwordChangedAt: user.password_changed_at,
    recoveryCodesLeft: Number(recoveryCodes.n),
    openSessions: Number(sessions.n),
  };
}
