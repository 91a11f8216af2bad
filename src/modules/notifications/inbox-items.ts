import { formatDateLong, isRealDate } from '../../domain/dates.ts';

/**
 * What an inbox item is about, and how its text reads. Pure: no I/O.
 *
 * An item names the thing it asks for work on (a referral to screen, a meeting, a person's minutes,
 * a prison report to approve, an action), so the item can be resolved when anyone entitled does
 * that work. Callers may say it outright; otherwise it is read from the item's link, which always
 * points at the thing itself.
 */
export const INBOX_SUBJECT_TYPES = ['referral', 'meeting', 'minutes', 'prison-report', 'action'] as const;
export type InboxSubjectType = (typeof INBOX_SUBJECT_TYPES)[number];

export interface InboxSubject {
  type: InboxSubjectType;
  /** The referral, meeting (for minutes too), prison report or action. */
  id: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Most specific first: a person's minutes are under their meeting's address. */
const LINKS: readonly [RegExp, InboxSubjectType][] = [
  [new RegExp(`^/meetings/(${UUID})/nominals/${UUID}/minutes(?:[/?#].*)?$`), 'minutes'],
  [new RegExp(`^/meetings/(${UUID})(?:[?#].*)?$`), 'meeting'],
  [new RegExp(`^/referrals/(${UUID})(?:[?#].*)?$`), 'referral'],
  [new RegExp(`^/nominals/${UUID}/prison-reports/(${UUID})(?:[?#].*)?$`), 'prison-report'],
  [new RegExp(`^/actions/(${UUID})(?:[?#].*)?$`), 'action'],
];

/** The thing a Vigil link points at, if it is one an inbox item can be about. */
export function subjectOfLink(link: string | null): InboxSubject | null {
  if (!link) return null;
  for (const [pattern, type] of LINKS) {
    const id = pattern.exec(link)?.[1];
    if (id) return { type, id };
  }
  return null;
}

/** How the thing an item is about is named on the inbox page (beside the person's name). */
export const SUBJECT_LABEL: Record<InboxSubjectType, string> = {
  referral: 'Referral (MAPPA A)',
  meeting: 'MAPPA meeting',
  minutes: 'Minutes (MAPPA B)',
  'prison-report': 'Prison report (MAPPA F)',
  action: 'MAPPA action',
};

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})(?!T|\d)/g;
/** " – /actions/c8be…": an address written into older items' text, which people should never read. */
const RAW_PATH = new RegExp(`\\s*[–-]?\\s*/[a-z-]+/${UUID}(?:/[\\w-]+)*`, 'g');

/**
 * An item's subject or body as people read it: dates as "5 December 2026", never an address with
 * an id in it (the item's own link and the person's name stand for those).
 */
export function readableText(text: string): string {
  return text
    .replace(RAW_PATH, '')
    .replace(ISO_DATE, (date: string) => (isRealDate(date) ? formatDateLong(date) : date));
}

/**
 * The subject with the person it is about named: "… recorded for V-AB12-3456" reads "… recorded
 * for John Smith (V-AB12-3456)". The stored subject names a record by its Vigil reference only (an
 * erasure keeps subjects), so the name is added as it is read.
 */
export function namedSubject(subject: string, person: { name: string; vigilRef: string } | null): string {
  const text = readableText(subject);
  if (!person || !text.includes(person.vigilRef) || text.includes(person.name)) return text;
  return text.replace(person.vigilRef, `${person.name} (${person.vigilRef})`);
}
