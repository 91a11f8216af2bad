import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { ErasureInput, ErasureView, NominalParams, ReviewListView } from '../schemas.ts';
import { erasePerson, listDueForReview } from '../use-cases.ts';

/** The retention pages' JSON equivalents (/api/v1/retention/…), for the data protection officer. */
export const retentionApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/retention/due',
      action: 'retention.review',
      tag: 'Retention',
      summary:
        'Records due for review for deletion today under the retention schedule; logged as a consultation',
      response: ReviewListView,
      handler: async (request) => listDueForReview(database, web.context(request)),
    });

    api.add({
      method: 'POST',
      path: '/retention/{nominalId}/erasure',
      action: 'retention.erase',
      tag: 'Retention',
      summary:
        'Erase a due record’s personal data, with a reason (once; a second is a 409); logged as an erasure',
      params: NominalParams,
      body: ErasureInput,
      response: ErasureView,
      successStatus: 201,
      handler: async (request) =>
        erasePerson(database, web.context(request), request.params.nominalId, request.body),
    });
  };
