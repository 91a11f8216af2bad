import type { Actor } from '../../access/actor.ts';
import { recordWithinTokenAreas } from '../../access/policy.ts';
import type { Db, Tx } from '../../db/database.ts';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';

// --- for retention ---

/**
 * Erases one person's personal data from the notifications about them (a data protection
 * officer's decision, src/modules/retention; the caller logs it in the same transaction): a body
 * can name the person or quote what was recorded about them, so it reads 'Erased'; the subject
 * (which names the record by its Vigil reference only), link, recipient and dates stay.
 */
export async function eraseNotificationsAbout(tx: Tx, nominalId: string): Promise<ErasedPart> {
  const rows = await tx
    .selectFrom('notifications')
    .select(['id', 'body'])
    .where('nominal_id', '=', nominalId)
    .orderBy('id')
    .execute();
  if (!rows.length) return erasedPart(rows, 0);
  const result = await tx
    .updateTable('notifications')
    .set({ body: ERASED_TEXT })
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
  return erasedPart(rows, Number(result.numUpdatedRows));
}

// --- for the start page ---

/** An unread inbox item, as the start page lists it. */
export interface UnreadNotification {
  id: string;
  subject: string;
  link: string | null;
  nominalId: string | null;
  createdAt: Date;
}

/**
 * The user's unread inbox items: how many, and the latest few (index notifications_user). An
 * area-limited token sees only those about a person managed in its areas, as in the inbox.
 */
export async function unreadNotifications(
  db: Db | Tx,
  actor: Actor,
  latest: number,
): Promise<{ count: number; latest: UnreadNotification[] }> {
  const unread = () =>
    db
      .selectFrom('notifications')
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .where(recordWithinTokenAreas(actor, 'nominal_id'));
  const [count, rows] = await Promise.all([
    unread()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    unread()
      .select(['id', 'subject', 'link', 'nominal_id', 'created_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(latest)
      .execute(),
  ]);
  return {
    count: Number(count.n),
    latest: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      link: r.link,
      nominalId: r.nominal_id,
      createdAt: new Date(r.created_at),
    })),
  };
}
