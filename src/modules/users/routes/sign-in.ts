import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError, type FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import type { Web } from '../../../web/types.ts';
import { AccessSuspendedError, TooManyAttemptsError } from '../errors.ts';
import { CodeForm, RecoveryCodeForm, SignInForm } from '../schemas.ts';
import {
  WRONG_PASSWORD,
  confirmTotpEnrolment,
  signIn,
  signOut,
  startTotpEnrolment,
  verifyRecoveryCodeSignIn,
  verifyTotpSignIn,
} from '../sessions.ts';
import { groupedSecret, otpauthUri, qrCodeDataUri } from '../two-factor.ts';
import {
  environmentOf,
  pending,
  proofForm,
  renderSuspended,
  setSession,
  stepPath,
  withErrors,
  type SignInRouteOptions,
} from './shared.ts';

/**
 * Signing in, in two steps: email and password (which open a pending session), then a code from
 * the authenticator app or a recovery code; or, at the first sign-in, setting the authenticator up.
 */
export const signInPages =
  (web: Web, options: SignInRouteOptions, singleSignOn: boolean): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const environment = environmentOf(web, options);
    /** Where a request with no pending session goes instead of a second-factor page. */
    const away = (request: FastifyRequest, reply: FastifyReply) =>
      reply.redirect(request.actor ? '/' : '/sign-in', 303);

    // --- Step one: email and password -------------------------------------------------------

    const renderSignIn = (
      reply: FastifyReply,
      status: number,
      values: Record<string, string>,
      errors?: FieldErrors,
    ) =>
      reply.code(status).render('users/views/sign-in.njk', {
        title: 'Sign in',
        values,
        oidc: singleSignOn,
        ...withErrors(errors),
      });

    app.get('/sign-in', { config: { action: 'public' } }, async (request, reply) => {
      const session = request.authSession;
      if (session?.status === 'active') return reply.redirect('/', 303);
      if (session?.status === 'pending') return reply.redirect(stepPath(session.enrolled), 303);
      return renderSignIn(reply, 200, {});
    });

    app.post('/sign-in', { config: { action: 'public' } }, async (request, reply) => {
      const form = parseInput(SignInForm, request.body);
      const email = form.email.trim();
      const errors: FieldErrors = {};
      if (!email) errors.email = 'Enter your email address';
      if (!form.password) errors.password = 'Enter your password';
      if (Object.keys(errors).length) return renderSignIn(reply, 400, { email }, errors);
      try {
        const session = await signIn(database, email, form.password, environment(request));
        // Whatever session this browser had (e.g. a pending one) ends: one sign-in, one session.
        if (request.sessionId) await signOut(database, request.sessionId, web.clock.now());
        setSession(reply, session.sessionId);
        return reply.redirect(`/sign-in/${session.next}`, 303);
      } catch (error) {
        if (error instanceof TooManyAttemptsError)
          return renderSignIn(reply, 429, { email }, { email: error.message });
        if (error instanceof UnauthenticatedError)
          return renderSignIn(reply, 400, { email }, { email: WRONG_PASSWORD });
        if (error instanceof AccessSuspendedError) return renderSuspended(reply, error);
        throw error;
      }
    });

    // --- Step two: setting up an authenticator (first sign-in, or after a reset) ---------------

    const renderSetUp = async (
      reply: FastifyReply,
      status: number,
      enrolment: { secret: string; email: string },
      errors?: FieldErrors,
    ) =>
      reply.code(status).render('users/views/set-up-two-factor.njk', {
        title: 'Set up two-factor authentication',
        qrCode: await qrCodeDataUri(otpauthUri(enrolment.email, enrolment.secret)),
        secret: groupedSecret(enrolment.secret),
        ...withErrors(errors),
      });

    app.get('/sign-in/set-up-two-factor', { config: { action: 'public' } }, async (request, reply) => {
      const session = pending(request);
      if (!session) return away(request, reply);
      if (session.enrolled) return reply.redirect('/sign-in/two-factor', 303);
      return renderSetUp(reply, 200, await startTotpEnrolment(database, request.sessionId!, web.clock.now()));
    });

    app.post('/sign-in/set-up-two-factor', { config: { action: 'public' } }, async (request, reply) => {
      const session = pending(request);
      if (!session) return away(request, reply);
      if (session.enrolled) return reply.redirect('/sign-in/two-factor', 303);
      const { code } = parseInput(CodeForm, request.body);
      return proofForm({
        field: 'code',
        attempt: () => confirmTotpEnrolment(database, request.sessionId!, code, environment(request)),
        done: (enrolled) => {
          setSession(reply, enrolled.sessionId);
          // Shown on this one answer and nowhere else: only their hashes are kept.
          return reply.render('users/views/recovery-codes.njk', {
            title: 'Save your recovery codes',
            recoveryCodes: enrolled.recoveryCodes,
            continueTo: '/',
          });
        },
        redisplay: async ({ status, errors }) =>
          renderSetUp(
            reply,
            status,
            await startTotpEnrolment(database, request.sessionId!, web.clock.now()),
            errors,
          ),
      });
    });

    // --- Step two: a code from the authenticator, or a recovery code ---------------------------

    const steps = [
      {
        path: '/sign-in/two-factor',
        template: 'two-factor.njk',
        title: 'Enter the code from your authenticator app',
        field: 'code',
        verify: async (request: FastifyRequest) => {
          const { code } = parseInput(CodeForm, request.body);
          const done = await verifyTotpSignIn(database, request.sessionId!, code, environment(request));
          return { ...done, next: '/' };
        },
      },
      {
        path: '/sign-in/recovery-code',
        template: 'recovery-code.njk',
        title: 'Enter a recovery code',
        field: 'recoveryCode',
        verify: async (request: FastifyRequest) => {
          const { recoveryCode } = parseInput(RecoveryCodeForm, request.body);
          const done = await verifyRecoveryCodeSignIn(
            database,
            request.sessionId!,
            recoveryCode,
            environment(request),
          );
          return { ...done, next: `/account?recoveryCodesLeft=${done.recoveryCodesLeft}` };
        },
      },
    ];

    for (const step of steps) {
      const renderStep = (reply: FastifyReply, status: number, errors?: FieldErrors) =>
        reply
          .code(status)
          .render(`users/views/${step.template}`, { title: step.title, ...withErrors(errors) });

      app.get(step.path, { config: { action: 'public' } }, async (request, reply) => {
        const session = pending(request);
        if (!session) return away(request, reply);
        if (!session.enrolled) return reply.redirect('/sign-in/set-up-two-factor', 303);
        return renderStep(reply, 200);
      });

      app.post(step.path, { config: { action: 'public' } }, async (request, reply) => {
        const session = pending(request);
        if (!session) return away(request, reply);
        if (!session.enrolled) return reply.redirect('/sign-in/set-up-two-factor', 303);
        return proofForm({
          field: step.field,
          attempt: () => step.verify(request),
          done: (signedIn) => {
            setSession(reply, signedIn.sessionId);
            return reply.redirect(signedIn.next, 303);
          },
          redisplay: ({ status, errors }) => renderStep(reply, status, errors),
          unauthenticated: () => reply.redirect('/sign-in', 303),
        });
      });
    }
  };
