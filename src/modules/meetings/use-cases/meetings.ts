import { sql } from 'kysely';
import type { Actor, UseCaseContext } from '../../../access/actor.ts';
import { areaWithinTokenAreas, authorize, reachOf, withinTokenAreas } from '../../../access/policy.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { compareDates, formatDateLong } from '../../../domain/dates.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { distributeMeetingActions } from '../../actions/index.ts';
import { loadInScope, nominalHeadlines } from '../../nominals/index.ts';
import { resolveInboxItems } from '../../notifications/index.ts';
import { usersByIds } from '../../users/index.ts';
import { londonTime, meetingDay, meetingName } from '../london-time.ts';
import { attendanceOf } from './attendance.ts';
import { meetingHistory } from './lifecycle.ts';
import { invitedAgency, loadMeeting, type MeetingRow } from './scope.ts';

/** Meetings: the area's list, one meeting, the meetings about one person, and closing a meeting. */

/** How far the minutes of one person at one meeting have got: the latest version's status. */
const minutesState = (state: string | null) => {
  const [status, version] = (state ?? '').split(':');
  return status ? { status, version: Number(version) } : null;
};

/** The people each meeting discusses, in the meeting's order, by name (those the actor's token may name). */
async function peopleOf(tx: Tx, actor: Actor, meetingIds: string[]): Promise<Map<string, string[]>> {
  const rows = meetingIds.length
    ? await tx
        .selectFrom('meeting_nominals')
        .select(['meeting_id', 'nominal_id'])
        .where('meeting_id', 'in', meetingIds)
        .orderBy('position')
        .execute()
    : [];
  const names = await nominalHeadlines(
    tx,
    rows.map((r) => r.nominal_id),
  );
  const people = new Map<string, string[]>();
  for (const r of rows)
    if (withinTokenAreas(actor, names.get(r.nominal_id)?.areaCode))
      people.set(r.meeting_id, [...(people.get(r.meeting_id) ?? []), names.get(r.nominal_id)?.name ?? '']);
  return people;
}

/** The area's meetings, upcoming first then past; an invited agency sees only its invitations. */
export async function listMeetings(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'meeting.view');
  const reach = reachOf(ctx.actor, 'meeting.view');
  return database.transaction(async (tx) => {
    let query = tx
      .selectFrom('meetings as m')
      .select(['m.id', 'm.level', 'm.starts_at', 'm.format', 'm.status', 'm.chair_user_id']);
    if (reach === 'area' || reach === 'yes') query = query.where('m.area_code', '=', ctx.actor.areaCode);
    else query = query.where(invitedAgency(ctx.actor.agencyId));
    query = query.where(areaWithinTokenAreas(ctx.actor, 'm.area_code'));
    // The latest 500 (meetings_area), so that the upcoming ones are always among them.
    const rows = (await query.orderBy('m.starts_at', 'desc').limit(500).execute()).reverse();
    const [chairs, people] = await Promise.all([
      usersByIds(
        tx,
        rows.map((r) => r.chair_user_id),
      ),
      peopleOf(
        tx,
        ctx.actor,
        rows.map((r) => r.id),
      ),
    ]);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'meeting',
      recordIds: [],
      section: 'meetings list',
    });
    const meetings = rows.map((r) => ({
      id: r.id,
      level: r.level,
      startsAt: new Date(r.starts_at).toISOString(),
      day: meetingDay(r.starts_at),
      format: r.format,
      status: r.status,
      chairName: (r.chair_user_id && chairs.get(r.chair_user_id)?.displayName) || null,
      people: (people.get(r.id) ?? []).join(', '),
    }));
    const upcoming = (m: (typeof meetings)[number]) =>
      m.status === 'scheduled' && compareDates(m.day, ctx.today) >= 0;
    return {
      upcoming: meetings.filter(upcoming),
      past: meetings.filter((m) => !upcoming(m)).reverse(),
    };
  });
}

/** The chair's name, when the meeting has one. */
export async function chairNameOf(tx: Tx, chairUserId: string | null): Promise<string | null> {
  if (!chairUserId) return null;
  return (await usersByIds(tx, [chairUserId])).get(chairUserId)?.displayName ?? null;
}

/** A meeting: details, invitations and attendance, and the people discussed with where their minutes stand. */
export async function getMeeting(database: Database, ctx: UseCaseContext, meetingId: string) {
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.view');
    const chairName = await chairNameOf(tx, meeting.chair_user_id);
    const discussed = await tx
      .selectFrom('meeting_nominals as mn')
      .select([
        'mn.nominal_id as id',
        (eb) =>
          eb
            .selectFrom('minutes as mi')
            .select(sql<string>`mi.status || ':' || mi.version`.as('s'))
            .whereRef('mi.meeting_id', '=', 'mn.meeting_id')
            .whereRef('mi.nominal_id', '=', 'mn.nominal_id')
            .orderBy('mi.version', 'desc')
            .limit(1)
            .as('minutesState'),
      ])
      .where('mn.meeting_id', '=', meetingId)
      .orderBy('mn.position')
      .execute();
    const people = await nominalHeadlines(
      tx,
      discussed.map((n) => n.id),
    );
    // A meeting of the token's area may discuss someone managed elsewhere: not shown to it.
    const nominals = discussed.filter((n) => withinTokenAreas(ctx.actor, people.get(n.id)?.areaCode));
    const attendance = await attendanceOf(tx, meetingId);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: nominals.map((n) => n.id),
      section: `the ${meetingName(meeting)}`,
    });
    return {
      id: meeting.id,
      level: meeting.level,
      startsAt: new Date(meeting.starts_at).toISOString(),
      day: meetingDay(meeting.starts_at),
      time: londonTime(meeting.starts_at),
      format: meeting.format,
      location: meeting.location,
      onlineLink: meeting.online_link,
      chairUserId: meeting.chair_user_id,
      chairName,
      status: meeting.status,
      closedAt: meeting.closed_at ? new Date(meeting.closed_at).toISOString() : null,
      version: meeting.version,
      nominals: nominals.map((n) => ({
        id: n.id,
        name: people.get(n.id)?.name ?? '',
        vigilRef: people.get(n.id)?.vigilRef ?? '',
        minutes: minutesState(n.minutesState),
      })),
      invitations: attendance.agencies,
      attendance: attendance.records,
      attendanceRate: attendance.rate,
      history: await meetingHistory(tx, meetingId),
    };
  });
}

/**
 * A meeting closes only once it has been held: not cancelled, started (London time), and with its
 * attendance recorded (MAPPA E). Otherwise nothing is closed and no action is sent out.
 */
async function requireClosable(tx: Tx, ctx: UseCaseContext, meeting: MeetingRow) {
  if (meeting.status === 'cancelled')
    throw new ValidationError({ close: 'This meeting was cancelled, so it cannot be closed' });
  if (new Date(ctx.now).getTime() < new Date(meeting.starts_at).getTime())
    throw new ValidationError({
      close: `This meeting starts on ${formatDateLong(meetingDay(meeting.starts_at))} at ${londonTime(meeting.starts_at)}: it cannot be closed before it starts`,
    });
  const attendance = await tx
    .selectFrom('meeting_attendance')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .limit(1)
    .executeTakeFirst();
  if (!attendance) throw new ValidationError({ close: 'Record who attended before closing the meeting' });
}

/**
 * Closes the meeting and, in the same transaction, sends each action owner their new actions, so
 * nobody waits for the minutes to be finished. Closing an already closed meeting changes nothing.
 */
export async function closeMeeting(database: Database, ctx: UseCaseContext, meetingId: string) {
  authorize(ctx.actor, 'meeting.manage');
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    if (meeting.status === 'closed') return { closed: true, alreadyClosed: true, ownersNotified: 0 };
    await requireClosable(tx, ctx, meeting);
    const updated = await tx
      .updateTable('meetings')
      .set({
        status: 'closed',
        closed_at: ctx.now,
        closed_by: ctx.actor.userId,
        version: meeting.version + 1,
      })
      .where('id', '=', meetingId)
      .where('status', '=', 'scheduled')
      .returning('id')
      .executeTakeFirst();
    if (!updated) return { closed: true, alreadyClosed: true, ownersNotified: 0 };
    // Each owner gets one notification listing all their new actions.
    const ownersNotified = await distributeMeetingActions(tx, ctx, meetingId);
    await resolveInboxItems(tx, ctx, { subjectType: 'meeting', subjectId: meetingId });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'meeting',
      recordIds: [meetingId],
      section: 'meeting closed',
    });
    return { closed: true, alreadyClosed: false, ownersNotified };
  });
}

/** The meetings a person was discussed at (an invited agency sees only its own), with where their minutes stand. */
export async function meetingsForNominal(database: Database, ctx: UseCaseContext, nominalId: string) {
  authorize(ctx.actor, 'meeting.view');
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    let query = tx
      .selectFrom('meeting_nominals as mn')
      .innerJoin('meetings as m', 'm.id', 'mn.meeting_id')
      .select([
        'm.id',
        'm.level',
        'm.starts_at',
        'm.status',
        (eb) =>
          eb
            .selectFrom('minutes as mi')
            .select(sql<string>`mi.status || ':' || mi.version`.as('s'))
            .whereRef('mi.meeting_id', '=', 'm.id')
            .where('mi.nominal_id', '=', nominalId)
            .orderBy('mi.version', 'desc')
            .limit(1)
            .as('minutesState'),
      ])
      .where('mn.nominal_id', '=', nominalId)
      .where(areaWithinTokenAreas(ctx.actor, 'm.area_code'));
    if (scope.access.via === 'involvement') query = query.where(invitedAgency(ctx.actor.agencyId));
    const rows = await query.orderBy('m.starts_at', 'desc').execute();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'meetings',
    });
    return rows.map((r) => ({
      id: r.id,
      level: r.level,
      startsAt: new Date(r.starts_at).toISOString(),
      day: meetingDay(r.starts_at),
      status: r.status,
      minutes: minutesState(r.minutesState),
    }));
  });
}
