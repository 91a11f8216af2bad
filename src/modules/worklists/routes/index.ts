import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { worklistApi } from './api.ts';
import { worklistPages } from './pages.ts';

/**
 * Worklists (MAPPA.md §6: levels late or never set, reviews missed, Category 3 never considered):
 * a practitioner's own caseload, the area's lists for coordinators and managers, and the Category 3
 * candidates, each as a page, a CSV download and JSON; one Fastify plugin for the pages, one for the API.
 */
export const worklistRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(worklistPages(web));
    await app.register(worklistApi(web));
  };
