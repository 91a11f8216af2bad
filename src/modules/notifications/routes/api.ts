import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { InboxItemParams, InboxView, MarkedRead } from '../schemas.ts';
import { listInbox, markRead } from '../use-cases.ts';

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

    web.api.add({
      method: 'POST',
      path: '/inbox/{notificationId}/read',
      action: 'inbox.mark-read',
      tag: 'Inbox',
      summary:
        'Mark one of your notifications read (marking it again changes nothing); another user’s is not found',
      params: InboxItemParams,
      response: MarkedRead,
      handler: async (request) => markRead(web.database, web.context(request), request.params.notificationId),
    });
  };
