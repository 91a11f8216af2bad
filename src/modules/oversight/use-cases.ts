import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
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
import { attendanceSummary, londonInstant } from '../meetings/index.ts';

/**
 * Counts for oversight (SMB members, lay advisers, analysts): numbers only, never a name, a date of
 * birth or an address, so nothing here is personal data and nothing is logged as consulted.
 */

/** National analysts see every area; everyone else sees their own. */
function scopeOf(ctx: UseCaseContext): { national: boolean; label: string } {
  const national = ctx.actor.roles.includes('national_analyst');
  return { national, label: national ? 'England and Wales' : ctx.actor.areaCode };
}

export async function countsByCategoryAndLevel(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'aggregates.view');
  const { national, label } = scopeOf(ctx);
  return database.transaction(async (tx) => {
    const rows = await sql<{ category: number | null; level: number | null; count: number }>`
      SELECT mappa_category AS category, mappa_level AS level, count(*)::int AS count
      FROM nominals
      WHERE ${national ? sql`true` : sql`area_code = ${ctx.actor.areaCode}`}
      GROUP BY mappa_category, mappa_level
      ORDER BY mappa_category NULLS LAST, mappa_level NULLS LAST`.execute(tx);
    const total = rows.rows.reduce((sum, r) => sum + r.count, 0);
    return { scope: label, total, rows: rows.rows };
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
  const { national, label } = scopeOf(ctx);
  return database.transaction(async (tx) => {
    const areaCodes = national
      ? (await tx.selectFrom('areas').select('code').orderBy('code').execute()).map((a) => a.code)
      : [ctx.actor.areaCode];
    return {
      scope: label,
      period,
      today: ctx.today,
      attendance: await attendance(tx, areaCodes, period),
      disclosure: await disclosure(tx, areaCodes, period),
      referrals: await referrals(tx, areaCodes, period),
      ethnicity: await ethnicity(tx, areaCodes, period),
      levelReductions: await levelReductions(tx, areaCodes, period),
      actions: await overdueActions(tx, areaCodes, ctx.today),
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
  const discussed = await tx
    .selectFrom('meeting_nominals as mn')
    .innerJoin('meetings as m', 'm.id', 'mn.meeting_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.area_code', 'in', areaCodes)
    .where('m.status', '!=', 'cancelled')
    .where('m.starts_at', '>=', start)
    .where('m.starts_at', '<', end)
    .executeTakeFirstOrThrow();
  // A correction approved later supersedes the earlier approval: the latest approved version counts.
  const approved = await sql<{ content: unknown }>`
    SELECT DISTINCT ON (mi.meeting_id, mi.nominal_id) mi.content
    FROM minutes mi
    JOIN meetings m ON m.id = mi.meeting_id
    WHERE m.area_code IN (${sql.join(areaCodes)})
      AND m.status <> 'cancelled'
      AND m.starts_at >= ${start} AND m.starts_at < ${end}
      AND mi.status = 'approved'
    ORDER BY mi.meeting_id, mi.nominal_id, mi.version DESC`.execute(tx);
  const recorded = approved.rows.filter((r) => disclosureRecorded(r.content)).length;
  return {
    discussions: Number(discussed.n),
    approvedMinutes: approved.rows.length,
    recorded: shareOf(recorded, approved.rows.length),
  };
}

/** Referrals submitted in the period and where each stands now. */
async function referrals(tx: Tx, areaCodes: string[], period: KpiPeriod) {
  const { start, end } = instants(period);
  const rows = await tx
    .selectFrom('referrals as r')
    .leftJoin('referral_decisions as d', 'd.referral_id', 'r.id')
    .select(['r.status', 'd.level', 'r.submitted_at as submittedAt', 'd.decided_at as decidedAt'])
    .where('r.area_code', 'in', areaCodes)
    .where('r.status', 'in', ['submitted', 'accepted', 'rejected'])
    .where('r.submitted_at', '>=', start)
    .where('r.submitted_at', '<', end)
    .execute();
  const accepted = rows.filter((r) => r.status === 'accepted');
  const level2 = accepted.filter((r) => r.level === 2).length;
  const level3 = accepted.filter((r) => r.level === 3).length;
  const day = (instant: Date | string) => londonDateAt(new Date(instant).getTime());
  const durations = rows
    .filter((r) => r.decidedAt && r.submittedAt)
    .map((r) => daysTaken(day(r.submittedAt!), day(r.decidedAt!)));

  // The twice-yearly review looks at the rejections of the last six months, whenever submitted.
  const review = { from: monthsBefore(period.to, 6), to: period.to };
  const reviewBounds = instants(review);
  const rejected = await tx
    .selectFrom('referral_decisions as d')
    .innerJoin('referrals as r', 'r.id', 'd.referral_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.area_code', 'in', areaCodes)
    .where('d.outcome', '=', 'rejected')
    .where('d.decided_at', '>=', reviewBounds.start)
    .where('d.decided_at', '<', reviewBounds.end)
    .executeTakeFirstOrThrow();
  return {
    submitted: rows.length,
    accepted: { level2, level3, total: accepted.length },
    rejected: rows.filter((r) => r.status === 'rejected').length,
    awaitingScreening: rows.filter((r) => r.status === 'submitted').length,
    medianDaysToDecision: median(durations),
    rejectedForReview: { ...review, count: Number(rejected.n) },
  };
}

/**
 * Referrals in the period by the referred person's ethnic group (their identity as it stands),
 * beside the make-up of the MAPPA population shown above it on the page (everyone on the area's
 * record, as in the counts by category and level).
 */
async function ethnicity(tx: Tx, areaCodes: string[], period: KpiPeriod) {
  const { start, end } = instants(period);
  const referred = await tx
    .selectFrom('referrals as r')
    .innerJoin('nominals as n', 'n.id', 'r.nominal_id')
    .select(['n.ethnicity', (eb) => eb.fn.countAll<number>().as('count')])
    .where('r.area_code', 'in', areaCodes)
    .where('r.status', 'in', ['submitted', 'accepted', 'rejected'])
    .where('r.submitted_at', '>=', start)
    .where('r.submitted_at', '<', end)
    .groupBy('n.ethnicity')
    .execute();
  const population = await tx
    .selectFrom('nominals')
    .select(['ethnicity', (eb) => eb.fn.countAll<number>().as('count')])
    .where('area_code', 'in', areaCodes)
    .groupBy('ethnicity')
    .execute();
  const asNumbers = (rows: { ethnicity: string | null; count: number | string | bigint }[]) =>
    rows.map((r) => ({ ethnicity: r.ethnicity, count: Number(r.count) }));
  return ethnicityComparison(
    countsByEthnicGroup(asNumbers(referred)),
    countsByEthnicGroup(asNumbers(population)),
  );
}

/** Reductions (and ends of MAPPA management) decided in the period; those the chair overrode with open actions. */
async function levelReductions(tx: Tx, areaCodes: string[], period: KpiPeriod) {
  const rows = await tx
    .selectFrom('level_decisions as d')
    .innerJoin('nominals as n', 'n.id', 'd.nominal_id')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      (eb) => eb.fn.count<number>('d.override_reason').as('withOverride'),
    ])
    .where('n.area_code', 'in', areaCodes)
    .where('d.kind', 'in', ['reduction', 'deregistration'])
    .where('d.decided_on', '>=', period.from)
    .where('d.decided_on', '<=', period.to)
    .executeTakeFirstOrThrow();
  return { total: Number(rows.total), withOverride: Number(rows.withOverride) };
}

/** Open actions due before today, whoever owns them. */
async function overdueActions(tx: Tx, areaCodes: string[], today: IsoDate) {
  const row = await tx
    .selectFrom('actions as a')
    .innerJoin('nominals as n', 'n.id', 'a.nominal_id')
    .select([
      (eb) => eb.fn.countAll<number>().as('overdue'),
      (eb) => eb.fn.sum<number>(sql`CASE WHEN a.safeguarding THEN 1 ELSE 0 END`).as('safeguarding'),
    ])
    .where('n.area_code', 'in', areaCodes)
    .where('a.status', '=', 'open')
    .where('a.due_on', '<', today)
    .executeTakeFirstOrThrow();
  return { overdue: Number(row.overdue), overdueSafeguarding: Number(row.safeguarding ?? 0) };
}

/** Cases whose level review is past its due date (the review frequencies the area sets). */
async function reviewsOverdue(tx: Tx, areaCodes: string[], today: IsoDate) {
  const rows = await tx
    .selectFrom('nominal_obligations')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('area_code', 'in', areaCodes)
    .where('level', 'is not', null)
    .where('review_due_on', '<', today)
    .groupBy('level')
    .execute();
  const at = (level: number) => Number(rows.find((r) => r.level === level)?.n ?? 0);
  return { level1: at(1), level2: at(2), level3: at(3), total: at(1) + at(2) + at(3) };
}
