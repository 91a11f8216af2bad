/** The levels capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { extendLevels, type LevelExtensions } from './extensions.ts';
export {
  currentObligations,
  earliestDuty,
  findingFacts,
  formatRecomputeSummary,
  recomputeAllObligations,
  recomputeObligations,
  summariseChanges,
  type ObligationChange,
  type RecomputeSummary,
} from './obligations.ts';
export {
  OBLIGATION_LISTS,
  category3CandidateEntries,
  classificationEntries,
  mappaStandings,
  type MappaStanding,
  openRuleCorrections,
  type RuleCorrectionEntry,
  type ObligationEntry,
  type ObligationListKey,
  OBLIGATION_KINDS,
  areaPeople,
  obligationItemCounts,
  obligationItems,
  type ObligationFilters,
  type ObligationItem,
  type ObligationKind,
} from './queries.ts';
export { dateFromForm, dueStatus } from './routes/forms.ts';
export { levelRoutes } from './routes/index.ts';
export { recordSignificantEvent, reportSignificantEvent } from './significant-events.ts';
export {
  getAreaSettings,
  screeningRoute,
  standingPanel,
  updateAreaSettings,
} from './use-cases/area-settings.ts';
export { recordCategory3Consideration } from './use-cases/category-3.ts';
export {
  countersignLevelDecision,
  decideLevel,
  recordLevelDecision,
  type LevelDecisionForm,
} from './use-cases/decisions.ts';
export { getLevelHistory, levelSummary } from './use-cases/history.ts';
export { recordOffenderNotification } from './use-cases/status.ts';
export { markNotificationEventNotified, recordNotificationEvent } from './use-cases/notification-events.ts';
export { markRuleCorrectionReviewed } from './use-cases/rule-corrections.ts';
export {
  latestStatusNotification,
  levelDecisionsAtMeeting,
  significantEventsSince,
  levelDecisionCriteria,
  storedObligations,
} from './queries.ts';
export { levelReductionCounts, overdueReviewCounts } from './queries.ts';
export { eraseLevelHistoryOf } from './queries.ts';
