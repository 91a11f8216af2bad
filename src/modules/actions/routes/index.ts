import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { actionApi } from './api.ts';
import { actionPages } from './pages.ts';

/** Actions (MAPPA.md §3 step 5): pages and API, one Fastify plugin each. */
export const actionRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(actionPages(web));
    await app.register(actionApi(web));
  };
