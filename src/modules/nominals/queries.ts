import type { Actor } from '../../access/actor.ts';
import { nominalScope } from '../../access/policy.ts';
import type { Moment } from '../../clock.ts';
import type { Db, Tx } from '../../db/database.ts';
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Schema } from '../../db/schema.ts';

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

// --- for levels ---

/** The record's own MAPPA category and level, kept in line with the obligations (for search results and headers). */
export async function setMappaStatus(
  tx: Tx,
  nominalId: string,
  status: { category: number | null; level: number | null },
): Promise<void> {
  await tx
    .updateTable('nominals')
    .set({ mappa_category: status.category, mappa_level: status.level })
    .where('id', '=', nominalId)
    .execute();
}

/** A panel accepted a Category 3 referral on this date: the person is Category 3 from then (the only way in). */
export async function acceptCategory3(tx: Tx, nominalId: string, acceptedOn: string): Promise<void> {
  await tx
    .updateTable('nominals')
    .set({ category3_accepted_on: acceptedOn, category3_ended_on: null })
    .where('id', '=', nominalId)
    .execute();
}

/** Everyone's id (optionally one area's), in id order: for work that visits every record. */
export async function nominalIds(db: Db | Tx, areaCode?: string): Promise<string[]> {
  let query = db.selectFrom('nominals').select('id').orderBy('id');
  if (areaCode) query = query.where('area_code', '=', areaCode);
  return (await query.execute()).map((r) => r.id);
}

/** The users named as the person's managers on `today` (managers without a Vigil account are left out). */
export async function currentManagerUserIds(
  db: Db | Tx,
  nominalIds: string | readonly string[],
  today: string,
): Promise<string[]> {
  const ids = typeof nominalIds === 'string' ? [nominalIds] : [...nominalIds];
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('nominal_managers')
    .select('user_id')
    .where('nominal_id', 'in', ids)
    .where('user_id', 'is not', null)
    .where('from_date', '<=', today)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', today)]))
    .execute();
  return [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
}

/** Ends, on `today`, the person's involvements of one kind still current then or starting later. */
export async function endCurrentInvolvements(
  tx: Tx,
  nominalId: string,
  reason: 'action' | 'meeting_invitation',
  today: string,
): Promise<void> {
  await tx
    .updateTable('agency_involvements')
    .set({ to_date: today })
    .where('nominal_id', '=', nominalId)
    .where('reason', '=', reason)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', today)]))
    .execute();
}

// --- for worklists ---

/** A person as a worklist row names them. */
export interface NominalListEntry {
  id: string;
  vigilRef: string;
  forename: string;
  surname: string;
  /** "Forename Surname". */
  name: string;
  dateOfBirth: string;
}

const listEntry = (r: {
  id: string;
  vigil_ref: string;
  forename: string;
  surname: string;
  date_of_birth: string;
}): NominalListEntry => ({
  id: r.id,
  vigilRef: r.vigil_ref,
  forename: r.forename,
  surname: r.surname,
  name: `${r.forename} ${r.surname}`,
  dateOfBirth: r.date_of_birth,
});

/** People by id, as lists name them (no scope check: callers have checked theirs). */
export async function nominalListEntries(
  db: Db | Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, NominalListEntry>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('nominals')
    .select(['id', 'vigil_ref', 'forename', 'surname', 'date_of_birth'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, listEntry(r)]));
}

/**
 * The people the actor is a named manager of today, within what they may see (index
 * nominal_managers_user_all): a practitioner's caseload.
 */
export async function currentCaseload(
  db: Db | Tx,
  actor: Actor,
  moment: Moment,
): Promise<NominalListEntry[]> {
  const { today } = moment;
  const rows = await db
    .selectFrom('nominal_managers as m')
    .innerJoin('nominals as n', 'n.id', 'm.nominal_id')
    .select(['n.id', 'n.vigil_ref', 'n.forename', 'n.surname', 'n.date_of_birth'])
    .distinct()
    .where('m.user_id', '=', actor.userId)
    .where('m.from_date', '<=', today)
    .where((eb) => eb.or([eb('m.to_date', 'is', null), eb('m.to_date', '>=', today)]))
    .where(nominalScope(actor, moment))
    .execute();
  return rows.map(listEntry);
}
// --- for meetings ---

/** People by Vigil reference (no scope check: callers check each person's scope). */
export async function nominalsByVigilRefs(
  db: Db | Tx,
  vigilRefs: readonly string[],
): Promise<{ id: string; vigilRef: string }[]> {
  if (!vigilRefs.length) return [];
  return db
    .selectFrom('nominals')
    .select(['id', 'vigil_ref as vigilRef'])
    .where('vigil_ref', 'in', [...vigilRefs])
    .execute();
}

/**
 * What of a record's timeline a reader may not see (`timelineLeaveOut` in scope.ts decides it):
 * entries of some sensitivities, whole sections, and the entries about some entities (a victim's
 * relationship row, another agency's action).
 */
export interface TimelineLeaveOut {
  sensitivities: readonly ('victims' | 'health' | 'intelligence')[];
  sections: readonly string[];
  entities: readonly { section: string; entityIds: readonly string[] }[];
}

/** The timeline's entries less what is left out. */
export function withoutLeftOut<O>(
  query: SelectQueryBuilder<Schema, 'nominal_changes', O>,
  { sensitivities, sections, entities }: TimelineLeaveOut,
): SelectQueryBuilder<Schema, 'nominal_changes', O> {
  let q = query;
  if (sensitivities.length)
    q = q.where((eb) =>
      eb.or([eb('sensitivity', 'is', null), eb('sensitivity', 'not in', [...sensitivities])]),
    );
  if (sections.length) q = q.where('section', 'not in', [...sections]);
  for (const { section, entityIds } of entities)
    if (entityIds.length)
      q = q.where((eb) => eb.or([eb('section', '!=', section), eb('entity_id', 'not in', [...entityIds])]));
  return q;
}

/**
 * The record's timeline since an instant, newest first, leaving out what the reader may not see:
 * the caller has checked the scope and says what to leave out.
 */
export async function timelineSince(
  db: Db | Tx,
  nominalId: string,
  options: { since: Date; leaveOut: TimelineLeaveOut; limit: number },
): Promise<{ at: Date; summary: string; section: string; userId: string }[]> {
  const query = db
    .selectFrom('nominal_changes')
    .select(['at', 'summary', 'section', 'user_id as userId'])
    .where('nominal_id', '=', nominalId)
    .where('at', '>=', options.since);
  return withoutLeftOut(query, options.leaveOut).orderBy('id', 'desc').limit(options.limit).execute();
}
// --- for prison-reports ---

/** One change on a record's timeline, as the capability that made it may read it back. */
export interface EntityChange {
  at: Date;
  userId: string;
  action: 'created' | 'updated' | 'ended' | 'removed';
  summary: string;
  entityVersion: number | null;
}

/**
 * The changes recorded against one entity (a report, a referral) in one section of the record,
 * oldest first: who wrote it, and who changed it last. (An entity's history is short; the index on
 * nominal_changes (entity_id, id) finds it.)
 */
export async function entityChanges(db: Db | Tx, entityId: string, section: string): Promise<EntityChange[]> {
  const rows = await db
    .selectFrom('nominal_changes')
    .select(['at', 'user_id', 'action', 'summary', 'entity_version'])
    .where('entity_id', '=', entityId)
    .where('section', '=', section)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: new Date(r.at),
    userId: r.user_id,
    action: r.action,
    summary: r.summary,
    entityVersion: r.entity_version,
  }));
}
// --- for search ---

/** A person found by a search: who they are, and how well and where they matched. */
export interface NominalMatch {
  id: string;
  vigilRef: string;
  name: string;
  /** Set when the match was on an alias rather than the person's own name. */
  matchedAlias: string | null;
  dateOfBirth: string;
  areaCode: string;
  mappaCategory: number | null;
  mappaLevel: number | null;
  score: number;
  /** False for a record outside the searcher's scope (an all-areas search). */
  inScope: boolean;
}

/**
 * Which people a search may return: `where` (the searcher's scope, or true for an all-areas search)
 * and `scope` (whether each is in the searcher's scope), both conditions over the person row `n`
 * (access/policy.ts's nominalScope).
 */
export interface SearchConditions {
  where: Expression<SqlBool>;
  scope: Expression<SqlBool>;
}

/** The people holding an identifier (PNC, CRO, prison number, CRN) or Vigil reference: an exact match. */
export async function nominalsByIdentifier(
  tx: Tx,
  identifier: { type: string; value: string },
  { where, scope }: SearchConditions,
): Promise<{ results: NominalMatch[]; total: number }> {
  const rows = await sql<NominalMatch & { total: number }>`
    SELECT n.id, n.vigil_ref AS "vigilRef", n.forename || ' ' || n.surname AS name, NULL AS "matchedAlias",
           n.date_of_birth AS "dateOfBirth", n.area_code AS "areaCode",
           n.mappa_category AS "mappaCategory", n.mappa_level AS "mappaLevel", 1.0 AS score,
           ${scope} AS "inScope", count(*) OVER () AS total
    FROM nominals n
    WHERE ${identifier.type === 'vigil' ? sql`n.vigil_ref = ${identifier.value}` : sql`n.id IN (SELECT nominal_id FROM nominal_identifiers WHERE type = ${identifier.type} AND value = ${identifier.value})`}
      AND ${where}`.execute(tx);
  return { results: rows.rows.map(({ total: _total, ...r }) => r), total: Number(rows.rows[0]?.total ?? 0) };
}

/**
 * People by name, tolerating misspellings, sound-alikes and forename/surname swapped (`first` and
 * `last` are the first and last words typed, lower-cased), best first, one page of them. With a
 * date of birth, everyone born that day is scored; otherwise each typed word is matched against the
 * dictionary of names in use, every person matching both names is scored, and at most
 * `oneNameMatches` per name of those matching one name only (`capped` says when that cap was
 * reached, so the total is "about").
 */
export async function nominalsByName(
  tx: Tx,
  search: {
    first: string;
    last: string;
    dateOfBirth: string | null;
    area: string | null;
    limit: number;
    offset: number;
    oneNameMatches: number;
  },
  { where, scope }: SearchConditions,
): Promise<{ results: NominalMatch[]; total: number; capped: boolean }> {
  const { first, last, dateOfBirth, area, limit, offset, oneNameMatches } = search;
  const inScope = sql<SqlBool>`${where} AND (${area}::text IS NULL OR n.area_code = ${area})`;
  // Misspellings like "Smiht" sit near 0.3 trigram similarity: widen the net, then rank.
  // And no JIT: a misestimated plan for this query can cross its cost threshold (seen while tuning),
  // and compiling then takes ~100 ms where the query itself takes a few.
  await sql`SELECT set_config('pg_trgm.similarity_threshold', '0.25', true), set_config('jit', 'off', true)`.execute(
    tx,
  );
  const arms = nameCandidates(dateOfBirth, inScope, oneNameMatches);
  const rows = await sql<NominalMatch & { total: number; capped: boolean }>`
    WITH p AS (
      SELECT ${first}::text AS f, ${last}::text AS s, dmetaphone(${first}) AS fd, dmetaphone(${last}) AS sd
    ),
    words AS MATERIALIZED (
      SELECT w.word, (w.word % p.f OR w.sound = p.fd OR (length(p.f) >= 5 AND levenshtein_less_equal(w.word, p.f, 2) <= 2)) AS first,
        (w.word % p.s OR w.sound = p.sd OR (length(p.s) >= 5 AND levenshtein_less_equal(w.word, p.s, 2) <= 2)) AS last,
        -- what the word would add to the score as a forename, and as a surname (either way round)
        greatest(similarity(w.word, p.f) + 0.3 * (w.sound = p.fd)::int,
                 similarity(w.word, p.s) + 0.3 * (w.sound = p.sd)::int) AS as_forename,
        greatest(similarity(w.word, p.s) + 0.3 * (w.sound = p.sd)::int + 0.2 * (levenshtein(w.word, p.s) <= 2)::int,
                 similarity(w.word, p.f) + 0.3 * (w.sound = p.fd)::int + 0.2 * (levenshtein(w.word, p.f) <= 2)::int) AS as_surname
      FROM name_words w, p
      WHERE w.word % p.f OR w.word % p.s OR w.sound IN (p.fd, p.sd)
        OR (length(p.f) >= 5 AND levenshtein_less_equal(w.word, p.f, 2) <= 2)
        OR (length(p.s) >= 5 AND levenshtein_less_equal(w.word, p.s, 2) <= 2)
    ),
    ${arms},
    candidates AS (SELECT * FROM both_names UNION SELECT * FROM by_surname UNION SELECT * FROM by_forename),
    scored AS (
      SELECT nn.nominal_id, nn.alias_id, nn.forename, nn.surname,
        greatest(
          similarity(lower(nn.forename), p.f) + similarity(lower(nn.surname), p.s)
            + 0.3 * (nn.forename_sound = p.fd)::int + 0.3 * (nn.surname_sound = p.sd)::int
            + 0.2 * (levenshtein(lower(nn.surname), p.s) <= 2)::int,
          -- forename and surname the other way round, ranked a little lower than the right way round
          similarity(lower(nn.forename), p.s) + similarity(lower(nn.surname), p.f)
            + 0.3 * (nn.forename_sound = p.sd)::int + 0.3 * (nn.surname_sound = p.fd)::int
            + 0.2 * (levenshtein(lower(nn.surname), p.f) <= 2)::int - 0.05
        ) AS score
      FROM candidates nn, p
    ),
    best AS (
      SELECT DISTINCT ON (nominal_id) nominal_id, alias_id, forename, surname, score
      FROM scored ORDER BY nominal_id, score DESC
    )
    SELECT n.id, n.vigil_ref AS "vigilRef", n.forename || ' ' || n.surname AS name,
           CASE WHEN b.alias_id IS NOT NULL THEN b.forename || ' ' || b.surname END AS "matchedAlias",
           n.date_of_birth AS "dateOfBirth", n.area_code AS "areaCode",
           n.mappa_category AS "mappaCategory", n.mappa_level AS "mappaLevel",
           round((b.score + CASE WHEN n.date_of_birth = ${dateOfBirth}::date THEN 1 ELSE 0 END)::numeric, 3) AS score,
           ${scope} AS "inScope",
           count(*) OVER () AS total,
           (SELECT count(*) FROM by_surname) >= ${oneNameMatches}
             OR (SELECT count(*) FROM by_forename) >= ${oneNameMatches} AS capped
    FROM best b
    JOIN nominals n ON n.id = b.nominal_id
    WHERE b.score >= 0.45
      AND ${inScope}
      AND (${dateOfBirth}::date IS NULL OR n.date_of_birth = ${dateOfBirth}::date)
    ORDER BY score DESC, n.surname, n.forename, n.date_of_birth
    LIMIT ${limit} OFFSET ${offset}`.execute(tx);
  return {
    results: rows.rows.map(({ total: _total, capped: _capped, ...r }) => r),
    total: Number(rows.rows[0]?.total ?? 0),
    capped: rows.rows[0]?.capped ?? false,
  };
}

/**
 * The candidates to score, as three CTEs (both_names, by_surname, by_forename) over `words`: the
 * words of the dictionary of names in use (name_words, migration 0015) like those typed. With a date of birth: everyone born that day (a handful).
 * Otherwise every row whose forename and surname both match (either way round) is taken, however
 * many, plus the first `oneNameMatches` in scope matching one name only. Scoring all 500,000 names,
 * or every Smith in the country, is what made this search slow.
 */
function nameCandidates(dateOfBirth: string | null, inScope: Expression<SqlBool>, oneNameMatches: number) {
  const columns = sql`nn.nominal_id, nn.alias_id, nn.forename, nn.surname, nn.forename_sound, nn.surname_sound`;
  // The first rows in scope carrying a word like one of those typed as this name, best-matching
  // words first: each word's rows are read only until enough are found.
  const oneName = (name: 'forename' | 'surname') => {
    const order = sql.raw(name === 'forename' ? 'as_forename' : 'as_surname');
    return sql`SELECT one.* FROM (SELECT * FROM words ORDER BY ${order} DESC, word) w
      CROSS JOIN LATERAL (
        SELECT ${columns} FROM nominal_names nn JOIN nominals n ON n.id = nn.nominal_id
        WHERE lower(nn.${sql.raw(name)}) = w.word AND ${inScope}
        ORDER BY lower(nn.${sql.raw(name === 'forename' ? 'surname' : 'forename')})
        LIMIT ${oneNameMatches}) one
      ORDER BY w.${order} DESC, w.word LIMIT ${oneNameMatches}`;
  };
  return dateOfBirth
    ? sql`both_names AS ( -- here: everyone born that day, nothing capped
            SELECT ${columns} FROM nominals n JOIN nominal_names nn ON nn.nominal_id = n.id
            WHERE n.date_of_birth = ${dateOfBirth}::date),
          by_surname AS (SELECT * FROM both_names WHERE false),
          by_forename AS (SELECT * FROM both_names WHERE false)`
    : sql`both_names AS (
            SELECT nn.* FROM words f JOIN words s ON (f.first AND s.last) OR (f.last AND s.first)
            -- one index probe per (forename, surname) pair (OFFSET 0 keeps the planner from merging
            -- the whole name index instead)
            CROSS JOIN LATERAL (
              SELECT ${columns} FROM nominal_names nn
              WHERE lower(nn.forename) = f.word AND lower(nn.surname) = s.word OFFSET 0) nn),
          by_surname AS MATERIALIZED (${oneName('surname')}),
          by_forename AS MATERIALIZED (${oneName('forename')})`;
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

// --- for retention ---

export interface RetentionCandidate {
  id: string;
  vigilRef: string;
  areaCode: string;
  name: string;
  dateOfBirth: string;
  mappaCategory: number | null;
  /** The last manager's end date; null while anyone still manages the person. */
  managementEndedOn: string | null;
}

/**
 * People who may be due for review for deletion (no scope check: the data protection officer's
 * oversight is national): MAPPA nominals born on or before `bornOnOrBefore`, and people not under
 * MAPPA with no current manager whose management ended on or before `endedOnOrBefore`. The caller
 * applies the exact rule (src/domain/retention.ts) per area.
 */
export async function retentionCandidates(
  db: Db | Tx,
  cutoffs: { bornOnOrBefore: string; endedOnOrBefore: string },
): Promise<RetentionCandidate[]> {
  const { rows } = await sql<{
    id: string;
    vigil_ref: string;
    area_code: string;
    forename: string;
    surname: string;
    date_of_birth: string;
    mappa_category: number | null;
    ended_on: string | null;
  }>`
    WITH managed AS (
      SELECT nominal_id, CASE WHEN bool_or(to_date IS NULL) THEN NULL ELSE max(to_date) END AS ended_on
      FROM nominal_managers GROUP BY nominal_id
    ), people AS (
      SELECT n.id, n.vigil_ref, n.area_code, n.forename, n.surname, n.date_of_birth, n.mappa_category,
        CASE WHEN m.nominal_id IS NULL THEN n.category3_ended_on ELSE m.ended_on END AS ended_on
      FROM nominals n LEFT JOIN managed m ON m.nominal_id = n.id
    )
    SELECT id, vigil_ref, area_code, forename, surname, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
      mappa_category, to_char(ended_on, 'YYYY-MM-DD') AS ended_on
    FROM people
    WHERE (mappa_category IS NOT NULL AND date_of_birth <= ${cutoffs.bornOnOrBefore}::date)
       OR (mappa_category IS NULL AND ended_on <= ${cutoffs.endedOnOrBefore}::date)
    ORDER BY vigil_ref`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    vigilRef: r.vigil_ref,
    areaCode: r.area_code,
    name: `${r.forename} ${r.surname}`,
    dateOfBirth: r.date_of_birth,
    mappaCategory: r.mappa_category,
    managementEndedOn: r.ended_on,
  }));
}

// --- for custody ---

/** Each person's managing area, by id (custody settings are the area's; no scope check: the caller's). */
export async function nominalAreas(db: Db | Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('nominals')
    .select(['id', 'area_code'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.area_code]));
}

// --- for search (and the possible-duplicate check): what tells people of the same name apart ---

/** What tells two people of the same name apart, besides their date of birth and area. */
export interface DistinguishingDetails {
  /** The town of their current home (not a proposed release address). */
  town: string | null;
  pnc: string | null;
  /** Their current named managers, Vigil users or not. */
  managers: { name: string; userId: string | null; agencyId: string; role: string }[];
}

/**
 * For a page of people: current town, PNC and current named managers, one query each however many
 * people (no scope check: callers pass only the people the user may see).
 */
export async function distinguishingDetails(
  db: Db | Tx,
  ids: readonly string[],
  today: string,
): Promise<Map<string, DistinguishingDetails>> {
  const wanted = [...new Set(ids)];
  const details = new Map<string, DistinguishingDetails>(
    wanted.map((id) => [id, { town: null, pnc: null, managers: [] }]),
  );
  if (!wanted.length) return details;
  const current = sql<SqlBool>`(addresses.from_date IS NULL OR addresses.from_date <= ${today}::date)
      AND (addresses.to_date IS NULL OR addresses.to_date >= ${today}::date)`;
  const towns = await db
    .selectFrom('addresses')
    .select(['nominal_id', 'town'])
    .where('nominal_id', 'in', wanted)
    .where('type', '!=', 'proposed_release')
    .where('town', 'is not', null)
    .where(current)
    .orderBy('nominal_id')
    .orderBy('from_date', 'desc')
    .execute();
  for (const t of towns) {
    const d = details.get(t.nominal_id)!;
    d.town ??= t.town;
  }
  const pncs = await db
    .selectFrom('nominal_identifiers')
    .select(['nominal_id', 'value'])
    .where('nominal_id', 'in', wanted)
    .where('type', '=', 'pnc')
    .execute();
  for (const p of pncs) details.get(p.nominal_id)!.pnc = p.value;
  // Today's named managers, read as the worklists read them, by role then name.
  for (const [id, managers] of await currentManagersOf(db, wanted, today))
    details.get(id)!.managers = managers
      .toSorted((a, b) => a.role.localeCompare(b.role))
      .map((m) => ({ name: m.name, userId: m.userId, agencyId: m.agencyId, role: m.role }));
  return details;
}

// --- for worklists ---

/** One of a person's named managers today (a manager may have no Vigil account: `userId` null). */
export interface CurrentManager {
  userId: string | null;
  name: string;
  role: string;
  agencyId: string;
}

/** The named managers current today of some people, by person: one query for a whole list, never one per row. */
export async function currentManagersOf(
  db: Db | Tx,
  nominalIds: readonly string[],
  today: string,
): Promise<Map<string, CurrentManager[]>> {
  const wanted = [...new Set(nominalIds)];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('nominal_managers')
    .select(['nominal_id', 'user_id', 'name', 'role', 'agency_id'])
    .where('nominal_id', 'in', wanted)
    .where('from_date', '<=', today)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', today)]))
    .orderBy('name')
    .execute();
  const byPerson = new Map<string, CurrentManager[]>();
  for (const r of rows) {
    const list = byPerson.get(r.nominal_id) ?? [];
    list.push({ userId: r.user_id, name: r.name, role: r.role, agencyId: r.agency_id });
    byPerson.set(r.nominal_id, list);
  }
  return byPerson;
}

// --- for custody (release and HDC address checks) ---

export interface RelatedAddressOn {
  relationshipId: string;
  type: string;
  name: string;
  /** Under 18 on the day: from their date of birth when known, else as recorded. */
  isChild: boolean;
  inHousehold: boolean;
  address: {
    line1: string;
    line2: string | null;
    town: string | null;
    postcode: string;
    fromDate: string;
    toDate: string | null;
  } | null;
}

/**
 * Each of a person's relationships with the address current on `today` (null: none known then),
 * whatever the viewer may see: the check must find a victim's address even for someone who may not
 * read it, and the caller withholds what it shows (a victim's relationship is `type: 'victim'`).
 */
export async function relatedAddressesOn(
  db: Db | Tx,
  nominalId: string,
  today: string,
): Promise<RelatedAddressOn[]> {
  const [people, addresses] = await Promise.all([
    db
      .selectFrom('relationships')
      .select(['id', 'type', 'person_name', 'date_of_birth', 'is_child', 'in_household'])
      .where('nominal_id', '=', nominalId)
      .orderBy('person_name')
      .execute(),
    db
      .selectFrom('relationship_addresses')
      .select(['relationship_id', 'line1', 'line2', 'town', 'postcode', 'from_date', 'to_date'])
      .where('nominal_id', '=', nominalId)
      .where('from_date', '<=', today)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', today)]))
      .orderBy('from_date', 'desc')
      .execute(),
  ]);
  return people.map((p) => {
    const a = addresses.find((r) => r.relationship_id === p.id);
    const eighteenth = p.date_of_birth
      ? `${Number(p.date_of_birth.slice(0, 4)) + 18}${p.date_of_birth.slice(4)}`
      : null;
    return {
      relationshipId: p.id,
      type: p.type,
      name: p.person_name,
      isChild: eighteenth ? today < eighteenth : p.is_child,
      inHousehold: p.in_household,
      address: a
        ? {
            line1: a.line1,
            line2: a.line2,
            town: a.town,
            postcode: a.postcode,
            fromDate: a.from_date,
            toDate: a.to_date,
          }
        : null,
    };
  });
}

/** The start of a domestic abuse marker in force on `today`, or null when there is none. */
export async function domesticAbuseMarkerOn(
  db: Db | Tx,
  nominalId: string,
  today: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('markers')
    .select('start_date')
    .where('nominal_id', '=', nominalId)
    .where('type', '=', 'domestic_abuse')
    .where('start_date', '<=', today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .orderBy('start_date')
    .executeTakeFirst();
  return row?.start_date ?? null;
}

export interface ExclusionZoneOn {
  kind: string;
  madeOn: string;
  court: string | null;
  endsOn: string | null;
  /** As written: postcodes, sectors or districts, separated by commas. */
  zone: string;
}

/** The exclusion zones of the person's orders in force on `today`. */
export async function exclusionZonesOn(
  db: Db | Tx,
  nominalId: string,
  today: string,
): Promise<ExclusionZoneOn[]> {
  const rows = await db
    .selectFrom('civil_orders')
    .select(['kind', 'made_on', 'court', 'ends_on', 'exclusion_zone'])
    .where('nominal_id', '=', nominalId)
    .where('exclusion_zone', 'is not', null)
    .where('made_on', '<=', today)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .orderBy('made_on')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    madeOn: r.made_on,
    court: r.court,
    endsOn: r.ends_on,
    zone: r.exclusion_zone!,
  }));
}
