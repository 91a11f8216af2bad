import type { Db, Tx } from '../../db/database.ts';
import { nominalIdsInAreas } from '../nominals/index.ts';

// --- for oversight ---

/** Reductions (and ends of MAPPA management) decided in a period, of people in some areas; those the chair overrode. */
export async function levelReductionCounts(
  db: Db | Tx,
  areaCodes: readonly string[],
  period: { from: string; to: string },
): Promise<{ total: number; withOverride: number }> {
  const row = await db
    .selectFrom('level_decisions as d')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      (eb) => eb.fn.count<number>('d.override_reason').as('withOverride'),
    ])
    .where('d.nominal_id', 'in', nominalIdsInAreas(db, areaCodes))
    .where('d.kind', 'in', ['reduction', 'deregistration'])
    .where('d.decided_on', '>=', period.from)
    .where('d.decided_on', '<=', period.to)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), withOverride: Number(row.withOverride) };
}

/** Cases of some areas whose level review is past its due date (the review frequencies each area sets), by level. */
export async function overdueReviewCounts(
  db: Db | Tx,
  areaCodes: readonly string[],
  today: string,
): Promise<Map<number, number>> {
  if (!areaCodes.length) return new Map();
  const rows = await db
    .selectFrom('nominal_obligations')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('area_code', 'in', [...areaCodes])
    .where('level', 'is not', null)
    .where('review_due_on', '<', today)
    .groupBy('level')
    .execute();
  return new Map(rows.map((r) => [r.level!, Number(r.n)]));
}
