import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import { logDownload } from '../../../audit/access-log.ts';
import { AGENDA } from '../../../domain/agenda.ts';
import { formatDateLong } from '../../../domain/dates.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { renderPdf } from '../../../web/documents/document.ts';
import { bodyOf, dateParts, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { dateFromForm } from '../../levels/index.ts';
import { minutesDocument } from '../minutes-document.ts';
import { MinutesPageQuery, MinutesParams, MinutesQuery } from '../schemas.ts';
import {
  approveMinutes,
  correctMinutes,
  getMinutes,
  MinutesLockedError,
  saveMinutes,
} from '../use-cases/minutes.ts';
import { minutesPath, STATUS_TAG, summaryLinks, type Body } from './views.ts';

/**
 * A person's minutes (MAPPA B): the page with its form, saving and approving them, starting a
 * correction, and the minutes as a document (HTML and PDF, any version).
 */

type Where = { meetingId: string; nominalId: string };

/** The banner the minutes page shows after a form sent the user back to it. */
function minutesBanner(query: ReturnType<typeof MinutesPageQuery.parse>) {
  if (query.saved) return { heading: 'Minutes saved' };
  if (query.approved)
    return { heading: `Minutes approved (version ${query.approved})`, text: 'They are now locked.' };
  if (query.corrected)
    return {
      heading: `Correction started (version ${query.corrected})`,
      text: 'The approved version stays until this one is approved.',
    };
  if (query.action)
    return {
      heading: 'Action added',
      text: 'Its owner is told when the meeting closes, or at once if it has already closed.',
    };
  if (query.update) return { heading: 'Update recorded' };
  if (query.decision) return { heading: 'Level decision recorded' };
  return null;
}

/** The minutes page: what was typed (or the minutes as saved), the problems, and a notice why nothing was saved. */
export async function minutesPage(
  web: Web,
  request: FastifyRequest,
  { meetingId, nominalId }: Where,
  values?: Body,
  errors?: FieldErrors,
  notice?: string,
) {
  const ctx = web.context(request);
  const m = await getMinutes(web.database, ctx, meetingId, nominalId);
  const content = m.minutes?.content;
  // Approved minutes, and a cancelled meeting's, are read-only: no form or button that would change them.
  const readOnly =
    m.latestStatus === 'approved' || m.latestStatus === 'superseded' || m.meeting.status === 'cancelled';
  const editable = can(ctx.actor, 'meeting.manage') && !readOnly;
  const formValues: Body = values ?? {
    ...Object.fromEntries(AGENDA.map((i) => [`item-${i.key}`, content?.items[i.key] ?? ''])),
    decisions: content?.decisions ?? '',
    disclosureConsidered: content?.disclosure.considered ?? '',
    disclosureReason: content?.disclosure.reason ?? '',
    ...dateParts('nextMeetingOn', content?.nextMeetingOn),
  };
  const isChair = !m.meeting.chairUserId || m.meeting.chairUserId === ctx.actor.userId;
  return {
    title: `Minutes: ${m.person.name}`,
    m,
    agenda: AGENDA,
    editable,
    values: formValues,
    rowVersion: m.minutes?.status === 'draft' ? m.minutes.rowVersion : 0,
    errors: errors ?? {},
    errorList: errors ? summaryLinks(errors, ['nextMeetingOn']) : [],
    notice,
    statusTag: STATUS_TAG,
    base: minutesPath(meetingId, nominalId),
    canApprove: can(ctx.actor, 'minutes.approve') && isChair && m.latestStatus === 'draft' && !readOnly,
    canCorrect: can(ctx.actor, 'meeting.manage') && m.latestStatus === 'approved',
    canDecide: can(ctx.actor, 'level.decide') && !readOnly,
    canManage: can(ctx.actor, 'meeting.manage') && !readOnly,
    readOnly,
    rmpHref:
      can(ctx.actor, 'rmp.edit') && !readOnly
        ? `/nominals/${nominalId}/risk-management-plan/edit?meeting=${meetingId}`
        : `/nominals/${nominalId}/risk-management-plan`,
    banner: minutesBanner(parseInput(MinutesPageQuery, request.query)),
  };
}

/** What every form about a person's minutes shows: the minutes, the way back, what was typed, and errors. */
export async function minutesForm(
  web: Web,
  request: FastifyRequest,
  { meetingId, nominalId }: Where,
  title: string,
  values: Body,
  errors?: FieldErrors,
  dateKeys: readonly string[] = [],
) {
  return {
    title,
    m: await getMinutes(web.database, web.context(request), meetingId, nominalId),
    base: minutesPath(meetingId, nominalId),
    values,
    errors: errors ?? {},
    errorList: errors ? summaryLinks(errors, dateKeys) : [],
  };
}

export const minutesPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const MINUTES = 'meetings/views/minutes.njk';

    app.get(
      '/meetings/:meetingId/nominals/:nominalId/minutes',
      { config: { action: 'meeting.view' } },
      async (request, reply) =>
        reply.render(MINUTES, await minutesPage(web, request, parseInput(MinutesParams, request.params))),
    );

    app.post(
      '/meetings/:meetingId/nominals/:nominalId/minutes',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const where = parseInput(MinutesParams, request.params);
        const body = bodyOf(request);
        const next = dateFromForm(body, 'nextMeetingOn', 'Date of the next meeting', false);
        return handleForm({
          attempt: () =>
            saveMinutes(database, web.context(request), where.meetingId, where.nominalId, {
              ...body,
              nextMeetingOn: next.value,
            }),
          done: () => reply.redirect(`${minutesPath(where.meetingId, where.nominalId)}?saved=yes`, 303),
          redisplay: async ({ status, errors, conflict }) =>
            reply.code(status).render(
              MINUTES,
              conflict
                ? // Locked: the minutes as approved; someone else's save: what they typed, to make again.
                  await minutesPage(
                    web,
                    request,
                    where,
                    conflict instanceof MinutesLockedError ? undefined : body,
                    undefined,
                    conflict.message,
                  )
                : await minutesPage(web, request, where, body, {
                    ...errors,
                    ...(next.error ? { nextMeetingOn: next.error } : {}),
                  }),
            ),
        });
      },
    );

    app.post(
      '/meetings/:meetingId/nominals/:nominalId/minutes/approve',
      { config: { action: 'minutes.approve' } },
      async (request, reply) => {
        const where = parseInput(MinutesParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            approveMinutes(database, web.context(request), where.meetingId, where.nominalId, body),
          done: (approved) =>
            reply.redirect(
              `${minutesPath(where.meetingId, where.nominalId)}?approved=${approved.version}`,
              303,
            ),
          redisplay: async ({ status, errors, conflict }) =>
            reply
              .code(status)
              .render(
                MINUTES,
                await minutesPage(
                  web,
                  request,
                  where,
                  undefined,
                  conflict ? undefined : errors,
                  conflict?.message,
                ),
              ),
        });
      },
    );

    // Correction of approved minutes: a new version, with its reason.
    const CORRECTION = 'meetings/views/correction.njk';
    const correctionForm = (request: FastifyRequest, where: Where, values: Body, errors?: FieldErrors) =>
      minutesForm(web, request, where, 'Correct the approved minutes', values, errors);

    app.get(
      '/meetings/:meetingId/nominals/:nominalId/minutes/correction',
      { config: { action: 'meeting.manage' } },
      async (request, reply) =>
        reply.render(
          CORRECTION,
          await correctionForm(request, parseInput(MinutesParams, request.params), {}),
        ),
    );

    app.post(
      '/meetings/:meetingId/nominals/:nominalId/minutes/correction',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const where = parseInput(MinutesParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            correctMinutes(database, web.context(request), where.meetingId, where.nominalId, body),
          done: (corrected) =>
            reply.redirect(
              `${minutesPath(where.meetingId, where.nominalId)}?corrected=${corrected.version}`,
              303,
            ),
          redisplay: async ({ status, errors, conflict }) => {
            // Someone else started a correction first: the error page says so.
            if (conflict) throw conflict;
            return reply.code(status).render(CORRECTION, await correctionForm(request, where, body, errors));
          },
        });
      },
    );

    // The minutes as a document (MAPPA B), HTML and PDF; any version.
    app.get(
      '/meetings/:meetingId/nominals/:nominalId/minutes/document',
      { config: { action: 'meeting.view' } },
      async (request, reply) => {
        const { meetingId, nominalId } = parseInput(MinutesParams, request.params);
        const { version } = parseInput(MinutesQuery, request.query);
        const m = await getMinutes(database, web.context(request), meetingId, nominalId, version);
        const document = minutesDocument(m);
        return reply.render('document.njk', {
          title: document.title,
          document,
          pdfHref: `${minutesPath(meetingId, nominalId)}/document.pdf${version ? `?version=${version}` : ''}`,
          backHref: minutesPath(meetingId, nominalId),
        });
      },
    );

    app.get(
      '/meetings/:meetingId/nominals/:nominalId/minutes/document.pdf',
      { config: { action: 'meeting.view' } },
      async (request, reply) => {
        const { meetingId, nominalId } = parseInput(MinutesParams, request.params);
        const ctx = web.context(request);
        const { version } = parseInput(MinutesQuery, request.query);
        const m = await getMinutes(database, ctx, meetingId, nominalId, version);
        const pdf = await renderPdf(minutesDocument(m));
        await logDownload(database, ctx, {
          recordType: 'nominal',
          recordIds: [nominalId],
          document: `MAPPA B minutes of the Level ${m.meeting.level} meeting on ${formatDateLong(m.meeting.day)}`,
        });
        return reply
          .type('application/pdf')
          .header(
            'Content-Disposition',
            `attachment; filename="mappa-b-minutes-${m.person.vigilRef}-${m.meeting.day}-v${m.minutes?.version ?? 0}.pdf"`,
          )
          .send(pdf);
      },
    );
  };
