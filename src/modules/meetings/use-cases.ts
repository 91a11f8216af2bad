import { sql, type ExpressionBuilder } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, reachOf, SHAREABLE_SECTIONS, type Action } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Db, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import {
  agencyAttended,
  approvalErrors,
  attendanceRate,
  readMinutesContent,
  keepVictimItems,
  withholdVictimItems,
  validateMinutesInput,
  type AttendanceRate,
  type MinutesContent,
} from '../../domain/agenda.ts';
import { ATTENDANCE, isResponsibleAuthority, labelOf, type AgencyType } from '../../domain/codes.ts';
import { compareDates, formatDateLong, londonDateAt, parseIsoDate } from '../../domain/dates.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type FieldErrors,
} from '../../domain/errors.ts';
import { addActionUpdate, createAction, distributeMeetingActions } from '../actions/index.ts';
import { recordLevelDecision, standingPanel, type LevelDecisionForm } from '../levels/index.ts';
import { recordChange, loadInScope } from '../nominals/index.ts';
import { isUuid } from '../../validation/fields.ts';
import { notify } from '../notifications/index.ts';
import { activeUsersWithRole } from '../users/index.ts';

/**
 * Level 2 and 3 meetings (MAPPA.md §3 step 5): scheduling with invitations to the standing panel
 * and the agencies chosen for the case, attendance (MAPPA E), minutes per person (MAPPA B) with
 * their approval and corrections, and closing the meeting, which sends each action owner their
 * actions at once. The agenda itself is assembled in `agenda.ts`.
 */

// --- Filters used more than once ----------------------------------------------------------------

/** Referrals `r` accepted and not yet taken to a meeting. */
function awaitingAMeeting(eb: ExpressionBuilder<Schema & { r: Schema['referrals'] }, 'r'>) {
  return eb.and([
    eb('r.status', '=', 'accepted'),
    eb.not(
      eb.exists(
        eb
          .selectFrom('meeting_nominals as mn')
          .select('mn.nominal_id')
          .whereRef('mn.referral_id', '=', 'r.id'),
      ),
    ),
  ]);
}

/** Meetings `m` the agency is invited to. */
const invitedAgency =
  (agencyId: string) => (eb: ExpressionBuilder<Schema & { m: Schema['meetings'] }, 'm'>) =>
    eb.exists(
      eb
        .selectFrom('meeting_invitations as i')
        .select('i.id')
        .whereRef('i.meeting_id', '=', 'm.id')
        .where('i.agency_id', '=', agencyId),
    );

// --- Time of day in England and Wales ------------------------------------------------------------

function londonParts(epochMillis: number) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(epochMillis);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** The instant of a London wall-clock date and time (BST or GMT as it falls). */
export function londonInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const offsetAt = (ms: number) => {
    const p = londonParts(ms);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000;
  };
  let instant = wall - offsetAt(wall);
  const second = offsetAt(instant);
  if (wall - second !== instant) instant = wall - second;
  return new Date(instant);
}

/** 'HH:MM' in London at an instant. */
export function londonTime(instant: Date | string): string {
  const p = londonParts(new Date(instant).getTime());
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

export const meetingDay = (startsAt: Date | string) => londonDateAt(new Date(startsAt).getTime());

// --- Loading a meeting within the actor's scope ---------------------------------------------------

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

/**
 * A meeting the actor may see: one in their own area, or (for a duty-to-co-operate agency) one
 * their agency is invited to. Anything else is "not found", like a record out of scope.
 */
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
  const areas = ctx.actor.tokenScope?.areaCodes;
  if (areas && !areas.includes(meeting.area_code)) throw new NotFoundError();
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

async function requireMeetingNominal(tx: Tx, meetingId: string, nominalId: string) {
  if (!isUuid(nominalId)) throw new NotFoundError();
  const row = await tx
    .selectFrom('meeting_nominals as mn')
    .innerJoin('nominals as n', 'n.id', 'mn.nominal_id')
    .select(['n.id', 'n.forename', 'n.surname', 'n.vigil_ref'])
    .where('mn.meeting_id', '=', meetingId)
    .where('mn.nominal_id', '=', nominalId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return { id: row.id, name: `${row.forename} ${row.surname}`, vigilRef: row.vigil_ref };
}

const isRa = (type: string) => isResponsibleAuthority(type as AgencyType);

// --- Listing meetings -----------------------------------------------------------------------------

/** The area's meetings, upcoming first then past; an invited agency sees only its invitations. */
export async function listMeetings(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'meeting.view');
  const reach = reachOf(ctx.actor, 'meeting.view');
  return database.transaction(async (tx) => {
    let query = tx
      .selectFrom('meetings as m')
      .leftJoin('users as c', 'c.id', 'm.chair_user_id')
      .select([
        'm.id',
        'm.level',
        'm.starts_at',
        'm.format',
        'm.status',
        'c.display_name as chairName',
        (eb) =>
          eb
            .selectFrom('meeting_nominals as mn')
            .innerJoin('nominals as n', 'n.id', 'mn.nominal_id')
            .select(
              sql<string>`string_agg(n.forename || ' ' || n.surname, ', ' ORDER BY mn.position)`.as('names'),
            )
            .whereRef('mn.meeting_id', '=', 'm.id')
            .as('people'),
      ]);
    if (reach === 'area' || reach === 'yes') query = query.where('m.area_code', '=', ctx.actor.areaCode);
    else query = query.where(invitedAgency(ctx.actor.agencyId));
    const areas = ctx.actor.tokenScope?.areaCodes;
    if (areas) query = query.where('m.area_code', 'in', areas.length ? areas : ['']);
    const rows = await query.orderBy('m.starts_at', 'asc').limit(500).execute();
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
      chairName: r.chairName,
      people: r.people ?? '',
    }));
    return {
      upcoming: meetings.filter((m) => m.status === 'scheduled' && compareDates(m.day, ctx.today) >= 0),
      past: meetings
        .filter((m) => !(m.status === 'scheduled' && compareDates(m.day, ctx.today) >= 0))
        .reverse(),
    };
  });
}

// --- Scheduling -------------------------------------------------------------------------------------

/** What the scheduling form offers: chairs, the area's agencies, its standing panel and referrals awaiting a meeting. */
export async function schedulingOptions(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'meeting.manage');
  const areaCode = ctx.actor.areaCode;
  return database.transaction(async (tx) => {
    const chairs = (await activeUsersWithRole(tx, 'meeting_chair', { areaCode })).map(({ id, name }) => ({
      id,
      name,
    }));
    const agencies = await tx
      .selectFrom('agencies')
      .select(['id', 'name', 'type'])
      .where('area_code', '=', areaCode)
      .orderBy('name')
      .execute();
    const awaiting = await tx
      .selectFrom('referrals as r')
      .innerJoin('nominals as n', 'n.id', 'r.nominal_id')
      .leftJoin('referral_decisions as d', 'd.referral_id', 'r.id')
      .select([
        'r.id as referralId',
        'n.id as nominalId',
        'n.forename',
        'n.surname',
        'n.vigil_ref',
        'd.level',
      ])
      .where('r.area_code', '=', areaCode)
      .where(awaitingAMeeting)
      .orderBy('r.submitted_at')
      .execute();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [...new Set(awaiting.map((a) => a.nominalId))],
      section: 'referrals awaiting a meeting',
    });
    return {
      chairs,
      agencies: agencies.map((a) => ({ ...a, responsibleAuthority: isRa(a.type) })),
      standingPanel: await standingPanel(tx, areaCode),
      awaiting: awaiting.map((a) => ({
        referralId: a.referralId,
        nominalId: a.nominalId,
        name: `${a.forename} ${a.surname}`,
        vigilRef: a.vigil_ref,
        level: a.level,
      })),
    };
  });
}

export interface ScheduleMeetingInput {
  level?: unknown;
  date?: unknown;
  time?: unknown;
  format?: unknown;
  location?: unknown;
  onlineLink?: unknown;
  chairUserId?: unknown;
  /** Nominal ids picked from the referrals awaiting a meeting. */
  nominalIds?: unknown;
  /** Vigil references typed in, one per line or comma-separated. */
  vigilRefs?: unknown;
  agencyIds?: unknown;
}

const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v
        .filter((x) => typeof x === 'string')
        .map((x) => (x as string).trim())
        .filter(Boolean)
    : typeof v === 'string' && v.trim()
      ? [v.trim()]
      : [];
const refs = (v: unknown): string[] =>
  list(v)
    .flatMap((s) => s.split(/[\s,]+/))
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Schedules a meeting for one or more people. The standing panel is invited automatically;
 * invited duty-to-co-operate agencies are given sight of each person's shareable sections so their
 * representatives can prepare; their representatives, the people's managers and the chair find the
 * invitation in their inbox.
 */
export async function scheduleMeeting(database: Database, ctx: UseCaseContext, input: ScheduleMeetingInput) {
  authorize(ctx.actor, 'meeting.manage');
  const errors: FieldErrors = {};
  const level = Number(input.level);
  if (![2, 3].includes(level)) errors.level = 'Select Level 2 or Level 3';
  const date = parseIsoDate(str(input.date), 'Date of the meeting');
  if (!date.ok) errors.date = date.error;
  const time = str(input.time);
  const timeMatch = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!timeMatch) errors.time = 'Enter the time of the meeting in the 24-hour clock, like 14:30';
  const format = input.format === 'in_person' || input.format === 'online' ? input.format : null;
  if (!format) errors.format = 'Select whether the meeting is in person or online';
  const location = str(input.location);
  const onlineLink = str(input.onlineLink);
  if (format === 'in_person' && !location) errors.location = 'Enter where the meeting is';
  if (location.length > 300) errors.location = 'Location must be 300 characters or fewer';
  if (format === 'online') {
    const valid = (() => {
      try {
        return new URL(onlineLink).protocol === 'https:' && onlineLink.length <= 1000;
      } catch {
        return false;
      }
    })();
    if (!onlineLink) errors.onlineLink = 'Enter the link to join the online meeting';
    else if (!valid) errors.onlineLink = 'Enter a link that starts with https://';
  }
  const chairUserId = str(input.chairUserId) || null;
  if (chairUserId && !isUuid(chairUserId)) errors.chairUserId = 'Select the chair';
  const nominalIds = list(input.nominalIds);
  const vigilRefs = refs(input.vigilRefs);
  const agencyIds = list(input.agencyIds);
  if (nominalIds.some((id) => !isUuid(id))) errors.nominalIds = 'Select the people to discuss';
  if (!nominalIds.length && !vigilRefs.length)
    errors.nominalIds = 'Select at least one person to discuss, or enter their Vigil reference';
  if (agencyIds.some((id) => !isUuid(id))) errors.agencyIds = 'Select the agencies to invite';
  if (vigilRefs.some((r) => r.length > 20)) errors.vigilRefs = 'Enter Vigil references like VG-0000-0000';
  if (Object.keys(errors).length) throw new ValidationError(errors);

  const areaCode = ctx.actor.areaCode;
  const day = (date as { value: string }).value;
  const startsAt = londonInstant(day, `${timeMatch![1]}:${timeMatch![2]}`);
  return database.transaction(async (tx) => {
    if (chairUserId) {
      const chairs = await activeUsersWithRole(tx, 'meeting_chair', { areaCode });
      if (!chairs.some((c) => c.id === chairUserId))
        errors.chairUserId = 'Select a meeting chair in your area';
    }
    // The people: by id, or by Vigil reference; each must be in the scheduler's scope.
    const byRef = vigilRefs.length
      ? await tx
          .selectFrom('nominals')
          .select(['id', 'vigil_ref'])
          .where('vigil_ref', 'in', vigilRefs)
          .execute()
      : [];
    const unknownRefs = vigilRefs.filter((r) => !byRef.some((n) => n.vigil_ref === r));
    const ids = [...new Set([...nominalIds, ...byRef.map((n) => n.id)])];
    const inScope: string[] = [];
    for (const id of ids) {
      try {
        await loadInScope(tx, ctx, id, 'nominal.view');
        inScope.push(id);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    if (unknownRefs.length)
      errors.vigilRefs = `No record you can see has the Vigil reference ${unknownRefs.join(', ')}`;
    else if (inScope.length < ids.length)
      errors[vigilRefs.length ? 'vigilRefs' : 'nominalIds'] =
        'One or more of these people is not a record you can see';
    const chosen = agencyIds.length
      ? await tx.selectFrom('agencies').select(['id', 'name', 'type']).where('id', 'in', agencyIds).execute()
      : [];
    if (chosen.length < new Set(agencyIds).size) errors.agencyIds = 'Select the agencies to invite';
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const meeting = await tx
      .insertInto('meetings')
      .values({
        created_at: ctx.now,
        area_code: areaCode,
        level,
        starts_at: startsAt,
        format: format!,
        location: location || null,
        online_link: format === 'online' ? onlineLink : null,
        chair_user_id: chairUserId,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let position = 0;
    for (const nominalId of inScope) {
      const referral = await tx
        .selectFrom('referrals as r')
        .select('r.id')
        .where('r.nominal_id', '=', nominalId)
        .where(awaitingAMeeting)
        .orderBy('r.submitted_at', 'desc')
        .executeTakeFirst();
      await tx
        .insertInto('meeting_nominals')
        .values({
          meeting_id: meeting.id,
          nominal_id: nominalId,
          referral_id: referral?.id ?? null,
          position: position++,
        })
        .execute();
    }
    // Invitations: the standing panel, then the agencies chosen for the case.
    const panel = await standingPanel(tx, areaCode);
    const invited = new Map<string, { id: string; name: string; type: string; standing: boolean }>();
    for (const a of panel)
      invited.set(a.agencyId, { id: a.agencyId, name: a.name, type: a.type, standing: true });
    for (const a of chosen) if (!invited.has(a.id)) invited.set(a.id, { ...a, standing: false });
    if (invited.size)
      await tx
        .insertInto('meeting_invitations')
        .values(
          [...invited.values()].map((a) => ({
            invited_at: ctx.now,
            meeting_id: meeting.id,
            agency_id: a.id,
            standing: a.standing,
            invited_by: ctx.actor.userId,
          })),
        )
        .execute();
    // Duty-to-co-operate agencies see the shareable sections from now (or the meeting day, if earlier).
    const fromDate = compareDates(day, ctx.today) < 0 ? day : ctx.today;
    const dtc = [...invited.values()].filter((a) => !isRa(a.type));
    for (const nominalId of inScope) {
      if (dtc.length)
        await tx
          .insertInto('agency_involvements')
          .values(
            dtc.map((a) => ({
              nominal_id: nominalId,
              agency_id: a.id,
              reason: 'meeting_invitation' as const,
              source_id: meeting.id,
              sections: [...SHAREABLE_SECTIONS],
              from_date: fromDate,
              created_by: ctx.actor.userId,
              created_at: ctx.now,
            })),
          )
          .execute();
      await recordChange(tx, ctx, {
        nominalId,
        section: 'meetings',
        entityId: meeting.id,
        entityVersion: 1,
        action: 'created',
        summary: `Level ${level} meeting scheduled for ${formatDateLong(day)}`,
        before: null,
        after: { level, startsAt: startsAt.toISOString(), format },
      });
    }
    // Not every user of a police force: the people's named managers, the invited duty-to-co-operate
    // agencies' representatives, and the chair.
    const managers = inScope.length
      ? await tx
          .selectFrom('nominal_managers')
          .select('user_id as id')
          .where('nominal_id', 'in', inScope)
          .where('user_id', 'is not', null)
          .where('from_date', '<=', ctx.today)
          .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', ctx.today)]))
          .execute()
      : [];
    const representatives = await activeUsersWithRole(tx, 'dtc_representative', {
      agencyIds: dtc.map((a) => a.id),
    });
    await notify(tx, ctx, {
      userIds: [
        ...[...managers, ...representatives].flatMap((u) => (u.id ? [u.id] : [])),
        ...(chairUserId ? [chairUserId] : []),
      ],
      nominalId: inScope.length === 1 ? inScope[0]! : null,
      subject: `Invitation to a Level ${level} MAPPA meeting on ${formatDateLong(day)} at ${londonTime(startsAt)}`,
      body:
        `Your agency is invited to a Level ${level} MAPPA meeting about ${inScope.length} ${inScope.length === 1 ? 'person' : 'people'}, ` +
        (format === 'online' ? 'online.' : `at ${location}.`) +
        ' The meeting page has the agenda for each person.',
      link: `/meetings/${meeting.id}`,
    });
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: inScope,
      section: `meeting ${meeting.id} scheduled`,
      recipients: [...invited.values()].map((a) => a.name),
    });
    return { id: meeting.id, invited: invited.size, nominals: inScope.length };
  });
}

// --- The meeting ------------------------------------------------------------------------------------

async function attendanceOf(tx: Tx | Db, meetingId: string) {
  const invitations = await tx
    .selectFrom('meeting_invitations as i')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .select(['a.id as agencyId', 'a.name', 'a.type', 'i.standing'])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.standing', 'desc')
    .orderBy('a.name')
    .execute();
  const records = await tx
    .selectFrom('meeting_attendance as t')
    .innerJoin('agencies as a', 'a.id', 't.agency_id')
    .select([
      't.id',
      't.agency_id as agencyId',
      'a.name as agencyName',
      't.person_name as personName',
      't.attendance',
      't.substitute_for as substituteFor',
    ])
    .where('t.meeting_id', '=', meetingId)
    .orderBy('t.recorded_at')
    .execute();
  const agencies = invitations.map((i) => {
    const own = records.filter((r) => r.agencyId === i.agencyId);
    return {
      ...i,
      responsibleAuthority: isRa(i.type),
      attended: agencyAttended(own),
      records: own.map((r) => ({ ...r, attendanceLabel: labelOf(ATTENDANCE, r.attendance) })),
    };
  });
  const ra = agencies.filter((a) => a.responsibleAuthority);
  const dtc = agencies.filter((a) => !a.responsibleAuthority);
  return {
    agencies,
    records: records.map((r) => ({ ...r, attendanceLabel: labelOf(ATTENDANCE, r.attendance) })),
    rate: {
      responsibleAuthority: attendanceRate(ra.length, ra.filter((a) => a.attended).length),
      dutyToCooperate: attendanceRate(dtc.length, dtc.filter((a) => a.attended).length),
    },
  };
}

/** The chair's name, when the meeting has one. */
async function chairNameOf(tx: Tx, chairUserId: string | null): Promise<string | null> {
  if (!chairUserId) return null;
  const chair = await tx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', chairUserId)
    .executeTakeFirst();
  return chair?.display_name ?? null;
}

/** A meeting: details, invitations and attendance, and the people discussed with where their minutes stand. */
export async function getMeeting(database: Database, ctx: UseCaseContext, meetingId: string) {
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.view');
    const chairName = await chairNameOf(tx, meeting.chair_user_id);
    const nominals = await tx
      .selectFrom('meeting_nominals as mn')
      .innerJoin('nominals as n', 'n.id', 'mn.nominal_id')
      .select([
        'n.id',
        'n.forename',
        'n.surname',
        'n.vigil_ref',
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
    const attendance = await attendanceOf(tx, meetingId);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: nominals.map((n) => n.id),
      section: `meeting ${meetingId}`,
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
      nominals: nominals.map((n) => {
        const [status, version] = (n.minutesState ?? '').split(':');
        return {
          id: n.id,
          name: `${n.forename} ${n.surname}`,
          vigilRef: n.vigil_ref,
          minutes: status ? { status, version: Number(version) } : null,
        };
      }),
      invitations: attendance.agencies,
      attendance: attendance.records,
      attendanceRate: attendance.rate,
    };
  });
}

// --- Attendance (MAPPA E) ------------------------------------------------------------------------

/** Records who came for an invited agency, or its apologies, substitute or absence. */
export async function recordAttendance(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  input: { agencyId?: unknown; personName?: unknown; attendance?: unknown; substituteFor?: unknown },
) {
  authorize(ctx.actor, 'meeting.manage');
  const errors: FieldErrors = {};
  const agencyId = str(input.agencyId);
  if (!isUuid(agencyId)) errors.agencyId = 'Select the agency';
  const personName = str(input.personName);
  if (!personName) errors.personName = 'Enter the name of the person';
  else if (personName.length > 200) errors.personName = 'Name must be 200 characters or fewer';
  const attendance = ATTENDANCE.find((a) => a.code === input.attendance)?.code;
  if (!attendance) errors.attendance = 'Select whether they attended';
  const substituteFor = str(input.substituteFor);
  if (attendance === 'substitute' && !substituteFor) errors.substituteFor = 'Enter who they attended for';
  if (substituteFor.length > 200) errors.substituteFor = 'Name must be 200 characters or fewer';
  if (Object.keys(errors).length) throw new ValidationError(errors);
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
        attendance: attendance!,
        substitute_for: attendance === 'substitute' ? substituteFor : null,
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
  let raInvited = 0;
  let raAttended = 0;
  let dtcInvited = 0;
  let dtcAttended = 0;
  // Two queries for the whole period (not two per meeting): the national figure spans 42 areas.
  const ids = inRange.map((m) => m.id);
  const invitations = ids.length
    ? await db
        .selectFrom('meeting_invitations as i')
        .innerJoin('agencies as a', 'a.id', 'i.agency_id')
        .select(['i.meeting_id as meetingId', 'i.agency_id as agencyId', 'a.type'])
        .where('i.meeting_id', 'in', ids)
        .execute()
    : [];
  const records = ids.length
    ? await db
        .selectFrom('meeting_attendance')
        .select(['meeting_id as meetingId', 'agency_id as agencyId', 'attendance'])
        .where('meeting_id', 'in', ids)
        .execute()
    : [];
  const recorded = new Map<string, { attendance: string }[]>();
  for (const r of records) {
    const key = `${r.meetingId} ${r.agencyId}`;
    recorded.set(key, [...(recorded.get(key) ?? []), r]);
  }
  for (const i of invitations) {
    const attended = agencyAttended(recorded.get(`${i.meetingId} ${i.agencyId}`) ?? []);
    if (isRa(i.type)) {
      raInvited++;
      if (attended) raAttended++;
    } else {
      dtcInvited++;
      if (attended) dtcAttended++;
    }
  }
  return {
    meetings: inRange.length,
    responsibleAuthority: attendanceRate(raInvited, raAttended),
    dutyToCooperate: attendanceRate(dtcInvited, dtcAttended),
  };
}

// --- Closing ------------------------------------------------------------------------------------

/**
 * Closes the meeting and, in the same transaction, sends each action owner their new actions, so
 * nobody waits for the minutes to be finished. Closing an already closed meeting changes nothing.
 */
export async function closeMeeting(database: Database, ctx: UseCaseContext, meetingId: string) {
  authorize(ctx.actor, 'meeting.manage');
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    if (meeting.status === 'closed') return { closed: true, alreadyClosed: true, ownersNotified: 0 };
    if (meeting.status === 'cancelled')
      throw new ValidationError({ meeting: 'This meeting was cancelled, so it cannot be closed' });
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
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'meeting',
      recordIds: [meetingId],
      section: 'meeting closed',
    });
    return { closed: true, alreadyClosed: false, ownersNotified };
  });
}

// --- Minutes (MAPPA B) ------------------------------------------------------------------------------

/** Approved minutes are locked: a change is a correction, a new version. */
export class MinutesLockedError extends ConflictError {}

export const LOCKED_MESSAGE =
  'These minutes have been approved and are locked. To change them, start a correction: it becomes a new version, and the approved version stays until the correction is approved.';

type MinutesRow = {
  id: string;
  version: number;
  status: 'draft' | 'approved' | 'superseded';
  content: unknown;
  correction_reason: string | null;
  updated_at: Date | string;
  updated_by: string;
  approved_at: Date | string | null;
  approved_by: string | null;
  row_version: number;
};

async function minutesVersions(tx: Tx, meetingId: string, nominalId: string) {
  return (await tx
    .selectFrom('minutes as m')
    .innerJoin('users as u', 'u.id', 'm.updated_by')
    .leftJoin('users as a', 'a.id', 'm.approved_by')
    .select([
      'm.id',
      'm.version',
      'm.status',
      'm.content',
      'm.correction_reason',
      'm.updated_at',
      'm.updated_by',
      'm.approved_at',
      'm.approved_by',
      'm.row_version',
      'u.display_name as updatedByName',
      'a.display_name as approvedByName',
    ])
    .where('m.meeting_id', '=', meetingId)
    .where('m.nominal_id', '=', nominalId)
    .orderBy('m.version', 'desc')
    .execute()) as (MinutesRow & { updatedByName: string; approvedByName: string | null })[];
}

/** Everything the minutes of one person at one meeting hold, for the page, the document and the API. */
export async function getMinutes(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  version?: number,
) {
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.view');
    const person = await requireMeetingNominal(tx, meetingId, nominalId);
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const versions = await minutesVersions(tx, meetingId, nominalId);
    const shown = version ? versions.find((v) => v.version === version) : versions[0];
    if (version && !shown) throw new NotFoundError();
    const chairName = await chairNameOf(tx, meeting.chair_user_id);
    const newActions = await tx
      .selectFrom('actions as a')
      .innerJoin('agencies as g', 'g.id', 'a.owner_agency_id')
      .leftJoin('users as u', 'u.id', 'a.owner_user_id')
      .select([
        'a.id',
        'a.description',
        'a.pillar',
        'a.safeguarding',
        'a.due_on as dueOn',
        'a.status',
        'a.distributed_at as distributedAt',
        'g.name as ownerAgency',
        sql<string>`coalesce(u.display_name, a.owner_name, '')`.as('ownerName'),
      ])
      .where('a.meeting_id', '=', meetingId)
      .where('a.nominal_id', '=', nominalId)
      .orderBy('a.created_at')
      .execute();
    const updates = await tx
      .selectFrom('action_updates as up')
      .innerJoin('actions as a', 'a.id', 'up.action_id')
      .innerJoin('agencies as g', 'g.id', 'a.owner_agency_id')
      .innerJoin('users as u', 'u.id', 'up.created_by')
      .select([
        'up.id',
        'a.id as actionId',
        'a.description',
        'g.name as ownerAgency',
        'up.note',
        'up.status',
        'up.created_at as createdAt',
        'u.display_name as by',
      ])
      .where('up.meeting_id', '=', meetingId)
      .where('a.nominal_id', '=', nominalId)
      .orderBy('up.created_at')
      .execute();
    // Earlier actions still open, which this meeting reviews.
    const earlierOpen = await tx
      .selectFrom('actions as a')
      .innerJoin('agencies as g', 'g.id', 'a.owner_agency_id')
      .leftJoin('users as u', 'u.id', 'a.owner_user_id')
      .select([
        'a.id',
        'a.description',
        'a.pillar',
        'a.due_on as dueOn',
        'a.status',
        'a.version',
        'g.name as ownerAgency',
        sql<string>`coalesce(u.display_name, a.owner_name, '')`.as('ownerName'),
      ])
      .where('a.nominal_id', '=', nominalId)
      .where((eb) => eb.or([eb('a.meeting_id', 'is', null), eb('a.meeting_id', '!=', meetingId)]))
      .where((eb) =>
        eb.or([
          eb('a.status', '=', 'open'),
          eb.exists(
            eb
              .selectFrom('action_updates as x')
              .select('x.id')
              .whereRef('x.action_id', '=', 'a.id')
              .where('x.meeting_id', '=', meetingId),
          ),
        ]),
      )
      .orderBy('a.due_on')
      .execute();
    const levelDecisions = scope.visible.section('levels')
      ? await tx
          .selectFrom('level_decisions as d')
          .innerJoin('users as u', 'u.id', 'd.decided_by')
          .select([
            'd.id',
            'd.level',
            'd.kind',
            'd.rationale',
            'd.decided_on as decidedOn',
            'd.override_reason as overrideReason',
            'd.continues_at_lower_level as continuesAtLowerLevel',
            'u.display_name as decidedBy',
          ])
          .where('d.meeting_id', '=', meetingId)
          .where('d.nominal_id', '=', nominalId)
          .orderBy('d.decided_at')
          .execute()
      : [];
    const plans = await tx
      .selectFrom('risk_management_plans')
      .select(['version', 'reason'])
      .where('meeting_id', '=', meetingId)
      .where('nominal_id', '=', nominalId)
      .orderBy('version')
      .execute();
    const attendance = await attendanceOf(tx, meetingId);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `minutes of meeting ${meetingId}`,
    });
    const presentVersion = (v: (typeof versions)[number]) => ({
      version: v.version,
      status: v.status,
      rowVersion: v.row_version,
      correctionReason: v.correction_reason,
      updatedAt: new Date(v.updated_at).toISOString(),
      updatedBy: v.updatedByName,
      approvedAt: v.approved_at ? new Date(v.approved_at).toISOString() : null,
      approvedBy: v.approvedByName,
    });
    return {
      meeting: {
        id: meeting.id,
        level: meeting.level,
        startsAt: new Date(meeting.starts_at).toISOString(),
        day: meetingDay(meeting.starts_at),
        time: londonTime(meeting.starts_at),
        status: meeting.status,
        chairUserId: meeting.chair_user_id,
        chairName,
      },
      person,
      versions: versions.map(presentVersion),
      minutes: shown
        ? {
            ...presentVersion(shown),
            content: scope.visible.victims
              ? readMinutesContent(shown.content)
              : withholdVictimItems(readMinutesContent(shown.content)),
          }
        : null,
      victimsWithheld: !scope.visible.victims,
      latestStatus: versions[0]?.status ?? null,
      newActions: newActions.map((a) => ({ ...a, dueOn: String(a.dueOn).slice(0, 10) })),
      earlierActions: earlierOpen.map((a) => ({ ...a, dueOn: String(a.dueOn).slice(0, 10) })),
      updates: updates.map((u) => ({ ...u, createdAt: new Date(u.createdAt).toISOString() })),
      levelDecisions: levelDecisions.map((d) => ({ ...d, decidedOn: String(d.decidedOn).slice(0, 10) })),
      planVersions: plans,
      attendance: attendance.records,
      invitations: attendance.agencies,
    };
  });
}

/** Whether the minutes may still be changed: refuses approved ones with the locked message. */
async function requireDraftable(tx: Tx, meetingId: string, nominalId: string) {
  const [latest] = await minutesVersions(tx, meetingId, nominalId);
  if (latest && latest.status !== 'draft') throw new MinutesLockedError(LOCKED_MESSAGE);
  return latest;
}

/**
 * Saves the minutes as typed (a draft). The first save creates version 1; later saves name the
 * row version they started from, and a stale one is refused with who saved in between.
 */
export async function saveMinutes(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  input: Record<string, unknown>,
) {
  authorize(ctx.actor, 'meeting.manage');
  const expected = input.rowVersion === undefined || input.rowVersion === '' ? 0 : Number(input.rowVersion);
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    await requireMeetingNominal(tx, meetingId, nominalId);
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const validated = validateMinutesInput(input, meetingDay(meeting.starts_at));
    const errors = validated.errors;
    if (!Number.isInteger(expected) || expected < 0) errors.rowVersion = 'Reload the minutes and try again';
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const latest = await requireDraftable(tx, meetingId, nominalId);
    const content = scope.visible.victims
      ? validated.content
      : keepVictimItems(validated.content, latest ? readMinutesContent(latest.content) : null);
    let saved: { version: number; rowVersion: number };
    if (!latest) {
      if (expected !== 0) throw await staleMinutes(tx, meetingId, nominalId);
      const row = await tx
        .insertInto('minutes')
        .values({
          updated_at: ctx.now,
          meeting_id: meetingId,
          nominal_id: nominalId,
          content: JSON.stringify(content),
          updated_by: ctx.actor.userId,
        })
        .onConflict((oc) => oc.columns(['meeting_id', 'nominal_id', 'version']).doNothing())
        .returning(['version', 'row_version'])
        .executeTakeFirst();
      if (!row) throw await staleMinutes(tx, meetingId, nominalId);
      saved = { version: row.version, rowVersion: row.row_version };
    } else {
      const row = await tx
        .updateTable('minutes')
        .set({
          content: JSON.stringify(content),
          updated_at: ctx.now,
          updated_by: ctx.actor.userId,
          row_version: latest.row_version + 1,
        })
        .where('id', '=', latest.id)
        .where('status', '=', 'draft')
        .where('row_version', '=', expected)
        .returning(['version', 'row_version'])
        .executeTakeFirst();
      if (!row) throw await staleMinutes(tx, meetingId, nominalId);
      saved = { version: row.version, rowVersion: row.row_version };
    }
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `minutes of meeting ${meetingId} (version ${saved.version})`,
    });
    return saved;
  });
}

async function staleMinutes(tx: Tx, meetingId: string, nominalId: string) {
  const [latest] = await minutesVersions(tx, meetingId, nominalId);
  if (latest && latest.status !== 'draft') return new MinutesLockedError(LOCKED_MESSAGE);
  return new ConflictError(
    latest
      ? `${latest.updatedByName} saved these minutes at ${new Date(latest.updated_at).toISOString()} after you opened them. Reload to see their changes, then make yours again.`
      : 'Someone else changed these minutes after you opened them. Reload and try again.',
    latest
      ? [
          {
            at: new Date(latest.updated_at).toISOString(),
            by: latest.updatedByName,
            summary: 'Minutes saved',
            fields: [],
          },
        ]
      : [],
  );
}

/**
 * The chair approves the minutes: only the meeting's chair (when one is set), and only once
 * disclosure has been considered with a reason. Approved minutes are locked; an earlier approved
 * version becomes superseded.
 */
export async function approveMinutes(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  input: { rowVersion?: unknown },
) {
  authorize(ctx.actor, 'minutes.approve');
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'minutes.approve');
    const person = await requireMeetingNominal(tx, meetingId, nominalId);
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    if (meeting.chair_user_id && meeting.chair_user_id !== ctx.actor.userId)
      throw new ForbiddenError('Only the chair of this meeting can approve its minutes');
    const [latest] = await minutesVersions(tx, meetingId, nominalId);
    if (!latest) throw new ValidationError({ minutes: 'There are no minutes to approve yet' });
    if (latest.status !== 'draft') throw new MinutesLockedError('These minutes are already approved');
    const expected = Number(input.rowVersion);
    if (!Number.isInteger(expected) || expected !== latest.row_version)
      throw await staleMinutes(tx, meetingId, nominalId);
    const errors = approvalErrors(readMinutesContent(latest.content));
    if (Object.keys(errors).length) throw new ValidationError(errors);
    await tx
      .updateTable('minutes')
      .set({ status: 'superseded' })
      .where('meeting_id', '=', meetingId)
      .where('nominal_id', '=', nominalId)
      .where('status', '=', 'approved')
      .execute();
    const approved = await tx
      .updateTable('minutes')
      .set({
        status: 'approved',
        approved_at: ctx.now,
        approved_by: ctx.actor.userId,
        row_version: latest.row_version + 1,
      })
      .where('id', '=', latest.id)
      .where('row_version', '=', expected)
      .returning(['version', 'row_version'])
      .executeTakeFirst();
    if (!approved) throw await staleMinutes(tx, meetingId, nominalId);
    await recordChange(tx, ctx, {
      nominalId,
      section: 'meetings',
      entityId: latest.id,
      entityVersion: approved.version,
      action: 'updated',
      summary: `Minutes of the Level ${meeting.level} meeting on ${formatDateLong(meetingDay(meeting.starts_at))} approved (version ${approved.version})`,
      before: { status: 'draft' },
      after: { status: 'approved', version: approved.version },
    });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'nominal',
      recordIds: [person.id],
      section: `minutes of meeting ${meetingId} approved (version ${approved.version})`,
    });
    return { version: approved.version, rowVersion: approved.row_version, status: 'approved' as const };
  });
}

/** Starts a correction of approved minutes: a new draft version with the reason; the approved one stays. */
export async function correctMinutes(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  input: { reason?: unknown },
) {
  authorize(ctx.actor, 'meeting.manage');
  const reason = str(input.reason);
  if (!reason) throw new ValidationError({ reason: 'Enter why the minutes need correcting' });
  if (reason.length > 2000) throw new ValidationError({ reason: 'Reason must be 2000 characters or fewer' });
  return database.transaction(async (tx) => {
    await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    await requireMeetingNominal(tx, meetingId, nominalId);
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const [latest] = await minutesVersions(tx, meetingId, nominalId);
    if (!latest || latest.status !== 'approved')
      throw new ValidationError({
        reason: latest
          ? 'A correction is already in progress: edit the draft version'
          : 'There are no approved minutes to correct',
      });
    const row = await tx
      .insertInto('minutes')
      .values({
        updated_at: ctx.now,
        meeting_id: meetingId,
        nominal_id: nominalId,
        version: latest.version + 1,
        content: JSON.stringify(readMinutesContent(latest.content)),
        correction_reason: reason,
        updated_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['meeting_id', 'nominal_id', 'version']).doNothing())
      .returning(['version', 'row_version'])
      .executeTakeFirst();
    if (!row) throw new ConflictError('Someone else started a correction first. Reload to see it.');
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `minutes of meeting ${meetingId}: correction started (version ${row.version})`,
    });
    return { version: row.version, rowVersion: row.row_version, status: 'draft' as const };
  });
}

// --- Actions and the level decision, from the minutes ---------------------------------------------

/** Who may own an action from this meeting: the invited agencies first, then the area's others, and their users. */
export async function actionFormOptions(database: Database, ctx: UseCaseContext, meetingId: string) {
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    const agencies = await tx
      .selectFrom('agencies as a')
      .leftJoin('meeting_invitations as i', (join) =>
        join.onRef('i.agency_id', '=', 'a.id').on('i.meeting_id', '=', meetingId),
      )
      .select(['a.id', 'a.name', 'i.id as invitationId'])
      .where((eb) => eb.or([eb('a.area_code', '=', meeting.area_code), eb('i.id', 'is not', null)]))
      .orderBy(sql`i.id IS NULL`)
      .orderBy('a.name')
      .execute();
    const invitedIds = agencies.filter((a) => a.invitationId).map((a) => a.id);
    const users = invitedIds.length
      ? await tx
          .selectFrom('users as u')
          .innerJoin('agencies as a', 'a.id', 'u.agency_id')
          .select(['u.id', 'u.display_name as name', 'a.name as agencyName'])
          .where('u.agency_id', 'in', invitedIds)
          .where('u.disabled_at', 'is', null)
          .orderBy('a.name')
          .orderBy('u.display_name')
          .execute()
      : [];
    return {
      agencies: agencies.map((a) => ({ id: a.id, name: a.name, invited: a.invitationId !== null })),
      users,
    };
  });
}

/** A new action decided at this meeting, added from the minutes page. */
export async function addMinutesAction(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  form: Parameters<typeof createAction>[3],
) {
  authorize(ctx.actor, 'meeting.manage');
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    await requireMeetingNominal(tx, meetingId, nominalId);
    await requireDraftable(tx, meetingId, nominalId);
    const created = await createAction(tx, ctx, nominalId, form, meetingId);
    // Added while completing the minutes after the close: its owner must not wait for another close.
    if (meeting.status === 'closed') await distributeMeetingActions(tx, ctx, meetingId);
    return created;
  });
}

/** An update on an earlier action, recorded at this meeting. */
export async function addMinutesActionUpdate(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  actionId: string,
  form: Parameters<typeof addActionUpdate>[3],
) {
  authorize(ctx.actor, 'meeting.manage');
  return database.transaction(async (tx) => {
    await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    await requireMeetingNominal(tx, meetingId, nominalId);
    await requireDraftable(tx, meetingId, nominalId);
    if (!isUuid(actionId)) throw new NotFoundError();
    const action = await tx
      .selectFrom('actions')
      .select(['id', 'meeting_id'])
      .where('id', '=', actionId)
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst();
    if (!action) throw new NotFoundError();
    if (action.meeting_id === meetingId)
      throw new ValidationError({
        note: 'This action was set at this meeting: updates are for actions from earlier meetings',
      });
    return addActionUpdate(tx, ctx, actionId, form, meetingId);
  });
}

export interface PanelDecisionForm {
  level?: unknown;
  criteria?: unknown;
  rationale?: unknown;
  overrideReason?: unknown;
  continuesAtLowerLevel?: unknown;
}

/**
 * The panel's level decision, recorded with the meeting: a Level 2 panel escalates to Level 3 here
 * in one step (no referral, no re-screening). A reduction with open actions is refused by the
 * levels rule unless the chair gives an override reason.
 */
export async function recordPanelDecision(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  form: PanelDecisionForm,
) {
  authorize(ctx.actor, 'level.decide');
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'level.decide');
    await requireMeetingNominal(tx, meetingId, nominalId);
    const day = meetingDay(meeting.starts_at);
    const decision: LevelDecisionForm & {
      meetingId: string;
      overrideReason?: unknown;
      continuesAtLowerLevel?: unknown;
    } = {
      level: form.level === 'end' ? undefined : form.level,
      deregister: form.level === 'end',
      criteria: form.criteria,
      rationale: form.rationale,
      decidedOn: compareDates(day, ctx.today) <= 0 ? day : ctx.today,
      meetingId,
      overrideReason: form.overrideReason,
      continuesAtLowerLevel: form.continuesAtLowerLevel,
    };
    return recordLevelDecision(tx, ctx, nominalId, decision);
  });
}

// --- The person's meetings --------------------------------------------------------------------------

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
      .where('mn.nominal_id', '=', nominalId);
    if (scope.access.via === 'involvement') query = query.where(invitedAgency(ctx.actor.agencyId));
    const rows = await query.orderBy('m.starts_at', 'desc').execute();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'meetings',
    });
    return rows.map((r) => {
      const [status, version] = (r.minutesState ?? '').split(':');
      return {
        id: r.id,
        level: r.level,
        startsAt: new Date(r.starts_at).toISOString(),
        day: meetingDay(r.starts_at),
        status: r.status,
        minutes: status ? { status, version: Number(version) } : null,
      };
    });
  });
}

export type { MinutesContent };
