import { randomBytes } from 'node:crypto';
import type { Actor, TokenScope, UseCaseContext } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import type { Moment } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { londonDateAt } from '../../domain/dates.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { areasByCodes } from '../reference/index.ts';
import { loadUserAccess, textArray, type SuspensionReason } from './access-status.ts';
import { recordUserChange } from './history.ts';
import { sha256 } from './sessions.ts';
import { transaction, usersDb } from './tables.ts';

/**
 * API tokens for machine clients: issued to a user (narrowed to read-only or to some areas), kept
 * only as a hash, resolved to the user's actor on every request, revoked by an administrator of the
 * user's area or from the command line.
 */

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

export interface TokenScopeInput {
  /** Read-only unless said otherwise. */
  readOnly?: boolean;
  /** Narrow the token to these areas (within what the user may see); null or empty = the user's own scope. */
  areaCodes?: string[] | null;
}

/**
 * When a token issued now for `days` days expires (the command line's --expires-days and the
 * administrator's form): a whole number of days from 1 to 366, else a field error `expiresDays`.
 */
export function tokenExpiry(moment: Moment, days: string): Date {
  const n = Number(days.trim());
  if (!/^\d+$/.test(days.trim()) || n < 1 || n > 366)
    throw new ValidationError({ expiresDays: 'Enter the number of days until it expires, from 1 to 366' });
  return new Date(moment.now.getTime() + n * 86_400_000);
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
    const known = await areasByCodes(database.db, areaCodes);
    const unknown = areaCodes.filter((a) => !known.has(a));
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
  const access = await loadUserAccess(database.db, account.user_id, londonDateAt(now.getTime()));
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
