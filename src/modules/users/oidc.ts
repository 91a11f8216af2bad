import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import * as client from 'openid-client';
import type { Database } from '../../db/database.ts';
import { openPendingSession, sha256, type PendingSignIn } from './sessions.ts';
import { transaction, usersDb } from './tables.ts';

/**
 * Optional single sign-on with the organisation's OpenID Connect provider: the authorization code
 * flow with PKCE, state and nonce. The provider proves the first factor; the person must already be
 * an enabled, vetted Vigil user with the same email, and Vigil's own TOTP step still follows.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: its path is served by Vigil. */
  redirectUrl: string;
  /** Tests only: lets the client talk to a provider on plain http://localhost. */
  allowInsecureRequests?: boolean;
}

/** A request to the provider must come back within this time. */
const OIDC_REQUEST_MINUTES = 10;

export const OIDC_BROWSER_COOKIE = '__Host-vigil-oidc';

/** The user could not be signed in through the provider; `message` is safe to show. */
export class OidcSignInError extends Error {}

export interface OidcClient {
  readonly callbackPath: string;
  /** Where to send the browser, and the value its cookie must hold when it returns. */
  start(database: Database, now?: Date): Promise<{ url: string; browserBinding: string }>;
  /** Checks the provider's answer and opens a pending Vigil session for the matching user. */
  finish(
    database: Database,
    query: string,
    browserBinding: string | undefined,
    now?: Date,
  ): Promise<PendingSignIn>;
}

export function createOidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  // Discovered on first use (and again after a failure), so Vigil starts even when the provider is down.
  const configured = () =>
    (configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      }));

  return {
    callbackPath: new URL(settings.redirectUrl).pathname,

    async start(database, now: Date) {
      const config = await configured();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      const browserBinding = randomBytes(32).toString('base64url');
      await transaction(database, async (tx) => {
        await tx
          .deleteFrom('oidc_sign_ins')
          .where('created_at', '<', new Date(now.getTime() - OIDC_REQUEST_MINUTES * 60_000))
          .execute();
        await tx
          .insertInto('oidc_sign_ins')
          .values({
            state_hash: sha256(state),
            browser_hash: sha256(browserBinding),
            nonce,
            code_verifier: codeVerifier,
            created_at: now,
          })
          .execute();
      });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: 'openid email',
        response_type: 'code',
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, browserBinding };
    },

    async finish(database, query, browserBinding, now: Date) {
      const params = new URLSearchParams(query);
      if (params.get('error'))
        throw new OidcSignInError(
          'Your organisation account did not sign you in. Try again, or sign in with your email and password.',
        );
      const state = params.get('state') ?? '';
      // Used once, by the browser that started it, within the time limit.
      const request = await transaction(database, (tx) =>
        tx
          .updateTable('oidc_sign_ins')
          .set({ used_at: now })
          .where('state_hash', '=', sha256(state))
          .where('used_at', 'is', null)
          .where('created_at', '>', new Date(now.getTime() - OIDC_REQUEST_MINUTES * 60_000))
          .returning(['browser_hash', 'nonce', 'code_verifier'])
          .executeTakeFirst(),
      );
      if (!request || !browserBinding || request.browser_hash !== sha256(browserBinding))
        throw new OidcSignInError(
          'This sign-in link has expired or was started in another browser. Start again.',
        );
      const config = await configured();
      const currentUrl = new URL(settings.redirectUrl);
      currentUrl.search = params.toString();
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: request.code_verifier,
        expectedState: state,
        expectedNonce: request.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims)
        throw new OidcSignInError(
          'Your organisation did not say who you are. Sign in with your email and password.',
        );
      let email = typeof claims.email === 'string' ? claims.email : undefined;
      let verified = claims.email_verified;
      // Providers often put the email only in the UserInfo response (claims asked for by scope).
      if (!email) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = typeof info.email === 'string' ? info.email : undefined;
        verified = info.email_verified;
      }
      if (!email || verified === false)
        throw new OidcSignInError(
          'Your organisation account has no confirmed email address. Sign in with your email and password.',
        );
      const user = await usersDb(database.db)
        .selectFrom('users')
        .select([
          'id',
          'disabled_at',
          'totp_secret',
          'vetting_level',
          'vetting_expires_on',
          'training_completed_on',
        ])
        .where(sql<boolean>`lower(email) = lower(${email})`)
        .executeTakeFirst();
      if (!user || user.disabled_at)
        throw new OidcSignInError(
          'Your organisation account is not linked to a Vigil user. Contact your administrator, or sign in with your email and password.',
        );
      return openPendingSession(database, user, 'oidc', now);
    },
  };
}
