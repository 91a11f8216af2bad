import type { Tx } from '../../db/database.ts';

/**
 * What the MAPPA rules need to know about one person, read from their record. Other modules
 * (eligibility and levels) use this rather than reading the record's tables themselves.
 */
export async function eligibilityFacts(tx: Tx, nominalId: string) {
  const nominal = await tx
    .selectFrom('nominals')
    .select([
      'id',
      'area_code',
      'date_of_birth',
      'first_appointment_on',
      'rotl_first_release_on',
      'category3_accepted_on',
      'category3_ended_on',
      'terrorism_risk_accepted_on',
      'terrorism_risk_ended_on',
    ])
    .where('id', '=', nominalId)
    .executeTakeFirstOrThrow();
  const convictions = await tx
    .selectFrom('convictions')
    .selectAll()
    .where('nominal_id', '=', nominalId)
    .execute();
  const orders = await tx
    .selectFrom('civil_orders')
    .selectAll()
    .where('nominal_id', '=', nominalId)
    .orderBy('made_on')
    .execute();
  const addresses = await tx
    .selectFrom('addresses')
    .select(['type', 'from_date', 'to_date'])
    .where('nominal_id', '=', nominalId)
    .execute();
  const latestRisk = await tx
    .selectFrom('risk_assessments')
    .select(['rosh_overall', 'assessed_on', 'recorded_at'])
    .where('nominal_id', '=', nominalId)
    .orderBy('assessed_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
  const markers = await tx
    .selectFrom('markers')
    .select(['type', 'start_date', 'end_date'])
    .where('nominal_id', '=', nominalId)
    .execute();
  const managers = await tx
    .selectFrom('nominal_managers')
    .select(['user_id', 'role', 'from_date', 'to_date'])
    .where('nominal_id', '=', nominalId)
    .execute();
  return { nominal, convictions, orders, addresses, latestRisk: latestRisk ?? null, markers, managers };
}

export type EligibilityFacts = Awaited<ReturnType<typeof eligibilityFacts>>;
