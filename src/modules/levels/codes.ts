/** The levels capability's fixed lists: what the forms ask, and who signs what. */

/** MAPPA Q: the screening questions a practitioner answers before deciding the level. */
export const SCREENING_QUESTIONS = [
  { key: 'roshHighOrVeryHigh', label: 'Is the person assessed as high or very high risk of serious harm?' },
  { key: 'otherAgenciesInvolved', label: 'Do other agencies need to take actions to manage the risk?' },
  { key: 'barriersToManagement', label: 'Are there barriers the lead agency cannot overcome alone?' },
  { key: 'victimIssues', label: 'Are there victim safety issues that need multi-agency planning?' },
  { key: 'meetingsAddValue', label: 'Would multi-agency meetings add value to managing the risk?' },
] as const;

/** Notifications a registered sex offender makes to the police (SOA 2003 s.83–85). */
export const OFFENDER_NOTIFICATION_KIND = [
  { code: 'initial', label: 'Initial notification (within 3 days)' },
  { code: 'change', label: 'Change of details (name, address, travel)' },
  { code: 'periodic', label: 'Periodic (annual) notification' },
] as const;

/** Roles whose level decisions never need countersigning, and who may countersign others'. */
export const COUNTERSIGNING_ROLES = [
  'senior_probation_officer',
  'meeting_chair',
  'mappa_coordinator',
] as const;

/**
 * The agency types of the default standing panel (recommendation 9: the Responsible Authority
 * agencies, children's social care, mental health and housing at minimum), in the order shown.
 */
export const DEFAULT_PANEL_TYPES = [
  'police',
  'probation',
  'prison',
  'childrens_social_care',
  'health',
  'housing',
] as const;

/** How a level decision is described in its history. */
export const DECISION_KIND = [
  { code: 'initial', label: 'First level decision' },
  { code: 'review', label: 'Review: level confirmed' },
  { code: 'escalation', label: 'Escalation' },
  { code: 'reduction', label: 'Reduction' },
  { code: 'deregistration', label: 'MAPPA management ended' },
] as const;

/**
 * What the police learn that starts a notification clock (SOA 2003 s.84, s.86 and the Sexual
 * Offences Act 2003 (Notification Requirements) (England and Wales) Regulations 2012).
 */
export const NOTIFICATION_EVENT_KIND = [
  {
    code: 'name_change',
    label: 'Change of name',
    hint: 'Notify within 3 days of the change (s.84(1)(a))',
    dateLabel: 'Date of the change',
  },
  {
    code: 'home_address_change',
    label: 'Change of home address',
    hint: 'Notify within 3 days of the change (s.84(1)(b))',
    dateLabel: 'Date of the change',
  },
  {
    code: 'other_address_stay',
    label: 'Stay at another address for 7 days or more',
    hint: 'Notify within 3 days of reaching 7 days (s.84(1)(c))',
    dateLabel: 'Date the 7 days were reached',
  },
  {
    code: 'child_household_stay',
    label: 'Stay of 12 hours or more in a household with a child under 18',
    hint: 'Notify within 3 days (s.84(1)(ca))',
    dateLabel: 'Date of the stay',
  },
  {
    code: 'foreign_travel',
    label: 'Intended travel outside the United Kingdom',
    hint: 'Notify at least 7 days before departure, or within 12 hours if not known then (s.86)',
    dateLabel: 'Date of departure',
  },
] as const;
