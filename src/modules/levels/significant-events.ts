import type { UseCaseContext } from '../../access/actor.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { labelOf } from '../../domain/codes.ts';
import { compareDates, parseIsoDate } from '../../domain/dates.ts';
import { SIGNIFICANT_EVENT_TYPE, type SignificantEventType } from '../../domain/deadlines.ts';
import { ValidationError, type FieldErrors } from '../../domain/errors.ts';
import type { SignificantEventInput } from '../../domain/significant-events.ts';
import { recordChange, loadInScope } from '../nominals/index.ts';
import { notify } from '../notifications/index.ts';
import { recomputeObligations } from './obligations.ts';

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
  const nominal = await tx
    .selectFrom('nominals')
    .select(['vigil_ref', 'forename', 'surname'])
    .where('id', '=', nominalId)
    .executeTakeFirstOrThrow();
  const managers = await tx
    .selectFrom('nominal_managers')
    .select(['user_id', 'from_date', 'to_date'])
    .where('nominal_id', '=', nominalId)
    .where('user_id', 'is not', null)
    .execute();
  const recipients = managers
    .filter(
      (m) =>
        compareDates(m.from_date, ctx.today) <= 0 &&
        (m.to_date === null || compareDates(m.to_date, ctx.today) >= 0),
    )
    .map((m) => m.user_id!)
    .filter((id) => id !== ctx.actor.userId);
  const label = labelOf(SIGNIFICANT_EVENT_TYPE, event.type);
  await notify(tx, ctx, {
    userIds: recipients,
    nominalId,
    subject: `${label} recorded for ${nominal.vigil_ref}`,
    body: `${ctx.actor.displayName} (${ctx.actor.agencyName}) recorded: ${label.toLowerCase()} for ${nominal.forename} ${nominal.surname}, on ${event.occurredOn}. ${event.description} A level review is now due.`,
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

export function parseSignificantEvent(input: Record<string, unknown>, today: string): SignificantEventInput {
  const errors: FieldErrors = {};
  const type = String(input.type ?? '');
  if (!SIGNIFICANT_EVENT_TYPE.some((t) => t.code === type)) errors.type = 'Select what happened';
  const occurred = parseIsoDate(String(input.occurredOn ?? ''), 'Date it happened');
  if (!occurred.ok) errors.occurredOn = occurred.error;
  else if (compareDates(occurred.value, today) > 0)
    errors.occurredOn = 'Date it happened must be today or in the past';
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (!description) errors.description = 'Describe what happened';
  else if (description.length > 4000) errors.description = 'Description must be 4000 characters or fewer';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return {
    type: type as SignificantEventType,
    occurredOn: (occurred as { value: string }).value,
    description,
  };
}

/** Recording an event directly (an arrest, intelligence, a recall…). */
export async function reportSignificantEvent(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: Record<string, unknown>,
) {
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const event = parseSignificantEvent(input, ctx.today);
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
