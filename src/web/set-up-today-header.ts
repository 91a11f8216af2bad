import type { FastifyInstance } from 'fastify';
import { todayBy, type Clock } from '../clock.ts';

/** The response header carrying the service's "today" (docs/openapi.json, README's API section). */
export const TODAY_HEADER = 'Vigil-Today';

/**
 * Every answer (pages, API, errors, files) says what date it is in Vigil: the calendar date in
 * Europe/London by the service's one clock, read when the request arrives. A client deciding what
 * is overdue or due this week uses it instead of guessing the London date from its own clock
 * (another time zone, a clock that is wrong, a test a year ahead).
 */
export function setUpTodayHeader(app: FastifyInstance, clock: Clock): void {
  app.decorateRequest('vigilToday', '');
  app.addHook('onRequest', async (request) => {
    request.vigilToday = todayBy(clock);
  });
  // On sending, so an error, a redirect or a not-found answer carries it too.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header(TODAY_HEADER, request.vigilToday || todayBy(clock));
    return payload;
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The London date when the request arrived (src/clock.ts). */
    vigilToday: string;
  }
}
