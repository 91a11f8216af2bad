import { ROSH_LEVEL } from './codes.ts';
import { compareDates } from './dates.ts';
import type { FieldErrors } from './errors.ts';

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

export function checkAddress(values: Values): FieldErrors {
  const errors: FieldErrors = { ...checkDateRange(values, 'fromDate', 'toDate', 'Lived here until') };
  // Someone of no fixed abode has no address to record; everyone else must be findable.
  if (values.type !== 'no_fixed_abode') {
    if (!values.line1) errors.line1 = 'Enter address line 1';
    if (!values.postcode) errors.postcode = 'Enter a postcode';
  }
  return errors;
}

/** Disposals whose length must be given, with the question the length answers. */
const LENGTH_REQUIRED: Record<string, string> = {
  custody: 'Enter the length of the custodial sentence in months',
  suspended_sentence: 'Enter the length of the suspended sentence in months',
  community_order: 'Enter the length of the community order in months',
  conditional_discharge: 'Enter the length of the conditional discharge in months',
};

const RELEASE_DATES = [
  ['conditionalReleaseDate', 'Conditional release date'],
  ['paroleEligibilityDate', 'Parole eligibility date'],
  ['hdcEligibilityDate', 'HDC eligibility date'],
  ['licenceExpiryDate', 'Licence expiry date'],
  ['sentenceExpiryDate', 'Sentence expiry date'],
  ['actualReleaseDate', 'Actual release date'],
] as const;

export function checkConviction(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  const offenceDate = date(values.offenceDate);
  const convictionDate = date(values.convictionDate);
  const sentenceStart = date(values.sentenceStart);
  if (offenceDate && convictionDate && compareDates(offenceDate, convictionDate) > 0) {
    errors.offenceDate = 'Offence date must be on or before the conviction date';
  }
  const outcome = String(values.outcome ?? '');
  if (LENGTH_REQUIRED[outcome] && values.lengthMonths == null)
    errors.lengthMonths = LENGTH_REQUIRED[outcome]!;
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
  return errors;
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
