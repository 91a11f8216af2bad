import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { logDownload } from '../../../audit/access-log.ts';
import type { ConflictError, FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { renderPdf } from '../../../web/documents/document.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { reportDocument } from '../document.ts';
import { REPORT_PARTS } from '../reports.ts';
import { NewReportQuery, NominalParams, ReportPageQuery, ReportParams } from '../schemas.ts';
import {
  createReport,
  decideReport,
  getReport,
  listReports,
  newReportText,
  saveReport,
} from '../use-cases.ts';

/**
 * MAPPA F, the prison's report for a meeting: list, write (draft, then submit), approve or return,
 * and the document as HTML and PDF.
 */

type Body = Record<string, unknown>;

const FORM_ORDER = ['meetingId', ...REPORT_PARTS.map((p) => p.key), 'expectedVersion', 'status'];

const summaryOf = (errors: FieldErrors) =>
  Object.entries(errors)
    .sort(([a], [b]) => FORM_ORDER.indexOf(a) - FORM_ORDER.indexOf(b))
    .map(([key, text]) => ({ text, href: `#${key}` }));

/** The form's fields as the use cases take them: "Submit" is a button, a blank meeting keeps the one linked. */
const formInput = (body: Body) => ({
  ...body,
  submit: body.intent === 'submit',
  meetingId: body.meetingId || undefined,
});

const base = (id: string) => `/nominals/${id}/prison-reports`;

export const prisonReportPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get(
      '/nominals/:id/prison-reports',
      { config: { action: 'nominal.view' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
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
      },
    );

    const renderForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      page: {
        reportId?: string;
        values: Body;
        status?: number;
        errors?: FieldErrors;
        conflict?: ConflictError;
      },
    ) => {
      const person = await getNominalSection(database, web.context(request), id, 'identity');
      const errors = page.errors ?? {};
      return reply.code(page.status ?? 200).render('prison-reports/views/form.njk', {
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
        const { id } = parseInput(NominalParams, request.params);
        const { meeting } = parseInput(NewReportQuery, request.query);
        // The form starts from custody's text; the author edits it, and only what they save is kept.
        const start = await newReportText(database, web.context(request), id);
        return renderForm(request, reply, id, {
          values: { ...start, ...(meeting ? { meetingId: meeting } : {}) },
        });
      },
    );

    app.post(
      '/nominals/:id/prison-reports',
      { config: { action: 'prison-report.write' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () => createReport(database, web.context(request), id, formInput(body)),
          done: (created) => reply.redirect(`${base(id)}/${created.id}?saved=${created.status}`, 303),
          redisplay: ({ status, errors }) => renderForm(request, reply, id, { values: body, status, errors }),
        });
      },
    );

    /** The report in the address, and whom it is about. */
    const reportOf = async (request: FastifyRequest) => {
      const { id, reportId } = parseInput(ReportParams, request.params);
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      return { id, person, report: await getReport(database, ctx, id, reportId) };
    };

    const reportPage = async (request: FastifyRequest, errors?: FieldErrors) => {
      const { id, person, report } = await reportOf(request);
      return {
        title: `Prison report (MAPPA F) – ${person.name}`,
        id,
        person,
        report,
        parts: REPORT_PARTS,
        saved: parseInput(ReportPageQuery, request.query).saved,
        errors: errors ?? {},
        errorList: errors ? summaryOf(errors) : [],
      };
    };

    app.get(
      '/nominals/:id/prison-reports/:reportId',
      { config: { action: 'nominal.view' } },
      async (request, reply) => reply.render('prison-reports/views/report.njk', await reportPage(request)),
    );

    const documentOf = async (request: FastifyRequest) => {
      const { person, report } = await reportOf(request);
      return reportDocument(report, person.name, person.vigilRef);
    };

    app.get(
      '/nominals/:id/prison-reports/:reportId/document',
      { config: { action: 'nominal.view' } },
      async (request, reply) => {
        const { id, reportId } = parseInput(ReportParams, request.params);
        const document = await documentOf(request);
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
        const { id, reportId } = parseInput(ReportParams, request.params);
        const pdf = await renderPdf(await documentOf(request));
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
        const { id, reportId } = parseInput(ReportParams, request.params);
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
        const { id, reportId } = parseInput(ReportParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () => saveReport(database, web.context(request), id, reportId, formInput(body)),
          done: (saved) => reply.redirect(`${base(id)}/${reportId}?saved=${saved.status}`, 303),
          redisplay: async ({ status, errors, conflict }) =>
            renderForm(request, reply, id, {
              reportId,
              // After someone else's save, what was typed is kept at the current version: saving again is knowing.
              values: conflict
                ? {
                    ...body,
                    expectedVersion: (await getReport(database, web.context(request), id, reportId)).version,
                  }
                : body,
              status,
              errors,
              ...(conflict ? { conflict } : {}),
            }),
        });
      },
    );

    for (const decision of ['approve', 'return'] as const) {
      app.post(
        `/nominals/:id/prison-reports/:reportId/${decision === 'approve' ? 'approval' : 'return'}`,
        { config: { action: 'prison-report.approve' } },
        async (request, reply) => {
          const { id, reportId } = parseInput(ReportParams, request.params);
          const body = bodyOf(request);
          return handleForm({
            attempt: () => decideReport(database, web.context(request), id, reportId, decision, body),
            done: (decided) => reply.redirect(`${base(id)}/${reportId}?saved=${decided.status}`, 303),
            redisplay: async ({ errors, conflict }) => {
              // Someone changed it first: the error page says who and what (there is nothing typed to keep).
              if (conflict) throw conflict;
              return reply
                .code(400)
                .render('prison-reports/views/report.njk', await reportPage(request, errors));
            },
          });
        },
      );
    }
  };
