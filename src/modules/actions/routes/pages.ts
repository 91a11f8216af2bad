import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { mayChangeStatus } from '../../../domain/actions.ts';
import { ACTION_STATUS } from '../../../domain/codes.ts';
import type { ConflictError, FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { ActionPageQuery, ActionParams, ActionUpdateInput } from '../schemas.ts';
import { getAction, listMyActions, updateAction, type ActionView } from '../use-cases.ts';

/** "My actions" for owners, and one action with its history and the update form. */

const UPDATE_FORM_ORDER = ['note', 'status', 'version'];

/** The statuses an update may choose, from the action's current one. */
function statusItems(action: ActionView, chosen: unknown) {
  return ACTION_STATUS.filter((s) => mayChangeStatus(action.status, s.code)).map((s) => ({
    value: s.code,
    text:
      s.code === action.status
        ? `Leave it ${s.label.toLowerCase()}`
        : s.code === 'open'
          ? 'Reopen it'
          : `Mark it ${s.label.toLowerCase()}`,
    checked: (chosen ?? action.status) === s.code,
  }));
}

export const actionPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/actions', { config: { action: 'action.update' } }, async (request, reply) => {
      const ctx = web.context(request);
      const actions = await listMyActions(database, ctx);
      const open = actions.filter((a) => a.status === 'open');
      return reply.render('actions/views/mine.njk', {
        title: 'My actions',
        actions,
        openCount: open.length,
        overdueCount: open.filter((a) => a.overdue).length,
        dtc: ctx.actor.roles.includes('dtc_representative'),
      });
    });

    const actionPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      actionId: string,
      options: {
        values?: Record<string, unknown>;
        errors?: FieldErrors;
        conflict?: ConflictError;
        status?: number;
      } = {},
    ) => {
      const { action, mayUpdate } = await getAction(database, web.context(request), actionId);
      const values = options.values ?? {};
      const errors = options.errors ?? {};
      return reply.code(options.status ?? 200).render('actions/views/action.njk', {
        title: action.description.length > 80 ? `${action.description.slice(0, 77)}…` : action.description,
        action,
        mayUpdate,
        updated: ActionPageQuery.parse(request.query).updated === 'recorded',
        values,
        // A conflict shows the form afresh at the current version, keeping what they typed.
        version: action.version,
        statusItems: statusItems(action, values.status),
        conflict: options.conflict,
        errors,
        errorList: Object.entries(errors).map(([key, text]) => ({
          text,
          href: key === 'status' ? '#status' : key === 'version' ? '#note' : `#${key}`,
        })),
      });
    };

    app.get('/actions/:actionId', { config: { action: 'nominal.view' } }, async (request, reply) =>
      actionPage(request, reply, parseInput(ActionParams, request.params).actionId),
    );

    app.post(
      '/actions/:actionId/updates',
      { config: { action: 'action.update' } },
      async (request, reply) => {
        const { actionId } = parseInput(ActionParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            updateAction(database, web.context(request), actionId, parseInput(ActionUpdateInput, body)),
          done: () => reply.redirect(`/actions/${actionId}?updated=recorded`, 303),
          redisplay: ({ status, errors, conflict }) =>
            actionPage(request, reply, actionId, {
              // A conflict keeps only what they typed; bad input keeps their choices too.
              values: conflict ? { note: body.note } : body,
              errors: Object.fromEntries(
                Object.entries(errors).sort(
                  ([a], [b]) => UPDATE_FORM_ORDER.indexOf(a) - UPDATE_FORM_ORDER.indexOf(b),
                ),
              ),
              ...(conflict ? { conflict } : {}),
              status,
            }),
        });
      },
    );
  };
