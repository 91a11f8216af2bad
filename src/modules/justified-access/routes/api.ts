import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { JUSTIFIED_ACCESS_HOURS } from '../../../access/policy.ts';
import type { Web } from '../../../web/types.ts';
import { AreaAccessView, GrantView, JustificationInput, NominalParams } from '../schemas.ts';
import { grantJustifiedAccess, listJustifiedAccessesToArea } from '../use-cases.ts';

/** Justified access over the API: the same use cases and schemas as the pages. */
export const justifiedAccessApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'POST',
      path: '/nominals/{id}/justified-access',
      action: 'nominal.justified-access',
      tag: 'Access',
      summary: `Open a record outside your scope for ${JUSTIFIED_ACCESS_HOURS} hours, giving a reason (logged, shown to the owning area, reviewed)`,
      params: NominalParams,
      body: JustificationInput,
      response: GrantView,
      successStatus: 201,
      handler: async (request) =>
        grantJustifiedAccess(database, web.context(request), request.params.id, request.body.reason),
    });

    api.add({
      method: 'GET',
      path: '/justified-accesses',
      action: 'justified-access.view-area',
      tag: 'Access',
      summary: 'Justified accesses to records your area owns, newest first (the latest 200)',
      response: z.array(AreaAccessView),
      handler: async (request) => listJustifiedAccessesToArea(database, web.context(request)),
    });
  };
