import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { prisonReportApi } from './api.ts';
import { prisonReportPages } from './pages.ts';

/** The prison report (MAPPA F, MAPPA.md §3 step 9): pages and API, one Fastify plugin each. */
export const prisonReportRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(prisonReportPages(web));
    await app.register(prisonReportApi(web));
  };
