/** The notifications capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { notificationRoutes } from './routes/index.ts';
export {
  deliverEmails,
  emailOf,
  listInbox,
  markRead,
  notify,
  resolveInboxItems,
  smtpMailer,
  unreadCount,
  type Mailer,
} from './use-cases.ts';
export { subjectOfLink, type InboxSubject, type InboxSubjectType } from './inbox-items.ts';
export { eraseNotificationsAbout } from './queries.ts';
export { unreadNotifications, type UnreadNotification } from './queries.ts';
