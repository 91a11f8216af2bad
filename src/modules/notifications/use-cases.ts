import type { Clock } from '../../clock.ts';
import nodemailer from 'nodemailer';
import type { UseCaseContext } from '../../access/actor.ts';
import { recordWithinTokenAreas } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { isUuid } from '../../validation/fields.ts';
import { nominalHeadlines } from '../nominals/index.ts';
import { usersByIds } from '../users/index.ts';

/**
 * Telling people at once: every notification lands in the recipient's Vigil inbox in the same
 * transaction as the change that caused it; an email follows when an SMTP server is configured.
 * Emails say only that something happened and where to look: OFFICIAL-SENSITIVE detail stays in Vigil.
 */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from = 'Vigil <no-reply@vigil.invalid>'): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

export interface NewNotification {
  userIds: readonly string[];
  nominalId: string | null;
  subject: string;
  body: string;
  link: string | null;
}

/** Puts a notification in each recipient's inbox, inside the caller's transaction. Returns the new ids. */
export async function notify(tx: Tx, ctx: UseCaseContext, notification: NewNotification): Promise<string[]> {
  const recipients = [...new Set(notification.userIds)];
  if (!recipients.length) return [];
  const rows = await tx
    .insertInto('notifications')
    .values(
      recipients.map((userId) => ({
        user_id: userId,
        nominal_id: notification.nominalId,
        subject: notification.subject,
        body: notification.body,
        link: notification.link,
        created_by: ctx.actor.userId,
        created_at: ctx.now,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Emails notifications not yet emailed (after their transaction has committed). Failures are left for the next try. */
export async function deliverEmails(
  database: Database,
  mailer: Mailer | undefined,
  baseUrl: string,
  clock: Clock,
  ids?: readonly string[],
) {
  if (!mailer) return { sent: 0, failed: 0 };
  let query = database.db
    .selectFrom('notifications')
    .select(['id', 'subject', 'link', 'user_id'])
    .where('emailed_at', 'is', null);
  if (ids) {
    if (!ids.length) return { sent: 0, failed: 0 };
    query = query.where('id', 'in', ids);
  }
  const unsent = await query.orderBy('created_at').limit(500).execute();
  const recipients = await usersByIds(
    database.db,
    unsent.map((n) => n.user_id),
  );
  let sent = 0;
  let failed = 0;
  for (const row of unsent) {
    try {
      await mailer.send({
        to: recipients.get(row.user_id)!.email,
        subject: `Vigil: ${row.subject}`,
        text: `${row.subject}.\n\nSign in to Vigil to see the details: ${baseUrl}${row.link ?? '/inbox'}\n\nThis email does not contain case details by design.`,
      });
      await database.transaction((tx) =>
        tx.updateTable('notifications').set({ emailed_at: clock.now() }).where('id', '=', row.id).execute(),
      );
      sent++;
    } catch {
      failed++;
    }
  }
  return { sent, failed };
}

/** The signed-in user's inbox (or their token's part of it), newest first. */
export async function listInbox(database: Database, ctx: UseCaseContext, limit = 100) {
  return database.transaction(async (tx) => {
    const rows = await tx
      .selectFrom('notifications')
      .select(['id', 'subject', 'body', 'link', 'created_at', 'read_at', 'nominal_id', 'created_by'])
      .where('user_id', '=', ctx.actor.userId)
      // An area-limited token sees only what is about a person managed in its areas (an item about
      // several people, who may be anywhere, is not shown to it).
      .where(recordWithinTokenAreas(ctx.actor, 'nominal_id'))
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    // Whom each is about (their Vigil reference) and who sent it: one lookup each for the inbox.
    const [people, senders] = await Promise.all([
      nominalHeadlines(
        tx,
        rows.map((r) => r.nominal_id),
      ),
      usersByIds(
        tx,
        rows.map((r) => r.created_by),
      ),
    ]);
    // Notifications name the people they are about: reading them is a consultation like any other.
    const nominalIds = [
      ...new Set(rows.map((r) => r.nominal_id).filter((id): id is string => id !== null && people.has(id))),
    ];
    if (nominalIds.length) {
      await logAccess(tx, ctx, {
        operation: 'consultation',
        recordType: 'nominal',
        recordIds: nominalIds,
        section: 'inbox',
      });
    }
    return {
      unread: rows.filter((r) => !r.read_at).length,
      notifications: rows.map((r) => ({
        id: r.id,
        subject: r.subject,
        body: r.body,
        link: r.link,
        createdAt: r.created_at,
        readAt: r.read_at,
        vigilRef: r.nominal_id ? (people.get(r.nominal_id)?.vigilRef ?? null) : null,
        createdBy: r.created_by ? (senders.get(r.created_by)?.displayName ?? null) : null,
      })),
    };
  });
}

export async function markRead(database: Database, ctx: UseCaseContext, notificationId: string) {
  if (!isUuid(notificationId)) throw new NotFoundError();
  return database.transaction(async (tx) => {
    const updated = await tx
      .updateTable('notifications')
      .set({ read_at: ctx.now })
      .where('id', '=', notificationId)
      .where('user_id', '=', ctx.actor.userId)
      .returning('link')
      .executeTakeFirst();
    if (!updated) throw new NotFoundError();
    return updated;
  });
}

/** The signed-in user's unread inbox items, for the header: one indexed count. */
export async function unreadCount(database: Database, userId: string): Promise<number> {
  const row = await database.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
