import type { Db, Tx } from '../../db/database.ts';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';

// --- for meetings ---

/** The plan's versions revised at a meeting, with why. */
export async function planVersionsFromMeeting(
  db: Db | Tx,
  meetingId: string,
  nominalId: string,
): Promise<{ version: number; reason: string }[]> {
  return db
    .selectFrom('risk_management_plans')
    .select(['version', 'reason'])
    .where('meeting_id', '=', meetingId)
    .where('nominal_id', '=', nominalId)
    .orderBy('version')
    .execute();
}

// --- for retention ---

/**
 * Erases one person's personal data from their risk management plan (a data protection officer's
 * decision, src/modules/retention; the caller logs it in the same transaction): every version
 * keeps its number, date, author and meeting, but each part, each condition and the reason for the
 * change read 'Erased'.
 */
export async function erasePlanOf(tx: Tx, nominalId: string): Promise<ErasedPart> {
  const rows = await tx
    .selectFrom('risk_management_plans')
    .select([
      'version',
      'supervision',
      'monitoring_and_control',
      'interventions_and_treatment',
      'victim_safety_planning',
      'contingency',
      'conditions',
      'reason',
    ])
    .where('nominal_id', '=', nominalId)
    .orderBy('version')
    .forUpdate()
    .execute();
  for (const row of rows) {
    const conditions =
      typeof row.conditions === 'string' ? (JSON.parse(row.conditions) as unknown) : row.conditions;
    await tx
      .updateTable('risk_management_plans')
      .set({
        supervision: ERASED_TEXT,
        monitoring_and_control: ERASED_TEXT,
        interventions_and_treatment: ERASED_TEXT,
        victim_safety_planning: ERASED_TEXT,
        contingency: ERASED_TEXT,
        conditions: JSON.stringify(Array.isArray(conditions) ? conditions.map(() => ERASED_TEXT) : []),
        reason: ERASED_TEXT,
      })
      .where('nominal_id', '=', nominalId)
      .where('version', '=', row.version)
      .execute();
  }
  return erasedPart(rows, rows.length);
}

// --- for custody ---

/** When each person's plan last changed (people without a plan are absent): one query for a list. */
export async function planChangedAt(db: Db | Tx, nominalIds: readonly string[]): Promise<Map<string, Date>> {
  const wanted = [...new Set(nominalIds)];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('risk_management_plans')
    .select(['nominal_id', (eb) => eb.fn.max('changed_at').as('changedAt')])
    .where('nominal_id', 'in', wanted)
    .groupBy('nominal_id')
    .execute();
  return new Map(rows.map((r) => [r.nominal_id, new Date(r.changedAt as Date | string)]));
}
