import type { Tx } from '../../../db/database.ts';
import { ValidationError } from '../../../domain/errors.ts';

const identifierTaken = (value: string) =>
  `${value} is already recorded for another person – check the number, or search for that person`;

/** An identifier belongs to one person: refuse it if another record holds it (without saying whose). */
export async function assertIdentifiersFree(
  tx: Tx,
  identifiers: readonly { type: string; value: string }[],
  exceptId: string | null,
  errorKey: (i: number) => string,
) {
  for (const [i, identifier] of identifiers.entries()) {
    let query = tx
      .selectFrom('nominal_identifiers')
      .select('id')
      .where('type', '=', identifier.type)
      .where('value', '=', identifier.value);
    if (exceptId) query = query.where('id', '!=', exceptId);
    if (await query.executeTakeFirst())
      throw new ValidationError({ [errorKey(i)]: identifierTaken(identifier.value) });
  }
}

/** Two people saving the same identifier at the same moment: the database's unique index decides, said plainly. */
export async function guardIdentifierRace<T>(work: () => Promise<T>, errorKey: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pgError = error as { code?: string; constraint?: string };
    if (pgError.code === '23505' && pgError.constraint === 'nominal_identifiers_type_value_key') {
      throw new ValidationError({
        [errorKey]:
          'This identifier is already recorded for another person – check the number, or search for that person',
      });
    }
    throw error;
  }
}
