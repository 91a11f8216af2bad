/** The justified-access capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export {
  REVIEW_OUTCOMES,
  getJustifiedAccessForReview,
  listJustifiedAccessesAwaitingReview,
  reviewJustifiedAccess,
} from './review.ts';
export { registerJustifiedAccess } from './routes.ts';
export { grantJustifiedAccess, listJustifiedAccessesToArea } from './use-cases.ts';
export { hasJustifiedAccess } from './queries.ts';
