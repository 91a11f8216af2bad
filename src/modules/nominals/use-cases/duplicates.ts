import { sql, type SqlBool } from 'kysely';
import type { UseCaseContext } from '../../../access/actor.ts';
import { nominalScope } from '../../../access/policy.ts';
import type { Tx } from '../../../db/database.ts';
import { areaNames } from '../../reference/index.ts';
import {
  distinguishingDetails,
  nominalsByIdentifier,
  nominalsByName,
  type NominalMatch,
} from '../queries.ts';

/**
 * A person already recorded who may be the one being added. Someone the user may not see is only
 * "a possible match managed in another area": no name, date of birth or area is disclosed.
 */
export type PossibleDuplicate =
  | {
      inScope: true;
      id: string;
      vigilRef: string;
      name: string;
      dateOfBirth: string;
      town: string | null;
      pnc: string | null;
      areaCode: string;
      areaName: string;
      mappaLevel: number | null;
      matchedOn: 'identifier' | 'name and date of birth';
    }
  | { inScope: false; matchedOn: 'identifier' | 'name and date of birth' };

export const POSSIBLE_DUPLICATE_MESSAGE =
  'This person may already be recorded. Check the possible matches; if this is a different person, confirm it and save again.';

/** How many people of a similar name born the same day are shown (twins and namesakes are rare). */
const MOST_CANDIDATES = 10;

/**
 * Everyone already recorded with a similar name (the search's scoring, aliases included) and the
 * same date of birth, or holding one of the identifiers given: every area is looked at, since a
 * second record in another area is the duplicate that matters most.
 */
export async function possibleDuplicates(
  tx: Tx,
  ctx: UseCaseContext,
  person: {
    forename: string;
    surname: string;
    dateOfBirth: string;
    identifiers: { type: string; value: string }[];
  },
): Promise<PossibleDuplicate[]> {
  const conditions = { where: sql<SqlBool>`true`, scope: nominalScope(ctx.actor, ctx) };
  const found = new Map<string, { match: NominalMatch; matchedOn: PossibleDuplicate['matchedOn'] }>();
  for (const identifier of person.identifiers) {
    for (const match of (await nominalsByIdentifier(tx, identifier, conditions)).results)
      found.set(match.id, { match, matchedOn: 'identifier' });
  }
  const byName = await nominalsByName(
    tx,
    {
      first: person.forename.toLowerCase(),
      last: person.surname.toLowerCase(),
      dateOfBirth: person.dateOfBirth,
      area: null,
      limit: MOST_CANDIDATES,
      offset: 0,
      oneNameMatches: MOST_CANDIDATES,
    },
    conditions,
  );
  for (const match of byName.results)
    if (!found.has(match.id)) found.set(match.id, { match, matchedOn: 'name and date of birth' });
  const visible = [...found.values()].filter((f) => f.match.inScope).map((f) => f.match);
  const details = await distinguishingDetails(
    tx,
    visible.map((m) => m.id),
    ctx.today,
  );
  const areas = await areaNames(
    tx,
    visible.map((m) => m.areaCode),
  );
  return [...found.values()].map(({ match, matchedOn }): PossibleDuplicate => {
    if (!match.inScope) return { inScope: false, matchedOn };
    const d = details.get(match.id);
    return {
      inScope: true,
      id: match.id,
      vigilRef: match.vigilRef,
      name: match.name,
      dateOfBirth: match.dateOfBirth,
      town: d?.town ?? null,
      pnc: d?.pnc ?? null,
      areaCode: match.areaCode,
      areaName: areas.get(match.areaCode) ?? match.areaCode,
      mappaLevel: match.mappaLevel,
      matchedOn,
    };
  });
}
