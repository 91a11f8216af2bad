import { createHash } from 'node:crypto';
import { addYears, isAfter, type IsoDate } from './dates.ts';

/**
 * How long a person's record is kept before it is reviewed for deletion (docs/security.md,
 * "Retention and erasure"). Pure rules: every function takes `today`.
 *
 * - A MAPPA nominal (a MAPPA category set) is reviewed at the person's 100th birthday: the review
 *   point police information management guidance (APP, Management of Police Information) sets
 *   for public-protection records, the class MAPPA records belong to.
 * - A person not (or no longer) managed under MAPPA whose management has ended (no current
 *   manager) is reviewed much sooner: 6 years after the end by default.
 * - Anyone still managed is not due.
 * Both periods can be set nationally and per area (retention_schedules).
 */
export interface RetentionSchedule {
  /** The age at which a MAPPA nominal's record is reviewed for deletion. */
  mappaReviewAge: number;
  /** Years after the end of management at which a non-MAPPA person's record is reviewed. */
  endedNonMappaYears: number;
}

export const DEFAULT_RETENTION_SCHEDULE: RetentionSchedule = { mappaReviewAge: 100, endedNonMappaYears: 6 };

export const RETENTION_BASIS = {
  mappa_review_age: 'MAPPA nominal: review at the set age',
  ended_non_mappa: 'Not managed under MAPPA: management ended',
  still_managed: 'Still managed: not due',
} as const;
export type RetentionBasis = keyof typeof RETENTION_BASIS;

export interface RetentionFacts {
  dateOfBirth: IsoDate;
  /** The MAPPA category, or null when the person is not (or no longer) a MAPPA nominal. */
  mappaCategory: number | null;
  /** The day the last manager's management ended; null while anyone still manages the person. */
  managementEndedOn: IsoDate | null;
}

export interface RetentionReview {
  basis: RetentionBasis;
  /** The day the record falls due for review; null while it cannot fall due (still managed). */
  dueOn: IsoDate | null;
}

/** When, and why, a record falls due for review for deletion. */
export function retentionReview(facts: RetentionFacts, schedule: RetentionSchedule): RetentionReview {
  if (facts.mappaCategory !== null)
    return { basis: 'mappa_review_age', dueOn: addYears(facts.dateOfBirth, schedule.mappaReviewAge) };
  if (facts.managementEndedOn === null) return { basis: 'still_managed', dueOn: null };
  return { basis: 'ended_non_mappa', dueOn: addYears(facts.managementEndedOn, schedule.endedNonMappaYears) };
}

/** Due for review on `today`: the due day has come (it is due on the day itself). */
export function isDueForReview(facts: RetentionFacts, schedule: RetentionSchedule, today: IsoDate): boolean {
  const { dueOn } = retentionReview(facts, schedule);
  return dueOn !== null && !isAfter(dueOn, today);
}

/** The area's schedule where it has one, else the national one, else the defaults. */
export function scheduleFor(
  areaCode: string,
  settings: ReadonlyMap<string, RetentionSchedule>,
): RetentionSchedule {
  return settings.get(areaCode) ?? settings.get(NATIONAL) ?? DEFAULT_RETENTION_SCHEDULE;
}

export const NATIONAL = 'national';

/** The latest date of birth a MAPPA nominal can have and be due on `today` under `schedule`. */
export function latestDueBirthDate(schedule: RetentionSchedule, today: IsoDate): IsoDate {
  return addYears(today, -schedule.mappaReviewAge);
}

// --- Erasure -------------------------------------------------------------------------------------

/** What erased free text reads as: the row stays (counts, dates, references), its words do not. */
export const ERASED_TEXT = 'Erased';

/** One capability's part of an erasure: rows blanked or deleted, and a SHA-256 of what went. */
export interface ErasedPart {
  rows: number;
  /** SHA-256 (hex) of the erased content as JSON: proof of what went, without keeping it. */
  sha256: string;
}

export function erasedPart(content: unknown, rows: number): ErasedPart {
  return { rows, sha256: createHash('sha256').update(JSON.stringify(content)).digest('hex') };
}
