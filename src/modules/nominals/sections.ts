import {
  ADDRESS_TYPE,
  DISABILITY,
  ETHNICITY,
  GENDER_IDENTITY,
  MANAGER_ROLE,
  MARKER_TYPE,
  ORDER_KIND,
  OUTCOME,
  RELATIONSHIP_TYPE,
  RELIGION,
  ROSH_LEVEL,
  SCORE_BAND,
  SEX,
  SENTENCE_TYPE,
  SEXUAL_ORIENTATION,
  VICTIM_AGE,
  labelOf,
} from '../../domain/codes.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { formatDateLong } from '../../domain/dates.ts';
import {
  checkAddress,
  checkCivilOrder,
  checkConviction,
  checkDateRange,
  checkRiskAssessment,
  checkTerrorismRisk,
} from '../../domain/record-rules.ts';
import { POSTAL_ADDRESS_FIELDS, type FieldSpec } from '../../validation/fields.ts';

/** The identity section lives on the nominal row itself. */
export const IDENTITY_FIELDS: readonly FieldSpec[] = [
  { key: 'forename', column: 'forename', label: 'First name', kind: 'text', max: 100, required: true },
  { key: 'middleNames', column: 'middle_names', label: 'Middle names', kind: 'text', max: 200 },
  { key: 'surname', column: 'surname', label: 'Last name', kind: 'text', max: 100, required: true },
  {
    key: 'dateOfBirth',
    column: 'date_of_birth',
    label: 'Date of birth',
    kind: 'date',
    past: true,
    required: true,
  },
  { key: 'sex', column: 'sex', label: 'Sex', kind: 'code', codes: SEX, required: true },
  {
    key: 'genderIdentity',
    column: 'gender_identity',
    label: 'Gender identity',
    kind: 'code',
    codes: GENDER_IDENTITY,
  },
  { key: 'ethnicity', column: 'ethnicity', label: 'Ethnicity', kind: 'code', codes: ETHNICITY },
  { key: 'nationality', column: 'nationality', label: 'Nationality', kind: 'text', max: 100 },
  { key: 'disability', column: 'disability', label: 'Disability', kind: 'code', codes: DISABILITY },
  { key: 'religion', column: 'religion', label: 'Religion or belief', kind: 'code', codes: RELIGION },
  {
    key: 'sexualOrientation',
    column: 'sexual_orientation',
    label: 'Sexual orientation',
    kind: 'code',
    codes: SEXUAL_ORIENTATION,
    hint: 'Optional. Used only for disproportionality analysis.',
  },
  { key: 'language', column: 'language', label: 'Main language', kind: 'text', max: 100 },
  { key: 'interpreterNeeded', column: 'interpreter_needed', label: 'Interpreter needed', kind: 'boolean' },
];

export const LEAD_AGENCY_FIELDS: readonly FieldSpec[] = [
  { key: 'leadAgencyId', column: 'lead_agency_id', label: 'Lead agency', kind: 'agency', required: true },
];

/** Dates the level-decision deadlines run from, beyond those on convictions. */
export const CASE_DATES_FIELDS: readonly FieldSpec[] = [
  {
    key: 'firstAppointmentOn',
    column: 'first_appointment_on',
    label: 'First appointment with the lead agency',
    kind: 'date',
    hint: 'Community cases: the level must be set within 15 days of it',
  },
  {
    key: 'rotlFirstReleaseOn',
    column: 'rotl_first_release_on',
    label: 'First release on temporary licence (ROTL)',
    kind: 'date',
    hint: 'Custody cases: the level must be set before it',
  },
];

/**
 * Category 4 by decision: a person not convicted of a terrorist offence whom MAPPA accepts as at
 * risk of involvement in terrorism (MAPPA Guidance ch.6). Category 4 lasts until the decision ends.
 */
export const TERRORISM_RISK_FIELDS: readonly FieldSpec[] = [
  {
    key: 'terrorismRiskAcceptedOn',
    column: 'terrorism_risk_accepted_on',
    label: 'Accepted into Category 4 on',
    kind: 'date',
    past: true,
    hint: 'The date the decision was made that this person, with no terrorist conviction, is at risk of involvement in terrorism and should be managed under MAPPA Category 4.',
  },
  {
    key: 'terrorismRiskEndedOn',
    column: 'terrorism_risk_ended_on',
    label: 'Category 4 management ended on',
    kind: 'date',
    hint: 'The last day the decision applied. Leave blank while it stands.',
  },
];

export const IDENTIFIER_TYPE = [
  { code: 'pnc', label: 'PNC ID' },
  { code: 'cro', label: 'CRO number' },
  { code: 'prison_number', label: 'Prison number' },
  { code: 'crn', label: 'Probation case reference (CRN)' },
] as const;

export type RowTable =
  | 'nominal_aliases'
  | 'nominal_identifiers'
  | 'addresses'
  | 'relationships'
  | 'convictions'
  | 'civil_orders'
  | 'risk_assessments'
  | 'markers'
  | 'nominal_managers';

/** A section of the record held as rows of its own table (addresses, convictions, …). */
export interface RowSection {
  name: string;
  label: string;
  singular: string;
  /** What the section holds, when its name alone does not say. */
  hint?: string;
  table: RowTable;
  fields: readonly FieldSpec[];
  /** Assessments are never edited: a new one supersedes the old, which is kept. */
  appendOnly?: boolean;
  /** Cross-field MAPPA/record rules (in domain/), beyond each field's own format. */
  check?: (values: Record<string, unknown>, today: string) => FieldErrors;
  /** Newest first, as people read a record. */
  orderBy: { column: string; direction: 'asc' | 'desc' }[];
  /** A one-line description of a row, for the timeline and lists. */
  describe: (values: Record<string, unknown>) => string;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export const SECTIONS: readonly RowSection[] = [
  {
    name: 'aliases',
    label: 'Aliases',
    singular: 'alias',
    table: 'nominal_aliases',
    fields: [
      { key: 'forename', column: 'forename', label: 'First name', kind: 'text', max: 100, required: true },
      { key: 'surname', column: 'surname', label: 'Last name', kind: 'text', max: 100, required: true },
      { key: 'dateOfBirth', column: 'date_of_birth', label: 'Date of birth used', kind: 'date', past: true },
      { key: 'fromDate', column: 'from_date', label: 'Used from', kind: 'date' },
      { key: 'toDate', column: 'to_date', label: 'Used until', kind: 'date', past: true },
    ],
    check: (v) => checkDateRange(v, 'fromDate', 'toDate', 'Used until'),
    orderBy: [{ column: 'surname', direction: 'asc' }],
    describe: (v) => `${text(v.forename)} ${text(v.surname)}`,
  },
  {
    name: 'identifiers',
    label: 'Identifiers',
    singular: 'identifier',
    table: 'nominal_identifiers',
    fields: [
      {
        key: 'type',
        column: 'type',
        label: 'Identifier type',
        kind: 'code',
        codes: IDENTIFIER_TYPE,
        required: true,
      },
      { key: 'value', column: 'value', label: 'Identifier', kind: 'text', max: 20, required: true },
    ],
    orderBy: [{ column: 'type', direction: 'asc' }],
    describe: (v) => `${labelOf(IDENTIFIER_TYPE, text(v.type))} ${text(v.value)}`,
  },
  {
    name: 'addresses',
    label: 'Addresses',
    singular: 'address',
    table: 'addresses',
    fields: [
      {
        key: 'type',
        column: 'type',
        label: 'Address type',
        kind: 'code',
        codes: ADDRESS_TYPE,
        required: true,
      },
      {
        key: 'line1',
        column: 'line1',
        label: 'Address line 1',
        kind: 'text',
        max: 200,
        requiredUnless: 'Leave blank only for no fixed abode',
        autocomplete: 'address-line1',
      },
      {
        key: 'line2',
        column: 'line2',
        label: 'Address line 2',
        kind: 'text',
        max: 200,
        autocomplete: 'address-line2',
      },
      {
        key: 'town',
        column: 'town',
        label: 'Town or city',
        kind: 'text',
        max: 100,
        autocomplete: 'address-level2',
      },
      {
        key: 'postcode',
        column: 'postcode',
        label: 'Postcode',
        kind: 'postcode',
        requiredUnless: 'Leave blank only for no fixed abode',
      },
      { key: 'fromDate', column: 'from_date', label: 'Lived here from', kind: 'date', required: true },
      { key: 'toDate', column: 'to_date', label: 'Lived here until', kind: 'date' },
    ],
    check: (v, today) => checkAddress(v, today),
    orderBy: [
      { column: 'from_date', direction: 'desc' },
      { column: 'id', direction: 'asc' },
    ],
    describe: (v) =>
      v.type === 'no_fixed_abode'
        ? 'No fixed abode'
        : [v.line1, v.town, v.postcode].filter(Boolean).map(text).join(', ') ||
          labelOf(ADDRESS_TYPE, text(v.type)),
  },
  {
    name: 'relationships',
    label: 'Relationships',
    singular: 'relationship',
    table: 'relationships',
    fields: [
      {
        key: 'type',
        column: 'type',
        label: 'Relationship',
        kind: 'code',
        codes: RELATIONSHIP_TYPE,
        required: true,
      },
      {
        key: 'personName',
        column: 'person_name',
        label: 'Full name',
        kind: 'text',
        max: 200,
        required: true,
      },
      { key: 'dateOfBirth', column: 'date_of_birth', label: 'Their date of birth', kind: 'date', past: true },
      { key: 'isChild', column: 'is_child', label: 'Is a child (under 18)', kind: 'boolean', required: true },
      {
        key: 'inHousehold',
        column: 'in_household',
        label: 'Lives in the same household',
        kind: 'boolean',
        required: true,
      },
      { key: 'fromDate', column: 'from_date', label: 'Relationship started', kind: 'date' },
      { key: 'toDate', column: 'to_date', label: 'Relationship ended', kind: 'date', past: true },
      { key: 'notes', column: 'notes', label: 'Notes', kind: 'longtext', max: 2000 },
    ],
    check: (v) => checkDateRange(v, 'fromDate', 'toDate', 'Relationship ended'),
    orderBy: [{ column: 'from_date', direction: 'desc' }],
    describe: (v) => `${labelOf(RELATIONSHIP_TYPE, text(v.type))}: ${text(v.personName)}`,
  },
  {
    name: 'convictions',
    label: 'Offences and sentences',
    singular: 'conviction',
    table: 'convictions',
    fields: [
      {
        key: 'offence',
        column: 'offence',
        label: 'Offence',
        kind: 'text',
        max: 300,
        required: true,
        suggest: 'offences',
        hint: 'Start typing and choose the offence from the list. If it is not on the list, type it in full: it will be checked and classified.',
      },
      { key: 'offenceDate', column: 'offence_date', label: 'Offence date', kind: 'date', past: true },
      {
        key: 'convictionDate',
        column: 'conviction_date',
        label: 'Conviction date',
        kind: 'date',
        past: true,
        required: true,
      },
      { key: 'court', column: 'court', label: 'Court', kind: 'text', max: 200 },
      { key: 'outcome', column: 'outcome', label: 'Outcome', kind: 'code', codes: OUTCOME, required: true },
      {
        key: 'sentenceType',
        column: 'sentence_type',
        label: 'Sentence type',
        kind: 'code',
        codes: SENTENCE_TYPE,
        hint: 'Custodial sentences only. Leave blank for an ordinary determinate sentence.',
      },
      {
        key: 'lengthMonths',
        column: 'length_months',
        label: 'Length in months',
        kind: 'integer',
        min: 1,
        max: 1200,
        hint: 'The term the court passed (for an extended sentence, the custodial term). Leave blank for a life sentence, IPP, DPP or detention at His Majesty’s pleasure.',
      },
      {
        key: 'lengthDays',
        column: 'length_days',
        label: 'Length in days',
        kind: 'integer',
        min: 1,
        max: 3650,
        hint: 'Days beyond the months, or the whole length if it was given in weeks or days. A week is 7 days: for example, 16 weeks is 112 days.',
      },
      {
        key: 'extensionMonths',
        column: 'extension_months',
        label: 'Extension period in months',
        kind: 'integer',
        min: 1,
        max: 120,
        hint: 'Extended sentences: the extension period on licence. A SOPC’s further licence period is 12 months.',
      },
      {
        key: 'operationalMonths',
        column: 'operational_months',
        label: 'Operational period in months',
        kind: 'integer',
        min: 1,
        max: 60,
        hint: 'Suspended sentence orders: how long the sentence is suspended for (6 to 24 months).',
      },
      {
        key: 'supervisionMonths',
        column: 'supervision_months',
        label: 'Supervision period in months',
        kind: 'integer',
        min: 1,
        max: 60,
        hint: 'Suspended sentence orders with requirements: the supervision period, if any.',
      },
      {
        key: 'consecutiveTo',
        column: 'consecutive_to',
        label: 'Consecutive to',
        kind: 'conviction',
        hint: 'If this term runs after another of this person’s sentences, choose that conviction. Consecutive terms are added together (Sexual Offences Act 2003 s.82(3)).',
      },
      {
        key: 'terroristConnection',
        column: 'terrorist_connection',
        label: 'Terrorist connection',
        kind: 'boolean',
        hint: 'Did the court find that the offence has a terrorist connection (Sentencing Act 2020 s.69)? If so, the person is managed under Category 4.',
      },
      {
        key: 'victimAge',
        column: 'victim_age',
        label: 'Victim’s age at the time of the offence',
        kind: 'code',
        codes: VICTIM_AGE,
        hint: 'Some sexual offences need notification only when the victim was under 18. Leave blank if not known.',
      },
      {
        key: 'isIndexOffence',
        column: 'is_index_offence',
        label: 'Index offence',
        kind: 'boolean',
        required: true,
      },
      { key: 'sentenceStart', column: 'sentence_start', label: 'Sentence start', kind: 'date' },
      {
        key: 'conditionalReleaseDate',
        column: 'conditional_release_date',
        label: 'Conditional release date',
        kind: 'date',
      },
      {
        key: 'paroleEligibilityDate',
        column: 'parole_eligibility_date',
        label: 'Parole eligibility date',
        kind: 'date',
      },
      {
        key: 'hdcEligibilityDate',
        column: 'hdc_eligibility_date',
        label: 'HDC eligibility date',
        kind: 'date',
      },
      { key: 'licenceExpiryDate', column: 'licence_expiry_date', label: 'Licence expiry date', kind: 'date' },
      {
        key: 'sentenceExpiryDate',
        column: 'sentence_expiry_date',
        label: 'Sentence expiry date',
        kind: 'date',
      },
      {
        key: 'actualReleaseDate',
        column: 'actual_release_date',
        label: 'Actual release date',
        kind: 'date',
        past: true,
      },
      {
        key: 'disposalEndedOn',
        column: 'disposal_ended_on',
        label: 'Order or licence ended early on',
        kind: 'date',
        past: true,
        hint: 'If a hospital order, guardianship order or licence ended before its term: the last day it applied.',
      },
      {
        key: 'notificationEndedOn',
        column: 'notification_ended_on',
        label: 'Notification ended on',
        kind: 'date',
        past: true,
        hint: 'If the notification requirements ended early (discharged on review, or the conviction quashed): the last day they applied.',
      },
    ],
    check: (v) => checkConviction(v),
    orderBy: [{ column: 'conviction_date', direction: 'desc' }],
    describe: (v) =>
      `${text(v.offence)} (${
        v.sentenceType && v.sentenceType !== 'determinate'
          ? labelOf(SENTENCE_TYPE, text(v.sentenceType))
          : labelOf(OUTCOME, text(v.outcome))
      })`,
  },
  {
    name: 'orders',
    label: 'Orders',
    singular: 'order',
    hint: 'Sexual harm prevention orders and notification orders (Sexual Offences Act 2003), Counter-Terrorism Act 2008 notification orders, and restraining orders (Protection from Harassment Act 1997), whose exclusion zones release and HDC address checks compare with a proposed address.',
    table: 'civil_orders',
    fields: [
      { key: 'kind', column: 'kind', label: 'Order', kind: 'code', codes: ORDER_KIND, required: true },
      { key: 'madeOn', column: 'made_on', label: 'Date made', kind: 'date', past: true, required: true },
      { key: 'court', column: 'court', label: 'Court', kind: 'text', max: 200 },
      {
        key: 'endsOn',
        column: 'ends_on',
        label: 'Date it ends',
        kind: 'date',
        hint: 'The last day it applies. Leave blank if it runs until further order.',
      },
      {
        key: 'foreignConvictionDate',
        column: 'foreign_conviction_date',
        label: 'Date of the conviction abroad',
        kind: 'date',
        past: true,
        hint: 'Notification orders only: the conviction outside the UK the order was made for.',
      },
      {
        key: 'foreignOutcome',
        column: 'foreign_outcome',
        label: 'Sentence or outcome abroad',
        kind: 'code',
        codes: OUTCOME,
        hint: 'Notification orders only: the nearest equivalent disposal here.',
      },
      {
        key: 'foreignLengthMonths',
        column: 'foreign_length_months',
        label: 'Length of the sentence abroad in months',
        kind: 'integer',
        min: 1,
        max: 1200,
        hint: 'Notification orders only.',
      },
      {
        key: 'exclusionZone',
        column: 'exclusion_zone',
        label: 'Exclusion zone',
        kind: 'text',
        max: 500,
        hint: 'Sexual harm prevention orders and restraining orders only: the postcodes, sectors (like SW1A 1) or districts (like SW1A) the person may not enter, separated by commas. Release and HDC address checks compare a proposed address with them.',
      },
      { key: 'notes', column: 'notes', label: 'Notes', kind: 'longtext', max: 2000 },
    ],
    check: (v) => checkCivilOrder(v),
    orderBy: [
      { column: 'made_on', direction: 'desc' },
      { column: 'id', direction: 'asc' },
    ],
    describe: (v) =>
      `${labelOf(ORDER_KIND, text(v.kind))}${v.madeOn ? `, made ${formatDateLong(text(v.madeOn))}` : ''}`,
  },
  {
    name: 'risk-assessments',
    label: 'Risk assessments',
    singular: 'risk assessment',
    table: 'risk_assessments',
    appendOnly: true,
    fields: [
      {
        key: 'assessedOn',
        column: 'assessed_on',
        label: 'Date of assessment',
        kind: 'date',
        past: true,
        required: true,
      },
      { key: 'assessor', column: 'assessor', label: 'Assessor', kind: 'text', max: 200, required: true },
      {
        key: 'roshOverall',
        column: 'rosh_overall',
        label: 'Overall RoSH',
        kind: 'code',
        codes: ROSH_LEVEL,
        required: true,
      },
      {
        key: 'roshChildren',
        column: 'rosh_children',
        label: 'RoSH to children',
        kind: 'code',
        codes: ROSH_LEVEL,
      },
      {
        key: 'roshPublic',
        column: 'rosh_public',
        label: 'RoSH to the public',
        kind: 'code',
        codes: ROSH_LEVEL,
      },
      {
        key: 'roshKnownAdult',
        column: 'rosh_known_adult',
        label: 'RoSH to a known adult',
        kind: 'code',
        codes: ROSH_LEVEL,
      },
      { key: 'roshStaff', column: 'rosh_staff', label: 'RoSH to staff', kind: 'code', codes: ROSH_LEVEL },
      {
        key: 'roshPrisoners',
        column: 'rosh_prisoners',
        label: 'RoSH to prisoners',
        kind: 'code',
        codes: ROSH_LEVEL,
      },
      { key: 'rm2000', column: 'rm2000', label: 'RM2000', kind: 'code', codes: ROSH_LEVEL },
      { key: 'ospScore', column: 'osp_score', label: 'OSP score', kind: 'decimal', min: 0, max: 100 },
      { key: 'ospBand', column: 'osp_band', label: 'OSP band', kind: 'code', codes: SCORE_BAND },
      { key: 'rsrScore', column: 'rsr_score', label: 'RSR score', kind: 'decimal', min: 0, max: 100 },
      { key: 'rsrBand', column: 'rsr_band', label: 'RSR band', kind: 'code', codes: SCORE_BAND },
    ],
    check: (v) => checkRiskAssessment(v),
    orderBy: [
      { column: 'assessed_on', direction: 'desc' },
      { column: 'recorded_at', direction: 'desc' },
    ],
    describe: (v) => `RoSH ${labelOf(ROSH_LEVEL, text(v.roshOverall)).toLowerCase()} (${text(v.assessedOn)})`,
  },
  {
    name: 'markers',
    label: 'Markers',
    singular: 'marker',
    table: 'markers',
    fields: [
      { key: 'type', column: 'type', label: 'Marker', kind: 'code', codes: MARKER_TYPE, required: true },
      { key: 'startDate', column: 'start_date', label: 'Start date', kind: 'date', required: true },
      { key: 'endDate', column: 'end_date', label: 'End date', kind: 'date' },
      { key: 'notes', column: 'notes', label: 'Notes', kind: 'longtext', max: 2000 },
    ],
    check: (v) => checkDateRange(v, 'startDate', 'endDate', 'End date'),
    orderBy: [{ column: 'start_date', direction: 'desc' }],
    describe: (v) => labelOf(MARKER_TYPE, text(v.type)),
  },
  {
    name: 'managers',
    label: 'Managers',
    singular: 'manager',
    table: 'nominal_managers',
    fields: [
      { key: 'role', column: 'role', label: 'Role', kind: 'code', codes: MANAGER_ROLE, required: true },
      { key: 'name', column: 'name', label: 'Name', kind: 'text', max: 200, required: true },
      { key: 'agencyId', column: 'agency_id', label: 'Agency', kind: 'agency', required: true },
      {
        key: 'userEmail',
        column: 'user_id',
        label: 'Vigil user email',
        kind: 'user',
        hint: 'If the manager uses Vigil, they will see this record wherever it is managed.',
      },
      { key: 'fromDate', column: 'from_date', label: 'Manager from', kind: 'date', required: true },
      { key: 'toDate', column: 'to_date', label: 'Manager until', kind: 'date' },
    ],
    check: (v) => checkDateRange(v, 'fromDate', 'toDate', 'Manager until'),
    orderBy: [{ column: 'from_date', direction: 'desc' }],
    describe: (v) => `${labelOf(MANAGER_ROLE, text(v.role))}: ${text(v.name)}`,
  },
];

/**
 * Where someone in a relationship lives, with its history (release and HDC address checks read
 * it): a new address ends the one before, which is kept with its last day.
 */
export const RELATIONSHIP_ADDRESS_FIELDS: readonly FieldSpec[] = [
  ...POSTAL_ADDRESS_FIELDS,
  { key: 'fromDate', column: 'from_date', label: 'Lives there from', kind: 'date', required: true },
  {
    key: 'toDate',
    column: 'to_date',
    label: 'Lived there until',
    kind: 'date',
    past: true,
    hint: 'Only for an address they have already left. A new address ends the one before it.',
  },
];
export const checkRelationshipAddress = (v: Record<string, unknown>) =>
  checkDateRange(v, 'fromDate', 'toDate', 'Lived there until');

export function findSection(name: string): RowSection | undefined {
  return SECTIONS.find((s) => s.name === name);
}

/** The sections held on the nominal row itself, each edited on its own form. */
export const NOMINAL_SECTIONS = {
  identity: IDENTITY_FIELDS,
  'lead-agency': LEAD_AGENCY_FIELDS,
  'case-dates': CASE_DATES_FIELDS,
  'terrorism-risk': TERRORISM_RISK_FIELDS,
} as const;
export type NominalSectionName = keyof typeof NOMINAL_SECTIONS;
export const NOMINAL_SECTION_LABELS: Record<NominalSectionName, string> = {
  identity: 'Identity',
  'lead-agency': 'Lead agency',
  'case-dates': 'Case dates',
  'terrorism-risk': 'Category 4 terrorism risk decision',
};
/** Cross-field rules of the sections on the nominal row, where there are any. */
export const NOMINAL_SECTION_CHECKS: Partial<
  Record<NominalSectionName, (values: Record<string, unknown>) => FieldErrors>
> = {
  'terrorism-risk': (v) => checkTerrorismRisk(v),
};
export const NOMINAL_SECTION_NAMES = Object.keys(NOMINAL_SECTIONS) as NominalSectionName[];

/** The fields of any section, by name (the timeline's before and after are labelled by them). */
export function fieldsOfSection(name: string): readonly FieldSpec[] {
  return name in NOMINAL_SECTIONS
    ? NOMINAL_SECTIONS[name as NominalSectionName]
    : (findSection(name)?.fields ?? []);
}
