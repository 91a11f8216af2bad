import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { Role } from '../../domain/codes.ts';
import { agenciesByIds } from '../reference/index.ts';

/**
 * Nobody sees anything without current vetting and recorded training. This is checked every time a
 * session or token is used (not only at sign-in), so a lapse takes effect at once.
 */
export type SuspensionReason = 'vetting-expired' | 'no-vetting' | 'no-training';

export const SUSPENSION_MESSAGES: Record<SuspensionReason, string> = {
  'vetting-expired':
    'Your access has been suspended because your vetting has expired – contact your administrator.',
  'no-vetting':
    'Your access has been suspended because there is no vetting recorded for you – contact your administrator.',
  'no-training':
    'Your access has been suspended because your training has not been recorded – contact your administrator.',
};

/** The same, as an administrator reads it about someone else. */
export const SUSPENSION_FOR_ADMINISTRATORS: Record<SuspensionReason, string> = {
  'vetting-expired':
    'Their access is suspended because their vetting has expired. Record their renewed vetting to restore it.',
  'no-vetting': 'Their access is suspended because no vetting is recorded for them.',
  'no-training': 'Their access is suspended because their training has not been recorded.',
};

export interface VettingFacts {
  vetting_level: string | null;
  vetting_expires_on: string | null;
  training_completed_on: string | null;
}

/** Why the user may not use Vigil today (an ISO date, Europe/London), or null. Expiry day itself still counts. */
export function suspensionOf(user: VettingFacts, today: string): SuspensionReason | null {
  if (!user.vetting_level || !user.vetting_expires_on) return 'no-vetting';
  if (user.vetting_expires_on < today) return 'vetting-expired';
  if (!user.training_completed_on) return 'no-training';
  return null;
}

export interface UserAccess {
  actor: Actor;
  suspension: SuspensionReason | null;
}

/**
 * The actor of an enabled user, with whether their access is suspended today; null if unknown or
 * disabled (or their agency is unknown). Read on every request: two indexed reads (the user with
 * their roles, then their agency).
 */
export async function loadUserAccess(db: Db | Tx, userId: string, today: string): Promise<UserAccess | null> {
  const row = await db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.agency_id',
      'u.area_code',
      'u.disabled_at',
      'u.vetting_level',
      'u.vetting_expires_on',
      'u.training_completed_on',
      sql<string[]>`ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role)`.as(
        'roles',
      ),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled_at) return null;
  const agency = (await agenciesByIds(db, [row.agency_id])).get(row.agency_id);
  if (!agency) return null;
  return {
    actor: {
      userId: row.id,
      email: row.email,
      displayName: row.display_name,
      agencyId: row.agency_id,
      agencyName: agency.name,
      agencyType: agency.type,
      areaCode: row.area_code,
      roles: textArray(row.roles) as Role[],
    },
    suspension: suspensionOf(row, today),
  };
}

/** text[] is an array from both drivers; accept the literal form too. */
export function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}
