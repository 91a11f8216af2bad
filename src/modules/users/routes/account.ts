import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ROLE, labelOf } from '../../../domain/codes.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import type { Web } from '../../../web/types.ts';
import { accountOverview, changePassword } from '../account.ts';
import { VETTING_LEVEL } from '../administration.ts';
import { requireRecentAuthentication, sameOriginPath } from '../reauthentication.ts';
import { AccountQuery, PasswordForm, ReauthenticateForm, ReauthenticateQuery } from '../schemas.ts';
import { reauthenticate, replaceOwnRecoveryCodes, signOutEverywhere } from '../sessions.ts';
import { clearSession, environmentOf, proofForm, withErrors, type SignInRouteOptions } from './shared.ts';

/** The user's own account: what they see about themselves, their password, recovery codes, "Confirm it's you". */
export const accountPages =
  (web: Web, options: SignInRouteOptions): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const environment = environmentOf(web, options);

    app.get('/account', { config: { action: 'signed-in' } }, async (request, reply) => {
      const ctx = web.context(request);
      const query = parseInput(AccountQuery, request.query);
      const left = /^\d+$/.test(query.recoveryCodesLeft) ? Number(query.recoveryCodesLeft) : null;
      return reply.render('users/views/account.njk', {
        title: 'Your account',
        account: await accountOverview(database, ctx, web.clock.now()),
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
      reply
        .code(status)
        .render('users/views/change-password.njk', { title: 'Change your password', ...withErrors(errors) });

    app.get('/account/password', { config: { action: 'signed-in' } }, async (_request, reply) =>
      renderPasswordForm(reply, 200),
    );

    app.post('/account/password', { config: { action: 'signed-in' } }, async (request, reply) => {
      const form = parseInput(PasswordForm, request.body);
      return proofForm({
        field: 'currentPassword',
        attempt: () =>
          changePassword(database, web.context(request), request.sessionId!, form, environment(request)),
        done: () => reply.redirect('/account?passwordChanged=1', 303),
        redisplay: ({ status, errors }) => renderPasswordForm(reply, status, errors),
      });
    });

    app.post('/account/sign-out-everywhere', { config: { action: 'signed-in' } }, async (request, reply) => {
      await signOutEverywhere(database, request.actor!.userId, web.clock.now());
      clearSession(reply);
      return reply.redirect('/signed-out?reason=everywhere', 303);
    });

    app.post('/account/recovery-codes', { config: { action: 'signed-in' } }, async (request, reply) => {
      if (!(await requireRecentAuthentication(request, reply, 15, { next: '/account' }))) return reply;
      const recoveryCodes = await replaceOwnRecoveryCodes(database, request.actor!.userId, web.clock.now());
      return reply.render('users/views/recovery-codes.njk', {
        title: 'Save your new recovery codes',
        recoveryCodes,
        continueTo: '/account',
        replaced: true,
      });
    });

    // --- Confirming it is you, before something sensitive --------------------------------------

    const renderReauthenticate = (reply: FastifyReply, status: number, next: string, errors?: FieldErrors) =>
      reply
        .code(status)
        .render('users/views/reauthenticate.njk', { title: 'Confirm it’s you', next, ...withErrors(errors) });

    app.get('/reauthenticate', { config: { action: 'signed-in' } }, async (request, reply) =>
      renderReauthenticate(
        reply,
        200,
        sameOriginPath(parseInput(ReauthenticateQuery, request.query).next) ?? '/',
      ),
    );

    app.post('/reauthenticate', { config: { action: 'signed-in' } }, async (request, reply) => {
      const form = parseInput(ReauthenticateForm, request.body);
      const next = sameOriginPath(form.next) ?? '/';
      return proofForm({
        field: 'code',
        attempt: () => reauthenticate(database, request.sessionId!, form.code, environment(request)),
        done: () => reply.redirect(next, 303),
        redisplay: ({ status, errors }) => renderReauthenticate(reply, status, next, errors),
        unauthenticated: () => reply.redirect('/sign-in', 303),
      });
    });
  };
