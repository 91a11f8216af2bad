import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { searchApi } from './api.ts';
import { searchPages } from './pages.ts';

/** Finding a person: the page and the API, one plugin each. */
export const searchRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(searchPages(web));
    await app.register(searchApi(web));
  };
