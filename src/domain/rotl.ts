import { labelOf, type CodeEntry } from './codes.ts';
import { compareDates, formatDateLong, type IsoDate } from './dates.ts';
import type { FieldErrors } from './errors.ts';

/**
 * Release on temporary licence (ROTL, Prison Service Framework: Release on Temporary Licence): a
 * prisoner applies, the establishment decides, the release happens and ends with an outcome. For
 * MAPPA the first ROTL matters most: the level must be decided before it,
 * and a failure on ROTL is a significant event. Pure: "today" is a parameter.
 */

export const ROTL_TYPE = [
  { code: 'day_release', label: 'Day release' },
  { code: 'resettlement_day_release', label: 'Resettlement day release (RDR)' },
  { code: 'resettlement_overnight_release', label: 'Resettlement overnight release (ROR)' },
  { code: 'childcare_resettlement_licence', label: 'Childcare resettlement licence (CRL)' },
  { code: 'special_purpose_licence', label: 'Special purpose licence (SPL)' },
] as const satisfies readonly CodeEntry[];

/** A decision once made: an application waits as 'pending' until then. */
export const ROTL_DECISION = [
  { code: 'approved', label: 'Approved' },
  { code: 'refused', label: 'Refused' },
] as const satisfies readonly CodeEntry[];

export const ROTL_OUTCOME = [
  { code: 'completed', label: 'Completed' },
  { code: 'failed_to_return', label: 'Failed to return' },
  { code: 'returned_late', label: 'Returned late' },
  { code: 'breach_of_conditions', label: 'Breach of licence conditions' },
  { code: 'recalled', label: 'Recalled to the establishment' },
] as const satisfies readonly CodeEntry[];

export type RotlDecision = 'pending' | 'approved' | 'refused';

/** "Resettlement day release (RDR)" inside a sentence: "resettlement day release (RDR)". */
export const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** Types that are out and back within the day: they cannot end on a later day. */
const DAY_TYPES = new Set<string>(['day_release', 'resettlement_day_release']);

export interface RotlEpisodeFacts {
  decision: RotlDecision;
  plannedStartOn: IsoDate;
  plannedEndOn: IsoDate;
  outcome: string | null;
}

/** Any outcome but completion is a failure on ROTL: a significant event for the MAPPA review. */
export const isRotlFailure = (outcome: string | null) => outcome !== null && outcome !== 'completed';

/** The earliest planned start of the approved ROTLs: the first ROTL as the episodes give it. */
export function earliestApprovedRotl(episodes: readonly RotlEpisodeFacts[]): IsoDate | null {
  return (
    episodes
      .filter((e) => e.decision === 'approved')
      .map((e) => e.plannedStartOn)
      .sort(compareDates)[0] ?? null
  );
}

/**
 * The first ROTL the level decision runs from: the earliest approved start, or the date already on
 * the record when that is earlier (a first ROTL before the episodes were recorded in Vigil). An
 * episode can bring the deadline forward, never relax it.
 */
export function firstRotlOn(approvedStartOn: IsoDate | null, recorded: IsoDate | null): IsoDate | null {
  if (!approvedStartOn || !recorded) return approvedStartOn ?? recorded;
  return compareDates(approvedStartOn, recorded) < 0 ? approvedStartOn : recorded;
}

export interface RotlDecisionDue {
  /** The decision is due by the planned start. */
  dueOn: IsoDate;
  late: boolean;
  reason: string;
}

/**
 * An application still pending needs a decision by its planned start ("ROTL decision due"), and
 * is late after it. When it would be the person's first ROTL and they are a MAPPA case with no level,
 * the level must come first: the row says so.
 */
export function rotlDecisionDue(
  episode: RotlEpisodeFacts & { typeLabel: string },
  standing: { category: number | null; level: number | null; firstRotl: boolean },
  today: IsoDate,
): RotlDecisionDue | null {
  if (episode.decision !== 'pending') return null;
  const levelFirst =
    standing.firstRotl && standing.category !== null && standing.level === null
      ? ' — first ROTL of a MAPPA case: decide the MAPPA level before it'
      : '';
  return {
    dueOn: episode.plannedStartOn,
    late: compareDates(episode.plannedStartOn, today) < 0,
    reason: `ROTL decision due: ${lowerFirst(episode.typeLabel)} from ${formatDateLong(episode.plannedStartOn)}${levelFirst}`,
  };
}

/** The application's own rules: dates in order, day release within the day, an escort described. */
export function checkRotlApplication(values: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  const start = typeof values.plannedStartOn === 'string' ? values.plannedStartOn : null;
  const end = typeof values.plannedEndOn === 'string' ? values.plannedEndOn : null;
  if (start && end) {
    if (compareDates(end, start) < 0)
      errors.plannedEndOn = 'Planned return must be on or after the planned start';
    else if (DAY_TYPES.has(values.type as string) && end !== start)
      errors.plannedEndOn = 'Day release returns the same day: the planned return must be the planned start';
    else if (values.type === 'resettlement_overnight_release' && end === start)
      errors.plannedEndOn = 'Overnight release returns on a later day than it starts';
  }
  if (values.escorted === true && !values.escortDetails)
    errors.escortDetails = 'Say who escorts the person (agency and number of staff)';
  return errors;
}

/** The decision's own rule: a refusal says why. */
export function checkRotlDecision(values: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  if (values.decision === 'refused' && !values.reason) errors.reason = 'Say why ROTL was refused';
  return errors;
}

/**
 * An outcome is recorded only for an approved ROTL that has started; a failure says what happened.
 */
export function checkRotlOutcome(
  episode: RotlEpisodeFacts,
  values: Record<string, unknown>,
  today: IsoDate,
): FieldErrors {
  const errors: FieldErrors = {};
  if (episode.decision !== 'approved') errors.outcome = 'Only an approved ROTL has an outcome';
  else if (compareDates(episode.plannedStartOn, today) > 0)
    errors.outcome = `This ROTL has not started yet: it is planned from ${formatDateLong(episode.plannedStartOn)}`;
  if (isRotlFailure((values.outcome as string | null) ?? null) && !values.failures)
    errors.failures = 'Say what happened: where and when, and what was done';
  return errors;
}

/**
 * MAPPA F "ROTL": each application in date order with its decision and outcome, in words, for the
 * author to edit. Refusal reasons and failures are the panel's business; escorts and addresses are
 * not repeated (they are on the record).
 */
export function rotlResultsText(
  episodes: readonly {
    type: string;
    plannedStartOn: IsoDate;
    decision: RotlDecision;
    reason: string | null;
    outcome: string | null;
    failures: string | null;
  }[],
): string {
  return [...episodes]
    .sort((a, b) => compareDates(a.plannedStartOn, b.plannedStartOn))
    .map((e) => {
      const what = `${formatDateLong(e.plannedStartOn)}, ${lowerFirst(labelOf(ROTL_TYPE, e.type))}`;
      if (e.decision === 'pending') return `${what}: awaiting a decision.`;
      if (e.decision === 'refused') return `${what}: refused${e.reason ? ` (${e.reason})` : ''}.`;
      if (!e.outcome) return `${what}: approved.`;
      const outcome = lowerFirst(labelOf(ROTL_OUTCOME, e.outcome));
      const failure = isRotlFailure(e.outcome) && e.failures ? ` — ${e.failures.trim()}` : '';
      // The failure is the author's own sentence: end it once.
      return `${what}: approved; ${outcome}${failure}${/[.!?]$/.test(failure) ? '' : '.'}`;
    })
    .join('\n');
}
