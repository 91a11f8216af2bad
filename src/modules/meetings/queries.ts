import type { Db, Tx } from '../../db/database.ts';

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
