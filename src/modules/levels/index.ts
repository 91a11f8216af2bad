/** The levels capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { currentObligations, recomputeAllObligations, recomputeObligations } from './obligations.ts';
export { dateFromForm, dueStatus, registerLevels } from './routes.ts';
export { recordSignificantEvent, reportSignificantEvent } from './significant-events.ts';
export {
  countersignLevelDecision,
  decideLevel,
  getAreaSettings,
  getLevelHistory,
  levelSummary,
  recordLevelDecision,
  recordOffenderNotification,
  screeningRoute,
  standingPanel,
  updateAreaSettings,
  type LevelDecisionForm,
} from './use-cases.ts';
export { levelReductionCounts, overdueReviewCounts } from './queries.ts';
