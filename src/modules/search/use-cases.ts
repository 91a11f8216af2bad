import { sql, type Expression, type SqlBool } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, nominalScope } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { parseIsoDate } from '../../domain/dates.ts';
import { ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { detectIdentifier } from '../../domain/identifiers.ts';

export interface SearchInput {
  q?: unknown;
  dateOfBirth?: unknown;
  area?: unknown;
  page?: unknown;
  /** Search every area, not only the user's scope: needs a reason, which is logged. */
  allAreas?: unknown;
  reason?: unknown;
}

export interface SearchResult {
  id: string;
  vigilRef: string;
  name: string;
  /** Set when the match was on an alias rather than the person's own name. */
  matchedAlias: string | null;
  dateOfBirth: string;
  areaCode: string;
  areaName: string;
  mappaCategory: number | null;
  mappaLevel: number | null;
  score: number;
  /** False for a record outside the user's scope, found by an all-areas search: opening it needs a reason. */
  inScope: boolean;
}

export const PAGE_SIZE = 20;

/**
 * Finds people by name (tolerating misspellings, sound-alikes and forename/surname swapped), with
 * an optional date of birth and area, or by any identifier (exact). Only records in the user's
 * scope are returned, and each one returned is logged as consulted.
 */
export async function searchNominals(database: Database, ctx: UseCaseContext, input: SearchInput) {
  authorize(ctx.actor, 'nominal.search');
  const { q, dateOfBirth, area, page, allAreas, reason } = parseSearch(input);
  if (allAreas) authorize(ctx.actor, 'nominal.justified-access');
  const identifier = detectIdentifier(q);
  const scope = nominalScope(ctx.actor, ctx);
  const where = allAreas ? sql<SqlBool>`true` : scope;
  return database.transaction(async (tx) => {
    let results: SearchResult[];
    let total: number;
    let totalIsEstimate = false;
    if (identifier) {
      const rows = await sql<SearchResult & { total: number }>`
        SELECT n.id, n.vigil_ref AS "vigilRef", n.forename || ' ' || n.surname AS name, NULL AS "matchedAlias",
               n.date_of_birth AS "dateOfBirth", n.area_code AS "areaCode", a.name AS "areaName",
               n.mappa_category AS "mappaCategory", n.mappa_level AS "mappaLevel", 1.0 AS score,
               ${scope} AS "inScope", count(*) OVER () AS total
        FROM nominals n JOIN areas a ON a.code = n.area_code
        WHERE ${identifier.type === 'vigil' ? sql`n.vigil_ref = ${identifier.value}` : sql`n.id IN (SELECT nominal_id FROM nominal_identifiers WHERE type = ${identifier.type} AND value = ${identifier.value})`}
          AND ${where}`.execute(tx);
      results = rows.rows;
      total = rows.rows[0]?.total ?? 0;
    } else {
      ({ results, total, totalIsEstimate } = await nameSearch(tx, where, scope, q, dateOfBirth, area, page));
    }
    // Every search is logged, even one that found nothing: a refused look is as telling as a granted one.
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: results.map((r) => r.id),
      section: results.length ? 'search result' : 'search (nothing found)',
      purpose: reason ?? undefined,
    });
    return {
      query: { q, dateOfBirth, area, page, allAreas },
      matchedIdentifier: identifier ?? null,
      total,
      /** True when people matching one name only were capped (ONE_NAME_MATCHES): show "about N". */
      totalIsEstimate,
      page,
      pageSize: PAGE_SIZE,
      results: results.map(
        ({ total: _total, capped: _capped, ...r }: SearchResult & { total?: number; capped?: boolean }) => ({
          ...r,
          score: Number(r.score),
        }),
      ),
    };
  });
}

function parseSearch(input: SearchInput) {
  const errors: FieldErrors = {};
  const q = typeof input.q === 'string' ? input.q.trim().replace(/\s+/g, ' ') : '';
  if (q.length < 2) errors.q = 'Enter a name or identifier (at least 2 characters)';
  else if (q.length > 100) errors.q = 'Search must be 100 characters or fewer';
  let dateOfBirth: string | null = null;
  if (typeof input.dateOfBirth === 'string' && input.dateOfBirth.trim()) {
    const parsed = parseIsoDate(input.dateOfBirth.trim(), 'Date of birth');
    if (parsed.ok) dateOfBirth = parsed.value;
    else errors.dateOfBirth = parsed.error;
  }
  const area = typeof input.area === 'string' && /^[A-Z]{3}$/.test(input.area) ? input.area : null;
  if (typeof input.area === 'string' && input.area && !area) errors.area = 'Select an area from the list';
  const page = Math.max(1, Math.min(500, Number.parseInt(String(input.page ?? '1'), 10) || 1));
  const allAreas = input.allAreas === true || input.allAreas === 'true' || input.allAreas === 'yes';
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (allAreas && reason.length < 10)
    errors.reason = 'Give your reason for searching other areas (at least 10 characters)';
  else if (reason.length > 500) errors.reason = 'Reason must be 500 characters or fewer';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { q, dateOfBirth, area, page, allAreas, reason: allAreas ? reason : null };
}

/**
 * How many people in scope matching one name only (a Smith whose forename is nothing like the one
 * typed) are scored, per name: they rank mostly below the people matching both names, so they are a
 * sample, and the total becomes "about". Every person matching both names is always scored.
 */
export const ONE_NAME_MATCHES = 50;

async function nameSearch(
  tx: Tx,
  where: Expression<SqlBool>,
  scope: Expression<SqlBool>,
  q: string,
  dateOfBirth: string | null,
  area: string | null,
  page: number,
) {
  const tokens = q
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((t) => /[\p{L}]/u.test(t));
  const first = tokens[0] ?? q.toLowerCase();
  const last = tokens[tokens.length - 1] ?? first;
  const inScope = sql<SqlBool>`${where} AND (${area}::text IS NULL OR n.area_code = ${area})`;
  // Misspellings like "Smiht" sit near 0.3 trigram similarity: widen the net, then rank.
  // And no JIT: a misestimated plan for this query can cross its cost threshold (seen while tuning),
  // and compiling then takes ~100 ms where the query itself takes a few.
  await sql`SELECT set_config('pg_trgm.similarity_threshold', '0.25', true), set_config('jit', 'off', true)`.execute(
    tx,
  );
  // Candidates. With a date of birth: everyone born that day (a handful). Otherwise each typed word
  // is matched against the dictionary of names in use (name_words, migration 0015), then every row
  // whose forename and surname both match (either way round) is taken, however many, plus the first
  // ONE_NAME_MATCHES in scope matching one name only. Scoring all 500,000 names, or every Smith in
  // the country, is what made this search slow.
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
        LIMIT ${ONE_NAME_MATCHES}) one
      ORDER BY w.${order} DESC, w.word LIMIT ${ONE_NAME_MATCHES}`;
  };
  const arms = dateOfBirth
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
  const rows = await sql<SearchResult & { total: number; capped: boolean }>`
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
           n.date_of_birth AS "dateOfBirth", n.area_code AS "areaCode", a.name AS "areaName",
           n.mappa_category AS "mappaCategory", n.mappa_level AS "mappaLevel",
           round((b.score + CASE WHEN n.date_of_birth = ${dateOfBirth}::date THEN 1 ELSE 0 END)::numeric, 3) AS score,
           ${scope} AS "inScope",
           count(*) OVER () AS total,
           (SELECT count(*) FROM by_surname) >= ${ONE_NAME_MATCHES}
             OR (SELECT count(*) FROM by_forename) >= ${ONE_NAME_MATCHES} AS capped
    FROM best b
    JOIN nominals n ON n.id = b.nominal_id
    JOIN areas a ON a.code = n.area_code
    WHERE b.score >= 0.45
      AND ${inScope}
      AND (${dateOfBirth}::date IS NULL OR n.date_of_birth = ${dateOfBirth}::date)
    ORDER BY score DESC, n.surname, n.forename, n.date_of_birth
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`.execute(tx);
  return {
    results: rows.rows,
    total: rows.rows[0]?.total ?? 0,
    totalIsEstimate: rows.rows[0]?.capped ?? false,
  };
}
