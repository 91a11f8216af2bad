import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROLE, labelOf } from '../../domain/codes.ts';
import { UnauthenticatedError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { SESSION_COOKIE, type Web } from '../../web/types.ts';
import { SUSPENSION_MESSAGES } from './access-status.ts';
import { registerUserAdministration } from './admin-routes.ts';
import { AccessSuspendedError, TooManyAttemptsError } from './errors.ts';
import { createOidcClient, OIDC_BROWSER_COOKIE, OidcSignInError, type OidcSettings } from './oidc.ts';
import { requireRecentAuthentication, sameOriginPath } from './reauthentication.ts';
import {
  SESSION_ABSOLUTE_HOURS,
  WRONG_PASSWORD,
  confirmTotpEnrolment,
  extendSession,
  reauthenticate,
  replaceOwnRecoveryCodes,
  signIn,
  signOut,
  signOutEverywhere,
  startTotpEnrolment,
  verifyRecoveryCodeSignIn,
  verifyTotpSignIn,
  type SessionState,
  type SignInEnvironment,
} from './sessions.ts';
import { groupedSecret, otpauthUri, qrCodeDataUri } from './two-factor.ts';
import { VETTING_LEVEL, accountOverview, changePassword } from './use-cases.ts';

export interface SignInRouteOptions {
  now: () => Date;
  /** Idle timeout (default 15 minutes); the warning comes two minutes before, or a third of it if shorter. */
  sessionIdleSeconds: number;
  /** How failed attempts wait before answering (tests pass a recorder instead of real waits). */
  sleep?: (ms: number) => Promise<void>;
  oidc?: OidcSettings | undefined;
}

const COOKIE_OPTIONS = { path: '/', secure: true, httpOnly: true, sameSite: 'lax' } as const;

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

const stepPath = (enrolled: boolean) => (enrolled ? '/sign-in/two-factor' : '/sign-in/set-up-two-factor');

export const errorList = (errors: FieldErrors, dateFields: readonly string[] = []) =>
  Object.entries(errors).map(([key, text]) => ({
    text,
    href: `#${dateFields.includes(key) ? `${key}-day` : key}`,
  }));

const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const text = (value: unknown) =>
  typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';

/** How long the idle warning shows before the session ends. */
export const warningSecondsFor = (idleSeconds: number) => Math.min(120, Math.floor(idleSeconds / 3));

/** "15 minutes", "20 seconds": for the pages that say how long a session lasts. */
export function durationText(seconds: number): string {
  if (seconds % 60 === 0) {
    const minutes = seconds / 60;
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

export function registerSignIn(web: Web, options: SignInRouteOptions): void {
  const { app, database } = web;
  const oidc = options.oidc ? createOidcClient(options.oidc) : undefined;
  const environment = (request: FastifyRequest): SignInEnvironment => ({
    now: options.now(),
    sourceAddress: request.ip,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const setSession = (reply: FastifyReply, sessionId: string) =>
    reply.setCookie(SESSION_COOKIE, sessionId, { ...COOKIE_OPTIONS, maxAge: SESSION_ABSOLUTE_HOURS * 3600 });
  const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
  const pending = (request: FastifyRequest) =>
    request.authSession?.status === 'pending' ? request.authSession : null;

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
      oidc: Boolean(oidc),
      errors,
      errorList: errors ? errorList(errors) : undefined,
    });

  app.get('/sign-in', { config: { action: 'public' } }, async (request, reply) => {
    const session = request.authSession;
    if (session?.status === 'active') return reply.redirect('/', 303);
    if (session?.status === 'pending') return reply.redirect(stepPath(session.enrolled), 303);
    return renderSignIn(reply, 200, {});
  });

  app.post('/sign-in', { config: { action: 'public' } }, async (request, reply) => {
    const body = bodyOf(request);
    const email = text(body.email).trim();
    const password = text(body.password);
    const errors: FieldErrors = {};
    if (!email) errors.email = 'Enter your email address';
    if (!password) errors.password = 'Enter your password';
    if (Object.keys(errors).length) return renderSignIn(reply, 400, { email }, errors);
    try {
      const session = await signIn(database, email, password, environment(request));
      // Whatever session this browser had (e.g. a pending one) ends: one sign-in, one session.
      if (request.sessionId) await signOut(database, request.sessionId, options.now());
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

  const renderSuspended = (reply: FastifyReply, error: AccessSuspendedError) =>
    reply.code(403).render('users/views/suspended.njk', {
      title: 'Your access has been suspended',
      message: SUSPENSION_MESSAGES[error.reason],
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
      errors,
      errorList: errors ? errorList(errors) : undefined,
    });

  app.get('/sign-in/set-up-two-factor', { config: { action: 'public' } }, async (request, reply) => {
    const session = pending(request);
    if (!session) return reply.redirect(request.actor ? '/' : '/sign-in', 303);
    if (session.enrolled) return reply.redirect('/sign-in/two-factor', 303);
    return renderSetUp(reply, 200, await startTotpEnrolment(database, request.sessionId!, options.now()));
  });

  app.post('/sign-in/set-up-two-factor', { config: { action: 'public' } }, async (request, reply) => {
    const session = pending(request);
    if (!session) return reply.redirect(request.actor ? '/' : '/sign-in', 303);
    if (session.enrolled) return reply.redirect('/sign-in/two-factor', 303);
    try {
      const done = await confirmTotpEnrolment(
        database,
        request.sessionId!,
        text(bodyOf(request).code),
        environment(request),
      );
      setSession(reply, done.sessionId);
      // Shown on this one answer and nowhere else: only their hashes are kept.
      return reply.render('users/views/recovery-codes.njk', {
        title: 'Save your recovery codes',
        recoveryCodes: done.recoveryCodes,
        continueTo: '/',
      });
    } catch (error) {
      const errors = secondFactorErrors(error, 'code');
      if (!errors) throw error;
      const enrolment = await startTotpEnrolment(database, request.sessionId!, options.now());
      return renderSetUp(reply, error instanceof TooManyAttemptsError ? 429 : 400, enrolment, errors);
    }
  });

  /** The field errors to redisplay for a failed second-factor step, or null for anything unexpected. */
  function secondFactorErrors(error: unknown, field: string): FieldErrors | null {
    if (error instanceof ValidationError) return error.fieldErrors;
    if (error instanceof TooManyAttemptsError) return { [field]: error.message };
    return null;
  }

  // --- Step two: a code from the authenticator, or a recovery code ---------------------------

  const renderCodeStep = (
    reply: FastifyReply,
    status: number,
    template: string,
    title: string,
    errors?: FieldErrors,
  ) =>
    reply.code(status).render(`users/views/${template}`, {
      title,
      errors,
      errorList: errors ? errorList(errors) : undefined,
    });

  for (const step of [
    {
      path: '/sign-in/two-factor',
      template: 'two-factor.njk',
      title: 'Enter the code from your authenticator app',
      field: 'code',
      verify: (request: FastifyRequest, code: string) =>
        verifyTotpSignIn(database, request.sessionId!, code, environment(request)).then((done) => ({
          ...done,
          next: '/',
        })),
    },
    {
      path: '/sign-in/recovery-code',
      template: 'recovery-code.njk',
      title: 'Enter a recovery code',
      field: 'recoveryCode',
      verify: (request: FastifyRequest, code: string) =>
        verifyRecoveryCodeSignIn(database, request.sessionId!, code, environment(request)).then((done) => ({
          ...done,
          next: `/account?recoveryCodesLeft=${done.recoveryCodesLeft}`,
        })),
    },
  ]) {
    app.get(step.path, { config: { action: 'public' } }, async (request, reply) => {
      const session = pending(request);
      if (!session) return reply.redirect(request.actor ? '/' : '/sign-in', 303);
      if (!session.enrolled) return reply.redirect('/sign-in/set-up-two-factor', 303);
      return renderCodeStep(reply, 200, step.template, step.title);
    });

    app.post(step.path, { config: { action: 'public' } }, async (request, reply) => {
      const session = pending(request);
      if (!session) return reply.redirect(request.actor ? '/' : '/sign-in', 303);
      if (!session.enrolled) return reply.redirect('/sign-in/set-up-two-factor', 303);
      try {
        const done = await step.verify(request, text(bodyOf(request)[step.field]));
        setSession(reply, done.sessionId);
        return reply.redirect(done.next, 303);
      } catch (error) {
        if (error instanceof UnauthenticatedError) return reply.redirect('/sign-in', 303);
        const errors = secondFactorErrors(error, step.field);
        if (!errors) throw error;
        return renderCodeStep(
          reply,
          error instanceof TooManyAttemptsError ? 429 : 400,
          step.template,
          step.title,
          errors,
        );
      }
    });
  }

  // --- Leaving, and the idle timeout ---------------------------------------------------------

  app.post('/sign-out', { config: { action: 'public' } }, async (request, reply) => {
    if (request.sessionId) await signOut(database, request.sessionId, options.now());
    clearSession(reply);
    return reply.redirect('/sign-in', 303);
  });

  app.get('/signed-out', { config: { action: 'public' } }, async (request, reply) => {
    if (request.actor) return reply.redirect('/', 303);
    clearSession(reply);
    const everywhere = (request.query as Record<string, string>).reason === 'everywhere';
    return reply.render('users/views/signed-out.njk', {
      title: 'You have been signed out',
      everywhere,
      idle: durationText(options.sessionIdleSeconds),
    });
  });

  const warnBeforeSeconds = warningSecondsFor(options.sessionIdleSeconds);

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
    await extendSession(database, request.sessionId!, options.now());
    return reply.send({
      signedIn: true,
      idleRemainingSeconds: options.sessionIdleSeconds,
      warnBeforeSeconds,
    });
  });

  // --- The user's own account ---------------------------------------------------------------

  app.get('/account', { config: { action: 'signed-in' } }, async (request, reply) => {
    const ctx = web.context(request);
    const query = request.query as Record<string, string>;
    const left = /^\d+$/.test(query.recoveryCodesLeft ?? '') ? Number(query.recoveryCodesLeft) : null;
    return reply.render('users/views/account.njk', {
      title: 'Your account',
      account: await accountOverview(database, ctx, options.now()),
      roles: ctx.actor.roles.map((r) => labelOf(ROLE, r)),
      vettingLabel: (code: string | null) =>
        VETTING_LEVEL.find((v) => v.code === code)?.label ?? 'None recorded',
      passwordChanged: query.passwordChanged === '1',
      recoveryCodeUsed: left,
      showRecoveryCodeBanner: left !== null,
      isAdmin: ctx.actor.roles.includes('admin'),
      authenticatedBy: request.authSession?.authenticatedBy,
    });
  });

  const renderPasswordForm = (reply: FastifyReply, status: number, errors?: FieldErrors) =>
    reply.code(status).render('users/views/change-password.njk', {
      title: 'Change your password',
      errors,
      errorList: errors ? errorList(errors) : undefined,
    });

  app.get('/account/password', { config: { action: 'signed-in' } }, async (_request, reply) =>
    renderPasswordForm(reply, 200),
  );

  app.post('/account/password', { config: { action: 'signed-in' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await changePassword(
        database,
        web.context(request),
        request.sessionId!,
        {
          currentPassword: text(body.currentPassword),
          newPassword: text(body.newPassword),
          confirmPassword: text(body.confirmPassword),
        },
        environment(request),
      );
      return reply.redirect('/account?passwordChanged=1', 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderPasswordForm(reply, 400, error.fieldErrors);
      if (error instanceof TooManyAttemptsError)
        return renderPasswordForm(reply, 429, { currentPassword: error.message });
      throw error;
    }
  });

  app.post('/account/sign-out-everywhere', { config: { action: 'signed-in' } }, async (request, reply) => {
    await signOutEverywhere(database, request.actor!.userId, options.now());
    clearSession(reply);
    return reply.redirect('/signed-out?reason=everywhere', 303);
  });

  app.post('/account/recovery-codes', { config: { action: 'signed-in' } }, async (request, reply) => {
    if (!(await requireRecentAuthentication(request, reply, 15, { next: '/account' }))) return reply;
    const recoveryCodes = await replaceOwnRecoveryCodes(database, request.actor!.userId, options.now());
    return reply.render('users/views/recovery-codes.njk', {
      title: 'Save your new recovery codes',
      recoveryCodes,
      continueTo: '/account',
      replaced: true,
    });
  });

  // --- Confirming it is you, before something sensitive --------------------------------------

  const renderReauthenticate = (reply: FastifyReply, status: number, next: string, errors?: FieldErrors) =>
    reply.code(status).render('users/views/reauthenticate.njk', {
      title: 'Confirm it’s you',
      next,
      errors,
      errorList: errors ? errorList(errors) : undefined,
    });

  app.get('/reauthenticate', { config: { action: 'signed-in' } }, async (request, reply) =>
    renderReauthenticate(reply, 200, sameOriginPath((request.query as Record<string, unknown>).next) ?? '/'),
  );

  app.post('/reauthenticate', { config: { action: 'signed-in' } }, async (request, reply) => {
    const body = bodyOf(request);
    const next = sameOriginPath(text(body.next)) ?? '/';
    try {
      await reauthenticate(database, request.sessionId!, text(body.code), environment(request));
      return reply.redirect(next, 303);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return reply.redirect('/sign-in', 303);
      const errors = secondFactorErrors(error, 'code');
      if (!errors) throw error;
      return renderReauthenticate(reply, error instanceof TooManyAttemptsError ? 429 : 400, next, errors);
    }
  });

  // --- Single sign-on (only when configured) -------------------------------------------------

  if (oidc) {
    const oidcCookie = { ...COOKIE_OPTIONS, maxAge: 600 };
    const oidcProblem = (reply: FastifyReply, status: number, message: string) =>
      reply.code(status).render('error.njk', {
        title: 'You could not be signed in with your organisation account',
        paragraphs: [message],
      });

    app.get('/sign-in/oidc', { config: { action: 'public' } }, async (request, reply) => {
      try {
        const started = await oidc.start(database, options.now());
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
        const session = await oidc.finish(database, query, binding, options.now());
        if (request.sessionId) await signOut(database, request.sessionId, options.now());
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
  }

  registerUserAdministration(web);
}
