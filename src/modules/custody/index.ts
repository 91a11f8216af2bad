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
export {
  acknowledgeFlag,
  addMonitoredContact,
  getMonitoring,
  importCallRecords,
  recordCommunication,
  releaseFlag,
  reviewMonitoring,
  startMonitoring,
} from './monitoring.ts';
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
