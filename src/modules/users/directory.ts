import { sql } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';

/** Finding users: by email address (the command line, the demo), and by role (who is told, who may chair). */

export async function findUserByEmail(database: Database, email: string) {
  return database.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .executeTakeFirst();
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
