import { sql } from 'kysely';
import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize, ownArea } from '../../../access/policy.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database } from '../../../db/database.ts';
import { ConflictError } from '../../../domain/errors.ts';
import { makeVigilReference, type IdentifierType } from '../../../domain/identifiers.ts';
import { parseInput } from '../../../validation/parse.ts';
import { recordAndLog, recordChange } from '../changes.ts';
import { recordExtensions } from '../extensions.ts';
import { newNominalInput } from '../schemas.ts';
import { IDENTITY_FIELDS } from '../sections.ts';
import { POSSIBLE_DUPLICATE_MESSAGE, possibleDuplicates } from './duplicates.ts';
import { assertIdentifiersFree, guardIdentifierRace } from './identifiers.ts';
import { syncName } from './names.ts';
import { toColumns, type Values } from './record-values.ts';

export interface CreateNominalInput extends Values {
  identifiers?: { type: string; value: string }[];
  /** The user has seen the possible duplicates and says this is a different person. */
  confirmedNotDuplicate?: boolean | string;
}

export interface CreateNominalOptions {
  /**
   * Someone typing a person in (the page, the API): refuse, with the candidates, while anyone of a
   * similar name and the same date of birth, or holding one of the identifiers, is already recorded
   * and the input does not confirm a different person. Loading known-distinct people (the demo) does not ask.
   */
  warnOfPossibleDuplicates?: boolean;
}

/** A new person's record, in the creator's area, with any identifiers known. */
export async function createNominal(
  database: Database,
  ctx: UseCaseContext,
  input: CreateNominalInput,
  options: CreateNominalOptions = {},
) {
  authorize(ctx.actor, 'nominal.create');
  const areaCode = ownArea(ctx.actor);
  const { identifiers, confirmedNotDuplicate, ...values } = parseInput(
    newNominalInput(() => ctx.today),
    input,
  );
  const known = identifiers as { type: IdentifierType; value: string }[];
  if (options.warnOfPossibleDuplicates && confirmedNotDuplicate !== true) {
    const person = {
      forename: values.forename as string,
      surname: values.surname as string,
      dateOfBirth: values.dateOfBirth as string,
      identifiers: known,
    };
    // Its own transaction, committed: showing the candidates is a consultation of their records,
    // logged even though nothing is created (DPA 2018 s.62).
    const candidates = await database.transaction(async (tx) => {
      const found = await possibleDuplicates(tx, ctx, person);
      const shown = found.flatMap((c) => (c.inScope ? [c.id] : []));
      if (shown.length)
        await logAccess(tx, ctx, {
          operation: 'consultation',
          recordType: 'nominal',
          recordIds: shown,
          section: 'possible duplicates',
        });
      return found;
    });
    if (candidates.length) throw new ConflictError(POSSIBLE_DUPLICATE_MESSAGE, [], { candidates });
  }
  return guardIdentifierRace(
    () =>
      database.transaction(async (tx) => {
        await assertIdentifiersFree(tx, known, null, (i) => `identifiers.${i}`);
        const seq = await sql<{ n: number }>`SELECT nextval('vigil_ref_seq')::int AS n`.execute(tx);
        const row = await tx
          .insertInto('nominals')
          .values({
            ...toColumns(IDENTITY_FIELDS, values),
            vigil_ref: makeVigilReference(seq.rows[0]!.n),
            area_code: areaCode,
            created_by: ctx.actor.userId,
            created_at: ctx.now,
            updated_by: ctx.actor.userId,
            updated_at: ctx.now,
          } as never)
          .returning(['id', 'vigil_ref', 'version'])
          .executeTakeFirstOrThrow();
        await syncName(tx, row.id, null, values.forename as string, values.surname as string);
        await recordAndLog(
          tx,
          ctx,
          {
            nominalId: row.id,
            section: 'identity',
            entityId: row.id,
            entityVersion: 1,
            action: 'created',
            summary: `Record created for ${values.forename} ${values.surname}`,
            before: null,
            after: values,
          },
          { section: undefined },
        );
        for (const identifier of known) {
          const added = await tx
            .insertInto('nominal_identifiers')
            .values({ nominal_id: row.id, type: identifier.type, value: identifier.value })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordChange(tx, ctx, {
            nominalId: row.id,
            section: 'identifiers',
            entityId: added.id,
            entityVersion: 1,
            action: 'created',
            summary: `Identifier added: ${identifier.value}`,
            before: null,
            after: identifier,
          });
        }
        await recordExtensions().changed(tx, ctx, row.id, null);
        return { id: row.id, vigilRef: row.vigil_ref, version: row.version };
      }),
    'identifiers.0',
  );
}
