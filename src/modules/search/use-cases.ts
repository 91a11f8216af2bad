import { sql, type SqlBool } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, nominalScope } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database } from '../../db/database.ts';
import { detectIdentifier } from '../../domain/identifiers.ts';
import { parseInput } from '../../validation/parse.ts';
import { nominalsByIdentifier, nominalsByName } from '../nominals/index.ts';
import { areaNames } from '../reference/index.ts';
import { SearchQuery } from './schemas.ts';

export const PAGE_SIZE = 20;

/**
 * How many people in scope matching one name only (a Smith whose forename is nothing like the one
 * typed) are scored, per name: they rank mostly below the people matching both names, so they are a
 * sample, and the total becomes "about". Every person matching both names is always scored.
 */
export const ONE_NAME_MATCHES = 50;

/**
 * Finds people by name (tolerating misspellings, sound-alikes and forename/surname swapped), with
 * an optional date of birth and area, or by any identifier (exact). Only records in the user's
 * scope are returned, and each one returned is logged as consulted. The record's own queries
 * (nominals' nominalsByIdentifier, nominalsByName) find them; this decides who may look, where and
 * how far, and logs the look.
 */
export async function searchNominals(database: Database, ctx: UseCaseContext, input: unknown) {
  authorize(ctx.actor, 'nominal.search');
  const { q, dateOfBirth, area, page, allAreas, reason } = parseInput(SearchQuery, input);
  if (allAreas) authorize(ctx.actor, 'nominal.justified-access');
  const identifier = detectIdentifier(q);
  const scope = nominalScope(ctx.actor, ctx);
  const conditions = { where: allAreas ? sql<SqlBool>`true` : scope, scope };
  return database.transaction(async (tx) => {
    const found = identifier
      ? { ...(await nominalsByIdentifier(tx, identifier, conditions)), capped: false }
      : await nominalsByName(
          tx,
          {
            ...typedNames(q),
            dateOfBirth,
            area,
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
            oneNameMatches: ONE_NAME_MATCHES,
          },
          conditions,
        );
    const areas = await areaNames(
      tx,
      found.results.map((r) => r.areaCode),
    );
    // Every search is logged, even one that found nothing: a refused look is as telling as a granted one.
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: found.results.map((r) => r.id),
      section: found.results.length ? 'search result' : 'search (nothing found)',
      purpose: reason ?? undefined,
    });
    return {
      query: { q, dateOfBirth, area, page, allAreas },
      matchedIdentifier: identifier ?? null,
      total: found.total,
      /** True when people matching one name only were capped (ONE_NAME_MATCHES): show "about N". */
      totalIsEstimate: found.capped,
      page,
      pageSize: PAGE_SIZE,
      results: found.results.map((r) => ({
        ...r,
        areaName: areas.get(r.areaCode) ?? r.areaCode,
        score: Number(r.score),
      })),
    };
  });
}

/** The first and last words typed, as forename and surname (either way round, when scored). */
function typedNames(q: string) {
  const tokens = q
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((t) => /[\p{L}]/u.test(t));
  const first = tokens[0] ?? q.toLowerCase();
  return { first, last: tokens[tokens.length - 1] ?? first };
}
