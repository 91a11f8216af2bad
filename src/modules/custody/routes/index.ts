import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { addressCheckApi } from './address-check-api.ts';
import { addressCheckPages } from './address-check-pages.ts';
import { custodyApi } from './api.ts';
import { irmmApi } from './irmm-api.ts';
import { irmmPages } from './irmm-pages.ts';
import { monitoringApi } from './monitoring-api.ts';
import { monitoringPages } from './monitoring-pages.ts';
import { custodyPages } from './pages.ts';
import { rotlRoutes } from './rotl.ts';

/** Custody (issue 14): pages and API, one Fastify plugin each. */
export const custodyRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(custodyPages(web));
    await app.register(custodyApi(web));
    await app.register(monitoringApi(web));
    await app.register(rotlRoutes(web));
    await app.register(irmmPages(web));
    await app.register(irmmApi(web));
    await app.register(monitoringPages(web));
    await app.register(addressCheckPages(web));
    await app.register(addressCheckApi(web));
  };
