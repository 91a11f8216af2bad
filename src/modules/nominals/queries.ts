import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';

/** How other capabilities name a person in lists, documents and notifications. */
export interface NominalHeadline {
  id: string;
  name: string;
  vigilRef: string;
  areaCode: string;
}

/** People by id: name, Vigil reference and area (no scope check: callers have checked theirs). */
export async function nominalHeadlines(
  db: Db | Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, NominalHeadline>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('nominals')
    .select(['id', 'forename', 'surname', 'vigil_ref', 'area_code'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: `${r.forename} ${r.surname}`, vigilRef: r.vigil_ref, areaCode: r.area_code },
    ]),
  );
}

/** The people an agency is involved with (any reason, current or past): for "my agency's" lists. */
export async function nominalsInvolvingAgency(db: Db | Tx, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agency_involvements')
    .select('nominal_id')
    .where('agency_id', '=', agencyId)
    .execute();
  return [...new Set(rows.map((r) => r.nominal_id))];
}

/** The people a user is (or was) a named manager of. */
export async function nominalsManagedBy(db: Db | Tx, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('nominal_managers')
    .select('nominal_id')
    .where('user_id', '=', userId)
    .execute();
  return [...new Set(rows.map((r) => r.nominal_id))];
}

/**
 * Need to know: an agency sees the shareable sections of a record for a reason (an action it owns, a
 * meeting it is invited to) from a date, until the reason ends.
 */
export async function involveAgency(
  tx: Tx,
  ctx: { actor: { userId: string }; now: Date },
  involvement: {
    nominalId: string;
    agencyId: string;
    reason: 'action' | 'meeting_invitation';
    sourceId: string | null;
    sections: readonly string[];
    fromDate: string;
  },
): Promise<void> {
  await tx
    .insertInto('agency_involvements')
    .values({
      nominal_id: involvement.nominalId,
      agency_id: involvement.agencyId,
      reason: involvement.reason,
      source_id: involvement.sourceId,
      sections: [...involvement.sections],
      from_date: involvement.fromDate,
      to_date: null,
      created_by: ctx.actor.userId,
      created_at: ctx.now,
    })
    .execute();
}

/** Ends (or, with null, reopens) the involvements a source gave, e.g. an action closed or reopened. */
export async function endInvolvementsFrom(
  tx: Tx,
  source: { reason: 'action' | 'meeting_invitation'; sourceId: string; nominalIds?: readonly string[] },
  toDate: string | null,
): Promise<void> {
  let query = tx
    .updateTable('agency_involvements')
    .set({ to_date: toDate })
    .where('reason', '=', source.reason)
    .where('source_id', '=', source.sourceId);
  if (source.nominalIds) {
    if (!source.nominalIds.length) return;
    query = query.where('nominal_id', 'in', [...source.nominalIds]);
  }
  await query.execute();
}

// --- for oversight ---

/**
 * The people the record holds in some areas (null: in every area), as a subquery of their ids: other
 * owners count their own rows about these people in one statement (an indexed semi-join), without
 * reading this table themselves or carrying a national list of ids across.
 */
export function nominalIdsInAreas(db: Db | Tx, areaCodes: readonly string[] | null) {
  const all = db.selectFrom('nominals').select('nominals.id');
  return areaCodes ? all.where('nominals.area_code', 'in', [...areaCodes]) : all;
}

/** How many people each MAPPA category and level holds, in some areas (null: everywhere). Numbers only. */
export async function populationByCategoryAndLevel(
  db: Db | Tx,
  areaCodes: readonly string[] | null,
): Promise<{ category: number | null; level: number | null; count: number }[]> {
  const rows = await sql<{ category: number | null; level: number | null; count: number }>`
    SELECT mappa_category AS category, mappa_level AS level, count(*)::int AS count
    FROM nominals
    WHERE ${areaCodes ? sql`area_code IN (${sql.join([...areaCodes])})` : sql`true`}
    GROUP BY mappa_category, mappa_level
    ORDER BY mappa_category NULLS LAST, mappa_level NULLS LAST`.execute(db);
  return rows.rows;
}

/** How many people of each recorded ethnicity (null: not recorded) some areas hold. Numbers only. */
export async function populationByEthnicity(
  db: Db | Tx,
  areaCodes: readonly string[],
): Promise<{ ethnicity: string | null; count: number }[]> {
  if (!areaCodes.length) return [];
  const rows = await db
    .selectFrom('nominals')
    .select(['ethnicity', (eb) => eb.fn.countAll<number>().as('count')])
    .where('area_code', 'in', [...areaCodes])
    .groupBy('ethnicity')
    .execute();
  return rows.map((r) => ({ ethnicity: r.ethnicity, count: Number(r.count) }));
}

/** Each person's recorded ethnicity (null: not recorded), by id; one array parameter however many. */
export async function ethnicitiesOf(
  db: Db | Tx,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('nominals')
    .select(['id', 'ethnicity'])
    .where('id', '=', sql<string>`ANY(${wanted}::uuid[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r.ethnicity]));
}

// --- for audit ---

/** A person by their Vigil reference (no scope check: oversight of the access log is not need-to-know). */
export async function nominalByVigilRef(db: Db | Tx, vigilRef: string): Promise<NominalHeadline | undefined> {
  const row = await db
    .selectFrom('nominals')
    .select(['id', 'forename', 'surname', 'vigil_ref', 'area_code'])
    .where('vigil_ref', '=', vigilRef)
    .executeTakeFirst();
  return row
    ? { id: row.id, name: `${row.forename} ${row.surname}`, vigilRef: row.vigil_ref, areaCode: row.area_code }
    : undefined;
}
