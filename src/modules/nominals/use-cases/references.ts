import type { Tx } from '../../../db/database.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { agenciesByIds } from '../../reference/index.ts';
import { usersByEmails } from '../../users/index.ts';
import type { RowSection } from '../sections.ts';
import type { Values } from './record-values.ts';

/** A lead or manager's agency must be one Vigil knows. */
export async function assertAgency(tx: Tx, agencyId: string, key: string) {
  if (!(await agenciesByIds(tx, [agencyId])).has(agencyId))
    throw new ValidationError({ [key]: 'Select an agency from the list' });
}

/**
 * A sentence consecutive to another must name another conviction of the same person, and the
 * chain it starts must not come back to this one (SOA 2003 s.82(3) adds the terms up; a loop has
 * no total).
 */
async function assertConsecutiveTo(
  tx: Tx,
  target: string,
  row: { nominalId: string; rowId: string | null },
  key: string,
) {
  if (target === row.rowId)
    throw new ValidationError({ [key]: 'Select a different conviction: a sentence cannot follow itself' });
  const convictions = await tx
    .selectFrom('convictions')
    .select(['id', 'consecutive_to'])
    .where('nominal_id', '=', row.nominalId)
    .execute();
  const next = new Map(convictions.map((c) => [c.id, c.consecutive_to]));
  if (!next.has(target))
    throw new ValidationError({ [key]: 'Select one of this person’s convictions from the list' });
  const seen = new Set<string>();
  for (let at: string | null | undefined = target; at; at = next.get(at)) {
    if (at === row.rowId || seen.has(at))
      throw new ValidationError({
        [key]: 'Select a different conviction: that one already runs after this sentence',
      });
    seen.add(at);
  }
}

/** Turns references typed by people (a user's email) into ids, and checks the ones given as ids exist. */
export async function resolveReferences(
  tx: Tx,
  section: RowSection,
  values: Values,
  row: { nominalId: string; rowId: string | null },
): Promise<Values> {
  const resolved = { ...values };
  for (const field of section.fields) {
    const value = values[field.key];
    if (value === null || value === undefined) continue;
    if (field.kind === 'agency') await assertAgency(tx, value as string, field.key);
    if (field.kind === 'conviction') await assertConsecutiveTo(tx, value as string, row, field.key);
    if (field.kind === 'user') {
      const user = (await usersByEmails(tx, [value as string])).get((value as string).toLowerCase());
      if (!user)
        throw new ValidationError({
          [field.key]: 'No Vigil user has this email address – check it, or leave it blank',
        });
      resolved[field.key] = user.id;
    }
  }
  return resolved;
}
