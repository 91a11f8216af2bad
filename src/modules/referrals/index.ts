/** The referrals capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { referralDocument } from './document.ts';
export { VICTIMS_WITHHELD, visibleRecord, type ReferralRecord } from './record.ts';
export { registerReferrals } from './routes.ts';
export {
  decideReferral,
  getReferral,
  listNominalReferrals,
  listReferrals,
  referralForDocument,
  saveReferralDraft,
  startReferral,
  submitReferral,
  withdrawReferral,
} from './use-cases.ts';
export { referralsSubmittedBetween, rejectionsDecidedBetween, type SubmittedReferral } from './queries.ts';
