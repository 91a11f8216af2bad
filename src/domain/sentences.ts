import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from './dates.ts';

/**
 * Sentence terms as the courts pass them, and the arithmetic the statutes ask of them
 * (docs/legal-rules.md §Sentences). Pure.
 *
 * A term is months plus days: a sentence "in weeks" is recorded as days (26 weeks = 182 days).
 * A month is a calendar month (Interpretation Act 1978 Sch.1), so whether a term reaches a
 * threshold ("30 months or more", "more than 6 months") is decided on the calendar from the day
 * the term begins, not by counting 30-day months: 182 days from 1 January is more than 6 months,
 * from 1 July it is not.
 */
export interface Term {
  months: number;
  days: number;
}

/** The term recorded on a conviction; null when neither part is recorded. */
export function termOf(lengthMonths?: number | null, lengthDays?: number | null): Term | null {
  const m = lengthMonths != null && Number.isFinite(lengthMonths) && lengthMonths > 0 ? lengthMonths : 0;
  const d = lengthDays != null && Number.isFinite(lengthDays) && lengthDays > 0 ? Math.round(lengthDays) : 0;
  if (m === 0 && d === 0) return null;
  // A fractional month (old imports: "7.5") is read as whole months and 30-day days.
  const months = Math.trunc(m);
  return { months, days: d + Math.round((m - months) * 30) };
}

export function addTerms(a: Term, b: Term): Term {
  return { months: a.months + b.months, days: a.days + b.days };
}

/**
 * Half a term: the detention period of a detention and training order (Sentencing Act 2020
 * s.241(1); SOA 2003 s.131). DTO terms are 4, 6, 8, 10, 12, 18 or 24 months (s.236), so the half
 * is whole months; an odd month count (not a lawful DTO) is read as 15 days short of a month.
 */
export function halveTerm(term: Term): Term {
  const months = Math.floor(term.months / 2);
  const extra = term.months % 2 === 1 ? 15 : 0;
  return { months, days: Math.floor(term.days / 2) + extra };
}

/**
 * The last day of a period of `months` months beginning with `start` (inclusive): the day before
 * the corresponding date, or the last day of the month when it has none (Dodds v Walker).
 */
export function lastDayOfMonths(start: IsoDate, months: number): IsoDate {
  const corresponding = addMonths(start, months);
  const clamped = corresponding.slice(8) !== start.slice(8);
  return clamped ? corresponding : addDays(corresponding, -1);
}

/** The last day of a term beginning with `start`: the months on the calendar, then the days. */
export function lastDayOfTerm(start: IsoDate, term: Term): IsoDate {
  if (term.months > 0) return addDays(lastDayOfMonths(start, term.months), term.days);
  return addDays(start, Math.max(term.days, 1) - 1);
}

/** A span of days served under one or more terms: from `start` to `lastDay` inclusive. */
export interface Span {
  start: IsoDate;
  lastDay: IsoDate;
}

export function spanOf(start: IsoDate, term: Term): Span {
  return { start, lastDay: lastDayOfTerm(start, term) };
}

/** Whether a span is at least `months` long, on the calendar from its start. */
export function spanAtLeast(span: Span, months: number): boolean {
  return compareDates(span.lastDay, lastDayOfMonths(span.start, months)) >= 0;
}

/** Whether a span is more than `months` long. */
export function spanMoreThan(span: Span, months: number): boolean {
  return compareDates(span.lastDay, lastDayOfMonths(span.start, months)) > 0;
}

export function termAtLeast(start: IsoDate, term: Term, months: number): boolean {
  return spanAtLeast(spanOf(start, term), months);
}

/** "20 months" stays as courts say it up to 2 years; "3 years 6 months"; "12 weeks"; "1 year 10 days". */
export function termText(term: Term): string {
  const parts: string[] = [];
  if (term.months > 0) {
    if (term.months < 24 || term.months % 12 !== 0) {
      const years = term.months >= 24 ? Math.floor(term.months / 12) : 0;
      const rest = term.months - years * 12;
      if (years > 0) parts.push(`${years} years`);
      if (rest > 0) parts.push(`${rest} month${rest === 1 ? '' : 's'}`);
    } else {
      parts.push(`${term.months / 12} years`);
    }
  }
  if (term.days > 0) {
    if (term.months === 0 && term.days % 7 === 0) parts.push(`${term.days / 7} weeks`);
    else parts.push(`${term.days} day${term.days === 1 ? '' : 's'}`);
  }
  return parts.join(' ') || '0 days';
}

// --- Consecutive and partly concurrent terms (SOA 2003 s.82(3); CTA 2008 s.53(6)) ----------

export interface TermEntry {
  /** The caller's key for the entry (its index in the input). */
  key: number;
  id?: string | null;
  /** The day the term begins when it does not follow another. */
  start: IsoDate;
  term: Term;
  /** The id of the entry this term runs consecutively to. */
  consecutiveToId?: string | null;
}

export interface Aggregate {
  span: Span;
  /** Keys of the entries aggregated, in order of their start. */
  keys: number[];
  /** "terms of 18 months and 18 months, consecutive: 36 months in all" */
  description: string;
}

/**
 * Groups terms that are consecutive (one follows another, by `consecutiveToId`) or partly
 * concurrent (overlap on the calendar) into one aggregate span, as s.82(3) requires: "the
 * aggregate of those terms" for consecutive terms, and X + Y − Z for terms X and Y overlapping
 * by Z. Both are the length of the union of the days served, which is what the span is.
 * Returns, for each key in a group of two or more, the group's aggregate.
 */
export function aggregateTerms(entries: readonly TermEntry[]): Map<number, Aggregate> {
  const byId = new Map(entries.filter((e) => e.id).map((e) => [e.id as string, e]));
  const spans = new Map<number, Span>();
  const linked = new Set<number>();

  const spanFor = (entry: TermEntry, seen: Set<number>): Span => {
    const known = spans.get(entry.key);
    if (known) return known;
    const parent = entry.consecutiveToId ? byId.get(entry.consecutiveToId) : undefined;
    let start = entry.start;
    if (parent && parent.key !== entry.key && !seen.has(parent.key)) {
      seen.add(entry.key);
      // A consecutive term begins the day after the one it follows ends.
      start = addDays(spanFor(parent, seen).lastDay, 1);
      linked.add(entry.key);
      linked.add(parent.key);
    }
    const span = spanOf(start, entry.term);
    spans.set(entry.key, span);
    return span;
  };
  for (const entry of entries) spanFor(entry, new Set());

  const ordered = [...entries].sort(
    (a, b) => compareDates(spans.get(a.key)!.start, spans.get(b.key)!.start) || a.key - b.key,
  );
  const groups: { span: Span; members: TermEntry[] }[] = [];
  for (const entry of ordered) {
    const span = spans.get(entry.key)!;
    const group = groups.at(-1);
    const overlaps = group && compareDates(span.start, group.span.lastDay) <= 0;
    const follows =
      group &&
      compareDates(span.start, addDays(group.span.lastDay, 1)) === 0 &&
      linked.has(entry.key) &&
      group.members.some((m) => m.id && m.id === entry.consecutiveToId);
    if (group && (overlaps || follows)) {
      group.members.push(entry);
      if (compareDates(span.lastDay, group.span.lastDay) > 0)
        group.span = { ...group.span, lastDay: span.lastDay };
    } else {
      groups.push({ span, members: [entry] });
    }
  }

  const out = new Map<number, Aggregate>();
  for (const group of groups) {
    if (group.members.length < 2) continue;
    const consecutive = group.members.some((m) => linked.has(m.key));
    const total = totalText(group.span);
    const description =
      `terms of ${group.members.map((m) => termText(m.term)).join(' and ')}, ` +
      `${consecutive ? 'consecutive' : 'partly concurrent'}: ${total} in all`;
    const aggregate = { span: group.span, keys: group.members.map((m) => m.key), description };
    for (const m of group.members) out.set(m.key, aggregate);
  }
  return out;
}

/** A span's length in whole months and days, for people to read. */
function totalText(span: Span): string {
  let months = 0;
  while (compareDates(lastDayOfMonths(span.start, months + 1), span.lastDay) <= 0) months++;
  const from = months === 0 ? addDays(span.start, -1) : lastDayOfMonths(span.start, months);
  const days = daysBetween(from, span.lastDay);
  return termText({ months, days });
}
