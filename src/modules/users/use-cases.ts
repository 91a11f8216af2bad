import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, TokenScope, UseCaseContext } from '../../access/actor.ts';
import type { Moment } from '../../clock.ts';
import { authorize } from '../../access/policy.ts';
import type { Database, Tx } from '../../db/database.ts';
import { ROLE, isCode } from '../../domain/codes.ts';
import { isAfter, isRealDate, londonDateAt } from '../../domain/dates.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  type FieldErrors,
} from '../../domain/errors.ts';
import { loadUserAccess, suspensionOf, type SuspensionReason } from './access-status.ts';
import { recordUserChange, USER_CHANGE_LABELS, type UserChange } from './history.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { SESSION_IDLE_SECONDS, endSessionsOf, sha256, type SignInEnvironment } from './sessions.ts';
import { transaction, usersDb } from './tables.ts';
import { accountKey, beginAttempt, realSleep } from './throttle.ts';
import { isTotpSecret } from './two-factor.ts';

// Sessions and sign-in live in sessions.ts; re-exported so callers have one place to import from.
export {
  SESSION_ABSOLUTE_HOURS,
  SESSION_IDLE_MINUTES,
  SESSION_IDLE_SECONDS,
  confirmTotpEnrolment,
  extendSession,
  reauthenticate,
  resumeSession,
  signIn,
  signOut,
  signOutEverywhere,
  startTotpEnrolment,
  verifyRecoveryCodeSignIn,
  verifyTotpSignIn,
  type SessionState,
} from './sessions.ts';

/** National security vetting levels accepted for MAPPA work, lowest first. */
export const VETTING_LEVEL = [
  { code: 'NPPV2', label: 'NPPV level 2' },
  { code: 'NPPV3', label: 'NPPV level 3' },
  { code: 'SC', label: 'Security Check (SC)' },
  { code: 'DV', label: 'Developed Vetting (DV)' },
] as const;
export type VettingLevel = (typeof VETTING_LEVEL)[number]['code'];

export interface AccessFacts {
  roles: string[];
  vetting: { level: string; expiresOn: string };
  /** The date the user completed MAPPA/ViSOR training. */
  trainingCompletedOn: string;
}

export interface NewUser extends AccessFacts {
  email: string;
  displayName: string;
  agencyId: string;
  password: string;
}

/** Roles, vetting and training: checked the same way when a user is added and when they are changed. */
function accessFactsProblems(input: Partial<AccessFacts>, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const roles = Array.isArray(input.roles) ? input.roles : [];
  if (!roles.length) errors.roles = 'Select at least one role';
  const badRole = roles.find((r) => !isCode(ROLE, r));
  if (badRole) errors.roles = `Unknown role "${badRole}" – roles are: ${ROLE.map((r) => r.code).join(', ')}`;
  const level = String(input.vetting?.level ?? '').trim();
  if (!level) errors.vettingLevel = 'Select the vetting level';
  else if (!VETTING_LEVEL.some((v) => v.code === level))
    errors.vettingLevel = `Vetting level must be one of ${VETTING_LEVEL.map((v) => v.code).join(', ')}`;
  const expiresOn = String(input.vetting?.expiresOn ?? '').trim();
  if (!expiresOn) errors.vettingExpiresOn = 'Enter the date the vetting expires';
  else if (!isRealDate(expiresOn)) errors.vettingExpiresOn = 'Vetting expiry date must be a real date';
  const trained = String(input.trainingCompletedOn ?? '').trim();
  if (!trained) errors.trainingCompletedOn = 'Enter the date training was completed';
  else if (!isRealDate(trained)) errors.trainingCompletedOn = 'Training date must be a real date';
  else if (isAfter(trained, today)) errors.trainingCompletedOn = 'Training date must be today or in the past';
  return errors;
}

/**
 * Validates and stores a user. `by` is an administrator's context, or only a moment of the clock for
 * the command line (the first administrator) and tooling.
 */
export async function createUser(database: Database, by: UseCaseContext | Moment, input: NewUser) {
  const createdBy = 'actor' in by ? by : null;
  if (createdBy) authorize(createdBy.actor, 'user.manage');
  const { today, now } = by;
  const errors: FieldErrors = {};
  const email = input.email?.trim() ?? '';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 254)
    errors.email = 'Enter an email address in the correct format, like name@example.gov.uk';
  if (!input.displayName?.trim()) errors.displayName = 'Enter the person’s full name';
  else if (input.displayName.length > 200) errors.displayName = 'Full name must be 200 characters or fewer';
  if (!input.agencyId) errors.agencyId = 'Select an agency from the list';
  Object.assign(errors, accessFactsProblems(input, today));
  const passwordError = passwordProblem(input.password ?? '');
  if (passwordError) errors.password = passwordError;
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const passwordHash = await hashPassword(input.password);
  return transaction(database, async (tx) => {
    const agency = await tx
      .selectFrom('agencies')
      .select(['id', 'area_code'])
      .where(
        'id',
        '=',
        /^[0-9a-f-]{36}$/i.test(input.agencyId) ? input.agencyId : '00000000-0000-0000-0000-000000000000',
      )
      .executeTakeFirst();
    // An administrator adds people to agencies of their own area only.
    if (!agency || (createdBy && agency.area_code !== createdBy.actor.areaCode))
      throw new ValidationError({ agencyId: 'Select an agency from the list' });
    const taken = await tx
      .selectFrom('users')
      .select('id')
      .where(sql<boolean>`lower(email) = lower(${email})`)
      .executeTakeFirst();
    if (taken) throw new ValidationError({ email: 'A user with this email address already exists' });
    const user = await tx
      .insertInto('users')
      .values({
        created_at: now,
        email,
        display_name: input.displayName.trim(),
        agency_id: agency.id,
        area_code: agency.area_code,
        password_hash: passwordHash,
        created_by: createdBy?.actor.userId ?? null,
        vetting_level: input.vetting.level.trim(),
        vetting_expires_on: input.vetting.expiresOn.trim(),
        training_completed_on: input.trainingCompletedOn.trim(),
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const roles = [...new Set(input.roles)].sort();
    await tx
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: user.id, role })))
      .execute();
    await recordUserChange(tx, {
      userId: user.id,
      changedBy: createdBy?.actor.userId ?? null,
      change: 'created',
      at: now,
      details: {
        roles,
        vettingLevel: input.vetting.level.trim(),
        vettingExpiresOn: input.vetting.expiresOn.trim(),
        trainingCompletedOn: input.trainingCompletedOn.trim(),
      },
    });
    return { id: user.id, email };
  });
}

/** A user of the administrator's own area, or NotFound (others' users are not theirs to see). */
async function userInArea(database: Database, ctx: UseCaseContext, userId: string) {
  authorize(ctx.actor, 'user.manage');
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new NotFoundError();
  const user = await usersDb(database.db)
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where('area_code', '=', ctx.actor.areaCode)
    .executeTakeFirst();
  if (!user) throw new NotFoundError();
  return user;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  agencyName: string;
  roles: string[];
  disabled: boolean;
  vettingLevel: string | null;
  vettingExpiresOn: string | null;
  trainingCompletedOn: string | null;
  twoFactor: boolean;
  /** Why they cannot use Vigil today, if they cannot. */
  status: 'active' | 'disabled' | SuspensionReason;
}

/** The users of the administrator's area, by name. */
export async function listUsers(database: Database, ctx: UseCaseContext): Promise<UserSummary[]> {
  authorize(ctx.actor, 'user.manage');
  const rows = await usersDb(database.db)
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.disabled_at',
      'u.vetting_level',
      'u.vetting_expires_on',
      'u.training_completed_on',
      'u.totp_secret',
      'a.name as agency_name',
      sql<string[]>`ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role)`.as(
        'roles',
      ),
    ])
    .where('u.area_code', '=', ctx.actor.areaCode)
    .orderBy('u.display_name')
    .orderBy('u.email')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    agencyName: r.agency_name,
    roles: textArray(r.roles),
    disabled: Boolean(r.disabled_at),
    vettingLevel: r.vetting_level,
    vettingExpiresOn: r.vetting_expires_on,
    trainingCompletedOn: r.training_completed_on,
    twoFactor: Boolean(r.totp_secret),
    status: r.disabled_at ? 'disabled' : (suspensionOf(r, ctx.today) ?? 'active'),
  }));
}

/** text[] is an array from both drivers; accept the literal form too. */
function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}

export interface ServiceTokenSummary {
  id: string;
  name: string;
  readOnly: boolean;
  areaCodes: string[] | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  active: boolean;
}

export async function listServiceTokens(
  database: Database,
  userId: string,
  now: Date,
): Promise<ServiceTokenSummary[]> {
  const rows = await usersDb(database.db)
    .selectFrom('service_accounts')
    .select(['id', 'name', 'read_only', 'area_codes', 'created_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    readOnly: r.read_only,
    areaCodes: r.area_codes ? textArray(r.area_codes) : null,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    active: !r.revoked_at && (!r.expires_at || new Date(r.expires_at) > now),
  }));
}

/** One user of the administrator's area, with their tokens, open sessions and history. */
export async function getUserForAdmin(database: Database, ctx: UseCaseContext, userId: string, now: Date) {
  const user = await userInArea(database, ctx, userId);
  const db = usersDb(database.db);
  const [agency, roles, openSessions, changes, tokens] = await Promise.all([
    db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .where('id', '=', user.agency_id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute(),
    db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .where('last_seen_at', '>', new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('user_changes as c')
      .leftJoin('users as by', 'by.id', 'c.changed_by')
      .select(['c.id', 'c.change', 'c.changed_at', 'c.details', 'by.display_name as changed_by_name'])
      .where('c.user_id', '=', userId)
      .orderBy('c.changed_at', 'desc')
      .limit(50)
      .execute(),
    listServiceTokens(database, userId, now),
  ]);
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    agencyId: agency.id,
    agencyName: agency.name,
    roles: roles.map((r) => r.role),
    disabled: Boolean(user.disabled_at),
    vettingLevel: user.vetting_level,
    vettingExpiresOn: user.vetting_expires_on,
    trainingCompletedOn: user.training_completed_on,
    twoFactor: Boolean(user.totp_secret),
    version: user.version,
    status: user.disabled_at ? ('disabled' as const) : (suspensionOf(user, ctx.today) ?? ('active' as const)),
    openSessions: Number(openSessions.n),
    tokens,
    changes: changes.map((c) => ({
      id: c.id,
      change: c.change,
      label: USER_CHANGE_LABELS[c.change as UserChange] ?? c.change,
      at: c.changed_at,
      by: c.changed_by_name ?? 'Command line',
      details: c.details,
    })),
  };
}

/** Changes a user's roles, vetting and training; the version seen on the form must still be current. */
export async function updateUserAccess(
  database: Database,
  ctx: UseCaseContext,
  userId: string,
  input: AccessFacts & { version: number },
): Promise<void> {
  const before = await userInArea(database, ctx, userId);
  const errors = accessFactsProblems(input, ctx.today);
  const roles = [...new Set(Array.isArray(input.roles) ? input.roles : [])].sort();
  // An administrator cannot lock the area out of its own administration by accident.
  if (userId === ctx.actor.userId && !errors.roles && !roles.includes('admin'))
    errors.roles = 'You cannot remove your own administrator role – ask another administrator';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const now = ctx.now;
  await transaction(database, async (tx) => {
    const previousRoles = (
      await tx.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute()
    ).map((r) => r.role);
    const updated = await tx
      .updateTable('users')
      .set({
        vetting_level: input.vetting.level.trim(),
        vetting_expires_on: input.vetting.expiresOn.trim(),
        training_completed_on: input.trainingCompletedOn.trim(),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', userId)
      .where('version', '=', Number(input.version))
      .executeTakeFirst();
    if (!Number(updated.numUpdatedRows))
      throw new ConflictError(
        'Someone else changed this user while you were editing. Open the user again to see their changes, then make yours if they are still needed.',
      );
    await tx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    await tx
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
    await recordUserChange(tx, {
      userId,
      changedBy: ctx.actor.userId,
      change: 'updated',
      at: now,
      details: {
        before: {
          roles: previousRoles,
          vettingLevel: before.vetting_level,
          vettingExpiresOn: before.vetting_expires_on,
          trainingCompletedOn: before.training_completed_on,
        },
        after: {
          roles,
          vettingLevel: input.vetting.level.trim(),
          vettingExpiresOn: input.vetting.expiresOn.trim(),
          trainingCompletedOn: input.trainingCompletedOn.trim(),
        },
      },
    });
  });
}

/** Disabling takes effect at once: every session ends, and tokens stop working (checked on each use). */
export async function disableUser(database: Database, ctx: UseCaseContext, userId: string): Promise<void> {
  const user = await userInArea(database, ctx, userId);
  if (userId === ctx.actor.userId) throw new ForbiddenError('You cannot disable your own account');
  if (user.disabled_at) return;
  const now = ctx.now;
  await transaction(database, async (tx) => {
    await tx
      .updateTable('users')
      .set({ disabled_at: now, version: sql<number>`version + 1` })
      .where('id', '=', userId)
      .execute();
    const ended = await endSessionsOf(tx, userId, 'user-disabled', now);
    await recordUserChange(tx, {
      userId,
      changedBy: ctx.actor.userId,
      change: 'disabled',
      at: now,
      details: { sessions: ended },
    });
  });
}

export async function enableUser(database: Database, ctx: UseCaseContext, userId: string): Promise<void> {
  const user = await userInArea(database, ctx, userId);
  if (!user.disabled_at) return;
  const now = ctx.now;
  await transaction(database, async (tx) => {
    await tx
      .updateTable('users')
      .set({ disabled_at: null, version: sql<number>`version + 1` })
      .where('id', '=', userId)
      .execute();
    await recordUserChange(tx, { userId, changedBy: ctx.actor.userId, change: 'enabled', at: now });
  });
}

/** An administrator ends all of a user's sessions (a lost laptop, a shared screen). */
export async function endUserSessions(
  database: Database,
  ctx: UseCaseContext,
  userId: string,
): Promise<number> {
  await userInArea(database, ctx, userId);
  const now = ctx.now;
  return transaction(database, async (tx) => {
    const ended = await endSessionsOf(tx, userId, 'ended-by-administrator', now);
    await recordUserChange(tx, {
      userId,
      changedBy: ctx.actor.userId,
      change: 'sessions-ended',
      at: now,
      details: { sessions: ended },
    });
    return ended;
  });
}

/**
 * For a lost authenticator: the user sets up a new one at their next sign-in. Their sessions end
 * and their recovery codes stop working.
 */
export async function resetTwoFactor(
  database: Database,
  by: UseCaseContext | Moment,
  userId: string,
): Promise<void> {
  const ctx = 'actor' in by ? by : null;
  if (ctx) await userInArea(database, ctx, userId);
  const now = by.now;
  await transaction(database, async (tx) => {
    await tx
      .updateTable('users')
      .set({ totp_secret: null, totp_enrolled_at: null, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await tx.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
    const ended = await endSessionsOf(tx, userId, 'two-factor-reset', now);
    await recordUserChange(tx, {
      userId,
      changedBy: ctx?.actor.userId ?? null,
      change: 'two-factor-reset',
      at: now,
      details: { sessions: ended },
    });
  });
}

/**
 * Gives a user a known TOTP secret (base32), without the enrolment pages: for the demo dataset and
 * tests, whose users must sign in with codes computed from a secret they were told. Never offered
 * on a page: a real user's secret is made on their enrolment page and never leaves it.
 */
export async function setTotpSecret(
  database: Database,
  userId: string,
  secret: string,
  options: { changedBy?: string | null; now: Date },
): Promise<void> {
  if (!isTotpSecret(secret))
    throw new ValidationError({ secret: 'A TOTP secret is at least 16 base32 characters (A–Z, 2–7)' });
  const now = options.now;
  await transaction(database, async (tx) => {
    await tx
      .updateTable('users')
      .set({ totp_secret: secret, totp_enrolled_at: now, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await recordUserChange(tx, {
      userId,
      changedBy: options.changedBy ?? null,
      change: 'two-factor-set-up',
      at: now,
    });
  });
}

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

// --- API tokens -------------------------------------------------------------------------------

export interface TokenScopeInput {
  /** Read-only unless said otherwise. */
  readOnly?: boolean;
  /** Narrow the token to these areas (within what the user may see); null or empty = the user's own scope. */
  areaCodes?: string[] | null;
}

/** Issues a bearer token for a machine client; only its hash is kept, so it is shown once. */
export async function createServiceToken(
  database: Database,
  moment: Moment,
  userId: string,
  name: string,
  expiresAt: Date | null,
  scope: TokenScopeInput = {},
  createdBy: string | null = null,
): Promise<string> {
  const errors: FieldErrors = {};
  if (!name?.trim()) errors.name = 'Give the token a name that says what it is for';
  else if (name.length > 200) errors.name = 'Token name must be 200 characters or fewer';
  const areaCodes = [...new Set((scope.areaCodes ?? []).map((a) => a.trim().toUpperCase()).filter(Boolean))];
  if (areaCodes.length) {
    const known = await database.db
      .selectFrom('areas')
      .select('code')
      .where('code', 'in', areaCodes)
      .execute();
    const unknown = areaCodes.filter((a) => !known.some((k) => k.code === a));
    if (unknown.length)
      errors.areas = `Unknown area code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const token = `vgl_${randomBytes(32).toString('base64url')}`;
  const readOnly = scope.readOnly ?? true;
  await transaction(database, async (tx) => {
    const row = await tx
      .insertInto('service_accounts')
      .values({
        created_at: moment.now,
        name: name.trim(),
        user_id: userId,
        token_hash: sha256(token),
        expires_at: expiresAt,
        read_only: readOnly,
        area_codes: areaCodes.length ? areaCodes : null,
        created_by: createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordUserChange(tx, {
      userId,
      changedBy: createdBy,
      change: 'token-created',
      at: moment.now,
      details: {
        tokenId: row.id,
        name: name.trim(),
        readOnly,
        areaCodes: areaCodes.length ? areaCodes : null,
      },
    });
  });
  return token;
}

export type ResolvedToken = { actor: Actor; suspension: SuspensionReason | null };

/**
 * Resolves a bearer token to its user's actor with the token's scope. Checked on every request, so
 * revoking, expiry, disabling the user or a lapse in their vetting stop it at once.
 */
export async function resolveServiceToken(
  database: Database,
  token: string,
  now: Date,
): Promise<ResolvedToken | null> {
  const account = await usersDb(database.db)
    .selectFrom('service_accounts')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!account || account.revoked_at || (account.expires_at && now > new Date(account.expires_at)))
    return null;
  const access = await loadUserAccess(usersDb(database.db), account.user_id, londonDateAt(now.getTime()));
  if (!access) return null;
  const tokenScope: TokenScope = {
    readOnly: account.read_only,
    areaCodes: account.area_codes ? textArray(account.area_codes) : null,
  };
  return {
    actor: { ...access.actor, serviceAccountId: account.id, tokenScope },
    suspension: access.suspension,
  };
}

/** The token's actor, or null when the token (or its user) may not be used now. */
export async function actorForToken(database: Database, token: string, now: Date): Promise<Actor | null> {
  const resolved = await resolveServiceToken(database, token, now);
  return resolved && !resolved.suspension ? resolved.actor : null;
}

/** Revokes a token: by an administrator of the token user's area, or from the command line (null). */
export async function revokeServiceToken(
  database: Database,
  moment: UseCaseContext | Moment,
  tokenId: string,
): Promise<{ id: string; name: string; userId: string }> {
  const by = 'actor' in moment ? moment : null;
  if (by) authorize(by.actor, 'user.manage');
  if (!/^[0-9a-f-]{36}$/i.test(tokenId)) throw new NotFoundError('No API token has this id');
  const token = await usersDb(database.db)
    .selectFrom('service_accounts as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.name', 't.user_id', 't.revoked_at', 'u.area_code'])
    .where('t.id', '=', tokenId)
    .executeTakeFirst();
  if (!token || (by && token.area_code !== by.actor.areaCode))
    throw new NotFoundError('No API token has this id');
  if (!token.revoked_at) {
    const now = moment.now;
    await transaction(database, async (tx) => {
      await tx
        .updateTable('service_accounts')
        .set({ revoked_at: now, revoked_by: by?.actor.userId ?? null })
        .where('id', '=', tokenId)
        .where('revoked_at', 'is', null)
        .execute();
      await recordUserChange(tx, {
        userId: token.user_id,
        changedBy: by?.actor.userId ?? null,
        change: 'token-revoked',
        at: now,
        details: { tokenId, name: token.name },
      });
    });
  }
  return { id: token.id, name: token.name, userId: token.user_id };
}

export async function findUserByEmail(database: Database, email: string) {
  return database.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .executeTakeFirst();
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

/** The agencies an administrator may add people to: those of their own area. */
export async function agenciesOfArea(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'user.manage');
  return database.db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('area_code', '=', ctx.actor.areaCode)
    .orderBy('name')
    .execute();
}

/**
 * Users not disabled who hold one of `roles`, in an area or in the given agencies: who is told,
 * who may chair, who may approve. Each user once, by name.
 */
export async function activeUsersWithRole(
  tx: Tx,
  roles: string | readonly string[],
  where: { areaCode: string } | { agencyIds: readonly string[] },
): Promise<{ id: string; name: string; agencyId: string }[]> {
  if ('agencyIds' in where && where.agencyIds.length === 0) return [];
  return tx
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name as name', 'u.agency_id as agencyId'])
    .where((eb) =>
      'areaCode' in where ? eb('u.area_code', '=', where.areaCode) : eb('u.agency_id', 'in', where.agencyIds),
    )
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', 'in', typeof roles === 'string' ? [roles] : roles),
      ),
    )
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}
