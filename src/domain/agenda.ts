import { addMonths, compareDates, parseIsoDate, type IsoDate } from './dates.ts';
import type { FieldErrors } from './errors.ts';

/**
 * The aide-memoire of a Level 2 or 3 meeting (MAPPA.md §3 step 5): the agenda items in the order
 * the national guidance sets, each with the key its minute is stored under (`minutes.content`),
 * its heading and the prompt the chair reads out. The victim liaison officer speaks early, before
 * the discussion of risk, so victims' concerns shape the plan rather than follow it.
 */
export interface AgendaItem {
  readonly key: AgendaItemKey;
  readonly heading: string;
  readonly prompt: string;
  /** The risk management plan pillar the item discusses, if it is one of the Four Pillars. */
  readonly pillar?:
    'supervision' | 'monitoring_and_control' | 'interventions_and_treatment' | 'victim_safety_planning';
}

export const AGENDA_ITEM_KEYS = [
  'confidentiality',
  'victimLiaison',
  'personsViews',
  'diversity',
  'newInformation',
  'previousActions',
  'riskAssessment',
  'supervision',
  'monitoringAndControl',
  'interventionsAndTreatment',
  'victimSafetyPlanning',
  'contingency',
  'disclosure',
  'levelAndNextMeeting',
] as const;
export type AgendaItemKey = (typeof AGENDA_ITEM_KEYS)[number];

/** MAPPA D: read at the start of every meeting. */
export const CONFIDENTIALITY_STATEMENT =
  'The information discussed at this meeting is confidential. It is shared under the Criminal Justice ' +
  'Act 2003 (sections 325 to 327) for the purpose of assessing and managing the risk this person ' +
  'presents. It must not be disclosed beyond those present, or their agencies’ need to know, without ' +
  'the agreement of the chair. The minutes are OFFICIAL-SENSITIVE. The meeting will treat everyone ' +
  'fairly, whatever their age, disability, gender reassignment, marriage or civil partnership, ' +
  'pregnancy or maternity, race, religion or belief, sex or sexual orientation, and will consider ' +
  'whether any of these affect how the risk is understood or managed.';

export const AGENDA: readonly AgendaItem[] = [
  {
    key: 'confidentiality',
    heading: 'Confidentiality and diversity statement',
    prompt: 'The chair reads the statement; those present agree to it.',
  },
  {
    key: 'victimLiaison',
    heading: 'Victim liaison officer’s update',
    prompt:
      'Victims’ concerns, views on conditions and exclusion zones, and any contact since the last meeting.',
  },
  {
    key: 'personsViews',
    heading: 'The person’s own views',
    prompt: 'Do they know they are managed under MAPPA? What have they said about the plan and their needs?',
  },
  {
    key: 'diversity',
    heading: 'Protected characteristics and personal circumstances',
    prompt:
      'Do any of these affect the risk or how it is managed (language, disability, faith, age, care needs)?',
  },
  {
    key: 'newInformation',
    heading: 'New information since the last meeting',
    prompt: 'Changes to the record and significant events since the last meeting; each agency’s update.',
  },
  {
    key: 'previousActions',
    heading: 'Review of previous actions',
    prompt: 'Every open action: done, still open (with why) or no longer needed.',
  },
  {
    key: 'riskAssessment',
    heading: 'Risk assessment',
    prompt: 'Who is at risk, of what, when the risk is greatest and what would make it worse.',
  },
  {
    key: 'supervision',
    heading: 'Risk management plan: supervision',
    prompt: 'Contact and appointments, home visits, who supervises and how often.',
    pillar: 'supervision',
  },
  {
    key: 'monitoringAndControl',
    heading: 'Risk management plan: monitoring and control',
    prompt: 'Licence or order conditions, electronic monitoring, police visits, intelligence.',
    pillar: 'monitoring_and_control',
  },
  {
    key: 'interventionsAndTreatment',
    heading: 'Risk management plan: interventions and treatment',
    prompt: 'Programmes, treatment, accommodation, work and other help that reduces the risk.',
    pillar: 'interventions_and_treatment',
  },
  {
    key: 'victimSafetyPlanning',
    heading: 'Risk management plan: victim safety planning',
    prompt: 'What protects current and potential victims; exclusion zones; safety plans.',
    pillar: 'victim_safety_planning',
  },
  {
    key: 'contingency',
    heading: 'Contingency, including the end of sentence or licence',
    prompt: 'What happens if the plan breaks down, and what happens when the sentence or licence ends.',
  },
  {
    key: 'disclosure',
    heading: 'Disclosure considered',
    prompt:
      'Should information be disclosed to anyone (e.g. a partner, employer or school)? Record yes or no and why.',
  },
  {
    key: 'levelAndNextMeeting',
    heading: 'Level decision and next meeting',
    prompt: 'Remain at this level, escalate or reduce (with what continues); date of the next meeting.',
  },
];

export function agendaItem(key: AgendaItemKey): AgendaItem {
  return AGENDA.find((item) => item.key === key)!;
}

/**
 * New information is what happened since this person's previous meeting; at a first meeting,
 * the last three months.
 */
export function newInformationSince(previousMeetingOn: IsoDate | null, today: IsoDate): IsoDate {
  return previousMeetingOn ?? addMonths(today, -3);
}

// --- Minutes (MAPPA B) -------------------------------------------------------------------------

/** What a set of minutes holds, as stored in `minutes.content`. */
export interface MinutesContent {
  /** The minute of each agenda item, by its key. */
  items: Partial<Record<AgendaItemKey, string>>;
  /** Decisions taken at this meeting (apart from the level, which is its own decision). */
  decisions: string;
  disclosure: { considered: 'yes' | 'no' | null; reason: string };
  nextMeetingOn: IsoDate | null;
}

const MAX_MINUTE = 10_000;

const text = (v: unknown): string => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '');

/** Stored content, whatever shape it arrives in (jsonb text on some drivers, missing keys). */
export function readMinutesContent(raw: unknown): MinutesContent {
  let value: unknown = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      value = {};
    }
  }
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const items = (obj.items && typeof obj.items === 'object' ? obj.items : {}) as Record<string, unknown>;
  const disclosure = (obj.disclosure && typeof obj.disclosure === 'object' ? obj.disclosure : {}) as Record<
    string,
    unknown
  >;
  return {
    items: Object.fromEntries(
      AGENDA_ITEM_KEYS.filter((k) => typeof items[k] === 'string' && items[k]).map((k) => [k, items[k]]),
    ) as MinutesContent['items'],
    decisions: text(obj.decisions),
    disclosure: {
      considered:
        disclosure.considered === 'yes' || disclosure.considered === 'no' ? disclosure.considered : null,
      reason: text(disclosure.reason),
    },
    nextMeetingOn: typeof obj.nextMeetingOn === 'string' && obj.nextMeetingOn ? obj.nextMeetingOn : null,
  };
}

/**
 * Checks minutes as typed (a draft may be incomplete, but not malformed). Accepts the form's
 * flat fields (`item-<key>`, `disclosureConsidered`, …) or the API's nested object.
 */
export function validateMinutesInput(
  input: Record<string, unknown>,
  meetingOn: IsoDate,
): { content: MinutesContent; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const nestedItems =
    input.items && typeof input.items === 'object' && !Array.isArray(input.items)
      ? (input.items as Record<string, unknown>)
      : {};
  const nestedDisclosure =
    input.disclosure && typeof input.disclosure === 'object' && !Array.isArray(input.disclosure)
      ? (input.disclosure as Record<string, unknown>)
      : {};
  const items: MinutesContent['items'] = {};
  for (const key of AGENDA_ITEM_KEYS) {
    const raw = input[`item-${key}`] ?? nestedItems[key];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      errors[`item-${key}`] = `${agendaItem(key).heading} must be text`;
      continue;
    }
    const value = text(raw);
    if (value.length > MAX_MINUTE)
      errors[`item-${key}`] = `${agendaItem(key).heading} must be ${MAX_MINUTE} characters or fewer`;
    else if (value) items[key] = value;
  }
  const decisions = text(input.decisions);
  if (decisions.length > MAX_MINUTE) errors.decisions = `Decisions must be ${MAX_MINUTE} characters or fewer`;
  const consideredRaw = input.disclosureConsidered ?? nestedDisclosure.considered;
  const considered =
    consideredRaw === 'yes' || consideredRaw === true
      ? 'yes'
      : consideredRaw === 'no' || consideredRaw === false
        ? 'no'
        : null;
  if (consideredRaw !== undefined && consideredRaw !== null && consideredRaw !== '' && considered === null)
    errors.disclosureConsidered = 'Select yes or no';
  const reason = text(input.disclosureReason ?? nestedDisclosure.reason);
  if (reason.length > 4000) errors.disclosureReason = 'Why must be 4000 characters or fewer';
  let nextMeetingOn: IsoDate | null = null;
  const nextRaw = input.nextMeetingOn;
  if (nextRaw !== undefined && nextRaw !== null && nextRaw !== '') {
    const parsed = parseIsoDate(typeof nextRaw === 'string' ? nextRaw : '', 'Date of the next meeting');
    if (!parsed.ok) errors.nextMeetingOn = parsed.error;
    else if (compareDates(parsed.value, meetingOn) <= 0)
      errors.nextMeetingOn = 'Date of the next meeting must be after this meeting';
    else nextMeetingOn = parsed.value;
  }
  return { content: { items, decisions, disclosure: { considered, reason }, nextMeetingOn }, errors };
}

/** Minutes cannot be approved until disclosure has been considered and the reason recorded. */
export function approvalErrors(content: MinutesContent): FieldErrors {
  const errors: FieldErrors = {};
  if (!content.disclosure.considered)
    errors.disclosureConsidered = 'Record whether disclosure was considered before approving the minutes';
  if (!content.disclosure.reason)
    errors.disclosureReason = 'Record why disclosure is or is not needed before approving the minutes';
  return errors;
}

// --- Attendance (MAPPA E) ------------------------------------------------------------------------

export type AttendanceCode = 'attended' | 'apologies' | 'substitute' | 'absent';

/** An invited agency counts as attending if someone attended for it, in person or as a substitute. */
export function agencyAttended(records: readonly { attendance: AttendanceCode | string }[]): boolean {
  return records.some((r) => r.attendance === 'attended' || r.attendance === 'substitute');
}

export interface AttendanceRate {
  invited: number;
  attended: number;
  /** Whole percent, or null when no agency of the kind was invited. */
  percent: number | null;
}

export function attendanceRate(invited: number, attended: number): AttendanceRate {
  return { invited, attended, percent: invited ? Math.round((attended / invited) * 100) : null };
}

/**
 * Minutes about victims (the victim liaison officer's update, victim safety planning) can say where
 * a victim lives or works: withheld from those who may not see victims, and kept as they were when
 * such a person saves the rest of the minutes.
 */
export const VICTIM_MINUTES_WITHHELD =
  'Withheld: minutes about victims are visible only to those who plan victim safety.';

export const VICTIM_ITEMS = [
  'victimLiaison',
  'victimSafetyPlanning',
] as const satisfies readonly AgendaItemKey[];

export function withholdVictimItems(content: MinutesContent): MinutesContent {
  const items = { ...content.items };
  for (const key of VICTIM_ITEMS) delete items[key];
  return { ...content, items };
}

export function keepVictimItems(saved: MinutesContent, previous: MinutesContent | null): MinutesContent {
  const items = { ...saved.items };
  for (const key of VICTIM_ITEMS) {
    const kept = previous?.items[key];
    if (kept) items[key] = kept;
    else delete items[key];
  }
  return { ...saved, items };
}
