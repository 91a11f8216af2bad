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
import {
  SUBJECT_LABEL,
  namedSubject,
  readableText,
  subjectOfLink,
  type InboxSubject,
  type InboxSubjectType,
} from './inbox-items.ts';

/**
 * Telling people at once: every notification lands in the recipient's Vigil inbox in the same
 * transaction as the change that caused it; an email follows when an SMTP server is configured.
 * In Vigil an item says what changed, for whom (named), with a link; an email says only that there
 * is a new item and where to look: OFFICIAL-SENSITIVE detail (a name, a reference, what happened)
 * never leaves Vigil by email.
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
  /** What it asks for work on (resolved when that work is done); read from `link` when omitted. */
  about?: InboxSubject | null;
}

/** Puts a notification in each recipient's inbox, inside the caller's transaction. Returns the new ids. */
export async function notify(tx: Tx, ctx: UseCaseContext, notification: NewNotification): Promise<string[]> {
  const recipients = [...new Set(notification.userIds)];
  if (!recipients.length) return [];
  const about = notification.about === undefined ? subjectOfLink(notification.link) : notification.about;
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
        about_type: about?.type ?? null,
        about_id: about?.id ?? null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The work an inbox item asks for has been done (a referral screened, a report approved or
 * returned, minutes approved, a meeting closed), by the actor or anyone else entitled to: every
 * recipient's open item about it is marked resolved (and so read), inside the caller's transaction.
 * Call it before notifying anyone of the outcome, so the new items stay open. Returns how many.
 */
export async function resolveInboxItems(
  tx: Tx,
  ctx: UseCaseContext,
  subject: { subjectType: InboxSubjectType; subjectId: string; nominalId?: string },
): Promise<number> {
  let query = tx
    .updateTable('notifications')
    .set((eb) => ({
      resolved_at: ctx.now,
      resolved_by: ctx.actor.userId,
      read_at: eb.fn.coalesce('read_at', eb.val(ctx.now)),
    }))
    .where('about_type', '=', subject.subjectType)
    .where('about_id', '=', subject.subjectId)
    .where('resolved_at', 'is', null);
  if (subject.nominalId) query = query.where('nominal_id', '=', subject.nominalId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * An item's email: that there is one, and its address in Vigil. Never its subject or body, which
 * name the person and what happened (an inbox is OFFICIAL-SENSITIVE; an email may not be).
 */
export function emailOf(baseUrl: string, link: string | null) {
  return {
    subject: 'You have a new item in Vigil',
    text: `You have a new item in Vigil: ${baseUrl}${link ?? '/inbox'}\n\nSign in to Vigil to see it. This email does not contain case details by design.`,
  };
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
    .select(['id', 'link', 'user_id'])
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
      await mailer.send({ to: recipients.get(row.user_id)!.email, ...emailOf(baseUrl, row.link) });
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

/** Only somewhere inside Vigil: never an absolute or protocol-relative address. */
export const safeLink = (link: string | null) =>
  link && link.startsWith('/') && !link.startsWith('//') && !link.includes('\\') ? link : null;

/**
 * The signed-in user's inbox (or their token's part of it), newest first: each item names the
 * person it is about and what it is about, with links, and says whether the work it asked for is done.
 */
export async function listInbox(database: Database, ctx: UseCaseContext, limit = 100) {
  return database.transaction(async (tx) => {
    const rows = await tx
      .selectFrom('notifications')
      .select([
        'id',
        'subject',
        'body',
        'link',
        'created_at',
        'read_at',
        'nominal_id',
        'created_by',
        'about_type',
        'resolved_at',
        'resolved_by',
      ])
      .where('user_id', '=', ctx.actor.userId)
      // An area-limited token sees only what is about a person managed in its areas (an item about
      // several people, who may be anywhere, is not shown to it).
      .where(recordWithinTokenAreas(ctx.actor, 'nominal_id'))
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    // Whom each is about, who sent it and who did the work: one lookup each for the inbox.
    const [people, users] = await Promise.all([
      nominalHeadlines(
        tx,
        rows.map((r) => r.nominal_id),
      ),
      usersByIds(
        tx,
        rows.flatMap((r) => [r.created_by, r.resolved_by]),
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
    const nameOf = (userId: string | null) => (userId ? (users.get(userId)?.displayName ?? null) : null);
    return {
      unread: rows.filter((r) => !r.read_at).length,
      notifications: rows.map((r) => {
        const person = r.nominal_id ? (people.get(r.nominal_id) ?? null) : null;
        const link = safeLink(r.link);
        return {
          id: r.id,
          subject: namedSubject(r.subject, person),
          body: readableText(r.body),
          link,
          createdAt: r.created_at,
          readAt: r.read_at,
          vigilRef: person?.vigilRef ?? null,
          person: person
            ? { name: person.name, vigilRef: person.vigilRef, link: `/nominals/${person.id}` }
            : null,
          about: r.about_type ? { type: r.about_type, label: SUBJECT_LABEL[r.about_type], link } : null,
          createdBy: nameOf(r.created_by),
          resolved: r.resolved_at ? { at: r.resolved_at, by: nameOf(r.resolved_by) } : null,
        };
      }),
    };
  });
}

/** Marks one of the actor's own items read (another's, or one outside a token's areas, is not found). */
export async function markRead(database: Database, ctx: UseCaseContext, notificationId: string) {
  if (!isUuid(notificationId)) throw new NotFoundError();
  return database.transaction(async (tx) => {
    const updated = await tx
      .updateTable('notifications')
      .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(ctx.now)) }))
      .where('id', '=', notificationId)
      .where('user_id', '=', ctx.actor.userId)
      .where(recordWithinTokenAreas(ctx.actor, 'nominal_id'))
      .returning(['id', 'link', 'read_at'])
      .executeTakeFirst();
    if (!updated) throw new NotFoundError();
    return { id: updated.id, readAt: updated.read_at!, link: safeLink(updated.link) };
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
