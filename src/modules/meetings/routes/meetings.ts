import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import { ATTENDANCE } from '../../../domain/codes.ts';
import { formatDateLong } from '../../../domain/dates.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { listActionsForNominal } from '../../actions/index.ts';
import { dateFromForm } from '../../levels/index.ts';
import { getNominalSection } from '../../nominals/index.ts';
import {
  MeetingPageQuery,
  MeetingParams,
  MinutesParams,
  NewMeetingQuery,
  NominalParams,
} from '../schemas.ts';
import { getAgenda } from '../use-cases/agenda.ts';
import { recordAttendance } from '../use-cases/attendance.ts';
import { closeMeeting, getMeeting, listMeetings, meetingsForNominal } from '../use-cases/meetings.ts';
import { referralToSchedule, scheduleMeeting, schedulingOptions } from '../use-cases/scheduling.ts';
import { inFormOrder, list, minutesPath, STATUS_TAG, summaryLinks, type Body } from './views.ts';

/**
 * The meetings pages: the list, scheduling, the meeting with its attendance and its close, each
 * person's generated agenda, and the record's "Meetings and actions" tab.
 */

const SCHEDULE_ORDER = [
  'level',
  'date',
  'time',
  'format',
  'location',
  'onlineLink',
  'chairUserId',
  'nominalIds',
  'vigilRefs',
  'agencyIds',
];

/** The banner a meeting page shows after a form sent the user back to it. */
function meetingBanner(query: ReturnType<typeof MeetingPageQuery.parse>) {
  if (query.scheduled) {
    const scheduled = Number(query.scheduled);
    return {
      heading: 'Meeting scheduled',
      text: `${Number.isInteger(scheduled) ? scheduled : 0} agencies were invited; their users have the invitation in their Vigil inbox.`,
    };
  }
  if (query.attendance) return { heading: 'Attendance recorded' };
  if (query.removed)
    return { heading: 'Attendance entry removed', text: 'What was removed and why is in the access log.' };
  const told = (n: string) =>
    `${Number(n) || 0} ${Number(n) === 1 ? 'person was' : 'people were'} told in their Vigil inbox.`;
  if (query.rescheduled) return { heading: 'Meeting rescheduled', text: told(query.rescheduled) };
  if (query.cancelled) return { heading: 'Meeting cancelled', text: told(query.cancelled) };
  if (query.closed) {
    const notified = Number(query.notified) || 0;
    return {
      heading: 'Meeting closed',
      text:
        query.closed === 'again'
          ? 'The meeting was already closed.'
          : `${notified} action ${notified === 1 ? 'owner was' : 'owners were'} sent their new actions, in their Vigil inbox.`,
    };
  }
  return null;
}

export const meetingPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/meetings', { config: { action: 'meeting.view' } }, async (request, reply) => {
      const ctx = web.context(request);
      const meetings = await listMeetings(database, ctx);
      return reply.render('meetings/views/list.njk', {
        title: 'Meetings',
        ...meetings,
        statusTag: STATUS_TAG,
        canManage: can(ctx.actor, 'meeting.manage'),
      });
    });

    // --- Scheduling -------------------------------------------------------------------------------

    const scheduleForm = async (request: FastifyRequest, values: Body, errors?: FieldErrors) => {
      const options = await schedulingOptions(database, web.context(request));
      const standing = new Set(options.standingPanel.map((a) => a.agencyId));
      const chosenNominals = list(values.nominalIds);
      const chosenAgencies = list(values.agencyIds);
      return {
        title: 'Schedule a meeting',
        values,
        errors: errors ?? {},
        errorList: errors ? summaryLinks(errors, ['date']) : [],
        chairItems: [
          { value: '', text: 'Choose a chair' },
          ...options.chairs.map((c) => ({
            value: c.id,
            text: c.name,
            selected: values.chairUserId === c.id,
          })),
        ],
        standingPanel: options.standingPanel,
        referralItems: options.awaiting.map((a) => ({
          value: a.nominalId,
          text: `${a.name} (${a.vigilRef})`,
          hint: { text: a.level ? `Accepted at Level ${a.level}` : 'Accepted' },
          checked: chosenNominals.includes(a.nominalId),
        })),
        agencyItems: options.agencies
          .filter((a) => !standing.has(a.id))
          .map((a) => ({ value: a.id, text: a.name, checked: chosenAgencies.includes(a.id) })),
      };
    };

    // No level is chosen for the user: a level is a decision (from the referral, when there is one).
    app.get('/meetings/new', { config: { action: 'meeting.manage' } }, async (request, reply) => {
      const { referral } = parseInput(NewMeetingQuery, request.query);
      const from = referral ? await referralToSchedule(database, web.context(request), referral) : undefined;
      return reply.render(
        'meetings/views/new.njk',
        await scheduleForm(request, {
          format: 'in_person',
          time: '10:00',
          ...(from
            ? {
                level: from.level ? String(from.level) : undefined,
                nominalIds: [from.nominalId],
                agencyIds: from.agencyIds,
              }
            : {}),
        }),
      );
    });

    app.post('/meetings', { config: { action: 'meeting.manage' } }, async (request, reply) => {
      const body = bodyOf(request);
      const date = dateFromForm(body, 'date', 'Date of the meeting', true);
      return handleForm({
        attempt: () => scheduleMeeting(database, web.context(request), { ...body, date: date.value }),
        done: (scheduled) => reply.redirect(`/meetings/${scheduled.id}?scheduled=${scheduled.invited}`, 303),
        redisplay: async ({ status, errors }) =>
          reply
            .code(status)
            .render(
              'meetings/views/new.njk',
              await scheduleForm(
                request,
                body,
                inFormOrder(errors, { key: 'date', error: date.error }, SCHEDULE_ORDER),
              ),
            ),
      });
    });

    // --- The meeting --------------------------------------------------------------------------------

    const meetingPage = async (
      request: FastifyRequest,
      meetingId: string,
      values: Body = {},
      errors?: FieldErrors,
    ) => {
      const ctx = web.context(request);
      const meeting = await getMeeting(database, ctx, meetingId);
      return {
        title: `Level ${meeting.level} meeting on ${formatDateLong(meeting.day)}`,
        meeting,
        statusTag: STATUS_TAG,
        canManage: can(ctx.actor, 'meeting.manage'),
        values,
        errors: errors ?? {},
        errorList: errors ? summaryLinks(errors) : [],
        agencyItems: [
          { value: '', text: 'Choose an agency' },
          ...meeting.invitations.map((a) => ({
            value: a.agencyId,
            text: a.name,
            selected: values.agencyId === a.agencyId,
          })),
        ],
        attendanceItems: ATTENDANCE.map((a) => ({
          value: a.code,
          text: a.label,
          checked: values.attendance === a.code,
        })),
        banner: meetingBanner(parseInput(MeetingPageQuery, request.query)),
      };
    };

    app.get('/meetings/:meetingId', { config: { action: 'meeting.view' } }, async (request, reply) => {
      const { meetingId } = parseInput(MeetingParams, request.params);
      return reply.render('meetings/views/meeting.njk', await meetingPage(request, meetingId));
    });

    app.post(
      '/meetings/:meetingId/attendance',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const { meetingId } = parseInput(MeetingParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () => recordAttendance(database, web.context(request), meetingId, body),
          done: () => reply.redirect(`/meetings/${meetingId}?attendance=recorded#attendance-heading`, 303),
          redisplay: async ({ status, errors }) =>
            reply
              .code(status)
              .render('meetings/views/meeting.njk', await meetingPage(request, meetingId, body, errors)),
        });
      },
    );

    app.post(
      '/meetings/:meetingId/close',
      { config: { action: 'meeting.manage' } },
      async (request, reply) => {
        const { meetingId } = parseInput(MeetingParams, request.params);
        return handleForm({
          attempt: () => closeMeeting(database, web.context(request), meetingId),
          done: (closed) =>
            reply.redirect(
              `/meetings/${meetingId}?closed=${closed.alreadyClosed ? 'again' : 'yes'}&notified=${closed.ownersNotified}`,
              303,
            ),
          redisplay: async ({ status, errors }) =>
            reply
              .code(status)
              .render('meetings/views/meeting.njk', await meetingPage(request, meetingId, {}, errors)),
        });
      },
    );

    app.get(
      '/meetings/:meetingId/nominals/:nominalId/agenda',
      { config: { action: 'meeting.view' } },
      async (request, reply) => {
        const { meetingId, nominalId } = parseInput(MinutesParams, request.params);
        const agenda = await getAgenda(database, web.context(request), meetingId, nominalId);
        return reply.render('meetings/views/agenda.njk', {
          title: `Agenda: ${agenda.person.name}`,
          agenda,
          minutesHref: minutesPath(meetingId, nominalId),
        });
      },
    );

    // --- The record's tab -------------------------------------------------------------------------

    app.get('/nominals/:id/meetings', { config: { action: 'meeting.view' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const ctx = web.context(request);
      const meetings = await meetingsForNominal(database, ctx, id);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const actions = await listActionsForNominal(database, ctx, id);
      return reply.render('meetings/views/record-tab.njk', {
        title: `Meetings and actions – ${person.name}`,
        id,
        person,
        meetings,
        actions,
        statusTag: STATUS_TAG,
      });
    });
  };
