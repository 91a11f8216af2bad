import type { Db, Tx } from '../../db/database.ts';

export interface AgencyRow {
  id: string;
  name: string;
  type: string;
  areaCode: string;
}

/** Agencies by id, for labels and checks. */
export async function agenciesByIds(
  db: Db | Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, AgencyRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'type', 'area_code as areaCode'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

// --- for referrals ---

/** An area's agencies, by name (uses the index on agencies (area_code, type)). */
export async function agenciesInArea(db: Db | Tx, areaCode: string): Promise<AgencyRow[]> {
  return db
    .selectFrom('agencies')
    .select(['id', 'name', 'type', 'area_code as areaCode'])
    .where('area_code', '=', areaCode)
    .orderBy('name')
    .execute();
}
