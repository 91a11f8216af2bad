import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import { MAPPA_CATEGORY, labelOf } from '../../../domain/codes.ts';
import { formatDateLong } from '../../../domain/dates.ts';
import { SIGNIFICANT_EVENT_TYPE } from '../../../domain/deadlines.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { LEVEL_CRITERION } from '../../../domain/levels.ts';
import { parseInput } from '../../../validation/parse.ts';
import { handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import {
  DECISION_KIND,
  NOTIFICATION_EVENT_KIND,
  OFFENDER_NOTIFICATION_KIND,
  SCREENING_QUESTIONS,
} from '../codes.ts';
import { DecisionParams, LevelsPageQuery, NominalParams } from '../schemas.ts';
import { countersignLevelDecision } from '../use-cases/decisions.ts';
import { getLevelHistory } from '../use-cases/history.ts';
import { dueStatus, summaryLinks } from './forms.ts';

/**
 * The person's MAPPA status page (MAPPA.md §2–3, §6): category, level, what is due, significant
 * events and every level decision, with the buttons to the forms that record them; and
 * countersigning a decision from it.
 */

type History = Awaited<ReturnType<typeof getLevelHistory>>;
type PageQuery = ReturnType<typeof LevelsPageQuery.parse>;

const answerText = (v: unknown) =>
  v === true || v === 'yes' || v === 'true'
    ? 'Yes'
    : v === false || v === 'no' || v === 'false'
      ? 'No'
      : 'Not answered';

function presentDecisions(history: History) {
  return history.decisions.map((d) => ({
    ...d,
    kindLabel: labelOf(DECISION_KIND, d.kind),
    levelLabel: d.level ? `Level ${d.level}` : 'No level',
    criteriaLabels: (d.criteria ?? []).map((c: string) => labelOf(LEVEL_CRITERION, c)),
    screening: d.answers
      ? SCREENING_QUESTIONS.map((q) => ({ question: q.label, answer: answerText(d.answers?.[q.key]) }))
      : null,
  }));
}

/** The success banner after a form saved (its redirect says which). */
function bannerFor(query: PageQuery, decisions: ReturnType<typeof presentDecisions>, history: History) {
  const justDecided = query.decision ? decisions.find((d) => d.id === query.decision) : undefined;
  if (justDecided)
    return {
      heading: justDecided.level
        ? `${justDecided.levelLabel} recorded`
        : 'The end of MAPPA management has been recorded',
      warning: justDecided.warning,
    };
  if (query.event === 'recorded') {
    const notified = Number(query.notified);
    return {
      heading: 'Significant event recorded',
      text:
        Number.isInteger(notified) && notified > 0
          ? `${notified} other ${notified === 1 ? 'manager was' : 'managers were'} notified in their Vigil inbox. A level review is now due.`
          : 'No other manager who uses Vigil is recorded for this person, so nobody else was notified. A level review is now due.',
    };
  }
  if (query.told === 'recorded') return { heading: 'Recorded that they were told of their MAPPA status' };
  if (query.notification === 'recorded') {
    const due = history.obligations.notification_due_on;
    return {
      heading: 'Notification to the police recorded',
      text: due ? `The next notification is due by ${formatDateLong(due)}.` : undefined,
    };
  }
  if (query.countersigned === 'yes') return { heading: 'Level decision countersigned' };
  if (query.notificationEvent === 'recorded' || query.notificationEvent === 'notified') {
    const due = history.obligations.notification_due_on;
    return {
      heading:
        query.notificationEvent === 'recorded'
          ? 'Change, stay or travel recorded'
          : 'Recorded that they notified the police',
      text: due ? `The next notification duty falls due by ${formatDateLong(due)}.` : undefined,
    };
  }
  return null;
}

/** Every notification duty's name (SOA 2003 s.83-86). */
const DUTY_KIND: readonly { code: string; label: string }[] = [
  { code: 'initial', label: 'Initial notification' },
  { code: 'periodic', label: 'Periodic (annual) notification' },
  { code: 'weekly', label: 'Weekly notification (no fixed abode)' },
  ...NOTIFICATION_EVENT_KIND,
];

/**
 * The category with its legal basis, as a practitioner checks it: "Category 1 until 14 March
 * 2037 — SOA 2003 s.82(1)", the reason, and the facts the rule used.
 */
function legalBasis(o: History['obligations']) {
  if (o.category === null) return null;
  const until = o.eligibility_ends_on
    ? `until ${formatDateLong(o.eligibility_ends_on)}`
    : 'with no fixed end date';
  return {
    headline: `Category ${o.category} ${until}${o.category_basis ? ` — ${o.category_basis}` : ''}`,
    facts: o.category_facts,
  };
}

function presentDuties(history: History, today: string) {
  const events = new Map(history.notificationEvents.map((e) => [e.id, e]));
  return history.obligations.notification_obligations.map((d) => ({
    ...d,
    kindLabel: labelOf(DUTY_KIND, d.kind),
    status: dueStatus(d.dueOn, today),
    event: d.eventId ? events.get(d.eventId) : undefined,
  }));
}

export const statusPage =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      query: PageQuery,
      problem?: { status: number; errors: FieldErrors },
    ) => {
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const history = await getLevelHistory(database, ctx, id);
      const o = history.obligations;
      const decisions = presentDecisions(history);
      const errors = problem?.errors;
      return reply.code(problem?.status ?? 200).render('levels/views/levels.njk', {
        title: `MAPPA level – ${person.name}`,
        errors: errors ?? {},
        errorList: summaryLinks(errors, []).map((e) => ({ ...e, href: '#decisions' })),
        userId: ctx.actor.userId,
        offenderNotifications: history.offenderNotifications.map((n) => ({
          ...n,
          kindLabel: labelOf(OFFENDER_NOTIFICATION_KIND, n.kind),
        })),
        // Notification follows SOA 2003 Part 2, not the category (a Category 4 RSO notifies too).
        showNotificationLink: o.subject_to_notification && can(ctx.actor, 'notification.record'),
        canRecordNotification: can(ctx.actor, 'notification.record'),
        legal: legalBasis(o),
        duties: presentDuties(history, ctx.today),
        notificationEvents: history.notificationEvents.map((e) => ({
          ...e,
          kindLabel: labelOf(NOTIFICATION_EVENT_KIND, e.kind),
        })),
        canCountersign: can(ctx.actor, 'level.countersign'),
        id,
        person,
        o,
        category: MAPPA_CATEGORY.find((c) => c.code === o.category),
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
          ? {
              dueOn: o.notification_due_on,
              basis: o.notification_basis,
              status: dueStatus(o.notification_due_on, ctx.today),
            }
          : null,
        decisions,
        events: history.events.map((e) => ({ ...e, typeLabel: labelOf(SIGNIFICANT_EVENT_TYPE, e.type) })),
        told: history.toldOfStatus,
        category3Considerations: history.category3Considerations,
        canDecide: can(ctx.actor, 'level.decide'),
        canEdit: can(ctx.actor, 'nominal.edit'),
        banner: bannerFor(query, decisions, history),
      });
    };

    app.get('/nominals/:id/levels', { config: { action: 'nominal.view' } }, async (request, reply) =>
      render(
        request,
        reply,
        parseInput(NominalParams, request.params).id,
        parseInput(LevelsPageQuery, request.query),
      ),
    );

    // Countersigning a level decision (when the area requires it).
    app.post(
      '/nominals/:id/levels/:decisionId/countersignature',
      { config: { action: 'level.countersign' } },
      async (request, reply) => {
        const { id, decisionId } = parseInput(DecisionParams, request.params);
        return handleForm({
          attempt: () => countersignLevelDecision(database, web.context(request), id, decisionId),
          done: () => reply.redirect(`/nominals/${id}/levels?countersigned=yes#decisions`, 303),
          redisplay: ({ status, errors }) => render(request, reply, id, {}, { status, errors }),
        });
      },
    );
  };
