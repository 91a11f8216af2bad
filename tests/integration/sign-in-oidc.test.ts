import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, describeEachDatabase, makeActor } from '../support/databases.ts';
import { csrfOf, sessionCookieOf, signInWithPages, totpCode } from '../support/sign-in.ts';
import { testClock } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, started here on a local
 * port) — not a mock: discovery, the authorization code flow with PKCE, state and nonce, signed ID
 * tokens and the UserInfo endpoint are all the provider's own. The provider's development login
 * form is driven with fetch and a cookie jar, as a browser would.
 */

const REDIRECT_URL = 'https://vigil.example/sign-in/oidc/callback';
const CLIENT = { id: 'vigil', secret: 'a-client-secret-for-the-tests-only-0123456789' };

/** The provider's accounts: id → email claim. */
const accounts = new Map<string, { email: string; verified: boolean }>();

let provider: Server;
let issuer: string;

beforeAll(async () => {
  provider = createServer();
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [REDIRECT_URL],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    findAccount: async (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      return account
        ? {
            accountId: id,
            claims: async () => ({ sub: id, email: account.email, email_verified: account.verified }),
          }
        : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // Vigil must use PKCE even as a confidential client: the provider insists, so a missing one fails.
    pkce: { required: () => true },
    cookies: { keys: ['a-cookie-signing-key-for-the-tests-only'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  provider.on('request', oidc.callback());
});

afterAll(async () => {
  await new Promise((resolve) => provider?.close(resolve));
});

/** A browser's cookie jar for the provider, enough for its session and interaction cookies. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const expired =
        attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value.join('=') === '';
      if (expired) this.#cookies.delete(name!.trim());
      else this.#cookies.set(name!.trim(), value.join('='));
    }
  }
  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Follows the provider from the authorization URL, signing in as `accountId` on its login form and
 * consenting, until it redirects back to Vigil; returns that callback URL.
 */
async function signInAtProvider(authorizationUrl: string, accountId: string): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    jar.take(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URL)) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    expect(response.status, html.slice(0, 500)).toBe(200);
    const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'), url).href;
    const prompt = /name="prompt" value="(\w+)"/.exec(html)![1]!;
    body = new URLSearchParams(
      prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt },
    );
    url = action;
  }
  throw new Error('The provider never sent the browser back to Vigil');
}

describeEachDatabase('single sign-on with an OpenID Connect provider', (getDb) => {
  let app: FastifyInstance;
  let user: UseCaseContext;
  let totpSecret: string;

  beforeAll(async () => {
    const { database } = getDb();
    app = await buildApp({
      clock: testClock,
      database,
      config: { trustProxy: false },
      oidc: {
        issuer,
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        redirectUrl: REDIRECT_URL,
        allowInsecureRequests: true,
      },
    });
    await app.ready();
    user = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    // They have set up TOTP already (with their password), as every Vigil user must.
    totpSecret = (await signInWithPages(app, { email: user.actor.email, password: TEST_PASSWORD }))
      .totpSecret;
    accounts.set(`${getDb().kind}-user`, { email: user.actor.email.toUpperCase(), verified: true });
    accounts.set(`${getDb().kind}-stranger`, { email: 'stranger@elsewhere.example', verified: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Starts at Vigil, signs in at the provider, and brings the answer back to Vigil's callback. */
  async function ssoAs(accountId: string) {
    const sign = await app.inject({ method: 'GET', url: '/sign-in' });
    expect(sign.body).toContain('Sign in with your organisation account');
    const start = await app.inject({ method: 'GET', url: '/sign-in/oidc' });
    expect(start.statusCode).toBe(303);
    const authorization = new URL(start.headers.location!);
    expect(authorization.origin).toBe(issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    const binding = String(start.headers['set-cookie']).split(';')[0]!;
    expect(binding).toMatch(/^__Host-vigil-oidc=/);
    const callback = await signInAtProvider(authorization.href, accountId);
    const answer = () =>
      app.inject({
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: binding },
      });
    return { callback, binding, answer };
  }

  it('signs in an existing Vigil user by their email, and still asks for their TOTP code', async () => {
    const { answer } = await ssoAs(`${getDb().kind}-user`);
    const back = await answer();
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe('/sign-in/two-factor');
    const pending = sessionCookieOf(back)!;
    expect(
      (await app.inject({ method: 'GET', url: '/account', headers: { cookie: pending } })).headers.location,
    ).toBe('/sign-in/two-factor');
    const step = await app.inject({
      method: 'GET',
      url: '/sign-in/two-factor',
      headers: { cookie: pending },
    });
    const done = await app.inject({
      method: 'POST',
      url: '/sign-in/two-factor',
      headers: { cookie: pending },
      payload: { _csrf: csrfOf(step.body), code: await totpCode(totpSecret) },
    });
    expect(done.statusCode).toBe(303);
    const active = sessionCookieOf(done)!;
    const account = await app.inject({ method: 'GET', url: '/account', headers: { cookie: active } });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain(user.actor.email);

    // The provider's answer works once only.
    const replay = await answer();
    expect(replay.statusCode).toBe(400);
    expect(replay.headers['set-cookie']).not.toContain('__Host-vigil-session=');
  });

  it('refuses an organisation account that is not a Vigil user', async () => {
    const { answer } = await ssoAs(`${getDb().kind}-stranger`);
    const back = await answer();
    expect(back.statusCode).toBe(400);
    expect(back.body).toContain('Your organisation account is not linked to a Vigil user');
    expect(sessionCookieOf(back)).toBeUndefined();
  });

  it('refuses an answer brought back by another browser (no binding cookie) or with a changed state', async () => {
    const { callback, binding } = await ssoAs(`${getDb().kind}-user`);
    const otherBrowser = await app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
    expect(otherBrowser.statusCode).toBe(400);
    expect(sessionCookieOf(otherBrowser)).toBeUndefined();

    const again = await ssoAs(`${getDb().kind}-user`);
    const tampered = new URL(again.callback);
    tampered.searchParams.set('state', 'not-the-state-vigil-sent');
    const refused = await app.inject({
      method: 'GET',
      url: `${tampered.pathname}${tampered.search}`,
      headers: { cookie: again.binding },
    });
    expect(refused.statusCode).toBe(400);
    expect(sessionCookieOf(refused)).toBeUndefined();
    expect(binding).not.toBe(again.binding);
  });

  it('shows a suspended user why, with no session', async () => {
    await getDb().database.transaction((tx) =>
      tx
        .updateTable('users')
        .set({ training_completed_on: null })
        .where('id', '=', user.actor.userId)
        .execute(),
    );
    try {
      const { answer } = await ssoAs(`${getDb().kind}-user`);
      const back = await answer();
      expect(back.statusCode).toBe(403);
      expect(back.body).toContain('because your training has not been recorded');
      expect(sessionCookieOf(back)).toBeUndefined();
    } finally {
      await getDb().database.transaction((tx) =>
        tx
          .updateTable('users')
          .set({ training_completed_on: '2025-01-06' })
          .where('id', '=', user.actor.userId)
          .execute(),
      );
    }
  });
});
