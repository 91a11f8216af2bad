import type { ExpressionBuilder } from 'kysely';
import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize, reachOf, withinTokenAreas, type Action } from '../../../access/policy.ts';
import type { Tx } from '../../../db/database.ts';
import type { Schema } from '../../../db/schema.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../validation/fields.ts';
import { nominalHeadlines } from '../../nominals/index.ts';

/**
 * Which meetings an actor may see: those of their own area, or (for a duty-to-co-operate agency)
 * those their agency is invited to; with an area-limited token, only those of its areas. Anything
 * else is "not found", like a record out of scope.
 */

export interface MeetingRow {
  id: string;
  area_code: string;
  level: number;
  starts_at: Date | string;
  format: 'in_person' | 'online';
  location: string | null;
  online_link: string | null;
  chair_user_id: string | null;
  status: 'scheduled' | 'closed' | 'cancelled';
  closed_at: Date | string | null;
  version: number;
}

/** Meetings `m` the agency is invited to. */
export const invitedAgency =
  (agencyId: string) => (eb: ExpressionBuilder<Schema & { m: Schema['meetings'] }, 'm'>) =>
    eb.exists(
      eb
        .selectFrom('meeting_invitations as i')
        .select('i.id')
        .whereRef('i.meeting_id', '=', 'm.id')
        .where('i.agency_id', '=', agencyId),
    );

/** A meeting the actor may see (or act on with `action`), else NotFoundError. */
export async function loadMeeting(
  tx: Tx,
  ctx: UseCaseContext,
  meetingId: string,
  action: Extract<Action, 'meeting.view' | 'meeting.manage' | 'minutes.approve' | 'level.decide'>,
): Promise<MeetingRow> {
  authorize(ctx.actor, action);
  if (!isUuid(meetingId)) throw new NotFoundError();
  const meeting = await tx
    .selectFrom('meetings')
    .select([
      'id',
      'area_code',
      'level',
      'starts_at',
      'format',
      'location',
      'online_link',
      'chair_user_id',
      'status',
      'closed_at',
      'version',
    ])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw new NotFoundError();
  const reach = reachOf(ctx.actor, action);
  if (!withinTokenAreas(ctx.actor, meeting.area_code)) throw new NotFoundError();
  if ((reach === 'area' || reach === 'yes') && meeting.area_code === ctx.actor.areaCode)
    return meeting as MeetingRow;
  if (reachOf(ctx.actor, 'meeting.view') === 'involved' || reach === 'involved') {
    const invited = await tx
      .selectFrom('meeting_invitations')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('agency_id', '=', ctx.actor.agencyId)
      .executeTakeFirst();
    if (invited && reach !== null) return meeting as MeetingRow;
  }
  throw new NotFoundError();
}

/** A person the meeting discusses (name and Vigil reference), else NotFoundError. */
export async function requireMeetingNominal(tx: Tx, meetingId: string, nominalId: string) {
  if (!isUuid(nominalId)) throw new NotFoundError();
  const row = await tx
    .selectFrom('meeting_nominals')
    .select('nominal_id')
    .where('meeting_id', '=', meetingId)
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
  const person = row && (await nominalHeadlines(tx, [nominalId])).get(nominalId);
  if (!person) throw new NotFoundError();
  return { id: person.id, name: person.name, vigilRef: person.vigilRef };
}
