import { ROLE, labelOf } from '../../../domain/codes.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import type { AccessLogPage, AccessLogRow } from '../use-cases.ts';

/** How the DPO's pages show entries, pages of them, and form errors. */

const OPERATION_LABELS: Record<string, string> = {
  collection: 'Collected',
  alteration: 'Changed',
  consultation: 'Viewed',
  disclosure: 'Disclosed',
  combination: 'Combined',
  erasure: 'Erased',
};

const WHEN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/London',
});

export function presentEntry(e: AccessLogRow) {
  return {
    ...e,
    when: WHEN.format(new Date(e.at.replace(/(\.\d{3})\d*Z$/, '$1Z'))),
    operationLabel: OPERATION_LABELS[e.operation] ?? e.operation,
    roleLabels: e.roles.map((r) => labelOf(ROLE, r)),
  };
}

/** GOV.UK pagination: at most ten page links around the current one. */
export function pagination(found: AccessLogPage<unknown>, link: (page: number) => string) {
  const pages = Math.ceil(found.total / found.pageSize);
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(found.page - 4, pages - 9));
  return {
    previous: found.page > 1 ? { href: link(found.page - 1) } : undefined,
    next: found.page < pages ? { href: link(found.page + 1) } : undefined,
    items: Array.from({ length: Math.min(pages, 10) }, (_, i) => ({
      number: first + i,
      href: link(first + i),
      current: first + i === found.page,
    })),
  };
}

/** The GOV.UK error summary: each message links to its field (for radios, their first option, whose id is the name). */
export function formErrors(errors: FieldErrors) {
  return { errors, errorList: Object.entries(errors).map(([key, text]) => ({ text, href: `#${key}` })) };
}
