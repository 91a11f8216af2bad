import type { FastifyPluginAsync } from 'fastify';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { requireRecentAuthentication } from '../../users/index.ts';
import { EXPORT_PURPOSES, ExportForm, RecordSearchQuery } from '../schemas.ts';
import { exportAccessHistory } from '../use-cases.ts';
import { formErrors } from './present.ts';

/** Exporting a person's access history as CSV: a disclosure, so the officer proves it is them first. */
export const exportPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const title = 'Export a person’s access history';

    app.get('/audit/export', { config: { action: 'accesslog.export' } }, async (request, reply) => {
      web.context(request);
      return reply.render('audit/views/export.njk', {
        title,
        values: { q: parseInput(RecordSearchQuery, request.query).q ?? '' },
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
      return handleForm({
        attempt: async () => {
          parseInput(ExportForm, values);
          // A disclosure of someone's whole history: the officer proves it is still them first. After
          // re-authenticating they come back to the form (a POST cannot be replayed), subject filled in.
          const form = `/audit/export?${new URLSearchParams({ q: values.q })}`;
          if (!(await requireRecentAuthentication(request, reply, 15, { next: form }))) return null;
          return exportAccessHistory(database, ctx, values);
        },
        done: (exported) =>
          exported
            ? reply
                .header('Content-Type', 'text/csv; charset=utf-8')
                .header('Content-Disposition', `attachment; filename="${exported.filename}"`)
                .send(exported.csv)
            : reply,
        redisplay: ({ status, errors }) =>
          reply.code(status).render('audit/views/export.njk', {
            title,
            values,
            purposes: EXPORT_PURPOSES,
            ...formErrors(errors),
          }),
      });
    });
  };
