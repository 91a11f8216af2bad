import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ConflictError, FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, formToInput, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import {
  ADDRESS_CHECK_FIELDS,
  decideAddressCheck,
  dismissAddressConflict,
  getAddressCheck,
  proposeAddressCheck,
} from '../address-checks.ts';
import { NominalParams } from '../schemas.ts';
import { CheckParams, ConflictParams } from './address-check-api.ts';
import { renderStepForm } from './step-form.ts';

type Body = Record<string, unknown>;

/**
 * The address check's pages: the proposal form, and the check itself — each conflict with its
 * source and a form to set it aside with a reason, then the decision.
 */
export const addressCheckPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    const renderProposal = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      values: Body,
      errors?: FieldErrors,
    ) => {
      const person = await getNominalSection(database, web.context(request), id, 'identity');
      return renderStepForm(reply, {
        title: 'Propose an address for HDC or release',
        personName: person.name,
        fields: ADDRESS_CHECK_FIELDS,
        values,
        problem: { errors },
        version: undefined,
        action: `/nominals/${id}/address-checks`,
        backLink: `/nominals/${id}/custody`,
      });
    };

    app.get(
      '/nominals/:id/address-checks/new',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        return renderProposal(request, reply, id, {});
      },
    );

    app.post(
      '/nominals/:id/address-checks',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            proposeAddressCheck(database, web.context(request), id, formToInput(ADDRESS_CHECK_FIELDS, body)),
          done: (check) => reply.redirect(`/nominals/${id}/address-checks/${check.id}`, 303),
          redisplay: ({ errors }) => renderProposal(request, reply, id, body, errors),
        });
      },
    );

    /** The check, with what was typed into one of its forms and what is wrong with it. */
    const renderCheck = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      checkId: string,
      problem: { errors?: FieldErrors; conflict?: ConflictError; conflictId?: string; values?: Body } = {},
    ) => {
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const check = await getAddressCheck(database, ctx, id, checkId);
      const errors = problem.errors ?? {};
      // Each field's error links to its own input: a conflict's reason, or the decision's.
      const href = (key: string) =>
        problem.conflictId
          ? `#reason-${problem.conflictId}`
          : key === 'reason'
            ? '#decision-reason'
            : '#decision';
      return reply
        .code(problem.conflict ? 409 : problem.errors ? 400 : 200)
        .render('custody/views/address-check.njk', {
          title: `${check.purposeLabel} address check`,
          id,
          person,
          check,
          errors,
          errorList: Object.entries(errors).map(([key, text]) => ({ text, href: href(key) })),
          conflict: problem.conflict,
          conflictId: problem.conflictId,
          values: problem.values ?? {},
        });
    };

    app.get(
      '/nominals/:id/address-checks/:checkId',
      { config: { action: 'custody.view' } },
      async (request, reply) => {
        const { id, checkId } = parseInput(CheckParams, request.params);
        return renderCheck(request, reply, id, checkId);
      },
    );

    app.post(
      '/nominals/:id/address-checks/:checkId/conflicts/:conflictId/dismissal',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id, checkId, conflictId } = parseInput(ConflictParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            dismissAddressConflict(database, web.context(request), id, checkId, conflictId, {
              reason: body.reason,
              version: body.version,
            }),
          done: () => reply.redirect(`/nominals/${id}/address-checks/${checkId}?saved=dismissal`, 303),
          redisplay: ({ errors, conflict }) =>
            renderCheck(request, reply, id, checkId, { errors, conflict, conflictId, values: body }),
        });
      },
    );

    app.post(
      '/nominals/:id/address-checks/:checkId/decision',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id, checkId } = parseInput(CheckParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            decideAddressCheck(database, web.context(request), id, checkId, {
              decision: body.decision,
              reason: body.reason,
              version: body.version,
            }),
          done: () => reply.redirect(`/nominals/${id}/address-checks/${checkId}?saved=decision`, 303),
          redisplay: ({ errors, conflict }) =>
            renderCheck(request, reply, id, checkId, { errors, conflict, values: body }),
        });
      },
    );
  };
