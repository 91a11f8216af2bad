/** The risk-management-plan capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { registerRiskManagementPlan } from './routes.ts';
export {
  VICTIM_PLANNING_WITHHELD,
  currentPlan,
  getPlan,
  planSummary,
  revisePlan,
  type PlanView,
} from './use-cases.ts';
export { planVersionsFromMeeting } from './queries.ts';
