import type { Db, Tx } from '../../db/database.ts';

// --- for meetings ---

/** The plan's versions revised at a meeting, with why. */
export async function planVersionsFromMeeting(
  db: Db | Tx,
  meetingId: string,
  nominalId: string,
): Promise<{ version: number; reason: string }[]> {
  return db
    .selectFrom('risk_management_plans')
    .select(['version', 'reason'])
    .where('meeting_id', '=', meetingId)
    .where('nominal_id', '=', nominalId)
    .orderBy('version')
    .execute();
}
