/** The meetings capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { getAgenda } from './agenda.ts';
export { minutesDocument } from './minutes-document.ts';
export { registerMeetings } from './routes.ts';
export {
  MinutesLockedError,
  addMinutesAction,
  addMinutesActionUpdate,
  approveMinutes,
  attendanceSummary,
  closeMeeting,
  correctMinutes,
  getMeeting,
  getMinutes,
  listMeetings,
  londonInstant,
  recordAttendance,
  recordPanelDecision,
  saveMinutes,
  scheduleMeeting,
} from './use-cases.ts';
export { meetingsByIds } from './queries.ts';
export { discussionCount, latestApprovedMinutes } from './queries.ts';
