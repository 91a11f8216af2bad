import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { CountsView, KpiPeriodQuery, KpisView } from '../schemas.ts';
import { countsByCategoryAndLevel, multiAgencyKpis } from '../use-cases.ts';

/** The same numbers as the page, for analysts' tools: counts only, no personal data. */
export const oversightApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/oversight/counts',
      action: 'aggregates.view',
      tag: 'Oversight',
      summary: 'Counts of people by MAPPA category and level (no personal data)',
      response: CountsView,
      handler: async (request) => countsByCategoryAndLevel(database, web.context(request)),
    });

    api.add({
      method: 'GET',
      path: '/oversight/kpis',
      action: 'aggregates.view',
      tag: 'Oversight',
      summary:
        'Multi-agency KPIs over a period: meeting attendance, disclosure recorded, referrals and their ethnic groups beside the MAPPA population (small numbers not shown), reductions with an override, overdue actions and reviews (no personal data)',
      query: KpiPeriodQuery,
      response: KpisView,
      handler: async (request) => multiAgencyKpis(database, web.context(request), request.query),
    });
  };
