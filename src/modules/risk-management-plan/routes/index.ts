import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { planApi } from './api.ts';
import { planPages } from './pages.ts';

/** The risk management plan (MAPPA.md §3 step 5): pages and API, one Fastify plugin each. */
export const riskManagementPlanRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(planPages(web));
    await app.register(planApi(web));
  };
