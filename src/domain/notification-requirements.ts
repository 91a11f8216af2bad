import type { Outcome } from './codes.ts';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareDates,
  daysBetween,
  formatDateLong,
  type IsoDate,
} from './dates.ts';
import { halveTerm, spanAtLeast, spanMoreThan, spanOf, termOf, termText, type Span } from './sentences.ts';

/**
 * Sex offender notification requirements, Sexual Offences Act 2003 Part 2 (s.80–91F). Pure: the
 * caller supplies every date, including "today" where one is needed.
 *
 * Named "notification requirements" rather than "notification" because src/modules/notifications
 * is the in-app inbox, a different thing.
 *
 * Day counting. Two statutory phrasings recur and give different arithmetic:
 * - "a period of N beginning with D" (s.82(1), s.83(1), s.84(1)) includes D itself, so it ends the
 *   day before the corresponding date N later: 3 days beginning with 1 March end on 3 March.
 * - "a period of one year after D" (s.85(1)) excludes D, so it ends on the corresponding date.
 * Corresponding dates follow Dodds v Walker [1981] 1 WLR 1027 (HL); where the later month has no
 * corresponding day (31st, 29 February) the period runs to the end of that month.
 */

/**
 * The last day of a period of `months` months beginning with `start` (inclusive of `start`): the
 * day before the corresponding date, or the last day of the month when it has no corresponding
 * date. 4 years beginning with 2020-03-01 → 2024-02-29; 10 years beginning with 2024-02-29 →
 * 2034-02-28; 1 month beginning with 2024-03-31 → 2024-04-30; 18 months beginning with
 * 2024-03-01 → 2025-08-31.
 */
export function lastDayOfPeriod(start: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months) || months < 1)
    throw new RangeError(`Not a whole number of months: ${months}`);
  const corresponding = addMonths(start, months);
  // addMonths clamps to the month's end when the day does not exist; that end is then the last day.
  const clamped = corresponding.slice(8) !== start.slice(8);
  return clamped ? corresponding : addDays(corresponding, -1);
}

/** The last day of a period of `days` days beginning with `start`: 3 days beginning with 1 March → 3 March. */
function lastDayOfDays(start: IsoDate, days: number): IsoDate {
  return addDays(start, days - 1);
}

// --- Notification period, s.82 ------------------------------------------------------------

/** What s.82 needs to know about the disposal for the offence. */
export interface NotificationDisposal {
  outcome: Outcome;
  /**
   * Custodial term (custody, suspended sentence) or the length of the order (conditional
   * discharge), in months; `lengthDays` adds days (a sentence in weeks).
   */
  lengthMonths?: number | null;
  lengthDays?: number | null;
  /** Life imprisonment, IPP/DPP, detention during His Majesty's pleasure: always indefinite. */
  indeterminate?: boolean;
  /**
   * A detention and training order: s.131 counts only the period of detention the child is liable
   * to serve, which is half the term (Sentencing Act 2020 s.241(1)), not the whole order.
   */
  detentionAndTrainingOrder?: boolean;
  /** The day the term began, for comparing it with the thresholds on the calendar; default the relevant date. */
  termStart?: IsoDate | null;
  /**
   * The term as s.82 counts it when the caller has worked it out: consecutive or partly
   * concurrent terms for Schedule 3 offences aggregated (s.82(3)), a DTO's detention period.
   * Overrides lengthMonths/lengthDays/detentionAndTrainingOrder for custodial rows.
   */
  counted?: { span: Span; description: string } | null;
}

export type NotificationLength = { kind: 'indefinite' } | { kind: 'fixed'; months: number };

export interface NotificationPeriod {
  /** The relevant date (s.82(6)): date of conviction, finding or caution. The period begins with it. */
  startsOn: IsoDate;
  length: NotificationLength;
  /** The last day the requirements apply (inclusive); null when indefinite. */
  endsOn: IsoDate | null;
  /** True when the person was under 18 on the relevant date and a fixed period was halved (s.82(2)). */
  halved: boolean;
  /** Which row of the s.82 table applied, for people to read. */
  basis: string;
}

/** "10 years", "3 years 6 months", "18 months" (a conditional discharge keeps its own wording). */
export function formatMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years === 0 ? '' : `${years} year${years === 1 ? '' : 's'}`;
  const m = rest === 0 ? '' : `${rest} month${rest === 1 ? '' : 's'}`;
  return [y, m].filter(Boolean).join(' ') || '0 months';
}

export function formatNotificationLength(length: NotificationLength): string {
  return length.kind === 'indefinite' ? 'indefinite' : formatMonths(length.months);
}

export function isUnder18On(dateOfBirth: IsoDate, date: IsoDate): boolean {
  return ageOn(dateOfBirth, date) < 18;
}

type TableRow = { length: NotificationLength; halvable: boolean; basis: string };

const fixed = (months: number, halvable: boolean, basis: string): TableRow => ({
  length: { kind: 'fixed', months },
  halvable,
  basis,
});
const INDEFINITE: NotificationLength = { kind: 'indefinite' };

function requireLength(disposal: NotificationDisposal, what: string) {
  const term = termOf(disposal.lengthMonths, disposal.lengthDays);
  if (!term) throw new RangeError(`The notification period needs the length of the ${what}`);
  return term;
}

/** The s.82(1) table row for a disposal, before halving. */
function tableRow(disposal: NotificationDisposal, relevantDate: IsoDate): TableRow {
  switch (disposal.outcome) {
    case 'custody':
    case 'suspended_sentence': {
      // A suspended sentence "is to be treated as a sentence of imprisonment for the purposes of
      // all enactments" (CJA 2003 s.189(6), now Sentencing Act 2020 s.286(6)), so it takes the
      // custodial rows by its term, not "any other description" (5 years).
      const what = disposal.outcome === 'custody' ? 'custodial sentence' : 'suspended sentence';
      if (disposal.indeterminate) {
        return { length: INDEFINITE, halvable: false, basis: 'Life or indeterminate sentence: indefinite' };
      }
      let span: Span;
      let described: string;
      if (disposal.counted) {
        span = disposal.counted.span;
        described = capitalise(disposal.counted.description);
      } else {
        const term = requireLength(disposal, what);
        const start = disposal.termStart ?? relevantDate;
        if (disposal.detentionAndTrainingOrder) {
          const detention = halveTerm(term);
          span = spanOf(start, detention);
          described = `Detention and training order of ${termText(term)} (detention period ${termText(detention)}, s.131)`;
        } else {
          span = spanOf(start, term);
          described = `${capitalise(what)} of ${termText(term)}`;
        }
      }
      // Thresholds on the calendar from the day the term began (Interpretation Act 1978 Sch.1).
      if (spanAtLeast(span, 30)) {
        return { length: INDEFINITE, halvable: false, basis: `${described}: 30 months or more, indefinite` };
      }
      if (spanMoreThan(span, 6))
        return fixed(120, true, `${described}: more than 6 and less than 30 months, 10 years`);
      return fixed(84, true, `${described}: 6 months or less, 7 years`);
    }
    case 'hospital_order_restricted':
      return {
        length: INDEFINITE,
        halvable: false,
        basis: 'Hospital order with a restriction order: indefinite',
      };
    case 'hospital_order':
      return fixed(84, true, 'Hospital order without a restriction order: 7 years');
    case 'caution':
      return fixed(24, true, 'Caution: 2 years');
    case 'conditional_discharge': {
      const term = requireLength(disposal, 'conditional discharge');
      if (term.days > 0 || !Number.isSafeInteger(disposal.lengthMonths ?? 0))
        throw new RangeError('A conditional discharge is a whole number of months');
      // s.82(2) halves only "a period of 10 years, 7 years, 5 years or 2 years": never this one.
      return fixed(
        term.months,
        false,
        `Conditional discharge of ${termText(term)}: the period of the discharge`,
      );
    }
    case 'absolute_discharge': // not notifiable at all: the caller never asks (docs/legal-rules.md)
    case 'community_order':
    case 'guardianship':
    case 'fine':
    case 'other':
      return fixed(60, true, 'Any other disposal: 5 years');
  }
}

/**
 * The notification period under SOA 2003 s.82: from the disposal and the person's age on the
 * relevant date. Throws RangeError when a custodial term or discharge length is missing: the
 * record rules require it, so its absence is a data error the caller must surface.
 */
export function notificationPeriod(
  input: NotificationDisposal & { relevantDate: IsoDate; dateOfBirth: IsoDate },
): NotificationPeriod {
  const row = tableRow(input, input.relevantDate);
  const under18 = isUnder18On(input.dateOfBirth, input.relevantDate);
  if (row.length.kind === 'indefinite') {
    return {
      startsOn: input.relevantDate,
      length: row.length,
      endsOn: null,
      halved: false,
      basis: row.basis,
    };
  }
  // s.82(2): under 18 on the relevant date, the 10/7/5/2-year periods are halved. All four are
  // whole even numbers of months, so halving never needs rounding.
  const halved = under18 && row.halvable;
  const months = halved ? row.length.months / 2 : row.length.months;
  const basis = halved
    ? `${row.basis}, halved to ${formatMonths(months)} (under 18 on the relevant date)`
    : row.basis;
  return {
    startsOn: input.relevantDate,
    length: { kind: 'fixed', months },
    endsOn: lastDayOfPeriod(input.relevantDate, months),
    halved,
    basis,
  };
}

// --- Obligations, s.83–85 -------------------------------------------------------------------

/**
 * The last day for the initial notification (s.83(1)): 3 days beginning with the relevant date.
 * Time in custody, in hospital or abroad is disregarded (s.83(6)), so someone taken into custody
 * has 3 days beginning with the day of release.
 */
export function initialNotificationDue(relevantDate: IsoDate, releasedOn?: IsoDate | null): IsoDate {
  const start = releasedOn && compareDates(releasedOn, relevantDate) > 0 ? releasedOn : relevantDate;
  return lastDayOfDays(start, 3);
}

/**
 * The last day to notify a change of name or home address, or a stay of a qualifying period
 * elsewhere (s.84(1)): 3 days beginning with the change (for a stay, with the day the qualifying
 * period of 7 days is reached).
 */
export function changeNotificationDue(changedOn: IsoDate): IsoDate {
  return lastDayOfDays(changedOn, 3);
}

/** A spell in custody, in hospital or outside the UK (s.85(4)); `releasedOn` null while it lasts. */
export interface Absence {
  from: IsoDate;
  releasedOn: IsoDate | null;
}

/**
 * The last day for re-notification (s.85(1)): within one year after the last notification. If
 * that day falls while the person is detained or abroad, the period runs on until 3 days beginning
 * with the day they are released or return (s.85(3)); null while they have not yet been.
 */
export function nextRenotificationDue(lastNotifiedOn: IsoDate): IsoDate;
export function nextRenotificationDue(
  lastNotifiedOn: IsoDate,
  absence: Absence | null | undefined,
): IsoDate | null;
export function nextRenotificationDue(lastNotifiedOn: IsoDate, absence?: Absence | null): IsoDate | null {
  const due = addYears(lastNotifiedOn, 1);
  if (!absence || compareDates(absence.from, due) > 0) return due;
  if (absence.releasedOn === null) return null;
  if (compareDates(absence.releasedOn, due) <= 0) return due;
  return lastDayOfDays(absence.releasedOn, 3);
}

/**
 * The first day someone subject to indefinite notification may seek a review (s.91A–91F, added
 * after R (F) v SSHD [2010] UKSC 17): after 15 years, or 8 if under 18 on the relevant date.
 *
 * Simplification: the years are counted from the first notification after release from custody
 * for the offence, as the caller supplies it. A later spell in custody, a fresh notifiable
 * conviction, or a sexual harm prevention order (which affects when a review can be sought)
 * is not modelled here: police decide the qualifying date.
 */
export function indefiniteReviewEligibleFrom(input: {
  firstNotificationAfterRelease: IsoDate;
  dateOfBirth: IsoDate;
  relevantDate: IsoDate;
}): IsoDate {
  const years = isUnder18On(input.dateOfBirth, input.relevantDate) ? 8 : 15;
  // The day after the period of N years beginning with the notification: never a day early, even
  // for a notification given on 29 February.
  return addDays(lastDayOfPeriod(input.firstNotificationAfterRelease, years * 12), 1);
}

/**
 * Whether the notification requirements are in force on `today` for this period, given any
 * earlier discharge (on review, or a quashed conviction) recorded by the caller.
 */
export function notificationInForce(
  period: NotificationPeriod,
  today: IsoDate,
  dischargedOn?: IsoDate | null,
): boolean {
  const end = effectiveNotificationEnd(period, dischargedOn);
  return compareDates(period.startsOn, today) <= 0 && (end === null || compareDates(today, end) <= 0);
}

/** The end of the period, brought forward by a recorded discharge. */
export function effectiveNotificationEnd(
  period: NotificationPeriod,
  dischargedOn?: IsoDate | null,
): IsoDate | null {
  if (!dischargedOn) return period.endsOn;
  if (period.endsOn === null) return dischargedOn;
  return compareDates(dischargedOn, period.endsOn) < 0 ? dischargedOn : period.endsOn;
}

// --- Counter-Terrorism Act 2008 Part 4 (Category 4) ------------------------------------------

/**
 * The CTA 2008 s.53 notification period for an offence to which Part 4 applies, with a sentence
 * within s.45 (12 months or more, life or indeterminate, or a hospital order), for a person aged
 * 16 or over when dealt with (s.44): 30 years for life, IPP or 10 years or more; 15 years for
 * 5 to 10 years; 10 years otherwise (s.53(1)-(3)). The longer periods need the person to have
 * been 18 or over at conviction: someone under 18 then gets 10 years whatever the sentence (not
 * half: the Act has no halving). Begins with the day the person is dealt with (s.53(4)).
 * Consecutive terms are aggregated (s.53(6)): pass the aggregate as `counted`.
 */
export function terrorismNotificationPeriod(input: {
  indeterminate?: boolean;
  lengthMonths?: number | null;
  lengthDays?: number | null;
  /** The term as s.53 counts it (aggregated), when the caller has worked it out. */
  counted?: Span | null;
  dealtWithOn: IsoDate;
  convictionDate: IsoDate;
  dateOfBirth: IsoDate;
}): { startsOn: IsoDate; years: 10 | 15 | 30; endsOn: IsoDate; basis: string } {
  const adult = !isUnder18On(input.dateOfBirth, input.convictionDate);
  const term = termOf(input.lengthMonths, input.lengthDays);
  const span = input.counted ?? (term ? spanOf(input.dealtWithOn, term) : null);
  let years: 10 | 15 | 30 = 10;
  let basis = adult
    ? 'CTA 2008 s.53: 10 years'
    : 'CTA 2008 s.53: 10 years (under 18 at conviction, whatever the sentence)';
  if (adult && (input.indeterminate || (span && spanAtLeast(span, 120)))) {
    years = 30;
    basis = 'CTA 2008 s.53: life, indeterminate or 10 years or more, 30 years';
  } else if (adult && span && spanAtLeast(span, 60)) {
    years = 15;
    basis = 'CTA 2008 s.53: 5 years or more but less than 10, 15 years';
  }
  return {
    startsOn: input.dealtWithOn,
    years,
    endsOn: lastDayOfPeriod(input.dealtWithOn, years * 12),
    basis,
  };
}

/**
 * The last day of CTA notification once time in custody or detained in hospital is disregarded
 * (s.53(7)): a person detained from the day they were dealt with has the period, in effect,
 * from release. `detention` null: never detained. `releasedOn` null: still detained, so the
 * period has no fixed end yet (null).
 */
export function terrorismNotificationEnd(
  period: { startsOn: IsoDate; endsOn: IsoDate },
  detention: { releasedOn: IsoDate | null } | null,
): IsoDate | null {
  if (!detention) return period.endsOn;
  if (detention.releasedOn === null) return null;
  const detainedDays = Math.max(0, daysBetween(period.startsOn, detention.releasedOn));
  return addDays(period.endsOn, detainedDays);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- Every open duty, s.83-86 (contract; see docs/legal-rules.md) -----------------------------

export type NotificationEventKind =
  'name_change' | 'home_address_change' | 'other_address_stay' | 'child_household_stay' | 'foreign_travel';

/** Something the police recorded that starts a notification clock; `notifiedOn` null = not yet notified. */
export interface NotificationEventFacts {
  id?: string;
  kind: NotificationEventKind;
  /** The change, the day the qualifying period was reached, or the day of departure. */
  occurredOn: IsoDate;
  notifiedOn: IsoDate | null;
}

export type NotificationObligationKind = 'initial' | 'periodic' | 'weekly' | NotificationEventKind;

/** One open duty with its last day and the law it rests on. */
export interface NotificationObligation {
  kind: NotificationObligationKind;
  /** Last day to notify; null when it cannot fall due yet (e.g. in custody: due after release). */
  dueOn: IsoDate | null;
  /** For people: "3 days beginning with the change of home address on 4 May 2026". */
  basis: string;
  /** "SOA 2003 s.84(1)(b)". */
  section: string;
  eventId: string | null;
}

export interface NotificationDutiesInput {
  /** The relevant date of the notification that applies (conviction, caution, order). */
  relevantDate: IsoDate;
  /** In custody (or detained in hospital) since the relevant date and not yet released. */
  inCustody: boolean;
  /** The day of release from that custody, when released after the relevant date. */
  releasedOn: IsoDate | null;
  /** Every notification the person made, any kind. */
  notifications: readonly { kind: 'initial' | 'change' | 'periodic'; notifiedOn: IsoDate }[];
  events: readonly NotificationEventFacts[];
  /** Has no sole or main residence in the UK since this day (weekly notification). */
  noFixedAbodeSince: IsoDate | null;
}

const long = formatDateLong;

const lastDayOfDaysText = (days: number, from: string) => `${days} days beginning with ${from}`;

/**
 * Every open notification duty on `today` (SOA 2003 Part 2), each with its last day and the law:
 * - initial notification, s.83(1): 3 days beginning with the relevant date; time in custody or
 *   in hospital is disregarded (s.83(6)), so in custody it falls due 3 days beginning with release;
 * - periodic notification, s.85(1): within one year after the last notification of any kind;
 *   in custody when it falls due, 3 days beginning with release (s.85(3)-(4));
 * - weekly, with no sole or main residence: within one week after the last notification
 *   (s.85(1), (5) and SI 2012/1876), instead of the yearly one;
 * - each event not yet notified: a name or home address change (s.84(1)(a)-(b)) or a stay of the
 *   qualifying period of 7 days elsewhere (s.84(1)(c), (6)), 3 days beginning with the change or
 *   the day the 7 days are reached; a stay of 12 hours in a household with a child (SI 2012/1876
 *   reg.10 under s.83(5)(h), changes under s.84(5A)), 3 days; intended foreign travel (s.86 and
 *   SI 2004/1220 as amended), before departure: 7 days before, or, where that is not reasonably
 *   practicable, 12 hours before. The worklist uses the 7-day date; the basis states the exception.
 *
 * Simplified (docs/legal-rules.md): any notification on or after the relevant date counts as the
 * initial one (s.83(2)-(3) exemptions are for the police to judge); custody after the relevant
 * date is taken from `inCustody`/`releasedOn`.
 */
export function notificationObligations(
  input: NotificationDutiesInput,
  today: IsoDate,
): NotificationObligation[] {
  const out: NotificationObligation[] = [];
  const since = input.notifications
    .filter((n) => compareDates(n.notifiedOn, input.relevantDate) >= 0)
    .sort((a, b) => compareDates(b.notifiedOn, a.notifiedOn));
  const last = since[0];
  const released =
    input.releasedOn && compareDates(input.releasedOn, input.relevantDate) > 0 ? input.releasedOn : null;

  if (!last) {
    out.push(
      input.inCustody
        ? {
            kind: 'initial',
            dueOn: null,
            basis: `Initial notification: in custody since the relevant date (${long(input.relevantDate)}); due within 3 days beginning with the day of release`,
            section: 'SOA 2003 s.83(1), (6)',
            eventId: null,
          }
        : {
            kind: 'initial',
            dueOn: initialNotificationDue(input.relevantDate, released),
            basis: released
              ? `Initial notification: ${lastDayOfDaysText(3, `the day of release, ${long(released)}`)} (time in custody disregarded)`
              : `Initial notification: ${lastDayOfDaysText(3, `the relevant date, ${long(input.relevantDate)}`)}`,
            section: released ? 'SOA 2003 s.83(1), (6)' : 'SOA 2003 s.83(1)',
            eventId: null,
          },
    );
  } else {
    const homeless =
      input.noFixedAbodeSince !== null && compareDates(input.noFixedAbodeSince, today) <= 0
        ? input.noFixedAbodeSince
        : null;
    if (homeless) {
      // A week after the later of the last notification and the day the home was lost.
      const from = compareDates(last.notifiedOn, homeless) >= 0 ? last.notifiedOn : homeless;
      out.push({
        kind: 'weekly',
        dueOn: input.inCustody ? null : addDays(from, 7),
        basis: input.inCustody
          ? 'Weekly notification (no sole or main residence): in custody, due again after release'
          : `Weekly notification, no sole or main residence since ${long(homeless)}: within one week after ${long(from)}`,
        section: 'SOA 2003 s.85(1), (5); SI 2012/1876',
        eventId: null,
      });
    } else {
      const absence: Absence | null =
        input.inCustody || released
          ? { from: input.relevantDate, releasedOn: input.inCustody ? null : released }
          : null;
      const dueOn = nextRenotificationDue(last.notifiedOn, absence);
      const yearDue = addYears(last.notifiedOn, 1);
      out.push({
        kind: 'periodic',
        dueOn,
        basis:
          dueOn === null
            ? `Periodic notification: the year after ${long(last.notifiedOn)} ends in custody; due within 3 days beginning with release`
            : dueOn === yearDue
              ? `Periodic notification: within one year after the last notification (${long(last.notifiedOn)})`
              : `Periodic notification: the year after ${long(last.notifiedOn)} ended in custody; 3 days beginning with release`,
        section: dueOn === null || dueOn !== yearDue ? 'SOA 2003 s.85(1), (3)' : 'SOA 2003 s.85(1)',
        eventId: null,
      });
    }
  }

  for (const event of input.events) {
    if (event.notifiedOn !== null) continue;
    out.push(eventObligation(event));
  }
  return out.sort((a, b) => (a.dueOn === null ? 1 : b.dueOn === null ? -1 : compareDates(a.dueOn, b.dueOn)));
}

function eventObligation(event: NotificationEventFacts): NotificationObligation {
  const on = long(event.occurredOn);
  const eventId = event.id ?? null;
  switch (event.kind) {
    case 'name_change':
      return {
        kind: event.kind,
        dueOn: changeNotificationDue(event.occurredOn),
        basis: `Change of name: ${lastDayOfDaysText(3, `the change on ${on}`)}`,
        section: 'SOA 2003 s.84(1)(a)',
        eventId,
      };
    case 'home_address_change':
      return {
        kind: event.kind,
        dueOn: changeNotificationDue(event.occurredOn),
        basis: `Change of home address: ${lastDayOfDaysText(3, `the change on ${on}`)}`,
        section: 'SOA 2003 s.84(1)(b)',
        eventId,
      };
    case 'other_address_stay':
      return {
        kind: event.kind,
        dueOn: changeNotificationDue(event.occurredOn),
        basis: `Stay at an address not notified, for the qualifying period of 7 days (reached ${on}): ${lastDayOfDaysText(3, 'that day')}`,
        section: 'SOA 2003 s.84(1)(c), (6)',
        eventId,
      };
    case 'child_household_stay':
      return {
        kind: event.kind,
        dueOn: changeNotificationDue(event.occurredOn),
        basis: `Stay of at least 12 hours in a household with a child under 18 (from ${on}): ${lastDayOfDaysText(3, 'that day')}`,
        section: 'SOA 2003 s.83(5)(h), s.84(5A); SI 2012/1876 reg.10',
        eventId,
      };
    case 'foreign_travel':
      return {
        kind: event.kind,
        dueOn: addDays(event.occurredOn, -7),
        basis:
          `Foreign travel departing ${on}: notify not less than 7 days before departure, or, if that is ` +
          'not reasonably practicable, not less than 12 hours before',
        section: 'SOA 2003 s.86; SI 2004/1220 (as amended by SI 2012/1876)',
        eventId,
      };
  }
}
