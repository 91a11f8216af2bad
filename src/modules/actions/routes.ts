import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACTION_STATUS, PILLAR } from '../../domain/codes.ts';
import { ConflictError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { mayChangeStatus } from '../../domain/actions.ts';
import type { Web } from '../../web/types.ts';
import { addAction, getAction, listMyActions, updateAction, type ActionView } from './use-cases.ts';
import { bodyOf } from '../../web/forms.ts';

/**
 * Actions (MAPPA.md §3 step 5): "My actions" for owners, one action with its history and the
 * update form, and the API. The record's "Meetings and actions" tab includes
 * `actions/views/_actions-table.njk`; meetings create actions through `createAction`.
 */

type Body = Record<string, unknown>;
type ActionParams = { actionId: string };

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

export function registerActions(web: Web): void {
  const { app, api, database } = web;

  // --- Pages -------------------------------------------------------------------------------------

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
    options: { values?: Body; errors?: FieldErrors; conflict?: ConflictError; status?: number } = {},
  ) => {
    const { action, mayUpdate } = await getAction(database, web.context(request), actionId);
    const values = options.values ?? {};
    const errors = options.errors ?? {};
    const query = request.query as Record<string, string | undefined>;
    return reply.code(options.status ?? 200).render('actions/views/action.njk', {
      title: action.description.length > 80 ? `${action.description.slice(0, 77)}…` : action.description,
      action,
      mayUpdate,
      updated: query.updated === 'recorded',
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
    actionPage(request, reply, (request.params as ActionParams).actionId),
  );

  app.post('/actions/:actionId/updates', { config: { action: 'action.update' } }, async (request, reply) => {
    const { actionId } = request.params as ActionParams;
    const body = (request.body ?? {}) as Body;
    try {
      await updateAction(database, web.context(request), actionId, {
        note: body.note,
        status: body.status,
        version: body.version,
      });
      return reply.redirect(`/actions/${actionId}?updated=recorded`, 303);
    } catch (error) {
      if (error instanceof ConflictError)
        return actionPage(request, reply, actionId, {
          values: { note: body.note },
          conflict: error,
          status: 409,
        });
      if (!(error instanceof ValidationError)) throw error;
      const ordered = Object.fromEntries(
        Object.entries(error.fieldErrors).sort(
          ([a], [b]) => UPDATE_FORM_ORDER.indexOf(a) - UPDATE_FORM_ORDER.indexOf(b),
        ),
      );
      return actionPage(request, reply, actionId, { values: body, errors: ordered, status: 400 });
    }
  });

  // --- API ---------------------------------------------------------------------------------------

  const DATE = { type: 'string', format: 'date' };
  const UPDATE_SCHEMA = {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      note: { type: 'string' },
      status: { enum: ACTION_STATUS.map((s) => s.code) },
      meetingId: { type: ['string', 'null'], format: 'uuid', description: 'Recorded at this meeting' },
      createdAt: { type: 'string', format: 'date-time' },
      createdBy: { type: 'string' },
      createdByAgency: { type: 'string' },
    },
  };
  const ACTION_SCHEMA = {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      nominalId: { type: 'string', format: 'uuid' },
      nominalName: { type: 'string' },
      vigilRef: { type: 'string' },
      meetingId: { type: ['string', 'null'], format: 'uuid', description: 'The meeting that agreed it' },
      description: { type: 'string' },
      pillar: { enum: PILLAR.map((p) => p.code) },
      safeguarding: { type: 'boolean' },
      ownerAgencyId: { type: 'string', format: 'uuid' },
      ownerAgencyName: { type: 'string' },
      ownerUserId: { type: ['string', 'null'], format: 'uuid' },
      ownerUserName: { type: ['string', 'null'] },
      ownerName: { type: ['string', 'null'], description: 'A named person without a Vigil account' },
      dueOn: DATE,
      status: { enum: ACTION_STATUS.map((s) => s.code) },
      overdue: { type: 'boolean', description: 'Open and due before today' },
      completedOn: { type: ['string', 'null'], format: 'date' },
      distributedAt: {
        type: ['string', 'null'],
        format: 'date-time',
        description: 'When its owner was notified',
      },
      version: { type: 'integer', description: 'Send it back with an update' },
      updates: { type: 'array', items: UPDATE_SCHEMA },
    },
  };

  api.add({
    method: 'GET',
    path: '/actions',
    action: 'action.update',
    tag: 'Actions',
    summary:
      'Your actions: those you own, and your agency’s with no named owner (a duty-to-co-operate representative: all their agency’s), open first',
    response: { type: 'object', properties: { actions: { type: 'array', items: ACTION_SCHEMA } } },
    handler: async (request) => ({ actions: await listMyActions(database, web.context(request)) }),
  });

  api.add({
    method: 'GET',
    path: '/actions/{actionId}',
    action: 'nominal.view',
    tag: 'Actions',
    summary: 'One action with its updates (its owners, and anyone who may see the person’s record)',
    response: {
      type: 'object',
      properties: {
        action: ACTION_SCHEMA,
        mayUpdate: { type: 'boolean', description: 'You own it, or run the area’s MAPPA meetings' },
      },
    },
    handler: async (request) =>
      getAction(database, web.context(request), (request.params as ActionParams).actionId),
  });

  api.add({
    method: 'POST',
    path: '/actions/{actionId}/updates',
    action: 'action.update',
    tag: 'Actions',
    summary:
      'Record progress on an action and/or change its status (owners and the MAPPA unit). 409 when `version` is stale',
    body: {
      type: 'object',
      required: ['version'],
      properties: {
        note: {
          type: 'string',
          maxLength: 4000,
          description: 'Progress; required unless the status changes',
        },
        status: {
          enum: ACTION_STATUS.map((s) => s.code),
          description: 'Open actions may be completed or cancelled; closed ones only reopened',
        },
        version: { type: 'integer', description: 'The action’s version you read' },
      },
    },
    response: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        version: { type: 'integer' },
        status: { enum: ACTION_STATUS.map((s) => s.code) },
      },
    },
    successStatus: 201,
    handler: async (request) =>
      updateAction(
        database,
        web.context(request),
        (request.params as ActionParams).actionId,
        bodyOf(request),
      ),
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/actions',
    action: 'nominal.edit',
    tag: 'Actions',
    summary:
      'Agree an action outside a meeting (MAPPA unit and those who edit the risk management plan); its owner is notified at once',
    body: {
      type: 'object',
      required: ['description', 'pillar', 'ownerAgencyId', 'dueOn'],
      properties: {
        description: { type: 'string', maxLength: 2000 },
        pillar: { enum: PILLAR.map((p) => p.code) },
        safeguarding: { type: 'boolean' },
        ownerAgencyId: { type: 'string', format: 'uuid' },
        ownerUserId: { type: 'string', format: 'uuid', description: 'A user of the owner agency' },
        ownerName: { type: 'string', maxLength: 200, description: 'A named person without a Vigil account' },
        dueOn: { ...DATE, description: 'Today or later' },
      },
    },
    response: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
    successStatus: 201,
    handler: async (request) =>
      addAction(database, web.context(request), (request.params as { id: string }).id, bodyOf(request)),
  });
}
