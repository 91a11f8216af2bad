/** The retention capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { retentionRoutes } from './routes/index.ts';
export {
  erasePerson,
  getDueForReview,
  listDueForReview,
  setRetentionSchedule,
  type Erasure,
  type ReviewItem,
} from './use-cases.ts';
