import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROLE } from '../../domain/codes.ts';
import { parseDateParts } from '../../domain/dates.ts';
import { ConflictError, ForbiddenError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import type { Web } from '../../web/types.ts';
import { SUSPENSION_FOR_ADMINISTRATORS } from './access-status.ts';
import { requireRecentAuthentication } from './reauthentication.ts';
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
  revokeServiceToken,
  updateUserAccess,
} from './use-cases.ts';

/**
 * User administration for the area's administrators (policy action `user.manage`). Every page
 * asks for a recent second factor first; every change is recorded in `user_changes`.
 */

const DATE_FIELDS = ['vettingExpiresOn', 'trainingCompletedOn'] as const;
const FIELD_ORDER = [
  'email',
  'displayName',
  'agencyId',
  'roles',
  'vettingLevel',
  'vettingExpiresOn',
  'trainingCompletedOn',
  'password',
];

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

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];

/** A GOV.UK date input's three boxes: the ISO date, or what was typed with the problem in it. */
function dateField(
  body: Record<string, unknown>,
  key: string,
  label: string,
): { value: string; error?: string } {
  const [day, month, year] = ['day', 'month', 'year'].map((p) => text(body[`${key}-${p}`]).trim()) as [
    string,
    string,
    string,
  ];
  if (!day && !month && !year) return { value: '' };
  const parsed = parseDateParts(day, month, year, label);
  return parsed.ok ? { value: parsed.value } : { value: `${year}-${month}-${day}`, error: parsed.error };
}

function splitDate(value: string | null | undefined) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return match
    ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] }
    : { day: '', month: '', year: '' };
}

/** Roles, vetting and training as submitted, with the date boxes' own problems. */
function accessFactsFrom(body: Record<string, unknown>) {
  const expires = dateField(body, 'vettingExpiresOn', 'Vetting expiry date');
  const trained = dateField(body, 'trainingCompletedOn', 'Training date');
  const dateErrors: FieldErrors = {};
  if (expires.error) dateErrors.vettingExpiresOn = expires.error;
  if (trained.error) dateErrors.trainingCompletedOn = trained.error;
  return {
    facts: {
      roles: list(body.roles),
      vetting: { level: text(body.vettingLevel), expiresOn: expires.value },
      trainingCompletedOn: trained.value,
    },
    dateErrors,
  };
}

function ordered(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)),
  );
}

const errorList = (errors: FieldErrors) =>
  Object.entries(errors).map(([key, message]) => ({
    text: message,
    // Checkboxes and radios: the first option carries the group's id.
    href: `#${(DATE_FIELDS as readonly string[]).includes(key) ? `${key}-day` : key}`,
  }));

/** Form values to redisplay: what was typed, dates in their three boxes. */
function formValues(body: Record<string, unknown>) {
  const values: Record<string, unknown> = {
    email: text(body.email),
    displayName: text(body.displayName),
    agencyId: text(body.agencyId),
    roles: list(body.roles),
    vettingLevel: text(body.vettingLevel),
    version: text(body.version),
  };
  for (const key of DATE_FIELDS)
    values[key] = {
      day: text(body[`${key}-day`]),
      month: text(body[`${key}-month`]),
      year: text(body[`${key}-year`]),
    };
  return values;
}

export function registerUserAdministration(web: Web): void {
  const { app, database } = web;
  const manage = { config: { action: 'user.manage' as const } };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

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
    if (!(await requireRecentAuthentication(request, reply, 15, { next: '/admin/users/new' }))) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { facts, dateErrors } = accessFactsFrom(body);
    try {
      const created = await createUser(database, web.context(request), {
        email: text(body.email),
        displayName: text(body.displayName),
        agencyId: text(body.agencyId),
        password: text(body.password),
        ...facts,
      });
      return reply.redirect(`/admin/users/${created.id}?done=added`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderNew(
        request,
        reply,
        400,
        formValues(body),
        ordered({ ...error.fieldErrors, ...dateErrors }),
      );
    }
  });

  // --- One user ---------------------------------------------------------------------------

  app.get('/admin/users/:id', manage, async (request, reply) => {
    if (!(await requireRecentAuthentication(request, reply))) return reply;
    const user = await getUserForAdmin(database, web.context(request), idOf(request), web.clock.now());
    const done = text((request.query as Record<string, unknown>).done);
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
    errors?: FieldErrors,
    conflict?: string,
  ) => {
    const user = await getUserForAdmin(database, web.context(request), idOf(request), web.clock.now());
    return reply.code(status).render('users/views/admin/user-form.njk', {
      title: `Change roles, vetting and training for ${user.displayName}`,
      mode: 'edit',
      action: `/admin/users/${user.id}/edit`,
      user,
      values,
      errors,
      conflict,
      errorList: errors ? errorList(errors) : undefined,
      ...(await formContext(request)),
    });
  };

  app.get('/admin/users/:id/edit', manage, async (request, reply) => {
    if (!(await requireRecentAuthentication(request, reply))) return reply;
    const user = await getUserForAdmin(database, web.context(request), idOf(request), web.clock.now());
    return renderEdit(request, reply, 200, {
      roles: user.roles,
      vettingLevel: user.vettingLevel ?? '',
      vettingExpiresOn: splitDate(user.vettingExpiresOn),
      trainingCompletedOn: splitDate(user.trainingCompletedOn),
      version: String(user.version),
    });
  });

  app.post('/admin/users/:id/edit', manage, async (request, reply) => {
    const id = idOf(request);
    if (!(await requireRecentAuthentication(request, reply, 15, { next: `/admin/users/${id}/edit` })))
      return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { facts, dateErrors } = accessFactsFrom(body);
    try {
      await updateUserAccess(database, web.context(request), id, {
        ...facts,
        version: Number(text(body.version)),
      });
      return reply.redirect(`/admin/users/${id}?done=updated`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderEdit(
          request,
          reply,
          400,
          formValues(body),
          ordered({ ...error.fieldErrors, ...dateErrors }),
        );
      if (error instanceof ConflictError) {
        // Start again from what is saved now, saying why.
        const user = await getUserForAdmin(database, web.context(request), id, web.clock.now());
        return renderEdit(
          request,
          reply,
          409,
          {
            roles: user.roles,
            vettingLevel: user.vettingLevel ?? '',
            vettingExpiresOn: splitDate(user.vettingExpiresOn),
            trainingCompletedOn: splitDate(user.trainingCompletedOn),
            version: String(user.version),
          },
          undefined,
          error.message,
        );
      }
      throw error;
    }
  });

  // --- Actions on the user page -------------------------------------------------------------

  const actions: Record<string, (request: FastifyRequest) => Promise<unknown>> = {
    disable: (request) => disableUser(database, web.context(request), idOf(request)),
    enable: (request) => enableUser(database, web.context(request), idOf(request)),
    'end-sessions': (request) => endUserSessions(database, web.context(request), idOf(request)),
    'reset-two-factor': (request) => resetTwoFactor(database, web.context(request), idOf(request)),
  };
  const doneOf: Record<string, string> = {
    disable: 'disabled',
    enable: 'enabled',
    'end-sessions': 'sessions-ended',
    'reset-two-factor': 'two-factor-reset',
  };
  for (const [name, run] of Object.entries(actions)) {
    app.post(`/admin/users/:id/${name}`, manage, async (request, reply) => {
      const id = idOf(request);
      if (!(await requireRecentAuthentication(request, reply, 15, { next: `/admin/users/${id}` })))
        return reply;
      try {
        await run(request);
      } catch (error) {
        if (!(error instanceof ForbiddenError)) throw error;
        return reply
          .code(403)
          .render('error.njk', { title: 'You cannot do that', paragraphs: [error.message] });
      }
      return reply.redirect(`/admin/users/${id}?done=${doneOf[name]}`, 303);
    });
  }

  app.post('/admin/users/:id/tokens/:tokenId/revoke', manage, async (request, reply) => {
    const id = idOf(request);
    if (!(await requireRecentAuthentication(request, reply, 15, { next: `/admin/users/${id}` })))
      return reply;
    const { tokenId } = request.params as { tokenId: string };
    await getUserForAdmin(database, web.context(request), id, web.clock.now());
    const revoked = await revokeServiceToken(database, web.context(request), tokenId);
    return reply.redirect(`/admin/users/${revoked.userId}?done=token-revoked`, 303);
  });
}
