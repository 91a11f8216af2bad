import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { logDownload } from '../../../audit/access-log.ts';
import { addDocumentRoutes } from '../../../web/documents/api-routes.ts';
import type { Web } from '../../../web/types.ts';
import { nominalHeadlines } from '../../nominals/index.ts';
import { reportDocument } from '../document.ts';
import {
  NewReport,
  NominalParams,
  ReportParams,
  ReportResult,
  ReportReturn,
  ReportRevision,
  ReportVersion,
  ReportView,
} from '../schemas.ts';
import {
  createReport,
  decideReport,
  getReport,
  listReports,
  saveReport,
  submitReport,
} from '../use-cases.ts';

const TAG = 'Prison reports (MAPPA F)';

/** The prison report's API: the same use cases as the pages, the same schemas as the forms. */
export const prisonReportApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/nominals/{id}/prison-reports',
      action: 'nominal.view',
      tag: TAG,
      summary: 'The person’s prison reports you may see: approved ones, and drafts of your own establishment',
      params: NominalParams,
      response: z.object({ reports: z.array(ReportView) }),
      handler: async (request) => {
        const { reports } = await listReports(database, web.context(request), request.params.id);
        return { reports };
      },
    });

    api.add({
      method: 'GET',
      path: '/nominals/{id}/prison-reports/{reportId}',
      action: 'nominal.view',
      tag: TAG,
      summary: 'One prison report (not found if it is another establishment’s unapproved report)',
      params: ReportParams,
      response: ReportView,
      handler: async (request) =>
        getReport(database, web.context(request), request.params.id, request.params.reportId),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/prison-reports',
      action: 'prison-report.write',
      tag: TAG,
      summary:
        'Start a prison report as a draft of your own establishment (prison staff only); `submit: true` submits it for approval at once',
      params: NominalParams,
      body: NewReport,
      response: ReportResult,
      successStatus: 201,
      handler: async (request) =>
        createReport(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'PUT',
      path: '/nominals/{id}/prison-reports/{reportId}',
      action: 'prison-report.write',
      tag: TAG,
      summary:
        'Save a draft or returned report as a new version (every part is replaced; blank when omitted)',
      params: ReportParams,
      body: ReportRevision,
      response: ReportResult,
      handler: async (request) =>
        saveReport(database, web.context(request), request.params.id, request.params.reportId, request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/prison-reports/{reportId}/submission',
      action: 'prison-report.write',
      tag: TAG,
      summary: 'Submit a draft for a manager’s approval (the analysis of risk is required)',
      params: ReportParams,
      body: ReportVersion,
      response: ReportResult,
      handler: async (request) =>
        submitReport(
          database,
          web.context(request),
          request.params.id,
          request.params.reportId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/prison-reports/{reportId}/approval',
      action: 'prison-report.approve',
      tag: TAG,
      summary:
        'Approve a submitted report, sharing it with everyone who can see the record (a manager of the same establishment who did not write it)',
      params: ReportParams,
      body: ReportVersion,
      response: ReportResult,
      handler: async (request) =>
        decideReport(
          database,
          web.context(request),
          request.params.id,
          request.params.reportId,
          'approve',
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/prison-reports/{reportId}/return',
      action: 'prison-report.approve',
      tag: TAG,
      summary: 'Return a submitted report to its author with a reason',
      params: ReportParams,
      body: ReportReturn,
      response: ReportResult,
      handler: async (request) =>
        decideReport(
          database,
          web.context(request),
          request.params.id,
          request.params.reportId,
          'return',
          request.body,
        ),
    });

    addDocumentRoutes(api, {
      path: '/nominals/{id}/prison-reports/{reportId}/document',
      tag: TAG,
      action: 'nominal.view',
      name: 'MAPPA F prison report',
      params: ReportParams,
      load: async (request, format) => {
        const ctx = web.context(request);
        const { id, reportId } = request.params;
        // The report first: it checks the record's scope, so the person's name is read only once allowed.
        const report = await getReport(database, ctx, id, reportId);
        const person = (await nominalHeadlines(database.db, [id])).get(id)!;
        await logDownload(database, ctx, {
          recordType: 'nominal',
          recordIds: [id],
          document: 'MAPPA F prison report',
          format,
        });
        return {
          document: reportDocument(report, person.name, person.vigilRef),
          filename: `mappa-f-${reportId.slice(0, 8)}.pdf`,
        };
      },
    });
  };
