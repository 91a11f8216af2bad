/** The prison-reports capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { registerPrisonReports } from './routes.ts';
export {
  SECURITY_INTELLIGENCE_WITHHELD,
  createReport,
  decideReport,
  getReport,
  listReports,
  saveReport,
  submitReport,
} from './use-cases.ts';
