/** The notifications capability's public API: other capabilities, the web app, the CLI and tooling use only what is exported here. */
export { registerInbox } from './routes.ts';
export { deliverEmails, listInbox, notify, smtpMailer, unreadCount, type Mailer } from './use-cases.ts';
