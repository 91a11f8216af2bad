import {
  CHECK_STATUS,
  RECORDED_PRE_RELEASE_ITEM,
  RELEASE_TYPE,
  SECURITY_CATEGORY,
} from '../../domain/custody.ts';
import { compareDates } from '../../domain/dates.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import type { FieldSpec } from '../../validation/fields.ts';

/**
 * The custody record's inputs, one list of fields per step (reception, details, move, allocation,
 * handover, checklist, release): each list drives the form, the API body and its documentation,
 * and the use case's validation (validation/fields.ts), as the record's sections do.
 */

type Values = Record<string, unknown>;

/** The sentence's key dates (MAPPA.md §3 step 9), as the prison's calculation gives them. */
const SENTENCE_DATES: readonly FieldSpec[] = [
  { key: 'sentenceStartDate', column: 'sentence_start_date', label: 'Sentence start date', kind: 'date' },
  {
    key: 'conditionalReleaseDate',
    column: 'conditional_release_date',
    label: 'Conditional release date (CRD)',
    kind: 'date',
  },
  {
    key: 'paroleEligibilityDate',
    column: 'parole_eligibility_date',
    label: 'Parole eligibility date (PED)',
    kind: 'date',
  },
  {
    key: 'hdcEligibilityDate',
    column: 'hdc_eligibility_date',
    label: 'HDC eligibility date (HDCED)',
    kind: 'date',
  },
  {
    key: 'licenceExpiryDate',
    column: 'licence_expiry_date',
    label: 'Licence expiry date (LED)',
    kind: 'date',
  },
  {
    key: 'sentenceExpiryDate',
    column: 'sentence_expiry_date',
    label: 'Sentence expiry date (SED)',
    kind: 'date',
  },
  {
    key: 'topUpSupervisionExpiryDate',
    column: 'top_up_supervision_expiry_date',
    label: 'Top-up supervision expiry date (TUSED)',
    kind: 'date',
  },
  {
    key: 'tariffExpiryDate',
    column: 'tariff_expiry_date',
    label: 'Tariff expiry date (life and IPP)',
    kind: 'date',
  },
];

const SECURITY: FieldSpec = {
  key: 'securityCategory',
  column: 'security_category',
  label: 'Security category',
  kind: 'code',
  codes: SECURITY_CATEGORY,
};

export const CUSTODY_STEPS = {
  reception: {
    title: 'Record a reception into custody',
    fields: [
      {
        key: 'establishmentAgencyId',
        column: 'establishment_agency_id',
        label: 'Establishment',
        kind: 'agency',
        required: true,
      },
      {
        key: 'receivedOn',
        column: 'received_on',
        label: 'Date received',
        kind: 'date',
        required: true,
        past: true,
      },
      { key: 'recall', column: 'recall', label: 'Recalled to custody', kind: 'boolean', required: true },
      SECURITY,
      ...SENTENCE_DATES,
    ],
  },
  details: {
    title: 'Change the security category and sentence dates',
    fields: [SECURITY, ...SENTENCE_DATES],
  },
  move: {
    title: 'Record a move to another establishment',
    fields: [
      { key: 'toAgencyId', column: 'to_agency_id', label: 'Moved to', kind: 'agency', required: true },
      { key: 'movedOn', column: 'moved_on', label: 'Date moved', kind: 'date', required: true, past: true },
      { key: 'reason', column: 'reason', label: 'Reason for the move', kind: 'text', max: 500 },
    ],
  },
  allocation: {
    title: 'Allocate the offender managers',
    fields: [
      {
        key: 'pomEmail',
        column: 'pom_user_id',
        label: 'Prison offender manager’s email',
        kind: 'user',
        hint: 'The prison offender manager (POM) in the establishment',
      },
      {
        key: 'pomAllocatedOn',
        column: 'pom_allocated_on',
        label: 'POM allocated on',
        kind: 'date',
        past: true,
      },
      {
        key: 'comEmail',
        column: 'com_user_id',
        label: 'Community offender manager’s email',
        kind: 'user',
        hint: 'The probation practitioner who will supervise on release (COM)',
      },
      {
        key: 'comAllocatedOn',
        column: 'com_allocated_on',
        label: 'COM allocated on',
        kind: 'date',
        past: true,
      },
    ],
  },
  handover: {
    title: 'Record the handover to the community',
    fields: [
      {
        key: 'handedOverOn',
        column: 'handed_over_on',
        label: 'Handed over on',
        kind: 'date',
        required: true,
        past: true,
      },
      {
        key: 'threeWay',
        column: 'handover_three_way',
        label: 'A three-way meeting with the prisoner',
        kind: 'boolean',
        required: true,
        hint: 'The inspection found handovers best as a three-way meeting before release',
      },
    ],
  },
  check: {
    title: 'Record a pre-release check',
    fields: [
      {
        key: 'item',
        column: 'item',
        label: 'Check',
        kind: 'code',
        codes: RECORDED_PRE_RELEASE_ITEM,
        required: true,
      },
      {
        key: 'status',
        column: 'status',
        label: 'Outcome',
        kind: 'code',
        codes: CHECK_STATUS,
        required: true,
      },
      {
        key: 'doneOn',
        column: 'done_on',
        label: 'Done on',
        kind: 'date',
        past: true,
        hint: 'Leave blank for today',
      },
      { key: 'note', column: 'note', label: 'Note', kind: 'text', max: 500 },
    ],
  },
  release: {
    title: 'Record the release',
    fields: [
      {
        key: 'releasedOn',
        column: 'released_on',
        label: 'Date released',
        kind: 'date',
        required: true,
        past: true,
      },
      {
        key: 'releaseType',
        column: 'release_type',
        label: 'Type of release',
        kind: 'code',
        codes: RELEASE_TYPE,
        required: true,
      },
    ],
  },
} as const satisfies Record<string, { title: string; fields: readonly FieldSpec[] }>;

export type CustodyStep = keyof typeof CUSTODY_STEPS;
/** The steps on an episode (reception makes one). */
export const EPISODE_STEPS = ['details', 'move', 'allocation', 'handover', 'check', 'release'] as const;
export type EpisodeStep = (typeof EPISODE_STEPS)[number];

const date = (v: unknown) => (typeof v === 'string' ? v : null);

/** Dates that must run in order: each pair's second on or after its first. */
const DATE_ORDER = [
  ['sentenceStartDate', 'conditionalReleaseDate'],
  ['sentenceStartDate', 'paroleEligibilityDate'],
  ['conditionalReleaseDate', 'licenceExpiryDate'],
  ['licenceExpiryDate', 'sentenceExpiryDate'],
  ['licenceExpiryDate', 'topUpSupervisionExpiryDate'],
] as const;

/** The cross-field rules of each step; empty when it is consistent. */
export function checkStep(step: CustodyStep, values: Values): FieldErrors {
  const errors: FieldErrors = {};
  const labelOf = (key: string) => CUSTODY_STEPS.reception.fields.find((f) => f.key === key)?.label ?? key;
  if (step === 'reception' || step === 'details') {
    for (const [first, second] of DATE_ORDER) {
      const a = date(values[first]);
      const b = date(values[second]);
      if (a && b && compareDates(b, a) < 0)
        errors[second] = `${labelOf(second)} must be on or after the ${labelOf(first)
          .replace(/ \(.*\)$/, '')
          .toLowerCase()}`;
    }
  }
  if (step === 'check') {
    if (values.status === 'not_needed') {
      if (values.item !== 'approved_premises' && values.item !== 'victim_contact')
        errors.status =
          'Only approved premises and victim contact can be not needed: every release needs the others';
      else if (!values.note) errors.note = 'Say why it is not needed';
    }
  }
  if (step === 'allocation') {
    if (values.pomEmail && !values.pomAllocatedOn)
      errors.pomAllocatedOn = 'Enter the date the POM was allocated';
    if (values.comEmail && !values.comAllocatedOn)
      errors.comAllocatedOn = 'Enter the date the COM was allocated';
  }
  return errors;
}
