/** The audit capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { csvCell } from './csv.ts';
export { registerAuditPages } from './routes.ts';
export { exportAccessHistory } from './use-cases.ts';
