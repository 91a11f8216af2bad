/** The reference capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { registerReferenceApi } from './routes.ts';
export { findAgency, listAgencies, listAreas, seedReferenceData } from './use-cases.ts';
export { agenciesByIds, type AgencyRow } from './queries.ts';
export { agenciesInArea, allAreaCodes, areasByCodes } from './queries.ts';
