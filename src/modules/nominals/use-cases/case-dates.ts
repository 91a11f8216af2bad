import type { UseCaseContext } from '../../../access/actor.ts';
import type { Tx } from '../../../db/database.ts';
import { firstRotlOn } from '../../../domain/rotl.ts';
import { recordAndLog } from '../changes.ts';
import { recordExtensions } from '../extensions.ts';

/**
 * The first release on temporary licence from an approved ROTL (custody calls this in its own
 * transaction, after its scope check): the record's case date becomes the approved start unless it
 * already holds an earlier one (domain/rotl.ts firstRotlOn), the obligations are recomputed (the
 * level is due before it) and the timeline says where the date came from.
 */
export async function recordFirstRotlDate(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  approvedStartOn: string,
  source: string,
): Promise<void> {
  const current = await tx
    .selectFrom('nominals')
    .select(['rotl_first_release_on', 'version'])
    .where('id', '=', nominalId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const first = firstRotlOn(approvedStartOn, current.rotl_first_release_on);
  if (!first || first === current.rotl_first_release_on) return;
  const updated = await tx
    .updateTable('nominals')
    .set({
      rotl_first_release_on: first,
      version: current.version + 1,
      updated_at: ctx.now,
      updated_by: ctx.actor.userId,
    })
    .where('id', '=', nominalId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await recordExtensions().changed(tx, ctx, nominalId, null);
  await recordAndLog(
    tx,
    ctx,
    {
      nominalId,
      section: 'case-dates',
      entityId: nominalId,
      entityVersion: updated.version,
      action: 'updated',
      summary: `Case dates updated: first release on temporary licence (ROTL), from ${source}`,
      before: { rotlFirstReleaseOn: current.rotl_first_release_on },
      after: { rotlFirstReleaseOn: first },
    },
    { section: 'case-dates' },
  );
}
