import type { MappaCategory, Role } from './codes.ts';
import { CATEGORY_3_LEVEL_MESSAGE } from './levels.ts';
import type { FieldErrors } from './errors.ts';

/**
 * Referral to Level 2 or 3 (MAPPA A) and its screening (MAPPA.md §3 steps 3–4). The referrer adds
 * only what the record cannot know; these rules say when a referral is complete enough to screen,
 * and who may decide it under the area's screening route.
 */

export const REFERRAL_STATUS = [
  { code: 'draft', label: 'Draft' },
  { code: 'submitted', label: 'Awaiting screening' },
  { code: 'accepted', label: 'Accepted' },
  { code: 'rejected', label: 'Rejected' },
  { code: 'withdrawn', label: 'Withdrawn' },
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUS)[number]['code'];

/** Long enough for a full account; short enough for the form and the document. */
export const REFERRAL_TEXT_MAX = 4000;

export interface ReferralSubmission {
  requestedLevel: number | null;
  category3: boolean;
  reason: string | null;
  valueAdded: string | null;
  /** The person's category today (from the record), null when not eligible. */
  currentCategory: MappaCategory | null;
}

/**
 * Field errors for submitting a referral, empty when it may go to screening. A person with no
 * category can only be referred as a Category 3 case (there is no other way into MAPPA for them);
 * a person already eligible under 1, 2 or 4 needs no Category 3 referral.
 */
export function validateSubmission(input: ReferralSubmission): FieldErrors {
  const errors: FieldErrors = {};
  if (input.requestedLevel !== 2 && input.requestedLevel !== 3) {
    errors.requestedLevel = input.category3
      ? CATEGORY_3_LEVEL_MESSAGE
      : 'Select whether you are referring for Level 2 or Level 3';
  }
  if (input.category3 && input.currentCategory !== null && input.currentCategory !== 3) {
    errors.category3 = `They are already eligible for MAPPA under Category ${input.currentCategory}: answer no, and refer them under that category`;
  } else if (!input.category3 && input.currentCategory === null) {
    errors.category3 =
      'They are not eligible for MAPPA under Category 1, 2 or 4: refer them as a Category 3 case (other dangerous offenders), or do not refer';
  }
  if (!input.reason?.trim()) errors.reason = 'Enter the reason for the referral';
  if (!input.valueAdded?.trim()) errors.valueAdded = 'Enter what multi-agency management would add';
  return errors;
}

/** How an area screens: its setting, except that an emergency referral is the coordinator's at once. */
export type AreaScreeningRoute = 'coordinator' | 'panel' | 'joint';
export type DecisionRoute = AreaScreeningRoute | 'emergency';

export function decisionRoute(areaRoute: AreaScreeningRoute, emergency: boolean): DecisionRoute {
  return emergency ? 'emergency' : areaRoute;
}

export const DECISION_ROUTE_LABEL: Record<DecisionRoute, string> = {
  coordinator: 'Screened by the MAPPA coordinator',
  panel: 'Screened by a screening panel',
  joint: 'Screened jointly by the MAPPA coordinator and a police detective inspector',
  emergency: 'Emergency referral decided by the MAPPA coordinator',
};

export interface Decider {
  userId: string;
  roles: readonly Role[];
}

export interface AgreeingOfficer {
  userId: string;
  /** Whether they may screen referrals in the referral's area. */
  screensInArea: boolean;
  agencyType: string;
}

export interface WhoDecides {
  route: DecisionRoute;
  decider: Decider;
  /** Panel route: who sat on the panel. */
  panelMembers?: string | null;
  /** Joint route: the police detective inspector who agreed; null when none was chosen or found. */
  agreedBy?: AgreeingOfficer | null;
}

/**
 * Field errors when this person may not record this decision by this route. The coordinator
 * decides alone (and alone decides emergencies, whatever the area's route); a panel's decision
 * names who sat; a joint decision is the coordinator's, agreed by a police detective inspector
 * who screens in the same area.
 */
export function whoMayDecide(input: WhoDecides): FieldErrors {
  const errors: FieldErrors = {};
  const coordinator = input.decider.roles.includes('mappa_coordinator');
  if (
    (input.route === 'coordinator' || input.route === 'emergency' || input.route === 'joint') &&
    !coordinator
  ) {
    errors.outcome =
      input.route === 'emergency'
        ? 'Only the MAPPA coordinator can decide an emergency referral'
        : input.route === 'joint'
          ? 'The MAPPA coordinator records a joint decision, with the detective inspector who agreed it'
          : 'In this area the MAPPA coordinator decides referrals';
  }
  if (input.route === 'panel' && !input.panelMembers?.trim())
    errors.panelMembers = 'Enter who sat on the screening panel';
  if (input.route === 'joint') {
    const officer = input.agreedBy;
    if (!officer) errors.agreedBy = 'Select the police detective inspector who agreed the decision';
    else if (officer.userId === input.decider.userId)
      errors.agreedBy =
        'A joint decision needs a second person: select the detective inspector who agreed it';
    else if (officer.agencyType !== 'police' || !officer.screensInArea)
      errors.agreedBy = 'Select a police detective inspector who screens referrals in this area';
  }
  return errors;
}

export type DecisionOutcome = 'accepted' | 'rejected';

/** Field errors for the decision itself: accept at Level 2 or 3, or reject; always a rationale. */
export function validateDecision(input: {
  outcome: string | null;
  level: number | null;
  rationale: string | null;
}): FieldErrors {
  const errors: FieldErrors = {};
  if (input.outcome !== 'accepted' && input.outcome !== 'rejected')
    errors.outcome = 'Select whether you accept the referral at Level 2 or 3, or reject it';
  else if (input.outcome === 'accepted' && input.level !== 2 && input.level !== 3)
    errors.outcome = 'Select the level you accept the referral at: Level 2 or Level 3';
  if (!input.rationale?.trim()) errors.rationale = 'Enter the rationale for the decision';
  else if (input.rationale.length > REFERRAL_TEXT_MAX)
    errors.rationale = `Rationale must be ${REFERRAL_TEXT_MAX} characters or fewer`;
  return errors;
}

/** Screening order: emergencies first, then the longest waiting. */
export function screeningOrder<T extends { emergency: boolean; submittedAt: string }>(a: T, b: T): number {
  if (a.emergency !== b.emergency) return a.emergency ? -1 : 1;
  return a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0;
}
