/** The worklists capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { registerWorklists } from './routes.ts';
export {
  areaWorklist,
  category3Candidates,
  considerCategory3,
  myWorklist,
  worklistCsv,
} from './use-cases.ts';
