import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Outcome } from '../../src/domain/codes.ts';
import { addDays, addYears, compareDates, daysBetween } from '../../src/domain/dates.ts';
import {
  changeNotificationDue,
  effectiveNotificationEnd,
  formatMonths,
  indefiniteReviewEligibleFrom,
  initialNotificationDue,
  lastDayOfPeriod,
  nextRenotificationDue,
  notificationInForce,
  notificationPeriod,
  terrorismNotificationPeriod,
} from '../../src/domain/notification-requirements.ts';

const ADULT = '1980-06-15';
const RELEVANT = '2024-03-01';

/** Dates from JS Date's own calendar, so generators do not trust the code under test. */
function isoDates(minYear = 1950, maxYear = 2090) {
  return fc
    .date({
      min: new Date(`${minYear}-01-01T00:00:00Z`),
      max: new Date(`${maxYear}-12-31T00:00:00Z`),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

describe('lastDayOfPeriod (a period beginning with the start date)', () => {
  it.each([
    ['2020-03-01', 48, '2024-02-29'], // ends on a leap day
    ['2024-02-29', 120, '2034-02-28'], // no 29 February: runs to the end of the month
    ['2024-02-29', 48, '2028-02-28'], // corresponding date exists: the day before it
    ['2024-03-31', 1, '2024-04-30'], // no 31 April
    ['2024-03-30', 1, '2024-04-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-01', 18, '2025-08-31'],
    ['2024-01-01', 12, '2024-12-31'],
  ])('%s + %i months ends %s', (start, months, end) => {
    expect(lastDayOfPeriod(start, months)).toBe(end);
  });

  it('rejects a length that is not a whole number of months', () => {
    expect(() => lastDayOfPeriod(RELEVANT, 0)).toThrow(RangeError);
    expect(() => lastDayOfPeriod(RELEVANT, 1.5)).toThrow(RangeError);
  });

  it('ends on or after the start, and never later for an earlier start (property)', () => {
    fc.assert(
      fc.property(isoDates(), isoDates(), fc.integer({ min: 1, max: 480 }), (a, b, months) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareDates(lastDayOfPeriod(early, months), early)).toBeGreaterThanOrEqual(0);
        expect(
          compareDates(lastDayOfPeriod(early, months), lastDayOfPeriod(late, months)),
        ).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('notificationPeriod: the s.82 table (adult, relevant date 1 March 2024)', () => {
  type Row = [
    string,
    Outcome,
    number | null,
    { indeterminate?: boolean; dto?: boolean },
    number | 'indefinite',
    string | null,
  ];
  const rows: Row[] = [
    ['life', 'custody', null, { indeterminate: true }, 'indefinite', null],
    ['exactly 30 months custody', 'custody', 30, {}, 'indefinite', null],
    ['31 months custody', 'custody', 31, {}, 'indefinite', null],
    ['29 months custody', 'custody', 29, {}, 120, '2034-02-28'],
    ['7 months custody', 'custody', 7, {}, 120, '2034-02-28'],
    ['exactly 6 months custody', 'custody', 6, {}, 84, '2031-02-28'],
    ['1 month custody', 'custody', 1, {}, 84, '2031-02-28'],
    ['suspended 6 months (a sentence of imprisonment)', 'suspended_sentence', 6, {}, 84, '2031-02-28'],
    ['suspended 12 months', 'suspended_sentence', 12, {}, 120, '2034-02-28'],
    ['12-month DTO: detention period 6 months', 'custody', 12, { dto: true }, 84, '2031-02-28'],
    ['24-month DTO: detention period 12 months', 'custody', 24, { dto: true }, 120, '2034-02-28'],
    ['restricted hospital order', 'hospital_order_restricted', null, {}, 'indefinite', null],
    ['hospital order', 'hospital_order', null, {}, 84, '2031-02-28'],
    ['caution', 'caution', null, {}, 24, '2026-02-28'],
    ['conditional discharge 18 months', 'conditional_discharge', 18, {}, 18, '2025-08-31'],
    ['community order', 'community_order', 12, {}, 60, '2029-02-28'],
    ['fine', 'fine', null, {}, 60, '2029-02-28'],
    ['guardianship order', 'guardianship', null, {}, 60, '2029-02-28'],
    ['other disposal', 'other', null, {}, 60, '2029-02-28'],
  ];
  it.each(rows)('%s', (_name, outcome, lengthMonths, flags, expected, endsOn) => {
    const period = notificationPeriod({
      outcome,
      lengthMonths,
      indeterminate: flags.indeterminate,
      detentionAndTrainingOrder: flags.dto,
      relevantDate: RELEVANT,
      dateOfBirth: ADULT,
    });
    expect(period.startsOn).toBe(RELEVANT);
    expect(period.length).toEqual(
      expected === 'indefinite' ? { kind: 'indefinite' } : { kind: 'fixed', months: expected },
    );
    expect(period.endsOn).toBe(endsOn);
    expect(period.halved).toBe(false);
    expect(period.basis).not.toBe('');
  });

  it('refuses to guess a missing custodial term or discharge length', () => {
    const base = { relevantDate: RELEVANT, dateOfBirth: ADULT };
    expect(() => notificationPeriod({ ...base, outcome: 'custody' })).toThrow(RangeError);
    expect(() => notificationPeriod({ ...base, outcome: 'suspended_sentence', lengthMonths: null })).toThrow(
      RangeError,
    );
    expect(() => notificationPeriod({ ...base, outcome: 'conditional_discharge' })).toThrow(RangeError);
  });
});

describe('notificationPeriod: under 18 on the relevant date (s.82(2))', () => {
  it.each([
    // [name, dob, relevant date, outcome, length, months, halved]
    ['17 years 364 days: halved', '2008-06-15', '2026-06-14', 'custody', 12, 60, true],
    ['18th birthday on the relevant date: not halved', '2008-06-15', '2026-06-15', 'custody', 12, 120, false],
    [
      'born 29 Feb, 28 Feb in a non-leap year: still 17, halved',
      '2008-02-29',
      '2026-02-28',
      'custody',
      12,
      60,
      true,
    ],
    [
      'born 29 Feb, 1 March in a non-leap year: 18, not halved',
      '2008-02-29',
      '2026-03-01',
      'custody',
      12,
      120,
      false,
    ],
    ['7 years halved to 3 years 6 months', '2010-01-01', '2024-03-01', 'custody', 4, 42, true],
    ['5 years halved', '2010-01-01', '2024-03-01', 'community_order', 12, 30, true],
    ['caution halved to 1 year', '2010-01-01', '2024-03-01', 'caution', null, 12, true],
    ['hospital order halved', '2010-01-01', '2024-03-01', 'hospital_order', null, 42, true],
    [
      'conditional discharge is not one of the halved periods',
      '2010-01-01',
      '2024-03-01',
      'conditional_discharge',
      24,
      24,
      false,
    ],
  ] as const)('%s', (_name, dob, relevantDate, outcome, lengthMonths, months, halved) => {
    const period = notificationPeriod({ outcome, lengthMonths, relevantDate, dateOfBirth: dob });
    expect(period.length).toEqual({ kind: 'fixed', months });
    expect(period.halved).toBe(halved);
    if (halved) expect(period.basis).toContain('under 18');
  });

  it('indefinite stays indefinite for a child', () => {
    const period = notificationPeriod({
      outcome: 'custody',
      lengthMonths: 36,
      relevantDate: RELEVANT,
      dateOfBirth: '2010-01-01',
    });
    expect(period).toMatchObject({ length: { kind: 'indefinite' }, endsOn: null, halved: false });
  });

  it.each([
    ['10 years from 1 March 2014', '2014-03-01', 'custody', 12, '1980-01-01', '2024-02-29'],
    ['5 years from 1 March 2019', '2019-03-01', 'fine', null, '1980-01-01', '2024-02-29'],
    [
      '3 years 6 months from 1 September 2020 (child)',
      '2020-09-01',
      'custody',
      3,
      '2006-01-01',
      '2024-02-29',
    ],
    ['7 years from 29 February 2024', '2024-02-29', 'custody', 3, '1980-01-01', '2031-02-28'],
  ] as const)(
    'periods ending around 29 February: %s',
    (_name, relevantDate, outcome, lengthMonths, dob, endsOn) => {
      expect(notificationPeriod({ outcome, lengthMonths, relevantDate, dateOfBirth: dob }).endsOn).toBe(
        endsOn,
      );
    },
  );
});

describe('notificationPeriod properties', () => {
  const disposals = fc.record({
    outcome: fc.constantFrom<Outcome>(
      'custody',
      'suspended_sentence',
      'community_order',
      'hospital_order',
      'hospital_order_restricted',
      'guardianship',
      'caution',
      'conditional_discharge',
      'fine',
      'other',
    ),
    lengthMonths: fc.integer({ min: 1, max: 240 }),
    indeterminate: fc.boolean(),
    detentionAndTrainingOrder: fc.boolean(),
  });

  it('ends on or after it starts', () => {
    fc.assert(
      fc.property(disposals, isoDates(1950, 2005), isoDates(2000, 2060), (disposal, dob, relevantDate) => {
        const period = notificationPeriod({ ...disposal, relevantDate, dateOfBirth: dob });
        if (period.endsOn !== null)
          expect(compareDates(period.endsOn, period.startsOn)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('the halved period is never longer than the full one', () => {
    fc.assert(
      fc.property(disposals, isoDates(2000, 2060), (disposal, relevantDate) => {
        const child = notificationPeriod({
          ...disposal,
          relevantDate,
          dateOfBirth: addYears(relevantDate, -15),
        });
        const adult = notificationPeriod({
          ...disposal,
          relevantDate,
          dateOfBirth: addYears(relevantDate, -30),
        });
        expect(child.length.kind).toBe(adult.length.kind);
        if (child.length.kind === 'fixed' && adult.length.kind === 'fixed') {
          expect(child.length.months).toBeLessThanOrEqual(adult.length.months);
          expect(compareDates(child.endsOn as string, adult.endsOn as string)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('a longer custodial term never gives a shorter period', () => {
    const rank = (p: ReturnType<typeof notificationPeriod>) =>
      p.length.kind === 'indefinite' ? Infinity : p.length.months;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        isoDates(1950, 2010),
        (term, extra, dob) => {
          const at = (lengthMonths: number) =>
            notificationPeriod({
              outcome: 'custody',
              lengthMonths,
              relevantDate: RELEVANT,
              dateOfBirth: dob,
            });
          expect(rank(at(term + extra))).toBeGreaterThanOrEqual(rank(at(term)));
        },
      ),
    );
  });
});

describe('notification obligations', () => {
  it('initial notification: 3 days beginning with the relevant date, or with release (s.83(1), (6))', () => {
    expect(initialNotificationDue('2024-03-01')).toBe('2024-03-03');
    expect(initialNotificationDue('2024-02-28')).toBe('2024-03-01');
    expect(initialNotificationDue('2024-03-01', '2025-06-10')).toBe('2025-06-12');
    // A release before the conviction (remand time) does not move the start.
    expect(initialNotificationDue('2024-03-01', '2024-01-10')).toBe('2024-03-03');
  });

  it('changes: 3 days beginning with the change (s.84(1))', () => {
    expect(changeNotificationDue('2024-12-30')).toBe('2025-01-01');
  });

  it.each([
    ['2024-03-10', '2025-03-10'],
    ['2024-02-29', '2025-02-28'],
    ['2023-02-28', '2024-02-28'],
  ])('re-notification: within one year after %s → %s (s.85(1))', (last, due) => {
    expect(nextRenotificationDue(last)).toBe(due);
  });

  it('re-notification falling due in custody runs to 3 days beginning with release (s.85(3))', () => {
    expect(nextRenotificationDue('2024-03-10', { from: '2025-01-01', releasedOn: '2025-05-20' })).toBe(
      '2025-05-22',
    );
    expect(nextRenotificationDue('2024-03-10', { from: '2025-01-01', releasedOn: null })).toBeNull();
    // Released before the year is up, or detained after it: no change.
    expect(nextRenotificationDue('2024-03-10', { from: '2024-06-01', releasedOn: '2024-07-01' })).toBe(
      '2025-03-10',
    );
    expect(nextRenotificationDue('2024-03-10', { from: '2025-04-01', releasedOn: null })).toBe('2025-03-10');
  });

  it('re-notification is always due strictly after the last notification (property)', () => {
    fc.assert(
      fc.property(isoDates(), (last) => {
        const due = nextRenotificationDue(last);
        expect(daysBetween(last, due)).toBeGreaterThanOrEqual(365);
        expect(daysBetween(last, due)).toBeLessThanOrEqual(366);
      }),
    );
  });

  it.each([
    ['adult: 15 years', '1980-01-01', '2010-05-01', '2012-04-03', '2027-04-03'],
    ['under 18 on the relevant date: 8 years', '1995-01-01', '2010-05-01', '2012-04-03', '2020-04-03'],
    [
      'first notification on 29 February: not a day early',
      '1980-01-01',
      '2023-05-01',
      '2024-02-29',
      '2039-03-01',
    ],
  ])('indefinite notification review: %s', (_name, dob, relevantDate, first, from) => {
    expect(
      indefiniteReviewEligibleFrom({ firstNotificationAfterRelease: first, dateOfBirth: dob, relevantDate }),
    ).toBe(from);
  });

  it('a discharge on review ends indefinite notification, and never extends a fixed one', () => {
    const indefinite = notificationPeriod({
      outcome: 'custody',
      lengthMonths: 48,
      relevantDate: RELEVANT,
      dateOfBirth: ADULT,
    });
    expect(effectiveNotificationEnd(indefinite, '2040-01-01')).toBe('2040-01-01');
    expect(notificationInForce(indefinite, '2040-01-01', '2040-01-01')).toBe(true);
    expect(notificationInForce(indefinite, '2040-01-02', '2040-01-01')).toBe(false);
    const fixed = notificationPeriod({ outcome: 'caution', relevantDate: RELEVANT, dateOfBirth: ADULT });
    expect(effectiveNotificationEnd(fixed, '2030-01-01')).toBe('2026-02-28');
    expect(notificationInForce(fixed, '2026-02-28')).toBe(true);
    expect(notificationInForce(fixed, '2026-03-01')).toBe(false);
    expect(notificationInForce(fixed, addDays(RELEVANT, -1))).toBe(false);
  });
});

describe('terrorismNotificationPeriod (CTA 2008 s.53)', () => {
  it.each([
    ['adult, life', '1980-01-01', { indeterminate: true }, 30],
    ['adult, 10 years', '1980-01-01', { lengthMonths: 120 }, 30],
    ['adult, 9 years 11 months', '1980-01-01', { lengthMonths: 119 }, 15],
    ['adult, 5 years', '1980-01-01', { lengthMonths: 60 }, 15],
    ['adult, 4 years', '1980-01-01', { lengthMonths: 48 }, 10],
    ['adult, hospital order', '1980-01-01', {}, 10],
    ['under 18 at conviction, 10 years', '2008-01-01', { lengthMonths: 120 }, 10],
  ] as const)('%s → %i years', (_name, dob, sentence, years) => {
    const period = terrorismNotificationPeriod({
      ...sentence,
      dealtWithOn: '2024-03-01',
      convictionDate: '2024-02-01',
      dateOfBirth: dob,
    });
    expect(period.years).toBe(years);
    expect(period.endsOn).toBe(lastDayOfPeriod('2024-03-01', years * 12));
  });
});

describe('formatMonths', () => {
  it.each([
    [120, '10 years'],
    [42, '3 years 6 months'],
    [12, '1 year'],
    [18, '1 year 6 months'],
    [1, '1 month'],
  ])('%i → %s', (months, text) => {
    expect(formatMonths(months)).toBe(text);
  });
});
