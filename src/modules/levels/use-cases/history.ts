import type { UseCaseContext } from '../../../access/actor.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { LEVEL_CRITERION } from '../../../domain/levels.ts';
import { loadInScope } from '../../nominals/index.ts';
import { usersByIds } from '../../users/index.ts';
import { levelExtensions } from '../extensions.ts';
import { currentObligations } from '../obligations.ts';
import { areaRequiresCountersignature } from './area-settings.ts';
import { CATEGORY_3_OUTCOME_LABELS, category3ConsiderationsOf, type Category3Outcome } from './category-3.ts';
import { awaitsCountersignature } from './decisions.ts';

/** A person's MAPPA status as the levels page and the API show it, and its summary for the record's header. */

async function decisionsOf(tx: Tx, nominalId: string) {
  return tx
    .selectFrom('level_decisions as d')
    .leftJoin('screenings as s', 's.id', 'd.screening_id')
    .select([
      'd.id',
      'd.level',
      'd.category',
      'd.kind',
      'd.criteria',
      'd.rationale',
      'd.decided_on as decidedOn',
      'd.decided_at as decidedAt',
      'd.warning',
      'd.decided_by as decidedById',
      'd.countersigned_at as countersignedAt',
      'd.countersigned_by as countersignedById',
      'd.countersignature_required as countersignatureRequired',
      'd.override_reason as overrideReason',
      'd.override_by as overrideById',
      'd.continues_at_lower_level as continuesAtLowerLevel',
      'd.meeting_id as meetingId',
      's.answers',
    ])
    .where('d.nominal_id', '=', nominalId)
    .orderBy('d.decided_at', 'desc')
    .execute();
}

async function eventsOf(tx: Tx, nominalId: string) {
  return tx
    .selectFrom('significant_events')
    .select([
      'id',
      'type',
      'occurred_on as occurredOn',
      'description',
      'recorded_at as recordedAt',
      'reviewed_by_decision as reviewedBy',
      'recorded_by as recordedById',
    ])
    .where('nominal_id', '=', nominalId)
    .orderBy('recorded_at', 'desc')
    .execute();
}

async function offenderNotificationsOf(tx: Tx, nominalId: string) {
  return tx
    .selectFrom('offender_notifications')
    .select([
      'id',
      'kind',
      'notified_on as notifiedOn',
      'recorded_at as recordedAt',
      'recorded_by as recordedById',
    ])
    .where('nominal_id', '=', nominalId)
    .orderBy('notified_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

async function notificationEventsOf(tx: Tx, nominalId: string) {
  return tx
    .selectFrom('notification_events')
    .select([
      'id',
      'kind',
      'occurred_on as occurredOn',
      'notified_on as notifiedOn',
      'details',
      'recorded_at as recordedAt',
      'recorded_by as recordedById',
    ])
    .where('nominal_id', '=', nominalId)
    .orderBy('occurred_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

/** Everything about a person's MAPPA status: obligations, decisions with screenings, events, status told. */
export async function getLevelHistory(database: Database, ctx: UseCaseContext, nominalId: string) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    // An invited agency sees MAPPA status only if it was shared with it.
    if (!scope.visible.section('levels')) throw new NotFoundError();
    const obligations = await currentObligations(tx, nominalId, ctx.today);
    const decisions = await decisionsOf(tx, nominalId);
    const events = await eventsOf(tx, nominalId);
    const told = await tx
      .selectFrom('status_notifications')
      .select([
        'told_on as toldOn',
        'invited_to_contribute as invitedToContribute',
        'their_views as theirViews',
      ])
      .where('nominal_id', '=', nominalId)
      .orderBy('told_on', 'desc')
      .execute();
    const notifications = await offenderNotificationsOf(tx, nominalId);
    const notificationEvents = await notificationEventsOf(tx, nominalId);
    const considerations = await category3ConsiderationsOf(tx, nominalId);
    // Who did what, and when the panels met: one look-up each, however long the history.
    const users = await usersByIds(tx, [
      ...decisions.flatMap((d) => [d.decidedById, d.countersignedById, d.overrideById]),
      ...events.map((e) => e.recordedById),
      ...notifications.map((n) => n.recordedById),
      ...notificationEvents.map((e) => e.recordedById),
      ...considerations.map((c) => c.consideredById),
    ]);
    const nameOf = (id: string | null) => (id ? (users.get(id)?.displayName ?? null) : null);
    const meetingIds = decisions.flatMap((d) => (d.meetingId ? [d.meetingId] : []));
    const meetingStarts = meetingIds.length
      ? await levelExtensions().meetingStarts(tx, meetingIds)
      : new Map<string, Date>();
    const countersignatureRequired = await areaRequiresCountersignature(tx, obligations.area_code);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'levels',
    });
    return {
      obligations,
      decisions: decisions.map(({ countersignedById, overrideById, ...d }) => ({
        ...d,
        decidedBy: nameOf(d.decidedById) ?? '',
        countersignedBy: nameOf(countersignedById),
        overrideByName: nameOf(overrideById),
        meetingStartsAt: d.meetingId ? (meetingStarts.get(d.meetingId) ?? null) : null,
        answers: (typeof d.answers === 'string' ? JSON.parse(d.answers) : d.answers) as Record<
          string,
          unknown
        > | null,
        awaitingCountersignature: awaitsCountersignature(d),
      })),
      events: events.map(({ recordedById, ...e }) => ({ ...e, recordedBy: nameOf(recordedById) ?? '' })),
      toldOfStatus: told,
      offenderNotifications: notifications.map(({ recordedById, ...n }) => ({
        ...n,
        recordedBy: nameOf(recordedById) ?? '',
      })),
      notificationEvents: notificationEvents.map(({ recordedById, ...e }) => ({
        ...e,
        recordedBy: nameOf(recordedById) ?? '',
      })),
      category3Considerations: considerations.map(({ consideredById, ...c }) => ({
        ...c,
        outcome: c.outcome as Category3Outcome,
        outcomeLabel: CATEGORY_3_OUTCOME_LABELS[c.outcome as Category3Outcome],
        consideredBy: nameOf(consideredById) ?? '',
      })),
      countersignatureRequired,
      criteria: LEVEL_CRITERION,
    };
  });
}

/** The person's category, level and next due date, for the top of their record (part of the record's consultation). */
export async function levelSummary(database: Database, ctx: UseCaseContext, nominalId: string) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    if (!scope.visible.section('levels')) return null;
    const o = await currentObligations(tx, nominalId, ctx.today);
    const dueOn = o.level === null ? o.level_decision_due_on : o.review_due_on;
    return {
      category: o.category,
      level: o.level,
      dueLabel: o.level === null ? 'Level decision due' : 'Review due',
      dueOn,
      basis: o.level === null ? o.level_decision_basis : o.review_basis,
    };
  });
}
