import { describe, expect, it } from 'vitest';
import {
  SMALL_NUMBER_THRESHOLD,
  countsByEthnicGroup,
  daysTaken,
  defaultKpiPeriod,
  disclosureRecorded,
  ethnicityComparison,
  kpiPeriod,
  median,
  monthsBefore,
  shareOf,
  suppressSmallCounts,
} from '../../../src/domain/kpis.ts';

const TODAY = '2026-11-23';

describe('the KPI period', () => {
  it('is the last 12 months to today by default, both ends included', () => {
    expect(defaultKpiPeriod(TODAY)).toEqual({ from: '2025-11-24', to: '2026-11-23' });
    expect(kpiPeriod({}, TODAY)).toEqual({ ok: true, period: { from: '2025-11-24', to: TODAY } });
    expect(kpiPeriod({ from: '', to: ' ' }, TODAY)).toEqual({
      ok: true,
      period: { from: '2025-11-24', to: TODAY },
    });
  });

  it('takes a chosen start and end; a missing start is 12 months before the chosen end', () => {
    expect(kpiPeriod({ from: '2026-04-01', to: '2026-09-30' }, TODAY)).toEqual({
      ok: true,
      period: { from: '2026-04-01', to: '2026-09-30' },
    });
    expect(kpiPeriod({ to: '2026-03-31' }, TODAY)).toEqual({
      ok: true,
      period: { from: '2025-04-01', to: '2026-03-31' },
    });
    expect(kpiPeriod({ from: TODAY, to: TODAY }, TODAY).ok).toBe(true);
  });

  it('refuses malformed dates, an end after today and a start after the end', () => {
    expect(kpiPeriod({ from: '2026-02-30' }, TODAY)).toEqual({
      ok: false,
      errors: { from: 'Start of the period must be a real date' },
    });
    expect(kpiPeriod({ to: 'yesterday' }, TODAY)).toEqual({
      ok: false,
      errors: { to: 'End of the period must be in the format 2024-03-01' },
    });
    expect(kpiPeriod({ to: '2026-11-24' }, TODAY)).toEqual({
      ok: false,
      errors: { to: 'End of the period must be today or in the past' },
    });
    expect(kpiPeriod({ from: '2026-06-02', to: '2026-06-01' }, TODAY)).toEqual({
      ok: false,
      errors: { from: 'Start of the period must be before its end' },
    });
  });

  it('a half-year to the end of a month starts on the first of a month', () => {
    expect(monthsBefore('2026-09-30', 6)).toBe('2026-04-01');
    expect(monthsBefore('2026-11-23', 6)).toBe('2026-05-24');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-03-01');
  });
});

describe('rates and medians', () => {
  it('gives a whole percent, and none when there is nothing to divide by', () => {
    expect(shareOf(2, 3)).toEqual({ count: 2, of: 3, percent: 67 });
    expect(shareOf(1, 3).percent).toBe(33);
    expect(shareOf(0, 4).percent).toBe(0);
    expect(shareOf(0, 0).percent).toBeNull();
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([10, 1, 4])).toBe(4);
    expect(median([9, 1, 4, 2])).toBe(3);
    expect(median([0, 5])).toBe(2.5);
  });

  it('counts calendar days to a decision: the same day is 0', () => {
    expect(daysTaken('2026-11-01', '2026-11-01')).toBe(0);
    expect(daysTaken('2026-10-30', '2026-11-02')).toBe(3);
    expect(daysTaken('2026-02-27', '2026-03-01')).toBe(2);
  });
});

describe('disclosure considered and recorded', () => {
  it('needs yes or no and why', () => {
    expect(
      disclosureRecorded({ disclosure: { considered: 'yes', reason: 'Partner told under the scheme.' } }),
    ).toBe(true);
    expect(disclosureRecorded({ disclosure: { considered: 'no', reason: 'No one at risk to tell.' } })).toBe(
      true,
    );
    expect(disclosureRecorded({ disclosure: { considered: 'no', reason: '  ' } })).toBe(false);
    expect(disclosureRecorded({ disclosure: { considered: null, reason: 'Discussed' } })).toBe(false);
    expect(disclosureRecorded({ disclosure: { considered: 'maybe', reason: 'Discussed' } })).toBe(false);
    expect(disclosureRecorded({})).toBe(false);
    // jsonb may arrive as text on some drivers.
    expect(
      disclosureRecorded(JSON.stringify({ disclosure: { considered: 'yes', reason: 'Employer told.' } })),
    ).toBe(true);
  });
});

describe('small numbers', () => {
  it('hides counts from 1 to 4, and shows zero and 5 or more', () => {
    expect(SMALL_NUMBER_THRESHOLD).toBe(5);
    expect(suppressSmallCounts([0, 1, 4, 5, 12])).toEqual([0, null, null, 5, 12]);
  });

  it('hides the next smallest count too when only one would be hidden, so the total does not give it away', () => {
    expect(suppressSmallCounts([20, 3, 8, 0, 11])).toEqual([20, null, null, 0, 11]);
    // With nothing else above zero, a zero is hidden with it, or the total (2) would say who.
    expect(suppressSmallCounts([0, 2, 0, 0])).toEqual([null, null, 0, 0]);
    expect(suppressSmallCounts([30, 40])).toEqual([30, 40]);
    expect(suppressSmallCounts([0, 0])).toEqual([0, 0]);
  });
});

describe('referrals by ethnic group beside the MAPPA population', () => {
  it('groups ONS 2021 codes, with no code counted as not stated', () => {
    const groups = countsByEthnicGroup([
      { ethnicity: 'A1', count: 2 },
      { ethnicity: 'A2', count: 3 },
      { ethnicity: 'W1', count: 10 },
      { ethnicity: 'NS', count: 1 },
      { ethnicity: null, count: 2 },
    ]);
    expect(groups).toEqual({ asian: 5, black: 0, mixed: 0, white: 10, other: 0, not_stated: 3 });
  });

  it('gives each group’s share of referrals and of the population, and their ratio; small numbers are not shown', () => {
    const comparison = ethnicityComparison(
      { asian: 5, black: 10, mixed: 0, white: 25, other: 0, not_stated: 0 },
      { asian: 20, black: 20, mixed: 10, white: 150, other: 0, not_stated: 0 },
    );
    expect(comparison.referralsTotal).toBe(40);
    expect(comparison.populationTotal).toBe(200);
    const black = comparison.rows.find((r) => r.group === 'black')!;
    // 25% of referrals against 10% of the population: referred 2.5 times as often as the share.
    expect(black).toEqual({
      group: 'black',
      label: 'Black, Black British, Caribbean or African',
      referrals: 10,
      referralPercent: 25,
      population: 20,
      populationPercent: 10,
      ratio: 2.5,
    });
    expect(comparison.rows.find((r) => r.group === 'white')).toMatchObject({ ratio: 0.83 });
    expect(comparison.rows.find((r) => r.group === 'mixed')).toMatchObject({ referrals: 0, ratio: 0 });
    expect(comparison.rows.map((r) => r.group)).toEqual([
      'asian',
      'black',
      'mixed',
      'white',
      'other',
      'not_stated',
    ]);

    const small = ethnicityComparison(
      { asian: 2, black: 0, mixed: 0, white: 30, other: 6, not_stated: 0 },
      { asian: 40, black: 3, mixed: 12, white: 300, other: 20, not_stated: 9 },
    );
    const asian = small.rows.find((r) => r.group === 'asian')!;
    expect(asian).toMatchObject({ referrals: null, referralPercent: null, population: 40, ratio: null });
    // The only other small referral count: the next smallest (other, 6) is hidden with it.
    expect(small.rows.find((r) => r.group === 'other')).toMatchObject({
      referrals: null,
      referralPercent: null,
    });
    // Black: 3 in the population; the next smallest (not stated, 9) is hidden with it.
    expect(small.rows.find((r) => r.group === 'black')).toMatchObject({
      referrals: 0,
      population: null,
      ratio: null,
    });
    expect(small.rows.find((r) => r.group === 'not_stated')).toMatchObject({ population: null });
    expect(small.referralsTotal).toBe(38);
  });

  it('has no ratio when there are no referrals', () => {
    const none = ethnicityComparison(
      { asian: 0, black: 0, mixed: 0, white: 0, other: 0, not_stated: 0 },
      { asian: 0, black: 0, mixed: 0, white: 12, other: 0, not_stated: 0 },
    );
    expect(none.rows.every((r) => r.ratio === null && r.referralPercent === null)).toBe(true);
    expect(none.rows.find((r) => r.group === 'white')).toMatchObject({
      population: 12,
      populationPercent: 100,
    });
  });
});
