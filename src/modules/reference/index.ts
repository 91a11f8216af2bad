/** The reference capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { referenceRoutes } from './routes/index.ts';
export { offenceByName, offenceList, type OffenceEntry } from './offences.ts';
export { findAgency, listAgencies, listAreas, seedReferenceData } from './use-cases.ts';
export {
  agenciesByIds,
  agenciesInArea,
  allAreaCodes,
  areaNames,
  areasByCodes,
  prisonEstablishments,
  type AgencyRow,
} from './queries.ts';
export { contactsFor, replaceSinglePointsOfContact, singlePointsOfContact } from './contacts.ts';
