import type { UseCaseContext } from '../../access/actor.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { labelOf } from '../../domain/codes.ts';
import { SIGNIFICANT_EVENT_TYPE } from '../../domain/deadlines.ts';
import type { SignificantEventInput } from '../../domain/significant-events.ts';
import { currentManagerUserIds, loadInScope, nominalHeadlines, recordChange } from '../nominals/index.ts';
import { notify } from '../notifications/index.ts';
import { parseInput } from '../../validation/parse.ts';
import { recomputeObligations } from './obligations.ts';
import { significantEventSchema } from './schemas.ts';

/**
 * A significant event (an arrest, a new address, a new partner…) must reach everyone managing the
 * person at once, and makes a level review due (MAPPA.md §3 step 8: the "Albert" and "Daryl" cases).
 */
export type { SignificantEventInput } from '../../domain/significant-events.ts';

/** Inside the caller's transaction: stores the event and puts it in every named manager's inbox. */
export async function recordSignificantEvent(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  event: SignificantEventInput,
) {
  const row = await tx
    .insertInto('significant_events')
    .values({
      recorded_at: ctx.now,
      nominal_id: nominalId,
      type: event.type,
      occurred_on: event.occurredOn,
      description: event.description,
      recorded_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const nominal = (await nominalHeadlines(tx, [nominalId])).get(nominalId)!;
  const recipients = (await currentManagerUserIds(tx, nominalId, ctx.today)).filter(
    (id) => id !== ctx.actor.userId,
  );
  const label = labelOf(SIGNIFICANT_EVENT_TYPE, event.type);
  await notify(tx, ctx, {
    userIds: recipients,
    nominalId,
    subject: `${label} recorded for ${nominal.vigilRef}`,
    body: `${ctx.actor.displayName} (${ctx.actor.agencyName}) recorded: ${label.toLowerCase()} for ${nominal.name}, on ${event.occurredOn}. ${event.description} A level review is now due.`,
    link: `/nominals/${nominalId}/levels`,
  });
  await recordChange(tx, ctx, {
    nominalId,
    section: 'significant-events',
    entityId: row.id,
    entityVersion: 1,
    action: 'created',
    summary: `Significant event recorded: ${label}`,
    before: null,
    after: { type: event.type, occurredOn: event.occurredOn, description: event.description },
  });
  return { id: row.id, notified: recipients.length };
}

/** Recording an event directly (an arrest, intelligence, a recall…). */
export async function reportSignificantEvent(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const event = parseInput(significantEventSchema(ctx.today), input);
    const result = await recordSignificantEvent(tx, ctx, nominalId, event);
    await recomputeObligations(tx, nominalId, ctx.today);
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'significant event',
    });
    return result;
  });
}
