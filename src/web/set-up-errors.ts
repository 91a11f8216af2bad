import { logAccess } from '../audit/access-log.ts';
import type { Clock } from '../clock.ts';
import { isDatabaseUnavailable, type Database } from '../db/database.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../domain/errors.ts';

/**
 * One place turns errors into answers: RFC 9457 problem+json on the API, a GOV.UK page elsewhere.
 * Forms catch their own ValidationErrors to redisplay the form; anything unexpected is logged with
 * the request id and shown as a generic page, never a stack trace.
 */
export function setUpErrors(app: FastifyInstance, database: Database, clock: Clock): void {
  app.decorateRequest('refusal', null);
  // Every 403, whoever answered it (the route's policy action, a use case, a form's CSRF check…),
  // is logged before it is sent: who, which route and record, and why.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 403) await logForbidden(database, clock, request);
    return payload;
  });

  app.setNotFoundHandler((request, reply) => {
    if (isApi(request)) return problem(reply, request, 404, 'Not found', 'There is nothing at this address');
    return reply.code(404).render('error.njk', {
      title: 'Page not found',
      paragraphs: [
        'If you typed the web address, check it is correct.',
        'If you pasted the web address, check you copied the entire address.',
      ],
    });
  });

  app.setErrorHandler(async (error: FastifyError | Error, request, reply) => {
    if (error instanceof UnauthenticatedError) {
      if (isApi(request)) return problem(reply, request, 401, 'Unauthorised', 'Send a valid bearer token');
      return reply.redirect('/sign-in');
    }
    if (error instanceof NotFoundError) {
      await logRefusal(database, clock, request, error);
      if (isApi(request))
        return problem(reply, request, 404, 'Not found', 'No record with this id is available to you');
      return reply.code(404).render('error.njk', {
        title: 'Page not found',
        paragraphs: ['There is no record at this address that you can see.'],
      });
    }
    if (error instanceof ForbiddenError) {
      request.refusal = error.reason;
      if (isApi(request)) return problem(reply, request, 403, 'Forbidden', error.message);
      return reply.code(403).render('error.njk', {
        title: 'You do not have permission to see this page',
        paragraphs: [error.message],
      });
    }
    if (error instanceof ValidationError) {
      const errors = Object.entries(error.fieldErrors).map(([field, message]) => ({ field, message }));
      if (isApi(request)) return problem(reply, request, 400, 'Invalid input', error.message, { errors });
      return reply
        .code(400)
        .render('error.njk', { title: 'There is a problem', paragraphs: errors.map((e) => e.message) });
    }
    if (error instanceof ConflictError) {
      if (isApi(request))
        return problem(reply, request, 409, 'Conflict', error.message, {
          changes: error.changes,
          ...error.extensions,
        });
      return reply
        .code(409)
        .render('error.njk', { title: 'Someone else changed this', paragraphs: [error.message] });
    }
    const status = (error as FastifyError).statusCode;
    if (status === 429) {
      if (isApi(request))
        return problem(reply, request, 429, 'Too many requests', 'Slow down: try again in a minute');
      return reply
        .code(429)
        .render('error.njk', { title: 'Too many requests', paragraphs: ['Wait a minute, then try again.'] });
    }
    if (status && status >= 400 && status < 500) {
      // Malformed JSON, an oversized body, a wrong content type: the client's fault, said plainly.
      if (isApi(request)) return problem(reply, request, status, 'Bad request', error.message);
      return reply.code(status).render('error.njk', {
        title: 'There is a problem',
        paragraphs: ['The request could not be understood. Go back and try again.'],
      });
    }
    if (isDatabaseUnavailable(error)) {
      // The database is away (restarting, unreachable): say so and when to try again; nothing was saved.
      request.log.warn({ reqId: request.id, reason: (error as Error).message }, 'database unavailable');
      reply.header('Retry-After', '5');
      if (isApi(request))
        return problem(
          reply,
          request,
          503,
          'Service unavailable',
          'The database is not available just now. Try again in a few seconds.',
        );
      return reply.code(503).render('error.njk', {
        title: 'Sorry, the service is unavailable',
        paragraphs: ['Nothing was saved. Try again in a few seconds.'],
      });
    }
    request.log.error({ err: error, reqId: request.id }, 'unexpected error');
    if (isApi(request))
      return problem(
        reply,
        request,
        500,
        'Internal server error',
        `Something went wrong. Quote reference ${request.id}.`,
      );
    return reply.code(500).render('error.njk', {
      title: 'Sorry, there is a problem with the service',
      paragraphs: [
        'Nothing was saved. Try again later.',
        `If you contact support, quote reference ${request.id}.`,
      ],
    });
  });
}

/** A uuid in a route parameter: the id of the record a refused request was about. */
const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');

/** A refused look at a record is itself recorded, in its own transaction (the use case's rolled back). */
async function logRefusal(
  database: Database,
  clock: Clock,
  request: FastifyRequest,
  error: NotFoundError,
): Promise<void> {
  if (!error.attempt || !request.actor) return;
  const attempt = error.attempt;
  await database.transaction((tx) =>
    logAccess(
      tx,
      {
        actor: request.actor!,
        origin: { sourceAddress: request.ip, requestId: request.id },
        now: clock.now(),
      },
      {
        operation: 'consultation',
        recordType: attempt.recordType,
        recordIds: attempt.recordIds,
        section: attempt.section,
      },
    ),
  );
}

/**
 * A refused (403) request of a signed-in user, in its own transaction: a `consultation` that did not
 * happen, naming the records in the route (its uuid parameters), the route, and the reason.
 */
async function logForbidden(database: Database, clock: Clock, request: FastifyRequest): Promise<void> {
  if (!request.actor) return;
  const route = request.routeOptions.url ?? request.url.split('?')[0]!;
  const params = Object.entries((request.params ?? {}) as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && isUuid(entry[1]),
  );
  const firstKey = params[0]?.[0];
  const fromRoute = route.split('/').find((s) => s && s !== 'api' && s !== 'v1' && !s.startsWith(':'));
  const recordType =
    firstKey && firstKey !== 'id'
      ? firstKey.replace(/Id$/, '')
      : (fromRoute ?? 'route').replace(/\.\w+$/, '').replace(/s$/, '');
  await database.transaction((tx) =>
    logAccess(
      tx,
      {
        actor: request.actor!,
        origin: { sourceAddress: request.ip, requestId: request.id },
        now: clock.now(),
      },
      {
        operation: 'consultation',
        recordType,
        recordIds: [...new Set(params.map(([, id]) => id))],
        section: `refused (403): ${request.method} ${route}`,
        purpose: `refused: ${request.refusal ?? 'not permitted'}`,
      },
    ),
  );
}

function problem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title, status, detail, instance: request.url.split('?')[0], ...extra });
}
