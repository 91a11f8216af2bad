/** The search capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { searchRoutes } from './routes/index.ts';
export { ONE_NAME_MATCHES, PAGE_SIZE, searchNominals } from './use-cases.ts';
