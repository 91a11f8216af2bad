import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { oversightApi } from './api.ts';
import { oversightPages } from './pages.ts';

/** Oversight (MAPPA.md §3 step 16): the population page and its API, one Fastify plugin each. */
export const oversightRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(oversightPages(web));
    await app.register(oversightApi(web));
  };
