import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { Actor, UseCaseContext } from '../access/actor.ts';
import type { RouteAction } from '../access/routes.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { ApiRegistry, ApiRouteEntry } from './api.ts';

/**
 * What every route plugin receives, and what Fastify's request and reply carry. Routes import these
 * types from here, never from web/app.ts, so the app (which imports every route) is not imported back.
 */

/** The session cookie: `__Host-` so it is Secure, host-only and path `/`. */
export const SESSION_COOKIE = '__Host-vigil-session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    cspNonce: string;
    /** Why a request was refused with 403, for the access log (set where it is refused). */
    refusal: string | null;
    /** Unread inbox notifications, for the header (pages only). */
    unreadNotifications: number | null;
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>): FastifyReply;
  }
  interface FastifyInstance {
    /**
     * Every route served, with its policy action and the schemas Fastify validates it with, so tests
     * can check each is documented, covered and enforced as documented.
     */
    routeTable: {
      method: string;
      url: string;
      action: RouteAction | undefined;
      schema: FastifySchema | undefined;
    }[];
    /** The API route table (web/api.ts), so tests can compare what is enforced with what is documented. */
    apiRoutes: readonly ApiRouteEntry[];
  }
}

/** The app as routes see it: where to register, the API route table, the database and the clock. */
export interface Web {
  app: FastifyInstance;
  api: ApiRegistry;
  database: Database;
  clock: Clock;
  /** The use-case context of a signed-in request (throws UnauthenticatedError otherwise). */
  context(request: FastifyRequest): UseCaseContext;
}
