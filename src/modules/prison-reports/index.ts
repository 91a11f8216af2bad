/** The prison-reports capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { reportDocument } from './document.ts';
export { REPORT_PARTS, SECURITY_INTELLIGENCE_WITHHELD, type ReportView } from './reports.ts';
export { prisonReportRoutes } from './routes/index.ts';
export {
  createReport,
  decideReport,
  getReport,
  listReports,
  newReportText,
  saveReport,
  submitReport,
} from './use-cases.ts';
export { eraseReportsOf } from './queries.ts';
export { reportsInProgressAt, type ReportInProgress } from './queries.ts';
