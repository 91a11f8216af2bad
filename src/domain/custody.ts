import type { CodeEntry, CodeOf } from './codes.ts';
import { addDays, addMonths, compareDates, daysBetween, formatDateLong, type IsoDate } from './dates.ts';

/**
 * Offender management in custody (OMiC, MAPPA.md §3 step 9): when the prison offender manager
 * (POM) and the community offender manager (COM) must be allocated, when the case is handed over
 * to the community, and what must be ready before release. Pure: "today" is a parameter.
 * docs/custody.md gives each rule and its setting.
 */

// --- Vocabularies ----------------------------------------------------------------------------

export const SECURITY_CATEGORY = [
  { code: 'A', label: 'Category A' },
  { code: 'B', label: 'Category B' },
  { code: 'C', label: 'Category C' },
  { code: 'D', label: 'Category D (open)' },
  { code: 'women_closed', label: 'Women: closed conditions' },
  { code: 'women_open', label: 'Women: open conditions' },
  { code: 'yoi_closed', label: 'Young offender institution: closed' },
  { code: 'yoi_open', label: 'Young offender institution: open' },
] as const satisfies readonly CodeEntry[];

export const RELEASE_TYPE = [
  { code: 'conditional_release', label: 'Automatic release at the conditional release date' },
  { code: 'parole', label: 'Release directed by the Parole Board' },
  { code: 'hdc', label: 'Home detention curfew' },
  { code: 'end_of_sentence', label: 'End of sentence (no licence)' },
  { code: 'remand_ended', label: 'Remand ended (bail or acquittal)' },
  { code: 'deportation', label: 'Deportation or removal' },
  { code: 'other', label: 'Other' },
] as const satisfies readonly CodeEntry[];

export const CHECK_STATUS = [
  { code: 'done', label: 'Done' },
  { code: 'not_needed', label: 'Not needed' },
] as const satisfies readonly CodeEntry[];

// --- Settings ---------------------------------------------------------------------------------

/** Per-area custody settings (issue 14: "an area setting"). */
export interface CustodySettings {
  /** Handover to the community this many months before the earliest release (halves allowed). */
  handoverMonthsBeforeRelease: number;
  /** A POM is allocated within this many days of reception. */
  pomAllocationDays: number;
}

export const DEFAULT_CUSTODY_SETTINGS: Readonly<CustodySettings> = Object.freeze({
  // OMiC for MAPPA cases: handover 8.5 months before the earliest release date.
  handoverMonthsBeforeRelease: 8.5,
  pomAllocationDays: 10,
});

/** `months` before `date`, a half month being 15 days: 8.5 months before 15 June 2027 is 30 September 2026. */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const whole = Math.floor(months);
  const withWhole = addMonths(date, -whole);
  return months - whole >= 0.5 ? addDays(withWhole, -15) : withWhole;
}

// --- Allocation and handover ------------------------------------------------------------------

export interface AllocationFacts {
  receivedOn: IsoDate;
  /** The earliest release date (see deadlines.ts earliestRelease); null when not known. */
  earliestReleaseOn: IsoDate | null;
  pomAllocatedOn: IsoDate | null;
  comAllocatedOn: IsoDate | null;
  handedOverOn: IsoDate | null;
}

export interface AllocationDue {
  kind: 'pom_allocation' | 'com_allocation' | 'handover';
  /** Last day on which it is on time; null when the release date is not known yet. */
  dueOn: IsoDate | null;
  /** Done on this day (null while outstanding). */
  doneOn: IsoDate | null;
  /** Outstanding after its due date, or done after it ("late allocation"). */
  late: boolean;
  basis: string;
}

/**
 * The three OMiC steps of one custody episode, each with its due date and whether it is (or was)
 * late: POM within the area's days of reception; COM allocated, and the case handed over, by the
 * handover date (the area's months before the earliest release).
 */
export function allocationDues(
  f: AllocationFacts,
  settings: CustodySettings,
  today: IsoDate,
): AllocationDue[] {
  const pomDue = addDays(f.receivedOn, settings.pomAllocationDays);
  const handoverOn = f.earliestReleaseOn
    ? monthsBefore(f.earliestReleaseOn, settings.handoverMonthsBeforeRelease)
    : null;
  const late = (dueOn: IsoDate | null, doneOn: IsoDate | null) =>
    dueOn !== null && compareDates(doneOn ?? today, dueOn) > 0;
  const handoverBasis = f.earliestReleaseOn
    ? `${settings.handoverMonthsBeforeRelease} months before the earliest release (${formatDateLong(f.earliestReleaseOn)}), area setting`
    : 'Record the release dates to work out the handover date';
  return [
    {
      kind: 'pom_allocation',
      dueOn: pomDue,
      doneOn: f.pomAllocatedOn,
      late: late(pomDue, f.pomAllocatedOn),
      basis: `Within ${settings.pomAllocationDays} days of reception (${formatDateLong(f.receivedOn)}), area setting`,
    },
    {
      kind: 'com_allocation',
      dueOn: handoverOn,
      doneOn: f.comAllocatedOn,
      late: late(handoverOn, f.comAllocatedOn),
      basis: handoverBasis,
    },
    {
      kind: 'handover',
      dueOn: handoverOn,
      doneOn: f.handedOverOn,
      late: late(handoverOn, f.handedOverOn),
      basis: handoverBasis,
    },
  ];
}

// --- Pre-release checklist --------------------------------------------------------------------

export const PRE_RELEASE_ITEM = [
  { code: 'accommodation', label: 'Release accommodation confirmed' },
  { code: 'licence_conditions', label: 'Licence conditions proposed' },
  { code: 'approved_premises', label: 'Approved premises place confirmed' },
  { code: 'mappa_level', label: 'MAPPA level confirmed' },
  { code: 'risk_management_plan', label: 'Risk management plan current' },
  { code: 'victim_contact', label: 'Victim contact scheme consulted' },
] as const satisfies readonly CodeEntry[];
export type PreReleaseItem = CodeOf<typeof PRE_RELEASE_ITEM>;
/**
 * The checks recorded by hand. The MAPPA level and the risk management plan are read from the
 * record (the level decision, the plan's last review), so they are never ticked off here.
 */
export const RECORDED_PRE_RELEASE_ITEM = PRE_RELEASE_ITEM.filter(
  (i) => i.code !== 'mappa_level' && i.code !== 'risk_management_plan',
);

/** A risk management plan older than this before release is not current. */
export const RMP_CURRENT_MONTHS = 6;

export interface PreReleaseFacts {
  earliestReleaseOn: IsoDate | null;
  accommodationConfirmedOn: IsoDate | null;
  licenceConditionsProposedOn: IsoDate | null;
  /** Release to approved premises is planned: the place must be confirmed. */
  approvedPremisesNeeded: boolean;
  approvedPremisesConfirmedOn: IsoDate | null;
  /** The level in force (null: none decided). */
  level: number | null;
  rmpReviewedOn: IsoDate | null;
  /** The person has a victim in the statutory victim contact scheme (a victim liaison officer is involved). */
  victimContactScheme: boolean;
  victimContactConsultedOn: IsoDate | null;
}

export interface ChecklistEntry {
  item: PreReleaseItem;
  label: string;
  status: 'done' | 'missing' | 'not_needed';
  /** What is missing, in words, for the coordinator's worklist. */
  detail: string;
}

/**
 * The pre-release checklist: what must be ready before release. An item is "not needed" only
 * where the facts say so (no approved premises planned, no victim in the contact scheme); a
 * plan reviewed more than 6 months before today is not current.
 */
export function preReleaseChecklist(f: PreReleaseFacts, today: IsoDate): ChecklistEntry[] {
  const entry = (item: PreReleaseItem, status: ChecklistEntry['status'], detail: string): ChecklistEntry => ({
    item,
    label: PRE_RELEASE_ITEM.find((i) => i.code === item)!.label,
    status,
    detail,
  });
  const dated = (item: PreReleaseItem, on: IsoDate | null, missing: string) =>
    on ? entry(item, 'done', `Recorded ${formatDateLong(on)}`) : entry(item, 'missing', missing);
  const rmpCurrent =
    f.rmpReviewedOn !== null && compareDates(addMonths(f.rmpReviewedOn, RMP_CURRENT_MONTHS), today) >= 0;
  return [
    dated('accommodation', f.accommodationConfirmedOn, 'No release address confirmed'),
    dated('licence_conditions', f.licenceConditionsProposedOn, 'No licence conditions proposed'),
    f.approvedPremisesNeeded
      ? dated(
          'approved_premises',
          f.approvedPremisesConfirmedOn,
          'Approved premises planned but no place confirmed',
        )
      : entry('approved_premises', 'not_needed', 'No approved premises placement planned'),
    f.level !== null
      ? entry('mappa_level', 'done', `Level ${f.level}`)
      : entry('mappa_level', 'missing', 'No MAPPA level decided'),
    rmpCurrent
      ? entry('risk_management_plan', 'done', `Reviewed ${formatDateLong(f.rmpReviewedOn!)}`)
      : entry(
          'risk_management_plan',
          'missing',
          f.rmpReviewedOn
            ? `Last reviewed ${formatDateLong(f.rmpReviewedOn)}, more than ${RMP_CURRENT_MONTHS} months ago`
            : 'No risk management plan',
        ),
    f.victimContactScheme
      ? dated('victim_contact', f.victimContactConsultedOn, 'Victim liaison officer not yet consulted')
      : entry('victim_contact', 'not_needed', 'No victim in the victim contact scheme'),
  ];
}

/** Days until release (negative once past), or null when no release date is known. */
export function daysToRelease(earliestReleaseOn: IsoDate | null, today: IsoDate): number | null {
  return earliestReleaseOn ? daysBetween(today, earliestReleaseOn) : null;
}
