import type { Web } from '../../web/types.ts';
import { ValidationError } from '../../domain/errors.ts';
import { JUSTIFIED_ACCESS_HOURS } from '../../access/policy.ts';
import { grantJustifiedAccess, listJustifiedAccessesToArea } from './use-cases.ts';

export function registerJustifiedAccess(web: Web): void {
  const { app, api, database } = web;

  app.get(
    '/nominals/:id/justify',
    { config: { action: 'nominal.justified-access' } },
    async (request, reply) => {
      web.context(request);
      const { id } = request.params as { id: string };
      const reason = String((request.query as Record<string, string>).reason ?? '');
      return reply.render('justified-access/views/justify.njk', {
        title: 'Give your reason to view this record',
        id,
        values: { reason },
        hours: JUSTIFIED_ACCESS_HOURS,
      });
    },
  );

  app.post(
    '/nominals/:id/justify',
    { config: { action: 'nominal.justified-access' } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { id } = request.params as { id: string };
      const reason = (request.body as Record<string, unknown>).reason;
      try {
        await grantJustifiedAccess(database, ctx, id, reason);
        return reply.redirect(`/nominals/${id}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(400).render('justified-access/views/justify.njk', {
          title: 'Give your reason to view this record',
          id,
          values: { reason },
          hours: JUSTIFIED_ACCESS_HOURS,
          errors: error.fieldErrors,
          errorList: Object.entries(error.fieldErrors).map(([key, text]) => ({ text, href: `#${key}` })),
        });
      }
    },
  );

  app.get(
    '/justified-accesses',
    { config: { action: 'justified-access.view-area' } },
    async (request, reply) => {
      const accesses = await listJustifiedAccessesToArea(database, web.context(request));
      return reply.render('justified-access/views/area-list.njk', {
        title: 'Records of your area viewed from outside it',
        accesses,
      });
    },
  );

  api.add({
    method: 'POST',
    path: '/nominals/{id}/justified-access',
    action: 'nominal.justified-access',
    tag: 'Access',
    summary: `Open a record outside your scope for ${JUSTIFIED_ACCESS_HOURS} hours, giving a reason (logged, shown to the owning area, reviewed)`,
    body: {
      type: 'object',
      required: ['reason'],
      properties: { reason: { type: 'string', minLength: 10, maxLength: 500 } },
    },
    response: {
      type: 'object',
      properties: { id: { type: 'string' }, nominalId: { type: 'string' }, expiresAt: { type: 'string' } },
    },
    successStatus: 201,
    handler: async (request) =>
      grantJustifiedAccess(
        database,
        web.context(request),
        (request.params as { id: string }).id,
        (request.body as { reason?: unknown } | null)?.reason,
      ),
  });

  api.add({
    method: 'GET',
    path: '/justified-accesses',
    action: 'justified-access.view-area',
    tag: 'Access',
    summary: 'Justified accesses to records your area owns',
    response: { type: 'array', items: { type: 'object' } },
    handler: async (request) => listJustifiedAccessesToArea(database, web.context(request)),
  });
}
