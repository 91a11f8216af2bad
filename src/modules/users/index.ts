/** The users capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { loadUserAccess } from './access-status.ts';
export { AccessSuspendedError, TooManyAttemptsError } from './errors.ts';
export { type OidcSettings } from './oidc.ts';
export { hashPassword } from './passwords.ts';
export { requireRecentAuthentication, sameOriginPath } from './reauthentication.ts';
export { holdBackSession, registerSignIn } from './routes.ts';
export {
  confirmTotpEnrolment,
  countUnusedRecoveryCodes,
  signIn,
  startTotpEnrolment,
  verifyTotpSignIn,
} from './sessions.ts';
export { usersDb } from './tables.ts';
export { userByEmail } from './queries.ts';
export {
  SESSION_IDLE_MINUTES,
  SESSION_IDLE_SECONDS,
  activeUsersWithRole,
  actorForToken,
  changePassword,
  createServiceToken,
  createUser,
  disableUser,
  enableUser,
  endUserSessions,
  findUserByEmail,
  getUserForAdmin,
  listServiceTokens,
  listUsers,
  resetTwoFactor,
  resolveServiceToken,
  resumeSession,
  revokeServiceToken,
  setTotpSecret,
  signOut,
  signOutEverywhere,
  updateUserAccess,
  verifyRecoveryCodeSignIn,
} from './use-cases.ts';
export { usersByIds, type UserSummaryRow } from './queries.ts';
