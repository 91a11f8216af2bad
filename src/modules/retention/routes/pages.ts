import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { NominalParams } from '../schemas.ts';
import { erasePerson, getDueForReview, listDueForReview } from '../use-cases.ts';

/** The data protection officer's review-for-deletion list and the erasure form. */
export const retentionPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/retention', { config: { action: 'retention.review' } }, async (request, reply) => {
      const erased = (request.query as { erased?: unknown }).erased;
      return reply.render('retention/views/list.njk', {
        title: 'Records due for review for deletion',
        found: await listDueForReview(database, web.context(request)),
        erased: typeof erased === 'string' && /^VGL-[0-9A-Z]+$/.test(erased) ? erased : null,
      });
    });

    const erasePage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      nominalId: string,
      values: Record<string, string>,
      problem: { status: number; errors: FieldErrors } = { status: 200, errors: {} },
    ) =>
      reply.code(problem.status).render('retention/views/erase.njk', {
        title: 'Erase a person’s personal data',
        item: await getDueForReview(database, web.context(request), nominalId),
        values,
        ...(Object.keys(problem.errors).length
          ? {
              errors: problem.errors,
              errorList: Object.entries(problem.errors).map(([key, text]) => ({ text, href: `#${key}` })),
            }
          : {}),
      });

    app.get('/retention/:nominalId', { config: { action: 'retention.review' } }, async (request, reply) =>
      erasePage(request, reply, parseInput(NominalParams, request.params).nominalId, {}),
    );

    app.post('/retention/:nominalId', { config: { action: 'retention.erase' } }, async (request, reply) => {
      const { nominalId } = parseInput(NominalParams, request.params);
      const body = bodyOf(request);
      const values = { reason: String(body.reason ?? ''), confirm: String(body.confirm ?? '') };
      return handleForm({
        attempt: () => erasePerson(database, web.context(request), nominalId, values),
        done: (erasure) => reply.redirect(`/retention?erased=${encodeURIComponent(erasure.vigilRef)}`, 303),
        redisplay: ({ status, errors, conflict }) => {
          if (conflict) throw conflict;
          return erasePage(request, reply, nominalId, values, { status, errors });
        },
      });
    });
  };
