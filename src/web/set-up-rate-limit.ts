import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/**
 * Machine clients get a fair share each (API routes opt in with `config.rateLimit`), keyed by a
 * hash of their token (never the token itself) or their address.
 */
export async function setUpRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    max: perMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) =>
      request.headers.authorization
        ? createHash('sha256').update(request.headers.authorization).digest('hex')
        : request.ip,
  });
}
