/** The notifications capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { notificationRoutes } from './routes/index.ts';
export { deliverEmails, listInbox, notify, smtpMailer, unreadCount, type Mailer } from './use-cases.ts';
export { eraseNotificationsAbout } from './queries.ts';
export { unreadNotifications, type UnreadNotification } from './queries.ts';
