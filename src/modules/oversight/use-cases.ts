import type { UseCaseContext } from '../../access/actor.ts';
import { areasInReach, authorize, ownArea } from '../../access/policy.ts';
import type { Database, Tx } from '../../db/database.ts';
import { attendanceRate, type AttendanceRate } from '../../domain/agenda.ts';
import { addDays, londonDateAt, type IsoDate } from '../../domain/dates.ts';
import { ValidationError } from '../../domain/errors.ts';
import {
  countsByEthnicGroup,
  daysTaken,
  disclosureRecorded,
  ethnicityComparison,
  kpiPeriod,
  median,
  monthsBefore,
  shareOf,
  type EthnicityComparison,
  type KpiPeriod,
  type Share,
} from '../../domain/kpis.ts';
import { overdueActionCounts } from '../actions/index.ts';
import { levelReductionCounts, overdueReviewCounts } from '../levels/index.ts';
import {
  attendanceSummary,
  discussionCount,
  latestApprovedMinutes,
  londonInstant,
} from '../meetings/index.ts';
import { ethnicitiesOf, populationByCategoryAndLevel, populationByEthnicity } from '../nominals/index.ts';
import { allAreaCodes } from '../reference/index.ts';
import { referralsSubmittedBetween, rejectionsDecidedBetween } from '../referrals/index.ts';

/**
 * Counts for oversight (SMB members, lay advisers, analysts): numbers only, never a name, a date of
 * birth or an address, so nothing here is personal data and nothing is logged as consulted. Each
 * count comes from the capability that owns the rows (the record, meetings, referrals, levels,
 * actions); this capability chooses the scope and the period, and adds up.
 */

/**
 * National analysts see every area; everyone else sees their own. An area-limited token narrows
 * either to its areas (and is refused another's own area): `areaCodes` null is every area.
 */
function scopeOf(ctx: UseCaseContext): { areaCodes: readonly string[] | null; label: string } {
  const national = ctx.actor.roles.includes('national_analyst');
  if (!national) return { areaCodes: [ownArea(ctx.actor)], label: ctx.actor.areaCode };
  const areaCodes = areasInReach(ctx.actor, true);
  return { areaCodes, label: areaCodes ? areaCodes.join(', ') : 'England and Wales' };
}

export async function countsByCategoryAndLevel(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'aggregates.view');
  const { areaCodes, label } = scopeOf(ctx);
  return database.transaction(async (tx) => {
    const rows = await populationByCategoryAndLevel(tx, areaCodes);
    const total = rows.reduce((sum, r) => sum + r.count, 0);
    return { scope: label, total, rows };
  });
}

// --- Multi-agency KPIs (MAPPA.md §3 step 16) -------------------------------------------------------

export interface MultiAgencyKpis {
  scope: string;
  period: KpiPeriod;
  /** "Now" figures (overdue actions and reviews) are as at this day. */
  today: IsoDate;
  /** Level 2/3 meetings held in the period; an agency attended if someone came for it or substituted. */
  attendance: { meetings: number; responsibleAuthority: AttendanceRate; dutyToCooperate: AttendanceRate };
  /** Of the approved minutes (latest approved version per meeting and person), those answering "disclosure considered" yes or no with why. */
  disclosure: { discussions: number; approvedMinutes: number; recorded: Share };
  referrals: {
    submitted: number;
    accepted: { level2: number; level3: number; total: number };
    rejected: number;
    awaitingScreening: number;
    /** Calendar days from submission to decision, over the decided referrals; null when none. */
    medianDaysToDecision: number | null;
    /** Rejections decided in the six months to the end of the period: the twice-yearly quality assurance sample. */
    rejectedForReview: { from: IsoDate; to: IsoDate; count: number };
  };
  ethnicity: EthnicityComparison;
  levelReductions: { total: number; withOverride: number };
  actions: { overdue: number; overdueSafeguarding: number };
  reviewsOverdue: { level1: number; level2: number; level3: number; total: number };
}

/**
 * The SMB's multi-agency KPIs for the actor's area (nationally for a national analyst) over a
 * period, by default the 12 months to today. Throws ValidationError for a period that is not one.
 */
export async function multiAgencyKpis(
  database: Database,
  ctx: UseCaseContext,
  input: { from?: string | undefined; to?: string | undefined } = {},
): Promise<MultiAgencyKpis> {
  authorize(ctx.actor, 'aggregates.view');
  const asked = kpiPeriod(input, ctx.today);
  if (!asked.ok) throw new ValidationError(asked.errors);
  const { period } = asked;
  const { areaCodes: limited, label } = scopeOf(ctx);
  return database.transaction(async (tx) => {
    const areaCodes = limited ? [...limited] : await allAreaCodes(tx);
    const { start, end } = instants(period);
    const submitted = await referralsSubmittedBetween(tx, areaCodes, start, end);
    return {
      scope: label,
      period,
      today: ctx.today,
      attendance: await attendance(tx, areaCodes, period),
      disclosure: await disclosure(tx, areaCodes, period),
      referrals: await referrals(tx, areaCodes, period, submitted),
      ethnicity: await ethnicity(tx, areaCodes, submitted),
      levelReductions: await levelReductionCounts(tx, areaCodes, period),
      actions: await overdueActionCounts(tx, areaCodes, ctx.today),
      reviewsOverdue: await reviewsOverdue(tx, areaCodes, ctx.today),
    };
  });
}

/** The meetings module's own summary, area by area, added up. */
async function attendance(tx: Tx, areaCodes: string[], period: KpiPeriod) {
  let meetings = 0;
  const ra = { invited: 0, attended: 0 };
  const dtc = { invited: 0, attended: 0 };
  for (const areaCode of areaCodes) {
    const summary = await attendanceSummary(tx, areaCode, period.from, period.to);
    meetings += summary.meetings;
    ra.invited += summary.responsibleAuthority.invited;
    ra.attended += summary.responsibleAuthority.attended;
    dtc.invited += summary.dutyToCooperate.invited;
    dtc.attended += summary.dutyToCooperate.attended;
  }
  return {
    meetings,
    responsibleAuthority: attendanceRate(ra.invited, ra.attended),
    dutyToCooperate: attendanceRate(dtc.invited, dtc.attended),
  };
}

/** The instants that bound the period's London days: [start of `from`, start of the day after `to`). */
function instants(period: KpiPeriod) {
  return { start: londonInstant(period.from, '00:00'), end: londonInstant(addDays(period.to, 1), '00:00') };
}

async function disclosure(tx: Tx, areaCodes: string[], period: KpiPeriod) {
  const { start, end } = instants(period);
  const discussions = await discussionCount(tx, areaCodes, start, end);
  const approved = await latestApprovedMinutes(tx, areaCodes, start, end);
  const recorded = approved.filter((r) => disclosureRecorded(r.content)).length;
  return { discussions, approvedMinutes: approved.length, recorded: shareOf(recorded, approved.length) };
}

type Submitted = Awaited<ReturnType<typeof referralsSubmittedBetween>>;

/** Referrals submitted in the period and where each stands now. */
async function referrals(tx: Tx, areaCodes: string[], period: KpiPeriod, rows: Submitted) {
  const accepted = rows.filter((r) => r.status === 'accepted');
  const level2 = accepted.filter((r) => r.level === 2).length;
  const level3 = accepted.filter((r) => r.level === 3).length;
  const day = (instant: Date | string) => londonDateAt(new Date(instant).getTime());
  const durations = rows
    .filter((r) => r.decidedAt && r.submittedAt)
    .map((r) => daysTaken(day(r.submittedAt), day(r.decidedAt!)));

  // The twice-yearly review looks at the rejections of the last six months, whenever submitted.
  const review = { from: monthsBefore(period.to, 6), to: period.to };
  const reviewBounds = instants(review);
  const rejected = await rejectionsDecidedBetween(tx, areaCodes, reviewBounds.start, reviewBounds.end);
  return {
    submitted: rows.length,
    accepted: { level2, level3, total: accepted.length },
    rejected: rows.filter((r) => r.status === 'rejected').length,
    awaitingScreening: rows.filter((r) => r.status === 'submitted').length,
    medianDaysToDecision: median(durations),
    rejectedForReview: { ...review, count: rejected },
  };
}

/**
 * Referrals in the period by the referred person's ethnic group (their identity as it stands),
 * beside the make-up of the MAPPA population shown above it on the page (everyone on the area's
 * record, as in the counts by category and level).
 */
async function ethnicity(tx: Tx, areaCodes: string[], submitted: Submitted) {
  const ethnicityOf = await ethnicitiesOf(
    tx,
    submitted.map((r) => r.nominalId),
  );
  const referred = new Map<string | null, number>();
  for (const r of submitted) {
    const code = ethnicityOf.get(r.nominalId) ?? null;
    referred.set(code, (referred.get(code) ?? 0) + 1);
  }
  return ethnicityComparison(
    countsByEthnicGroup([...referred].map(([ethnicity, count]) => ({ ethnicity, count }))),
    countsByEthnicGroup(await populationByEthnicity(tx, areaCodes)),
  );
}

/** Cases whose level review is past its due date (the review frequencies the area sets). */
async function reviewsOverdue(tx: Tx, areaCodes: string[], today: IsoDate) {
  const byLevel = await overdueReviewCounts(tx, areaCodes, today);
  const at = (level: number) => byLevel.get(level) ?? 0;
  return { level1: at(1), level2: at(2), level3: at(3), total: at(1) + at(2) + at(3) };
}
