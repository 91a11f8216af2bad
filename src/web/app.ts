import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { contextAt, type Actor, type UseCaseContext } from '../access/actor.ts';
import { systemClock, type Clock } from '../clock.ts';
import { can, type Action } from '../access/policy.ts';
import { enforceRouteAction, routeActionOf, type RouteAction } from '../access/routes.ts';
import { projectRoot, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { UnauthenticatedError } from '../domain/errors.ts';
import { registerAuditPages } from '../modules/audit/routes.ts';
import { registerNominalApi } from '../modules/nominals/routes-api.ts';
import { registerNominalPages } from '../modules/nominals/routes-pages.ts';
import { registerJustifiedAccess } from '../modules/justified-access/routes.ts';
import { registerLevels } from '../modules/levels/routes.ts';
import { registerInbox, unreadCount } from '../modules/notifications/routes.ts';
import { deliverEmails, type Mailer } from '../modules/notifications/use-cases.ts';
import { registerOversight } from '../modules/oversight/routes.ts';
import { registerReferenceApi } from '../modules/reference/routes.ts';
import { registerSearch } from '../modules/search/routes.ts';
import { registerWorklists } from '../modules/worklists/routes.ts';
import { registerReferrals } from '../modules/referrals/routes.ts';
import { registerMeetings } from '../modules/meetings/routes.ts';
import { registerActions } from '../modules/actions/routes.ts';
import { registerRiskManagementPlan } from '../modules/risk-management-plan/routes.ts';
import { registerPrisonReports } from '../modules/prison-reports/routes.ts';
import type { OidcSettings } from '../modules/users/oidc.ts';
import { holdBackSession, registerSignIn } from '../modules/users/routes.ts';
import {
  resolveServiceToken,
  resumeSession,
  SESSION_IDLE_MINUTES,
  SESSION_IDLE_SECONDS,
} from '../modules/users/use-cases.ts';
import { ApiRegistry } from './api.ts';
import { registerErrorHandling } from './errors.ts';
import { createViewEnvironment } from './render.ts';

export const SESSION_COOKIE = '__Host-vigil-session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    cspNonce: string;
    /** Unread inbox notifications, for the header (pages only). */
    unreadNotifications: number | null;
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>): FastifyReply;
  }
  interface FastifyInstance {
    /** Every route served, with its policy action, so tests can check each is documented and covered. */
    routeTable: { method: string; url: string; action: RouteAction | undefined }[];
  }
}

export interface AppDependencies {
  database: Database;
  config: Pick<Config, 'trustProxy'>;
  /** The one clock (src/clock.ts): "now" and "today" for every request; the real time by default. */
  clock?: Clock;
  /** API requests per client per minute (default 600). */
  apiRateLimit?: number;
  /** Idle session timeout in seconds (default 15 minutes); tests of the timeout warning use a short one. */
  sessionIdleSeconds?: number;
  /** How failed sign-in attempts wait before answering (default: really wait); tests record instead. */
  sleep?: (ms: number) => Promise<void>;
  /** Single sign-on with an OpenID Connect provider; off when absent. */
  oidc?: OidcSettings;
  /** Sends notification emails after requests that may create them; none are sent when absent. */
  mailer?: Mailer;
  /** The address users reach Vigil at, for links in emails (e.g. https://vigil.example.gov.uk). */
  baseUrl?: string;
}

export interface Web {
  app: FastifyInstance;
  api: ApiRegistry;
  database: Database;
  clock: Clock;
  context(request: FastifyRequest): UseCaseContext;
}

/** Service navigation: each item only for those whose roles allow its action. */
const NAVIGATION: { href: string; text: string; action: Action }[] = [
  { href: '/search', text: 'Find a person', action: 'nominal.search' },
  { href: '/nominals/new', text: 'Add a person', action: 'nominal.create' },
  { href: '/worklists/mine', text: 'My worklist', action: 'nominal.view' },
  { href: '/worklists/area', text: 'Area worklists', action: 'worklist.area' },
  { href: '/referrals', text: 'Referrals', action: 'referral.view' },
  { href: '/meetings', text: 'Meetings', action: 'meeting.view' },
  { href: '/actions', text: 'My actions', action: 'action.update' },
  { href: '/oversight', text: 'MAPPA population', action: 'aggregates.view' },
  { href: '/audit', text: 'Access log', action: 'accesslog.view' },
  { href: '/justified-accesses', text: 'Outside views', action: 'justified-access.view-area' },
  { href: '/area-settings', text: 'Area settings', action: 'area.settings' },
  { href: '/admin/users', text: 'Users', action: 'user.manage' },
];

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const now = () => clock.now();
  const app = Fastify({
    // Personal data must never reach application logs: requests are logged without query strings or headers.
    logger:
      process.env.VIGIL_LOG === 'silent'
        ? false
        : {
            level: process.env.VIGIL_LOG ?? 'info',
            serializers: {
              req: (req) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
              // Database errors put row values in `detail`; only the message and stack are kept.
              err: (err) => ({ type: err.name, message: err.message, stack: err.stack ?? '' }),
            },
          },
    trustProxy: deps.config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  const views = createViewEnvironment();
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    const action = routeActionOf(route.url, route.config?.action);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, action });
    }
  });

  app.decorateRequest('cspNonce', '');
  // Before helmet's own hook, which writes the Content-Security-Policy using this nonce.
  app.addHook('onRequest', async (request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    request.cspNonce = nonce;
    (reply.raw as unknown as { cspNonce: string }).cspNonce = nonce;
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as unknown as { cspNonce: string }).cspNonce}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    hsts: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Machine clients get a fair share each, keyed by a hash of their token (never the token itself) or address.
  await app.register(fastifyRateLimit, {
    global: false,
    max: deps.apiRateLimit ?? 600,
    timeWindow: '1 minute',
    keyGenerator: (request) =>
      request.headers.authorization
        ? createHash('sha256').update(request.headers.authorization).digest('hex')
        : request.ip,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyStatic, {
    root: path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk/assets'),
    prefix: '/assets/',
  });
  await app.register(fastifyStatic, {
    root: [
      path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk'),
      path.join(projectRoot, 'node_modules/@ministryofjustice/frontend/moj'),
      path.join(projectRoot, 'src/web/static'),
    ],
    prefix: '/stylesheets/',
    decorateReply: false,
    allowedPath: (p) => p.endsWith('.css'),
  });
  await app.register(fastifyStatic, {
    root: [
      path.join(projectRoot, 'src/web/static'),
      path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk'),
    ],
    prefix: '/javascripts/',
    decorateReply: false,
    allowedPath: (p) => p.endsWith('.js'),
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('authSession', null);

  const sessionIdleSeconds = deps.sessionIdleSeconds ?? SESSION_IDLE_SECONDS;
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    // Static files carry no personal data: no session lookup for them (and no reset of the idle timer).
    if (path.startsWith('/assets/') || path.startsWith('/stylesheets/') || path.startsWith('/javascripts/'))
      return;
    // The API authenticates machine clients by bearer token only; its docs pages use the session.
    if (path.startsWith('/api/v1/')) {
      const header = request.headers.authorization;
      if (!header?.startsWith('Bearer ')) return;
      const resolved = await resolveServiceToken(deps.database, header.slice(7).trim(), now());
      if (resolved?.suspension) {
        // Checked on every request: a lapse in vetting stops a token at once, and says why.
        return reply.code(403).type('application/problem+json').send({
          type: 'about:blank',
          title: 'Access suspended',
          status: 403,
          detail:
            'The user this token acts as may not use Vigil now (vetting or training); contact your administrator',
          instance: path,
        });
      }
      request.actor = resolved?.actor ?? null;
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return;
    const session = await resumeSession(deps.database, sessionId, {
      now: now(),
      idleSeconds: sessionIdleSeconds,
      // The timeout script asking how long is left is not activity.
      touch: path !== '/session/status',
    });
    if (!session) return;
    request.sessionId = sessionId;
    request.csrfToken = session.csrfToken;
    request.authSession = session;
    if (session.status === 'active') {
      request.actor = session.actor;
      return;
    }
    // Second factor not yet proved, or access suspended: only the pages for that, whatever was asked.
    return holdBackSession(request, reply, session);
  });

  app.addHook('preHandler', enforceRouteAction);

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
    if (
      ['/api/', '/assets/', '/stylesheets/', '/javascripts/'].some((p) => url.startsWith(p)) ||
      url.endsWith('.csv')
    )
      return;
    request.unreadNotifications = await unreadCount(deps.database, request.actor.userId);
  });

  // Notifications are written in the same transaction as the change that caused them; their
  // emails go once the answer has been sent. One run at a time: a request during a run asks for another.
  let delivering = false;
  let deliverAgain = false;
  app.addHook('onResponse', async (request) => {
    if (!deps.mailer || (request.method !== 'POST' && request.method !== 'PUT')) return;
    if (delivering) {
      deliverAgain = true;
      return;
    }
    delivering = true;
    try {
      do {
        deliverAgain = false;
        await deliverEmails(deps.database, deps.mailer, deps.baseUrl ?? '', clock);
      } while (deliverAgain);
    } catch (error) {
      request.log.error({ err: error }, 'email delivery failed');
    } finally {
      delivering = false;
    }
  });

  // Forms are checked after the body is parsed; a missing or wrong token is refused before any use case runs.
  app.addHook('preValidation', async (request, reply) => {
    // Sign-in is the one form posted before there is a session (and so a token) to check.
    if (
      request.method !== 'POST' ||
      request.url.startsWith('/api/') ||
      request.url.split('?')[0] === '/sign-in'
    )
      return;
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
    const expected = request.csrfToken;
    if (!expected || typeof sent !== 'string' || !safeEqual(sent, expected)) {
      reply.code(403).render('error.njk', {
        title: 'Your session has ended or the form was out of date',
        paragraphs: ['Go back, reload the page and try again. Nothing was saved.'],
      });
      return reply;
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // Pages and API answers carry personal data: never store them in any cache.
    if (
      !request.url.startsWith('/assets/') &&
      !request.url.startsWith('/stylesheets/') &&
      !request.url.startsWith('/javascripts/')
    ) {
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
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

  const api = new ApiRegistry();
  const web: Web = {
    app,
    api,
    database: deps.database,
    clock,
    context: (request) => contextFor(request, clock),
  };
  registerErrorHandling(app, deps.database, clock);

  app.get('/health', { config: { action: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/', { config: { action: 'public' } }, async (request, reply) =>
    reply.redirect(homeFor(request.actor)),
  );
  registerSignIn(web, { now, sessionIdleSeconds, sleep: deps.sleep, oidc: deps.oidc });
  registerSearch(web);
  registerNominalPages(web);
  registerNominalApi(web);
  registerReferenceApi(web);
  registerJustifiedAccess(web);
  registerOversight(web);
  registerAuditPages(web);
  registerLevels(web);
  registerWorklists(web);
  registerInbox(web);
  registerReferrals(web);
  registerMeetings(web);
  registerActions(web);
  registerRiskManagementPlan(web);
  registerPrisonReports(web);
  api.register(app);
  registerApiDocs(web);
  return app;
}

function contextFor(request: FastifyRequest, clock: Clock): UseCaseContext {
  if (!request.actor) throw new UnauthenticatedError();
  return contextAt(request.actor, { sourceAddress: request.ip, requestId: request.id }, clock);
}

/** Where each user starts: the first thing their roles let them do. */
function homeFor(actor: Actor | null): string {
  if (!actor) return '/sign-in';
  return NAVIGATION.find((n) => can(actor, n.action))?.href ?? '/account';
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function registerApiDocs(web: Web) {
  const document = web.api.openApiDocument();
  web.app.get('/api/openapi.json', { config: { action: 'public' } }, async () => document);
  web.app.get('/api/docs', { config: { action: 'public' } }, async (_request, reply) =>
    reply.render('api-docs.njk', { title: 'API documentation', document }),
  );
}
