/** The risk-management-plan capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { extendPlan, type PlanMeeting, type PlanMeetings } from './extensions.ts';
export { riskManagementPlanRoutes } from './routes/index.ts';
export { getPlan, planSummary, revisePlan } from './use-cases.ts';
export { PLAN_PARTS, VICTIM_PLANNING_WITHHELD, currentPlan, type PlanView } from './versions.ts';
export { erasePlanOf, planChangedAt, planVersionsFromMeeting } from './queries.ts';
