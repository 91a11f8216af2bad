import { readMinutesContent } from './agenda.ts';
import { ETHNIC_GROUP, ethnicGroupOf, type EthnicGroup, type Ethnicity } from './codes.ts';
import { addDays, addMonths, compareDates, daysBetween, parseIsoDate, type IsoDate } from './dates.ts';
import type { FieldErrors } from './errors.ts';

/**
 * The Strategic Management Board's multi-agency KPIs (MAPPA.md §3 step 16): pure arithmetic over
 * counts the oversight module reads. Nothing here sees a person; the small-number rule below keeps
 * a breakdown by a protected characteristic from pointing at one.
 */

// --- The period --------------------------------------------------------------------------------

export interface KpiPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** The first day of the `months` months that end on `to`: 1 April for the six months to 30 September. */
export function monthsBefore(to: IsoDate, months: number): IsoDate {
  return addMonths(addDays(to, 1), -months);
}

/** The last 12 months up to and including today: 24 November 2025 to 23 November 2026. */
export function defaultKpiPeriod(today: IsoDate): KpiPeriod {
  return { from: monthsBefore(today, 12), to: today };
}

/**
 * The period asked for (ISO dates, either may be missing), or the field errors. A missing end is
 * today; a missing start is 12 months before the end. The end may not be after today (a KPI of the
 * future would only count what has not happened yet) nor before the start.
 */
export function kpiPeriod(
  input: { from?: string | undefined; to?: string | undefined },
  today: IsoDate,
): { ok: true; period: KpiPeriod } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const read = (raw: string | undefined, key: 'from' | 'to', label: string) => {
    if (raw === undefined || raw.trim() === '') return undefined;
    const parsed = parseIsoDate(raw, label);
    if (!parsed.ok) errors[key] = parsed.error;
    return parsed.ok ? parsed.value : undefined;
  };
  const to = read(input.to, 'to', 'End of the period');
  const from = read(input.from, 'from', 'Start of the period');
  if (Object.keys(errors).length) return { ok: false, errors };
  const end = to ?? today;
  if (compareDates(end, today) > 0) errors.to = 'End of the period must be today or in the past';
  const start = from ?? monthsBefore(end, 12);
  if (!errors.to && compareDates(start, end) > 0) errors.from = 'Start of the period must be before its end';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, period: { from: start, to: end } };
}

// --- Rates and medians ---------------------------------------------------------------------------

export interface Share {
  count: number;
  of: number;
  /** Whole percent, or null when there is nothing to divide by. */
  percent: number | null;
}

export function shareOf(count: number, of: number): Share {
  return { count, of, percent: of > 0 ? Math.round((count / of) * 100) : null };
}

/** The middle value (the mean of the two middle values for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Calendar days from one date to another (the decision the same day is 0 days). */
export function daysTaken(from: IsoDate, to: IsoDate): number {
  return Math.max(0, daysBetween(from, to));
}

// --- Disclosure considered and recorded -------------------------------------------------------------

/** The minutes answer the disclosure item: yes or no, and why. */
export function disclosureRecorded(content: unknown): boolean {
  const { disclosure } = readMinutesContent(content);
  return (disclosure.considered === 'yes' || disclosure.considered === 'no') && disclosure.reason !== '';
}

// --- Small numbers -------------------------------------------------------------------------------

/**
 * Counts from 1 to 4 in a breakdown by a protected characteristic are not shown: in one area a
 * "2" beside an ethnic group can point at a person. Zero is shown (it says no one).
 */
export const SMALL_NUMBER_THRESHOLD = 5;

/**
 * Hides the small counts of one column of a table whose total is shown (null = not shown). When
 * only one count would be hidden, the total would give it away, so the next smallest count is
 * hidden too (one above zero if there is one).
 */
export function suppressSmallCounts(
  counts: readonly number[],
  threshold = SMALL_NUMBER_THRESHOLD,
): (number | null)[] {
  const small = (n: number) => n > 0 && n < threshold;
  const hidden = new Set(counts.flatMap((n, i) => (small(n) ? [i] : [])));
  if (hidden.size === 1) {
    // The smallest count above zero; failing that a zero, so the one hidden count is not the total.
    const others = counts.map((n, i) => ({ n, i })).filter(({ i }) => !hidden.has(i));
    const next =
      others.filter(({ n }) => n > 0).sort((a, b) => a.n - b.n)[0] ?? others.find(({ n }) => n === 0);
    if (next) hidden.add(next.i);
  }
  return counts.map((n, i) => (hidden.has(i) ? null : n));
}

// --- Disproportionality ------------------------------------------------------------------------------

export interface EthnicityComparisonRow {
  group: EthnicGroup;
  label: string;
  /** Referrals of people in this group; null when not shown (small numbers). */
  referrals: number | null;
  referralPercent: number | null;
  /** People in the MAPPA population in this group; null when not shown. */
  population: number | null;
  populationPercent: number | null;
  /**
   * The group's share of referrals over its share of the population, to two places: 1 is in
   * proportion, above 1 referred more often than its share. Null when either count is not shown.
   */
  ratio: number | null;
}

export interface EthnicityComparison {
  threshold: number;
  referralsTotal: number;
  populationTotal: number;
  rows: EthnicityComparisonRow[];
}

/** Counts by ethnicity code (null = not recorded) → counts by ONS 2021 group, every group present. */
export function countsByEthnicGroup(
  byCode: readonly { ethnicity: string | null; count: number }[],
): Record<EthnicGroup, number> {
  const totals = Object.fromEntries(ETHNIC_GROUP.map((g) => [g.code, 0])) as Record<EthnicGroup, number>;
  for (const { ethnicity, count } of byCode) totals[ethnicGroupOf((ethnicity ?? 'NS') as Ethnicity)] += count;
  return totals;
}

/**
 * Referrals by ONS 2021 ethnic group beside the MAPPA population's make-up (recommendation 7:
 * diversity and disproportionality), with small numbers hidden in each column.
 */
export function ethnicityComparison(
  referrals: Record<EthnicGroup, number>,
  population: Record<EthnicGroup, number>,
  threshold = SMALL_NUMBER_THRESHOLD,
): EthnicityComparison {
  const groups = ETHNIC_GROUP.map((g) => g.code);
  const referralsTotal = groups.reduce((sum, g) => sum + referrals[g], 0);
  const populationTotal = groups.reduce((sum, g) => sum + population[g], 0);
  const shownReferrals = suppressSmallCounts(
    groups.map((g) => referrals[g]),
    threshold,
  );
  const shownPopulation = suppressSmallCounts(
    groups.map((g) => population[g]),
    threshold,
  );
  const rows = ETHNIC_GROUP.map((g, i): EthnicityComparisonRow => {
    const r = shownReferrals[i]!;
    const p = shownPopulation[i]!;
    const ratio =
      r !== null && p !== null && p > 0 && referralsTotal > 0
        ? Math.round((r / referralsTotal / (p / populationTotal)) * 100) / 100
        : null;
    return {
      group: g.code,
      label: g.label,
      referrals: r,
      referralPercent: r === null ? null : shareOf(r, referralsTotal).percent,
      population: p,
      populationPercent: p === null ? null : shareOf(p, populationTotal).percent,
      ratio,
    };
  });
  return { threshold, referralsTotal, populationTotal, rows };
}
