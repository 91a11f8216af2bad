import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError, type FieldErrors } from '../../../domain/errors.ts';
import { handleForm } from '../../../web/forms.ts';
import { SESSION_COOKIE, type Web } from '../../../web/types.ts';
import { SUSPENSION_MESSAGES } from '../access-status.ts';
import { TooManyAttemptsError, type AccessSuspendedError } from '../errors.ts';
import type { OidcSettings } from '../oidc.ts';
import { SESSION_ABSOLUTE_HOURS, type SignInEnvironment } from '../sessions.ts';

/** What the sign-in and account routes share: options, cookies, the error summary, the form handling. */

export interface SignInRouteOptions {
  /** Idle timeout (default 15 minutes); the warning comes two minutes before, or a third of it if shorter. */
  sessionIdleSeconds: number;
  /** How failed attempts wait before answering (tests pass a recorder instead of real waits). */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  oidc?: OidcSettings | undefined;
}

export const COOKIE_OPTIONS = { path: '/', secure: true, httpOnly: true, sameSite: 'lax' } as const;

export const setSession = (reply: FastifyReply, sessionId: string) =>
  reply.setCookie(SESSION_COOKIE, sessionId, { ...COOKIE_OPTIONS, maxAge: SESSION_ABSOLUTE_HOURS * 3600 });
export const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);

/** The app's one clock, where the request came from, and how failed attempts wait. */
export const environmentOf =
  (web: Web, options: SignInRouteOptions) =>
  (request: FastifyRequest): SignInEnvironment => ({
    now: web.clock.now(),
    sourceAddress: request.ip,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });

/** The pending session (second factor not yet proved) of this request, if that is what it has. */
export const pending = (request: FastifyRequest) =>
  request.authSession?.status === 'pending' ? request.authSession : null;

export const stepPath = (enrolled: boolean) =>
  enrolled ? '/sign-in/two-factor' : '/sign-in/set-up-two-factor';

export const errorList = (errors: FieldErrors, dateFields: readonly string[] = []) =>
  Object.entries(errors).map(([key, text]) => ({
    text,
    href: `#${dateFields.includes(key) ? `${key}-day` : key}`,
  }));

/** The page's error summary and messages, or nothing when there are none. */
export const withErrors = (errors?: FieldErrors) => ({
  errors,
  errorList: errors ? errorList(errors) : undefined,
});

export const renderSuspended = (reply: FastifyReply, error: AccessSuspendedError) =>
  reply.code(403).render('users/views/suspended.njk', {
    title: 'Your access has been suspended',
    message: SUSPENSION_MESSAGES[error.reason],
  });

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

/**
 * A form that proves who someone is (a code, a password): handleForm, plus its own refusals. Too
 * many failed attempts shows the form again with 429 and the reason at `field`; a session that has
 * ended on the way (`UnauthenticatedError`) goes to `unauthenticated` when given.
 */
export async function proofForm<T>(form: {
  field: string;
  attempt: () => Promise<T>;
  done: (result: T) => unknown;
  redisplay: (problem: { status: number; errors: FieldErrors }) => unknown;
  unauthenticated?: () => unknown;
}): Promise<unknown> {
  try {
    return await handleForm(form);
  } catch (error) {
    if (error instanceof TooManyAttemptsError)
      return form.redisplay({ status: 429, errors: { [form.field]: error.message } });
    if (form.unauthenticated && error instanceof UnauthenticatedError) return form.unauthenticated();
    throw error;
  }
}
