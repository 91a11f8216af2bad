import { parseDateParts } from '../../../domain/dates.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import type { UserFormValues } from '../schemas.ts';

/** The user form of the administration pages: what was submitted, as use-case input and as values to show again. */

export const DATE_FIELDS = ['vettingExpiresOn', 'trainingCompletedOn'] as const;
const FIELD_ORDER = [
  'email',
  'displayName',
  'agencyId',
  'roles',
  'vettingLevel',
  'vettingExpiresOn',
  'trainingCompletedOn',
  'password',
];

type DateField = (typeof DATE_FIELDS)[number];

/** A GOV.UK date input's three boxes: the ISO date, or what was typed with the problem in it. */
function dateField(form: UserFormValues, key: DateField, label: string): { value: string; error?: string } {
  const [day, month, year] = (['day', 'month', 'year'] as const).map((p) => form[`${key}-${p}`].trim()) as [
    string,
    string,
    string,
  ];
  if (!day && !month && !year) return { value: '' };
  const parsed = parseDateParts(day, month, year, label);
  return parsed.ok ? { value: parsed.value } : { value: `${year}-${month}-${day}`, error: parsed.error };
}

/** An ISO date in the three boxes (empty boxes for none). */
export function splitDate(value: string | null | undefined) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return match
    ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] }
    : { day: '', month: '', year: '' };
}

/** Roles, vetting and training as submitted, with the date boxes' own problems. */
export function accessFactsFrom(form: UserFormValues) {
  const expires = dateField(form, 'vettingExpiresOn', 'Vetting expiry date');
  const trained = dateField(form, 'trainingCompletedOn', 'Training date');
  const dateErrors: FieldErrors = {};
  if (expires.error) dateErrors.vettingExpiresOn = expires.error;
  if (trained.error) dateErrors.trainingCompletedOn = trained.error;
  return {
    facts: {
      roles: form.roles,
      vetting: { level: form.vettingLevel, expiresOn: expires.value },
      trainingCompletedOn: trained.value,
    },
    dateErrors,
  };
}

/** The use case's problems and the date boxes' own, in the order of the form. */
export function ordered(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)),
  );
}

export const errorList = (errors: FieldErrors) =>
  Object.entries(errors).map(([key, message]) => ({
    text: message,
    // Checkboxes and radios: the first option carries the group's id.
    href: `#${(DATE_FIELDS as readonly string[]).includes(key) ? `${key}-day` : key}`,
  }));

/** Form values to redisplay: what was typed, dates in their three boxes. */
export function formValues(form: UserFormValues) {
  const values: Record<string, unknown> = {
    email: form.email,
    displayName: form.displayName,
    agencyId: form.agencyId,
    roles: form.roles,
    vettingLevel: form.vettingLevel,
    version: form.version,
  };
  for (const key of DATE_FIELDS)
    values[key] = { day: form[`${key}-day`], month: form[`${key}-month`], year: form[`${key}-year`] };
  return values;
}

/** What the edit form shows for a user as saved now. */
export function savedValues(user: {
  roles: string[];
  vettingLevel: string | null;
  vettingExpiresOn: string | null;
  trainingCompletedOn: string | null;
  version: number;
}) {
  return {
    roles: user.roles,
    vettingLevel: user.vettingLevel ?? '',
    vettingExpiresOn: splitDate(user.vettingExpiresOn),
    trainingCompletedOn: splitDate(user.trainingCompletedOn),
    version: String(user.version),
  };
}
