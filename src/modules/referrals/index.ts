/** The referrals capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { referralDocument } from './document.ts';
export { VICTIMS_WITHHELD, visibleRecord, type ReferralRecord } from './record.ts';
export { referralRoutes } from './routes/index.ts';
export { saveReferralDraft, startReferral, submitReferral, withdrawReferral } from './use-cases/drafting.ts';
export {
  getReferral,
  listNominalReferrals,
  listReferrals,
  referralForDocument,
  type ReferralDetail,
} from './use-cases/reading.ts';
export { decideReferral, getScreening } from './use-cases/screening.ts';
export { acceptedReferrals, type AcceptedReferral } from './queries.ts';
export { eraseReferralsOf } from './queries.ts';
export { referralsSubmittedBetween, rejectionsDecidedBetween, type SubmittedReferral } from './queries.ts';
export { draftReferralsBy, referralsAwaitingScreening, type ReferralAwaiting } from './queries.ts';
