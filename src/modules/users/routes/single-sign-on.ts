import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { AccessSuspendedError } from '../errors.ts';
import { OIDC_BROWSER_COOKIE, OidcSignInError, type OidcClient } from '../oidc.ts';
import { signOut } from '../sessions.ts';
import { COOKIE_OPTIONS, renderSuspended, setSession, type SignInRouteOptions } from './shared.ts';

/** Signing in with the organisation's account (only when single sign-on is configured). */
export const singleSignOnRoutes =
  (web: Web, options: SignInRouteOptions, oidc: OidcClient): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const oidcCookie = { ...COOKIE_OPTIONS, maxAge: 600 };
    const oidcProblem = (reply: FastifyReply, status: number, message: string) =>
      reply.code(status).render('error.njk', {
        title: 'You could not be signed in with your organisation account',
        paragraphs: [message],
      });

    app.get('/sign-in/oidc', { config: { action: 'public' } }, async (request, reply) => {
      try {
        const started = await oidc.start(database, web.clock.now());
        reply.setCookie(OIDC_BROWSER_COOKIE, started.browserBinding, oidcCookie);
        return reply.redirect(started.url, 303);
      } catch (error) {
        request.log.error({ err: error }, 'single sign-on provider unavailable');
        return oidcProblem(
          reply,
          503,
          'The sign-in service of your organisation is not available. Try again later, or sign in with your email and password.',
        );
      }
    });

    app.get(oidc.callbackPath, { config: { action: 'public' } }, async (request, reply) => {
      const binding = request.cookies[OIDC_BROWSER_COOKIE];
      reply.clearCookie(OIDC_BROWSER_COOKIE, COOKIE_OPTIONS);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      try {
        const session = await oidc.finish(database, query, binding, web.clock.now());
        if (request.sessionId) await signOut(database, request.sessionId, web.clock.now());
        setSession(reply, session.sessionId);
        return reply.redirect(`/sign-in/${session.next}`, 303);
      } catch (error) {
        if (error instanceof AccessSuspendedError) return renderSuspended(reply, error);
        if (error instanceof OidcSignInError) return oidcProblem(reply, 400, error.message);
        // The provider's answer did not check out (state, nonce, PKCE, signature): said plainly, logged in full.
        request.log.warn({ err: error }, 'single sign-on answer refused');
        return oidcProblem(
          reply,
          400,
          'The answer from your organisation could not be checked. Start again, or sign in with your email and password.',
        );
      }
    });
  };
