import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors.ts';
import { POLICY, can, rolesHeld, type Action } from './policy.ts';

/**
 * Every route declares the policy action it needs (`config: { action }` on the route). A hook checks
 * it before any handler runs, so a route that forgets is refused rather than left open; record
 * scope (and an API token's areas) is then checked by the use case itself.
 */
export type RouteAction = Action | 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    action?: RouteAction;
  }
}

/** Static files carry no personal data and are served by a plugin that takes no route config. */
const STATIC_PREFIXES = ['/assets/', '/stylesheets/', '/javascripts/'];

export function routeActionOf(url: string, configured: RouteAction | undefined): RouteAction | undefined {
  if (configured) return configured;
  return STATIC_PREFIXES.some((prefix) => url.startsWith(prefix)) ? 'public' : undefined;
}

/** Methods that only read: a read-only token may use them (a GET of "my actions" uses `action.update` to read). */
const READS = ['GET', 'HEAD'];

export async function enforceRouteAction(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  // No route matched: the not-found handler answers, with nothing to authorise.
  if (request.is404) return;
  const action = routeActionOf(request.routeOptions.url ?? request.url, request.routeOptions.config?.action);
  if (action === 'public') return;
  if (!request.actor) throw new UnauthenticatedError();
  // A read-only API token writes nothing: every route that is not a read is refused it here,
  // whatever the action it names (and `authorize` refuses it every write action in the use case).
  const use = READS.includes(request.method) ? 'read' : 'write';
  if (use === 'write' && request.actor.tokenScope?.readOnly)
    throw new ForbiddenError(undefined, 'a read-only API token writes nothing');
  if (action === 'signed-in') return;
  if (!action) throw new ForbiddenError(undefined, 'the route declares no policy action');
  if (!can(request.actor, action, use))
    throw new ForbiddenError(
      undefined,
      `policy: none of the roles held (${rolesHeld(request.actor)}) may ${action}`,
    );
}

export function rolesFor(action: Action): string[] {
  return Object.keys(POLICY[action]);
}
