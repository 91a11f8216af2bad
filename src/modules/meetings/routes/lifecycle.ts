import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { logDownload } from '../../../audit/access-log.ts';
import { formatDateLong } from '../../../domain/dates.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { renderPdf } from '../../../web/documents/document.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { dateFromForm } from '../../levels/index.ts';
import { agendaDocument } from '../agenda-document.ts';
import { AttendanceParams, MeetingParams, MinutesParams } from '../schemas.ts';
import { getAgenda } from '../use-cases/agenda.ts';
import {
  attendanceEntry,
  cancelMeeting,
  removeAttendance,
  rescheduleMeeting,
} from '../use-cases/lifecycle.ts';
import { getMeeting } from '../use-cases/meetings.ts';
import { inFormOrder, summaryLinks, type Body } from './views.ts';

/**
 * A meeting's changes after it is scheduled: rescheduling and cancelling (each with its reason),
 * removing an attendance entry made in error, and each person's agenda as a PDF.
 */

const RESCHEDULE = 'meetings/views/reschedule.njk';
const CANCEL = 'meetings/views/cancel.njk';
const REMOVE = 'meetings/views/remove-attendance.njk';

/** The agenda PDF's file name: the person's reference and the meeting's day. */
export const agendaFileName = (vigilRef: string, day: string) => `mappa-agenda-${vigilRef}-${day}.pdf`;

/** The agenda as a PDF, logged as a download (a disclosure, DPA 2018 s.62) like the other documents. */
export async function agendaPdf(web: Web, request: FastifyRequest, meetingId: string, nominalId: string) {
  const ctx = web.context(request);
  const agenda = await getAgenda(web.database, ctx, meetingId, nominalId);
  const pdf = await renderPdf(agendaDocument(agenda));
  await logDownload(web.database, ctx, {
    recordType: 'nominal',
    recordIds: [nominalId],
    document: `Agenda for the Level ${agenda.meeting.level} meeting on ${formatDateLong(agenda.meeting.day)}`,
  });
  return { pdf, fileName: agendaFileName(agenda.person.vigilRef, agenda.meeting.day) };
}

export const meetingLifecyclePages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    /** What the reschedule and cancel forms show: the meeting, what was typed, and the problems. */
    const meetingForm = async (
      request: FastifyRequest,
      meetingId: string,
      title: string,
      values: Body,
      errors?: FieldErrors,
      notice?: string,
    ) => {
      const meeting = await getMeeting(database, web.context(request), meetingId);
      return {
        title,
        meeting,
        values: {
          ...values,
          version: values.version === undefined ? String(meeting.version) : values.version,
        },
        errors: errors ?? {},
        errorList: errors ? summaryLinks(errors, ['date']) : [],
        notice,
      };
    };

    // --- Reschedule -------------------------------------------------------------------------------

    app.get(
      '/meetings/:meetingId/reschedule',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const { meetingId } = parseInput(MeetingParams, request.params);
        return reply.render(RESCHEDULE, await meetingForm(request, meetingId, 'Reschedule the meeting', {}));
      },
    );

    app.post(
      '/meetings/:meetingId/reschedule',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const { meetingId } = parseInput(MeetingParams, request.params);
        const body = bodyOf(request);
        const date = dateFromForm(body, 'date', 'New date of the meeting', true);
        return handleForm({
          attempt: () =>
            rescheduleMeeting(database, web.context(request), meetingId, { ...body, date: date.value }),
          done: (moved) => reply.redirect(`/meetings/${meetingId}?rescheduled=${moved.notified}`, 303),
          redisplay: async ({ status, errors, conflict }) =>
            reply
              .code(status)
              .render(
                RESCHEDULE,
                await meetingForm(
                  request,
                  meetingId,
                  'Reschedule the meeting',
                  conflict ? { ...body, version: undefined } : body,
                  conflict
                    ? undefined
                    : inFormOrder(errors, { key: 'date', error: date.error }, ['date', 'time', 'reason']),
                  conflict?.message,
                ),
              ),
        });
      },
    );

    // --- Cancel -------------------------------------------------------------------------------------

    app.get(
      '/meetings/:meetingId/cancel',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const { meetingId } = parseInput(MeetingParams, request.params);
        return reply.render(CANCEL, await meetingForm(request, meetingId, 'Cancel the meeting', {}));
      },
    );

    app.post(
      '/meetings/:meetingId/cancel',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const { meetingId } = parseInput(MeetingParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () => cancelMeeting(database, web.context(request), meetingId, body),
          done: (cancelled) => reply.redirect(`/meetings/${meetingId}?cancelled=${cancelled.notified}`, 303),
          redisplay: async ({ status, errors, conflict }) =>
            reply
              .code(status)
              .render(
                CANCEL,
                await meetingForm(
                  request,
                  meetingId,
                  'Cancel the meeting',
                  conflict ? { ...body, version: undefined } : body,
                  conflict ? undefined : errors,
                  conflict?.message,
                ),
              ),
        });
      },
    );

    // --- Remove an attendance entry made in error ------------------------------------------------------

    const removeForm = async (
      request: FastifyRequest,
      meetingId: string,
      attendanceId: string,
      values: Body,
      errors?: FieldErrors,
    ) => {
      const { meeting, entry } = await attendanceEntry(
        database,
        web.context(request),
        meetingId,
        attendanceId,
      );
      return {
        title: 'Remove an attendance entry',
        meetingId: meeting.id,
        entry,
        values,
        errors: errors ?? {},
        errorList: errors ? summaryLinks(errors) : [],
      };
    };

    app.get(
      '/meetings/:meetingId/attendance/:attendanceId/remove',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const { meetingId, attendanceId } = parseInput(AttendanceParams, request.params);
        return reply.render(REMOVE, await removeForm(request, meetingId, attendanceId, {}));
      },
    );

    app.post(
      '/meetings/:meetingId/attendance/:attendanceId/remove',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const { meetingId, attendanceId } = parseInput(AttendanceParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () => removeAttendance(database, web.context(request), meetingId, attendanceId, body),
          done: () => reply.redirect(`/meetings/${meetingId}?removed=yes#attendance-heading`, 303),
          redisplay: async ({ status, errors }) =>
            reply
              .code(status)
              .render(REMOVE, await removeForm(request, meetingId, attendanceId, body, errors)),
        });
      },
    );

    // --- The agenda as a PDF ------------------------------------------------------------------------

    app.get(
      '/meetings/:meetingId/nominals/:nominalId/agenda.pdf',
      { config: { action: 'meeting.view' } },
      async (request, reply) => {
        const { meetingId, nominalId } = parseInput(MinutesParams, request.params);
        const { pdf, fileName } = await agendaPdf(web, request, meetingId, nominalId);
        return reply
          .type('application/pdf')
          .header('Content-Disposition', `attachment; filename="${fileName}"`)
          .send(pdf);
      },
    );
  };
