import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, type FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, dateParts, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { NOTIFICATION_EVENT_KIND } from '../codes.ts';
import { NotificationEventParams } from '../schemas.ts';
import { getLevelHistory } from '../use-cases/history.ts';
import { markNotificationEventNotified } from '../use-cases/notification-events.ts';
import { dateFromForm, formErrors, summaryLinks } from './forms.ts';

/** Recording that the person notified the police of a change, stay or travel: its duty closes. */
export const notifiedForm =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const path = '/nominals/:id/notification-events/:eventId/notified';

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: Record<string, unknown>,
      problem?: { status: number; errors: FieldErrors },
    ) => {
      const { id, eventId } = parseInput(NotificationEventParams, request.params);
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const event = (await getLevelHistory(database, ctx, id)).notificationEvents.find(
        (e) => e.id === eventId,
      );
      if (!event) throw new NotFoundError();
      return reply.code(problem?.status ?? 200).render('levels/views/notified-form.njk', {
        title: 'Record that they notified the police',
        id,
        person,
        event: { ...event, kindLabel: NOTIFICATION_EVENT_KIND.find((k) => k.code === event.kind)?.label },
        values,
        errors: problem?.errors ?? {},
        errorList: summaryLinks(problem?.errors, ['notifiedOn']),
      });
    };

    app.get(`${path}/new`, { config: { action: 'notification.record' } }, async (request, reply) =>
      render(request, reply, dateParts('notifiedOn', web.context(request).today)),
    );

    app.post(path, { config: { action: 'notification.record' } }, async (request, reply) => {
      const { id, eventId } = parseInput(NotificationEventParams, request.params);
      const body = bodyOf(request);
      const date = dateFromForm(body, 'notifiedOn', 'Date they notified the police', true);
      return handleForm({
        attempt: () =>
          markNotificationEventNotified(database, web.context(request), id, eventId, {
            notifiedOn: date.value,
          }),
        done: () =>
          reply.redirect(`/nominals/${id}/levels?notificationEvent=notified#notification-duties`, 303),
        redisplay: ({ status, errors }) =>
          render(request, reply, body, {
            status,
            errors: formErrors(errors, { notifiedOn: date }, ['notifiedOn']),
          }),
      });
    });
  };
