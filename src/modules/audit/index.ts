/** The audit capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { csvCell } from './csv.ts';
export { auditRoutes } from './routes/index.ts';
export { exportAccessHistory } from './use-cases.ts';
