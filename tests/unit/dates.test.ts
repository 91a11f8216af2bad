import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareDates,
  daysBetween,
  daysInMonth,
  formatDateLong,
  fromEpochDay,
  isAfter,
  isBefore,
  isLeapYear,
  isRealDate,
  londonDateAt,
  parseDateParts,
  parseIsoDate,
  toEpochDay,
} from '../../src/domain/dates.ts';

const DAY_MS = 86_400_000;

/** Dates from JS Date's own calendar, so the generator does not trust the code under test. */
function isoDates(minYear = 1, maxYear = 9999) {
  return fc
    .date({
      min: new Date(`${String(minYear).padStart(4, '0')}-01-01T00:00:00Z`),
      max: new Date(`${String(maxYear).padStart(4, '0')}-12-31T00:00:00Z`),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

describe('isRealDate and parseIsoDate', () => {
  it.each([
    '2024-02-29', // leap year
    '2000-02-29', // divisible by 400
    '2023-01-31',
    '2023-03-31',
    '2023-04-30',
    '2023-12-31',
    '0001-01-01',
    '9999-12-31',
    '1970-01-01',
  ])('%s is real', (date) => {
    expect(isRealDate(date)).toBe(true);
    expect(parseIsoDate(date)).toEqual({ ok: true, value: date });
  });

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // divisible by 100, not 400
    '2023-04-31',
    '2023-06-31',
    '2023-09-31',
    '2023-11-31',
    '2023-13-01',
    '2023-00-10',
    '2023-01-00',
    '2023-01-32',
    '0000-01-01',
  ])('%s is not real', (date) => {
    expect(isRealDate(date)).toBe(false);
    expect(parseIsoDate(date, 'Release date')).toEqual({
      ok: false,
      error: 'Release date must be a real date',
    });
  });

  it.each(['2023-1-01', '23-01-01', '2023/01/01', '01/02/2023', '2023-01-01T00:00:00Z', '20230101', 'today'])(
    '%j is not in ISO format',
    (raw) => {
      expect(isRealDate(raw)).toBe(false);
      expect(parseIsoDate(raw)).toEqual({ ok: false, error: 'Date must be in the format 2024-03-01' });
    },
  );

  it('trims whitespace and asks for a date when empty', () => {
    expect(parseIsoDate(' 2024-03-01 ')).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseIsoDate('', 'Date of birth')).toEqual({ ok: false, error: 'Enter date of birth' });
  });

  it('agrees with JS Date on every day from year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (epochDay) => {
        const viaJs = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
        expect(fromEpochDay(epochDay)).toBe(viaJs);
        expect(toEpochDay(viaJs)).toBe(epochDay);
        expect(isRealDate(viaJs)).toBe(true);
      }),
    );
  });
});

describe('parseDateParts', () => {
  const label = 'Date of birth';

  it.each([
    ['1', '3', '2024', '2024-03-01'],
    ['01', '03', '2024', '2024-03-01'],
    [' 29 ', ' 2 ', ' 2024 ', '2024-02-29'],
    ['31', '12', '1999', '1999-12-31'],
    ['31', 'January', '2000', '2000-01-31'],
    ['1', 'mar', '2024', '2024-03-01'],
    ['1', 'Sept', '2024', '2024-09-01'],
    ['1', 'Dec.', '2024', '2024-12-01'],
  ])('%s/%s/%s is %s', (day, month, year, expected) => {
    expect(parseDateParts(day, month, year, label)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', '', '', 'Enter date of birth', ['day', 'month', 'year']],
    ['1', '', '2024', 'Date of birth must include a month', ['month']],
    ['', '3', '2024', 'Date of birth must include a day', ['day']],
    ['1', '3', '', 'Date of birth must include a year', ['year']],
    ['', '', '2024', 'Date of birth must include a day and month', ['day', 'month']],
    ['1', '', '', 'Date of birth must include a month and year', ['month', 'year']],
    ['', '3', '', 'Date of birth must include a day and year', ['day', 'year']],
    ['29', '2', '2023', 'Date of birth must be a real date', ['day']],
    ['29', '2', '1900', 'Date of birth must be a real date', ['day']],
    ['31', '4', '2024', 'Date of birth must be a real date', ['day']],
    ['32', '1', '2024', 'Date of birth must be a real date', ['day']],
    ['0', '1', '2024', 'Date of birth must be a real date', ['day']],
    ['1', '13', '2024', 'Date of birth must be a real date', ['month']],
    ['1', '0', '2024', 'Date of birth must be a real date', ['month']],
    ['1', 'ma', '2024', 'Date of birth must be a real date', ['month']],
    ['1', 'Smarch', '2024', 'Date of birth must be a real date', ['month']],
    ['x', 'y', '2024', 'Date of birth must be a real date', ['day', 'month']],
    ['1.5', '3', '2024', 'Date of birth must be a real date', ['day']],
    ['1', '3', '20x4', 'Date of birth must be a real date', ['year']],
    ['1', '1', '0000', 'Date of birth must be a real date', ['year']],
    ['1', '3', '24', 'Year must include 4 numbers', ['year']],
    ['1', '3', '02024', 'Year must include 4 numbers', ['year']],
  ])('%j/%j/%j → %s', (day, month, year, error, fields) => {
    expect(parseDateParts(day, month, year, label)).toEqual({ ok: false, error, fields });
  });

  it('keeps an acronym at the start of the label', () => {
    expect(parseDateParts('', '', '', 'PNC date')).toMatchObject({ error: 'Enter PNC date' });
  });

  it('defaults the label to "Date"', () => {
    expect(parseDateParts('30', '2', '2024')).toMatchObject({ error: 'Date must be a real date' });
  });

  it('accepts every real date typed as numbers', () => {
    fc.assert(
      fc.property(isoDates(1000), (date) => {
        const [y, m, d] = date.split('-');
        expect(parseDateParts(String(Number(d)), String(Number(m)), y as string)).toEqual({
          ok: true,
          value: date,
        });
      }),
    );
  });
});

describe('comparison', () => {
  it.each([
    ['2024-03-01', '2024-03-01', 0],
    ['2024-02-29', '2024-03-01', -1],
    ['2025-01-01', '2024-12-31', 1],
    ['0999-12-31', '1000-01-01', -1],
  ] as const)('compareDates(%s, %s) = %d', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
    expect(isBefore(a, b)).toBe(expected < 0);
    expect(isAfter(a, b)).toBe(expected > 0);
  });

  it('refuses malformed dates', () => {
    expect(() => compareDates('2024-02-30', '2024-03-01')).toThrow(RangeError);
    expect(() => addDays('01/03/2024', 1)).toThrow(RangeError);
  });

  it('is consistent with string order', () => {
    fc.assert(
      fc.property(isoDates(), isoDates(), (a, b) => {
        const byString = a < b ? -1 : a > b ? 1 : 0;
        expect(compareDates(a, b)).toBe(byString);
        expect(compareDates(b, a)).toBe(-byString || 0); // not -0
      }),
    );
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-01-01', -1, '2023-12-31'],
    ['2024-03-31', 0, '2024-03-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['1970-01-01', -1, '1969-12-31'],
  ] as const)('%s + %d days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it('refuses fractions and out-of-range results', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });

  it('adding then subtracting n days is the identity', () => {
    fc.assert(
      fc.property(isoDates(1000, 9000), fc.integer({ min: -300_000, max: 300_000 }), (date, n) => {
        expect(addDays(addDays(date, n), -n)).toBe(date);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it('is additive', () => {
    fc.assert(
      fc.property(
        isoDates(2000, 3000),
        fc.integer({ min: -50_000, max: 50_000 }),
        fc.integer({ min: -50_000, max: 50_000 }),
        (date, m, n) => {
          expect(addDays(addDays(date, m), n)).toBe(addDays(date, m + n));
        },
      ),
    );
  });
});

describe('addMonths and addYears', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-05-31', -1, '2024-04-30'],
    ['2024-01-15', 1, '2024-02-15'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-01-15', -13, '2022-12-15'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-10-31', 0, '2024-10-31'],
  ] as const)('%s + %d months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2023-03-01', 1, '2024-03-01'],
    ['2000-02-29', 100, '2100-02-28'],
  ] as const)('%s + %d years = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it('refuses fractions and out-of-range results', () => {
    expect(() => addMonths('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addYears('9999-01-01', 1)).toThrow(RangeError);
    expect(() => addMonths('0001-01-01', -1)).toThrow(RangeError);
  });

  it('always gives a real date, in the right month, never later than the same day', () => {
    fc.assert(
      fc.property(isoDates(1000, 9000), fc.integer({ min: -10_000, max: 10_000 }), (date, n) => {
        const result = addMonths(date, n);
        expect(isRealDate(result)).toBe(true);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const [ry, rm, rd] = result.split('-').map(Number) as [number, number, number];
        expect(ry * 12 + rm - (y * 12 + m)).toBe(n);
        expect(rd).toBe(Math.min(d, daysInMonth(ry, rm)));
      }),
    );
  });

  it('round-trips when the day exists in every month', () => {
    fc.assert(
      fc.property(isoDates(1000, 9000), fc.integer({ min: -10_000, max: 10_000 }), (date, n) => {
        fc.pre(Number(date.slice(8)) <= 28);
        expect(addMonths(addMonths(date, n), -n)).toBe(date);
      }),
    );
  });

  it('addYears(d, n) is addMonths(d, 12n)', () => {
    fc.assert(
      fc.property(isoDates(1000, 9000), fc.integer({ min: -900, max: 900 }), (date, n) => {
        expect(addYears(date, n)).toBe(addMonths(date, 12 * n));
      }),
    );
  });
});

describe('ageOn', () => {
  it.each([
    ['2000-03-01', '2018-02-28', 17],
    ['2000-03-01', '2018-03-01', 18],
    ['2000-03-01', '2000-03-01', 0],
    ['2000-12-31', '2001-12-30', 0],
    ['2000-12-31', '2001-12-31', 1],
    // Born on a leap day: a year older on 1 March in non-leap years.
    ['2004-02-29', '2022-02-28', 17],
    ['2004-02-29', '2022-03-01', 18],
    ['2004-02-29', '2024-02-28', 19],
    ['2004-02-29', '2024-02-29', 20],
  ] as const)('born %s, on %s is %d', (dob, date, expected) => {
    expect(ageOn(dob, date)).toBe(expected);
  });

  it('is n on the nth birthday and n - 1 the day before', () => {
    fc.assert(
      fc.property(isoDates(1000, 8000), fc.integer({ min: 1, max: 120 }), (dob, n) => {
        fc.pre(!dob.endsWith('-02-29'));
        const birthday = addYears(dob, n);
        expect(ageOn(dob, birthday)).toBe(n);
        expect(ageOn(dob, addDays(birthday, -1))).toBe(n - 1);
      }),
    );
  });

  it('never decreases as time passes', () => {
    fc.assert(
      fc.property(isoDates(1000, 8000), fc.nat(40_000), fc.nat(40_000), (dob, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(ageOn(dob, addDays(dob, later))).toBeGreaterThanOrEqual(ageOn(dob, addDays(dob, earlier)));
      }),
    );
  });
});

describe('calendar facts', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])('isLeapYear(%d) = %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2024, 1, 31],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('daysInMonth(%d, %d) = %d', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe('formatDateLong', () => {
  it.each([
    ['2024-03-01', '1 March 2024'],
    ['2024-12-25', '25 December 2024'],
    ['2024-02-29', '29 February 2024'],
    ['0999-01-09', '9 January 999'],
  ])('%s → %s', (date, expected) => {
    expect(formatDateLong(date)).toBe(expected);
  });
});

describe('londonDateAt', () => {
  it.each([
    ['2024-07-01T22:59:59Z', '2024-07-01'], // 23:59:59 BST
    ['2024-07-01T23:00:00Z', '2024-07-02'], // midnight BST, still 1 July in UTC
    ['2024-01-15T23:59:59Z', '2024-01-15'], // GMT: London = UTC
    ['2024-01-16T00:00:00Z', '2024-01-16'],
    ['2024-03-31T00:30:00Z', '2024-03-31'], // the night the clocks go forward
  ])('%s is %s in London', (instant, expected) => {
    expect(londonDateAt(Date.parse(instant))).toBe(expected);
  });
});
