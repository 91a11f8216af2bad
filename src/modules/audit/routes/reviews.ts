import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import {
  AccessParams,
  REVIEW_OUTCOMES,
  getJustifiedAccessForReview,
  listJustifiedAccessesAwaitingReview,
  reviewJustifiedAccess,
} from '../../justified-access/index.ts';
import { QueueQuery } from '../schemas.ts';
import { formErrors, pagination } from './present.ts';

/** The justified accesses awaiting a data protection officer's review, and the review form. */
export const reviewPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get(
      '/audit/justified-accesses',
      { config: { action: 'justified-access.review' } },
      async (request, reply) => {
        const query = parseInput(QueueQuery, request.query);
        const found = await listJustifiedAccessesAwaitingReview(database, web.context(request), {
          page: query.page,
        });
        return reply.render('audit/views/justified-accesses.njk', {
          title: 'Justified accesses awaiting review',
          found,
          reviewed:
            query.reviewed === 'appropriate' || query.reviewed === 'inappropriate' ? query.reviewed : null,
          pagination: pagination(found, (page) => `/audit/justified-accesses?page=${page}`),
        });
      },
    );

    const reviewPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      accessId: string,
      values: Record<string, string>,
      problem: { status: number; errors: FieldErrors } = { status: 200, errors: {} },
    ) =>
      reply.code(problem.status).render('audit/views/review.njk', {
        title: 'Review a justified access',
        access: await getJustifiedAccessForReview(database, web.context(request), accessId),
        values,
        outcomes: REVIEW_OUTCOMES,
        ...(Object.keys(problem.errors).length ? formErrors(problem.errors) : {}),
      });

    app.get(
      '/audit/justified-accesses/:accessId',
      { config: { action: 'accesslog.view' } },
      async (request, reply) =>
        reviewPage(request, reply, parseInput(AccessParams, request.params).accessId, {}),
    );

    app.post(
      '/audit/justified-accesses/:accessId',
      { config: { action: 'justified-access.review' } },
      async (request, reply) => {
        const { accessId } = parseInput(AccessParams, request.params);
        const body = bodyOf(request);
        const values = { outcome: String(body.outcome ?? ''), note: String(body.note ?? '') };
        return handleForm({
          attempt: () => reviewJustifiedAccess(database, web.context(request), accessId, values),
          done: (reviewed) => reply.redirect(`/audit/justified-accesses?reviewed=${reviewed.outcome}`, 303),
          redisplay: ({ status, errors, conflict }) => {
            // Reviewed by someone else first: said on the error page, as every conflict without a form to redo.
            if (conflict) throw conflict;
            return reviewPage(request, reply, accessId, values, { status, errors });
          },
        });
      },
    );
  };
