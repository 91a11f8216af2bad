import type { FieldErrors } from '../../../domain/errors.ts';
import { labelOf } from '../../../domain/codes.ts';
import { REFERRAL_STATUS } from '../../../domain/referrals.ts';

/** What the referral pages share: the status tag, error summaries in form order, checkbox lists. */

const STATUS_TAG: Record<string, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  accepted: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
  withdrawn: 'govuk-tag--grey',
};

export const statusTag = (status: string) => ({
  text: labelOf(REFERRAL_STATUS, status),
  classes: STATUS_TAG[status] ?? '',
});

/** Field errors in the order the form asks. */
export const ordered = (errors: FieldErrors, order: readonly string[]) => {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
};

/** The GOV.UK error summary: each message links to its field (or to a group's first item). */
export const summaryLinks = (errors: FieldErrors, firstItem: Record<string, string> = {}) =>
  Object.entries(errors).map(([key, text]) => ({ text, href: `#${firstItem[key] ?? key}` }));

/** A form's checkboxes: none, one (a string) or several (a list). */
export const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

/** "14:05", London time. */
export const timeOf = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(
    new Date(iso),
  );
