import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { nominalApi } from './api.ts';
import { recordPages } from './record-pages.ts';
import { sectionPages } from './section-pages.ts';

/** The record: its pages (the whole record, then its sections' forms) and its API, one plugin each. */
export const nominalRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(recordPages(web));
    await app.register(sectionPages(web));
    await app.register(nominalApi(web));
  };
