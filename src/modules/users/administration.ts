import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import type { Moment } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { ROLE, isCode } from '../../domain/codes.ts';
import { isAfter, isRealDate } from '../../domain/dates.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type FieldErrors,
} from '../../domain/errors.ts';
import { agenciesByIds, agenciesInArea } from '../reference/index.ts';
import { suspensionOf, textArray, type SuspensionReason } from './access-status.ts';
import { recordUserChange, USER_CHANGE_LABELS, type UserChange } from './history.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { SESSION_IDLE_SECONDS, endSessionsOf } from './sessions.ts';
import { seal } from './secrets.ts';
import { transaction, usersDb } from './tables.ts';
import { listServiceTokens } from './tokens.ts';
import { isTotpSecret } from './two-factor.ts';

/**
 * User administration (policy action `user.manage`): an administrator adds the people of their own
 * area's agencies, changes their roles, vetting and training, and disables them, ends their
 * sessions or resets their second factor. Every change is recorded in `user_changes`.
 */

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
  return transaction(database, async (tx, shared) => {
    const agencyId = /^[0-9a-f-]{36}$/i.test(input.agencyId)
      ? input.agencyId
      : '00000000-0000-0000-0000-000000000000';
    const agency = (await agenciesByIds(shared, [agencyId])).get(agencyId);
    // An administrator adds people to agencies of their own area only.
    if (!agency || (createdBy && agency.areaCode !== createdBy.actor.areaCode))
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
        area_code: agency.areaCode,
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
  const users = await usersDb(database.db)
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.agency_id',
      'u.disabled_at',
      'u.vetting_level',
      'u.vetting_expires_on',
      'u.training_completed_on',
      'u.totp_secret',
      sql<string[]>`ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role)`.as(
        'roles',
      ),
    ])
    .where('u.area_code', '=', ctx.actor.areaCode)
    .orderBy('u.display_name')
    .orderBy('u.email')
    .execute();
  const agencies = await agenciesByIds(
    database.db,
    users.map((u) => u.agency_id),
  );
  // As the join this replaces: a user whose agency cannot be found is not listed.
  const rows = users.flatMap((u) => {
    const agency = agencies.get(u.agency_id);
    return agency ? [{ ...u, agency_name: agency.name }] : [];
  });
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

/** One user of the administrator's area, with their tokens, open sessions and history. */
export async function getUserForAdmin(database: Database, ctx: UseCaseContext, userId: string, now: Date) {
  const user = await userInArea(database, ctx, userId);
  const db = usersDb(database.db);
  const [agencies, roles, openSessions, changes, tokens] = await Promise.all([
    agenciesByIds(database.db, [user.agency_id]),
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
  const agency = agencies.get(user.agency_id);
  if (!agency) throw new Error(`The agency of user ${user.id} is not known`);
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
      .set({ totp_secret: seal(secret), totp_enrolled_at: now, totp_last_step: null })
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

/** The agencies an administrator may add people to: those of their own area. */
export async function agenciesOfArea(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'user.manage');
  return agenciesInArea(database.db, ctx.actor.areaCode);
}
