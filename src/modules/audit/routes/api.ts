import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Web } from '../../../web/types.ts';
import {
  AccessForReviewView,
  AccessParams,
  ReviewInput,
  ReviewView,
  listJustifiedAccessesAwaitingReview,
  reviewJustifiedAccess,
} from '../../justified-access/index.ts';
import {
  EntryView,
  ExportInput,
  ExportView,
  PageQuery,
  RecordParams,
  SubjectView,
  UserEntriesQuery,
  UserView,
  paged,
} from '../schemas.ts';
import { accessHistoryOfRecord, accessHistoryOfUser, exportAccessHistory } from '../use-cases.ts';

/**
 * The DPO pages' JSON equivalents (/api/v1/audit/…). Path parameters are named for what they hold
 * (`recordId`, `accessId`): a record here may be any person's, whatever the officer's own area,
 * because oversight of the log is not need-to-know.
 */
export const auditApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/audit/records/{recordId}/entries',
      action: 'accesslog.view',
      tag: 'Access log',
      summary:
        'Who viewed or changed a record, newest first (by Vigil reference or record id); logged as a consultation of the log',
      params: RecordParams,
      query: PageQuery,
      response: paged(EntryView).extend({ subject: SubjectView }),
      handler: async (request) =>
        accessHistoryOfRecord(database, web.context(request), {
          q: request.params.recordId,
          page: request.query.page,
        }),
    });

    api.add({
      method: 'GET',
      path: '/audit/user-entries',
      action: 'accesslog.view',
      tag: 'Access log',
      summary: 'What a user viewed or changed, newest first; logged as a consultation of the log',
      query: UserEntriesQuery,
      response: paged(
        EntryView.extend({
          records: z
            .array(z.object({ id: z.string(), vigilRef: z.string().nullable() }))
            .describe('The records named, with the Vigil reference of each that is a person’s record'),
        }),
      ).extend({ user: UserView }),
      handler: async (request) => accessHistoryOfUser(database, web.context(request), request.query),
    });

    api.add({
      method: 'GET',
      path: '/audit/justified-accesses',
      action: 'accesslog.view',
      tag: 'Access log',
      summary: 'Justified accesses awaiting a data protection officer’s review, oldest first',
      query: PageQuery,
      response: paged(AccessForReviewView),
      handler: async (request) =>
        listJustifiedAccessesAwaitingReview(database, web.context(request), request.query),
    });

    api.add({
      method: 'POST',
      path: '/audit/justified-accesses/{accessId}/review',
      action: 'justified-access.review',
      tag: 'Access log',
      summary: 'Record whether a justified access was appropriate (once; a second review is a 409)',
      params: AccessParams,
      body: ReviewInput,
      response: ReviewView,
      handler: async (request) =>
        reviewJustifiedAccess(database, web.context(request), request.params.accessId, request.body),
    });

    api.add({
      method: 'POST',
      path: '/audit/records/{recordId}/export',
      action: 'accesslog.export',
      tag: 'Access log',
      summary:
        'A record’s whole access history, oldest first, for a subject access request or the ICO; logged as a disclosure to the recipient',
      params: RecordParams,
      body: ExportInput,
      response: ExportView,
      handler: async (request) => {
        const exported = await exportAccessHistory(database, web.context(request), {
          q: request.params.recordId,
          ...request.body,
        });
        return { subject: exported.subject, recipient: exported.recipient, entries: exported.entries };
      },
    });
  };
