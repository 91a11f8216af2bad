import type { Outcome } from './codes.ts';
import { addDays, addMonths, addYears, ageOn, compareDates, type IsoDate } from './dates.ts';

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
   * discharge), in months. For consecutive or partly concurrent terms for Schedule 3 offences,
   * pass the aggregate term (s.82(3)); this module does not aggregate.
   */
  lengthMonths?: number | null;
  /** Life imprisonment, IPP/DPP, detention during His Majesty's pleasure: always indefinite. */
  indeterminate?: boolean;
  /**
   * A detention and training order: s.131 counts only the period of detention the child is liable
   * to serve, which is half the term (Sentencing Act 2020 s.241(1)), not the whole order.
   */
  detentionAndTrainingOrder?: boolean;
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

function requireLength(disposal: NotificationDisposal, what: string): number {
  const months = disposal.lengthMonths;
  if (months == null || !Number.isFinite(months) || months <= 0) {
    throw new RangeError(`The notification period needs the length of the ${what}`);
  }
  return months;
}

/** The s.82(1) table row for a disposal, before halving. */
function tableRow(disposal: NotificationDisposal): TableRow {
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
      const term = requireLength(disposal, what);
      const effective = disposal.detentionAndTrainingOrder ? term / 2 : term;
      const described = disposal.detentionAndTrainingOrder
        ? `Detention and training order of ${term} months (detention period ${effective} months, s.131)`
        : `${capitalise(what)} of ${term} months`;
      if (effective >= 30) {
        return { length: INDEFINITE, halvable: false, basis: `${described}: 30 months or more, indefinite` };
      }
      if (effective > 6)
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
      const months = requireLength(disposal, 'conditional discharge');
      if (!Number.isSafeInteger(months))
        throw new RangeError('A conditional discharge is a whole number of months');
      // s.82(2) halves only "a period of 10 years, 7 years, 5 years or 2 years": never this one.
      return fixed(months, false, `Conditional discharge of ${months} months: the period of the discharge`);
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
  const row = tableRow(input);
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
 * The CTA 2008 s.53 notification period for a terrorism offence with a qualifying sentence
 * (s.45: 12 months or more, or a hospital order): 30 years for life, IPP or 10 years or more;
 * 15 years for 5 to 10 years; 10 years otherwise, and always 10 years for someone under 18 at
 * conviction. Begins with the day the person is dealt with (sentenced).
 */
export function terrorismNotificationPeriod(input: {
  indeterminate?: boolean;
  lengthMonths?: number | null;
  dealtWithOn: IsoDate;
  convictionDate: IsoDate;
  dateOfBirth: IsoDate;
}): { startsOn: IsoDate; years: 10 | 15 | 30; endsOn: IsoDate; basis: string } {
  const adult = !isUnder18On(input.dateOfBirth, input.convictionDate);
  const months = input.lengthMonths ?? 0;
  let years: 10 | 15 | 30 = 10;
  let basis = 'CTA 2008 s.53: 10 years';
  if (adult && (input.indeterminate || months >= 120)) {
    years = 30;
    basis = 'CTA 2008 s.53: life, indeterminate or 10 years or more, 30 years';
  } else if (adult && months >= 60) {
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

/** Every open notification duty on `today` (s.83 initial, s.84 changes, s.85 periodic and weekly, s.86 travel). */
export function notificationObligations(
  input: NotificationDutiesInput,
  today: IsoDate,
): NotificationObligation[] {
  void today;
  const last = [...input.notifications].sort((a, b) => compareDates(b.notifiedOn, a.notifiedOn))[0];
  if (!last) {
    return [
      {
        kind: 'initial',
        dueOn: input.inCustody ? null : initialNotificationDue(input.relevantDate, input.releasedOn),
        basis: 'Initial notification: 3 days beginning with the relevant date',
        section: 'SOA 2003 s.83(1)',
        eventId: null,
      },
    ];
  }
  return [
    {
      kind: 'periodic',
      dueOn: nextRenotificationDue(last.notifiedOn),
      basis: 'Periodic notification: within one year after the last',
      section: 'SOA 2003 s.85(1)',
      eventId: null,
    },
  ];
}
