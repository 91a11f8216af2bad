import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { nominalIdsInAreas } from '../nominals/index.ts';

// --- for oversight ---

/** Open actions due before `today` about people of some areas, whoever owns them; and how many are about safeguarding. */
export async function overdueActionCounts(
  db: Db | Tx,
  areaCodes: readonly string[],
  today: string,
): Promise<{ overdue: number; overdueSafeguarding: number }> {
  const row = await db
    .selectFrom('actions as a')
    .select([
      (eb) => eb.fn.countAll<number>().as('overdue'),
      (eb) => eb.fn.sum<number>(sql`CASE WHEN a.safeguarding THEN 1 ELSE 0 END`).as('safeguarding'),
    ])
    .where('a.nominal_id', 'in', nominalIdsInAreas(db, areaCodes))
    .where('a.status', '=', 'open')
    .where('a.due_on', '<', today)
    .executeTakeFirstOrThrow();
  return { overdue: Number(row.overdue), overdueSafeguarding: Number(row.safeguarding ?? 0) };
}
