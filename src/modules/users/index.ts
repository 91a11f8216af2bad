/** The users capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { loadUserAccess } from './access-status.ts';
export { changePassword } from './account.ts';
export {
  createUser,
  disableUser,
  enableUser,
  endUserSessions,
  getUserForAdmin,
  listUsers,
  resetTwoFactor,
  setTotpSecret,
  updateUserAccess,
} from './administration.ts';
export { activeUsersWithRole, findUserByEmail } from './directory.ts';
export { AccessSuspendedError, TooManyAttemptsError } from './errors.ts';
export { type OidcSettings } from './oidc.ts';
export { hashPassword } from './passwords.ts';
export { requireRecentAuthentication, sameOriginPath } from './reauthentication.ts';
export { holdBackSession } from './routes/hold-back.ts';
export { userRoutes } from './routes/index.ts';
export { warningSecondsFor } from './routes/shared.ts';
export {
  SESSION_IDLE_MINUTES,
  SESSION_IDLE_SECONDS,
  confirmTotpEnrolment,
  countUnusedRecoveryCodes,
  resumeSession,
  signIn,
  signOut,
  signOutEverywhere,
  startTotpEnrolment,
  verifyRecoveryCodeSignIn,
  verifyTotpSignIn,
} from './sessions.ts';
export {
  SecretsKeyError,
  loadKeyring,
  newSecretsKey,
  resealSecrets,
  saveKeyringFile,
  useKeyring,
  type Keyring,
} from './secrets.ts';
export { usersDb } from './tables.ts';
export { userByEmail } from './queries.ts';
export {
  actorForToken,
  createServiceToken,
  tokenExpiry,
  listServiceTokens,
  resolveServiceToken,
  revokeServiceToken,
} from './tokens.ts';
export { usersByIds, type UserSummaryRow } from './queries.ts';
export { activeUsersOfAgencies, usersByEmails } from './queries.ts';
