import type { Actor, UseCaseContext } from '../../access/actor.ts';
import type { Database } from '../../db/database.ts';
import type { Role } from '../../domain/codes.ts';

/**
 * The Actor of a user, read exactly as a session or service token would read it
 * (see loadActor in src/modules/users/use-cases.ts), for work done on a user's behalf outside a
 * request, such as loading demo data. Null for an unknown or disabled user.
 */
export async function actorForUser(database: Database, userId: string): Promise<Actor | null> {
  const row = await database.db
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
  const roles = await database.db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
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

/** A use-case context for work that is not a web request: no source address, a fixed request id. */
export function backgroundContext(actor: Actor, today: string, requestId: string): UseCaseContext {
  return { actor, origin: { sourceAddress: null, requestId }, today };
}
