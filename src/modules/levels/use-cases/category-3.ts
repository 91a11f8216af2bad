import type { UseCaseContext } from '../../../access/actor.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { loadInScope, recordChange } from '../../nominals/index.ts';
import { usersByIds } from '../../users/index.ts';
import { recomputeObligations } from '../obligations.ts';

/** How an outcome reads on the timeline, the levels page and in the API. */
export const CATEGORY_3_OUTCOME_LABELS = {
  refer: 'Refer to MAPPA as Category 3',
  not_needed: 'Category 3 not needed',
} as const;
export type Category3Outcome = keyof typeof CATEGORY_3_OUTCOME_LABELS;

/**
 * Inside the caller's transaction (the worklists' "Consider Category 3"): the consideration is
 * stored and goes on the person's timeline, and the person leaves the candidates until something
 * significant changes. The caller authorizes, checks scope, validates and logs the access.
 */
export async function recordCategory3Consideration(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  consideration: { outcome: Category3Outcome; reason: string },
): Promise<{ id: string }> {
  const row = await tx
    .insertInto('category3_considerations')
    .values({
      considered_at: ctx.now,
      nominal_id: nominalId,
      outcome: consideration.outcome,
      reason: consideration.reason,
      considered_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A decision not to refer must be readable later (who, when, why), like any other level decision.
  await recordChange(tx, ctx, {
    nominalId,
    section: 'levels',
    entityId: row.id,
    entityVersion: 1,
    action: 'created',
    summary: `Category 3 considered: ${CATEGORY_3_OUTCOME_LABELS[consideration.outcome].toLowerCase()}`,
    before: null,
    after: { outcome: consideration.outcome, reason: consideration.reason },
  });
  await recomputeObligations(tx, nominalId, ctx.today);
  return row;
}

/** A person's Category 3 considerations, newest first, with who made each (ids: the caller names them). */
export async function category3ConsiderationsOf(tx: Tx, nominalId: string) {
  return tx
    .selectFrom('category3_considerations')
    .select(['id', 'outcome', 'reason', 'considered_at as consideredAt', 'considered_by as consideredById'])
    .where('nominal_id', '=', nominalId)
    .orderBy('considered_at', 'desc')
    .execute();
}

/** A person's Category 3 considerations as the API answers them (the levels page has them in its history). */
export async function getCategory3Considerations(database: Database, ctx: UseCaseContext, nominalId: string) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    // Part of the person's MAPPA status: an invited agency sees it only if levels were shared with it.
    if (!scope.visible.section('levels')) throw new NotFoundError();
    const considerations = await category3ConsiderationsOf(tx, nominalId);
    const users = await usersByIds(
      tx,
      considerations.map((c) => c.consideredById),
    );
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'category 3 considerations',
    });
    return {
      considerations: considerations.map(({ consideredById, ...c }) => ({
        ...c,
        outcome: c.outcome as Category3Outcome,
        outcomeLabel: CATEGORY_3_OUTCOME_LABELS[c.outcome as Category3Outcome],
        consideredBy: users.get(consideredById)?.displayName ?? '',
      })),
    };
  });
}
