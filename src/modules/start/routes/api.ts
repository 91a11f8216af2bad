import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { StartPageView } from '../schemas.ts';
import { startPage } from '../use-cases.ts';

/** The start-page summary for integrators: the same use case and numbers as the page. */
export const startApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/start',
      action: 'nominal.view',
      tag: 'Start',
      summary:
        'What needs you today: your caseload’s overdue and due-this-week obligations, meetings in the next 4 weeks that concern you and what you owe them, your open actions, unread inbox, referrals awaiting you and (coordinators, administrators, chairs) the area worklists’ counts',
      response: StartPageView,
      handler: async (request) => startPage(database, web.context(request)),
    });
  };
