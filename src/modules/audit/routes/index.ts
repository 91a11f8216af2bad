import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { auditApi } from './api.ts';
import { exportPages } from './export.ts';
import { accessLogPages } from './log.ts';
import { reviewPages } from './reviews.ts';

/** The data protection officer's pages (/audit/…) and API, one Fastify plugin per resource. */
export const auditRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(accessLogPages(web));
    await app.register(reviewPages(web));
    await app.register(exportPages(web));
    await app.register(auditApi(web));
  };
