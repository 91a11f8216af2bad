import type { FastifyReply, FastifyRequest } from 'fastify';
import { SUSPENSION_MESSAGES } from '../access-status.ts';
import type { SessionState } from '../sessions.ts';
import { stepPath } from './shared.ts';

/** Paths a pending session (second factor not yet proved) may reach; everything else sends it there. */
const PENDING_PATHS = new Set([
  '/sign-in',
  '/sign-in/set-up-two-factor',
  '/sign-in/two-factor',
  '/sign-in/recovery-code',
  '/sign-out',
  '/signed-out',
  '/session/status',
]);
/** Paths a suspended user may reach: only to leave. */
const SUSPENDED_PATHS = new Set(['/sign-out', '/signed-out', '/session/status']);

/**
 * Called by the app's session hook for a session that is not (or no longer) fully signed in:
 * a pending one is sent to its second-factor step; a suspended one sees why, whatever it asked for.
 */
export async function holdBackSession(
  request: FastifyRequest,
  reply: FastifyReply,
  session: Exclude<SessionState, { status: 'active' }>,
): Promise<FastifyReply | undefined> {
  const path = request.url.split('?')[0]!;
  if (session.status === 'pending') {
    if (PENDING_PATHS.has(path)) return undefined;
    return reply.redirect(stepPath(session.enrolled), 303);
  }
  if (SUSPENDED_PATHS.has(path)) return undefined;
  return reply.code(403).render('users/views/suspended.njk', {
    title: 'Your access has been suspended',
    message: SUSPENSION_MESSAGES[session.reason],
  });
}
