import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { MAPPA_LEVEL, PILLAR } from '../../../domain/codes.ts';
import { NotFoundError, type FieldErrors } from '../../../domain/errors.ts';
import { LEVEL_CRITERION } from '../../../domain/levels.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { ACTION_FIELD_ORDER, ActionUpdateInput } from '../../actions/index.ts';
import { dateFromForm } from '../../levels/index.ts';
import { MinutesActionParams, MinutesParams } from '../schemas.ts';
import {
  actionFormOptions,
  addMinutesAction,
  addMinutesActionUpdate,
  recordPanelDecision,
} from '../use-cases/decisions.ts';
import { CANCELLED_MESSAGE, LOCKED_MESSAGE, MinutesLockedError } from '../use-cases/minutes.ts';
import { minutesForm, minutesPage } from './minutes.ts';
import { inFormOrder, list, minutesPath, type Body } from './views.ts';

/**
 * What a meeting decides about a person, from their minutes: a new action, an update on an
 * earlier action, and the panel's level decision.
 */

type Where = { meetingId: string; nominalId: string };
const MINUTES = 'meetings/views/minutes.njk';

/** Why a form about these minutes is no longer offered: approved minutes and cancelled meetings are read-only. */
const readOnlyBecause = (form: { m: { latestStatus: string | null; meeting: { status: string } } }) =>
  form.m.meeting.status === 'cancelled'
    ? CANCELLED_MESSAGE
    : form.m.latestStatus === 'approved'
      ? LOCKED_MESSAGE
      : undefined;

const UPDATE_STATUS = [
  { value: 'open', text: 'Still open' },
  { value: 'completed', text: 'Completed' },
  { value: 'cancelled', text: 'No longer needed (cancel it)' },
];

export const minutesFormPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    // --- New actions from this meeting -----------------------------------------------------------

    const ACTION_FORM = 'meetings/views/action-form.njk';
    const actionForm = async (request: FastifyRequest, where: Where, values: Body, errors?: FieldErrors) => {
      const title = 'Add an action from this meeting';
      const form = await minutesForm(web, request, where, title, values, errors, ['dueOn']);
      const options = await actionFormOptions(database, web.context(request), where.meetingId);
      return {
        ...form,
        pillarItems: PILLAR.map((p) => ({ value: p.code, text: p.label, checked: values.pillar === p.code })),
        agencyItems: [
          { value: '', text: 'Choose an agency' },
          ...options.agencies.map((a) => ({
            value: a.id,
            text: a.name,
            selected: values.ownerAgencyId === a.id,
          })),
        ],
        userItems: [
          { value: '', text: 'Nobody in particular: everyone in the agency who updates actions' },
          ...options.users.map((u) => ({
            value: u.id,
            text: `${u.name} (${u.agencyName})`,
            selected: values.ownerUserId === u.id,
          })),
        ],
      };
    };

    app.get(
      '/meetings/:meetingId/nominals/:nominalId/minutes/actions/new',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const where = parseInput(MinutesParams, request.params);
        const form = await actionForm(request, where, {});
        const locked = readOnlyBecause(form);
        return locked
          ? reply.render(MINUTES, await minutesPage(web, request, where, undefined, undefined, locked))
          : reply.render(ACTION_FORM, form);
      },
    );

    app.post(
      '/meetings/:meetingId/nominals/:nominalId/minutes/actions',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const where = parseInput(MinutesParams, request.params);
        const body = bodyOf(request);
        const due = dateFromForm(body, 'dueOn', 'Due date', true);
        return handleForm({
          // The form's own shape (a checkbox, a date in three boxes): the actions capability checks it.
          attempt: () =>
            addMinutesAction(database, web.context(request), where.meetingId, where.nominalId, {
              description: body.description,
              pillar: body.pillar,
              safeguarding: body.safeguarding === 'yes',
              ownerAgencyId: body.ownerAgencyId,
              ownerUserId: body.ownerUserId || undefined,
              ownerName: body.ownerName,
              dueOn: due.value,
            }),
          done: () =>
            reply.redirect(`${minutesPath(where.meetingId, where.nominalId)}?action=added#new-actions`, 303),
          redisplay: async ({ status, errors, conflict }) => {
            if (conflict instanceof MinutesLockedError)
              return reply
                .code(409)
                .render(
                  MINUTES,
                  await minutesPage(web, request, where, undefined, undefined, conflict.message),
                );
            if (conflict) throw conflict;
            const ordered = inFormOrder(errors, { key: 'dueOn', error: due.error }, ACTION_FIELD_ORDER);
            return reply.code(status).render(ACTION_FORM, await actionForm(request, where, body, ordered));
          },
        });
      },
    );

    // --- Updates on earlier actions --------------------------------------------------------------

    const UPDATE_FORM = 'meetings/views/update-form.njk';
    const updateForm = async (
      request: FastifyRequest,
      where: Where & { actionId: string },
      values: Body,
      errors?: FieldErrors,
      notice?: string,
    ) => {
      const title = 'Record an update on an earlier action';
      const form = await minutesForm(web, request, where, title, values, errors);
      const action = form.m.earlierActions.find((a) => a.id === where.actionId);
      if (!action) throw new NotFoundError();
      return {
        ...form,
        action,
        values: { version: String(action.version), status: action.status, ...values },
        notice,
        statusItems: UPDATE_STATUS.map((s) => ({
          ...s,
          checked: (values.status ?? action.status) === s.value,
        })),
      };
    };

    app.get(
      '/meetings/:meetingId/nominals/:nominalId/minutes/actions/:actionId/update',
      { config: { action: 'meeting.manage' } },
      async (request, reply) =>
        reply.render(
          UPDATE_FORM,
          await updateForm(request, parseInput(MinutesActionParams, request.params), {}),
        ),
    );

    app.post(
      '/meetings/:meetingId/nominals/:nominalId/minutes/actions/:actionId/updates',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const where = parseInput(MinutesActionParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            addMinutesActionUpdate(
              database,
              web.context(request),
              where.meetingId,
              where.nominalId,
              where.actionId,
              parseInput(ActionUpdateInput, body),
            ),
          done: () =>
            reply.redirect(
              `${minutesPath(where.meetingId, where.nominalId)}?update=recorded#earlier-actions`,
              303,
            ),
          redisplay: async ({ status, errors, conflict }) =>
            reply
              .code(status)
              .render(
                UPDATE_FORM,
                conflict
                  ? await updateForm(request, where, { note: body.note }, undefined, conflict.message)
                  : await updateForm(request, where, body, errors),
              ),
        });
      },
    );

    // --- The panel's level decision --------------------------------------------------------------

    const DECISION_FORM = 'meetings/views/decision-form.njk';
    const decisionForm = async (
      request: FastifyRequest,
      where: Where,
      values: Body,
      errors?: FieldErrors,
    ) => {
      const form = await minutesForm(
        web,
        request,
        where,
        'Record the panel’s level decision',
        values,
        errors,
      );
      const chosen = list(values.criteria);
      const levelItems: Record<string, unknown>[] = MAPPA_LEVEL.map((l) => ({
        value: String(l.code),
        text: l.label,
        hint: { text: l.description },
        checked: values.level === String(l.code),
      }));
      levelItems.push(
        { divider: 'or' },
        { value: 'end', text: 'End MAPPA management', checked: values.level === 'end' },
      );
      return {
        ...form,
        levelItems,
        criteriaItems: LEVEL_CRITERION.map((c) => ({
          value: c.code,
          text: c.label,
          checked: chosen.includes(c.code),
        })),
      };
    };

    app.get(
      '/meetings/:meetingId/nominals/:nominalId/minutes/level-decision',
      { config: { action: 'level.decide' } },
      async (request, reply) => {
        const where = parseInput(MinutesParams, request.params);
        const form = await decisionForm(request, where, {});
        const locked = readOnlyBecause(form);
        return locked
          ? reply.render(MINUTES, await minutesPage(web, request, where, undefined, undefined, locked))
          : reply.render(DECISION_FORM, form);
      },
    );

    app.post(
      '/meetings/:meetingId/nominals/:nominalId/minutes/level-decision',
      { config: { action: 'level.decide' } },
      async (request, reply) => {
        const where = parseInput(MinutesParams, request.params);
        const sent = bodyOf(request);
        const body = { ...sent, criteria: list(sent.criteria) };
        return handleForm({
          attempt: () =>
            recordPanelDecision(database, web.context(request), where.meetingId, where.nominalId, body),
          done: () =>
            reply.redirect(
              `${minutesPath(where.meetingId, where.nominalId)}?decision=recorded#decisions-heading`,
              303,
            ),
          redisplay: async ({ status, errors, conflict }) => {
            if (conflict instanceof MinutesLockedError)
              return reply
                .code(409)
                .render(
                  MINUTES,
                  await minutesPage(web, request, where, undefined, undefined, conflict.message),
                );
            if (conflict) throw conflict;
            return reply.code(status).render(DECISION_FORM, await decisionForm(request, where, body, errors));
          },
        });
      },
    );
  };
