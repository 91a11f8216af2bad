/** The nominals capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { changesSince, recordAndLog, recordChange } from './changes.ts';
export { extendRecord } from './extensions.ts';
export { eligibilityFacts, type EligibilityFacts } from './facts.ts';
export { displayValue } from './presenter.ts';
export { nominalRoutes } from './routes/index.ts';
export { loadInScope, timelineLeaveOut, type InScope } from './scope.ts';
export { IDENTITY_FIELDS, SECTIONS, findSection } from './sections.ts';
export { createNominal } from './use-cases/create.ts';
export { getNominalSection, updateNominalSection } from './use-cases/nominal-sections.ts';
export { recordFirstRotlDate } from './use-cases/case-dates.ts';
export { getNominal, readNominal, type NominalOverview } from './use-cases/overview.ts';
export { addSectionRow, updateSectionRow } from './use-cases/row-changes.ts';
export { getSectionRow, getSectionRows, type SectionRow } from './use-cases/section-rows.ts';
export { getTimeline } from './use-cases/timeline.ts';
export {
  endInvolvementsFrom,
  involveAgency,
  nominalHeadlines,
  nominalsInvolvingAgency,
  nominalsManagedBy,
  type NominalHeadline,
} from './queries.ts';
export {
  acceptCategory3,
  ethnicitiesOf,
  nominalIdsInAreas,
  populationByCategoryAndLevel,
  populationByEthnicity,
  currentManagerUserIds,
  endCurrentInvolvements,
  nominalIds,
  setMappaStatus,
} from './queries.ts';
export { currentCaseload, nominalListEntries, type NominalListEntry } from './queries.ts';
export { currentManagersOf, type CurrentManager } from './queries.ts';
export { nominalsByVigilRefs, timelineSince } from './queries.ts';
export { entityChanges, type EntityChange } from './queries.ts';
export { nominalsByIdentifier, nominalsByName, type NominalMatch, type SearchConditions } from './queries.ts';
export { distinguishingDetails, type DistinguishingDetails } from './queries.ts';
export { nominalByVigilRef } from './queries.ts';
export { nominalAreas } from './queries.ts';
export { retentionCandidates, type RetentionCandidate } from './queries.ts';
export {
  domesticAbuseMarkerOn,
  exclusionZonesOn,
  relatedAddressesOn,
  type ExclusionZoneOn,
  type RelatedAddressOn,
} from './queries.ts';
export { addRelationshipAddress, getRelationshipAddresses } from './use-cases/relationship-addresses.ts';
export { ERASED_NAME, erasePersonalData, type ErasedPersonalData } from './erasure.ts';
