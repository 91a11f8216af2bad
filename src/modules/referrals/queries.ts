import type { Db, Tx } from '../../db/database.ts';

// --- for meetings ---

export interface AcceptedReferral {
  id: string;
  nominalId: string;
  submittedAt: Date | string | null;
  /** The level it was accepted at. */
  level: number | null;
}

/**
 * Accepted referrals, oldest submission first: an area's, or some people's. Whether one has been
 * taken to a meeting is the meetings capability's to say.
 */
export async function acceptedReferrals(
  db: Db | Tx,
  where: { areaCode: string } | { nominalIds: readonly string[] },
): Promise<AcceptedReferral[]> {
  if ('nominalIds' in where && !where.nominalIds.length) return [];
  return db
    .selectFrom('referrals as r')
    .leftJoin('referral_decisions as d', 'd.referral_id', 'r.id')
    .select(['r.id', 'r.nominal_id as nominalId', 'r.submitted_at as submittedAt', 'd.level'])
    .where('r.status', '=', 'accepted')
    .where((eb) =>
      'areaCode' in where
        ? eb('r.area_code', '=', where.areaCode)
        : eb('r.nominal_id', 'in', [...where.nominalIds]),
    )
    .orderBy('r.submitted_at')
    .execute();
}
