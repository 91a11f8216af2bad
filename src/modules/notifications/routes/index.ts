import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { inboxApi } from './api.ts';
import { inboxPages } from './pages.ts';

/** The inbox: its pages and its API, one plugin each. */
export const notificationRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(inboxPages(web));
    await app.register(inboxApi(web));
  };
