import type { CodeEntry, CodeOf } from './codes.ts';
import { addDays, addMonths, compareDates, formatDateLong, type IsoDate } from './dates.ts';

/**
 * Public protection monitoring of a prisoner's calls, mail and visits (MAPPA.md §3 step 9: the
 * "Kevin" case called a new partner 475 times in a month, 43 times in one day, unnoticed through a
 * month-long listening backlog). The prison decides who is monitored; these rules only raise flags,
 * each with its evidence, for the prison offender manager and security to look at. Nothing is
 * decided beyond raising the flag. Pure: "today" is a parameter. docs/custody.md gives the settings.
 */

export const MONITORING_REASON = [
  { code: 'harassment', label: 'Harassment' },
  { code: 'victim_contact', label: 'Contact with a victim' },
  { code: 'child_contact', label: 'Contact with a child' },
  { code: 'terrorism', label: 'Terrorism' },
  { code: 'organised_crime', label: 'Organised crime' },
] as const satisfies readonly CodeEntry[];
export type MonitoringReason = CodeOf<typeof MONITORING_REASON>;

/** Why a number or address matters: whose it is, from the record. */
export const CONTACT_LINK = [
  { code: 'victim', label: 'A victim' },
  { code: 'child', label: 'A child' },
  { code: 'no_contact_order', label: 'Someone a no-contact order protects' },
  { code: 'co_defendant', label: 'A co-defendant' },
] as const satisfies readonly CodeEntry[];
export type ContactLink = CodeOf<typeof CONTACT_LINK>;

export const FLAG_KIND = [
  { code: 'daily_volume', label: 'Many calls to one number in a day' },
  { code: 'monthly_volume', label: 'Many calls to one number in 30 days' },
  { code: 'baseline_spike', label: 'Calls far above the person’s usual volume' },
  { code: 'linked_contact', label: 'Contact with a linked number or address' },
  { code: 'listening_backlog', label: 'Calls not listened to' },
  { code: 'translation_outstanding', label: 'Translations outstanding' },
] as const satisfies readonly CodeEntry[];
export type FlagKind = CodeOf<typeof FLAG_KIND>;

/** How a flag was dealt with: acknowledged by a person, never by the software. */
export const FLAG_OUTCOME = [
  { code: 'no_concern', label: 'No concern' },
  { code: 'intelligence_report', label: 'Intelligence report submitted' },
  { code: 'referred_to_police', label: 'Referred to the police' },
] as const satisfies readonly CodeEntry[];
export type FlagOutcome = CodeOf<typeof FLAG_OUTCOME>;

/** Monitoring reviews are monthly. */
export const MONITORING_REVIEW_MONTHS = 1;
/** A review is listed this many days before it falls due. */
export const MONITORING_REVIEW_NOTICE_DAYS = 7;

/** The next monthly review of a monitoring case, when it is to be listed (due within the notice, or late). */
export function monitoringReviewDue(
  lastReviewedOn: IsoDate,
  today: IsoDate,
): { dueOn: IsoDate; late: boolean } | null {
  const dueOn = addMonths(lastReviewedOn, MONITORING_REVIEW_MONTHS);
  if (compareDates(dueOn, addDays(today, MONITORING_REVIEW_NOTICE_DAYS)) > 0) return null;
  return { dueOn, late: compareDates(dueOn, today) < 0 };
}

// --- Settings ---------------------------------------------------------------------------------

export interface MonitoringSettings {
  /** More calls than this to one number on one day raise a flag. */
  callsPerNumberPerDay: number;
  /** More calls than this to one number in the last 30 days raise a flag. */
  callsPerNumberPer30Days: number;
  /** The last 7 days' calls per day at least this many times the 60 days before… */
  baselineMultiplier: number;
  /** …and at least this many calls in those 7 days (a quiet person's 3 calls are no spike). */
  baselineMinimumCalls: number;
  /** Calls not listened to after this many days are a backlog. */
  listeningBacklogDays: number;
  /** A translation requested this many days ago and not done is outstanding. */
  translationDays: number;
}

export const DEFAULT_MONITORING_SETTINGS: Readonly<MonitoringSettings> = Object.freeze({
  callsPerNumberPerDay: 10,
  callsPerNumberPer30Days: 100,
  baselineMultiplier: 3,
  baselineMinimumCalls: 20,
  listeningBacklogDays: 7,
  translationDays: 7,
});

export const VOLUME_WINDOW_DAYS = 30;
export const SPIKE_WINDOW_DAYS = 7;
export const BASELINE_DAYS = 60;

// --- Facts ------------------------------------------------------------------------------------

/**
 * A UK phone number in one form, so "+44 7700 900123", "0044 7700900123" and "07700 900123" meet:
 * digits only, the international prefix for the UK replaced by 0. Other countries keep "+".
 */
export function normalisePhoneNumber(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  const international = trimmed.startsWith('+') ? digits : digits.startsWith('00') ? digits.slice(2) : null;
  if (international === null) return digits;
  return international.startsWith('44') ? `0${international.slice(2)}` : `+${international}`;
}

export interface Communication {
  id: string;
  kind: 'call' | 'mail' | 'visit';
  /** The London day it happened. */
  on: IsoDate;
  /** The number called (normalised) or the address or visitor, as recorded. */
  counterpart: string;
  /** Calls only: listened to on this day (null: not yet). */
  listenedOn?: IsoDate | null;
  translationRequestedOn?: IsoDate | null;
  translationDoneOn?: IsoDate | null;
}

export interface LinkedCounterpart {
  /** Normalised as Communication.counterpart. */
  counterpart: string;
  link: ContactLink;
  /** Where the link comes from, for the decision maker: "Relationship: victim (Jane Doe)". */
  source: string;
}

export interface MonitoringFlag {
  kind: FlagKind;
  /** The number or address the flag is about, if one. */
  counterpart: string | null;
  count: number;
  from: IsoDate;
  to: IsoDate;
  /** The evidence in words. */
  evidence: string;
  /** The same flag found again on a later scan has the same key, so it is raised once. */
  key: string;
  /** The communications it rests on. */
  communicationIds: string[];
}

// --- Rules ------------------------------------------------------------------------------------

// ISO dates (YYYY-MM-DD) sort as strings: an establishment's scan compares hundreds of thousands
// of communications' days, so they are compared as they are, never parsed one by one.
const within = (on: IsoDate, from: IsoDate, to: IsoDate) => on >= from && on <= to;
const byDay = (a: Communication, b: Communication) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0);

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const span = (items: readonly Communication[]) => {
  const days = items.map((c) => c.on).sort();
  return { from: days[0]!, to: days[days.length - 1]! };
};

function volumeFlags(calls: readonly Communication[], s: MonitoringSettings): MonitoringFlag[] {
  const flags: MonitoringFlag[] = [];
  for (const [number, toNumber] of groupBy(calls, (c) => c.counterpart)) {
    // One flag per busy day: each day is its own event for someone to look at.
    for (const [day, onDay] of groupBy(toNumber, (c) => c.on)) {
      if (onDay.length <= s.callsPerNumberPerDay) continue;
      flags.push({
        kind: 'daily_volume',
        counterpart: number,
        count: onDay.length,
        from: day,
        to: day,
        evidence: `${onDay.length} calls to ${number} on ${formatDateLong(day)} (area setting: more than ${s.callsPerNumberPerDay} a day)`,
        key: `daily_volume:${number}:${day}`,
        communicationIds: onDay.map((c) => c.id),
      });
    }
    if (toNumber.length > s.callsPerNumberPer30Days) {
      const sorted = [...toNumber].sort(byDay);
      // Keyed by the day the threshold was crossed, so the same run of calls is one flag.
      const crossedOn = sorted[s.callsPerNumberPer30Days]!.on;
      flags.push({
        kind: 'monthly_volume',
        counterpart: number,
        count: toNumber.length,
        ...span(toNumber),
        evidence: `${toNumber.length} calls to ${number} in the last ${VOLUME_WINDOW_DAYS} days (area setting: more than ${s.callsPerNumberPer30Days}), the threshold passed on ${formatDateLong(crossedOn)}`,
        key: `monthly_volume:${number}:${crossedOn}`,
        communicationIds: toNumber.map((c) => c.id),
      });
    }
  }
  return flags;
}

function baselineFlag(
  calls: readonly Communication[],
  s: MonitoringSettings,
  today: IsoDate,
): MonitoringFlag[] {
  const recentFrom = addDays(today, -(SPIKE_WINDOW_DAYS - 1));
  const baselineFrom = addDays(recentFrom, -BASELINE_DAYS);
  const recent = calls.filter((c) => within(c.on, recentFrom, today));
  const baselineTo = addDays(recentFrom, -1);
  const baseline = calls.filter((c) => within(c.on, baselineFrom, baselineTo));
  const recentPerDay = recent.length / SPIKE_WINDOW_DAYS;
  const baselinePerDay = baseline.length / BASELINE_DAYS;
  if (recent.length < s.baselineMinimumCalls || recentPerDay < s.baselineMultiplier * baselinePerDay)
    return [];
  return [
    {
      kind: 'baseline_spike',
      counterpart: null,
      count: recent.length,
      from: recentFrom,
      to: today,
      evidence:
        `${recent.length} calls in the last ${SPIKE_WINDOW_DAYS} days (${recentPerDay.toFixed(1)} a day) against ` +
        `${baselinePerDay.toFixed(1)} a day in the ${BASELINE_DAYS} days before (area setting: ${s.baselineMultiplier} times)`,
      key: `baseline_spike:${recentFrom}`,
      communicationIds: recent.map((c) => c.id),
    },
  ];
}

function linkedFlags(
  communications: readonly Communication[],
  links: readonly LinkedCounterpart[],
): MonitoringFlag[] {
  const byCounterpart = groupBy(communications, (c) => c.counterpart);
  return links.flatMap((link) => {
    const contacts = byCounterpart.get(link.counterpart);
    if (!contacts?.length) return [];
    const label = CONTACT_LINK.find((l) => l.code === link.link)!.label.toLowerCase();
    const { from, to } = span(contacts);
    return [
      {
        kind: 'linked_contact' as const,
        counterpart: link.counterpart,
        count: contacts.length,
        from,
        to,
        evidence: `${contacts.length} contact${contacts.length === 1 ? '' : 's'} with ${link.counterpart}, linked to ${label} — ${link.source}`,
        key: `linked_contact:${link.counterpart}:${link.link}:${from}`,
        communicationIds: contacts.map((c) => c.id),
      },
    ];
  });
}

function backlogFlags(
  communications: readonly Communication[],
  s: MonitoringSettings,
  today: IsoDate,
): MonitoringFlag[] {
  const flags: MonitoringFlag[] = [];
  const listenBy = addDays(today, -s.listeningBacklogDays);
  const unlistened = communications.filter((c) => c.kind === 'call' && !c.listenedOn && c.on < listenBy);
  if (unlistened.length) {
    const { from, to } = span(unlistened);
    flags.push({
      kind: 'listening_backlog',
      counterpart: null,
      count: unlistened.length,
      from,
      to,
      evidence: `${unlistened.length} call${unlistened.length === 1 ? '' : 's'} not listened to after ${s.listeningBacklogDays} days, the oldest from ${formatDateLong(from)}`,
      key: `listening_backlog:${from}`,
      communicationIds: unlistened.map((c) => c.id),
    });
  }
  const translateBy = addDays(today, -s.translationDays);
  const untranslated = communications.filter(
    (c) => c.translationRequestedOn && !c.translationDoneOn && c.translationRequestedOn < translateBy,
  );
  if (untranslated.length) {
    const requested = untranslated.map((c) => c.translationRequestedOn!).sort();
    flags.push({
      kind: 'translation_outstanding',
      counterpart: null,
      count: untranslated.length,
      ...span(untranslated),
      evidence: `${untranslated.length} translation${untranslated.length === 1 ? '' : 's'} requested more than ${s.translationDays} days ago and not done, the oldest requested ${formatDateLong(requested[0]!)}`,
      key: `translation_outstanding:${requested[0]!}`,
      communicationIds: untranslated.map((c) => c.id),
    });
  }
  return flags;
}

/**
 * Every flag one person's communications raise today: volume to one number per day and per 30
 * days above the area's thresholds, a spike far above the person's own baseline, any contact with
 * a number or address linked to a victim, a child, a no-contact order or a co-defendant (the
 * last 30 days), a listening backlog and outstanding translations (whenever they began).
 */
export function monitoringFlags(
  communications: readonly Communication[],
  links: readonly LinkedCounterpart[],
  settings: MonitoringSettings,
  today: IsoDate,
): MonitoringFlag[] {
  const from = addDays(today, -(VOLUME_WINDOW_DAYS - 1));
  const lastMonth = communications.filter((c) => within(c.on, from, today));
  const calls = communications.filter((c) => c.kind === 'call' && c.on <= today);
  return [
    ...volumeFlags(
      lastMonth.filter((c) => c.kind === 'call'),
      settings,
    ),
    ...baselineFlag(calls, settings, today),
    ...linkedFlags(lastMonth, links),
    ...backlogFlags(communications, settings, today),
  ];
}
