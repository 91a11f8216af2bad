import type { Tx } from '../../db/database.ts';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';

// --- for retention ---

/**
 * Erases one person's personal data from the notifications about them (a data protection
 * officer's decision, src/modules/retention; the caller logs it in the same transaction): a body
 * can name the person or quote what was recorded about them, so it reads 'Erased'; the subject
 * (which names the record by its Vigil reference only), link, recipient and dates stay.
 */
export async function eraseNotificationsAbout(tx: Tx, nominalId: string): Promise<ErasedPart> {
  const rows = await tx
    .selectFrom('notifications')
    .select(['id', 'body'])
    .where('nominal_id', '=', nominalId)
    .orderBy('id')
    .execute();
  if (!rows.length) return erasedPart(rows, 0);
  const result = await tx
    .updateTable('notifications')
    .set({ body: ERASED_TEXT })
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
  return erasedPart(rows, Number(result.numUpdatedRows));
}
