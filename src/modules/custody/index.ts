/** The custody capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { CUSTODY_STEPS, EPISODE_STEPS, type CustodyStep } from './fields.ts';
export { custodyRoutes } from './routes/index.ts';
export {
  custodySettingsOf,
  custodyWorklist,
  getCustody,
  getCustodySettings,
  receiveIntoCustody,
  recordCustodyStep,
  saveCustodySettings,
} from './use-cases.ts';
export { getMonitoring } from './monitoring.ts';
export { addMonitoredContact, reviewMonitoring, startMonitoring } from './monitoring-cases.ts';
export { acknowledgeFlag, releaseFlag } from './monitoring-flags.ts';
export { importCallRecords, recordCommunication } from './monitoring-import.ts';
export { ROTL_STEPS, ROTL_EPISODE_STEPS, type RotlStep } from './rotl-fields.ts';
export {
  getRotl,
  recordRotlApplication,
  recordRotlStep,
  rotlEpisodesOf,
  type RotlEpisodeView,
} from './rotl.ts';
export { internalRiskMeetings, markIrmmActionDone, recordInternalRiskMeeting } from './irmm.ts';
export { custodySummaryForReport, type CustodySummaryForReport } from './report-summary.ts';
export {
  scanEstablishment,
  scanEstablishmentIn,
  type EstablishmentScanResult,
} from './establishment-scan.ts';
export {
  addressChecksOf,
  decideAddressCheck,
  eraseAddressChecksOf,
  dismissAddressConflict,
  getAddressCheck,
  getAddressChecks,
  proposeAddressCheck,
  type AddressCheckView,
} from './address-checks.ts';
export { eraseCustodyOf } from './erasure.ts';
