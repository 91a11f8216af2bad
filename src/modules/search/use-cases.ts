import { sql, type SqlBool } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, nominalScope } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { MANAGER_ROLE, labelOf } from '../../domain/codes.ts';
import { detectIdentifier } from '../../domain/identifiers.ts';
import { parseInput } from '../../validation/parse.ts';
import { distinguishingDetails, nominalsByIdentifier, nominalsByName } from '../nominals/index.ts';
import { agenciesByIds, areaNames } from '../reference/index.ts';
import { usersByIds } from '../users/index.ts';
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
    const people = await tellApart(
      tx,
      found.results.filter((r) => r.inScope).map((r) => r.id),
      ctx.today,
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
        // Only for people the searcher may see: an out-of-scope row is opened with a reason first.
        ...(people.get(r.id) ?? { town: null, pnc: null, managers: [] }),
      })),
    };
  });
}

/**
 * What tells people of the same name apart (town, PNC, named managers with their agencies), for a
 * whole page of results: one query per look-up, never one per row.
 */
async function tellApart(tx: Tx, ids: string[], today: string) {
  const details = await distinguishingDetails(tx, ids, today);
  const managers = [...details.values()].flatMap((d) => d.managers);
  const agencies = await agenciesByIds(
    tx,
    managers.map((m) => m.agencyId),
  );
  const users = await usersByIds(
    tx,
    managers.map((m) => m.userId),
  );
  return new Map(
    [...details].map(([id, d]) => [
      id,
      {
        town: d.town,
        pnc: d.pnc,
        managers: d.managers.map((m) => ({
          name: (m.userId ? users.get(m.userId)?.displayName : undefined) ?? m.name,
          agencyName: agencies.get(m.agencyId)?.name ?? '',
          role: m.role,
          roleLabel: labelOf(MANAGER_ROLE, m.role),
        })),
      },
    ]),
  );
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
