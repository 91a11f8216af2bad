import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import type { Web } from '../../web/types.ts';
import { renderPdf } from '../../web/documents/document.ts';
import { logDownload } from '../../audit/access-log.ts';
import { getNominalSection } from '../nominals/index.ts';
import {
  REPORT_PARTS,
  createReport,
  decideReport,
  getReport,
  listReports,
  reportDocument,
  saveReport,
  submitReport,
  type ReportInput,
} from './use-cases.ts';
import { bodyOf } from '../../web/forms.ts';

/**
 * MAPPA F, the prison's report for a meeting: list, write (draft, then submit), approve or return,
 * and the document as HTML and PDF. Pages and API call the same use cases.
 */

type Body = Record<string, unknown>;
type Params = { id: string; reportId: string };

const FORM_ORDER = ['meetingId', ...REPORT_PARTS.map((p) => p.key), 'expectedVersion', 'status'];

const summaryOf = (errors: FieldErrors) =>
  Object.entries(errors)
    .sort(([a], [b]) => FORM_ORDER.indexOf(a) - FORM_ORDER.indexOf(b))
    .map(([key, text]) => ({ text, href: `#${key}` }));

export function registerPrisonReports(web: Web): void {
  const { app, api, database } = web;
  const base = (id: string) => `/nominals/${id}/prison-reports`;

  app.get('/nominals/:id/prison-reports', { config: { action: 'nominal.view' } }, async (request, reply) => {
    const { id } = request.params as Params;
    const ctx = web.context(request);
    const person = await getNominalSection(database, ctx, id, 'identity');
    const { reports, mayWrite } = await listReports(database, ctx, id);
    return reply.render('prison-reports/views/list.njk', {
      title: `Prison reports (MAPPA F) – ${person.name}`,
      id,
      person,
      reports,
      mayWrite,
    });
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    page: { reportId?: string; values: Body; errors?: FieldErrors; conflict?: ConflictError },
  ) => {
    const ctx = web.context(request);
    const person = await getNominalSection(database, ctx, id, 'identity');
    const errors = page.errors ?? {};
    return reply.code(page.conflict ? 409 : page.errors ? 400 : 200).render('prison-reports/views/form.njk', {
      title: page.reportId ? 'Edit the prison report (MAPPA F)' : 'Write a prison report (MAPPA F)',
      id,
      person,
      action: page.reportId ? `${base(id)}/${page.reportId}` : base(id),
      parts: REPORT_PARTS,
      values: page.values,
      errors,
      errorList: summaryOf(errors),
      conflict: page.conflict,
    });
  };

  app.get(
    '/nominals/:id/prison-reports/new',
    { config: { action: 'prison-report.write' } },
    async (request, reply) => {
      const { id } = request.params as Params;
      const meeting = (request.query as Record<string, string | undefined>).meeting;
      return renderForm(request, reply, id, { values: meeting ? { meetingId: meeting } : {} });
    },
  );

  const formInput = (body: Body): ReportInput => ({
    ...body,
    submit: body.intent === 'submit',
    meetingId: body.meetingId || undefined,
  });

  app.post(
    '/nominals/:id/prison-reports',
    { config: { action: 'prison-report.write' } },
    async (request, reply) => {
      const { id } = request.params as Params;
      const body = (request.body ?? {}) as Body;
      try {
        const created = await createReport(database, web.context(request), id, formInput(body));
        return reply.redirect(`${base(id)}/${created.id}?saved=${created.status}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderForm(request, reply, id, { values: body, errors: error.fieldErrors });
      }
    },
  );

  const reportPage = async (request: FastifyRequest, id: string, reportId: string, errors?: FieldErrors) => {
    const ctx = web.context(request);
    const person = await getNominalSection(database, ctx, id, 'identity');
    const report = await getReport(database, ctx, id, reportId);
    return {
      title: `Prison report (MAPPA F) – ${person.name}`,
      id,
      person,
      report,
      parts: REPORT_PARTS,
      saved: (request.query as Record<string, string | undefined>).saved,
      errors: errors ?? {},
      errorList: errors ? summaryOf(errors) : [],
    };
  };

  app.get(
    '/nominals/:id/prison-reports/:reportId',
    { config: { action: 'nominal.view' } },
    async (request, reply) => {
      const { id, reportId } = request.params as Params;
      return reply.render('prison-reports/views/report.njk', await reportPage(request, id, reportId));
    },
  );

  const documentOf = async (request: FastifyRequest, id: string, reportId: string) => {
    const ctx = web.context(request);
    const person = await getNominalSection(database, ctx, id, 'identity');
    const report = await getReport(database, ctx, id, reportId);
    return reportDocument(report, person.name, person.vigilRef);
  };

  app.get(
    '/nominals/:id/prison-reports/:reportId/document',
    { config: { action: 'nominal.view' } },
    async (request, reply) => {
      const { id, reportId } = request.params as Params;
      const document = await documentOf(request, id, reportId);
      return reply.render('document.njk', {
        title: document.title,
        document,
        pdfHref: `${base(id)}/${reportId}/document.pdf`,
        backHref: `${base(id)}/${reportId}`,
      });
    },
  );

  app.get(
    '/nominals/:id/prison-reports/:reportId/document.pdf',
    { config: { action: 'nominal.view' } },
    async (request, reply) => {
      const { id, reportId } = request.params as Params;
      const pdf = await renderPdf(await documentOf(request, id, reportId));
      await logDownload(database, web.context(request), {
        recordType: 'nominal',
        recordIds: [id],
        document: 'MAPPA F prison report',
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="mappa-f-${reportId.slice(0, 8)}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/nominals/:id/prison-reports/:reportId/edit',
    { config: { action: 'prison-report.write' } },
    async (request, reply) => {
      const { id, reportId } = request.params as Params;
      const report = await getReport(database, web.context(request), id, reportId);
      if (!report.mayEdit) return reply.redirect(`${base(id)}/${reportId}`, 303);
      return renderForm(request, reply, id, {
        reportId,
        values: { ...report.parts, meetingId: report.meeting?.id ?? '', expectedVersion: report.version },
      });
    },
  );

  app.post(
    '/nominals/:id/prison-reports/:reportId',
    { config: { action: 'prison-report.write' } },
    async (request, reply) => {
      const { id, reportId } = request.params as Params;
      const body = (request.body ?? {}) as Body;
      try {
        const saved = await saveReport(database, web.context(request), id, reportId, formInput(body));
        return reply.redirect(`${base(id)}/${reportId}?saved=${saved.status}`, 303);
      } catch (error) {
        if (error instanceof ValidationError)
          return renderForm(request, reply, id, { reportId, values: body, errors: error.fieldErrors });
        if (error instanceof ConflictError) {
          const report = await getReport(database, web.context(request), id, reportId);
          return renderForm(request, reply, id, {
            reportId,
            values: { ...body, expectedVersion: report.version },
            conflict: error,
          });
        }
        throw error;
      }
    },
  );

  for (const decision of ['approve', 'return'] as const) {
    app.post(
      `/nominals/:id/prison-reports/:reportId/${decision === 'approve' ? 'approval' : 'return'}`,
      { config: { action: 'prison-report.approve' } },
      async (request, reply) => {
        const { id, reportId } = request.params as Params;
        const body = (request.body ?? {}) as Body;
        try {
          const decided = await decideReport(database, web.context(request), id, reportId, decision, body);
          return reply.redirect(`${base(id)}/${reportId}?saved=${decided.status}`, 303);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return reply
            .code(400)
            .render(
              'prison-reports/views/report.njk',
              await reportPage(request, id, reportId, error.fieldErrors),
            );
        }
      },
    );
  }

  // --- API ---------------------------------------------------------------------------------------

  const PARTS = Object.fromEntries(
    REPORT_PARTS.map((p) => [p.key, { type: 'string', maxLength: 10000, description: p.hint }]),
  );
  const REPORT = {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      status: { enum: ['draft', 'submitted', 'returned', 'approved'] },
      version: { type: 'integer' },
      establishment: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
      meeting: { type: ['object', 'null'] },
      parts: { type: 'object', properties: PARTS },
      securityIntelligenceWithheld: {
        type: 'boolean',
        description: 'True for duty-to-co-operate agencies: security intelligence is never shared with them',
      },
      writtenBy: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
      submittedAt: { type: ['string', 'null'], format: 'date-time' },
      approvedBy: { type: ['string', 'null'] },
      approvedAt: { type: ['string', 'null'], format: 'date-time' },
      returnReason: { type: ['string', 'null'] },
    },
  };
  const RESULT = {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      version: { type: 'integer' },
      status: { type: 'string' },
    },
  };
  const EXPECTED = {
    type: 'integer',
    minimum: 1,
    description: 'The version you started from; 409 if the report changed since',
  };
  const TAG = 'Prison reports (MAPPA F)';

  api.add({
    method: 'GET',
    path: '/nominals/{id}/prison-reports',
    action: 'nominal.view',
    tag: TAG,
    summary: 'The person’s prison reports you may see: approved ones, and drafts of your own establishment',
    response: { type: 'object', properties: { reports: { type: 'array', items: REPORT } } },
    handler: async (request) => {
      const { reports } = await listReports(database, web.context(request), (request.params as Params).id);
      return { reports };
    },
  });

  api.add({
    method: 'GET',
    path: '/nominals/{id}/prison-reports/{reportId}',
    action: 'nominal.view',
    tag: TAG,
    summary: 'One prison report (not found if it is another establishment’s unapproved report)',
    response: REPORT,
    handler: async (request) => {
      const { id, reportId } = request.params as Params;
      return getReport(database, web.context(request), id, reportId);
    },
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/prison-reports',
    action: 'prison-report.write',
    tag: TAG,
    summary:
      'Start a prison report as a draft of your own establishment (prison staff only); `submit: true` submits it for approval at once',
    body: {
      type: 'object',
      properties: {
        meetingId: { type: 'string', format: 'uuid', description: 'The meeting it is written for' },
        ...PARTS,
        submit: { type: 'boolean', description: 'Submit for approval (the analysis is then required)' },
      },
    },
    response: RESULT,
    successStatus: 201,
    handler: async (request) =>
      createReport(database, web.context(request), (request.params as Params).id, bodyOf(request)),
  });

  api.add({
    method: 'PUT',
    path: '/nominals/{id}/prison-reports/{reportId}',
    action: 'prison-report.write',
    tag: TAG,
    summary: 'Save a draft or returned report as a new version (every part is replaced; blank when omitted)',
    body: {
      type: 'object',
      required: ['expectedVersion'],
      properties: {
        expectedVersion: EXPECTED,
        meetingId: { type: 'string', format: 'uuid' },
        ...PARTS,
        submit: { type: 'boolean' },
      },
    },
    response: RESULT,
    handler: async (request) => {
      const { id, reportId } = request.params as Params;
      return saveReport(database, web.context(request), id, reportId, bodyOf(request));
    },
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/prison-reports/{reportId}/submission',
    action: 'prison-report.write',
    tag: TAG,
    summary: 'Submit a draft for a manager’s approval (the analysis of risk is required)',
    body: { type: 'object', required: ['expectedVersion'], properties: { expectedVersion: EXPECTED } },
    response: RESULT,
    handler: async (request) => {
      const { id, reportId } = request.params as Params;
      return submitReport(database, web.context(request), id, reportId, bodyOf(request));
    },
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/prison-reports/{reportId}/approval',
    action: 'prison-report.approve',
    tag: TAG,
    summary:
      'Approve a submitted report, sharing it with everyone who can see the record (a manager of the same establishment who did not write it)',
    body: { type: 'object', required: ['expectedVersion'], properties: { expectedVersion: EXPECTED } },
    response: RESULT,
    handler: async (request) => {
      const { id, reportId } = request.params as Params;
      return decideReport(database, web.context(request), id, reportId, 'approve', bodyOf(request));
    },
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/prison-reports/{reportId}/return',
    action: 'prison-report.approve',
    tag: TAG,
    summary: 'Return a submitted report to its author with a reason',
    body: {
      type: 'object',
      required: ['expectedVersion', 'reason'],
      properties: { expectedVersion: EXPECTED, reason: { type: 'string', maxLength: 2000 } },
    },
    response: RESULT,
    handler: async (request) => {
      const { id, reportId } = request.params as Params;
      return decideReport(database, web.context(request), id, reportId, 'return', bodyOf(request));
    },
  });
}
