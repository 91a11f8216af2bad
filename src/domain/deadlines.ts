import { labelOf, type CodeEntry, type CodeOf, type MappaLevel } from './codes.ts';
import { addDays, addMonths, compareDates, daysBetween, formatDateLong, type IsoDate } from './dates.ts';
import type { FieldErrors } from './errors.ts';

/**
 * When a level decision or a level review is due (MAPPA.md §3 steps 2, 7, 8). Pure: "today" is a
 * parameter. A due date is the last day on which the decision or review is on time.
 */

// --- Area settings ----------------------------------------------------------------------------

/** Per-area settings (MAPPA.md marks these configurable). */
export interface AreaSettings {
  /** Level 2 meetings review the case at least this often. */
  level2ReviewWeeks: number;
  /** Level 3 meetings review the case at least this often. */
  level3ReviewWeeks: number;
  /** A significant event prompts a review within this many days, at any level. */
  significantEventReviewDays: number;
}

export const DEFAULT_AREA_SETTINGS: Readonly<AreaSettings> = Object.freeze({
  level2ReviewWeeks: 16,
  level3ReviewWeeks: 8,
  significantEventReviewDays: 10,
});

/** The bounds of each area setting, and how its messages name it. */
export const SETTING_LIMITS = {
  level2ReviewWeeks: { min: 1, max: 52, label: 'Level 2 review interval', unit: 'weeks' },
  level3ReviewWeeks: { min: 1, max: 52, label: 'Level 3 review interval', unit: 'weeks' },
  significantEventReviewDays: { min: 1, max: 90, label: 'Review after a significant event', unit: 'days' },
} as const;

/** Field errors for an area's settings form; empty when valid. */
export function validateAreaSettings(settings: Partial<Record<keyof AreaSettings, unknown>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of Object.keys(SETTING_LIMITS) as (keyof AreaSettings)[]) {
    const { min, max, label, unit } = SETTING_LIMITS[key];
    const value = settings[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      errors[key] = `${label} must be a whole number of ${unit} from ${min} to ${max}`;
    }
  }
  return errors;
}

function assertSettings(settings: AreaSettings): void {
  const errors = validateAreaSettings(settings);
  const first = Object.values(errors)[0];
  if (first) throw new RangeError(first);
}

// --- Significant events -----------------------------------------------------------------------

/** Events that must reach everyone managing the person and prompt a review (MAPPA.md §3 step 8). */
export const SIGNIFICANT_EVENT_TYPE = [
  { code: 'arrest_or_charge', label: 'Arrest or charge' },
  { code: 'further_offence', label: 'Further offence' },
  { code: 'new_intelligence', label: 'New intelligence' },
  { code: 'change_of_address', label: 'Change of address' },
  { code: 'new_relationship', label: 'New relationship' },
  { code: 'recall', label: 'Recall to custody' },
  { code: 'breach', label: 'Breach of licence, order or notification requirements' },
  { code: 'rotl_failure', label: 'Failure on release on temporary licence' },
  { code: 'drug_use_in_custody', label: 'Drug use in custody' },
  { code: 'risk_assessment_change', label: 'Change in risk assessment' },
] as const satisfies readonly CodeEntry[];
export type SignificantEventType = CodeOf<typeof SIGNIFICANT_EVENT_TYPE>;

export interface SignificantEvent {
  type: SignificantEventType;
  occurredOn: IsoDate;
  /** A decision has recorded that it considered this event (significant_events.reviewed_by_decision). */
  reviewed?: boolean;
}

// --- Results ----------------------------------------------------------------------------------

export interface Deadline {
  /** The last day on which it is on time. */
  dueOn: IsoDate;
  /** Which rule applied, for people to read. */
  basis: string;
  /** `today` is after `dueOn`. */
  overdue: boolean;
  /** Days from today to dueOn; 0 on the day, negative when overdue. */
  daysRemaining: number;
}

/** No dates to work from: the basis says what to record. Never treated as overdue. */
export interface UnknownDeadline {
  dueOn: null;
  basis: string;
  overdue: false;
  daysRemaining: null;
}

function deadline(dueOn: IsoDate, basis: string, today: IsoDate): Deadline {
  const daysRemaining = daysBetween(today, dueOn);
  return { dueOn, basis, overdue: daysRemaining < 0, daysRemaining };
}

const long = formatDateLong;

// --- Level decision (screening) ---------------------------------------------------------------

export const COMMUNITY_LEVEL_DECISION_DAYS = 15;
export const CUSTODY_LEVEL_DECISION_MONTHS = 6;

export interface CommunityCase {
  setting: 'community';
  firstAppointmentOn: IsoDate;
}

/** The release dates as held on the conviction (sections.ts) or from the prison. */
export interface CustodyCase {
  setting: 'custody';
  conditionalReleaseDate?: IsoDate | null;
  paroleEligibilityDate?: IsoDate | null;
  hdcEligibilityDate?: IsoDate | null;
  /** A release date that is known: parole directed, or a confirmed release. */
  expectedReleaseDate?: IsoDate | null;
  actualReleaseDate?: IsoDate | null;
  /** The first planned or actual release on temporary licence (ROTL). */
  firstRotlDate?: IsoDate | null;
}

export type LevelDecisionCase = CommunityCase | CustodyCase;

export interface ReleaseDate {
  date: IsoDate;
  /** "conditional release date" */
  label: string;
}

/**
 * The earliest release: the earliest of the conditional release date, the parole eligibility
 * date, a known actual or expected release, and the HDC eligibility date if it is still in the
 * future (HDC is discretionary: once the date has passed without release it no longer brings
 * release closer). Null when none is recorded.
 */
export function earliestRelease(c: CustodyCase, today: IsoDate): ReleaseDate | null {
  const candidates: [IsoDate | null | undefined, string][] = [
    [c.conditionalReleaseDate, 'conditional release date'],
    [c.paroleEligibilityDate, 'parole eligibility date'],
    [
      c.hdcEligibilityDate && compareDates(c.hdcEligibilityDate, today) > 0 ? c.hdcEligibilityDate : null,
      'HDC eligibility date',
    ],
    [c.expectedReleaseDate, 'expected release date'],
    [c.actualReleaseDate, 'actual release date'],
  ];
  let earliest: ReleaseDate | null = null;
  for (const [date, label] of candidates) {
    if (date && (earliest === null || compareDates(date, earliest.date) < 0)) earliest = { date, label };
  }
  return earliest;
}

/**
 * When the level must be decided (MAPPA.md §3 step 2, from the MAPPA Guidance):
 * - community: within 15 days of the first appointment;
 * - custody: by 6 months before the earliest release, and before the first ROTL (the day before
 *   it), whichever is sooner.
 * For a case that has no level yet; a recorded decision meets it if made on or before `dueOn`.
 */
export function levelDecisionDue(c: LevelDecisionCase, today: IsoDate): Deadline | UnknownDeadline {
  if (c.setting === 'community') {
    return deadline(
      addDays(c.firstAppointmentOn, COMMUNITY_LEVEL_DECISION_DAYS),
      `${COMMUNITY_LEVEL_DECISION_DAYS} days after the first appointment (${long(c.firstAppointmentOn)})`,
      today,
    );
  }
  const release = earliestRelease(c, today);
  const beforeRelease = release && {
    dueOn: addMonths(release.date, -CUSTODY_LEVEL_DECISION_MONTHS),
    basis: `${CUSTODY_LEVEL_DECISION_MONTHS} months before earliest release (${release.label} ${long(release.date)})`,
  };
  const beforeRotl = c.firstRotlDate && {
    dueOn: addDays(c.firstRotlDate, -1),
    basis: `Before the first release on temporary licence (${long(c.firstRotlDate)})`,
  };
  const sooner =
    beforeRelease && beforeRotl
      ? compareDates(beforeRotl.dueOn, beforeRelease.dueOn) < 0
        ? beforeRotl
        : beforeRelease
      : (beforeRelease ?? beforeRotl);
  if (!sooner) {
    return {
      dueOn: null,
      basis:
        'Record the release dates (conditional release, parole or HDC eligibility) or a ROTL date to work out when the level is due',
      overdue: false,
      daysRemaining: null,
    };
  }
  return deadline(sooner.dueOn, sooner.basis, today);
}

// --- Reviews ----------------------------------------------------------------------------------

export const LEVEL_1_REVIEW_MONTHS = 6;

export interface ReviewCase {
  level: MappaLevel;
  /** The last level decision or review. */
  lastReviewedOn: IsoDate;
  significantEvents?: readonly SignificantEvent[];
}

export interface ReviewDeadline extends Deadline {
  trigger: 'routine' | 'significant_event';
}

/**
 * When the next review is due: Level 1 at least every 6 months; Level 2 and 3 at the area's
 * meeting interval; and, at any level, within the area's number of days of a significant event
 * after the last review, whichever is soonest. An event on the day of the last review, or one
 * marked `reviewed`, is taken as considered. Throws RangeError for invalid settings (validate
 * them when they are saved).
 */
export function reviewDue(c: ReviewCase, settings: AreaSettings, today: IsoDate): ReviewDeadline {
  assertSettings(settings);
  const last = long(c.lastReviewedOn);
  let dueOn: IsoDate;
  let basis: string;
  if (c.level === 1) {
    dueOn = addMonths(c.lastReviewedOn, LEVEL_1_REVIEW_MONTHS);
    basis = `Level 1 review at least every ${LEVEL_1_REVIEW_MONTHS} months from the last review (${last})`;
  } else {
    const weeks = c.level === 2 ? settings.level2ReviewWeeks : settings.level3ReviewWeeks;
    dueOn = addDays(c.lastReviewedOn, weeks * 7);
    basis = `Level ${c.level} review every ${weeks} weeks (area setting) from the last review (${last})`;
  }
  let trigger: ReviewDeadline['trigger'] = 'routine';

  for (const event of c.significantEvents ?? []) {
    if (event.reviewed || compareDates(event.occurredOn, c.lastReviewedOn) <= 0) continue;
    const eventDue = addDays(event.occurredOn, settings.significantEventReviewDays);
    if (compareDates(eventDue, dueOn) <= 0) {
      dueOn = eventDue;
      trigger = 'significant_event';
      basis =
        `Within ${settings.significantEventReviewDays} days of a significant event ` +
        `(${labelOf(SIGNIFICANT_EVENT_TYPE, event.type).toLowerCase()}, ${long(event.occurredOn)})`;
    }
  }
  return { ...deadline(dueOn, basis, today), trigger };
}
