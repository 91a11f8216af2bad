import { actionRoutes } from '../modules/actions/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { justifiedAccessRoutes } from '../modules/justified-access/index.ts';
import { registerLevels } from '../modules/levels/index.ts';
import { registerMeetings } from '../modules/meetings/index.ts';
import { registerNominalApi, registerNominalPages } from '../modules/nominals/index.ts';
import { registerInbox } from '../modules/notifications/index.ts';
import { oversightRoutes } from '../modules/oversight/index.ts';
import { registerPrisonReports } from '../modules/prison-reports/index.ts';
import { registerReferenceApi } from '../modules/reference/index.ts';
import { registerReferrals } from '../modules/referrals/index.ts';
import { registerRiskManagementPlan } from '../modules/risk-management-plan/index.ts';
import { registerSearch } from '../modules/search/index.ts';
import { type OidcSettings, userRoutes } from '../modules/users/index.ts';
import { registerWorklists } from '../modules/worklists/index.ts';
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
  app.get('/health', { config: { action: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/', { config: { action: 'public' } }, async (request, reply) =>
    reply.redirect(homeFor(request.actor)),
  );
  await app.register(userRoutes(web, { now: () => web.clock.now(), ...options }));
  registerSearch(web);
  registerNominalPages(web);
  registerNominalApi(web);
  registerReferenceApi(web);
  await app.register(justifiedAccessRoutes(web));
  await app.register(oversightRoutes(web));
  await app.register(auditRoutes(web));
  registerLevels(web);
  registerWorklists(web);
  registerInbox(web);
  registerReferrals(web);
  registerMeetings(web);
  await app.register(actionRoutes(web));
  registerRiskManagementPlan(web);
  registerPrisonReports(web);
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
