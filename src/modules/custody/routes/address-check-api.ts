import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { pathId } from '../../../validation/parse.ts';
import type { Web } from '../../../web/types.ts';
import {
  AddressCheckDecision,
  AddressCheckInput,
  AddressCheckView,
  AddressChecksView,
  ConflictDismissal,
  decideAddressCheck,
  dismissAddressConflict,
  getAddressCheck,
  getAddressChecks,
  proposeAddressCheck,
} from '../address-checks.ts';
import { NominalParams } from '../schemas.ts';

const TAG = 'Release and HDC address checks';
export const CheckParams = z.object({ id: pathId, checkId: pathId });
export const ConflictParams = z.object({ id: pathId, checkId: pathId, conflictId: pathId });
const Written = z.object({ id: z.uuid(), version: z.number().int() });

/** Release and HDC address checks over JSON: the same use cases and schemas as the pages. */
export const addressCheckApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/nominals/{id}/address-checks',
      action: 'custody.view',
      tag: TAG,
      summary:
        'The person’s release and HDC address checks, newest first: each conflict with the record and its source, how each was set aside, and the decision',
      params: NominalParams,
      response: AddressChecksView,
      handler: async (request) => getAddressChecks(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/address-checks',
      action: 'custody.edit',
      tag: TAG,
      summary:
        'Propose an address for HDC or release: it is checked against the record today (relationships’ addresses, the domestic abuse marker, orders’ exclusion zones); the police offender managers are told of any conflict',
      params: NominalParams,
      body: AddressCheckInput,
      response: Written.extend({ conflicts: z.number().int() }),
      successStatus: 201,
      handler: async (request) =>
        proposeAddressCheck(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'GET',
      path: '/nominals/{id}/address-checks/{checkId}',
      action: 'custody.view',
      tag: TAG,
      summary: 'One address check',
      params: CheckParams,
      response: AddressCheckView.extend({ mayEdit: z.boolean() }),
      handler: async (request) =>
        getAddressCheck(database, web.context(request), request.params.id, request.params.checkId),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/address-checks/{checkId}/conflicts/{conflictId}/dismissal',
      action: 'custody.edit',
      tag: TAG,
      summary: 'Set a conflict aside, with why (the conflict’s version you read; 409 if it changed since)',
      params: ConflictParams,
      body: ConflictDismissal,
      response: Written,
      handler: async (request) =>
        dismissAddressConflict(
          database,
          web.context(request),
          request.params.id,
          request.params.checkId,
          request.params.conflictId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/address-checks/{checkId}/decision',
      action: 'custody.edit',
      tag: TAG,
      summary:
        'Decide the address: suitable only once every conflict is set aside; unsuitable with why (the check’s version you read)',
      params: CheckParams,
      body: AddressCheckDecision,
      response: Written,
      handler: async (request) =>
        decideAddressCheck(
          database,
          web.context(request),
          request.params.id,
          request.params.checkId,
          request.body,
        ),
    });
  };
