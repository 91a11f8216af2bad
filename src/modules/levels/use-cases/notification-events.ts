import { isUuid } from '../../../validation/fields.ts';
import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize } from '../../../access/policy.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { loadInScope, recordAndLog } from '../../nominals/index.ts';
import { NOTIFICATION_EVENT_KIND } from '../codes.ts';
import { recomputeObligations, storedObligations } from '../obligations.ts';
import { notificationEventSchema, notifiedSchema } from '../schemas.ts';

/**
 * What the police learn that starts a notification clock (SOA 2003 s.84, s.86): a change of name
 * or home address, a stay elsewhere, a stay in a household with a child, intended foreign travel.
 * Each open one is a dated duty on the person's obligations (and so on the police offender
 * manager's worklist) until the person notifies it.
 */

const labelOf = (kind: string) => NOTIFICATION_EVENT_KIND.find((k) => k.code === kind)?.label ?? kind;

async function nextDueOn(tx: Tx, nominalId: string, today: string) {
  await recomputeObligations(tx, nominalId, today);
  return (await storedObligations(tx, nominalId)).notification_due_on;
}

/** Records a notification event (police: the same action as recording a notification). */
export async function recordNotificationEvent(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'notification.record');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const event = parseInput(notificationEventSchema(ctx.today), input);
    const row = await tx
      .insertInto('notification_events')
      .values({
        nominal_id: nominalId,
        kind: event.kind,
        occurred_on: event.occurredOn,
        notified_on: event.notifiedOn ?? null,
        details: event.details ?? null,
        recorded_at: ctx.now,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const due = await nextDueOn(tx, nominalId, ctx.today);
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'levels',
        entityId: row.id,
        entityVersion: 1,
        action: 'created',
        summary: `Notification event recorded: ${labelOf(event.kind)}`,
        before: null,
        after: { kind: event.kind, occurredOn: event.occurredOn, notifiedOn: event.notifiedOn ?? null },
      },
      { section: 'notification event' },
    );
    return { id: row.id, nextDueOn: due };
  });
}

/** Records that the person notified an event; its duty closes. A second marking is a conflict. */
export async function markNotificationEventNotified(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  eventId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'notification.record');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const { notifiedOn } = parseInput(notifiedSchema(ctx.today), input);
    if (!isUuid(eventId)) throw new NotFoundError();
    const event = await tx
      .selectFrom('notification_events')
      .select(['id', 'kind', 'occurred_on', 'notified_on', 'version'])
      .where('id', '=', eventId)
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst();
    if (!event) throw new NotFoundError();
    const updated = await tx
      .updateTable('notification_events')
      .set({ notified_on: notifiedOn, version: event.version + 1 })
      .where('id', '=', eventId)
      .where('notified_on', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new ConflictError(`Already recorded as notified on ${event.notified_on}`);
    const due = await nextDueOn(tx, nominalId, ctx.today);
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'levels',
        entityId: eventId,
        entityVersion: event.version + 1,
        action: 'updated',
        summary: `Notified the police: ${labelOf(event.kind)}`,
        before: { notifiedOn: null },
        after: { notifiedOn },
      },
      { section: 'notification event' },
    );
    return { id: eventId, nextDueOn: due };
  });
}
