import { randomBytes } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers (helmet), with a Content-Security-Policy whose script nonce is new for every
 * request; pages and API answers are never cached, since they carry personal data.
 */
export async function setUpSecurityHeaders(app: FastifyInstance): Promise<void> {
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
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isStaticAsset(request.url)) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}

const STATIC_PREFIXES = ['/assets/', '/stylesheets/', '/javascripts/'];

/** Static files carry no personal data: no session, no CSRF, cacheable. */
export const isStaticAsset = (url: string) => STATIC_PREFIXES.some((prefix) => url.startsWith(prefix));
