import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { pathId } from '../../../validation/parse.ts';
import type { Web } from '../../../web/types.ts';
import {
  IrmmActionDone,
  IrmmInput,
  IrmmView,
  internalRiskMeetings,
  markIrmmActionDone,
  recordInternalRiskMeeting,
} from '../irmm.ts';
import { NominalParams } from '../schemas.ts';

const TAG = 'Custody';
export const IrmmActionParams = z.object({ id: pathId, irmmId: pathId, irmmActionId: pathId });

/** Internal risk management meetings over JSON: the same use cases and schemas as the pages. */
export const irmmApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/nominals/{id}/custody/irmm',
      action: 'custody.view',
      tag: TAG,
      summary:
        'The person’s internal risk management meetings, newest first: attendees, custody behaviour, risk concerns, decisions and the actions agreed (with whether each is overdue)',
      params: NominalParams,
      response: IrmmView,
      handler: async (request) => internalRiskMeetings(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/custody/irmm',
      action: 'custody.edit',
      tag: TAG,
      summary:
        'Record an internal risk management meeting held in an establishment: who attended or sent apologies, the outcome and the actions agreed',
      params: NominalParams,
      body: IrmmInput,
      response: z.object({ id: z.uuid() }),
      successStatus: 201,
      handler: async (request) =>
        recordInternalRiskMeeting(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/custody/irmm/{irmmId}/actions/{irmmActionId}/done',
      action: 'custody.edit',
      tag: TAG,
      summary:
        'Mark an action agreed at an internal risk management meeting done (today), with the version you read',
      params: IrmmActionParams,
      body: IrmmActionDone,
      response: z.object({ id: z.uuid(), version: z.number().int() }),
      handler: async (request) =>
        markIrmmActionDone(
          database,
          web.context(request),
          request.params.id,
          request.params.irmmId,
          request.params.irmmActionId,
          request.body,
        ),
    });
  };
