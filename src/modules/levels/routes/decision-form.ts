import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MAPPA_CATEGORY, MAPPA_LEVEL, labelOf } from '../../../domain/codes.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { LEVEL_CRITERION, describeOpenActions } from '../../../domain/levels.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, dateParts, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { openActionsFor } from '../../actions/index.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { SCREENING_QUESTIONS } from '../codes.ts';
import { DecisionFormQuery, NominalParams } from '../schemas.ts';
import { decideLevel, type LevelDecisionForm } from '../use-cases/decisions.ts';
import { levelSummary } from '../use-cases/history.ts';
import { dateFromForm, formErrors, list, summaryLinks } from './forms.ts';

/**
 * The screening and level decision form (MAPPA Q, then the level, its criteria and rationale; a
 * reduction says what continues and, with actions open, the chair's override). Its date inputs and
 * "end MAPPA management" choice make it a different input from the API's JSON, which it is turned
 * into before the use case checks it.
 */

type Body = Record<string, unknown>;

const FORM_ORDER = [
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

/** The form's dates, read from their three boxes each. */
const formDates = (body: Body) => ({
  decidedOn: dateFromForm(body, 'decidedOn', 'Date of the decision', true),
  category3AcceptedOn: dateFromForm(
    body,
    'category3AcceptedOn',
    'Date the Category 3 referral was accepted',
    false,
  ),
});

/** The submitted form as the use case's input: "end" is leaving MAPPA, radios' yes/no are answers. */
function decisionInput(body: Body, dates: ReturnType<typeof formDates>): LevelDecisionForm {
  const ending = body.level === 'end';
  return {
    level: ending ? undefined : body.level,
    deregister: ending,
    criteria: ending ? [] : list(body.criteria),
    rationale: body.rationale,
    decidedOn: dates.decidedOn.value,
    category3AcceptedOn: dates.category3AcceptedOn.value,
    screening: Object.fromEntries(
      SCREENING_QUESTIONS.map((q) => {
        const answer = body[`screening-${q.key}`];
        return [q.key, answer === 'yes' ? true : answer === 'no' ? false : null];
      }),
    ),
    continuesAtLowerLevel: body.continuesAtLowerLevel,
    overrideReason: body.overrideReason,
    meetingId: body.meetingId || undefined,
  };
}

export const decisionForm =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      values: Body,
      problem?: { status: number; errors: FieldErrors },
    ) => {
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const summary = await levelSummary(database, ctx, id);
      const openActions = await openActionsFor(database.db, id);
      return reply.code(problem?.status ?? 200).render('levels/views/decision-form.njk', {
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
        errors: problem?.errors ?? {},
        errorList: summaryLinks(problem?.errors, ['decidedOn', 'category3AcceptedOn']),
      });
    };

    app.get('/nominals/:id/levels/new', { config: { action: 'level.decide' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const { meeting } = parseInput(DecisionFormQuery, request.query);
      return render(request, reply, id, {
        ...dateParts('decidedOn', web.context(request).today),
        ...(meeting ? { meetingId: meeting } : {}),
      });
    });

    app.post('/nominals/:id/levels', { config: { action: 'level.decide' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const body = bodyOf(request);
      const dates = formDates(body);
      return handleForm({
        attempt: () => decideLevel(database, web.context(request), id, decisionInput(body, dates)),
        done: (decided) => reply.redirect(`/nominals/${id}/levels?decision=${decided.id}`, 303),
        redisplay: ({ status, errors }) =>
          render(
            request,
            reply,
            id,
            { ...body, criteria: list(body.criteria) },
            { status, errors: formErrors(errors, dates, FORM_ORDER) },
          ),
      });
    });
  };
