import { sql } from 'kysely';
import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize, ownArea } from '../../../access/policy.ts';
import type { Database } from '../../../db/database.ts';
import { makeVigilReference, type IdentifierType } from '../../../domain/identifiers.ts';
import { parseInput } from '../../../validation/parse.ts';
import { recordAndLog, recordChange } from '../changes.ts';
import { recordExtensions } from '../extensions.ts';
import { newNominalInput } from '../schemas.ts';
import { IDENTITY_FIELDS } from '../sections.ts';
import { assertIdentifiersFree, guardIdentifierRace } from './identifiers.ts';
import { syncName } from './names.ts';
import { toColumns, type Values } from './record-values.ts';

export interface CreateNominalInput extends Values {
  identifiers?: { type: string; value: string }[];
}

/** A new person's record, in the creator's area, with any identifiers known. */
export async function createNominal(database: Database, ctx: UseCaseContext, input: CreateNominalInput) {
  authorize(ctx.actor, 'nominal.create');
  const areaCode = ownArea(ctx.actor);
  const { identifiers, ...values } = parseInput(
    newNominalInput(() => ctx.today),
    input,
  );
  const known = identifiers as { type: IdentifierType; value: string }[];
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
