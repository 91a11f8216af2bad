import { daysBetween, parseDateParts } from '../../../domain/dates.ts';
import type { FieldErrors } from '../../../domain/errors.ts';

/** What the levels pages share: GOV.UK date inputs, error summaries, and "due" tags. */

type Body = Record<string, unknown>;

/** A value no date parser accepts: a date the user typed wrongly reaches the use case as this, so it refuses (and writes nothing). */
const UNREADABLE_DATE = 'unreadable-date';

export interface DateFromForm {
  /** ISO date, '' when left blank (optional fields only), or UNREADABLE_DATE. */
  value: string;
  /** The GOV.UK date input message, which says which part is wrong. */
  error?: string;
}

/** Reads the three boxes of a GOV.UK date input named `key`. */
export function dateFromForm(body: Body, key: string, label: string, required: boolean): DateFromForm {
  const [day, month, year] = (['day', 'month', 'year'] as const).map((part) =>
    String(body[`${key}-${part}`] ?? ''),
  );
  if (!required && !`${day}${month}${year}`.trim()) return { value: '' };
  const parsed = parseDateParts(day!, month!, year!, label);
  return parsed.ok ? { value: parsed.value } : { value: UNREADABLE_DATE, error: parsed.error };
}

/**
 * The use case's field errors with the date inputs' own messages put over its ISO-format ones,
 * in the order the fields appear on the form.
 */
export function formErrors(
  errors: FieldErrors,
  dates: Record<string, DateFromForm>,
  order: readonly string[],
): FieldErrors {
  const merged: FieldErrors = { ...errors };
  for (const [key, date] of Object.entries(dates)) if (date.error) merged[key] = date.error;
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The GOV.UK error summary's links: dates go to their day box, radios and checkboxes to their first item. */
export function summaryLinks(errors: FieldErrors | undefined, dateKeys: readonly string[]) {
  return Object.entries(errors ?? {}).map(([key, text]) => ({
    text,
    href: `#${dateKeys.includes(key) ? `${key}-day` : key}`,
  }));
}

/** A form's ticked boxes: none, one (a string) or several. */
export const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

/** Where a due date stands today, for a tag. */
export function dueStatus(dueOn: string | null, today: string) {
  if (!dueOn) return null;
  const days = daysBetween(today, dueOn);
  if (days < 0)
    return {
      text: `Overdue by ${-days} ${days === -1 ? 'day' : 'days'}`,
      classes: 'govuk-tag--red',
      overdue: true,
    };
  if (days === 0) return { text: 'Due today', classes: 'govuk-tag--orange', overdue: false };
  if (days <= 28)
    return {
      text: `Due in ${days} ${days === 1 ? 'day' : 'days'}`,
      classes: 'govuk-tag--yellow',
      overdue: false,
    };
  return null;
}
