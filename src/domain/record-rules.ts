import {
  DTO_TERMS_MONTHS,
  FOREIGN_CONVICTION_ORDERS,
  INDETERMINATE_SENTENCES,
  ROSH_LEVEL,
  type OrderKindCode,
  type SentenceType,
} from './codes.ts';
import { readPostcodeAreas } from './address-checks.ts';
import { addMonths, compareDates } from './dates.ts';
import type { FieldErrors } from './errors.ts';

/** The orders that may forbid entering places: their exclusion zones are compared with proposed addresses. */
const EXCLUSION_ZONE_ORDERS: readonly OrderKindCode[] = ['shpo', 'interim_shpo', 'restraining_order'];

/**
 * Rules that tie the fields of one part of a nominal's record together. Each field's own format
 * is checked before these run, so values here are already valid or null.
 */
type Values = Record<string, unknown>;

const date = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function checkDateRange(values: Values, fromKey: string, toKey: string, toLabel: string): FieldErrors {
  const from = date(values[fromKey]);
  const to = date(values[toKey]);
  if (from && to && compareDates(to, from) < 0)
    return { [toKey]: `${toLabel} must be the same as or after the start date` };
  return {};
}

/** How far ahead a move out may be recorded: a planned move, not a guess ("until 2099"). */
export const PLANNED_MOVE_MONTHS = 6;

export function checkAddress(values: Values, today: string): FieldErrors {
  const errors: FieldErrors = { ...checkDateRange(values, 'fromDate', 'toDate', 'Lived here until') };
  const until = date(values.toDate);
  if (until && !errors.toDate && compareDates(until, addMonths(today, PLANNED_MOVE_MONTHS)) > 0) {
    errors.toDate = `Lived here until can be at most ${PLANNED_MOVE_MONTHS} months ahead, for a planned move; leave it blank if they still live here`;
  }
  // Someone of no fixed abode has no address to record; everyone else must be findable.
  if (values.type !== 'no_fixed_abode') {
    if (!values.line1) errors.line1 = 'Enter address line 1';
    if (!values.postcode) errors.postcode = 'Enter a postcode';
  }
  return errors;
}

/** Disposals whose length must be given, with the question the length answers. */
const LENGTH_REQUIRED: Record<string, string> = {
  custody: 'Enter the length of the custodial sentence in months, days or both',
  suspended_sentence: 'Enter the length of the suspended sentence in months, days or both',
  community_order: 'Enter the length of the community order in months, days or both',
  conditional_discharge: 'Enter the length of the conditional discharge in months, days or both',
};

const RELEASE_DATES = [
  ['conditionalReleaseDate', 'Conditional release date'],
  ['paroleEligibilityDate', 'Parole eligibility date'],
  ['hdcEligibilityDate', 'HDC eligibility date'],
  ['licenceExpiryDate', 'Licence expiry date'],
  ['sentenceExpiryDate', 'Sentence expiry date'],
  ['actualReleaseDate', 'Actual release date'],
] as const;

/** Dates that end something the conviction began: none can come before the conviction. */
const ENDINGS = [
  ['disposalEndedOn', 'The date the order or licence ended'],
  ['notificationEndedOn', 'The date notification ended'],
] as const;

/** Outcomes a later term can run consecutively to or from: terms of imprisonment or detention. */
const CONSECUTIVE_OUTCOMES = new Set(['custody', 'suspended_sentence']);

export function checkConviction(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  const offenceDate = date(values.offenceDate);
  const convictionDate = date(values.convictionDate);
  const sentenceStart = date(values.sentenceStart);
  if (offenceDate && convictionDate && compareDates(offenceDate, convictionDate) > 0) {
    errors.offenceDate = 'Offence date must be on or before the conviction date';
  }
  Object.assign(errors, checkSentence(values));
  if (sentenceStart && offenceDate && compareDates(sentenceStart, offenceDate) < 0) {
    errors.sentenceStart = 'Sentence start must be on or after the offence date';
  }
  for (const [key, label] of RELEASE_DATES) {
    const value = date(values[key]);
    if (value && sentenceStart && compareDates(value, sentenceStart) < 0) {
      errors[key] = `${label} must be after the sentence start`;
    } else if (value && !sentenceStart) {
      errors.sentenceStart ??= `Enter the sentence start, as ${label.toLowerCase()} is given`;
    }
  }
  const licenceExpiry = date(values.licenceExpiryDate);
  const sentenceExpiry = date(values.sentenceExpiryDate);
  if (
    licenceExpiry &&
    sentenceExpiry &&
    compareDates(licenceExpiry, sentenceExpiry) > 0 &&
    !errors.licenceExpiryDate
  ) {
    errors.licenceExpiryDate = 'Licence expiry date must be on or before the sentence expiry date';
  }
  for (const [key, label] of ENDINGS) {
    const value = date(values[key]);
    if (value && convictionDate && compareDates(value, convictionDate) < 0)
      errors[key] = `${label} must be on or after the conviction date`;
  }
  return errors;
}

/**
 * The sentence's own facts, which the notification period (SOA 2003 s.82) and Category 2's end
 * (CJA 2003 s.327) are computed from: each kind of sentence has the terms it needs, and no others.
 */
function checkSentence(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  const outcome = String(values.outcome ?? '');
  const type = (values.sentenceType ?? null) as SentenceType | null;
  const custody = outcome === 'custody';
  const given = (key: string) => values[key] !== null && values[key] !== undefined;
  const hasLength = given('lengthMonths') || given('lengthDays');

  if (type && !custody) {
    errors.sentenceType = 'Leave the sentence type blank unless the outcome is a custodial sentence';
  }
  const indeterminate = custody && type !== null && INDETERMINATE_SENTENCES.includes(type);
  if (indeterminate && hasLength) {
    errors[given('lengthMonths') ? 'lengthMonths' : 'lengthDays'] =
      'Leave the length blank for an indeterminate sentence: it has no fixed term';
  } else if (!indeterminate && LENGTH_REQUIRED[outcome] && !hasLength) {
    errors.lengthMonths = LENGTH_REQUIRED[outcome]!;
  }

  // An extended sentence is its custodial term plus an extension period on licence (SA 2020
  // s.279-282); a SOPC adds a fixed 12 months on licence (s.278).
  if (custody && type === 'extended' && !given('extensionMonths')) {
    errors.extensionMonths = 'Enter the extension period of the extended sentence in months';
  } else if (given('extensionMonths') && !(custody && (type === 'extended' || type === 'sopc'))) {
    errors.extensionMonths =
      'Leave the extension period blank unless the sentence is an extended sentence or a SOPC';
  } else if (custody && type === 'sopc' && given('extensionMonths') && values.extensionMonths !== 12) {
    errors.extensionMonths = 'The further licence period of a SOPC is 12 months';
  }

  // A DTO is made for one of a fixed set of terms, in months (SA 2020 s.236).
  if (custody && type === 'dto' && hasLength) {
    const months = values.lengthMonths as number | null;
    if (given('lengthDays') || months === null || !(DTO_TERMS_MONTHS as readonly number[]).includes(months))
      errors.lengthMonths = `A detention and training order’s term must be ${DTO_TERMS_MONTHS.slice(0, -1).join(', ')} or ${DTO_TERMS_MONTHS.at(-1)} months`;
  }

  // A suspended sentence order: its operational period is 6 months to 2 years, and any supervision
  // period no longer than it (SA 2020 s.288; CJA 2003 s.189(3)).
  const suspended = outcome === 'suspended_sentence';
  const operational = values.operationalMonths as number | null | undefined;
  const supervision = values.supervisionMonths as number | null | undefined;
  if (suspended) {
    if (operational == null)
      errors.operationalMonths = 'Enter the operational period of the suspended sentence order in months';
    else if (operational < 6 || operational > 24)
      errors.operationalMonths = 'The operational period must be between 6 and 24 months';
    if (supervision != null && operational != null && supervision > operational)
      errors.supervisionMonths = 'The supervision period must not be longer than the operational period';
  } else {
    if (operational != null)
      errors.operationalMonths =
        'Leave the operational period blank unless the outcome is a suspended sentence order';
    if (supervision != null)
      errors.supervisionMonths =
        'Leave the supervision period blank unless the outcome is a suspended sentence order';
  }

  if (given('consecutiveTo') && !CONSECUTIVE_OUTCOMES.has(outcome)) {
    errors.consecutiveTo =
      'Leave “consecutive to” blank unless the outcome is a custodial or suspended sentence';
  }
  return errors;
}

/**
 * A civil order's dates, and the conviction abroad a notification order is made for (SOA 2003
 * s.97-100; CTA 2008 Sch.4): its period follows the s.82 table as if the sentence had been passed here.
 */
export function checkCivilOrder(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  const madeOn = date(values.madeOn);
  const endsOn = date(values.endsOn);
  if (madeOn && endsOn && compareDates(endsOn, madeOn) < 0)
    errors.endsOn = 'The date the order ends must be on or after the date it was made';
  const foreign = FOREIGN_CONVICTION_ORDERS.includes(values.kind as OrderKindCode);
  const foreignDate = date(values.foreignConvictionDate);
  const given = (key: string) => values[key] !== null && values[key] !== undefined;
  if (foreign) {
    if (!foreignDate) errors.foreignConvictionDate = 'Enter the date of the conviction abroad';
    else if (madeOn && compareDates(foreignDate, madeOn) > 0)
      errors.foreignConvictionDate = 'The conviction abroad must be on or before the date the order was made';
    if (!given('foreignOutcome')) errors.foreignOutcome = 'Select the sentence or outcome abroad';
    else if (LENGTH_REQUIRED[String(values.foreignOutcome)] && !given('foreignLengthMonths'))
      errors.foreignLengthMonths = 'Enter the length of the sentence abroad in months';
  } else {
    for (const key of ['foreignConvictionDate', 'foreignOutcome', 'foreignLengthMonths'])
      if (given(key)) errors[key] = 'Leave the conviction abroad blank: it is only for notification orders';
  }
  // An SHPO or a restraining order may forbid entering places (release and HDC address checks
  // compare addresses with them).
  if (given('exclusionZone')) {
    if (!EXCLUSION_ZONE_ORDERS.includes(values.kind as OrderKindCode))
      errors.exclusionZone =
        'Leave the exclusion zone blank: only a sexual harm prevention order or a restraining order sets one';
    else if (!readPostcodeAreas(String(values.exclusionZone)))
      errors.exclusionZone =
        'Enter each postcode, sector (like SW1A 1) or district (like SW1A) of the exclusion zone, separated by commas';
  }
  return errors;
}

/** A Category 4 "at risk of involvement in terrorism" decision: accepted, then perhaps ended. */
export function checkTerrorismRisk(values: Values): FieldErrors {
  if (values.terrorismRiskEndedOn && !values.terrorismRiskAcceptedOn)
    return { terrorismRiskAcceptedOn: 'Enter the date the person was accepted into Category 4' };
  return checkDateRange(
    values,
    'terrorismRiskAcceptedOn',
    'terrorismRiskEndedOn',
    'The date Category 4 management ended',
  );
}

const ROSH_GROUP_KEYS = [
  'roshChildren',
  'roshPublic',
  'roshKnownAdult',
  'roshStaff',
  'roshPrisoners',
] as const;
const roshRank = (code: unknown) => ROSH_LEVEL.findIndex((l) => l.code === code);

/** Overall RoSH is, by definition, the highest of the ratings for each group. */
export function highestRosh(values: Values): string | null {
  let highest: string | null = null;
  for (const key of ROSH_GROUP_KEYS) {
    const value = values[key];
    if (typeof value === 'string' && (highest === null || roshRank(value) > roshRank(highest)))
      highest = value;
  }
  return highest;
}

export function checkRiskAssessment(values: Values): FieldErrors {
  const highest = highestRosh(values);
  if (highest && values.roshOverall && roshRank(values.roshOverall) !== roshRank(highest)) {
    const label = ROSH_LEVEL[roshRank(highest)]!.label.toLowerCase();
    return { roshOverall: `Overall RoSH must be the highest of the group ratings (${label})` };
  }
  return {};
}
