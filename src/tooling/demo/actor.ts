import type { Actor, UseCaseContext } from '../../access/actor.ts';
import type { Moment } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { loadUserAccess } from '../../modules/users/index.ts';

/**
 * The Actor of a user, read exactly as a session or token would read it, for work done on a user's
 * behalf outside a request (loading demo data). Null for an unknown or disabled user.
 */
export async function actorForUser(database: Database, userId: string, today: string): Promise<Actor | null> {
  return (await loadUserAccess(database.db, userId, today))?.actor ?? null;
}

/** A use-case context for work that is not a web request: no source address, a fixed request id. */
export function backgroundContext(actor: Actor, moment: Moment, requestId: string): UseCaseContext {
  return { actor, origin: { sourceAddress: null, requestId }, ...moment };
}
