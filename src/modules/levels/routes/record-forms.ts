import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { UseCaseContext } from '../../../access/actor.ts';
import type { RouteAction } from '../../../access/routes.ts';
import { SIGNIFICANT_EVENT_TYPE } from '../../../domain/deadlines.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, dateParts, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { NOTIFICATION_EVENT_KIND, OFFENDER_NOTIFICATION_KIND } from '../codes.ts';
import { NominalParams } from '../schemas.ts';
import { reportSignificantEvent } from '../significant-events.ts';
import { recordNotificationEvent } from '../use-cases/notification-events.ts';
import { recordOffenderNotification, recordStatusNotification } from '../use-cases/status.ts';
import { dateFromForm, formErrors, summaryLinks } from './forms.ts';

/**
 * The short forms that record something about a person's MAPPA status: a significant event, that
 * they were told of their status, a notification to the police. Each is a page at `<path>/new`
 * posting to `<path>`; one date (three boxes) and a few fields, which the use case checks with the
 * API's own schema.
 */

type Body = Record<string, unknown>;

interface RecordForm<R> {
  path: string;
  action: RouteAction;
  view: string;
  title: string;
  /** The form's date input. */
  date: { key: string; label: string };
  /** Every field, in the order the form shows them (for the error summary). */
  fields: readonly string[];
  /** What a new form starts with, e.g. today's date. */
  initial?: (today: string) => Body;
  /** More for the template, from what is shown. */
  extra?: (values: Body) => Record<string, unknown>;
  save: (ctx: UseCaseContext, id: string, input: Body) => Promise<R>;
  /** Where the person's levels page says what was saved. */
  savedAt: (id: string, saved: R) => string;
}

function recordForm<R>(web: Web, form: RecordForm<R>): FastifyPluginAsync {
  return async (app) => {
    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      values: Body,
      problem?: { status: number; errors: FieldErrors },
    ) =>
      reply.code(problem?.status ?? 200).render(form.view, {
        title: form.title,
        id,
        person: await getNominalSection(web.database, web.context(request), id, 'identity'),
        ...form.extra?.(values),
        values,
        errors: problem?.errors ?? {},
        errorList: summaryLinks(problem?.errors, [form.date.key]),
      });

    app.get(`${form.path}/new`, { config: { action: form.action } }, async (request, reply) =>
      render(
        request,
        reply,
        parseInput(NominalParams, request.params).id,
        form.initial?.(web.context(request).today) ?? {},
      ),
    );

    app.post(form.path, { config: { action: form.action } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const body = bodyOf(request);
      const dates = { [form.date.key]: dateFromForm(body, form.date.key, form.date.label, true) };
      const input = Object.fromEntries(
        form.fields.map((key) => [key, key === form.date.key ? dates[key]!.value : body[key]]),
      );
      return handleForm({
        attempt: () => form.save(web.context(request), id, input),
        done: (saved) => reply.redirect(form.savedAt(id, saved), 303),
        redisplay: ({ status, errors }) =>
          render(request, reply, id, body, { status, errors: formErrors(errors, dates, form.fields) }),
      });
    });
  };
}

export const recordForms =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    await app.register(
      recordForm(web, {
        path: '/nominals/:id/events',
        action: 'nominal.edit',
        view: 'levels/views/event-form.njk',
        title: 'Record a significant event',
        date: { key: 'occurredOn', label: 'Date it happened' },
        fields: ['type', 'occurredOn', 'description'],
        extra: () => ({ types: SIGNIFICANT_EVENT_TYPE }),
        save: (ctx, id, input) => reportSignificantEvent(database, ctx, id, input),
        savedAt: (id, recorded) =>
          `/nominals/${id}/levels?event=recorded&notified=${recorded.notified}#events`,
      }),
    );

    await app.register(
      recordForm(web, {
        path: '/nominals/:id/mappa-status',
        action: 'nominal.edit',
        view: 'levels/views/told-form.njk',
        title: 'Record that they were told of their MAPPA status',
        date: { key: 'toldOn', label: 'Date they were told' },
        fields: ['toldOn', 'invitedToContribute', 'theirViews'],
        save: (ctx, id, input) => recordStatusNotification(database, ctx, id, input),
        savedAt: (id) => `/nominals/${id}/levels?told=recorded#told`,
      }),
    );

    await app.register(
      recordForm(web, {
        path: '/nominals/:id/offender-notifications',
        action: 'notification.record',
        view: 'levels/views/notification-form.njk',
        title: 'Record a notification to the police',
        date: { key: 'notifiedOn', label: 'Date they notified the police' },
        fields: ['kind', 'notifiedOn'],
        initial: (today) => dateParts('notifiedOn', today),
        extra: (values) => ({
          kindItems: OFFENDER_NOTIFICATION_KIND.map((k) => ({
            value: k.code,
            text: k.label,
            checked: values.kind === k.code,
          })),
        }),
        save: (ctx, id, input) => recordOffenderNotification(database, ctx, id, input),
        savedAt: (id) => `/nominals/${id}/levels?notification=recorded#offender-notifications`,
      }),
    );

    await app.register(
      recordForm(web, {
        path: '/nominals/:id/notification-events',
        action: 'notification.record',
        view: 'levels/views/notification-event-form.njk',
        title: 'Record a change, stay or travel to be notified',
        date: { key: 'occurredOn', label: 'Date it happened' },
        fields: ['kind', 'occurredOn', 'details'],
        extra: (values) => ({
          kindItems: NOTIFICATION_EVENT_KIND.map((k) => ({
            value: k.code,
            text: k.label,
            hint: { text: `${k.hint}. Date: ${k.dateLabel.toLowerCase()}.` },
            checked: values.kind === k.code,
          })),
        }),
        save: (ctx, id, input) => recordNotificationEvent(database, ctx, id, input),
        savedAt: (id) => `/nominals/${id}/levels?notificationEvent=recorded#notification-duties`,
      }),
    );
  };
