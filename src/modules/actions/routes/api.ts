import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Web } from '../../../web/types.ts';
import { ActionParams, ActionUpdateInput, ActionView, NewActionInput, NominalParams } from '../schemas.ts';
import { addAction, getAction, listMyActions, updateAction } from '../use-cases.ts';

/** The actions API: the same use cases as the pages, the same schemas as the forms. */
export const actionApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/actions',
      action: 'action.update',
      tag: 'Actions',
      summary:
        'Your actions: those you own, and your agency’s with no named owner (a duty-to-co-operate representative: all their agency’s), open first',
      response: z.object({ actions: z.array(ActionView) }),
      handler: async (request) => ({ actions: await listMyActions(database, web.context(request)) }),
    });

    api.add({
      method: 'GET',
      path: '/actions/{actionId}',
      action: 'nominal.view',
      tag: 'Actions',
      summary: 'One action with its updates (its owners, and anyone who may see the person’s record)',
      params: ActionParams,
      response: z.object({
        action: ActionView,
        mayUpdate: z.boolean().describe('You own it, or run the area’s MAPPA meetings'),
      }),
      handler: async (request) => getAction(database, web.context(request), request.params.actionId),
    });

    api.add({
      method: 'POST',
      path: '/actions/{actionId}/updates',
      action: 'action.update',
      tag: 'Actions',
      summary:
        'Record progress on an action and/or change its status (owners and the MAPPA unit). 409 when `version` is stale',
      params: ActionParams,
      body: ActionUpdateInput,
      response: z.object({ id: z.uuid(), version: z.number().int(), status: z.string() }),
      successStatus: 201,
      handler: async (request) =>
        updateAction(database, web.context(request), request.params.actionId, request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/actions',
      action: 'nominal.edit',
      tag: 'Actions',
      summary:
        'Agree an action outside a meeting (MAPPA unit and those who edit the risk management plan); its owner is notified at once',
      params: NominalParams,
      body: NewActionInput,
      response: z.object({ id: z.uuid() }),
      successStatus: 201,
      handler: async (request) => addAction(database, web.context(request), request.params.id, request.body),
    });
  };
