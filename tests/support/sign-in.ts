import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { testClock } from './clock.ts';
import {
  confirmTotpEnrolment,
  signIn,
  startTotpEnrolment,
  verifyTotpSignIn,
} from '../../src/modules/users/index.ts';

/**
 * Signing in as a person does, for the suites: email and password, then a TOTP code computed (as an
 * authenticator app would) from the secret the set-up page shows. Vigil accepts each time step once,
 * so `totpCode` remembers the steps it has given out and moves to the next one (the server allows
 * 30 seconds of drift), waiting only when that is used too.
 */

const usedSteps = new Map<string, number>();

/**
 * A code for `secret` the server has not seen yet, by the suites' clock. When the codes near it are
 * used, the test clock moves on to the next time step (nobody waits for a real 30 seconds); with a
 * given time (`nowMs`, an app on a clock of its own) it cannot, and says so.
 */
export async function totpCode(secret: string, nowMs?: number): Promise<string> {
  const plain = secret.replace(/\s+/g, '').toUpperCase();
  for (;;) {
    const at = nowMs ?? testClock.now().getTime();
    const current = Math.floor(at / 1000 / 30);
    const last = usedSteps.get(plain) ?? -Infinity;
    const step = Math.max(current, last + 1);
    if (step <= current + 1) {
      usedSteps.set(plain, step);
      return generate({ secret: plain, epoch: step * 30 });
    }
    if (nowMs !== undefined)
      throw new Error('Every TOTP code near this clock has been used: use a fresh user or a later clock');
    testClock.advance((current + 1) * 30_000 - at + 50);
  }
}

/** The `name=value` of the session cookie an answer sets, if any. */
export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  const session = cookies.find(
    (c) => c.startsWith('__Host-vigil-session=') && !c.startsWith('__Host-vigil-session=;'),
  );
  return session?.split(';')[0];
}

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** The key the set-up page shows for typing into an app (spaces removed). */
export const totpSecretOf = (html: string) =>
  (/id="totp-secret"[^>]*>([^<]+)</.exec(html)?.[1] ?? '').replace(/\s+/g, '');

export const recoveryCodesOf = (html: string) =>
  [...html.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  totpSecret: string;
  recoveryCodes: string[];
}

/**
 * Signs in through the pages (app.inject). A user without TOTP sets it up (the secret is read off
 * the page); one with TOTP needs `totpSecret`. `now` must match the app's clock when it has one.
 */
export async function signInWithPages(
  app: FastifyInstance,
  options: { email: string; password: string; totpSecret?: string; remoteAddress?: string; now?: () => Date },
): Promise<SignedIn> {
  const remote = options.remoteAddress ? { remoteAddress: options.remoteAddress } : {};
  const password = await app.inject({
    method: 'POST',
    url: '/sign-in',
    payload: { email: options.email, password: options.password },
    ...remote,
  });
  expect(password.statusCode, `sign-in for ${options.email}: ${password.body.slice(0, 300)}`).toBe(303);
  const pending = sessionCookieOf(password)!;
  const step = await app.inject({
    method: 'GET',
    url: password.headers.location!,
    headers: { cookie: pending },
    ...remote,
  });
  expect(step.statusCode).toBe(200);
  const enrolling = password.headers.location === '/sign-in/set-up-two-factor';
  const totpSecret = enrolling ? totpSecretOf(step.body) : options.totpSecret;
  if (!totpSecret) throw new Error(`${options.email} has two-factor authentication: pass totpSecret`);
  const confirmed = await app.inject({
    method: 'POST',
    url: password.headers.location!,
    headers: { cookie: pending },
    payload: { _csrf: csrfOf(step.body), code: await totpCode(totpSecret, options.now?.().getTime()) },
    ...remote,
  });
  expect(confirmed.statusCode, confirmed.body.slice(0, 500)).toBe(enrolling ? 200 : 303);
  const cookie = sessionCookieOf(confirmed)!;
  expect(cookie).toBeTruthy();
  const page = await app.inject({ method: 'GET', url: '/account', headers: { cookie }, ...remote });
  expect(page.statusCode).toBe(200);
  return {
    cookie,
    csrfToken: csrfOf(page.body),
    totpSecret,
    recoveryCodes: enrolling ? recoveryCodesOf(confirmed.body) : [],
  };
}

/** The same through the use cases, for suites without an app: returns the active session's id. */
export async function signInWithUseCases(
  database: Database,
  options: { email: string; password: string; totpSecret?: string; now?: Date; sourceAddress?: string },
): Promise<{ sessionId: string; totpSecret: string; recoveryCodes: string[] }> {
  const env = {
    now: options.now ?? testClock.now(),
    sourceAddress: options.sourceAddress ?? '192.0.2.1',
    sleep: async () => {},
  };
  const pending = await signIn(database, options.email, options.password, env);
  if (pending.next === 'set-up-two-factor') {
    const { secret } = await startTotpEnrolment(database, pending.sessionId, env.now);
    const code = await totpCode(secret, options.now?.getTime());
    const done = await confirmTotpEnrolment(database, pending.sessionId, code, {
      ...env,
      now: options.now ?? testClock.now(),
    });
    return { sessionId: done.sessionId, totpSecret: secret, recoveryCodes: done.recoveryCodes };
  }
  if (!options.totpSecret) throw new Error(`${options.email} has two-factor authentication: pass totpSecret`);
  const code = await totpCode(options.totpSecret, options.now?.getTime());
  const done = await verifyTotpSignIn(database, pending.sessionId, code, {
    ...env,
    now: options.now ?? testClock.now(),
  });
  return { sessionId: done.sessionId, totpSecret: options.totpSecret, recoveryCodes: [] };
}
