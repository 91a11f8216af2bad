import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { startApi } from './api.ts';
import { startPages } from './pages.ts';

/** The start page (issue 13: "what needs me today") and its API summary, one Fastify plugin each. */
export const startRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(startPages(web));
    await app.register(startApi(web));
  };
