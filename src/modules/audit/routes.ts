import type { FastifyRequest } from 'fastify';
import { ROLE, labelOf } from '../../domain/codes.ts';
import { ValidationError, type FieldErrors } from '../../domain/errors.ts';
import type { Web } from '../../web/types.ts';
import { requireRecentAuthentication } from '../users/index.ts';
import {
  REVIEW_OUTCOMES,
  getJustifiedAccessForReview,
  listJustifiedAccessesAwaitingReview,
  reviewJustifiedAccess,
} from '../justified-access/index.ts';
import {
  EXPORT_PURPOSES,
  accessHistoryOfRecord,
  accessHistoryOfUser,
  exportAccessHistory,
  mayAudit,
  validateExport,
  type AccessLogPage,
  type AccessLogRow,
} from './use-cases.ts';

/**
 * The data protection officer's pages (/audit/…) and their JSON equivalents (/api/v1/audit/…).
 * API path parameters are named for what they hold (`recordId`, `accessId`): a record here may be
 * any person's, whatever the officer's own area, because oversight of the log is not need-to-know.
 */
export function registerAuditPages(web: Web): void {
  const { app, database } = web;

  app.get('/audit', { config: { action: 'accesslog.view' } }, async (request, reply) => {
    const ctx = web.context(request);
    return reply.render('audit/views/index.njk', {
      title: 'Access log',
      canReview: mayAudit(ctx.actor, 'justified-access.review'),
      canExport: mayAudit(ctx.actor, 'accesslog.export'),
    });
  });

  app.get('/audit/record', { config: { action: 'accesslog.view' } }, async (request, reply) => {
    const ctx = web.context(request);
    const query = request.query as Record<string, string | undefined>;
    const values = { q: query.q ?? '' };
    if (!values.q)
      return reply.render('audit/views/record.njk', { title: 'Who viewed or changed a record', values });
    try {
      const found = await accessHistoryOfRecord(database, ctx, { q: values.q, page: query.page });
      const label = found.subject.vigilRef
        ? `${found.subject.name} (${found.subject.vigilRef})`
        : `record ${found.subject.recordId}`;
      return reply.render('audit/views/record.njk', {
        title: `Who viewed or changed ${label}`,
        values,
        found,
        label,
        rows: found.entries.map(presentEntry),
        canExport: mayAudit(ctx.actor, 'accesslog.export'),
        pagination: pagination(
          found,
          (page) => `/audit/record?${new URLSearchParams({ q: values.q, page: String(page) })}`,
        ),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.code(400).render('audit/views/record.njk', {
        title: 'Who viewed or changed a record',
        values,
        ...formErrors(error.fieldErrors),
      });
    }
  });

  app.get('/audit/user', { config: { action: 'accesslog.view' } }, async (request, reply) => {
    const ctx = web.context(request);
    const query = request.query as Record<string, string | undefined>;
    const values = { email: query.email ?? '' };
    if (!values.email)
      return reply.render('audit/views/user.njk', { title: 'What a user viewed or changed', values });
    try {
      const found = await accessHistoryOfUser(database, ctx, { email: values.email, page: query.page });
      return reply.render('audit/views/user.njk', {
        title: `What ${found.user.name} viewed or changed`,
        values,
        found,
        rows: found.entries.map((e) => ({ ...presentEntry(e), records: e.records })),
        pagination: pagination(
          found,
          (page) => `/audit/user?${new URLSearchParams({ email: values.email, page: String(page) })}`,
        ),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.code(400).render('audit/views/user.njk', {
        title: 'What a user viewed or changed',
        values,
        ...formErrors(error.fieldErrors),
      });
    }
  });

  app.get(
    '/audit/justified-accesses',
    { config: { action: 'justified-access.review' } },
    async (request, reply) => {
      const ctx = web.context(request);
      const query = request.query as Record<string, string | undefined>;
      const found = await listJustifiedAccessesAwaitingReview(database, ctx, { page: query.page });
      return reply.render('audit/views/justified-accesses.njk', {
        title: 'Justified accesses awaiting review',
        found,
        reviewed:
          query.reviewed === 'appropriate' || query.reviewed === 'inappropriate' ? query.reviewed : null,
        pagination: pagination(found, (page) => `/audit/justified-accesses?page=${page}`),
      });
    },
  );

  app.get(
    '/audit/justified-accesses/:accessId',
    { config: { action: 'accesslog.view' } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { accessId } = request.params as { accessId: string };
      const access = await getJustifiedAccessForReview(database, ctx, accessId);
      return reply.render('audit/views/review.njk', {
        title: 'Review a justified access',
        access,
        values: {},
        outcomes: REVIEW_OUTCOMES,
      });
    },
  );

  app.post(
    '/audit/justified-accesses/:accessId',
    { config: { action: 'justified-access.review' } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { accessId } = request.params as { accessId: string };
      const body = bodyOf(request);
      const values = { outcome: String(body.outcome ?? ''), note: String(body.note ?? '') };
      try {
        const reviewed = await reviewJustifiedAccess(database, ctx, accessId, values);
        return reply.redirect(`/audit/justified-accesses?reviewed=${reviewed.outcome}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const access = await getJustifiedAccessForReview(database, ctx, accessId);
        return reply.code(400).render('audit/views/review.njk', {
          title: 'Review a justified access',
          access,
          values,
          outcomes: REVIEW_OUTCOMES,
          ...formErrors(error.fieldErrors),
        });
      }
    },
  );

  app.get('/audit/export', { config: { action: 'accesslog.export' } }, async (request, reply) => {
    web.context(request);
    const query = request.query as Record<string, string | undefined>;
    return reply.render('audit/views/export.njk', {
      title: 'Export a person’s access history',
      values: { q: query.q ?? '' },
      purposes: EXPORT_PURPOSES,
    });
  });

  app.post('/audit/export', { config: { action: 'accesslog.export' } }, async (request, reply) => {
    const ctx = web.context(request);
    const body = bodyOf(request);
    const values = {
      q: String(body.q ?? ''),
      recipient: String(body.recipient ?? ''),
      purpose: String(body.purpose ?? ''),
      reference: String(body.reference ?? ''),
    };
    try {
      validateExport(values);
      // A disclosure of someone's whole history: the officer proves it is still them first. After
      // re-authenticating they come back to the form (a POST cannot be replayed), subject filled in.
      const form = `/audit/export?${new URLSearchParams({ q: values.q })}`;
      if (!(await requireRecentAuthentication(request, reply, 15, { next: form }))) return reply;
      const exported = await exportAccessHistory(database, ctx, values);
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${exported.filename}"`)
        .send(exported.csv);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.code(400).render('audit/views/export.njk', {
        title: 'Export a person’s access history',
        values,
        purposes: EXPORT_PURPOSES,
        ...formErrors(error.fieldErrors),
      });
    }
  });

  registerAuditApi(web);
}

function registerAuditApi(web: Web): void {
  const { api, database } = web;
  const entry = {
    type: 'object',
    properties: {
      seq: { type: 'integer', description: 'Position in the hash chain' },
      at: { type: 'string', format: 'date-time' },
      userId: { type: ['string', 'null'] },
      userName: { type: ['string', 'null'] },
      userEmail: { type: ['string', 'null'] },
      agencyName: { type: ['string', 'null'] },
      roles: { type: 'array', items: { type: 'string' } },
      serviceAccountId: { type: ['string', 'null'] },
      operation: {
        type: 'string',
        enum: ['collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure'],
      },
      recordType: { type: 'string' },
      recordIds: { type: 'array', items: { type: 'string' } },
      section: { type: ['string', 'null'] },
      purpose: { type: ['string', 'null'] },
      recipients: { type: 'array', items: { type: 'string' } },
      sourceAddress: { type: ['string', 'null'] },
      requestId: { type: ['string', 'null'] },
    },
  };
  const paged = (items: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: 'object',
    properties: {
      ...extra,
      total: { type: 'integer' },
      totalCapped: { type: 'boolean', description: 'More entries than `total` (counting stops at 100,000)' },
      page: { type: 'integer' },
      pageSize: { type: 'integer' },
      entries: { type: 'array', items: items },
    },
  });
  const subject = {
    type: 'object',
    properties: {
      recordId: { type: 'string' },
      vigilRef: { type: ['string', 'null'] },
      name: { type: ['string', 'null'] },
      areaCode: { type: ['string', 'null'] },
    },
  };

  api.add({
    method: 'GET',
    path: '/audit/records/{recordId}/entries',
    action: 'accesslog.view',
    tag: 'Access log',
    summary:
      'Who viewed or changed a record, newest first (by Vigil reference or record id); logged as a consultation of the log',
    query: { page: { type: 'integer', description: 'Page number, from 1 (50 entries a page)' } },
    response: paged(entry, { subject }),
    handler: async (request) =>
      accessHistoryOfRecord(database, web.context(request), {
        q: (request.params as { recordId: string }).recordId,
        page: (request.query as Record<string, unknown>).page,
      }),
  });

  api.add({
    method: 'GET',
    path: '/audit/user-entries',
    action: 'accesslog.view',
    tag: 'Access log',
    summary: 'What a user viewed or changed, newest first; logged as a consultation of the log',
    query: {
      email: { type: 'string', required: true, description: 'The user’s email address' },
      page: { type: 'integer', description: 'Page number, from 1 (50 entries a page)' },
    },
    response: paged(
      {
        ...entry,
        properties: { ...entry.properties, records: { type: 'array', items: { type: 'object' } } },
      },
      { user: { type: 'object' } },
    ),
    handler: async (request) => {
      const query = request.query as Record<string, unknown>;
      return accessHistoryOfUser(database, web.context(request), { email: query.email, page: query.page });
    },
  });

  api.add({
    method: 'GET',
    path: '/audit/justified-accesses',
    action: 'accesslog.view',
    tag: 'Access log',
    summary: 'Justified accesses awaiting a data protection officer’s review, oldest first',
    query: { page: { type: 'integer', description: 'Page number, from 1' } },
    response: paged({ type: 'object' }),
    handler: async (request) =>
      listJustifiedAccessesAwaitingReview(database, web.context(request), {
        page: (request.query as Record<string, unknown>).page,
      }),
  });

  api.add({
    method: 'POST',
    path: '/audit/justified-accesses/{accessId}/review',
    action: 'justified-access.review',
    tag: 'Access log',
    summary: 'Record whether a justified access was appropriate (once; a second review is a 409)',
    body: {
      type: 'object',
      required: ['outcome'],
      properties: {
        outcome: { type: 'string', enum: ['appropriate', 'inappropriate'] },
        note: {
          type: 'string',
          maxLength: 2000,
          description: 'Required (10+ characters) when inappropriate',
        },
      },
    },
    response: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        outcome: { type: 'string' },
        reviewedAt: { type: 'string', format: 'date-time' },
      },
    },
    handler: async (request) => {
      const body = bodyOf(request);
      return reviewJustifiedAccess(
        database,
        web.context(request),
        (request.params as { accessId: string }).accessId,
        {
          outcome: body.outcome,
          note: body.note,
        },
      );
    },
  });

  api.add({
    method: 'POST',
    path: '/audit/records/{recordId}/export',
    action: 'accesslog.export',
    tag: 'Access log',
    summary:
      'A record’s whole access history, oldest first, for a subject access request or the ICO; logged as a disclosure to the recipient',
    body: {
      type: 'object',
      required: ['recipient', 'purpose'],
      properties: {
        recipient: { type: 'string', minLength: 3, maxLength: 200, description: 'Who receives it' },
        purpose: { type: 'string', enum: EXPORT_PURPOSES.map((p) => p.value) },
        reference: {
          type: 'string',
          maxLength: 100,
          description: 'E.g. the subject access request’s reference',
        },
      },
    },
    response: {
      type: 'object',
      properties: { subject, recipient: { type: 'string' }, entries: { type: 'array', items: entry } },
    },
    handler: async (request) => {
      const body = bodyOf(request);
      const exported = await exportAccessHistory(database, web.context(request), {
        q: (request.params as { recordId: string }).recordId,
        recipient: body.recipient,
        purpose: body.purpose,
        reference: body.reference,
      });
      return { subject: exported.subject, recipient: exported.recipient, entries: exported.entries };
    },
  });
}

// --- Presentation ---------------------------------------------------------------------------

const OPERATION_LABELS: Record<string, string> = {
  collection: 'Collected',
  alteration: 'Changed',
  consultation: 'Viewed',
  disclosure: 'Disclosed',
  combination: 'Combined',
  erasure: 'Erased',
};

const WHEN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/London',
});

function presentEntry(e: AccessLogRow) {
  return {
    ...e,
    when: WHEN.format(new Date(e.at.replace(/(\.\d{3})\d*Z$/, '$1Z'))),
    operationLabel: OPERATION_LABELS[e.operation] ?? e.operation,
    roleLabels: e.roles.map((r) => labelOf(ROLE, r)),
  };
}

function pagination(found: AccessLogPage<unknown>, link: (page: number) => string) {
  const pages = Math.ceil(found.total / found.pageSize);
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(found.page - 4, pages - 9));
  return {
    previous: found.page > 1 ? { href: link(found.page - 1) } : undefined,
    next: found.page < pages ? { href: link(found.page + 1) } : undefined,
    items: Array.from({ length: Math.min(pages, 10) }, (_, i) => ({
      number: first + i,
      href: link(first + i),
      current: first + i === found.page,
    })),
  };
}

/** The GOV.UK error summary: each message links to its field (for radios, their first option, whose id is the name). */
function formErrors(errors: FieldErrors) {
  return { errors, errorList: Object.entries(errors).map(([key, text]) => ({ text, href: `#${key}` })) };
}

function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
