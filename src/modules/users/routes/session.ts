import type { FastifyPluginAsync } from 'fastify';
import { parseInput } from '../../../validation/parse.ts';
import type { Web } from '../../../web/types.ts';
import { SignedOutQuery } from '../schemas.ts';
import { extendSession, signOut } from '../sessions.ts';
import { clearSession, durationText, warningSecondsFor, type SignInRouteOptions } from './shared.ts';

/** Leaving, and the idle timeout's warning ("Stay signed in"). */
export const sessionRoutes =
  (web: Web, options: SignInRouteOptions): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const warnBeforeSeconds = warningSecondsFor(options.sessionIdleSeconds);

    app.post('/sign-out', { config: { action: 'public' } }, async (request, reply) => {
      if (request.sessionId) await signOut(database, request.sessionId, web.clock.now());
      clearSession(reply);
      return reply.redirect('/sign-in', 303);
    });

    app.get('/signed-out', { config: { action: 'public' } }, async (request, reply) => {
      if (request.actor) return reply.redirect('/', 303);
      clearSession(reply);
      return reply.render('users/views/signed-out.njk', {
        title: 'You have been signed out',
        everywhere: parseInput(SignedOutQuery, request.query).reason === 'everywhere',
        idle: durationText(options.sessionIdleSeconds),
      });
    });

    /** For the timeout warning script: how long is left. Does not count as activity. */
    app.get('/session/status', { config: { action: 'public' } }, async (request, reply) => {
      const session = request.authSession;
      if (session?.status !== 'active') return reply.send({ signedIn: false });
      const remaining = Math.max(
        0,
        Math.floor((session.idleExpiresAt.getTime() - session.checkedAt.getTime()) / 1000),
      );
      return reply.send({ signedIn: true, idleRemainingSeconds: remaining, warnBeforeSeconds });
    });

    /** "Stay signed in": counts as activity. */
    app.post('/session/extend', { config: { action: 'signed-in' } }, async (request, reply) => {
      await extendSession(database, request.sessionId!, web.clock.now());
      return reply.send({
        signedIn: true,
        idleRemainingSeconds: options.sessionIdleSeconds,
        warnBeforeSeconds,
      });
    });
  };
