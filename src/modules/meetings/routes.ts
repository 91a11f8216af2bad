import type { FastifyRequest } from 'fastify';
import { can } from '../../access/policy.ts';
import { AGENDA } from '../../domain/agenda.ts';
import { ATTENDANCE, MAPPA_LEVEL, PILLAR } from '../../domain/codes.ts';
import { formatDateLong } from '../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { LEVEL_CRITERION } from '../../domain/levels.ts';
import type { Web } from '../../web/types.ts';
import { renderPdf } from '../../web/documents/document.ts';
import { logDownload } from '../../audit/access-log.ts';
import { ACTION_FIELD_ORDER, listActionsForNominal } from '../actions/index.ts';
import { dateFromForm } from '../levels/index.ts';
import { getNominalSection } from '../nominals/index.ts';
import { getAgenda } from './agenda.ts';
import { minutesDocument } from './minutes-document.ts';
import {
  MinutesLockedError,
  actionFormOptions,
  addMinutesAction,
  addMinutesActionUpdate,
  approveMinutes,
  closeMeeting,
  correctMinutes,
  getMeeting,
  getMinutes,
  listMeetings,
  meetingsForNominal,
  recordAttendance,
  recordPanelDecision,
  saveMinutes,
  scheduleMeeting,
  schedulingOptions,
} from './use-cases.ts';
import { bodyOf, dateParts } from '../../web/forms.ts';

/**
 * Meetings (MAPPA.md §3 step 5): the list, scheduling, the meeting page with attendance and its
 * close, each person's generated agenda, and their minutes (MAPPA B) with new actions, updates on
 * earlier actions and the panel's level decision. Pages and API call the same use cases.
 */

type Body = Record<string, unknown>;
type MeetingParams = { meetingId: string };
type NominalParams = { meetingId: string; nominalId: string };

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

/** The GOV.UK error summary: date inputs link to their day box. */
function summaryLinks(errors: FieldErrors, dateKeys: readonly string[] = []) {
  return Object.entries(errors).map(([key, text]) => ({
    text,
    href: `#${dateKeys.includes(key) ? `${key}-day` : key}`,
  }));
}

/** A form's field errors with the date field's own error, in the order the fields stand on the page. */
function inFormOrder(
  errors: FieldErrors,
  date: { key: string; error?: string | undefined },
  order: readonly string[],
): FieldErrors {
  const merged: FieldErrors = { ...errors, ...(date.error ? { [date.key]: date.error } : {}) };
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}

const minutesPath = (meetingId: string, nominalId: string) =>
  `/meetings/${meetingId}/nominals/${nominalId}/minutes`;

const STATUS_TAG: Record<string, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--yellow' },
  approved: { text: 'Approved', classes: 'govuk-tag--green' },
  superseded: { text: 'Superseded', classes: 'govuk-tag--grey' },
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--blue' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--red' },
};

export function registerMeetings(web: Web): void {
  const { app, database } = web;

  // --- The list ----------------------------------------------------------------------------------

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

  // --- Scheduling ---------------------------------------------------------------------------------

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
        ...options.chairs.map((c) => ({ value: c.id, text: c.name, selected: values.chairUserId === c.id })),
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

  app.get('/meetings/new', { config: { action: 'meeting.manage' } }, async (request, reply) =>
    reply.render(
      'meetings/views/new.njk',
      await scheduleForm(request, { level: '2', format: 'in_person', time: '10:00' }),
    ),
  );

  app.post('/meetings', { config: { action: 'meeting.manage' } }, async (request, reply) => {
    const body = request.body as Body;
    const date = dateFromForm(body, 'date', 'Date of the meeting', true);
    try {
      const scheduled = await scheduleMeeting(database, web.context(request), {
        ...body,
        date: date.value,
        nominalIds: list(body.nominalIds),
        agencyIds: list(body.agencyIds),
      });
      return reply.redirect(`/meetings/${scheduled.id}?scheduled=${scheduled.invited}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const errors = inFormOrder(error.fieldErrors, { key: 'date', error: date.error }, SCHEDULE_ORDER);
      return reply.code(400).render('meetings/views/new.njk', await scheduleForm(request, body, errors));
    }
  });

  // --- The meeting ---------------------------------------------------------------------------------

  const meetingPage = async (
    request: FastifyRequest,
    meetingId: string,
    values: Body = {},
    errors?: FieldErrors,
  ) => {
    const ctx = web.context(request);
    const meeting = await getMeeting(database, ctx, meetingId);
    const query = request.query as Record<string, string | undefined>;
    const scheduled = Number(query.scheduled);
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
      banner: query.scheduled
        ? {
            heading: 'Meeting scheduled',
            text: `${Number.isInteger(scheduled) ? scheduled : 0} agencies were invited; their users have the invitation in their Vigil inbox.`,
          }
        : query.attendance
          ? { heading: 'Attendance recorded' }
          : query.closed
            ? {
                heading: 'Meeting closed',
                text:
                  query.closed === 'again'
                    ? 'The meeting was already closed.'
                    : `${Number(query.notified) || 0} action ${Number(query.notified) === 1 ? 'owner was' : 'owners were'} sent their new actions, in their Vigil inbox.`,
              }
            : null,
    };
  };

  app.get('/meetings/:meetingId', { config: { action: 'meeting.view' } }, async (request, reply) => {
    const { meetingId } = request.params as MeetingParams;
    return reply.render('meetings/views/meeting.njk', await meetingPage(request, meetingId));
  });

  app.post(
    '/meetings/:meetingId/attendance',
    { config: { action: 'meeting.manage' } },
    async (request, reply) => {
      const { meetingId } = request.params as MeetingParams;
      const body = request.body as Body;
      try {
        await recordAttendance(database, web.context(request), meetingId, body);
        return reply.redirect(`/meetings/${meetingId}?attendance=recorded#attendance-heading`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .render(
            'meetings/views/meeting.njk',
            await meetingPage(request, meetingId, body, error.fieldErrors),
          );
      }
    },
  );

  app.post('/meetings/:meetingId/close', { config: { action: 'meeting.manage' } }, async (request, reply) => {
    const { meetingId } = request.params as MeetingParams;
    const closed = await closeMeeting(database, web.context(request), meetingId);
    return reply.redirect(
      `/meetings/${meetingId}?closed=${closed.alreadyClosed ? 'again' : 'yes'}&notified=${closed.ownersNotified}`,
      303,
    );
  });

  // --- Agenda ---------------------------------------------------------------------------------------

  app.get(
    '/meetings/:meetingId/nominals/:nominalId/agenda',
    { config: { action: 'meeting.view' } },
    async (request, reply) => {
      const { meetingId, nominalId } = request.params as NominalParams;
      const ctx = web.context(request);
      const agenda = await getAgenda(database, ctx, meetingId, nominalId);
      return reply.render('meetings/views/agenda.njk', {
        title: `Agenda: ${agenda.person.name}`,
        agenda,
        minutesHref: minutesPath(meetingId, nominalId),
      });
    },
  );

  // --- Minutes ------------------------------------------------------------------------------------

  const minutesPage = async (
    request: FastifyRequest,
    meetingId: string,
    nominalId: string,
    values?: Body,
    errors?: FieldErrors,
    notice?: string,
  ) => {
    const ctx = web.context(request);
    const m = await getMinutes(database, ctx, meetingId, nominalId);
    const content = m.minutes?.content;
    const editable =
      can(ctx.actor, 'meeting.manage') && m.latestStatus !== 'approved' && m.latestStatus !== 'superseded';
    const query = request.query as Record<string, string | undefined>;
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
      canApprove: can(ctx.actor, 'minutes.approve') && isChair && m.latestStatus === 'draft',
      canCorrect: can(ctx.actor, 'meeting.manage') && m.latestStatus === 'approved',
      canDecide: can(ctx.actor, 'level.decide'),
      canManage: can(ctx.actor, 'meeting.manage'),
      rmpHref: can(ctx.actor, 'rmp.edit')
        ? `/nominals/${nominalId}/risk-management-plan/edit?meeting=${meetingId}`
        : `/nominals/${nominalId}/risk-management-plan`,
      banner: query.saved
        ? { heading: 'Minutes saved' }
        : query.approved
          ? { heading: `Minutes approved (version ${query.approved})`, text: 'They are now locked.' }
          : query.corrected
            ? {
                heading: `Correction started (version ${query.corrected})`,
                text: 'The approved version stays until this one is approved.',
              }
            : query.action
              ? {
                  heading: 'Action added',
                  text: 'Its owner is told when the meeting closes, or at once if it has already closed.',
                }
              : query.update
                ? { heading: 'Update recorded' }
                : query.decision
                  ? { heading: 'Level decision recorded' }
                  : null,
    };
  };

  app.get(
    '/meetings/:meetingId/nominals/:nominalId/minutes',
    { config: { action: 'meeting.view' } },
    async (request, reply) => {
      const { meetingId, nominalId } = request.params as NominalParams;
      return reply.render('meetings/views/minutes.njk', await minutesPage(request, meetingId, nominalId));
    },
  );

  const minutesInput = (body: Body) => {
    const next = dateFromForm(body, 'nextMeetingOn', 'Date of the next meeting', false);
    return { next, input: { ...body, nextMeetingOn: next.value } };
  };

  app.post(
    '/meetings/:meetingId/nominals/:nominalId/minutes',
    { config: { action: 'meeting.manage' } },
    async (request, reply) => {
      const { meetingId, nominalId } = request.params as NominalParams;
      const body = request.body as Body;
      const { next, input } = minutesInput(body);
      try {
        await saveMinutes(database, web.context(request), meetingId, nominalId, input);
        return reply.redirect(`${minutesPath(meetingId, nominalId)}?saved=yes`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const errors = { ...error.fieldErrors, ...(next.error ? { nextMeetingOn: next.error } : {}) };
          return reply
            .code(400)
            .render(
              'meetings/views/minutes.njk',
              await minutesPage(request, meetingId, nominalId, body, errors),
            );
        }
        if (error instanceof ConflictError) {
          return reply
            .code(409)
            .render(
              'meetings/views/minutes.njk',
              await minutesPage(
                request,
                meetingId,
                nominalId,
                error instanceof MinutesLockedError ? undefined : body,
                undefined,
                error.message,
              ),
            );
        }
        throw error;
      }
    },
  );

  app.post(
    '/meetings/:meetingId/nominals/:nominalId/minutes/approve',
    { config: { action: 'minutes.approve' } },
    async (request, reply) => {
      const { meetingId, nominalId } = request.params as NominalParams;
      const body = request.body as Body;
      try {
        const approved = await approveMinutes(database, web.context(request), meetingId, nominalId, body);
        return reply.redirect(`${minutesPath(meetingId, nominalId)}?approved=${approved.version}`, 303);
      } catch (error) {
        if (error instanceof ValidationError)
          return reply
            .code(400)
            .render(
              'meetings/views/minutes.njk',
              await minutesPage(request, meetingId, nominalId, undefined, error.fieldErrors),
            );
        if (error instanceof ConflictError)
          return reply
            .code(409)
            .render(
              'meetings/views/minutes.njk',
              await minutesPage(request, meetingId, nominalId, undefined, undefined, error.message),
            );
        throw error;
      }
    },
  );

  /** What every form on a person's minutes shows: the minutes, the way back, what was typed, and errors. */
  const minutesForm = async (
    request: FastifyRequest,
    { meetingId, nominalId }: NominalParams,
    title: string,
    values: Body,
    errors?: FieldErrors,
    dateKeys: readonly string[] = [],
  ) => ({
    title,
    m: await getMinutes(database, web.context(request), meetingId, nominalId),
    base: minutesPath(meetingId, nominalId),
    values,
    errors: errors ?? {},
    errorList: errors ? summaryLinks(errors, dateKeys) : [],
  });

  // Correction of approved minutes: a new version, with its reason.
  const correctionForm = (request: FastifyRequest, values: Body, errors?: FieldErrors) =>
    minutesForm(request, request.params as NominalParams, 'Correct the approved minutes', values, errors);

  app.get(
    '/meetings/:meetingId/nominals/:nominalId/minutes/correction',
    { config: { action: 'meeting.manage' } },
    async (request, reply) =>
      reply.render('meetings/views/correction.njk', await correctionForm(request, {})),
  );

  app.post(
    '/meetings/:meetingId/nominals/:nominalId/minutes/correction',
    { config: { action: 'meeting.manage' } },
    async (request, reply) => {
      const { meetingId, nominalId } = request.params as NominalParams;
      const body = request.body as Body;
      try {
        const corrected = await correctMinutes(database, web.context(request), meetingId, nominalId, body);
        return reply.redirect(`${minutesPath(meetingId, nominalId)}?corrected=${corrected.version}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .render('meetings/views/correction.njk', await correctionForm(request, body, error.fieldErrors));
      }
    },
  );

  // New actions from this meeting.
  const actionForm = async (request: FastifyRequest, values: Body, errors?: FieldErrors) => {
    const params = request.params as NominalParams;
    const title = 'Add an action from this meeting';
    const form = await minutesForm(request, params, title, values, errors, ['dueOn']);
    const options = await actionFormOptions(database, web.context(request), params.meetingId);
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
    async (request, reply) => reply.render('meetings/views/action-form.njk', await actionForm(request, {})),
  );

  app.post(
    '/meetings/:meetingId/nominals/:nominalId/minutes/actions',
    { config: { action: 'meeting.manage' } },
    async (request, reply) => {
      const { meetingId, nominalId } = request.params as NominalParams;
      const body = request.body as Body;
      const due = dateFromForm(body, 'dueOn', 'Due date', true);
      try {
        await addMinutesAction(database, web.context(request), meetingId, nominalId, {
          description: body.description,
          pillar: body.pillar,
          safeguarding: body.safeguarding === 'yes',
          ownerAgencyId: body.ownerAgencyId,
          ownerUserId: body.ownerUserId || undefined,
          ownerName: body.ownerName,
          dueOn: due.value,
        });
        return reply.redirect(`${minutesPath(meetingId, nominalId)}?action=added#new-actions`, 303);
      } catch (error) {
        if (error instanceof MinutesLockedError)
          return reply
            .code(409)
            .render(
              'meetings/views/minutes.njk',
              await minutesPage(request, meetingId, nominalId, undefined, undefined, error.message),
            );
        if (!(error instanceof ValidationError)) throw error;
        const errors = inFormOrder(error.fieldErrors, { key: 'dueOn', error: due.error }, ACTION_FIELD_ORDER);
        return reply
          .code(400)
          .render('meetings/views/action-form.njk', await actionForm(request, body, errors));
      }
    },
  );

  // Updates on earlier actions.
  type UpdateParams = NominalParams & { actionId: string };
  const updateForm = async (
    request: FastifyRequest,
    params: UpdateParams,
    values: Body,
    errors?: FieldErrors,
    notice?: string,
  ) => {
    const form = await minutesForm(request, params, 'Record an update on an earlier action', values, errors);
    const action = form.m.earlierActions.find((a) => a.id === params.actionId);
    if (!action) throw new NotFoundError();
    return {
      ...form,
      action,
      values: { version: String(action.version), status: action.status, ...values },
      notice,
      statusItems: [
        { value: 'open', text: 'Still open' },
        { value: 'completed', text: 'Completed' },
        { value: 'cancelled', text: 'No longer needed (cancel it)' },
      ].map((s) => ({ ...s, checked: (values.status ?? action.status) === s.value })),
    };
  };

  app.get(
    '/meetings/:meetingId/nominals/:nominalId/minutes/actions/:actionId/update',
    { config: { action: 'meeting.manage' } },
    async (request, reply) =>
      reply.render(
        'meetings/views/update-form.njk',
        await updateForm(request, request.params as UpdateParams, {}),
      ),
  );

  app.post(
    '/meetings/:meetingId/nominals/:nominalId/minutes/actions/:actionId/updates',
    { config: { action: 'meeting.manage' } },
    async (request, reply) => {
      const params = request.params as UpdateParams;
      const body = request.body as Body;
      try {
        await addMinutesActionUpdate(
          database,
          web.context(request),
          params.meetingId,
          params.nominalId,
          params.actionId,
          {
            note: body.note,
            status: body.status,
            version: body.version,
          },
        );
        return reply.redirect(
          `${minutesPath(params.meetingId, params.nominalId)}?update=recorded#earlier-actions`,
          303,
        );
      } catch (error) {
        if (error instanceof ValidationError)
          return reply
            .code(400)
            .render(
              'meetings/views/update-form.njk',
              await updateForm(request, params, body, error.fieldErrors),
            );
        if (error instanceof ConflictError)
          return reply
            .code(409)
            .render(
              'meetings/views/update-form.njk',
              await updateForm(request, params, { note: body.note }, undefined, error.message),
            );
        throw error;
      }
    },
  );

  // The panel's level decision.
  const decisionForm = async (request: FastifyRequest, values: Body, errors?: FieldErrors) => {
    const params = request.params as NominalParams;
    const form = await minutesForm(request, params, 'Record the panel’s level decision', values, errors);
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
    async (request, reply) =>
      reply.render('meetings/views/decision-form.njk', await decisionForm(request, {})),
  );

  app.post(
    '/meetings/:meetingId/nominals/:nominalId/minutes/level-decision',
    { config: { action: 'level.decide' } },
    async (request, reply) => {
      const { meetingId, nominalId } = request.params as NominalParams;
      const body = request.body as Body;
      try {
        await recordPanelDecision(database, web.context(request), meetingId, nominalId, {
          ...body,
          criteria: list(body.criteria),
        });
        return reply.redirect(
          `${minutesPath(meetingId, nominalId)}?decision=recorded#decisions-heading`,
          303,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .render(
            'meetings/views/decision-form.njk',
            await decisionForm(request, { ...body, criteria: list(body.criteria) }, error.fieldErrors),
          );
      }
    },
  );

  // The minutes as a document (MAPPA B), HTML and PDF; any version.
  const versionOf = (request: FastifyRequest) => {
    const v = Number((request.query as Record<string, string | undefined>).version);
    return Number.isInteger(v) && v > 0 && v < 10_000 ? v : undefined;
  };

  app.get(
    '/meetings/:meetingId/nominals/:nominalId/minutes/document',
    { config: { action: 'meeting.view' } },
    async (request, reply) => {
      const { meetingId, nominalId } = request.params as NominalParams;
      const version = versionOf(request);
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
      const { meetingId, nominalId } = request.params as NominalParams;
      const ctx = web.context(request);
      const m = await getMinutes(database, ctx, meetingId, nominalId, versionOf(request));
      const pdf = await renderPdf(minutesDocument(m));
      await logDownload(database, ctx, {
        recordType: 'nominal',
        recordIds: [nominalId],
        document: `MAPPA B minutes of the meeting on ${m.meeting.day}`,
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

  // --- The record's tab ---------------------------------------------------------------------------

  app.get('/nominals/:id/meetings', { config: { action: 'meeting.view' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
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

  registerMeetingsApi(web);
}

// --- API ---------------------------------------------------------------------------------------------

const UUID = { type: 'string', format: 'uuid' };
const DATE = { type: 'string', format: 'date' };
const OBJECT = { type: 'object' };

function registerMeetingsApi(web: Web) {
  const { api, database } = web;
  const tag = 'Meetings and minutes';
  const p = (request: FastifyRequest) => request.params as NominalParams & { actionId: string };
  const ctx = (request: FastifyRequest) => web.context(request);

  api.add({
    method: 'GET',
    path: '/meetings',
    action: 'meeting.view',
    tag,
    summary:
      'Your area’s meetings, upcoming and past (an invited agency sees only the meetings it is invited to)',
    response: { type: 'object', properties: { upcoming: { type: 'array' }, past: { type: 'array' } } },
    handler: async (request) => listMeetings(database, ctx(request)),
  });

  api.add({
    method: 'POST',
    path: '/meetings',
    action: 'meeting.manage',
    tag,
    summary:
      'Schedule a Level 2 or 3 meeting for one or more people; the standing panel is invited automatically and invited duty-to-co-operate agencies are given sight of each person’s shareable sections',
    body: {
      type: 'object',
      required: ['level', 'date', 'time', 'format', 'nominalIds'],
      properties: {
        level: { enum: [2, 3] },
        date: DATE,
        time: { type: 'string', pattern: '^\\d{1,2}:\\d{2}$', description: 'London time, 24-hour clock' },
        format: { enum: ['in_person', 'online'] },
        location: { type: 'string', description: 'Required in person' },
        onlineLink: { type: 'string', format: 'uri', description: 'Required online; https only' },
        chairUserId: { ...UUID, description: 'A meeting chair in your area' },
        nominalIds: { type: 'array', items: UUID },
        vigilRefs: { type: 'array', items: { type: 'string' } },
        agencyIds: {
          type: 'array',
          items: UUID,
          description: 'Agencies chosen for the case, besides the standing panel',
        },
      },
    },
    response: {
      type: 'object',
      properties: { id: UUID, invited: { type: 'integer' }, nominals: { type: 'integer' } },
    },
    successStatus: 201,
    handler: async (request) => scheduleMeeting(database, ctx(request), bodyOf(request)),
  });

  api.add({
    method: 'GET',
    path: '/meetings/{meetingId}',
    action: 'meeting.view',
    tag,
    summary:
      'A meeting: details, invited agencies with their attendance and the attendance rate, and the people discussed',
    response: OBJECT,
    handler: async (request) => getMeeting(database, ctx(request), p(request).meetingId),
  });

  api.add({
    method: 'POST',
    path: '/meetings/{meetingId}/attendance',
    action: 'meeting.manage',
    tag,
    summary:
      'Record attendance for an invited agency (MAPPA E): attended, apologies, a substitute (for whom) or did not attend',
    body: {
      type: 'object',
      required: ['agencyId', 'personName', 'attendance'],
      properties: {
        agencyId: UUID,
        personName: { type: 'string', maxLength: 200 },
        attendance: { enum: ATTENDANCE.map((a) => a.code) },
        substituteFor: { type: 'string', maxLength: 200, description: 'Required for a substitute' },
      },
    },
    response: { type: 'object', properties: { id: UUID } },
    successStatus: 201,
    handler: async (request) =>
      recordAttendance(database, ctx(request), p(request).meetingId, bodyOf(request)),
  });

  api.add({
    method: 'POST',
    path: '/meetings/{meetingId}/close',
    action: 'meeting.manage',
    tag,
    summary:
      'Close the meeting: each owner of a new action is notified at once with their actions; closing again changes nothing',
    response: {
      type: 'object',
      properties: {
        closed: { type: 'boolean' },
        alreadyClosed: { type: 'boolean' },
        ownersNotified: {
          type: 'integer',
          description: 'Owners sent their new actions (each once, with all of theirs)',
        },
      },
    },
    handler: async (request) => closeMeeting(database, ctx(request), p(request).meetingId),
  });

  api.add({
    method: 'GET',
    path: '/meetings/{meetingId}/nominals/{nominalId}/agenda',
    action: 'meeting.view',
    tag,
    summary: 'The agenda (aide-memoire) for one person, generated from the record as you may see it',
    response: OBJECT,
    handler: async (request) => getAgenda(database, ctx(request), p(request).meetingId, p(request).nominalId),
  });

  const MINUTES_CONTENT = {
    type: 'object',
    properties: {
      items: {
        type: 'object',
        properties: Object.fromEntries(
          AGENDA.map((i) => [i.key, { type: 'string', description: i.heading }]),
        ),
      },
      decisions: { type: 'string' },
      disclosure: {
        type: 'object',
        properties: { considered: { enum: ['yes', 'no'] }, reason: { type: 'string' } },
      },
      nextMeetingOn: DATE,
    },
  };

  api.add({
    method: 'GET',
    path: '/meetings/{meetingId}/nominals/{nominalId}/minutes',
    action: 'meeting.view',
    tag,
    summary:
      'The minutes of one person at one meeting (latest version, or `?version=`), with this meeting’s new actions, updates on earlier actions and level decision',
    query: { version: { type: 'integer', description: 'A version number; the latest if absent' } },
    response: OBJECT,
    handler: async (request) => {
      const v = Number((request.query as Record<string, string | undefined>).version);
      return getMinutes(
        database,
        ctx(request),
        p(request).meetingId,
        p(request).nominalId,
        Number.isInteger(v) && v > 0 ? v : undefined,
      );
    },
  });

  api.add({
    method: 'PUT',
    path: '/meetings/{meetingId}/nominals/{nominalId}/minutes',
    action: 'meeting.manage',
    tag,
    summary: 'Save the draft minutes (rowVersion 0 for the first save); approved minutes are locked (409)',
    body: {
      ...MINUTES_CONTENT,
      required: ['rowVersion'],
      properties: { ...MINUTES_CONTENT.properties, rowVersion: { type: 'integer', minimum: 0 } },
    },
    response: {
      type: 'object',
      properties: { version: { type: 'integer' }, rowVersion: { type: 'integer' } },
    },
    handler: async (request) =>
      saveMinutes(database, ctx(request), p(request).meetingId, p(request).nominalId, bodyOf(request)),
  });

  api.add({
    method: 'POST',
    path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/approve',
    action: 'minutes.approve',
    tag,
    summary:
      'The chair approves the draft minutes (disclosure considered, with why, is required); they are then locked',
    body: { type: 'object', required: ['rowVersion'], properties: { rowVersion: { type: 'integer' } } },
    response: { type: 'object', properties: { version: { type: 'integer' }, status: { type: 'string' } } },
    handler: async (request) =>
      approveMinutes(database, ctx(request), p(request).meetingId, p(request).nominalId, bodyOf(request)),
  });

  api.add({
    method: 'POST',
    path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/correction',
    action: 'meeting.manage',
    tag,
    summary:
      'Start a correction of approved minutes: a new draft version with the reason; the approved version stays until it is approved',
    body: {
      type: 'object',
      required: ['reason'],
      properties: { reason: { type: 'string', maxLength: 2000 } },
    },
    response: { type: 'object', properties: { version: { type: 'integer' }, status: { type: 'string' } } },
    successStatus: 201,
    handler: async (request) =>
      correctMinutes(database, ctx(request), p(request).meetingId, p(request).nominalId, bodyOf(request)),
  });

  api.add({
    method: 'POST',
    path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/actions',
    action: 'meeting.manage',
    tag,
    summary: 'Add a new action agreed at this meeting; its owner is notified when the meeting closes',
    body: {
      type: 'object',
      required: ['description', 'pillar', 'ownerAgencyId', 'dueOn'],
      properties: {
        description: { type: 'string' },
        pillar: { enum: PILLAR.map((x) => x.code) },
        safeguarding: { type: 'boolean' },
        ownerAgencyId: UUID,
        ownerUserId: UUID,
        ownerName: { type: 'string' },
        dueOn: DATE,
      },
    },
    response: { type: 'object', properties: { id: UUID } },
    successStatus: 201,
    handler: async (request) =>
      addMinutesAction(database, ctx(request), p(request).meetingId, p(request).nominalId, bodyOf(request)),
  });

  api.add({
    method: 'POST',
    path: '/meetings/{meetingId}/nominals/{nominalId}/minutes/actions/{actionId}/updates',
    action: 'meeting.manage',
    tag,
    summary: 'Record, at this meeting, an update on an action from an earlier meeting',
    body: {
      type: 'object',
      required: ['note', 'status', 'version'],
      properties: {
        note: { type: 'string' },
        status: { enum: ['open', 'completed', 'cancelled'] },
        version: { type: 'integer', description: 'The action’s version you read' },
      },
    },
    response: { type: 'object', properties: { recorded: { type: 'boolean' } } },
    successStatus: 201,
    handler: async (request) => {
      const { meetingId, nominalId, actionId } = p(request);
      await addMinutesActionUpdate(database, ctx(request), meetingId, nominalId, actionId, bodyOf(request));
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
    body: {
      type: 'object',
      required: ['level', 'rationale'],
      properties: {
        level: { enum: [1, 2, 3, 'end'] },
        criteria: { type: 'array', items: { enum: LEVEL_CRITERION.map((c) => c.code) } },
        rationale: { type: 'string', maxLength: 4000 },
        overrideReason: {
          type: 'string',
          maxLength: 4000,
          description: 'The chair’s reason to reduce while actions are open',
        },
        continuesAtLowerLevel: { type: 'string', maxLength: 4000 },
      },
    },
    response: OBJECT,
    successStatus: 201,
    handler: async (request) =>
      recordPanelDecision(
        database,
        ctx(request),
        p(request).meetingId,
        p(request).nominalId,
        bodyOf(request),
      ),
  });

  api.add({
    method: 'GET',
    path: '/nominals/{id}/meetings',
    action: 'meeting.view',
    tag,
    summary: 'The meetings a person was discussed at, with where their minutes stand',
    response: { type: 'array', items: OBJECT },
    handler: async (request) =>
      meetingsForNominal(database, ctx(request), (request.params as { id: string }).id),
  });
}
