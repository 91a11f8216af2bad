import type { UseCaseContext } from '../../../access/actor.ts';
import type { Tx } from '../../../db/database.ts';
import { recomputeObligations } from '../obligations.ts';

/**
 * Inside the caller's transaction (the worklists' "Consider Category 3"): the consideration is
 * stored, and the person leaves the candidates until something significant changes. The caller
 * authorizes, checks scope and validates.
 */
export async function recordCategory3Consideration(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  consideration: { outcome: 'refer' | 'not_needed'; reason: string },
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
  await recomputeObligations(tx, nominalId, ctx.today);
  return row;
}
