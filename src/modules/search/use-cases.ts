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
  const scope = nominalScope(ctx.actor, ctx.today);
  const where = allAreas ? sql<SqlBool>`true` : scope;
  return database.transaction(async (tx) => {
    let results: SearchResult[];
    let total: number;
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
      ({ results, total } = await nameSearch(tx, where, scope, q, dateOfBirth, area, page));
    }
    // Every search is logged, even one that found nothing: a refused look is as telling as a granted one.
    await logAccess(tx, ctx.actor, ctx.origin, {
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
      page,
      pageSize: PAGE_SIZE,
      results: results.map(({ total: _total, ...r }: SearchResult & { total?: number }) => ({
        ...r,
        score: Number(r.score),
      })),
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
  // Misspellings like "Smiht" sit near 0.3 trigram similarity: widen the net, then rank.
  await sql`SET LOCAL pg_trgm.similarity_threshold = 0.25`.execute(tx);
  const rows = await sql<SearchResult & { total: number }>`
    WITH p AS (
      SELECT ${first}::text AS f, ${last}::text AS s, ${tokens.join(' ')}::text AS q,
             dmetaphone(${first}) AS fd, dmetaphone(${last}) AS sd
    ),
    candidates AS (
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
      FROM nominal_names nn, p
      WHERE nn.full_name % p.q
         OR lower(nn.surname) % p.s OR lower(nn.surname) % p.f
         OR nn.surname_sound IN (p.sd, p.fd)
    ),
    best AS (
      SELECT DISTINCT ON (nominal_id) nominal_id, alias_id, forename, surname, score
      FROM candidates ORDER BY nominal_id, score DESC
    )
    SELECT n.id, n.vigil_ref AS "vigilRef", n.forename || ' ' || n.surname AS name,
           CASE WHEN b.alias_id IS NOT NULL THEN b.forename || ' ' || b.surname END AS "matchedAlias",
           n.date_of_birth AS "dateOfBirth", n.area_code AS "areaCode", a.name AS "areaName",
           n.mappa_category AS "mappaCategory", n.mappa_level AS "mappaLevel",
           round((b.score + CASE WHEN n.date_of_birth = ${dateOfBirth}::date THEN 1 ELSE 0 END)::numeric, 3) AS score,
           ${scope} AS "inScope",
           count(*) OVER () AS total
    FROM best b
    JOIN nominals n ON n.id = b.nominal_id
    JOIN areas a ON a.code = n.area_code
    WHERE b.score >= 0.45
      AND ${where}
      AND (${area}::text IS NULL OR n.area_code = ${area})
      AND (${dateOfBirth}::date IS NULL OR n.date_of_birth = ${dateOfBirth}::date)
    ORDER BY score DESC, n.surname, n.forename, n.date_of_birth
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`.execute(tx);
  return { results: rows.rows, total: rows.rows[0]?.total ?? 0 };
}
