import type { FieldErrors } from '../../../domain/errors.ts';

/** What the meetings pages share: status tags, the error summary, form order and addresses. */

export type Body = Record<string, unknown>;

export const STATUS_TAG: Record<string, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--yellow' },
  approved: { text: 'Approved', classes: 'govuk-tag--green' },
  superseded: { text: 'Superseded', classes: 'govuk-tag--grey' },
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--blue' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--red' },
};

/** Checkboxes send one value as a string, several as an array. */
export const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

/** The GOV.UK error summary: date inputs link to their day box. */
export function summaryLinks(errors: FieldErrors, dateKeys: readonly string[] = []) {
  return Object.entries(errors).map(([key, text]) => ({
    text,
    href: `#${dateKeys.includes(key) ? `${key}-day` : key}`,
  }));
}

/** A form's field errors with the date field's own error, in the order the fields stand on the page. */
export function inFormOrder(
  errors: FieldErrors,
  date: { key: string; error?: string | undefined },
  order: readonly string[],
): FieldErrors {
  const merged: FieldErrors = { ...errors, ...(date.error ? { [date.key]: date.error } : {}) };
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}

export const minutesPath = (meetingId: string, nominalId: string) =>
  `/meetings/${meetingId}/nominals/${nominalId}/minutes`;
