import { isUuid } from '../../../validation/fields.ts';
import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize } from '../../../access/policy.ts';
import type { Database } from '../../../db/database.ts';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import { loadInScope, recordAndLog } from '../../nominals/index.ts';

/**
 * A change of category or end date made by a correction of the rules is listed until someone has
 * reviewed it (levels/obligations.ts writes it). Reviewing it is a decision about the person, so
 * it needs the level decision's action and the record in the reviewer's scope.
 */
export async function markRuleCorrectionReviewed(
  database: Database,
  ctx: UseCaseContext,
  correctionId: string,
) {
  authorize(ctx.actor, 'level.decide');
  if (!isUuid(correctionId)) throw new NotFoundError();
  return database.transaction(async (tx) => {
    const correction = await tx
      .selectFrom('rule_corrections')
      .select([
        'id',
        'nominal_id',
        'old_category',
        'new_category',
        'old_ends_on',
        'new_ends_on',
        'reviewed_at',
      ])
      .where('id', '=', correctionId)
      .executeTakeFirst();
    if (!correction) throw new NotFoundError();
    // Out of scope looks exactly like "not found".
    await loadInScope(tx, ctx, correction.nominal_id, 'nominal.edit');
    const updated = await tx
      .updateTable('rule_corrections')
      .set({ reviewed_at: ctx.now, reviewed_by: ctx.actor.userId })
      .where('id', '=', correctionId)
      .where('reviewed_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new ConflictError('This change has already been reviewed');
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId: correction.nominal_id,
        section: 'levels',
        entityId: correctionId,
        entityVersion: 1,
        action: 'updated',
        summary: 'Change made by a rule correction reviewed',
        before: { category: correction.old_category, endsOn: correction.old_ends_on },
        after: { category: correction.new_category, endsOn: correction.new_ends_on },
      },
      { section: 'rule correction reviewed' },
    );
    return { id: correctionId, reviewedAt: ctx.now.toISOString() };
  });
}
