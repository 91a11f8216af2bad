import { actionRoutes } from '../modules/actions/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { retentionRoutes } from '../modules/retention/index.ts';
import { justifiedAccessRoutes } from '../modules/justified-access/index.ts';
import { levelRoutes } from '../modules/levels/index.ts';
import { meetingRoutes } from '../modules/meetings/index.ts';
import { nominalRoutes } from '../modules/nominals/index.ts';
import { notificationRoutes } from '../modules/notifications/index.ts';
import { oversightRoutes } from '../modules/oversight/index.ts';
import { prisonReportRoutes } from '../modules/prison-reports/index.ts';
import { custodyRoutes } from '../modules/custody/index.ts';
import { referenceRoutes } from '../modules/reference/index.ts';
import { referralRoutes } from '../modules/referrals/index.ts';
import { riskManagementPlanRoutes } from '../modules/risk-management-plan/index.ts';
import { searchRoutes } from '../modules/search/index.ts';
import { startRoutes } from '../modules/start/index.ts';
import { type OidcSettings, userRoutes } from '../modules/users/index.ts';
import { worklistRoutes } from '../modules/worklists/index.ts';
import { homeFor } from './set-up-rendering.ts';
import type { Web } from './types.ts';

/**
 * Every capability's routes, each a Fastify plugin; then the API (served and documented from the one
 * table the plugins filled) and its docs, registered last so that every API route is in the table.
 */
export async function registerRoutes(
  web: Web,
  options: {
    sessionIdleSeconds: number;
    sleep?: ((ms: number) => Promise<void>) | undefined;
    oidc?: OidcSettings | undefined;
  },
): Promise<void> {
  const { app } = web;
  // Liveness: the process answers. Readiness: it can reach its database now (load balancers use it).
  app.get('/health', { config: { action: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: { action: 'public' } }, async (_request, reply) => {
    try {
      await web.database.ping();
      return { status: 'ready', database: 'ok' };
    } catch {
      return reply
        .code(503)
        .header('Retry-After', '5')
        .send({ status: 'unavailable', database: 'unreachable' });
    }
  });
  app.get('/', { config: { action: 'public' } }, async (request, reply) =>
    reply.redirect(homeFor(request.actor)),
  );
  await app.register(userRoutes(web, options));
  await app.register(searchRoutes(web));
  await app.register(nominalRoutes(web));
  await app.register(referenceRoutes(web));
  await app.register(justifiedAccessRoutes(web));
  await app.register(oversightRoutes(web));
  await app.register(auditRoutes(web));
  await app.register(retentionRoutes(web));
  await app.register(levelRoutes(web));
  await app.register(worklistRoutes(web));
  await app.register(startRoutes(web));
  await app.register(notificationRoutes(web));
  await app.register(referralRoutes(web));
  await app.register(meetingRoutes(web));
  await app.register(actionRoutes(web));
  await app.register(riskManagementPlanRoutes(web));
  await app.register(prisonReportRoutes(web));
  await app.register(custodyRoutes(web));
  await app.register(async () => {
    web.api.register(app);
    registerApiDocs(web);
  });
}

function registerApiDocs(web: Web) {
  const document = web.api.openApiDocument();
  web.app.get('/api/openapi.json', { config: { action: 'public' } }, async () => document);
  web.app.get('/api/docs', { config: { action: 'public' } }, async (_request, reply) =>
    reply.render('api-docs.njk', { title: 'API documentation', document }),
  );
}
