import type { Db, Tx } from '../../db/database.ts';
import { readMinutesContent, type MinutesContent } from '../../domain/agenda.ts';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';

/** Meetings by id: when they start and at what level, for lists that name the meeting. */
export async function meetingsByIds(
  db: Db | Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, { id: string; startsAt: Date; level: number; status: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'starts_at', 'level', 'status'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, startsAt: new Date(r.starts_at), level: r.level, status: r.status }]),
  );
}

// --- for levels, prison-reports and risk-management-plan ---

/** Whether the meeting exists and discusses the person. Both ids are UUIDs (callers check a typed one). */
export async function meetingDiscusses(db: Db | Tx, meetingId: string, nominalId: string): Promise<boolean> {
  const row = await db
    .selectFrom('meeting_nominals')
    .select('meeting_id')
    .where('meeting_id', '=', meetingId)
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
  return row !== undefined;
}
// --- for oversight ---

/** How many people were discussed at the meetings of some areas held (not cancelled) in [start, end). */
export async function discussionCount(
  db: Db | Tx,
  areaCodes: readonly string[],
  start: Date,
  end: Date,
): Promise<number> {
  if (!areaCodes.length) return 0;
  const row = await db
    .selectFrom('meeting_nominals as mn')
    .innerJoin('meetings as m', 'm.id', 'mn.meeting_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.area_code', 'in', [...areaCodes])
    .where('m.status', '!=', 'cancelled')
    .where('m.starts_at', '>=', start)
    .where('m.starts_at', '<', end)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The approved minutes of those meetings, one per meeting and person: a correction approved later
 * supersedes the earlier approval, so the latest approved version counts.
 */
export async function latestApprovedMinutes(
  db: Db | Tx,
  areaCodes: readonly string[],
  start: Date,
  end: Date,
): Promise<{ content: unknown }[]> {
  if (!areaCodes.length) return [];
  return db
    .selectFrom('minutes as mi')
    .innerJoin('meetings as m', 'm.id', 'mi.meeting_id')
    .distinctOn(['mi.meeting_id', 'mi.nominal_id'])
    .select('mi.content')
    .where('m.area_code', 'in', [...areaCodes])
    .where('m.status', '!=', 'cancelled')
    .where('m.starts_at', '>=', start)
    .where('m.starts_at', '<', end)
    .where('mi.status', '=', 'approved')
    .orderBy('mi.meeting_id')
    .orderBy('mi.nominal_id')
    .orderBy('mi.version', 'desc')
    .execute();
}

// --- for retention ---

/**
 * Erases one person's personal data from their minutes (a data protection officer's decision,
 * src/modules/retention; the caller logs it in the same transaction): every version of every
 * meeting's minutes about them keeps its agenda items, whether disclosure was considered and the
 * next meeting's date (oversight counts these), but each minute, the decisions, the disclosure
 * reason and any correction reason read 'Erased'.
 */
export async function eraseMinutesOf(tx: Tx, nominalId: string): Promise<ErasedPart> {
  const rows = await tx
    .selectFrom('minutes')
    .select(['id', 'content', 'correction_reason'])
    .where('nominal_id', '=', nominalId)
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const row of rows) {
    const content = readMinutesContent(row.content);
    const erased: MinutesContent = {
      items: Object.fromEntries(Object.keys(content.items).map((k) => [k, ERASED_TEXT])),
      decisions: content.decisions ? ERASED_TEXT : '',
      disclosure: {
        considered: content.disclosure.considered,
        reason: content.disclosure.reason ? ERASED_TEXT : '',
      },
      nextMeetingOn: content.nextMeetingOn,
    };
    await tx
      .updateTable('minutes')
      .set({
        content: JSON.stringify(erased),
        correction_reason: row.correction_reason === null ? null : ERASED_TEXT,
      })
      .where('id', '=', row.id)
      .execute();
  }
  return erasedPart(rows, rows.length);
}

// --- for the start page ---

/** A scheduled meeting, with the people it discusses in the meeting's order. */
export interface UpcomingMeeting {
  id: string;
  areaCode: string;
  level: number;
  startsAt: Date;
  chairUserId: string | null;
  nominalIds: string[];
}

/**
 * Scheduled meetings starting in [from, to), soonest first (at most 100): of an area, or those an
 * agency is invited to; and, with `concerning`, only those the user chairs or that discuss one of
 * the people given (the people they manage).
 */
export async function upcomingMeetings(
  db: Db | Tx,
  where: {
    from: Date;
    to: Date;
    areaCode?: string;
    invitedAgencyId?: string;
    concerning?: { chairUserId: string; nominalIds: readonly string[] };
  },
): Promise<UpcomingMeeting[]> {
  const { areaCode, invitedAgencyId, concerning } = where;
  let query = db
    .selectFrom('meetings as m')
    .select(['m.id', 'm.area_code', 'm.level', 'm.starts_at', 'm.chair_user_id'])
    .where('m.status', '=', 'scheduled')
    .where('m.starts_at', '>=', where.from)
    .where('m.starts_at', '<', where.to);
  if (areaCode !== undefined) query = query.where('m.area_code', '=', areaCode);
  if (invitedAgencyId !== undefined)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('meeting_invitations as i')
          .select('i.id')
          .whereRef('i.meeting_id', '=', 'm.id')
          .where('i.agency_id', '=', invitedAgencyId),
      ),
    );
  if (concerning)
    query = query.where((eb) =>
      eb.or([
        eb('m.chair_user_id', '=', concerning.chairUserId),
        ...(concerning.nominalIds.length
          ? [
              eb.exists(
                eb
                  .selectFrom('meeting_nominals as mn')
                  .select('mn.meeting_id')
                  .whereRef('mn.meeting_id', '=', 'm.id')
                  .where('mn.nominal_id', 'in', [...concerning.nominalIds]),
              ),
            ]
          : []),
      ]),
    );
  const rows = await query.orderBy('m.starts_at').orderBy('m.id').limit(100).execute();
  const discussed = rows.length
    ? await db
        .selectFrom('meeting_nominals')
        .select(['meeting_id', 'nominal_id'])
        .where(
          'meeting_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('position')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    areaCode: r.area_code,
    level: r.level,
    startsAt: new Date(r.starts_at),
    chairUserId: r.chair_user_id,
    nominalIds: discussed.filter((d) => d.meeting_id === r.id).map((d) => d.nominal_id),
  }));
}

/** Minutes of one person at one meeting whose latest version is a draft: the chair's to approve. */
export interface MinutesAwaitingApproval {
  meetingId: string;
  nominalId: string;
  startsAt: Date;
  level: number;
}

/**
 * The minutes awaiting a chair's approval: of meetings they chair, not cancelled, whose latest
 * version for a person is a draft (a correction awaiting approval included); oldest meeting first,
 * at most 100.
 */
export async function minutesAwaitingApproval(
  db: Db | Tx,
  chairUserId: string,
): Promise<MinutesAwaitingApproval[]> {
  const rows = await db
    .selectFrom('minutes as mi')
    .innerJoin('meetings as m', 'm.id', 'mi.meeting_id')
    .distinctOn(['m.starts_at', 'mi.meeting_id', 'mi.nominal_id'])
    .select(['mi.meeting_id', 'mi.nominal_id', 'mi.status', 'm.starts_at', 'm.level'])
    .where('m.chair_user_id', '=', chairUserId)
    .where('m.status', '!=', 'cancelled')
    .where('mi.status', '!=', 'superseded')
    .orderBy('m.starts_at')
    .orderBy('mi.meeting_id')
    .orderBy('mi.nominal_id')
    .orderBy('mi.version', 'desc')
    .limit(500)
    .execute();
  return rows
    .filter((r) => r.status === 'draft')
    .slice(0, 100)
    .map((r) => ({
      meetingId: r.meeting_id,
      nominalId: r.nominal_id,
      startsAt: new Date(r.starts_at),
      level: r.level,
    }));
}
