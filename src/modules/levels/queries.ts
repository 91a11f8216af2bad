import type { Db, Tx } from '../../db/database.ts';

// --- for meetings ---

/** When the person was last told of their MAPPA status, and whether they were invited to contribute. */
export async function latestStatusNotification(
  db: Db | Tx,
  nominalId: string,
): Promise<{ toldOn: string; invitedToContribute: boolean; theirViews: string | null } | undefined> {
  return db
    .selectFrom('status_notifications')
    .select([
      'told_on as toldOn',
      'invited_to_contribute as invitedToContribute',
      'their_views as theirViews',
    ])
    .where('nominal_id', '=', nominalId)
    .orderBy('told_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
}

/** The significant events that happened on or after a day, newest first. */
export async function significantEventsSince(
  db: Db | Tx,
  nominalId: string,
  since: string,
): Promise<{ type: string; occurredOn: string; description: string }[]> {
  return db
    .selectFrom('significant_events')
    .select(['type', 'occurred_on as occurredOn', 'description'])
    .where('nominal_id', '=', nominalId)
    .where('occurred_on', '>=', since)
    .orderBy('occurred_on', 'desc')
    .execute();
}

/** The person's obligations as last computed (category, level, review, release), without recomputing. */
export async function storedObligations(
  db: Db | Tx,
  nominalId: string,
): Promise<
  | {
      category: number | null;
      level: number | null;
      reviewDueOn: string | null;
      earliestReleaseOn: string | null;
    }
  | undefined
> {
  return db
    .selectFrom('nominal_obligations')
    .select(['category', 'level', 'review_due_on as reviewDueOn', 'earliest_release_on as earliestReleaseOn'])
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
}

/** The level decisions a meeting made about a person, in the order they were made. */
export async function levelDecisionsAtMeeting(
  db: Db | Tx,
  meetingId: string,
  nominalId: string,
): Promise<
  {
    id: string;
    level: number | null;
    kind: string;
    rationale: string;
    decidedOn: string;
    overrideReason: string | null;
    continuesAtLowerLevel: string | null;
    decidedById: string;
  }[]
> {
  return db
    .selectFrom('level_decisions')
    .select([
      'id',
      'level',
      'kind',
      'rationale',
      'decided_on as decidedOn',
      'override_reason as overrideReason',
      'continues_at_lower_level as continuesAtLowerLevel',
      'decided_by as decidedById',
    ])
    .where('meeting_id', '=', meetingId)
    .where('nominal_id', '=', nominalId)
    .orderBy('decided_at')
    .execute();
}
