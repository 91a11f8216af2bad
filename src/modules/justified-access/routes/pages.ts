import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { JUSTIFIED_ACCESS_HOURS } from '../../../access/policy.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { JustifyPageQuery, NominalParams } from '../schemas.ts';
import { grantJustifiedAccess, listJustifiedAccessesToArea } from '../use-cases.ts';

/** The reason form before opening a record outside one's scope, and the owning area's list of such looks. */
export const justifiedAccessPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    const justifyPage = (
      reply: FastifyReply,
      id: string,
      reason: unknown,
      problem: { status: number; errors: FieldErrors } = { status: 200, errors: {} },
    ) =>
      reply.code(problem.status).render('justified-access/views/justify.njk', {
        title: 'Give your reason to view this record',
        id,
        values: { reason },
        hours: JUSTIFIED_ACCESS_HOURS,
        ...(Object.keys(problem.errors).length
          ? {
              errors: problem.errors,
              errorList: Object.entries(problem.errors).map(([key, text]) => ({ text, href: `#${key}` })),
            }
          : {}),
      });

    app.get(
      '/nominals/:id/justify',
      { config: { action: 'nominal.justified-access' } },
      async (request, reply) => {
        web.context(request);
        const { id } = parseInput(NominalParams, request.params);
        return justifyPage(reply, id, parseInput(JustifyPageQuery, request.query).reason ?? '');
      },
    );

    app.post(
      '/nominals/:id/justify',
      { config: { action: 'nominal.justified-access' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        const { reason } = bodyOf(request);
        return handleForm({
          attempt: () => grantJustifiedAccess(database, web.context(request), id, reason),
          done: () => reply.redirect(`/nominals/${id}`, 303),
          redisplay: (problem) => justifyPage(reply, id, reason, problem),
        });
      },
    );

    app.get(
      '/justified-accesses',
      { config: { action: 'justified-access.view-area' } },
      async (request, reply) =>
        reply.render('justified-access/views/area-list.njk', {
          title: 'Records of your area viewed from outside it',
          accesses: await listJustifiedAccessesToArea(database, web.context(request)),
        }),
    );
  };
