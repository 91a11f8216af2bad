/** The start capability's public API: the web app uses only what is exported here. */
export { startRoutes } from './routes/index.ts';
export { startPage } from './use-cases.ts';
export { StartPageView, type StartPage } from './schemas.ts';
