import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../../access/policy.ts';
import type { Web } from '../../../web/types.ts';
import { ActorView, AgenciesQuery, AgencyView, AreaView } from '../schemas.ts';
import { listAgencies, listAreas } from '../use-cases.ts';

/** The MAPPA areas, their agencies, and who the caller is. */
export const referenceApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    web.api.add({
      method: 'GET',
      path: '/areas',
      action: 'reference.view',
      tag: 'Reference data',
      summary: 'The 42 MAPPA areas',
      response: z.array(AreaView),
      handler: async (request) => {
        authorize(web.context(request).actor, 'reference.view');
        return listAreas(web.database);
      },
    });
    web.api.add({
      method: 'GET',
      path: '/agencies',
      action: 'reference.view',
      tag: 'Reference data',
      summary: 'Agencies (Responsible Authority and Duty to Co-operate), optionally of one area',
      query: AgenciesQuery,
      response: z.array(AgencyView),
      handler: async (request) => {
        authorize(web.context(request).actor, 'reference.view');
        return listAgencies(web.database, request.query.area);
      },
    });
    web.api.add({
      method: 'GET',
      path: '/me',
      action: 'signed-in',
      tag: 'Reference data',
      summary: 'The user behind the token',
      response: ActorView,
      handler: async (request) => web.context(request).actor,
    });
  };
