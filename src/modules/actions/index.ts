/** The actions capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { actionRoutes } from './routes/index.ts';
export {
  ACTION_FIELD_ORDER,
  addAction,
  addActionUpdate,
  createAction,
  distributeMeetingActions,
  getAction,
  listActionsForNominal,
  listMyActions,
  openActionsFor,
  updateAction,
} from './use-cases.ts';
export { overdueActions, type OverdueAction } from './queries.ts';
export { actionOrigin, actionsForMinutes, withheldActionIds } from './queries.ts';
export { ActionUpdateInput, NewActionInput } from './schemas.ts';
export { overdueActionCounts } from './queries.ts';
export { eraseActionsAbout } from './queries.ts';
