import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../access/actor.ts';
import { can, type Action } from '../access/policy.ts';
import type { Database } from '../db/database.ts';
import { unreadCount } from '../modules/notifications/index.ts';
import { SESSION_IDLE_MINUTES } from '../modules/users/index.ts';
import { createViewEnvironment } from './render.ts';
import { isStaticAsset } from './set-up-security-headers.ts';

/** Service navigation: each item only for those whose roles allow its action. */
const NAVIGATION: { href: string; text: string; action: Action }[] = [
  // The start page: everyone with a caseload or a part in MAPPA work lands here (issue 13).
  { href: '/start', text: 'Home', action: 'nominal.view' },
  { href: '/search', text: 'Find a person', action: 'nominal.search' },
  { href: '/nominals/new', text: 'Add a person', action: 'nominal.create' },
  { href: '/worklists/mine', text: 'My worklist', action: 'nominal.view' },
  { href: '/worklists/area', text: 'Area worklists', action: 'worklist.area' },
  { href: '/referrals', text: 'Referrals', action: 'referral.view' },
  { href: '/meetings', text: 'Meetings', action: 'meeting.view' },
  { href: '/actions', text: 'My actions', action: 'action.update' },
  { href: '/oversight', text: 'MAPPA population', action: 'aggregates.view' },
  { href: '/audit', text: 'Access log', action: 'accesslog.view' },
  { href: '/retention', text: 'Retention review', action: 'retention.review' },
  { href: '/justified-accesses', text: 'Outside views', action: 'justified-access.view-area' },
  { href: '/area-settings', text: 'Area settings', action: 'area.settings' },
  { href: '/admin/users', text: 'Users', action: 'user.manage' },
];

/**
 * Where each user starts: the first thing their roles let them do. Everyone who may read records
 * (practitioners, offender managers, the MAPPA unit, victim liaison officers, duty-to-co-operate
 * representatives) starts on the start page; oversight roles on the MAPPA population, the data
 * protection officer on the access log, the system administrator on users.
 */
export function homeFor(actor: Actor | null): string {
  if (!actor) return '/sign-in';
  return NAVIGATION.find((n) => can(actor, n.action))?.href ?? '/account';
}

/**
 * `reply.render(template, context)`: a Nunjucks page in the GOV.UK layout, with the navigation the
 * user's roles allow, the CSRF token for forms, the CSP nonce for scripts and the inbox count.
 */
export function setUpRendering(
  app: FastifyInstance,
  deps: { database: Database; development: boolean },
): void {
  const { database } = deps;
  const views = createViewEnvironment({ development: deps.development });
  // The header shows the inbox with its unread count: one indexed count, for pages only.
  app.decorateRequest('unreadNotifications', null);
  app.addHook('preHandler', async (request) => {
    if (
      !request.actor ||
      request.actor.serviceAccountId ||
      (request.method !== 'GET' && request.method !== 'POST')
    )
      return;
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/') || isStaticAsset(url) || url.endsWith('.csv')) return;
    request.unreadNotifications = await unreadCount(database, request.actor.userId);
  });

  app.decorateReply(
    'render',
    function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
      const request = this.request;
      const html = views.render(template, {
        ...context,
        actor: request.actor,
        csrfToken: request.csrfToken,
        cspNonce: request.cspNonce,
        navigation: request.actor
          ? NAVIGATION.filter((n) => can(request.actor!, n.action)).map((n) => ({
              href: n.href,
              text: n.text,
              active: request.url.startsWith(n.href),
            }))
          : [],
        sessionIdleMinutes: SESSION_IDLE_MINUTES,
        unreadNotifications: request.unreadNotifications,
      });
      return this.type('text/html; charset=utf-8').send(html);
    },
  );
}
