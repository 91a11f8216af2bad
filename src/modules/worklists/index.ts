/** The worklists capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { AREA_LISTS, type AreaListKey } from './lists.ts';
export { worklistCsv, type WorklistRow } from './rows.ts';
export { WorklistQuery } from './schemas.ts';
export { worklistRoutes } from './routes/index.ts';
export {
  areaCaseload,
  areaWorklist,
  areaWorklistCounts,
  category3Candidates,
  classificationWorklist,
  considerCategory3,
  myObligationSummary,
  myWorklist,
  reviewRuleCorrection,
  ruleCorrectionWorklist,
  wholeAreaWorklist,
  wholeMyWorklist,
} from './use-cases.ts';
