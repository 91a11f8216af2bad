import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { contextAt, type UseCaseContext } from '../access/actor.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { UnauthenticatedError } from '../domain/errors.ts';
import type { Mailer } from '../modules/notifications/index.ts';
import { type OidcSettings, SESSION_IDLE_SECONDS } from '../modules/users/index.ts';
import { ApiRegistry } from './api.ts';
import { registerRoutes } from './routes.ts';
import { setUpAuthentication } from './set-up-authentication.ts';
import { setUpEmailDelivery } from './set-up-email-delivery.ts';
import { setUpErrors } from './set-up-errors.ts';
import { setUpForms } from './set-up-forms.ts';
import { setUpRateLimit } from './set-up-rate-limit.ts';
import { setUpRendering } from './set-up-rendering.ts';
import { setUpRouteTable } from './set-up-route-table.ts';
import { setUpSecurityHeaders } from './set-up-security-headers.ts';
import { setUpStaticAssets } from './set-up-static-assets.ts';
import { setUpTodayHeader } from './set-up-today-header.ts';
import type { Web } from './types.ts';
import '../modules/wiring.ts';

export interface AppDependencies {
  database: Database;
  /** From loadConfig(); tests give only what they need (logs are silent unless a level is given). */
  config: Pick<Config, 'trustProxy'> & Partial<Pick<Config, 'logLevel' | 'development'>>;
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

/**
 * The Fastify app, assembled as the MoJ's hmpps-template-typescript does: one `setUpX` per
 * cross-cutting concern (each in its own file, in the order requests meet them), then the routes.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const logLevel = deps.config.logLevel ?? 'silent';
  const app = Fastify({
    // Personal data must never reach application logs: requests are logged without query strings or headers.
    logger:
      logLevel === 'silent'
        ? false
        : {
            level: logLevel,
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
  const sessionIdleSeconds = deps.sessionIdleSeconds ?? SESSION_IDLE_SECONDS;

  setUpRouteTable(app);
  setUpTodayHeader(app, clock);
  await setUpSecurityHeaders(app);
  await setUpRateLimit(app, deps.apiRateLimit ?? 600);
  await setUpStaticAssets(app);
  await setUpAuthentication(app, { database: deps.database, clock, sessionIdleSeconds });
  await setUpForms(app);
  setUpRendering(app, { database: deps.database, development: deps.config.development ?? false });
  setUpEmailDelivery(app, {
    database: deps.database,
    clock,
    mailer: deps.mailer,
    baseUrl: deps.baseUrl ?? '',
  });
  setUpErrors(app, deps.database, clock);

  const web: Web = {
    app,
    api: new ApiRegistry(),
    database: deps.database,
    clock,
    context: (request) => contextFor(request, clock),
  };
  await registerRoutes(web, { sessionIdleSeconds, sleep: deps.sleep, oidc: deps.oidc });
  return app;
}

function contextFor(request: FastifyRequest, clock: Clock): UseCaseContext {
  if (!request.actor) throw new UnauthenticatedError();
  return contextAt(request.actor, { sourceAddress: request.ip, requestId: request.id }, clock);
}
