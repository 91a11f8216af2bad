import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Before a highly sensitive operation (victim details, exports, user administration) the user must
 * have proved their second factor recently: at sign-in or on the "Confirm it’s you" page.
 *
 * Returns true when they have (within `maxAgeMinutes`). Otherwise it answers the request itself and
 * returns false, and the caller must return `reply` at once:
 *
 *     if (!(await requireRecentAuthentication(request, reply))) return reply;
 *
 * - A signed-in browser is redirected (303) to `/reauthenticate?next=<path>`, and comes back to
 *   `next` with a GET once a current TOTP code is entered. `next` is the request's own path and
 *   query; for a form POST (whose URL may not answer GET) pass `options.next`, e.g. the form page.
 * - A bearer-token (API) request gets 403 problem+json: a machine client cannot re-authenticate,
 *   so an API route that must allow tokens should not call this for `actor.serviceAccountId`.
 * - Anything else (no session) is sent to sign in.
 */
export async function requireRecentAuthentication(
  request: FastifyRequest,
  reply: FastifyReply,
  maxAgeMinutes = 15,
  options: { next?: string } = {},
): Promise<boolean> {
  const session = request.authSession;
  if (session?.status === 'active') {
    const proved = Math.max(session.mfaVerifiedAt.getTime(), session.reauthenticatedAt?.getTime() ?? 0);
    if (session.checkedAt.getTime() - proved <= maxAgeMinutes * 60_000) return true;
    const next = sameOriginPath(options.next ?? request.url) ?? '/';
    await reply.redirect(`/reauthenticate?next=${encodeURIComponent(next)}`, 303);
    return false;
  }
  if (request.url.startsWith('/api/')) {
    request.refusal = 'needs a person who has just re-authenticated: not available to API tokens';
    await reply
      .code(403)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: 'This needs a person who has just re-authenticated; it is not available to API tokens',
        instance: request.url.split('?')[0],
      });
    return false;
  }
  await reply.redirect('/sign-in', 303);
  return false;
}

/** A path on this site (never `//host`, `/\host` or a full URL), or null: `next` must not lead elsewhere. */
export function sameOriginPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters (including tabs and newlines browsers strip) could turn a path into a host.
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\')) return null;
  try {
    const url = new URL(value, 'http://vigil.invalid');
    return url.origin === 'http://vigil.invalid' ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
