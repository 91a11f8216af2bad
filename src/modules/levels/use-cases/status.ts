import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize } from '../../../access/policy.ts';
import type { Database } from '../../../db/database.ts';
import { parseInput } from '../../../validation/parse.ts';
import { loadInScope, recordAndLog } from '../../nominals/index.ts';
import { recomputeObligations, storedObligations } from '../obligations.ts';
import { offenderNotificationSchema, statusToldSchema } from '../schemas.ts';

/**
 * What the person is told and tells: that they are managed under MAPPA (and whether they were
 * invited to contribute), and a registered sex offender's notifications to the police.
 */

/** Whether and when the person was told of their MAPPA status and invited to contribute. */
export async function recordStatusNotification(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const told = parseInput(statusToldSchema(ctx.today), input);
    const row = await tx
      .insertInto('status_notifications')
      .values({
        recorded_at: ctx.now,
        nominal_id: nominalId,
        told_on: told.toldOn,
        invited_to_contribute: told.invitedToContribute,
        their_views: told.theirViews || null,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'levels',
        entityId: row.id,
        entityVersion: 1,
        action: 'created',
        summary: 'Told of their MAPPA status',
        before: null,
        after: { toldOn: told.toldOn },
      },
      { section: 'MAPPA status told' },
    );
    return { id: row.id };
  });
}

/** Records that a registered sex offender notified the police; the next periodic notification falls due a year later. */
export async function recordOffenderNotification(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'notification.record');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const { kind, notifiedOn } = parseInput(offenderNotificationSchema(ctx.today), input);
    const row = await tx
      .insertInto('offender_notifications')
      .values({
        nominal_id: nominalId,
        kind,
        notified_on: notifiedOn,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recomputeObligations(tx, nominalId, ctx.today);
    const { notification_due_on: nextDueOn } = await storedObligations(tx, nominalId);
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'levels',
        entityId: row.id,
        entityVersion: 1,
        action: 'created',
        summary: 'Notification to the police recorded',
        before: null,
        after: { kind, notifiedOn },
      },
      { section: 'notification to the police' },
    );
    return { id: row.id, nextDueOn };
  });
}
