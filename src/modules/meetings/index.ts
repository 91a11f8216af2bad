/** The meetings capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { minutesDocument } from './minutes-document.ts';
export { londonInstant } from './london-time.ts';
export { meetingsByIds } from './queries.ts';
export { meetingRoutes } from './routes/index.ts';
export { getAgenda } from './use-cases/agenda.ts';
export { attendanceSummary, recordAttendance } from './use-cases/attendance.ts';
export { addMinutesAction, addMinutesActionUpdate, recordPanelDecision } from './use-cases/decisions.ts';
export { closeMeeting, getMeeting, listMeetings } from './use-cases/meetings.ts';
export {
  MinutesLockedError,
  approveMinutes,
  correctMinutes,
  getMinutes,
  saveMinutes,
} from './use-cases/minutes.ts';
export { scheduleMeeting } from './use-cases/scheduling.ts';
export { cancelMeeting, removeAttendance, rescheduleMeeting } from './use-cases/lifecycle.ts';
export { meetingDiscusses } from './queries.ts';
export { discussionCount, latestApprovedMinutes } from './queries.ts';
export { eraseMinutesOf } from './queries.ts';
export {
  minutesAwaitingApproval,
  upcomingMeetings,
  type MinutesAwaitingApproval,
  type UpcomingMeeting,
} from './queries.ts';
