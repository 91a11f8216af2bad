/**
 * Code lists. Codes are what is stored and exchanged, so they never change once used; labels are
 * what people read and may be reworded. Where an upstream system (NOMIS, nDelius, Common
 * Platform) already has codes for the same list, the same codes are used so imports map 1:1.
 */

export interface CodeEntry {
  readonly code: string | number;
  readonly label: string;
}
export type CodeList = readonly CodeEntry[];
export type CodeOf<L extends CodeList> = L[number]['code'];

export function isCode<L extends CodeList>(list: L, value: unknown): value is CodeOf<L> {
  return list.some((entry) => entry.code === value);
}

/**
 * The label. Takes any string because codes come back from the database untyped; an unknown
 * code (e.g. one since withdrawn from the list) is shown as itself rather than breaking a page.
 */
export function labelOf(list: CodeList, code: string | number): string {
  return list.find((entry) => entry.code === code)?.label ?? String(code);
}

/** Codes in list order, e.g. for `z.enum(codesOf(SEX))`. */
export function codesOf<L extends CodeList>(list: L): [CodeOf<L>, ...CodeOf<L>[]] {
  return list.map((entry) => entry.code) as [CodeOf<L>, ...CodeOf<L>[]];
}

// --- Protected characteristics (ONS 2021 census, England and Wales) --------------------------
// Kept for disproportionality monitoring (inspection requirement 10), never for decisions.

export const ETHNIC_GROUP = [
  { code: 'asian', label: 'Asian or Asian British' },
  { code: 'black', label: 'Black, Black British, Caribbean or African' },
  { code: 'mixed', label: 'Mixed or multiple ethnic groups' },
  { code: 'white', label: 'White' },
  { code: 'other', label: 'Other ethnic group' },
  { code: 'not_stated', label: 'Not stated' },
] as const;
export type EthnicGroup = CodeOf<typeof ETHNIC_GROUP>;

/** ONS 2021 19 categories plus not stated, using the NOMIS/nDelius codes. */
export const ETHNICITY = [
  { code: 'A3', group: 'asian', label: 'Asian or Asian British: Bangladeshi' },
  { code: 'A4', group: 'asian', label: 'Asian or Asian British: Chinese' },
  { code: 'A1', group: 'asian', label: 'Asian or Asian British: Indian' },
  { code: 'A2', group: 'asian', label: 'Asian or Asian British: Pakistani' },
  { code: 'A9', group: 'asian', label: 'Asian or Asian British: any other Asian background' },
  { code: 'B2', group: 'black', label: 'Black, Black British, Caribbean or African: African' },
  { code: 'B1', group: 'black', label: 'Black, Black British, Caribbean or African: Caribbean' },
  {
    code: 'B9',
    group: 'black',
    label:
      'Black, Black British, Caribbean or African: any other Black, Black British or Caribbean background',
  },
  { code: 'M3', group: 'mixed', label: 'Mixed or multiple ethnic groups: White and Asian' },
  { code: 'M2', group: 'mixed', label: 'Mixed or multiple ethnic groups: White and Black African' },
  { code: 'M1', group: 'mixed', label: 'Mixed or multiple ethnic groups: White and Black Caribbean' },
  {
    code: 'M9',
    group: 'mixed',
    label: 'Mixed or multiple ethnic groups: any other Mixed or multiple ethnic background',
  },
  { code: 'W1', group: 'white', label: 'White: English, Welsh, Scottish, Northern Irish or British' },
  { code: 'W2', group: 'white', label: 'White: Irish' },
  { code: 'W3', group: 'white', label: 'White: Gypsy or Irish Traveller' },
  { code: 'W5', group: 'white', label: 'White: Roma' },
  { code: 'W9', group: 'white', label: 'White: any other White background' },
  { code: 'O2', group: 'other', label: 'Other ethnic group: Arab' },
  { code: 'O9', group: 'other', label: 'Other ethnic group: any other ethnic group' },
  { code: 'NS', group: 'not_stated', label: 'Not stated' },
] as const satisfies readonly (CodeEntry & { group: EthnicGroup })[];
export type Ethnicity = CodeOf<typeof ETHNICITY>;

export function ethnicGroupOf(code: Ethnicity): EthnicGroup {
  return ETHNICITY.find((entry) => entry.code === code)?.group ?? 'not_stated';
}

export const SEX = [
  { code: 'male', label: 'Male' },
  { code: 'female', label: 'Female' },
  { code: 'not_known', label: 'Not known' },
] as const;
export type Sex = CodeOf<typeof SEX>;

export const GENDER_IDENTITY = [
  { code: 'same_as_sex', label: 'Same as sex registered at birth' },
  { code: 'different', label: 'Different from sex registered at birth' },
  { code: 'prefer_not_to_say', label: 'Prefer not to say' },
  { code: 'not_known', label: 'Not known' },
] as const;
export type GenderIdentity = CodeOf<typeof GENDER_IDENTITY>;

export const RELIGION = [
  { code: 'no_religion', label: 'No religion' },
  { code: 'christian', label: 'Christian' },
  { code: 'buddhist', label: 'Buddhist' },
  { code: 'hindu', label: 'Hindu' },
  { code: 'jewish', label: 'Jewish' },
  { code: 'muslim', label: 'Muslim' },
  { code: 'sikh', label: 'Sikh' },
  { code: 'other', label: 'Any other religion' },
  { code: 'not_stated', label: 'Not stated' },
] as const;
export type Religion = CodeOf<typeof RELIGION>;

export const SEXUAL_ORIENTATION = [
  { code: 'straight', label: 'Straight or heterosexual' },
  { code: 'gay_or_lesbian', label: 'Gay or lesbian' },
  { code: 'bisexual', label: 'Bisexual' },
  { code: 'other', label: 'Other sexual orientation' },
  { code: 'prefer_not_to_say', label: 'Prefer not to say' },
] as const;
export type SexualOrientation = CodeOf<typeof SEXUAL_ORIENTATION>;

export const DISABILITY = [
  { code: 'yes', label: 'Yes' },
  { code: 'no', label: 'No' },
  { code: 'not_stated', label: 'Not stated' },
] as const;
export type Disability = CodeOf<typeof DISABILITY>;

// --- The person's circumstances -------------------------------------------------------------

export const ADDRESS_TYPE = [
  { code: 'home', label: 'Home address' },
  { code: 'approved_premises', label: 'Approved premises' },
  { code: 'hostel', label: 'Hostel' },
  { code: 'no_fixed_abode', label: 'No fixed abode' },
  { code: 'proposed_release', label: 'Proposed release address' },
] as const;
export type AddressType = CodeOf<typeof ADDRESS_TYPE>;

export const RELATIONSHIP_TYPE = [
  { code: 'partner', label: 'Partner' },
  { code: 'ex_partner', label: 'Ex-partner' },
  { code: 'child', label: 'Child' },
  { code: 'household_member', label: 'Household member' },
  { code: 'associate', label: 'Associate' },
  { code: 'victim', label: 'Victim' },
] as const;
export type RelationshipType = CodeOf<typeof RELATIONSHIP_TYPE>;

/**
 * What length a disposal needs recorded: the custodial term ('custody'), a length in months
 * ('months'), or nothing. The SOA 2003 s.82 notification period depends on it.
 */
export type OutcomeLength = 'custody' | 'months' | 'none';

/** Court disposals. */
export const OUTCOME = [
  { code: 'custody', label: 'Custodial sentence', length: 'custody' },
  { code: 'suspended_sentence', label: 'Suspended sentence order', length: 'months' },
  { code: 'community_order', label: 'Community order', length: 'months' },
  { code: 'hospital_order', label: 'Hospital order', length: 'none' },
  { code: 'hospital_order_restricted', label: 'Hospital order with a restriction order', length: 'none' },
  { code: 'guardianship', label: 'Guardianship order', length: 'none' },
  { code: 'caution', label: 'Caution', length: 'none' },
  { code: 'conditional_discharge', label: 'Conditional discharge', length: 'months' },
  { code: 'absolute_discharge', label: 'Absolute discharge', length: 'none' },
  { code: 'fine', label: 'Fine', length: 'none' },
  { code: 'other', label: 'Other disposal', length: 'none' },
] as const satisfies readonly (CodeEntry & { length: OutcomeLength })[];
export type Outcome = CodeOf<typeof OUTCOME>;

export function lengthRequiredFor(outcome: Outcome): OutcomeLength {
  return OUTCOME.find((entry) => entry.code === outcome)?.length ?? 'none';
}

/**
 * What kind of custodial sentence (blank = an ordinary determinate term). The kind decides what
 * else the term needs: a length for determinate terms, an extension period for an extended
 * sentence, none for indeterminate sentences (SOA 2003 s.82(1); CJA 2003 s.327; Sentencing Act
 * 2020 Parts 10 and 11).
 */
export const SENTENCE_TYPE = [
  { code: 'determinate', label: 'Determinate sentence' },
  { code: 'life', label: 'Life sentence' },
  { code: 'ipp', label: 'Imprisonment for public protection (IPP)' },
  { code: 'dpp', label: 'Detention for public protection (DPP)' },
  { code: 'hmp', label: 'Detention at His Majesty’s pleasure' },
  { code: 'extended', label: 'Extended determinate sentence (EDS)' },
  { code: 'sopc', label: 'Special custodial sentence for offenders of particular concern (SOPC)' },
  { code: 'dto', label: 'Detention and training order (DTO)' },
] as const;
export type SentenceType = CodeOf<typeof SENTENCE_TYPE>;

/** Sentences with no fixed term: notification and Category 2 last for life (SOA 2003 s.82(1)). */
export const INDETERMINATE_SENTENCES: readonly SentenceType[] = ['life', 'ipp', 'dpp', 'hmp'];

/** A DTO's term can only be one of these (Sentencing Act 2020 s.236; PCC(S)A 2000 s.101(1)). */
export const DTO_TERMS_MONTHS = [4, 6, 8, 10, 12, 18, 24] as const;

/** The victim's age at the offence: some Schedule 3 entries are notifiable only for a victim under 18. */
export const VICTIM_AGE = [
  { code: 'under_13', label: 'Under 13' },
  { code: '13_to_15', label: '13 to 15' },
  { code: '16_or_17', label: '16 or 17' },
  { code: '18_or_over', label: '18 or over' },
  { code: 'no_victim', label: 'No individual victim' },
] as const;
export type VictimAgeCode = CodeOf<typeof VICTIM_AGE>;

/** Civil orders that create or extend notification (SOA 2003 s.97-103G; CTA 2008 Schedule 4). */
export const ORDER_KIND = [
  { code: 'shpo', label: 'Sexual harm prevention order (SHPO)' },
  { code: 'interim_shpo', label: 'Interim sexual harm prevention order' },
  { code: 'notification_order', label: 'Notification order' },
  { code: 'interim_notification_order', label: 'Interim notification order' },
  { code: 'cta_notification_order', label: 'Counter-Terrorism Act notification order' },
  { code: 'restraining_order', label: 'Restraining order (Protection from Harassment Act 1997)' },
] as const;
export type OrderKindCode = CodeOf<typeof ORDER_KIND>;

/** Orders made because of a conviction abroad, which they carry (SOA 2003 s.97, s.100; CTA 2008 Sch.4). */
export const FOREIGN_CONVICTION_ORDERS: readonly OrderKindCode[] = [
  'notification_order',
  'interim_notification_order',
  'cta_notification_order',
];

// --- Risk ----------------------------------------------------------------------------------

/** OASys risk of serious harm. Codes as OASys writes them. */
export const ROSH_LEVEL = [
  { code: 'LOW', label: 'Low' },
  { code: 'MEDIUM', label: 'Medium' },
  { code: 'HIGH', label: 'High' },
  { code: 'VERY_HIGH', label: 'Very high' },
] as const;
export type RoshLevel = CodeOf<typeof ROSH_LEVEL>;

/** Who the harm is to; 'prisoners' applies only in custody. */
export const ROSH_GROUPS = [
  { code: 'children', label: 'Children' },
  { code: 'public', label: 'Public' },
  { code: 'known_adult', label: 'Known adult' },
  { code: 'staff', label: 'Staff' },
  { code: 'prisoners', label: 'Prisoners' },
] as const;
export type RoshGroup = CodeOf<typeof ROSH_GROUPS>;

/** Risk Matrix 2000 (sexual reconviction, adult males). */
export const RM2000_LEVEL = ROSH_LEVEL;
export type Rm2000Level = RoshLevel;

/** Bands for scored predictors (OSP, RSR). */
export const SCORE_BAND = [
  { code: 'low', label: 'Low' },
  { code: 'medium', label: 'Medium' },
  { code: 'high', label: 'High' },
  { code: 'very_high', label: 'Very high' },
] as const;
export type ScoreBand = CodeOf<typeof SCORE_BAND>;

export const MARKER_TYPE = [
  { code: 'domestic_abuse', label: 'Domestic abuse' },
  { code: 'stalking', label: 'Stalking' },
  { code: 'child_safeguarding', label: 'Child safeguarding concerns' },
  { code: 'terrorism_risk', label: 'Terrorism risk' },
  { code: 'mental_health', label: 'Mental health / restricted patient' },
  { code: 'gang_organised_crime', label: 'Gang / organised crime' },
  { code: 'weapons', label: 'Weapons' },
] as const;
export type MarkerType = CodeOf<typeof MARKER_TYPE>;

// --- Agencies and people -------------------------------------------------------------------

export const MANAGER_ROLE = [
  { code: 'police_offender_manager', label: 'Police offender manager' },
  { code: 'community_offender_manager', label: 'Community offender manager' },
  { code: 'prison_offender_manager', label: 'Prison offender manager' },
] as const;
export type ManagerRole = CodeOf<typeof MANAGER_ROLE>;

/** The three Responsible Authority agencies first, then the Duty to Co-operate agencies. */
export const AGENCY_TYPE = [
  { code: 'police', label: 'Police', responsibleAuthority: true },
  { code: 'probation', label: 'Probation Service', responsibleAuthority: true },
  { code: 'prison', label: 'Prison Service', responsibleAuthority: true },
  { code: 'childrens_social_care', label: 'Children’s social care', responsibleAuthority: false },
  { code: 'adult_social_care', label: 'Adult social care', responsibleAuthority: false },
  { code: 'health', label: 'Health', responsibleAuthority: false },
  { code: 'housing', label: 'Housing', responsibleAuthority: false },
  { code: 'yot', label: 'Youth offending team', responsibleAuthority: false },
  { code: 'jobcentre_plus', label: 'Jobcentre Plus', responsibleAuthority: false },
  { code: 'education', label: 'Education', responsibleAuthority: false },
  { code: 'electronic_monitoring', label: 'Electronic monitoring', responsibleAuthority: false },
  { code: 'immigration', label: 'Home Office Immigration', responsibleAuthority: false },
] as const satisfies readonly (CodeEntry & { responsibleAuthority: boolean })[];
export type AgencyType = CodeOf<typeof AGENCY_TYPE>;

export function isResponsibleAuthority(type: AgencyType): boolean {
  return AGENCY_TYPE.find((entry) => entry.code === type)?.responsibleAuthority ?? false;
}

/** User roles (MAPPA.md §5). What each may see is decided in src/access, not here. */
export const ROLE = [
  { code: 'probation_practitioner', label: 'Probation practitioner' },
  { code: 'senior_probation_officer', label: 'Senior probation officer' },
  { code: 'police_offender_manager', label: 'Police offender manager' },
  { code: 'prison_offender_manager', label: 'Prison offender manager' },
  // Heads the prison's offender management unit: approves its prison reports (MAPPA F).
  { code: 'head_of_offender_management_unit', label: 'Head of offender management unit' },
  // The security compartment: communications monitoring and intelligence in the establishment.
  { code: 'prison_security', label: 'Prison security and intelligence' },
  { code: 'prison_public_protection_lead', label: 'Prison public protection lead' },
  { code: 'mappa_coordinator', label: 'MAPPA coordinator' },
  { code: 'mappa_administrator', label: 'MAPPA administrator' },
  { code: 'meeting_chair', label: 'Meeting chair' },
  { code: 'dtc_representative', label: 'Duty to co-operate agency representative' },
  { code: 'victim_liaison_officer', label: 'Victim liaison officer' },
  { code: 'smb_member', label: 'Strategic Management Board member' },
  { code: 'lay_adviser', label: 'Lay adviser' },
  { code: 'national_analyst', label: 'National analyst' },
  { code: 'data_protection_officer', label: 'Data protection officer' },
  { code: 'admin', label: 'System administrator' },
] as const;
export type Role = CodeOf<typeof ROLE>;

// --- MAPPA ---------------------------------------------------------------------------------

export const MAPPA_CATEGORY = [
  { code: 1, label: 'Category 1', description: 'Registered sexual offenders' },
  { code: 2, label: 'Category 2', description: 'Violent offenders' },
  { code: 3, label: 'Category 3', description: 'Other dangerous offenders' },
  { code: 4, label: 'Category 4', description: 'Terrorist and terrorism-risk offenders' },
] as const;
export type MappaCategory = CodeOf<typeof MAPPA_CATEGORY>;

export const MAPPA_LEVEL = [
  { code: 1, label: 'Level 1', description: 'Multi-agency support for lead-agency management' },
  { code: 2, label: 'Level 2', description: 'Active multi-agency management' },
  {
    code: 3,
    label: 'Level 3',
    description: 'Active multi-agency management with senior representatives who can commit resources',
  },
] as const;
export type MappaLevel = CodeOf<typeof MAPPA_LEVEL>;

/**
 * The Four Pillars of risk management (Kemshall), the structure of every risk management plan,
 * agenda and action; plus the contingency plan, which actions can also serve.
 */
export const PILLAR = [
  { code: 'supervision', label: 'Supervision' },
  { code: 'monitoring_and_control', label: 'Monitoring and control' },
  { code: 'interventions_and_treatment', label: 'Interventions and treatment' },
  { code: 'victim_safety_planning', label: 'Victim safety planning' },
  { code: 'contingency', label: 'Contingency' },
] as const;
export type Pillar = CodeOf<typeof PILLAR>;

/** How an area screens referrals to Levels 2 and 3 (MAPPA.md §3 step 4). */
export const SCREENING_ROUTE = [
  { code: 'coordinator', label: 'The MAPPA coordinator' },
  { code: 'panel', label: 'A screening panel' },
  { code: 'joint', label: 'The coordinator jointly with a police detective inspector' },
] as const;
export type ScreeningRoute = CodeOf<typeof SCREENING_ROUTE>;

export const MEETING_FORMAT = [
  { code: 'in_person', label: 'In person' },
  { code: 'online', label: 'Online' },
] as const;

export const ATTENDANCE = [
  { code: 'attended', label: 'Attended' },
  { code: 'apologies', label: 'Sent apologies' },
  { code: 'substitute', label: 'Attended as a substitute' },
  { code: 'absent', label: 'Did not attend' },
] as const;

export const ACTION_STATUS = [
  { code: 'open', label: 'Open' },
  { code: 'completed', label: 'Completed' },
  { code: 'cancelled', label: 'Cancelled' },
] as const;
