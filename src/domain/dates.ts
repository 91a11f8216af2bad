/**
 * Calendar dates as `YYYY-MM-DD` strings. A date of birth or a sentence date is a day, not an
 * instant: JS Date would drag in a time zone and shift it by a day around midnight BST. All
 * arithmetic is on whole days since 1970-01-01 (proleptic Gregorian, the same count UTC uses),
 * so no clock or time zone is involved. "Today" is always passed in.
 */

/** `YYYY-MM-DD`, year 0001–9999. */
export type IsoDate = string;

export type DateResult = { ok: true; value: IsoDate } | { ok: false; error: string };

export type DatePart = 'day' | 'month' | 'year';
export type DatePartsResult = { ok: true; value: IsoDate } | { ok: false; error: string; fields: DatePart[] };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isRealYmd({ year, month, day }: Ymd): boolean {
  return (
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

function splitIso(value: string): Ymd | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const ymd = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealYmd(ymd) ? ymd : undefined;
}

/** Throws: a malformed date reaching arithmetic is a programming error, not user input. */
function ymdOf(date: IsoDate): Ymd {
  const ymd = splitIso(date);
  if (!ymd) throw new RangeError(`Not a real ISO date: ${JSON.stringify(date)}`);
  return ymd;
}

function format({ year, month, day }: Ymd): IsoDate {
  if (year < 1 || year > 9999) throw new RangeError(`Date out of range: year ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days since 1970-01-01 (Hinnant's days_from_civil). */
export function toEpochDay(date: IsoDate): number {
  const { year: calendarYear, month, day } = ymdOf(date);
  // The computation counts years from 1 March so that a leap day falls at the end of the year.
  const year = calendarYear - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of toEpochDay (Hinnant's civil_from_days). */
export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`Not a whole number of days: ${epochDay}`);
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return format({ year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

export function isRealDate(value: string): boolean {
  return splitIso(value) !== undefined;
}

/** Strict `YYYY-MM-DD` (imports, query strings). People type dates with parseDateParts. */
export function parseIsoDate(raw: string, label = 'Date'): DateResult {
  const value = raw.trim();
  if (value === '') return { ok: false, error: `Enter ${lowerFirst(label)}` };
  if (!ISO_DATE.test(value)) return { ok: false, error: `${label} must be in the format 2024-03-01` };
  if (!isRealDate(value)) return { ok: false, error: `${label} must be a real date` };
  return { ok: true, value };
}

/**
 * The three boxes of a GOV.UK date input. Messages follow the design system's date input
 * pattern; `fields` says which boxes to highlight. Month names ("March", "mar") are accepted
 * because people type them. Past/future rules belong to the caller.
 */
export function parseDateParts(day: string, month: string, year: string, label = 'Date'): DatePartsResult {
  const parts = { day: day.trim(), month: month.trim(), year: year.trim() };
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part] === '');
  if (missing.length === 3) return { ok: false, error: `Enter ${lowerFirst(label)}`, fields: missing };
  if (missing.length > 0) {
    return { ok: false, error: `${label} must include a ${missing.join(' and ')}`, fields: missing };
  }

  const notReal = (fields: DatePart[]): DatePartsResult => ({
    ok: false,
    error: `${label} must be a real date`,
    fields,
  });
  const dayNumber = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : NaN;
  const monthNumber = monthFrom(parts.month);
  const wrong: DatePart[] = [];
  if (!(dayNumber >= 1 && dayNumber <= 31)) wrong.push('day');
  if (monthNumber === undefined) wrong.push('month');
  if (!/^\d+$/.test(parts.year)) wrong.push('year');
  if (wrong.length > 0) return notReal(wrong);
  if (parts.year.length !== 4) return { ok: false, error: 'Year must include 4 numbers', fields: ['year'] };

  const ymd = { year: Number(parts.year), month: monthNumber as number, day: dayNumber };
  if (!isRealYmd(ymd)) return notReal(ymd.year < 1 ? ['year'] : ['day']);
  return { ok: true, value: format(ymd) };
}

function monthFrom(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  const lower = text.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

/** "Date of birth" → "date of birth", but "PNC date" stays as it is. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** -1, 0 or 1. ISO strings sort as dates, but this also rejects malformed input. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toEpochDay(a) - toEpochDay(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

/** Signed: positive when `to` is after `from`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Clamps to the end of a shorter month (2024-01-31 + 1 month = 2024-02-29), as sentence and
 * licence calculations expect: a month from 31 January is not 2 March.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const { year, month, day } = ymdOf(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError(`Date out of range: year ${newYear}`);
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** 29 February + 1 year = 28 February (clamped, like addMonths). */
export function addYears(date: IsoDate, years: number): IsoDate {
  if (!Number.isSafeInteger(years)) throw new RangeError(`Not a whole number of years: ${years}`);
  return addMonths(date, years * 12);
}

/**
 * Age in completed years on `date`. Someone born on 29 February gains a year on 1 March in
 * non-leap years, the usual reading in England and Wales; note this differs from
 * addYears(dob, n), which clamps to 28 February.
 */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  const born = ymdOf(dateOfBirth);
  const on = ymdOf(date);
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
}

/** '1 March 2024', the GOV.UK style. */
export function formatDateLong(date: IsoDate): string {
  const { year, month, day } = ymdOf(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * The calendar date in England and Wales at an instant (epoch milliseconds). The clock is read
 * by the caller; this only converts, so "today" is right either side of midnight BST.
 */
export function londonDateAt(epochMillis: number): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(epochMillis);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
