import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ROLE } from '../../../domain/codes.ts';
import { ForbiddenError, ValidationError, type FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { SUSPENSION_FOR_ADMINISTRATORS } from '../access-status.ts';
import {
  VETTING_LEVEL,
  agenciesOfArea,
  createUser,
  disableUser,
  enableUser,
  endUserSessions,
  getUserForAdmin,
  listUsers,
  resetTwoFactor,
  updateUserAccess,
} from '../administration.ts';
import { requireRecentAuthentication } from '../reauthentication.ts';
import { AdminUserQuery, TokenForm, TokenParams, UserForm, UserParams } from '../schemas.ts';
import { createServiceToken, revokeServiceToken, tokenExpiry } from '../tokens.ts';
import { accessFactsFrom, errorList, formValues, ordered, savedValues } from './admin-form.ts';

/**
 * User administration for the area's administrators (policy action `user.manage`). Every page
 * asks for a recent second factor first; every change is recorded in `user_changes`.
 */

const DONE_MESSAGES: Record<string, string> = {
  added:
    'User added. Give them their initial password in person or by phone; they set up two-factor authentication when they first sign in.',
  updated: 'Roles, vetting and training saved.',
  disabled: 'Account disabled. Their sessions have ended and their API tokens no longer work.',
  enabled: 'Account enabled.',
  'sessions-ended': 'All their sessions have ended. They must sign in again.',
  'two-factor-reset':
    'Two-factor authentication reset. They will set up a new authenticator when they next sign in.',
  'token-revoked': 'API token revoked.',
};

const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  active: { text: 'Active', classes: 'govuk-tag--green' },
  disabled: { text: 'Disabled', classes: 'govuk-tag--grey' },
  'vetting-expired': { text: 'Vetting expired', classes: 'govuk-tag--red' },
  'no-vetting': { text: 'No vetting', classes: 'govuk-tag--red' },
  'no-training': { text: 'No training', classes: 'govuk-tag--orange' },
};

/** What an administrator may do to a user from the user's page, and the message each leaves. */
const USER_ACTIONS = {
  disable: { run: disableUser, done: 'disabled' },
  enable: { run: enableUser, done: 'enabled' },
  'end-sessions': { run: endUserSessions, done: 'sessions-ended' },
  'reset-two-factor': { run: resetTwoFactor, done: 'two-factor-reset' },
} as const;

export const userAdministrationPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const manage = { config: { action: 'user.manage' as const } };
    const idOf = (request: FastifyRequest) => parseInput(UserParams, request.params).id;
    const userFor = (request: FastifyRequest, id: string) =>
      getUserForAdmin(database, web.context(request), id, web.clock.now());

    const formContext = async (request: FastifyRequest) => ({
      agencies: await agenciesOfArea(database, web.context(request)),
      roleOptions: ROLE.map((r) => ({ value: r.code, text: r.label })),
      vettingOptions: VETTING_LEVEL.map((v) => ({ value: v.code, text: v.label })),
    });

    app.get('/admin/users', manage, async (request, reply) => {
      if (!(await requireRecentAuthentication(request, reply))) return reply;
      const users = await listUsers(database, web.context(request));
      return reply.render('users/views/admin/users.njk', {
        title: 'Users',
        users,
        areaCode: request.actor!.areaCode,
        statusTags: STATUS_TAGS,
      });
    });

    // --- Adding a user ----------------------------------------------------------------------

    const renderNew = async (
      request: FastifyRequest,
      reply: FastifyReply,
      status: number,
      values: Record<string, unknown>,
      errors?: FieldErrors,
    ) =>
      reply.code(status).render('users/views/admin/user-form.njk', {
        title: 'Add a user',
        mode: 'new',
        action: '/admin/users/new',
        values,
        errors,
        errorList: errors ? errorList(errors) : undefined,
        ...(await formContext(request)),
      });

    app.get('/admin/users/new', manage, async (request, reply) => {
      if (!(await requireRecentAuthentication(request, reply))) return reply;
      return renderNew(request, reply, 200, { roles: [] });
    });

    app.post('/admin/users/new', manage, async (request, reply) => {
      if (!(await requireRecentAuthentication(request, reply, 15, { next: '/admin/users/new' })))
        return reply;
      const form = parseInput(UserForm, request.body);
      const { facts, dateErrors } = accessFactsFrom(form);
      return handleForm({
        attempt: () =>
          createUser(database, web.context(request), {
            email: form.email,
            displayName: form.displayName,
            agencyId: form.agencyId,
            password: form.password,
            ...facts,
          }),
        done: (created) => reply.redirect(`/admin/users/${created.id}?done=added`, 303),
        redisplay: ({ status, errors }) =>
          renderNew(request, reply, status, formValues(form), ordered({ ...errors, ...dateErrors })),
      });
    });

    // --- One user ---------------------------------------------------------------------------

    app.get('/admin/users/:id', manage, async (request, reply) => {
      if (!(await requireRecentAuthentication(request, reply))) return reply;
      const user = await userFor(request, idOf(request));
      const { done } = parseInput(AdminUserQuery, request.query);
      return reply.render('users/views/admin/user.njk', {
        title: user.displayName,
        user,
        roleLabels: user.roles.map((r) => ROLE.find((x) => x.code === r)?.label ?? r),
        vettingLabel: VETTING_LEVEL.find((v) => v.code === user.vettingLevel)?.label ?? 'None recorded',
        statusTag: STATUS_TAGS[user.status],
        suspension:
          user.status !== 'active' && user.status !== 'disabled'
            ? SUSPENSION_FOR_ADMINISTRATORS[user.status]
            : null,
        done: DONE_MESSAGES[done],
        self: user.id === request.actor!.userId,
      });
    });

    const renderEdit = async (
      request: FastifyRequest,
      reply: FastifyReply,
      status: number,
      values: Record<string, unknown>,
      problem: { errors?: FieldErrors; conflict?: string } = {},
    ) => {
      const user = await userFor(request, idOf(request));
      return reply.code(status).render('users/views/admin/user-form.njk', {
        title: `Change roles, vetting and training for ${user.displayName}`,
        mode: 'edit',
        action: `/admin/users/${user.id}/edit`,
        user,
        values,
        errors: problem.errors,
        conflict: problem.conflict,
        errorList: problem.errors ? errorList(problem.errors) : undefined,
        ...(await formContext(request)),
      });
    };

    app.get('/admin/users/:id/edit', manage, async (request, reply) => {
      if (!(await requireRecentAuthentication(request, reply))) return reply;
      return renderEdit(request, reply, 200, savedValues(await userFor(request, idOf(request))));
    });

    app.post('/admin/users/:id/edit', manage, async (request, reply) => {
      const id = idOf(request);
      if (!(await requireRecentAuthentication(request, reply, 15, { next: `/admin/users/${id}/edit` })))
        return reply;
      const form = parseInput(UserForm, request.body);
      const { facts, dateErrors } = accessFactsFrom(form);
      return handleForm({
        attempt: () =>
          updateUserAccess(database, web.context(request), id, { ...facts, version: Number(form.version) }),
        done: () => reply.redirect(`/admin/users/${id}?done=updated`, 303),
        redisplay: async ({ status, errors, conflict }) =>
          conflict
            ? // Start again from what is saved now, saying why.
              renderEdit(request, reply, status, savedValues(await userFor(request, id)), {
                conflict: conflict.message,
              })
            : renderEdit(request, reply, status, formValues(form), {
                errors: ordered({ ...errors, ...dateErrors }),
              }),
      });
    });

    // --- Actions on the user page -------------------------------------------------------------

    for (const [name, action] of Object.entries(USER_ACTIONS)) {
      app.post(`/admin/users/:id/${name}`, manage, async (request, reply) => {
        const id = idOf(request);
        if (!(await requireRecentAuthentication(request, reply, 15, { next: `/admin/users/${id}` })))
          return reply;
        try {
          await action.run(database, web.context(request), id);
        } catch (error) {
          if (!(error instanceof ForbiddenError)) throw error;
          request.refusal = error.reason;
          return reply
            .code(403)
            .render('error.njk', { title: 'You cannot do that', paragraphs: [error.message] });
        }
        return reply.redirect(`/admin/users/${id}?done=${action.done}`, 303);
      });
    }

    // --- API tokens: issued here while Vigil serves (the command line cannot open an embedded
    // database another process holds); the token is shown once, only its hash is kept.

    const renderTokenForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      status: number,
      values: Record<string, string>,
      errors?: FieldErrors,
      issued?: string,
    ) => {
      const user = await userFor(request, idOf(request));
      return reply.code(status).render('users/views/admin/token.njk', {
        title: issued
          ? `API token issued for ${user.displayName}`
          : `Issue an API token for ${user.displayName}`,
        user,
        values,
        issued,
        errors,
        errorList: errors
          ? Object.entries(errors).map(([key, text]) => ({
              text,
              href: `#${key === 'access' ? 'access' : key}`,
            }))
          : undefined,
      });
    };

    app.get('/admin/users/:id/tokens/new', manage, async (request, reply) => {
      if (!(await requireRecentAuthentication(request, reply))) return reply;
      return renderTokenForm(request, reply, 200, { access: 'read', expiresDays: '90' });
    });

    app.post('/admin/users/:id/tokens/new', manage, async (request, reply) => {
      const id = idOf(request);
      if (!(await requireRecentAuthentication(request, reply, 15, { next: `/admin/users/${id}/tokens/new` })))
        return reply;
      const user = await userFor(request, id);
      const form = parseInput(TokenForm, request.body);
      const errors: FieldErrors = {};
      if (form.access !== 'read' && form.access !== 'write')
        errors.access = 'Select whether the token may change records';
      const areaCodes = form.areas
        .split(/[\s,]+/)
        .map((a) => a.trim())
        .filter(Boolean);
      const ctx = web.context(request);
      return handleForm({
        attempt: async () => {
          if (Object.keys(errors).length) throw new ValidationError(errors);
          return createServiceToken(
            database,
            ctx,
            user.id,
            form.name,
            tokenExpiry(ctx, form.expiresDays),
            { readOnly: form.access !== 'write', areaCodes },
            ctx.actor.userId,
          );
        },
        done: (token) => renderTokenForm(request, reply, 201, form, undefined, token),
        redisplay: ({ status, errors: found }) => renderTokenForm(request, reply, status, form, found),
      });
    });

    app.post('/admin/users/:id/tokens/:tokenId/revoke', manage, async (request, reply) => {
      const { id, tokenId } = parseInput(TokenParams, request.params);
      if (!(await requireRecentAuthentication(request, reply, 15, { next: `/admin/users/${id}` })))
        return reply;
      await userFor(request, id);
      const revoked = await revokeServiceToken(database, web.context(request), tokenId);
      return reply.redirect(`/admin/users/${revoked.userId}?done=token-revoked`, 303);
    });
  };
