import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize } from '../../../access/policy.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Db, Tx } from '../../../db/database.ts';
import { agencyAttended, attendanceRate, type AttendanceRate } from '../../../domain/agenda.ts';
import { ATTENDANCE, isResponsibleAuthority, labelOf, type AgencyType } from '../../../domain/codes.ts';
import { compareDates } from '../../../domain/dates.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { agenciesByIds } from '../../reference/index.ts';
import { meetingDay } from '../london-time.ts';
import { AttendanceInput } from '../schemas.ts';
import { loadMeeting } from './scope.ts';

/** Attendance at meetings (MAPPA E): who came for each invited agency, and the rates. */

export const isRa = (type: string) => isResponsibleAuthority(type as AgencyType);
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');

/** A meeting's invited agencies (the standing panel first) with who came for each, and the rates. */
export async function attendanceOf(tx: Tx | Db, meetingId: string) {
  const invitations = await tx
    .selectFrom('meeting_invitations')
    .select(['agency_id as agencyId', 'standing'])
    .where('meeting_id', '=', meetingId)
    .execute();
  const records = await tx
    .selectFrom('meeting_attendance')
    .select([
      'id',
      'agency_id as agencyId',
      'person_name as personName',
      'attendance',
      'substitute_for as substituteFor',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('recorded_at')
    .execute();
  const names = await agenciesByIds(tx, [
    ...invitations.map((i) => i.agencyId),
    ...records.map((r) => r.agencyId),
  ]);
  const recorded = records.map((r) => ({
    id: r.id,
    agencyId: r.agencyId,
    agencyName: names.get(r.agencyId)?.name ?? '',
    personName: r.personName,
    attendance: r.attendance,
    substituteFor: r.substituteFor,
    attendanceLabel: labelOf(ATTENDANCE, r.attendance),
  }));
  const agencies = invitations
    .map((i) => ({
      agencyId: i.agencyId,
      name: names.get(i.agencyId)?.name ?? '',
      type: names.get(i.agencyId)?.type ?? '',
      standing: i.standing,
    }))
    .sort((a, b) => Number(b.standing) - Number(a.standing) || byName(a, b))
    .map((i) => {
      const own = recorded.filter((r) => r.agencyId === i.agencyId);
      return { ...i, responsibleAuthority: isRa(i.type), attended: agencyAttended(own), records: own };
    });
  const ra = agencies.filter((a) => a.responsibleAuthority);
  const dtc = agencies.filter((a) => !a.responsibleAuthority);
  return {
    agencies,
    records: recorded,
    rate: {
      responsibleAuthority: attendanceRate(ra.length, ra.filter((a) => a.attended).length),
      dutyToCooperate: attendanceRate(dtc.length, dtc.filter((a) => a.attended).length),
    },
  };
}

/** Records who came for an invited agency, or its apologies, substitute or absence. */
export async function recordAttendance(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  input: AttendanceInput,
) {
  authorize(ctx.actor, 'meeting.manage');
  const { agencyId, personName, attendance, substituteFor } = parseInput(AttendanceInput, input);
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    if (meeting.status === 'cancelled') throw new ValidationError({ agencyId: 'This meeting was cancelled' });
    const invitation = await tx
      .selectFrom('meeting_invitations')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (!invitation) throw new ValidationError({ agencyId: 'Select an agency invited to this meeting' });
    const row = await tx
      .insertInto('meeting_attendance')
      .values({
        recorded_at: ctx.now,
        meeting_id: meetingId,
        agency_id: agencyId,
        person_name: personName,
        attendance,
        substitute_for: attendance === 'substitute' ? (substituteFor ?? null) : null,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'meeting',
      recordIds: [meetingId],
      section: 'attendance',
    });
    return { id: row.id };
  });
}

/**
 * Attendance across an area's meetings between two dates (inclusive, by meeting day): agencies
 * invited and agencies that attended, Responsible Authority and duty-to-co-operate separately.
 * Counts only; the caller (oversight) authorizes.
 */
export async function attendanceSummary(
  db: Db | Tx,
  areaCode: string,
  fromDate: string,
  toDate: string,
): Promise<{ meetings: number; responsibleAuthority: AttendanceRate; dutyToCooperate: AttendanceRate }> {
  const meetings = await db
    .selectFrom('meetings')
    .select(['id', 'starts_at'])
    .where('area_code', '=', areaCode)
    .where('status', '!=', 'cancelled')
    // A day either side, then exactly by the London day.
    .where('starts_at', '>=', new Date(Date.parse(`${fromDate}T00:00:00Z`) - 86_400_000))
    .where('starts_at', '<', new Date(Date.parse(`${toDate}T00:00:00Z`) + 2 * 86_400_000))
    .execute();
  const inRange = meetings.filter((m) => {
    const day = meetingDay(m.starts_at);
    return compareDates(day, fromDate) >= 0 && compareDates(day, toDate) <= 0;
  });
  // Two queries for the whole period (not two per meeting): the national figure spans 42 areas;
  // the agencies' types from their owner, once each.
  const ids = inRange.map((m) => m.id);
  const invitations = ids.length
    ? await db
        .selectFrom('meeting_invitations')
        .select(['meeting_id as meetingId', 'agency_id as agencyId'])
        .where('meeting_id', 'in', ids)
        .execute()
    : [];
  const records = ids.length
    ? await db
        .selectFrom('meeting_attendance')
        .select(['meeting_id as meetingId', 'agency_id as agencyId', 'attendance'])
        .where('meeting_id', 'in', ids)
        .execute()
    : [];
  const agencies = await agenciesByIds(
    db,
    invitations.map((i) => i.agencyId),
  );
  const recorded = new Map<string, { attendance: string }[]>();
  for (const r of records) {
    const key = `${r.meetingId} ${r.agencyId}`;
    recorded.set(key, [...(recorded.get(key) ?? []), r]);
  }
  const counts = { ra: { invited: 0, attended: 0 }, dtc: { invited: 0, attended: 0 } };
  for (const i of invitations) {
    const kind = isRa(agencies.get(i.agencyId)?.type ?? '') ? counts.ra : counts.dtc;
    kind.invited++;
    if (agencyAttended(recorded.get(`${i.meetingId} ${i.agencyId}`) ?? [])) kind.attended++;
  }
  return {
    meetings: inRange.length,
    responsibleAuthority: attendanceRate(counts.ra.invited, counts.ra.attended),
    dutyToCooperate: attendanceRate(counts.dtc.invited, counts.dtc.attended),
  };
}
