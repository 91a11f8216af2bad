/** The oversight capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { oversightRoutes } from './routes/index.ts';
export { countsByCategoryAndLevel, multiAgencyKpis } from './use-cases.ts';
