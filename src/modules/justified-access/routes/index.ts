import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { justifiedAccessApi } from './api.ts';
import { justifiedAccessPages } from './pages.ts';

/** Justified access: pages and API, one Fastify plugin each. */
export const justifiedAccessRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(justifiedAccessPages(web));
    await app.register(justifiedAccessApi(web));
  };
