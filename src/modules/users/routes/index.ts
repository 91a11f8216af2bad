import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { createOidcClient } from '../oidc.ts';
import { accountPages } from './account.ts';
import { userAdministrationPages } from './admin.ts';
import { sessionRoutes } from './session.ts';
import { signInPages } from './sign-in.ts';
import { singleSignOnRoutes } from './single-sign-on.ts';
import type { SignInRouteOptions } from './shared.ts';

/** Signing in and out, the user's own account, single sign-on when configured, and user administration. */
export const userRoutes =
  (web: Web, options: SignInRouteOptions): FastifyPluginAsync =>
  async (app) => {
    const oidc = options.oidc ? createOidcClient(options.oidc) : undefined;
    await app.register(signInPages(web, options, Boolean(oidc)));
    await app.register(sessionRoutes(web, options));
    await app.register(accountPages(web, options));
    if (oidc) await app.register(singleSignOnRoutes(web, options, oidc));
    await app.register(userAdministrationPages(web));
  };
