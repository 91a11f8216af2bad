/** The nominals capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { changesSince, recordAndLog, recordChange } from './changes.ts';
export { extendRecord } from './extensions.ts';
export { eligibilityFacts, type EligibilityFacts } from './facts.ts';
export { displayValue } from './presenter.ts';
export { registerNominalApi } from './routes-api.ts';
export { registerNominalPages } from './routes-pages.ts';
export { loadInScope, type InScope } from './scope.ts';
export { IDENTITY_FIELDS, SECTIONS, findSection } from './sections.ts';
export {
  addSectionRow,
  createNominal,
  getNominal,
  getNominalSection,
  getSectionRow,
  getSectionRows,
  getTimeline,
  readNominal,
  updateNominalSection,
  updateSectionRow,
  type NominalOverview,
  type SectionRow,
} from './use-cases.ts';
export {
  endInvolvementsFrom,
  involveAgency,
  nominalHeadlines,
  nominalsInvolvingAgency,
  nominalsManagedBy,
  type NominalHeadline,
} from './queries.ts';
export {
  ethnicitiesOf,
  nominalIdsInAreas,
  populationByCategoryAndLevel,
  populationByEthnicity,
} from './queries.ts';
export { nominalByVigilRef } from './queries.ts';
