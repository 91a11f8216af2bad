/** The justified-access capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { lookUpRecordsWith, type RecordLookup } from './records.ts';
export {
  getJustifiedAccessForReview,
  listJustifiedAccessesAwaitingReview,
  reviewJustifiedAccess,
  type JustifiedAccessForReview,
} from './review.ts';
export { justifiedAccessRoutes } from './routes/index.ts';
export { AccessForReviewView, AccessParams, REVIEW_OUTCOMES, ReviewInput, ReviewView } from './schemas.ts';
export { grantJustifiedAccess, listJustifiedAccessesToArea } from './use-cases.ts';
export { justifiedAccessReason } from './queries.ts';
