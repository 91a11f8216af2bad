import type { FastifyPluginAsync } from 'fastify';
import { parseInput } from '../../../validation/parse.ts';
import { handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { RecordSearchQuery, UserSearchQuery } from '../schemas.ts';
import { accessHistoryOfRecord, accessHistoryOfUser, mayAudit } from '../use-cases.ts';
import { formErrors, pagination, presentEntry } from './present.ts';

/** The access log's start page, who viewed or changed a record, and what a user viewed or changed. */
export const accessLogPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

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
      const query = parseInput(RecordSearchQuery, request.query);
      const values = { q: query.q ?? '' };
      const title = 'Who viewed or changed a record';
      if (!values.q) return reply.render('audit/views/record.njk', { title, values });
      return handleForm({
        attempt: () => accessHistoryOfRecord(database, ctx, { q: values.q, page: query.page }),
        done: (found) => {
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
        },
        redisplay: ({ status, errors }) =>
          reply.code(status).render('audit/views/record.njk', { title, values, ...formErrors(errors) }),
      });
    });

    app.get('/audit/user', { config: { action: 'accesslog.view' } }, async (request, reply) => {
      const ctx = web.context(request);
      const query = parseInput(UserSearchQuery, request.query);
      const values = { email: query.email ?? '' };
      const title = 'What a user viewed or changed';
      if (!values.email) return reply.render('audit/views/user.njk', { title, values });
      return handleForm({
        attempt: () => accessHistoryOfUser(database, ctx, { email: values.email, page: query.page }),
        done: (found) =>
          reply.render('audit/views/user.njk', {
            title: `What ${found.user.name} viewed or changed`,
            values,
            found,
            rows: found.entries.map((e) => ({ ...presentEntry(e), records: e.records })),
            pagination: pagination(
              found,
              (page) => `/audit/user?${new URLSearchParams({ email: values.email, page: String(page) })}`,
            ),
          }),
        redisplay: ({ status, errors }) =>
          reply.code(status).render('audit/views/user.njk', { title, values, ...formErrors(errors) }),
      });
    });
  };
