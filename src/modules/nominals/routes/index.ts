import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { nominalApi } from './api.ts';
import { recordPages } from './record-pages.ts';
import { relationshipAddressRoutes } from './relationship-addresses.ts';
import { rowPages } from './row-pages.ts';
import { rowApi } from './row-api.ts';
import { sectionPages } from './section-pages.ts';

/**
 * The record, one plugin per resource: the record as a whole (adding a person, the overview, the
 * timeline), the sections on the nominal row, and the sections' rows; pages and API each.
 */
export const nominalRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(recordPages(web));
    await app.register(sectionPages(web));
    await app.register(relationshipAddressRoutes(web));
    await app.register(rowPages(web));
    await app.register(nominalApi(web));
    await app.register(rowApi(web));
  };
