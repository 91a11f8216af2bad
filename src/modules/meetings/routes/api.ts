import type { FastifyPluginAsync } from 'fastify';
import { logDownload } from '../../../audit/access-log.ts';
import { addDocumentRoutes } from '../../../web/documents/api-routes.ts';
import type { Web } from '../../../web/types.ts';
import { ActionUpdateInput, NewActionInput } from '../../actions/index.ts';
import {
  ActionAdded,
  AgendaView,
  ApprovalInput,
  AttendanceInput,
  AttendanceParams,
  AttendanceRecorded,
  AttendanceRemoved,
  CancelMeetingInput,
  CorrectionInput,
  LevelDecisionRecorded,
  MeetingCancelled,
  MeetingClosed,
  MeetingList,
  MeetingParams,
  MeetingRescheduled,
  MeetingScheduled,
  MeetingView,
  MinutesActionParams,
  MinutesInput,
  MinutesParams,
  MinutesQuery,
  MinutesSaved,
  MinutesStatus,
  MinutesView,
  NominalMeetings,
  NominalParams,
  PanelDecisionInput,
  RemoveAttendanceInput,
  RescheduleMeetingInput,
  ScheduleMeetingInput,
  UpdateRecorded,
} from '../schemas.ts';
import { getAgenda } from '../use-cases/agenda.ts';
import { recordAttendance } from '../use-cases/attendance.ts';
import { addMinutesAction, addMinutesActionUpdate, recordPanelDecision } from '../use-cases/decisions.ts';
import { closeMeeting, getMeeting, listMeetings, meetingsForNominal } from '../use-cases/meetings.ts';
import { approveMinutes, correctMinutes, getMinutes, saveMinutes } from '../use-cases/minutes.ts';
import { cancelMeeting, removeAttendance, rescheduleMeeting } from '../use-cases/lifecycle.ts';
import { scheduleMeeting } from '../use-cases/scheduling.ts';
import { minutesDocument } from '../minutes-document.ts';
import { agendaPdf } from './lifecycle.ts';

/** The meetings API: the same use cases as the pages, the same schemas as the use cases. */
export const meetingApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;
    const tag = 'Meetings and minutes';

    api.add({
      method: 'GET',
      path: '/meetings',
      action: 'meeting.view',
      tag,
      summary:
        'Your area’s meetings, upcoming and past (an invited agency sees only the meetings it is invited to)',
      response: MeetingList,
      handler: async (request) => listMeetings(database, web.context(request)),
    });

    api.add({
      method: 'POST',
      path: '/meetings',
      action: 'meeting.manage',
      tag,
      summary:
        'Schedule a Level 2 or 3 meeting for one or more people; the standing panel is invited automatically and invited duty-to-co-operate agencies are given sight of each person’s shareable sections',
      body: ScheduleMeetingInput,
      response: MeetingScheduled,
      successStatus: 201,
      handler: async (request) => scheduleMeeting(database, web.context(request), request.body),
    });

    api.add({
      method: 'GET',
      path: '/meetings/{meetingId}',
      action: 'meeting.view',
      tag,
      summary:
        'A meeting: details, invited agencies with their attendance and the attendance rate, and the people discussed',
      params: MeetingParams,
      response: MeetingView,
      handler: async (request) => getMeeting(database, web.context(request), request.params.meetingId),
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/attendance',
      action: 'meeting.manage',
      tag,
      summary:
        'Record attendance for an invited agency (MAPPA E): attended, apologies, a substitute (for whom) or did not attend',
      params: MeetingParams,
      body: AttendanceInput,
      response: AttendanceRecorded,
      successStatus: 201,
      handler: async (request) =>
        recordAttendance(database, web.context(request), request.params.meetingId, request.body),
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/close',
      action: 'meeting.manage',
      tag,
      summary:
        'Close the meeting once it has started (London time) and its attendance is recorded (else 400, nothing sent): each owner of a new action is notified at once with their actions; closing again changes nothing; a cancelled meeting cannot be closed',
      params: MeetingParams,
      response: MeetingClosed,
      handler: async (request) => closeMeeting(database, web.context(request), request.params.meetingId),
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/attendance/{attendanceId}/removal',
      action: 'meeting.manage',
      tag,
      summary:
        'Remove an attendance entry made in error, before the meeting closes; what was removed and why go in the access log',
      params: AttendanceParams,
      body: RemoveAttendanceInput,
      response: AttendanceRemoved,
      handler: async (request) =>
        removeAttendance(
          database,
          web.context(request),
          request.params.meetingId,
          request.params.attendanceId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/reschedule',
      action: 'meeting.manage',
      tag,
      summary:
        'Move a scheduled meeting to a new date and time (today or later) with the reason; the invitees are told and the change is kept in the meeting’s history. A stale version is a 409',
      params: MeetingParams,
      body: RescheduleMeetingInput,
      response: MeetingRescheduled,
      handler: async (request) =>
        rescheduleMeeting(database, web.context(request), request.params.meetingId, request.body),
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/cancel',
      action: 'meeting.manage',
      tag,
      summary:
        'Cancel a scheduled meeting with the reason; the invitees are told and the reason is kept in the meeting’s history. A cancelled meeting cannot be closed or minuted. A stale version is a 409',
      params: MeetingParams,
      body: CancelMeetingInput,
      response: MeetingCancelled,
      handler: async (request) =>
        cancelMeeting(database, web.context(request), request.params.meetingId, request.body),
    });

    api.add({
      method: 'GET',
      path: '/meetings/{meetingId}/nominals/{nominalId}/agenda.pdf',
      action: 'meeting.view',
      tag,
      summary:
        'The agenda for one person as a PDF (application/pdf, marked OFFICIAL-SENSITIVE), as you may see it; logged as a disclosure',
      params: MinutesParams,
      response: { type: 'string', format: 'binary', description: 'The agenda as a PDF (application/pdf)' },
      handler: async (request, reply) => {
        const { pdf, fileName } = await agendaPdf(
          web,
          request,
          request.params.meetingId,
          request.params.nominalId,
        );
        return reply
          .type('application/pdf')
          .header('Content-Disposition', `attachment; filename="${fileName}"`)
          .send(pdf);
      },
    });

    api.add({
      method: 'GET',
      path: '/meetings/{meetingId}/nominals/{nominalId}/agenda',
      action: 'meeting.view',
      tag,
      summary: 'The agenda (aide-memoire) for one person, generated from the record as you may see it',
      params: MinutesParams,
      response: AgendaView,
      handler: async (request) =>
        getAgenda(database, web.context(request), request.params.meetingId, request.params.nominalId),
    });

    api.add({
      method: 'GET',
      path: '/meetings/{meetingId}/nominals/{nominalId}/minutes',
      action: 'meeting.view',
      tag,
      summary:
        'The minutes of one person at one meeting (latest version, or `?version=`), with this meeting’s new actions, updates on earlier actions and level decision',
      params: MinutesParams,
      query: MinutesQuery,
      response: MinutesView,
      handler: async (request) =>
        getMinutes(
          database,
          web.context(request),
          request.params.meetingId,
          request.params.nominalId,
          request.query.version,
        ),
    });

    api.add({
      method: 'PUT',
      path: '/meetings/{meetingId}/nominals/{nominalId}/minutes',
      action: 'meeting.manage',
      tag,
      summary: 'Save the draft minutes (rowVersion 0 for the first save); approved minutes are locked (409)',
      params: MinutesParams,
      body: MinutesInput,
      response: MinutesSaved,
      handler: async (request) =>
        saveMinutes(
          database,
          web.context(request),
          request.params.meetingId,
          request.params.nominalId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/approve',
      action: 'minutes.approve',
      tag,
      summary:
        'The chair approves the draft minutes (disclosure considered, with why, is required); they are then locked',
      params: MinutesParams,
      body: ApprovalInput,
      response: MinutesStatus,
      handler: async (request) =>
        approveMinutes(
          database,
          web.context(request),
          request.params.meetingId,
          request.params.nominalId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/correction',
      action: 'meeting.manage',
      tag,
      summary:
        'Start a correction of approved minutes: a new draft version with the reason; the approved version stays until it is approved',
      params: MinutesParams,
      body: CorrectionInput,
      response: MinutesStatus,
      successStatus: 201,
      handler: async (request) =>
        correctMinutes(
          database,
          web.context(request),
          request.params.meetingId,
          request.params.nominalId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/actions',
      action: 'meeting.manage',
      tag,
      summary: 'Add a new action agreed at this meeting; its owner is notified when the meeting closes',
      params: MinutesParams,
      body: NewActionInput,
      response: ActionAdded,
      successStatus: 201,
      handler: async (request) =>
        addMinutesAction(
          database,
          web.context(request),
          request.params.meetingId,
          request.params.nominalId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/actions/{actionId}/updates',
      action: 'meeting.manage',
      tag,
      summary: 'Record, at this meeting, an update on an action from an earlier meeting',
      params: MinutesActionParams,
      body: ActionUpdateInput,
      response: UpdateRecorded,
      successStatus: 201,
      handler: async (request) => {
        const { meetingId, nominalId, actionId } = request.params;
        await addMinutesActionUpdate(
          database,
          web.context(request),
          meetingId,
          nominalId,
          actionId,
          request.body,
        );
        return { recorded: true };
      },
    });

    api.add({
      method: 'POST',
      path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/level-decision',
      action: 'level.decide',
      tag,
      summary:
        'The panel’s level decision, recorded with the meeting: escalate (e.g. Level 2 to 3 in one step), confirm, reduce (refused with open actions unless the chair gives an override reason) or end MAPPA management',
      params: MinutesParams,
      body: PanelDecisionInput,
      response: LevelDecisionRecorded,
      successStatus: 201,
      handler: async (request) =>
        recordPanelDecision(
          database,
          web.context(request),
          request.params.meetingId,
          request.params.nominalId,
          request.body,
        ),
    });

    api.add({
      method: 'GET',
      path: '/nominals/{id}/meetings',
      action: 'meeting.view',
      tag,
      summary: 'The meetings a person was discussed at, with where their minutes stand',
      params: NominalParams,
      response: NominalMeetings,
      handler: async (request) => meetingsForNominal(database, web.context(request), request.params.id),
    });

    addDocumentRoutes(api, {
      path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/document',
      tag,
      action: 'meeting.view',
      name: 'MAPPA B minutes (the latest version, or `?version=`)',
      params: MinutesParams,
      query: MinutesQuery,
      load: async (request, format) => {
        const ctx = web.context(request);
        const { meetingId, nominalId } = request.params;
        const m = await getMinutes(database, ctx, meetingId, nominalId, request.query.version);
        await logDownload(database, ctx, {
          recordType: 'nominal',
          recordIds: [nominalId],
          document: `MAPPA B minutes of the meeting on ${m.meeting.day}`,
          format,
        });
        return {
          document: minutesDocument(m),
          filename: `mappa-b-minutes-${m.person.vigilRef}-${m.meeting.day}-v${m.minutes?.version ?? 0}.pdf`,
        };
      },
    });
  };
