import type { Db, Tx } from '../../db/database.ts';
import { sql } from 'kysely';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';
import { erasedSnapshot, snapshotOf } from './referrals.ts';

// --- for meetings ---

export interface AcceptedReferral {
  id: string;
  nominalId: string;
  submittedAt: Date | string | null;
  /** The level it was accepted at. */
  level: number | null;
  /** The agencies the referrer chose to invite, carried to the meeting. */
  invitedAgencyIds: string[];
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
    .select([
      'r.id',
      'r.nominal_id as nominalId',
      'r.submitted_at as submittedAt',
      'd.level',
      'r.invited_agency_ids as invitedAgencyIds',
    ])
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

// --- for retention ---

/**
 * Erases one person's personal data from their referrals (a data protection officer's decision,
 * src/modules/retention; the caller logs it in the same transaction): the record snapshot becomes
 * `{ erased: true, assembledOn, vigilRef }` (shown as an empty record, src/modules/referrals/
 * referrals.ts `snapshotOf`), and the reasons, value added, proposed release
 * address and screening rationales read 'Erased'. Rows, statuses, levels and dates stay, so
 * oversight counts and the access log's references still hold.
 */
export async function eraseReferralsOf(tx: Tx, nominalId: string): Promise<ErasedPart> {
  const referrals = await tx
    .selectFrom('referrals')
    .select(['id', 'reason', 'value_added', 'proposed_release_address', 'record_snapshot'])
    .where('nominal_id', '=', nominalId)
    .orderBy('id')
    .forUpdate()
    .execute();
  if (!referrals.length) return erasedPart({ referrals, decisions: [] }, 0);
  const ids = referrals.map((r) => r.id);
  const decisions = await tx
    .selectFrom('referral_decisions')
    .select(['id', 'rationale'])
    .where('referral_id', 'in', ids)
    .orderBy('id')
    .execute();
  const blank = (column: 'reason' | 'value_added' | 'proposed_release_address') =>
    sql<string | null>`CASE WHEN ${sql.ref(column)} IS NULL THEN NULL ELSE ${ERASED_TEXT} END`;
  const updated = await tx
    .updateTable('referrals')
    .set({
      reason: blank('reason'),
      value_added: blank('value_added'),
      proposed_release_address: blank('proposed_release_address'),
    })
    .where('id', 'in', ids)
    .executeTakeFirst();
  for (const r of referrals) {
    const snapshot = snapshotOf(r.record_snapshot);
    if (!snapshot) continue;
    await tx
      .updateTable('referrals')
      .set({ record_snapshot: JSON.stringify(erasedSnapshot(snapshot)) })
      .where('id', '=', r.id)
      .execute();
  }
  const decided = decisions.length
    ? await tx
        .updateTable('referral_decisions')
        .set({ rationale: ERASED_TEXT })
        .where('referral_id', 'in', ids)
        .executeTakeFirst()
    : { numUpdatedRows: 0n };
  return erasedPart(
    { referrals, decisions },
    Number(updated.numUpdatedRows) + Number(decided.numUpdatedRows),
  );
}

// --- for the start page ---

/** A referral as the start page lists it: whom it is about and where it stands. */
export interface ReferralAwaiting {
  id: string;
  nominalId: string;
  areaCode: string;
  emergency: boolean;
  submittedAt: Date | null;
  updatedAt: Date;
}

const awaitingColumns = [
  'id',
  'nominal_id as nominalId',
  'area_code as areaCode',
  'emergency',
  'submitted_at as submittedAt',
  'updated_at as updatedAt',
] as const;

const asAwaiting = (r: {
  id: string;
  nominalId: string;
  areaCode: string;
  emergency: boolean;
  submittedAt: Date | string | null;
  updatedAt: Date | string;
}): ReferralAwaiting => ({
  ...r,
  submittedAt: r.submittedAt === null ? null : new Date(r.submittedAt),
  updatedAt: new Date(r.updatedAt),
});

/** An area's submitted referrals awaiting screening (at most 500, oldest submission first), and how many. */
export async function referralsAwaitingScreening(
  db: Db | Tx,
  areaCode: string,
): Promise<{ count: number; referrals: ReferralAwaiting[] }> {
  const [count, rows] = await Promise.all([
    db
      .selectFrom('referrals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('area_code', '=', areaCode)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('referrals')
      .select(awaitingColumns)
      .where('area_code', '=', areaCode)
      .where('status', '=', 'submitted')
      .orderBy('submitted_at')
      .limit(500)
      .execute(),
  ]);
  return { count: Number(count.n), referrals: rows.map(asAwaiting) };
}

/** A referrer's drafts, not yet submitted: the latest changed first (at most 100). */
export async function draftReferralsBy(db: Db | Tx, userId: string): Promise<ReferralAwaiting[]> {
  const rows = await db
    .selectFrom('referrals')
    .select(awaitingColumns)
    .where('created_by', '=', userId)
    .where('status', '=', 'draft')
    .orderBy('updated_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(asAwaiting);
}
