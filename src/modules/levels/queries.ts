import type { Db, Tx } from '../../db/database.ts';

// --- for referrals ---

/** The level criteria (MAPPA Q) each level decision recorded, by the decision's id. */
export async function levelDecisionCriteria(
  db: Db | Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string[]>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('level_decisions')
    .select(['id', 'criteria'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.criteria ?? []]));
}
