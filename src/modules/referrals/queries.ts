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
// --- for oversight ---

export interface SubmittedReferral {
  nominalId: string;
  status: 'submitted' | 'accepted' | 'rejected';
  /** The level accepted at, when decided. */
  level: number | null;
  submittedAt: Date | string;
  decidedAt: Date | string | null;
}

/** Referrals of some areas submitted in [start, end) and not withdrawn, with where each stands now. */
export async function referralsSubmittedBetween(
  db: Db | Tx,
  areaCodes: readonly string[],
  start: Date,
  end: Date,
): Promise<SubmittedReferral[]> {
  if (!areaCodes.length) return [];
  const rows = await db
    .selectFrom('referrals as r')
    .leftJoin('referral_decisions as d', 'd.referral_id', 'r.id')
    .select([
      'r.nominal_id as nominalId',
      'r.status',
      'd.level',
      'r.submitted_at as submittedAt',
      'd.decided_at as decidedAt',
    ])
    .where('r.area_code', 'in', [...areaCodes])
    .where('r.status', 'in', ['submitted', 'accepted', 'rejected'])
    .where('r.submitted_at', '>=', start)
    .where('r.submitted_at', '<', end)
    .execute();
  return rows as SubmittedReferral[];
}

/** Referrals of some areas rejected by a decision made in [start, end), whenever submitted. */
export async function rejectionsDecidedBetween(
  db: Db | Tx,
  areaCodes: readonly string[],
  start: Date,
  end: Date,
): Promise<number> {
  if (!areaCodes.length) return 0;
  const row = await db
    .selectFrom('referral_decisions as d')
    .innerJoin('referrals as r', 'r.id', 'd.referral_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.area_code', 'in', [...areaCodes])
    .where('d.outcome', '=', 'rejected')
    .where('d.decided_at', '>=', start)
    .where('d.decided_at', '<', end)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
