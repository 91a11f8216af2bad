import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { InboxView } from '../schemas.ts';
import { listInbox } from '../use-cases.ts';

/** The inbox over JSON. */
export const inboxApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    web.api.add({
      method: 'GET',
      path: '/inbox',
      action: 'signed-in',
      tag: 'Inbox',
      summary: 'Your notifications, newest first (at most 100), with how many are unread',
      response: InboxView,
      handler: async (request) => listInbox(web.database, web.context(request)),
    });
  };
