import type { FastifyPluginAsync } from 'fastify';
import { parseInput } from '../../../validation/parse.ts';
import type { Web } from '../../../web/types.ts';
import { NotificationParams } from '../schemas.ts';
import { listInbox, markRead } from '../use-cases.ts';

/**
 * The inbox: what reached the signed-in user (significant events on people they manage, …).
 * Opening a notification marks it read and goes to what it is about.
 */
export const inboxPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/inbox', { config: { action: 'signed-in' } }, async (request, reply) => {
      const inbox = await listInbox(database, web.context(request));
      return reply.render('notifications/views/inbox.njk', {
        title: 'Inbox',
        unread: inbox.unread,
        notifications: inbox.notifications,
      });
    });

    app.post('/inbox/:id/read', { config: { action: 'signed-in' } }, async (request, reply) => {
      const { id } = parseInput(NotificationParams, request.params);
      const read = await markRead(database, web.context(request), id);
      return reply.redirect(read.link ?? '/inbox', 303);
    });
  };
