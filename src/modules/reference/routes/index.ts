import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { referenceApi } from './api.ts';

/** Reference data has no pages of its own: its API is one plugin. */
export const referenceRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(referenceApi(web));
  };
