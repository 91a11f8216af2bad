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

/** Turns references typed by people (a user's email) into ids, and checks the ones given as ids exist. */
export async function resolveReferences(tx: Tx, section: RowSection, values: Values): Promise<Values> {
  const resolved = { ...values };
  for (const field of section.fields) {
    const value = values[field.key];
    if (value === null || value === undefined) continue;
    if (field.kind === 'agency') await assertAgency(tx, value as string, field.key);
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
