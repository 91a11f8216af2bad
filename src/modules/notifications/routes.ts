import type { Web } from '../../web/types.ts';
import { listInbox, markRead } from './use-cases.ts';

/**
 * The inbox: what reached the signed-in user (significant events on people they manage, …).
 * Opening a notification marks it read and goes to what it is about.
 */

/** Only somewhere inside Vigil: never an absolute or protocol-relative address. */
const safeLink = (link: string | null) =>
  link && link.startsWith('/') && !link.startsWith('//') && !link.includes('\\') ? link : '/inbox';

export function registerInbox(web: Web): void {
  const { app, api, database } = web;

  app.get('/inbox', { config: { action: 'signed-in' } }, async (request, reply) => {
    const inbox = await listInbox(database, web.context(request));
    return reply.render('notifications/views/inbox.njk', {
      title: 'Inbox',
      unread: inbox.unread,
      notifications: inbox.notifications.map((n) => ({ ...n, link: n.link ? safeLink(n.link) : null })),
    });
  });

  app.post('/inbox/:id/read', { config: { action: 'signed-in' } }, async (request, reply) => {
    const read = await markRead(database, web.context(request), (request.params as { id: string }).id);
    return reply.redirect(safeLink(read.link), 303);
  });

  api.add({
    method: 'GET',
    path: '/inbox',
    action: 'signed-in',
    tag: 'Inbox',
    summary: 'Your notifications, newest first (at most 100), with how many are unread',
    response: {
      type: 'object',
      properties: {
        unread: { type: 'integer' },
        notifications: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string', format: 'uuid' },
              subject: { type: 'string' },
              body: { type: 'string' },
              link: { type: ['string', 'null'], description: 'Where in Vigil it is about' },
              createdAt: { type: 'string', format: 'date-time' },
              readAt: { type: ['string', 'null'], format: 'date-time' },
              vigilRef: { type: ['string', 'null'] },
              createdBy: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
    handler: async (request) => listInbox(database, web.context(request)),
  });
}
