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

// --- for levels, meetings and referrals ---

/** An area's agencies (optionally only some types), by name: for standing panels and settings forms. */
export async function agenciesInArea(
  db: Db | Tx,
  areaCode: string,
  types?: readonly string[],
): Promise<AgencyRow[]> {
  if (types && !types.length) return [];
  let query = db
    .selectFrom('agencies')
    .select(['id', 'name', 'type', 'area_code as areaCode'])
    .where('area_code', '=', areaCode);
  if (types) query = query.where('type', 'in', [...types]);
  return query.orderBy('name').execute();
}
/** The MAPPA areas' names by code, for labels (42 rows at most). */
export async function areaNames(
  db: Db | Tx,
  codes: readonly (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((code): code is string => Boolean(code)))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
// --- for oversight ---

/** Every MAPPA area's code, in order (a national analyst's scope). */
export async function allAreaCodes(db: Db | Tx): Promise<string[]> {
  return (await db.selectFrom('areas').select('code').orderBy('code').execute()).map((a) => a.code);
}

// --- for justified-access ---

/** Areas by code, for labels and checks. */
export async function areasByCodes(
  db: Db | Tx,
  codes: readonly (string | null | undefined)[],
): Promise<Map<string, { code: string; name: string }>> {
  const wanted = [...new Set(codes.filter((code): code is string => Boolean(code)))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

// --- for custody ---

/** Every prison establishment in England and Wales, by name: a prisoner may be held anywhere. */
export async function prisonEstablishments(db: Db | Tx): Promise<AgencyRow[]> {
  return db
    .selectFrom('agencies')
    .select(['id', 'name', 'type', 'area_code as areaCode'])
    .where('type', '=', 'prison')
    .orderBy('name')
    .execute();
}
