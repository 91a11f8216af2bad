import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize } from '../../../access/policy.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Tx, Database } from '../../../db/database.ts';
import { ATTENDANCE, labelOf } from '../../../domain/codes.ts';
import { compareDates, formatDateLong } from '../../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import {
  currentManagerUserIds,
  endInvolvementsFrom,
  entityChanges,
  recordChange,
} from '../../nominals/index.ts';
import { notify } from '../../notifications/index.ts';
import { agenciesByIds } from '../../reference/index.ts';
import { activeUsersWithRole, usersByIds } from '../../users/index.ts';
import { londonInstant, londonTime, meetingName } from '../london-time.ts';
import { CancelMeetingInput, RemoveAttendanceInput, RescheduleMeetingInput } from '../schemas.ts';
import { isRa } from './attendance.ts';
import { loadMeeting, type MeetingRow } from './scope.ts';

/**
 * A meeting's life after it is scheduled: moved to another day or time, or cancelled, each with
 * its reason, kept in the meeting's history (on each person's timeline, so nothing is overwritten
 * without a record) and told to everyone the invitation reached; and an attendance entry made in
 * error taken out before the meeting closes, with why, in the access log.
 */

/** The people the meeting discusses, in its order. */
async function peopleOf(tx: Tx, meetingId: string): Promise<string[]> {
  return (
    await tx
      .selectFrom('meeting_nominals')
      .select('nominal_id')
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute()
  ).map((r) => r.nominal_id);
}

/**
 * Whom the invitation reached, to be told of a change: the people's named managers, the invited
 * duty-to-co-operate agencies' representatives and the chair (as scheduling notified them).
 */
async function invitees(tx: Tx, ctx: UseCaseContext, meeting: MeetingRow, nominalIds: string[]) {
  const invited = await tx
    .selectFrom('meeting_invitations')
    .select('agency_id')
    .where('meeting_id', '=', meeting.id)
    .execute();
  const agencies = await agenciesByIds(
    tx,
    invited.map((i) => i.agency_id),
  );
  const dtc = [...agencies.values()].filter((a) => !isRa(a.type)).map((a) => a.id);
  const representatives = dtc.length
    ? await activeUsersWithRole(tx, 'dtc_representative', { agencyIds: dtc })
    : [];
  return [
    ...(await currentManagerUserIds(tx, nominalIds, ctx.today)),
    ...representatives.map((u) => u.id),
    ...(meeting.chair_user_id ? [meeting.chair_user_id] : []),
  ];
}

/** Refuses a stale version: someone else rescheduled or cancelled the meeting after it was read. */
async function requireVersion(tx: Tx, meeting: MeetingRow, version: number) {
  if (meeting.version === version) return;
  const later = (await meetingHistory(tx, meeting.id)).slice(-1)[0];
  throw new ConflictError(
    'Someone else changed this meeting after you opened it. Reload it to see what changed, then try again.',
    later ? [{ at: later.at, by: later.by, summary: later.summary, fields: [] }] : [],
  );
}

/** The change on each person's timeline: the meeting's history, with the reason. */
async function recordOnTimelines(
  tx: Tx,
  ctx: UseCaseContext,
  meetingId: string,
  nominalIds: string[],
  change: {
    version: number;
    summary: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  },
) {
  for (const nominalId of nominalIds)
    await recordChange(tx, ctx, {
      nominalId,
      section: 'meetings',
      entityId: meetingId,
      entityVersion: change.version,
      action: 'updated',
      summary: change.summary,
      before: change.before,
      after: change.after,
    });
}

/** A meeting's history, oldest first: scheduled, rescheduled (when to when, why), cancelled (why). */
export async function meetingHistory(tx: Tx, meetingId: string) {
  // Recorded once per person discussed: one entry per version of the meeting.
  const seen = new Set<string>();
  const changes = (await entityChanges(tx, meetingId, 'meetings')).filter((c) => {
    const key = `${c.entityVersion} ${c.action}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const users = await usersByIds(
    tx,
    changes.map((c) => c.userId),
  );
  return changes.map((c) => ({
    at: c.at.toISOString(),
    by: users.get(c.userId)?.displayName ?? '',
    summary: c.summary,
  }));
}

/** Only a scheduled meeting can be moved or cancelled. */
function requireScheduled(meeting: MeetingRow, field: string, doing: string): void {
  if (meeting.status === 'cancelled')
    throw new ValidationError({ [field]: `This meeting was cancelled, so it cannot be ${doing}` });
  if (meeting.status === 'closed')
    throw new ValidationError({ [field]: `This meeting has closed, so it cannot be ${doing}` });
}

/** Moves a scheduled meeting to a new day or time (not in the past), with why; the invitees are told. */
export async function rescheduleMeeting(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  input: RescheduleMeetingInput,
) {
  authorize(ctx.actor, 'meeting.manage');
  const form = parseInput(RescheduleMeetingInput, input);
  const startsAt = londonInstant(form.date, form.time);
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    requireScheduled(meeting, 'date', 'rescheduled');
    const errors: FieldErrors = {};
    if (compareDates(form.date, ctx.today) < 0) errors.date = 'The new date must be today or in the future';
    else if (startsAt.getTime() === new Date(meeting.starts_at).getTime())
      errors.date = 'Enter a date or time different from the meeting’s current one';
    if (Object.keys(errors).length) throw new ValidationError(errors);
    await requireVersion(tx, meeting, form.version);
    const updated = await tx
      .updateTable('meetings')
      .set({ starts_at: startsAt, version: meeting.version + 1 })
      .where('id', '=', meetingId)
      .where('version', '=', meeting.version)
      .where('status', '=', 'scheduled')
      .returning('version')
      .executeTakeFirst();
    if (!updated)
      throw new ConflictError('Someone else changed this meeting first. Reload it and try again.');
    const was = meetingName(meeting);
    const now = `${formatDateLong(form.date)} at ${londonTime(startsAt)}`;
    const nominalIds = await peopleOf(tx, meetingId);
    await recordOnTimelines(tx, ctx, meetingId, nominalIds, {
      version: updated.version,
      summary: `${was} moved to ${now}: ${form.reason}`,
      before: { startsAt: new Date(meeting.starts_at).toISOString() },
      after: { startsAt: startsAt.toISOString(), reason: form.reason },
    });
    const notified = await notify(tx, ctx, {
      userIds: await invitees(tx, ctx, meeting, nominalIds),
      nominalId: nominalIds.length === 1 ? nominalIds[0]! : null,
      subject: `MAPPA meeting moved: the ${was} is now on ${now}`,
      body: `The Level ${meeting.level} MAPPA meeting you were invited to has been moved to ${now}. Reason: ${form.reason}`,
      link: `/meetings/${meetingId}`,
    });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'meeting',
      recordIds: [meetingId],
      section: 'meeting rescheduled',
      purpose: form.reason,
    });
    return {
      id: meetingId,
      startsAt: startsAt.toISOString(),
      day: form.date,
      time: londonTime(startsAt),
      version: updated.version,
      notified: notified.length,
    };
  });
}

/**
 * Cancels a scheduled meeting, with why; the invitees are told. The referrals it took up await a
 * meeting again, and the duty-to-co-operate agencies invited lose the sight of the record the
 * invitation gave them (from today).
 */
export async function cancelMeeting(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  input: CancelMeetingInput,
) {
  authorize(ctx.actor, 'meeting.manage');
  const form = parseInput(CancelMeetingInput, input);
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    requireScheduled(meeting, 'reason', 'cancelled');
    await requireVersion(tx, meeting, form.version);
    const updated = await tx
      .updateTable('meetings')
      .set({ status: 'cancelled', version: meeting.version + 1 })
      .where('id', '=', meetingId)
      .where('version', '=', meeting.version)
      .where('status', '=', 'scheduled')
      .returning('version')
      .executeTakeFirst();
    if (!updated)
      throw new ConflictError('Someone else changed this meeting first. Reload it and try again.');
    const name = meetingName(meeting);
    const nominalIds = await peopleOf(tx, meetingId);
    await recordOnTimelines(tx, ctx, meetingId, nominalIds, {
      version: updated.version,
      summary: `${name} cancelled: ${form.reason}`,
      before: { status: 'scheduled' },
      after: { status: 'cancelled', reason: form.reason },
    });
    await endInvolvementsFrom(tx, { reason: 'meeting_invitation', sourceId: meetingId }, ctx.today);
    const notified = await notify(tx, ctx, {
      userIds: await invitees(tx, ctx, meeting, nominalIds),
      nominalId: nominalIds.length === 1 ? nominalIds[0]! : null,
      subject: `MAPPA meeting cancelled: the ${name}`,
      body: `The Level ${meeting.level} MAPPA meeting you were invited to has been cancelled. Reason: ${form.reason}`,
      link: `/meetings/${meetingId}`,
    });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'meeting',
      recordIds: [meetingId],
      section: 'meeting cancelled',
      purpose: form.reason,
    });
    return {
      id: meetingId,
      status: 'cancelled' as const,
      version: updated.version,
      notified: notified.length,
    };
  });
}

/** One attendance entry, to confirm its removal: whose, for which agency. */
export async function attendanceEntry(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  id: string,
) {
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    return { meeting, entry: await findEntry(tx, meetingId, id) };
  });
}

async function findEntry(tx: Tx, meetingId: string, id: string) {
  const row = await tx
    .selectFrom('meeting_attendance')
    .select(['id', 'agency_id', 'person_name', 'attendance', 'substitute_for'])
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  const agency = (await agenciesByIds(tx, [row.agency_id])).get(row.agency_id);
  return {
    id: row.id,
    agencyName: agency?.name ?? '',
    personName: row.person_name,
    attendanceLabel: labelOf(ATTENDANCE, row.attendance),
  };
}

/**
 * Removes an attendance entry made in error (the wrong agency, a name mistyped), before the meeting
 * closes: what was removed and why go in the access log (DPA 2018 s.62), in the same transaction.
 */
export async function removeAttendance(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  attendanceId: string,
  input: RemoveAttendanceInput,
) {
  authorize(ctx.actor, 'meeting.manage');
  const { reason } = parseInput(RemoveAttendanceInput, input);
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    if (meeting.status !== 'scheduled')
      throw new ValidationError({
        reason:
          meeting.status === 'closed'
            ? 'The meeting has closed: its attendance can no longer be changed'
            : 'This meeting was cancelled',
      });
    const entry = await findEntry(tx, meetingId, attendanceId);
    await tx
      .deleteFrom('meeting_attendance')
      .where('id', '=', attendanceId)
      .where('meeting_id', '=', meetingId)
      .execute();
    await logAccess(tx, ctx, {
      operation: 'erasure',
      recordType: 'meeting',
      recordIds: [meetingId],
      section: `attendance entry removed: ${entry.personName} (${entry.agencyName}), ${entry.attendanceLabel}`,
      purpose: reason,
    });
    return { removed: true as const };
  });
}
