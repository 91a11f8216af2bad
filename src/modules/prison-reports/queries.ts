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

// --- for the start page ---

/** A prison report (MAPPA F) not yet approved: a draft, one returned to its writer, or one awaiting approval. */
export interface ReportInProgress {
  id: string;
  nominalId: string;
  meetingId: string | null;
  status: 'draft' | 'submitted' | 'returned';
  writtenBy: string;
  updatedAt: Date;
}

/** An establishment's prison reports not yet approved, oldest change first (at most 200). */
export async function reportsInProgressAt(
  tx: Tx,
  establishmentAgencyId: string,
): Promise<ReportInProgress[]> {
  const rows = await tx
    .selectFrom('prison_reports')
    .select(['id', 'nominal_id', 'meeting_id', 'status', 'written_by', 'updated_at'])
    .where('establishment_agency_id', '=', establishmentAgencyId)
    .where('status', 'in', ['draft', 'submitted', 'returned'])
    .orderBy('updated_at')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nominalId: r.nominal_id,
    meetingId: r.meeting_id,
    status: r.status as ReportInProgress['status'],
    writtenBy: r.written_by,
    updatedAt: new Date(r.updated_at),
  }));
}
