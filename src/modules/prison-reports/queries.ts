import type { Tx } from '../../db/database.ts';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';

// --- for retention ---

/**
 * Erases one person's personal data from their prison reports (MAPPA F; a data protection
 * officer's decision, src/modules/retention; the caller logs it in the same transaction): each
 * report keeps its establishment, meeting, status, author and dates, but every part and any return
 * reason read 'Erased'.
 */
export async function eraseReportsOf(tx: Tx, nominalId: string): Promise<ErasedPart> {
  const rows = await tx
    .selectFrom('prison_reports')
    .select([
      'id',
      'behaviour',
      'adjudications',
      'security_intelligence',
      'offence_paralleling',
      'rotl',
      'communications_monitoring',
      'analysis',
      'return_reason',
    ])
    .where('nominal_id', '=', nominalId)
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const row of rows)
    await tx
      .updateTable('prison_reports')
      .set({
        behaviour: ERASED_TEXT,
        adjudications: ERASED_TEXT,
        security_intelligence: ERASED_TEXT,
        offence_paralleling: ERASED_TEXT,
        rotl: ERASED_TEXT,
        communications_monitoring: ERASED_TEXT,
        analysis: ERASED_TEXT,
        return_reason: row.return_reason === null ? null : ERASED_TEXT,
      })
      .where('id', '=', row.id)
      .execute();
  return erasedPart(rows, rows.length);
}
