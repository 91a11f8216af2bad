import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { retentionApi } from './api.ts';
import { retentionPages } from './pages.ts';

/** Retention and erasure: the data protection officer's pages (/retention) and API. */
export const retentionRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(retentionPages(web));
    await app.register(retentionApi(web));
  };
