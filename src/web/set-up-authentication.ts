import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { enforceRouteAction } from '../access/routes.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { holdBackSession, resolveServiceToken, resumeSession } from '../modules/users/index.ts';
import { isStaticAsset } from './set-up-security-headers.ts';
import { SESSION_COOKIE } from './types.ts';

/**
 * Who is asking: a machine client by bearer token on /api/v1, a person by session cookie elsewhere.
 * Then every route's policy action is checked before its handler runs (deny by default).
 */
export async function setUpAuthentication(
  app: FastifyInstance,
  deps: { database: Database; clock: Clock; sessionIdleSeconds: number },
): Promise<void> {
  const { database, clock, sessionIdleSeconds } = deps;
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('authSession', null);

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    // Static files carry no personal data: no session lookup for them (and no reset of the idle timer).
    if (isStaticAsset(path)) return;
    // The API authenticates machine clients by bearer token only; its docs pages use the session.
    if (path.startsWith('/api/v1/')) {
      const header = request.headers.authorization;
      if (!header?.startsWith('Bearer ')) return;
      const resolved = await resolveServiceToken(database, header.slice(7).trim(), clock.now());
      if (resolved?.suspension) {
        // Checked on every request: a lapse in vetting stops a token at once, and says why.
        return reply.code(403).type('application/problem+json').send({
          type: 'about:blank',
          title: 'Access suspended',
          status: 403,
          detail:
            'The user this token acts as may not use Vigil now (vetting or training); contact your administrator',
          instance: path,
        });
      }
      request.actor = resolved?.actor ?? null;
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return;
    const session = await resumeSession(database, sessionId, {
      now: clock.now(),
      idleSeconds: sessionIdleSeconds,
      // The timeout script asking how long is left is not activity.
      touch: path !== '/session/status',
    });
    if (!session) return;
    request.sessionId = sessionId;
    request.csrfToken = session.csrfToken;
    request.authSession = session;
    if (session.status === 'active') {
      request.actor = session.actor;
      return;
    }
    // Second factor not yet proved, or access suspended: only the pages for that, whatever was asked.
    return holdBackSession(request, reply, session);
  });

  // Before the body is validated: a role that may not use a route is refused (403) whatever it sent.
  app.addHook('preValidation', enforceRouteAction);
}
