import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Web } from '../../../web/types.ts';
import { NominalParams, PlanRevision, PlanVersionView, PlanView } from '../schemas.ts';
import { getPlan, revisePlan } from '../use-cases.ts';

const TAG = 'Risk management plan';

/** The plan's API: the same use cases as the pages, the same schema as the edit form. */
export const planApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/nominals/{id}/risk-management-plan',
      action: 'rmp.view',
      tag: TAG,
      summary:
        'The person’s one risk management plan (the Four Pillars, contingency plan and conditions): the current version, or null',
      params: NominalParams,
      response: z.object({ current: PlanVersionView.nullable() }),
      handler: async (request) => {
        const plan = await getPlan(database, web.context(request), request.params.id);
        return { current: plan.current };
      },
    });

    api.add({
      method: 'GET',
      path: '/nominals/{id}/risk-management-plan/versions',
      action: 'rmp.view',
      tag: TAG,
      summary: 'Every version of the plan, newest first, each with who, when, why and what it changed',
      params: NominalParams,
      response: z.object({ versions: z.array(PlanVersionView) }),
      handler: async (request) => {
        const plan = await getPlan(database, web.context(request), request.params.id);
        return { versions: plan.versions };
      },
    });

    api.add({
      method: 'PUT',
      path: '/nominals/{id}/risk-management-plan',
      action: 'rmp.edit',
      tag: TAG,
      summary:
        'Revise the plan: a new version with the reason (and the meeting, if one decided it). 409 if someone saved a newer version since `expectedVersion`',
      params: NominalParams,
      body: PlanRevision,
      response: PlanView,
      handler: async (request) => revisePlan(database, web.context(request), request.params.id, request.body),
    });
  };
