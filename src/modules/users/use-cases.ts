import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, UseCaseContext } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import type { Database, Tx } from '../../db/database.ts';
import { ROLE, isCode, type Role } from '../../domain/codes.ts';
import { UnauthenticatedError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { decoy, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

export const SESSION_IDLE_MINUTES = 15;
export const SESSION_ABSOLUTE_HOURS = 12;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface NewUser {
  email: string;
  displayName: string;
  agencyId: string;
  roles: string[];
  password: string;
}

/** Validates and stores a user; `createdBy` is null only for the first administrator made from the CLI. */
export async function createUser(database: Database, createdBy: UseCaseContext | null, input: NewUser) {
  if (createdBy) authorize(createdBy.actor, 'user.manage');
  const errors: FieldErrors = {};
  const email = input.email?.trim() ?? '';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 254)
    errors.email = 'Enter an email address in the correct format, like name@example.gov.uk';
  if (!input.displayName?.trim()) errors.displayName = 'Enter the person’s full name';
  else if (input.displayName.length > 200) errors.displayName = 'Full name must be 200 characters or fewer';
  if (!input.roles?.length) errors.roles = 'Select at least one role';
  const badRole = input.roles?.find((r) => !isCode(ROLE, r));
  if (badRole) errors.roles = `Unknown role "${badRole}" – roles are: ${ROLE.map((r) => r.code).join(', ')}`;
  const passwordError = passwordProblem(input.password ?? '');
  if (passwordError) errors.password = passwordError;
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const passwordHash = await hashPassword(input.password);
  return database.transaction(async (tx) => {
    const agency = await tx
      .selectFrom('agencies')
      .select(['id', 'area_code'])
      .where('id', '=', input.agencyId)
      .executeTakeFirst();
    if (!agency) throw new ValidationError({ agencyId: 'Select an agency from the list' });
    const taken = await tx
      .selectFrom('users')
      .select('id')
      .where(sql<boolean>`lower(email) = lower(${email})`)
      .executeTakeFirst();
    if (taken) throw new ValidationError({ email: 'A user with this email address already exists' });
    const user = await tx
      .insertInto('users')
      .values({
        email,
        display_name: input.displayName.trim(),
        agency_id: agency.id,
        area_code: agency.area_code,
        password_hash: passwordHash,
        created_by: createdBy?.actor.userId ?? null,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('user_roles')
      .values([...new Set(input.roles)].map((role) => ({ user_id: user.id, role })))
      .execute();
    return { id: user.id, email };
  });
}

async function loadActor(tx: Tx | Database['db'], userId: string): Promise<Actor | null> {
  const row = await tx
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.agency_id',
      'u.area_code',
      'u.disabled_at',
      'a.name as agency_name',
      'a.type as agency_type',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled_at) return null;
  const roles = await tx.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    agencyType: row.agency_type,
    areaCode: row.area_code,
    roles: roles.map((r) => r.role as Role),
  };
}

/** Checks a password; the answer and its timing are the same whether or not the account exists. */
export async function signIn(database: Database, email: string, password: string) {
  const user = await database.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at'])
    .where(sql<boolean>`lower(email) = lower(${email.trim()})`)
    .executeTakeFirst();
  const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : await decoy(password);
  if (!user || !ok || user.disabled_at)
    throw new UnauthenticatedError('Enter a correct email address and password');
  // A new id at every sign-in: a session id known before sign-in is worth nothing after it.
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await database.transaction((tx) =>
    tx
      .insertInto('sessions')
      .values({
        id_hash: sha256(sessionId),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + SESSION_ABSOLUTE_HOURS * 3600_000),
      })
      .execute(),
  );
  return { sessionId, userId: user.id };
}

export interface Session {
  actor: Actor;
  csrfToken: string;
  idleExpiresAt: Date;
}

/** Resolves a session cookie; idle and absolute timeouts end it. Touching it extends the idle timeout. */
export async function resumeSession(
  database: Database,
  sessionId: string,
  now = new Date(),
): Promise<Session | null> {
  const hashed = sha256(sessionId);
  const session = await database.db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', hashed)
    .executeTakeFirst();
  if (!session || session.ended_at) return null;
  const idleLimit = new Date(new Date(session.last_seen_at).getTime() + SESSION_IDLE_MINUTES * 60_000);
  if (now > new Date(session.expires_at) || now > idleLimit) return null;
  const actor = await loadActor(database.db, session.user_id);
  if (!actor) return null;
  // Only write when it matters, so reads are not turned into writes on every request.
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 30_000) {
    await database.transaction((tx) =>
      tx.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', hashed).execute(),
    );
  }
  return {
    actor,
    csrfToken: session.csrf_token,
    idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000),
  };
}

export async function signOut(database: Database, sessionId: string): Promise<void> {
  await database.transaction((tx) =>
    tx
      .updateTable('sessions')
      .set({ ended_at: new Date() })
      .where('id_hash', '=', sha256(sessionId))
      .execute(),
  );
}

/** Issues a bearer token for a machine client; only its hash is kept, so it is shown once. */
export async function createServiceToken(
  database: Database,
  userId: string,
  name: string,
  expiresAt: Date | null,
) {
  const token = `vgl_${randomBytes(32).toString('base64url')}`;
  await database.transaction((tx) =>
    tx
      .insertInto('service_accounts')
      .values({ name, user_id: userId, token_hash: sha256(token), expires_at: expiresAt })
      .execute(),
  );
  return token;
}

export async function actorForToken(
  database: Database,
  token: string,
  now = new Date(),
): Promise<Actor | null> {
  const account = await database.db
    .selectFrom('service_accounts')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!account || account.revoked_at || (account.expires_at && now > new Date(account.expires_at)))
    return null;
  const actor = await loadActor(database.db, account.user_id);
  return actor && { ...actor, serviceAccountId: account.id };
}

export async function findUserByEmail(database: Database, email: string) {
  return database.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .executeTakeFirst();
}
