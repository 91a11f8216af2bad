import type { FastifyRequest } from 'fastify';
import { can } from '../../access/policy.ts';
import { AGENCY_TYPE, MAPPA_CATEGORY, MAPPA_LEVEL, SCREENING_ROUTE, labelOf } from '../../domain/codes.ts';
import { daysBetween, formatDateLong, parseDateParts } from '../../domain/dates.ts';
import { SIGNIFICANT_EVENT_TYPE } from '../../domain/deadlines.ts';
import { ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { LEVEL_CRITERION, describeOpenActions } from '../../domain/levels.ts';
import type { Web } from '../../web/types.ts';
import { openActionsFor } from '../actions/index.ts';
import { getNominalSection } from '../nominals/index.ts';
import { reportSignificantEvent } from './significant-events.ts';
import {
  DEFAULT_PANEL_TYPES,
  OFFENDER_NOTIFICATION_KIND,
  areaAgencies,
  SCREENING_QUESTIONS,
  countersignLevelDecision,
  decideLevel,
  getAreaSettings,
  getLevelHistory,
  levelSummary,
  recordOffenderNotification,
  recordStatusNotification,
  updateAreaSettings,
  type AreaSettingsView,
} from './use-cases.ts';
import { bodyOf, dateParts } from '../../web/forms.ts';

/**
 * A person's MAPPA status (MAPPA.md §2–3, §6): category, level, what is due, significant events
 * and every level decision, with the forms that record them. Pages and API call the same use cases.
 */

type Body = Record<string, unknown>;
type Params = { id: string };

// --- Form helpers ------------------------------------------------------------------------------

/** A value no date parser accepts: a date the user typed wrongly reaches the use case as this, so it refuses (and writes nothing). */
const UNREADABLE_DATE = 'unreadable-date';

interface DateFromForm {
  /** ISO date, '' when left blank (optional fields only), or UNREADABLE_DATE. */
  value: string;
  /** The GOV.UK date input message, which says which part is wrong. */
  error?: string;
}

/** Reads the three boxes of a GOV.UK date input named `key`. */
export function dateFromForm(body: Body, key: string, label: string, required: boolean): DateFromForm {
  const [day, month, year] = (['day', 'month', 'year'] as const).map((part) =>
    String(body[`${key}-${part}`] ?? ''),
  );
  if (!required && !`${day}${month}${year}`.trim()) return { value: '' };
  const parsed = parseDateParts(day!, month!, year!, label);
  return parsed.ok ? { value: parsed.value } : { value: UNREADABLE_DATE, error: parsed.error };
}

/** Date parts to redisplay a date in a form. */

/**
 * The use case's field errors with the date inputs' own messages put over its ISO-format ones,
 * in the order the fields appear on the form.
 */
function formErrors(
  error: ValidationError,
  dates: Record<string, DateFromForm>,
  order: readonly string[],
): FieldErrors {
  const merged: FieldErrors = { ...error.fieldErrors };
  for (const [key, date] of Object.entries(dates)) if (date.error) merged[key] = date.error;
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The GOV.UK error summary's links: dates go to their day box, radios and checkboxes to their first item. */
function summaryLinks(errors: FieldErrors, dateKeys: readonly string[]) {
  return Object.entries(errors).map(([key, text]) => ({
    text,
    href: `#${dateKeys.includes(key) ? `${key}-day` : key}`,
  }));
}

const panelRank = (type: string) => {
  const i = (DEFAULT_PANEL_TYPES as readonly string[]).indexOf(type);
  return i === -1 ? DEFAULT_PANEL_TYPES.length : i;
};

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

/** Where a due date stands today, for a tag. */
export function dueStatus(dueOn: string | null, today: string) {
  if (!dueOn) return null;
  const days = daysBetween(today, dueOn);
  if (days < 0)
    return {
      text: `Overdue by ${-days} ${days === -1 ? 'day' : 'days'}`,
      classes: 'govuk-tag--red',
      overdue: true,
    };
  if (days === 0) return { text: 'Due today', classes: 'govuk-tag--orange', overdue: false };
  if (days <= 28)
    return {
      text: `Due in ${days} ${days === 1 ? 'day' : 'days'}`,
      classes: 'govuk-tag--yellow',
      overdue: false,
    };
  return null;
}

const DECISION_KIND: Record<string, string> = {
  initial: 'First level decision',
  review: 'Review: level confirmed',
  escalation: 'Escalation',
  reduction: 'Reduction',
  deregistration: 'MAPPA management ended',
};

const answerText = (v: unknown) =>
  v === true || v === 'yes' || v === 'true'
    ? 'Yes'
    : v === false || v === 'no' || v === 'false'
      ? 'No'
      : 'Not answered';

/**
 * The person's category, level and next due date, for the record overview and the decision form.
 * The obligations are brought up to date first if they were computed on an earlier day (deadlines
 * move with the date). Not logged itself: every page that shows it reads the record through a use
 * case that logs the access (getNominal, getNominalSection). A use case in levels/use-cases.ts
 * would be its better home.
 */

// --- Routes -------------------------------------------------------------------------------------

const LEVEL_FORM_ORDER = [
  ...SCREENING_QUESTIONS.map((q) => `screening-${q.key}`),
  'level',
  'criteria',
  'rationale',
  'continuesAtLowerLevel',
  'overrideReason',
  'meetingId',
  'decidedOn',
  'category3AcceptedOn',
];
const EVENT_FORM_ORDER = ['type', 'occurredOn', 'description'];
const TOLD_FORM_ORDER = ['toldOn', 'invitedToContribute', 'theirViews'];
const NOTIFICATION_FORM_ORDER = ['kind', 'notifiedOn'];
const SETTINGS_FORM_ORDER = [
  'level2ReviewWeeks',
  'level3ReviewWeeks',
  'significantEventReviewDays',
  'countersignatureRequired',
  'screeningRoute',
  'standingPanelAgencyIds',
] as const;

export function registerLevels(web: Web): void {
  const { app, api, database } = web;

  // The levels page.
  const levelsPage = async (
    request: FastifyRequest,
    id: string,
    query: Record<string, string | undefined>,
    errors?: FieldErrors,
  ) => {
    const ctx = web.context(request);
    const person = await getNominalSection(database, ctx, id, 'identity');
    const history = await getLevelHistory(database, ctx, id);
    const o = history.obligations;
    const category = MAPPA_CATEGORY.find((c) => c.code === o.category);
    const decisions = history.decisions.map((d) => ({
      ...d,
      kindLabel: DECISION_KIND[d.kind] ?? d.kind,
      levelLabel: d.level ? `Level ${d.level}` : 'No level',
      criteriaLabels: (d.criteria ?? []).map((c: string) => labelOf(LEVEL_CRITERION, c)),
      screening: d.answers
        ? SCREENING_QUESTIONS.map((q) => ({
            question: q.label,
            answer: answerText((d.answers as Record<string, unknown>)[q.key]),
          }))
        : null,
    }));
    const justDecided = query.decision ? decisions.find((d) => d.id === query.decision) : undefined;
    const notified = Number(query.notified);
    return {
      title: `MAPPA level – ${person.name}`,
      errors: errors ?? {},
      errorList: errors ? summaryLinks(errors, []).map((e) => ({ ...e, href: '#decisions' })) : [],
      userId: ctx.actor.userId,
      offenderNotifications: history.offenderNotifications.map((n) => ({
        ...n,
        kindLabel: labelOf(OFFENDER_NOTIFICATION_KIND, n.kind),
      })),
      showNotificationLink: o.category === 1 && can(ctx.actor, 'notification.record'),
      canCountersign: can(ctx.actor, 'level.countersign'),
      id,
      person,
      o,
      category,
      levelDue:
        o.category !== null && o.level === null
          ? {
              dueOn: o.level_decision_due_on,
              basis: o.level_decision_basis,
              status: dueStatus(o.level_decision_due_on, ctx.today),
            }
          : null,
      reviewDue:
        o.level !== null
          ? { dueOn: o.review_due_on, basis: o.review_basis, status: dueStatus(o.review_due_on, ctx.today) }
          : null,
      notificationDue: o.notification_due_on
        ? { dueOn: o.notification_due_on, status: dueStatus(o.notification_due_on, ctx.today) }
        : null,
      decisions,
      events: history.events.map((e) => ({ ...e, typeLabel: labelOf(SIGNIFICANT_EVENT_TYPE, e.type) })),
      told: history.toldOfStatus,
      canDecide: can(ctx.actor, 'level.decide'),
      canEdit: can(ctx.actor, 'nominal.edit'),
      banner: justDecided
        ? {
            heading: justDecided.level
              ? `${justDecided.levelLabel} recorded`
              : 'The end of MAPPA management has been recorded',
            warning: justDecided.warning,
          }
        : query.event === 'recorded'
          ? {
              heading: 'Significant event recorded',
              text:
                Number.isInteger(notified) && notified > 0
                  ? `${notified} other ${notified === 1 ? 'manager was' : 'managers were'} notified in their Vigil inbox. A level review is now due.`
                  : 'No other manager who uses Vigil is recorded for this person, so nobody else was notified. A level review is now due.',
            }
          : query.told === 'recorded'
            ? { heading: 'Recorded that they were told of their MAPPA status' }
            : query.notification === 'recorded'
              ? {
                  heading: 'Notification to the police recorded',
                  text: o.notification_due_on
                    ? `The next notification is due by ${formatDateLong(o.notification_due_on)}.`
                    : undefined,
                }
              : query.countersigned === 'yes'
                ? { heading: 'Level decision countersigned' }
                : null,
    };
  };

  app.get('/nominals/:id/levels', { config: { action: 'nominal.view' } }, async (request, reply) => {
    const { id } = request.params as Params;
    const query = request.query as Record<string, string | undefined>;
    return reply.render('levels/views/levels.njk', await levelsPage(request, id, query));
  });

  // Countersigning a level decision (when the area requires it).
  app.post(
    '/nominals/:id/levels/:decisionId/countersignature',
    { config: { action: 'level.countersign' } },
    async (request, reply) => {
      const { id, decisionId } = request.params as Params & { decisionId: string };
      try {
        await countersignLevelDecision(database, web.context(request), id, decisionId);
        return reply.redirect(`/nominals/${id}/levels?countersigned=yes#decisions`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .render('levels/views/levels.njk', await levelsPage(request, id, {}, error.fieldErrors));
      }
    },
  );

  // Notifications to the police by a registered sex offender.
  const renderNotificationForm = async (
    request: FastifyRequest,
    id: string,
    values: Body,
    errors?: FieldErrors,
  ) => ({
    title: 'Record a notification to the police',
    id,
    person: await getNominalSection(database, web.context(request), id, 'identity'),
    kindItems: OFFENDER_NOTIFICATION_KIND.map((k) => ({
      value: k.code,
      text: k.label,
      checked: values.kind === k.code,
    })),
    values,
    errors: errors ?? {},
    errorList: errors ? summaryLinks(errors, ['notifiedOn']) : [],
  });

  app.get(
    '/nominals/:id/offender-notifications/new',
    { config: { action: 'notification.record' } },
    async (request, reply) => {
      const { id } = request.params as Params;
      const today = web.context(request).today;
      return reply.render(
        'levels/views/notification-form.njk',
        await renderNotificationForm(request, id, dateParts('notifiedOn', today)),
      );
    },
  );

  app.post(
    '/nominals/:id/offender-notifications',
    { config: { action: 'notification.record' } },
    async (request, reply) => {
      const { id } = request.params as Params;
      const body = request.body as Body;
      const dates = { notifiedOn: dateFromForm(body, 'notifiedOn', 'Date they notified the police', true) };
      try {
        await recordOffenderNotification(database, web.context(request), id, {
          kind: body.kind,
          notifiedOn: dates.notifiedOn.value,
        });
        return reply.redirect(`/nominals/${id}/levels?notification=recorded#offender-notifications`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const page = await renderNotificationForm(
          request,
          id,
          body,
          formErrors(error, dates, NOTIFICATION_FORM_ORDER),
        );
        return reply.code(400).render('levels/views/notification-form.njk', page);
      }
    },
  );

  // The area's settings (coordinator).
  const settingsPage = async (
    request: FastifyRequest,
    settings: AreaSettingsView,
    values: Body,
    errors?: FieldErrors,
    saved?: string,
  ) => {
    const agencies = await areaAgencies(database, web.context(request));
    const chosen = list(values.standingPanelAgencyIds);
    // The standing panel's checkboxes, one group per agency type, in the panel's order.
    const panelGroups = AGENCY_TYPE.map((type) => ({
      type: type.code,
      legend: type.label,
      items: agencies
        .filter((a) => a.type === type.code)
        .map((a) => ({ value: a.agencyId, text: a.name, checked: chosen.includes(a.agencyId) })),
    }))
      .filter((g) => g.items.length)
      .sort((a, b) => panelRank(a.type) - panelRank(b.type));
    return {
      title: 'Area settings for MAPPA levels',
      areaCode: settings.areaCode,
      saved,
      values,
      routes: SCREENING_ROUTE.map((r) => ({
        value: r.code,
        text: r.label,
        checked: values.screeningRoute === r.code,
      })),
      panelGroups,
      panelConfigured: settings.standingPanelConfigured,
      defaultPanelTypes: DEFAULT_PANEL_TYPES.map((t) => labelOf(AGENCY_TYPE, t)),
      errors: errors ?? {},
      errorList: errors
        ? summaryLinks(errors, []).map((e) =>
            e.href === '#standingPanelAgencyIds' && panelGroups[0]
              ? { ...e, href: `#panel-${panelGroups[0].type}` }
              : e,
          )
        : [],
    };
  };
  const settingsValues = (s: AreaSettingsView): Body => ({
    level2ReviewWeeks: String(s.level2ReviewWeeks),
    level3ReviewWeeks: String(s.level3ReviewWeeks),
    significantEventReviewDays: String(s.significantEventReviewDays),
    countersignatureRequired: s.countersignatureRequired ? 'yes' : 'no',
    screeningRoute: s.screeningRoute,
    standingPanelAgencyIds: s.standingPanel.map((a) => a.agencyId),
  });

  app.get('/area-settings', { config: { action: 'area.settings' } }, async (request, reply) => {
    const settings = await getAreaSettings(database, web.context(request));
    const recomputed = Number((request.query as Record<string, string | undefined>).saved);
    return reply.render(
      'levels/views/area-settings.njk',
      await settingsPage(
        request,
        settings,
        settingsValues(settings),
        undefined,
        Number.isInteger(recomputed) && recomputed >= 0
          ? `${recomputed} ${recomputed === 1 ? 'person' : 'people'}`
          : undefined,
      ),
    );
  });

  app.post('/area-settings', { config: { action: 'area.settings' } }, async (request, reply) => {
    const ctx = web.context(request);
    const body = request.body as Body;
    try {
      // An unticked panel sends nothing: the form always means "this panel" (empty = the default).
      const saved = await updateAreaSettings(database, ctx, {
        ...body,
        standingPanelAgencyIds: list(body.standingPanelAgencyIds),
      });
      return reply.redirect(`/area-settings?saved=${saved.recomputed}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const settings = await getAreaSettings(database, ctx);
      const order: string[] = [...SETTINGS_FORM_ORDER];
      const errors = Object.fromEntries(
        Object.entries(error.fieldErrors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)),
      );
      return reply
        .code(400)
        .render('levels/views/area-settings.njk', await settingsPage(request, settings, body, errors));
    }
  });

  // Screening and level decision.
  const renderDecisionForm = async (
    request: FastifyRequest,
    id: string,
    values: Body,
    errors?: FieldErrors,
  ) => {
    const ctx = web.context(request);
    const person = await getNominalSection(database, ctx, id, 'identity');
    const summary = await levelSummary(database, ctx, id);
    const openActions = await openActionsFor(database.db, id);
    return {
      title: 'Record a screening and level decision',
      openActions,
      openActionsText: describeOpenActions(openActions),
      id,
      person,
      summary,
      categoryLabel: summary?.category ? labelOf(MAPPA_CATEGORY, summary.category) : null,
      questions: SCREENING_QUESTIONS,
      levels: MAPPA_LEVEL,
      criteria: LEVEL_CRITERION.map((c) => ({
        code: c.code,
        label: c.label,
        hint: c.levels.length === 2 ? 'Level 2 or 3' : `Level ${c.levels[0]} only`,
      })),
      values,
      errors: errors ?? {},
      errorList: errors ? summaryLinks(errors, ['decidedOn', 'category3AcceptedOn']) : [],
    };
  };

  app.get('/nominals/:id/levels/new', { config: { action: 'level.decide' } }, async (request, reply) => {
    const { id } = request.params as Params;
    const today = web.context(request).today;
    // A panel records its decision from the meeting: ?meeting=<id> names it.
    const meeting = (request.query as Record<string, string | undefined>).meeting;
    return reply.render(
      'levels/views/decision-form.njk',
      await renderDecisionForm(request, id, {
        ...dateParts('decidedOn', today),
        ...(meeting ? { meetingId: meeting } : {}),
      }),
    );
  });

  app.post('/nominals/:id/levels', { config: { action: 'level.decide' } }, async (request, reply) => {
    const { id } = request.params as Params;
    const ctx = web.context(request);
    const body = request.body as Body;
    const dates = {
      decidedOn: dateFromForm(body, 'decidedOn', 'Date of the decision', true),
      category3AcceptedOn: dateFromForm(
        body,
        'category3AcceptedOn',
        'Date the Category 3 referral was accepted',
        false,
      ),
    };
    const ending = body.level === 'end';
    const screening = Object.fromEntries(
      SCREENING_QUESTIONS.map((q) => {
        const answer = body[`screening-${q.key}`];
        return [q.key, answer === 'yes' ? true : answer === 'no' ? false : null];
      }),
    );
    try {
      const decided = await decideLevel(database, ctx, id, {
        level: ending ? undefined : body.level,
        deregister: ending,
        criteria: ending ? [] : list(body.criteria),
        rationale: body.rationale,
        decidedOn: dates.decidedOn.value,
        category3AcceptedOn: dates.category3AcceptedOn.value,
        screening,
        continuesAtLowerLevel: body.continuesAtLowerLevel,
        overrideReason: body.overrideReason,
        meetingId: body.meetingId || undefined,
      });
      return reply.redirect(`/nominals/${id}/levels?decision=${decided.id}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const values = { ...body, criteria: list(body.criteria) };
      const page = await renderDecisionForm(request, id, values, formErrors(error, dates, LEVEL_FORM_ORDER));
      return reply.code(400).render('levels/views/decision-form.njk', page);
    }
  });

  // Significant events.
  const renderEventForm = async (
    request: FastifyRequest,
    id: string,
    values: Body,
    errors?: FieldErrors,
  ) => ({
    title: 'Record a significant event',
    id,
    person: await getNominalSection(database, web.context(request), id, 'identity'),
    types: SIGNIFICANT_EVENT_TYPE,
    values,
    errors: errors ?? {},
    errorList: errors ? summaryLinks(errors, ['occurredOn']) : [],
  });

  app.get('/nominals/:id/events/new', { config: { action: 'nominal.edit' } }, async (request, reply) => {
    const { id } = request.params as Params;
    return reply.render('levels/views/event-form.njk', await renderEventForm(request, id, {}));
  });

  app.post('/nominals/:id/events', { config: { action: 'nominal.edit' } }, async (request, reply) => {
    const { id } = request.params as Params;
    const ctx = web.context(request);
    const body = request.body as Body;
    const dates = { occurredOn: dateFromForm(body, 'occurredOn', 'Date it happened', true) };
    try {
      const recorded = await reportSignificantEvent(database, ctx, id, {
        type: body.type,
        occurredOn: dates.occurredOn.value,
        description: body.description,
      });
      return reply.redirect(
        `/nominals/${id}/levels?event=recorded&notified=${recorded.notified}#events`,
        303,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const page = await renderEventForm(request, id, body, formErrors(error, dates, EVENT_FORM_ORDER));
      return reply.code(400).render('levels/views/event-form.njk', page);
    }
  });

  // Told of their MAPPA status.
  const renderToldForm = async (request: FastifyRequest, id: string, values: Body, errors?: FieldErrors) => ({
    title: 'Record that they were told of their MAPPA status',
    id,
    person: await getNominalSection(database, web.context(request), id, 'identity'),
    values,
    errors: errors ?? {},
    errorList: errors ? summaryLinks(errors, ['toldOn']) : [],
  });

  app.get(
    '/nominals/:id/mappa-status/new',
    { config: { action: 'nominal.edit' } },
    async (request, reply) => {
      const { id } = request.params as Params;
      return reply.render('levels/views/told-form.njk', await renderToldForm(request, id, {}));
    },
  );

  app.post('/nominals/:id/mappa-status', { config: { action: 'nominal.edit' } }, async (request, reply) => {
    const { id } = request.params as Params;
    const ctx = web.context(request);
    const body = request.body as Body;
    const dates = { toldOn: dateFromForm(body, 'toldOn', 'Date they were told', true) };
    try {
      await recordStatusNotification(database, ctx, id, {
        toldOn: dates.toldOn.value,
        invitedToContribute: body.invitedToContribute,
        theirViews: body.theirViews,
      });
      return reply.redirect(`/nominals/${id}/levels?told=recorded#told`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const page = await renderToldForm(request, id, body, formErrors(error, dates, TOLD_FORM_ORDER));
      return reply.code(400).render('levels/views/told-form.njk', page);
    }
  });

  // --- API ---------------------------------------------------------------------------------------

  const ID_RESULT = { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } };
  const DATE = { type: 'string', format: 'date' };
  const NULLABLE_DATE = { type: ['string', 'null'], format: 'date' };

  api.add({
    method: 'GET',
    path: '/nominals/{id}/levels',
    action: 'nominal.view',
    tag: 'MAPPA levels',
    summary:
      'The person’s MAPPA status: category, level, what is due, decisions with their screenings, significant events, and whether they were told',
    response: {
      type: 'object',
      properties: {
        obligations: {
          type: 'object',
          description:
            'Computed by the eligibility and deadline rules (snake_case columns of nominal_obligations)',
          properties: {
            category: { type: ['integer', 'null'] },
            category_reason: { type: ['string', 'null'] },
            eligibility_ends_on: NULLABLE_DATE,
            level: { type: ['integer', 'null'], description: 'Null: no level set (never a default Level 1)' },
            in_custody: { type: 'boolean' },
            on_rotl: { type: 'boolean' },
            earliest_release_on: NULLABLE_DATE,
            level_decision_due_on: NULLABLE_DATE,
            level_decision_basis: { type: ['string', 'null'] },
            review_due_on: NULLABLE_DATE,
            review_basis: { type: ['string', 'null'] },
            unreviewed_event_since: NULLABLE_DATE,
            notification_due_on: NULLABLE_DATE,
            category3_candidate: { type: 'boolean' },
          },
        },
        decisions: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string', format: 'uuid' },
              level: { type: ['integer', 'null'] },
              category: { type: ['integer', 'null'] },
              kind: { enum: ['initial', 'review', 'escalation', 'reduction', 'deregistration'] },
              criteria: { type: 'array', items: { type: 'string' } },
              rationale: { type: 'string' },
              decidedOn: DATE,
              decidedAt: { type: 'string', format: 'date-time' },
              decidedBy: { type: 'string' },
              warning: { type: ['string', 'null'] },
              answers: { type: ['object', 'null'], description: 'The MAPPA Q screening answers' },
            },
          },
        },
        events: { type: 'array', items: { type: 'object' } },
        toldOfStatus: { type: 'array', items: { type: 'object' } },
        criteria: { type: 'array', items: { type: 'object' } },
      },
    },
    handler: async (request) =>
      getLevelHistory(database, web.context(request), (request.params as Params).id),
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/levels',
    action: 'level.decide',
    tag: 'MAPPA levels',
    summary:
      'Record a screening and a level decision (or the end of MAPPA management), with criteria and rationale',
    body: {
      type: 'object',
      properties: {
        level: { enum: [1, 2, 3], description: 'Omit when `deregister` is true' },
        criteria: {
          type: 'array',
          items: { enum: LEVEL_CRITERION.map((c) => c.code) },
          description: 'Level 2 or 3 criteria; none for Level 1',
        },
        rationale: { type: 'string', maxLength: 4000 },
        decidedOn: { ...DATE, description: 'Defaults to today' },
        category3AcceptedOn: {
          ...DATE,
          description: 'A panel accepted a Category 3 referral on this date (the only way into Category 3)',
        },
        deregister: { type: 'boolean', description: 'End MAPPA management' },
        continuesAtLowerLevel: {
          type: 'string',
          maxLength: 4000,
          description:
            'Required on a reduction: what continues at the lower level (e.g. a professionals’ meeting date)',
        },
        overrideReason: {
          type: 'string',
          maxLength: 4000,
          description:
            'The chair’s reason for reducing or ending MAPPA management while actions are open (`level.override` only); refused otherwise',
        },
        meetingId: {
          type: 'string',
          format: 'uuid',
          description: 'The Level 2/3 meeting that made the decision (it must include this person)',
        },
        screening: {
          type: 'object',
          description: 'MAPPA Q answers',
          properties: Object.fromEntries(
            SCREENING_QUESTIONS.map((q) => [q.key, { type: 'boolean', description: q.label }]),
          ),
        },
      },
    },
    response: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        kind: { type: 'string' },
        category: { type: ['integer', 'null'] },
        level: { type: ['integer', 'null'] },
        warnings: {
          type: 'array',
          items: { type: 'string' },
          description: 'Things to check, e.g. a reduction near release; never a refusal',
        },
        overridden: { type: 'boolean', description: 'A reduction allowed only by the chair’s override' },
      },
    },
    successStatus: 201,
    handler: async (request) => {
      const body = bodyOf(request);
      const screening = body.screening;
      return decideLevel(database, web.context(request), (request.params as Params).id, {
        ...body,
        screening:
          typeof screening === 'object' && screening !== null && !Array.isArray(screening)
            ? (screening as Record<string, unknown>)
            : undefined,
      });
    },
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/significant-events',
    action: 'nominal.edit',
    tag: 'MAPPA levels',
    summary: 'Record a significant event: every named manager is notified and a level review falls due',
    body: {
      type: 'object',
      required: ['type', 'occurredOn', 'description'],
      properties: {
        type: { enum: SIGNIFICANT_EVENT_TYPE.map((t) => t.code) },
        occurredOn: DATE,
        description: { type: 'string', maxLength: 4000 },
      },
    },
    response: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        notified: { type: 'integer', description: 'Managers notified' },
      },
    },
    successStatus: 201,
    handler: async (request) =>
      reportSignificantEvent(database, web.context(request), (request.params as Params).id, bodyOf(request)),
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/mappa-status',
    action: 'nominal.edit',
    tag: 'MAPPA levels',
    summary:
      'Record that the person was told of their MAPPA status, and whether they were invited to contribute',
    body: {
      type: 'object',
      required: ['toldOn', 'invitedToContribute'],
      properties: {
        toldOn: DATE,
        invitedToContribute: { type: 'boolean' },
        theirViews: { type: 'string', maxLength: 4000 },
      },
    },
    response: ID_RESULT,
    successStatus: 201,
    handler: async (request) =>
      recordStatusNotification(
        database,
        web.context(request),
        (request.params as Params).id,
        bodyOf(request),
      ),
  });

  const AREA_SETTINGS = {
    type: 'object',
    properties: {
      areaCode: { type: 'string' },
      level2ReviewWeeks: { type: 'integer', minimum: 1, maximum: 52 },
      level3ReviewWeeks: { type: 'integer', minimum: 1, maximum: 52 },
      significantEventReviewDays: { type: 'integer', minimum: 1, maximum: 90 },
      countersignatureRequired: { type: 'boolean' },
      screeningRoute: { enum: SCREENING_ROUTE.map((r) => r.code) },
      standingPanel: {
        type: 'array',
        description: 'The agencies invited to every Level 2/3 meeting',
        items: {
          type: 'object',
          properties: {
            agencyId: { type: 'string', format: 'uuid' },
            name: { type: 'string' },
            type: { type: 'string' },
          },
        },
      },
      standingPanelConfigured: {
        type: 'boolean',
        description: 'False: the area has not chosen, so the default panel applies (recommendation 9)',
      },
    },
  };

  api.add({
    method: 'POST',
    path: '/nominals/{id}/offender-notifications',
    action: 'notification.record',
    tag: 'MAPPA levels',
    summary:
      'Record a registered sex offender’s notification to the police (SOA 2003 s.83–85); the next periodic notification falls due a year later',
    body: {
      type: 'object',
      required: ['kind', 'notifiedOn'],
      properties: { kind: { enum: ['initial', 'change', 'periodic'] }, notifiedOn: DATE },
    },
    response: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        nextDueOn: { ...NULLABLE_DATE, description: 'When the next notification is due' },
      },
    },
    successStatus: 201,
    handler: async (request) =>
      recordOffenderNotification(
        database,
        web.context(request),
        (request.params as Params).id,
        bodyOf(request),
      ),
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/levels/{decisionId}/countersignature',
    action: 'level.countersign',
    tag: 'MAPPA levels',
    summary:
      'Countersign someone else’s level decision that awaits countersignature (when the area requires it)',
    response: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        countersignedAt: { type: 'string', format: 'date-time' },
      },
    },
    handler: async (request) => {
      const { id, decisionId } = request.params as Params & { decisionId: string };
      return countersignLevelDecision(database, web.context(request), id, decisionId);
    },
  });

  api.add({
    method: 'GET',
    path: '/area-settings',
    action: 'area.settings',
    tag: 'MAPPA levels',
    summary:
      'The review intervals, countersignature rule, screening route and standing panel of your own area',
    response: AREA_SETTINGS,
    handler: async (request) => getAreaSettings(database, web.context(request)),
  });

  api.add({
    method: 'PUT',
    path: '/area-settings',
    action: 'area.settings',
    versioned: false,
    tag: 'MAPPA levels',
    summary:
      'Change your own area’s review intervals and countersignature rule; every review due date in the area is recalculated',
    body: {
      type: 'object',
      required: [
        'level2ReviewWeeks',
        'level3ReviewWeeks',
        'significantEventReviewDays',
        'countersignatureRequired',
      ],
      properties: {
        level2ReviewWeeks: { type: 'integer', minimum: 1, maximum: 52 },
        level3ReviewWeeks: { type: 'integer', minimum: 1, maximum: 52 },
        significantEventReviewDays: { type: 'integer', minimum: 1, maximum: 90 },
        countersignatureRequired: { type: 'boolean' },
        screeningRoute: {
          enum: SCREENING_ROUTE.map((r) => r.code),
          description: 'How referrals are screened; unchanged when omitted',
        },
        standingPanelAgencyIds: {
          type: 'array',
          items: { type: 'string', format: 'uuid' },
          description:
            'The standing panel (agencies of your area); unchanged when omitted, the default panel when empty',
        },
      },
    },
    response: {
      ...AREA_SETTINGS,
      properties: {
        ...AREA_SETTINGS.properties,
        recomputed: { type: 'integer', description: 'People with a level whose due dates were recalculated' },
      },
    },
    handler: async (request) => updateAreaSettings(database, web.context(request), bodyOf(request)),
  });
}
