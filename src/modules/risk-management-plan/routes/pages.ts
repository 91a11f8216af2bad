import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import type { ConflictError, FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { EditPageQuery, NominalParams, PlanPageQuery } from '../schemas.ts';
import { getPlan, planForEditing, revisePlan } from '../use-cases.ts';
import { PLAN_PARTS } from '../versions.ts';

/**
 * The one risk management plan (MAPPA.md §3 step 5): its page with every version and what each
 * changed, and the edit form (from the record or from a meeting: `?meeting=<id>`).
 */

type Body = Record<string, unknown>;

const FORM_ORDER = [
  ...PLAN_PARTS.map((p) => p.key),
  'conditions',
  'reason',
  'meetingId',
  'expectedVersion',
] as const;
/** Blank condition lines offered for new conditions. */
const BLANK_LINES = 2;

const lines = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((l) => String(l)) : typeof v === 'string' ? [v] : [];

const errorListOf = (errors: FieldErrors) =>
  Object.entries(errors)
    .sort(
      ([a], [b]) =>
        FORM_ORDER.indexOf(a as (typeof FORM_ORDER)[number]) -
        FORM_ORDER.indexOf(b as (typeof FORM_ORDER)[number]),
    )
    .map(([key, text]) => ({ text, href: key === 'conditions' ? '#condition-1' : `#${key}` }));

export const planPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get(
      '/nominals/:id/risk-management-plan',
      { config: { action: 'rmp.view' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        const ctx = web.context(request);
        const person = await getNominalSection(database, ctx, id, 'identity');
        const plan = await getPlan(database, ctx, id);
        return reply.render('risk-management-plan/views/plan.njk', {
          title: `Risk management plan – ${person.name}`,
          id,
          person,
          plan: plan.current,
          versions: plan.versions,
          parts: PLAN_PARTS,
          canEdit: can(ctx.actor, 'rmp.edit') && can(ctx.actor, 'nominal.edit'),
          saved: parseInput(PlanPageQuery, request.query).saved,
        });
      },
    );

    /** The edit form: the current plan, or what was typed (with what is wrong, or who saved first). */
    const renderForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      meetingId: string | undefined,
      values: Body | null,
      problem: { status?: number; errors?: FieldErrors; conflict?: ConflictError } = {},
    ) => {
      const { errors, conflict } = problem;
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const editing = await planForEditing(database, ctx, id, meetingId);
      const plan = editing.plan;
      const form: Body = values ?? {
        ...Object.fromEntries(PLAN_PARTS.map((p) => [p.key, plan ? plan[p.key] : ''])),
        reason: '',
      };
      const conditionLines = values ? lines(values.conditions) : (plan?.conditions ?? []);
      const filled = conditionLines.filter((l) => l.trim() !== '');
      const blanks = Math.max(BLANK_LINES, conditionLines.length - filled.length);
      return reply.code(problem.status ?? 200).render('risk-management-plan/views/edit.njk', {
        title: plan ? 'Revise the risk management plan' : 'Write the risk management plan',
        id,
        person,
        parts: PLAN_PARTS.map((p) => ({
          ...p,
          // Those who may not see victims' details cannot change victim safety planning.
          readOnly: p.key === 'victimSafetyPlanning' && !editing.victimsVisible,
        })),
        values: form,
        conditionLines: [...filled, ...Array<string>(blanks).fill('')],
        // A conflict means the form's version is stale: the editor resubmits over the newer one knowingly.
        expectedVersion: conflict ? (plan?.version ?? 0) : (values?.expectedVersion ?? plan?.version ?? 0),
        meeting: editing.meeting,
        meetingId: editing.meeting?.id,
        errors: errors ?? {},
        errorList: errorListOf(errors ?? {}),
        conflict,
      });
    };

    app.get(
      '/nominals/:id/risk-management-plan/edit',
      { config: { action: 'rmp.edit' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        const { meeting } = parseInput(EditPageQuery, request.query);
        return renderForm(request, reply, id, meeting, null);
      },
    );

    app.post(
      '/nominals/:id/risk-management-plan',
      { config: { action: 'rmp.edit' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        const body = bodyOf(request);
        const meetingId = typeof body.meetingId === 'string' && body.meetingId ? body.meetingId : undefined;
        // "Add another condition" redisplays the form with one more box, without saving (no script
        // needed); a cleared box removes its condition. Enter in a condition box does the same.
        if (body.add === 'condition')
          return renderForm(request, reply, id, meetingId, {
            ...body,
            conditions: [...lines(body.conditions), ''].slice(0, 120),
          });
        return handleForm({
          // The form's condition boxes are the plan's lines, as the API sends them.
          attempt: () =>
            revisePlan(database, web.context(request), id, {
              ...body,
              conditions: lines(body.conditions),
              meetingId,
            }),
          done: () => reply.redirect(`/nominals/${id}/risk-management-plan?saved=yes`, 303),
          redisplay: (problem) => renderForm(request, reply, id, meetingId, body, problem),
        });
      },
    );
  };
