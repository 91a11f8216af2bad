import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../access/policy.ts';
import { ConflictError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import type { Web } from '../../web/types.ts';
import { getNominalSection } from '../nominals/index.ts';
import {
  PLAN_PARTS,
  conditionsOf,
  getPlan,
  planForEditing,
  revisePlan,
  type PlanInput,
} from './use-cases.ts';
import { bodyOf } from '../../web/forms.ts';

/**
 * The one risk management plan (MAPPA.md §3 step 5): its page with every version and what each
 * changed, the edit form (from the record or from a meeting: `?meeting=<id>`), and the API.
 */

type Body = Record<string, unknown>;
type Params = { id: string };

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

export function registerRiskManagementPlan(web: Web): void {
  const { app, api, database } = web;

  app.get(
    '/nominals/:id/risk-management-plan',
    { config: { action: 'rmp.view' } },
    async (request, reply) => {
      const { id } = request.params as Params;
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const plan = await getPlan(database, ctx, id);
      const query = request.query as Record<string, string | undefined>;
      return reply.render('risk-management-plan/views/plan.njk', {
        title: `Risk management plan – ${person.name}`,
        id,
        person,
        plan: plan.current,
        versions: plan.versions,
        parts: PLAN_PARTS,
        canEdit: can(ctx.actor, 'rmp.edit') && can(ctx.actor, 'nominal.edit'),
        saved: query.saved,
      });
    },
  );

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    meetingId: string | undefined,
    values: Body | null,
    errors?: FieldErrors,
    conflict?: ConflictError,
  ) => {
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
    const errorList = Object.entries(errors ?? {})
      .sort(
        ([a], [b]) =>
          FORM_ORDER.indexOf(a as (typeof FORM_ORDER)[number]) -
          FORM_ORDER.indexOf(b as (typeof FORM_ORDER)[number]),
      )
      .map(([key, text]) => ({ text, href: key === 'conditions' ? '#condition-1' : `#${key}` }));
    return reply.code(conflict ? 409 : errors ? 400 : 200).render('risk-management-plan/views/edit.njk', {
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
      errorList,
      conflict,
    });
  };

  app.get(
    '/nominals/:id/risk-management-plan/edit',
    { config: { action: 'rmp.edit' } },
    async (request, reply) => {
      const { id } = request.params as Params;
      const meeting = (request.query as Record<string, string | undefined>).meeting;
      return renderForm(request, reply, id, meeting, null);
    },
  );

  app.post(
    '/nominals/:id/risk-management-plan',
    { config: { action: 'rmp.edit' } },
    async (request, reply) => {
      const { id } = request.params as Params;
      const body = (request.body ?? {}) as Body;
      const meetingId = typeof body.meetingId === 'string' && body.meetingId ? body.meetingId : undefined;
      const conditionLines = lines(body.conditions);
      // "Add another condition" redisplays the form with one more box, without saving (no script
      // needed); a cleared box removes its condition. Enter in a condition box does the same.
      if (body.add === 'condition')
        return renderForm(request, reply, id, meetingId, {
          ...body,
          conditions: [...conditionLines, ''].slice(0, 120),
        });
      try {
        await revisePlan(database, web.context(request), id, {
          ...body,
          conditions: conditionsOf(conditionLines) ?? [],
          meetingId,
        } as PlanInput);
        return reply.redirect(`/nominals/${id}/risk-management-plan?saved=yes`, 303);
      } catch (error) {
        if (error instanceof ValidationError)
          return renderForm(request, reply, id, meetingId, body, error.fieldErrors);
        if (error instanceof ConflictError)
          return renderForm(request, reply, id, meetingId, body, undefined, error);
        throw error;
      }
    },
  );

  // --- API ---------------------------------------------------------------------------------------

  const CHANGE = {
    type: 'object',
    properties: { label: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' } },
  };
  const PLAN = {
    type: 'object',
    properties: {
      version: { type: 'integer' },
      ...Object.fromEntries(PLAN_PARTS.map((p) => [p.key, { type: 'string', description: p.hint }])),
      conditions: {
        type: 'array',
        items: { type: 'string' },
        description: 'The full list of current licence or order conditions',
      },
      reason: { type: 'string', description: 'Why this version was written' },
      changedAt: { type: 'string', format: 'date-time' },
      changedByName: { type: 'string' },
      meetingId: { type: ['string', 'null'], format: 'uuid' },
    },
  };
  const PLAN_VERSION = {
    ...PLAN,
    properties: {
      ...PLAN.properties,
      changes: { type: 'array', items: CHANGE, description: 'What this version changed from the one before' },
      meeting: {
        type: ['object', 'null'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          startsAt: { type: 'string', format: 'date-time' },
          level: { type: 'integer' },
        },
      },
    },
  };

  api.add({
    method: 'GET',
    path: '/nominals/{id}/risk-management-plan',
    action: 'rmp.view',
    tag: 'Risk management plan',
    summary:
      'The person’s one risk management plan (the Four Pillars, contingency plan and conditions): the current version, or null',
    response: { type: 'object', properties: { current: { ...PLAN_VERSION, type: ['object', 'null'] } } },
    handler: async (request) => {
      const plan = await getPlan(database, web.context(request), (request.params as Params).id);
      return { current: plan.current };
    },
  });

  api.add({
    method: 'GET',
    path: '/nominals/{id}/risk-management-plan/versions',
    action: 'rmp.view',
    tag: 'Risk management plan',
    summary: 'Every version of the plan, newest first, each with who, when, why and what it changed',
    response: { type: 'object', properties: { versions: { type: 'array', items: PLAN_VERSION } } },
    handler: async (request) => {
      const plan = await getPlan(database, web.context(request), (request.params as Params).id);
      return { versions: plan.versions };
    },
  });

  api.add({
    method: 'PUT',
    path: '/nominals/{id}/risk-management-plan',
    action: 'rmp.edit',
    tag: 'Risk management plan',
    summary:
      'Revise the plan: a new version with the reason (and the meeting, if one decided it). 409 if someone saved a newer version since `expectedVersion`',
    body: {
      type: 'object',
      required: ['expectedVersion', 'reason'],
      properties: {
        expectedVersion: {
          type: 'integer',
          minimum: 0,
          description: 'The version you started from (0 when there is no plan yet)',
        },
        ...Object.fromEntries(
          PLAN_PARTS.map((p) => [
            p.key,
            { type: 'string', maxLength: 10000, description: `${p.hint} Blank when omitted.` },
          ]),
        ),
        conditions: {
          type: 'array',
          maxItems: 100,
          items: { type: 'string', maxLength: 1000 },
          description: 'The full list of current licence or order conditions (replaces the previous list)',
        },
        reason: { type: 'string', maxLength: 2000, description: 'Why the plan is changing' },
        meetingId: {
          type: 'string',
          format: 'uuid',
          description: 'The meeting that decided the change (it must include this person)',
        },
      },
    },
    response: PLAN,
    handler: async (request) =>
      revisePlan(database, web.context(request), (request.params as Params).id, bodyOf(request)),
  });
}
