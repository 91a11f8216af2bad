import { z } from 'zod';
import { compareDates, parseIsoDate } from '../domain/dates.ts';
import { ValidationError, type FieldErrors } from '../domain/errors.ts';
import { parseIdentifier, type IdentifierType } from '../domain/identifiers.ts';
import { parsePostcode } from '../domain/postcode.ts';

/**
 * One description of each editable field drives validation (use cases), request/response schemas
 * (OpenAPI) and form rendering (pages), so the three cannot drift apart.
 */
export type CodeList = readonly { readonly code: string; readonly label: string }[];

export type FieldSpec = {
  /** API and form name (camelCase). */
  key: string;
  /** Database column. */
  column: string;
  label: string;
  required?: boolean;
  /**
   * Required except in one case the record rules check (an address of no fixed abode has no
   * line 1): the form does not call it optional, and this says when it may be left blank.
   */
  requiredUnless?: string;
  hint?: string;
} & (
  | {
      kind: 'text';
      max?: number;
      autocomplete?: string;
      /** The form offers a reference list's entries as you type (free text still allowed). */
      suggest?: 'offences';
    }
  | { kind: 'longtext'; max?: number }
  | { kind: 'date'; past?: boolean }
  | { kind: 'code'; codes: CodeList }
  | { kind: 'boolean' }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'decimal'; min?: number; max?: number }
  | { kind: 'identifier'; identifier: IdentifierType }
  | { kind: 'postcode' }
  | { kind: 'agency' }
  /** A Vigil user, entered by email and stored as their id. */
  | { kind: 'user' }
  /** Another conviction of the same person, chosen from a list and stored as its id. */
  | { kind: 'conviction' }
);

/** Ids in addresses and bodies are UUIDs: anything else cannot name a record and is "not found". */
export const isUuid = (v: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** The earliest date any record field accepts. */
export const EARLIEST_DATE = '1900-01-01';

const TEXT_MAX = 200;
const LONGTEXT_MAX = 4000;

const blankToNull = (v: unknown) =>
  v === '' || v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v;
const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

function fieldSchema(field: FieldSpec, today: string): z.ZodType {
  const missing = `Enter ${article(field)}${lower(field.label)}`;
  let schema: z.ZodType;
  switch (field.kind) {
    case 'text':
    case 'longtext': {
      const max = field.max ?? (field.kind === 'text' ? TEXT_MAX : LONGTEXT_MAX);
      schema = z
        .string({ error: missing })
        .trim()
        .max(max, { error: `${field.label} must be ${max} characters or fewer` });
      break;
    }
    case 'date':
      schema = z
        .string({ error: `Enter ${lower(field.label)}` })
        .refine((v) => parseIsoDate(v).ok, { error: `${field.label} must be a real date` })
        // Nothing Vigil records happened before 1900: an earlier year is a typing slip (issue 13).
        .refine((v) => !parseIsoDate(v).ok || compareDates(v, EARLIEST_DATE) >= 0, {
          error: `${field.label} must be in 1900 or later`,
        })
        .refine((v) => !field.past || !parseIsoDate(v).ok || compareDates(v, today) <= 0, {
          error: `${field.label} must be today or in the past`,
        });
      break;
    case 'code':
      schema = z.enum(field.codes.map((c) => c.code) as [string, ...string[]], {
        error: `Select ${lower(field.label)}`,
      });
      break;
    case 'boolean':
      schema = z.preprocess(
        (v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v),
        z.boolean({ error: `Select yes or no for ${lower(field.label)}` }),
      );
      break;
    case 'integer':
    case 'decimal': {
      const base = z.coerce.number({ error: `${field.label} must be a number` });
      let n = field.kind === 'integer' ? base.int({ error: `${field.label} must be a whole number` }) : base;
      if (field.min !== undefined)
        n = n.min(field.min, { error: `${field.label} must be ${field.min} or more` });
      if (field.max !== undefined)
        n = n.max(field.max, { error: `${field.label} must be ${field.max} or less` });
      schema = n;
      break;
    }
    case 'identifier': {
      const type = field.identifier;
      schema = z.string({ error: missing }).transform((v, ctx) => {
        const parsed = parseIdentifier(type, v);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      });
      break;
    }
    case 'postcode':
      schema = z.string({ error: 'Enter a postcode' }).transform((v, ctx) => {
        const parsed = parsePostcode(v);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      });
      break;
    case 'agency':
      schema = z.uuid({ error: `Select ${lower(field.label)}` });
      break;
    case 'conviction':
      schema = z.uuid({ error: `Select a conviction from the list for ${lower(field.label)}` });
      break;
    case 'user':
      schema = z
        .email({ error: `Enter ${lower(field.label)} in the correct format, like name@example.gov.uk` })
        .max(254);
      break;
  }
  if (field.required) return z.preprocess((v) => blankToNull(v) ?? undefined, schema);
  return z.preprocess(blankToNull, schema.nullable()).optional();
}

function article(field: FieldSpec): string {
  if (field.kind === 'identifier' || field.kind === 'postcode') return '';
  return /^[aeiou]/i.test(field.label) ? 'an ' : 'a ';
}

export function fieldsSchema(fields: readonly FieldSpec[], today: string) {
  return z.object(Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f, today)])));
}

/** Parses input against the fields; throws a ValidationError naming each bad field. */
export function parseFields(
  fields: readonly FieldSpec[],
  input: unknown,
  today: string,
): Record<string, unknown> {
  const { values, errors } = checkFields(fields, input, today);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return values;
}

/**
 * Parses each field on its own: the values that are valid (others null) and an error for each
 * that is not, so cross-field rules can still run and every problem is reported at once.
 */
export function checkFields(fields: readonly FieldSpec[], input: unknown, today: string) {
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const result = fieldsSchema([field], today).safeParse({ [field.key]: source[field.key] });
    if (result.success) {
      // Absent optional fields become null, so every column is written explicitly.
      values[field.key] = (result.data as Record<string, unknown>)[field.key] ?? null;
    } else {
      values[field.key] = null;
      const message = result.error.issues[0]!.message;
      errors[field.key] = message.startsWith('Invalid input') ? invalidMessage(fields, field.key) : message;
    }
  }
  return { values, errors };
}

function invalidMessage(fields: readonly FieldSpec[], key: string): string {
  const field = fields.find((f) => f.key === key);
  return field ? `Enter a valid ${lower(field.label)}` : `Remove the unknown field ${key}`;
}

/** Keeps errors in the order of the form, as the GOV.UK error summary expects. */
export function orderErrors(fields: readonly FieldSpec[], errors: FieldErrors): FieldErrors {
  const ordered: FieldErrors = {};
  for (const f of fields) if (errors[f.key]) ordered[f.key] = errors[f.key]!;
  for (const [k, v] of Object.entries(errors)) ordered[k] ??= v;
  return ordered;
}

/** JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) for the fields as a request body. */
export function fieldsJsonSchema(fields: readonly FieldSpec[]): Record<string, unknown> {
  return z.toJSONSchema(fieldsSchema(fields, '2000-01-01'), {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
}

/** A postal address someone else lives at (a relationship, a proposed release address): every part but line 2 and the town required. */
export const POSTAL_ADDRESS_FIELDS: readonly FieldSpec[] = [
  {
    key: 'line1',
    column: 'line1',
    label: 'Address line 1',
    kind: 'text',
    max: 200,
    required: true,
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
  { key: 'postcode', column: 'postcode', label: 'Postcode', kind: 'postcode', required: true },
];
