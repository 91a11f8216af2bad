import { z, type ZodType } from 'zod';
import type { FieldErrors } from '../../domain/errors.ts';
import { parseIdentifier, type IdentifierType } from '../../domain/identifiers.ts';
import {
  checkFields,
  fieldsJsonSchema,
  fieldsSchema,
  orderErrors,
  type FieldSpec,
} from '../../validation/fields.ts';
import { pathId } from '../../validation/parse.ts';
import { compareDates, parseDateParts, parseIsoDate } from '../../domain/dates.ts';
import { EARLIEST_DATE } from '../../validation/fields.ts';
import {
  IDENTIFIER_TYPE,
  IDENTITY_FIELDS,
  NOMINAL_SECTION_CHECKS,
  NOMINAL_SECTION_LABELS,
  NOMINAL_SECTION_NAMES,
  NOMINAL_SECTIONS,
  RELATIONSHIP_ADDRESS_FIELDS,
  SECTIONS,
  checkRelationshipAddress,
  type NominalSectionName,
  type RowSection,
} from './sections.ts';

/**
 * One schema per input of the record. The record's inputs are its sections' fields
 * (sections.ts): each schema below checks every field on its own and then the section's
 * cross-field rules, and reports every problem at once in the order of the form — a GOV.UK error
 * summary, or a 400 naming each field. The same schema is the API route's body (enforced by Fastify,
 * documented in OpenAPI from the same field descriptions), parses the page's form, and is what the
 * use case parses when called directly (CLI, demo, tests). Dates that must be in the past are
 * checked against `today`, a function of the one clock: the web app's for a route, the use case's
 * context inside it. Rules that need the database (an agency exists, a user's email, an identifier
 * held by someone else) are the use cases'.
 */

type Values = Record<string, unknown>;
/** Today's date, asked at each parse (a route's schema lives longer than a day). */
export type Today = () => string;

export const NominalParams = z.object({ id: pathId });
export const RowParams = z.object({ id: pathId, rowId: pathId });
/** A page's address names the section: an unknown one is "not found". */
export const SectionPageParams = z.object({ id: pathId, section: z.string() });
export const SectionRowPageParams = SectionPageParams.extend({ rowId: pathId });

/** A page of a long list: anything that is not a page number is the first page. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).catch(1).default(1).describe('Page number, from 1'),
});
/** The overview page says what was just saved (`?updated=addresses`). */
export const OverviewQuery = z.object({ updated: z.string().optional().catch(undefined) });

const VERSION_MESSAGE = 'Send the version you read, as a whole number';
/** The version the editor started from: required, so an edit can never silently overwrite another. */
export const recordVersion = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
  z
    .number({ error: VERSION_MESSAGE })
    .int({ error: VERSION_MESSAGE })
    .min(1, { error: VERSION_MESSAGE })
    .describe('The version you read; a different current version gives 409 Conflict'),
);

const IDENTIFIER_CODES = IDENTIFIER_TYPE.map((t) => t.code);

/** A new person's identifiers (PNC, CRO, prison number, CRN): each checked, none given twice. */
function readIdentifiers(raw: unknown, errors: FieldErrors): { type: IdentifierType; value: string }[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.identifiers = 'Identifiers must be a list';
    return [];
  }
  const parsed = raw.map((item: unknown, i) => {
    const { type, value } = (typeof item === 'object' && item !== null ? item : {}) as Values;
    const result = parseIdentifier(String(type ?? '') as IdentifierType, String(value ?? '')) ?? {
      ok: false as const,
      error: 'Select an identifier type: pnc, cro, prison_number or crn',
    };
    if (!result.ok) errors[`identifiers.${i}`] = result.error;
    return { type: String(type) as IdentifierType, value: result.ok ? result.value : '' };
  });
  parsed.forEach((item, i) => {
    if (parsed.findIndex((other) => other.type === item.type && other.value === item.value) < i) {
      errors[`identifiers.${i}`] ??= `${item.value} is given twice`;
    }
  });
  return parsed;
}

interface RecordInputOptions {
  today: Today;
  /** The section's cross-field rules (domain/record-rules.ts). */
  check?: RowSection['check'] | undefined;
  /** An edit: the version the editor read comes with it. */
  versioned?: boolean;
  /** The identifiers section: the number's check characters, once type and value are given. */
  identifierRow?: boolean;
  /** A new person: the identity fields and their identifiers. */
  identifiers?: boolean;
  /** A new person: whether the user has confirmed they are not one of the possible duplicates shown. */
  duplicateCheck?: boolean;
}

/** Every field's problem and the rules across fields, together; the values once there are none. */
function readRecordInput(fields: readonly FieldSpec[], input: Values, options: RecordInputOptions) {
  const today = options.today();
  const { values, errors } = checkFields(fields, input, today);
  for (const [key, message] of Object.entries(options.check?.(values, today) ?? {})) errors[key] ??= message;
  if (options.identifierRow && !Object.keys(errors).length) {
    const parsed = parseIdentifier(values.type as IdentifierType, values.value as string);
    if (parsed.ok) values.value = parsed.value;
    else errors.value = parsed.error;
  }
  const ordered = orderErrors(fields, errors);
  if (options.identifiers) values.identifiers = readIdentifiers(input.identifiers, ordered);
  if (options.duplicateCheck)
    values.confirmedNotDuplicate = [true, 'true', 'yes'].includes(input.confirmedNotDuplicate as string);
  if (options.versioned) {
    const version = recordVersion.safeParse(input.version);
    if (version.success) values.version = version.data;
    else ordered.version ??= VERSION_MESSAGE;
  }
  return { values, errors: ordered };
}

/** The OpenAPI description of an input, made once per section from its fields. */
const documentation = new Map<string, Values>();
function documented(fields: readonly FieldSpec[], options: RecordInputOptions, key: string): Values {
  const known = documentation.get(key);
  if (known) return known;
  const schema = fieldsJsonSchema(fields);
  const properties = { ...(schema.properties as Values) };
  const required = [...((schema.required as string[] | undefined) ?? [])];
  if (options.identifiers)
    properties.identifiers = {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'value'],
        properties: { type: { enum: IDENTIFIER_CODES }, value: { type: 'string' } },
      },
    };
  if (options.duplicateCheck)
    properties.confirmedNotDuplicate = {
      type: 'boolean',
      description:
        'Send true once you have checked the possible duplicates a 409 answer listed (`candidates`) and this is a different person',
    };
  if (options.versioned) {
    properties.version = {
      type: 'integer',
      minimum: 1,
      description: 'The version you read; a different current version gives 409 Conflict',
    };
    required.push('version');
  }
  const doc = { type: 'object', properties, ...(required.length ? { required } : {}) };
  documentation.set(key, doc);
  return doc;
}

function recordInput(
  fields: readonly FieldSpec[],
  options: RecordInputOptions,
  key: string,
): ZodType<Values> {
  return z
    .unknown()
    .transform((input, zc) => {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        zc.addIssue({ code: 'custom', message: 'Send a JSON object', path: [] });
        return z.NEVER;
      }
      const { values, errors } = readRecordInput(fields, input as Values, options);
      if (!Object.keys(errors).length) return values;
      for (const [field, message] of Object.entries(errors))
        zc.addIssue({ code: 'custom', message, path: [field] });
      return z.NEVER;
    })
    .meta(documented(fields, options, key));
}

/** A new person: identity, and any identifiers known. */
export const newNominalInput = (today: Today) =>
  recordInput(IDENTITY_FIELDS, { today, identifiers: true, duplicateCheck: true }, 'new nominal');

/** An edit of a section on the nominal row (identity, lead agency, case dates), with the version read. */
export const nominalSectionInput = (name: NominalSectionName, today: Today) =>
  recordInput(NOMINAL_SECTIONS[name], { today, versioned: true, check: NOMINAL_SECTION_CHECKS[name] }, name);

/** A new row of a section (an address, a conviction, …). */
export const newRowInput = (section: RowSection, today: Today) =>
  recordInput(
    section.fields,
    { today, check: section.check, identifierRow: section.name === 'identifiers' },
    `new ${section.name}`,
  );

/** An edit of a row, with the version read. */
export const rowChangeInput = (section: RowSection, today: Today) =>
  recordInput(
    section.fields,
    { today, check: section.check, identifierRow: section.name === 'identifiers', versioned: true },
    `change ${section.name}`,
  );

/** A relationship's new address (release and HDC address checks read them). */
export const relationshipAddressInput = (today: Today) =>
  recordInput(
    RELATIONSHIP_ADDRESS_FIELDS,
    { today, check: checkRelationshipAddress },
    'new relationship address',
  );

export const RelationshipAddressView = z.object({
  id: z.uuid(),
  line1: z.string(),
  line2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string(),
  fromDate: z.iso.date(),
  toDate: z.iso.date().nullable().describe('Its last day; null while they live there'),
  version: z.number().int(),
});

// What the API answers (for its documentation).

export const WriteResult = z.object({
  id: z.uuid(),
  version: z.number().int().describe('Send it back with the next edit'),
  changed: z.number().int().optional().describe('How many fields changed (none: nothing was written)'),
});

export const NewNominalResult = z.object({ id: z.uuid(), vigilRef: z.string(), version: z.number().int() });

/** A row as it is stored: its fields (a manager's Vigil user as their email), id and version. */
export const rowView = (section: RowSection) =>
  fieldsSchema(section.fields, '2000-01-01').extend({ id: z.uuid(), version: z.number().int() });

const SectionRows = z.array(z.record(z.string(), z.unknown()));

/** The kinds of change the timeline can be filtered by: the record's sections and what is done with it. */
export const TIMELINE_TYPES: readonly { code: string; label: string; sections: readonly string[] }[] = [
  ...NOMINAL_SECTION_NAMES.map((name) => ({
    code: name,
    label: NOMINAL_SECTION_LABELS[name],
    sections: [name],
  })),
  ...SECTIONS.map((s) => ({ code: s.name, label: s.label, sections: [s.name] })),
  {
    code: 'levels',
    label: 'MAPPA level, notifications and significant events',
    sections: ['levels', 'level decision', 'significant-events'],
  },
  { code: 'referrals', label: 'Referrals', sections: ['referrals'] },
  { code: 'meetings', label: 'Meetings', sections: ['meetings'] },
  { code: 'actions', label: 'Actions', sections: ['actions'] },
  { code: 'risk-management-plan', label: 'Risk management plan', sections: ['risk-management-plan'] },
  { code: 'prison-reports', label: 'Prison reports (MAPPA F)', sections: ['prison-reports'] },
];
const TIMELINE_TYPE_CODES = TIMELINE_TYPES.map((t) => t.code) as [string, ...string[]];

/** A blank box or "All" sent by the filter form is no filter at all. */
const blankIsAbsent = (v: unknown) => (v === '' || (typeof v === 'string' && !v.trim()) ? undefined : v);
/**
 * A date of the timeline's filter: YYYY-MM-DD from the API, or a GOV.UK date input's boxes joined
 * year-month-day by `timelineQueryFromPage`, read as people type them, with the pattern's messages.
 */
const timelineDate = (label: string) =>
  z.preprocess(
    blankIsAbsent,
    z
      .string()
      .transform((v, zc) => {
        const parts = v.trim().split('-');
        const parsed =
          /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) || parts.length !== 3
            ? parseIsoDate(v, label)
            : parseDateParts(parts[2]!, parts[1]!, parts[0]!, label);
        if (!parsed.ok) zc.addIssue({ code: 'custom', message: parsed.error });
        else if (compareDates(parsed.value, EARLIEST_DATE) < 0)
          zc.addIssue({ code: 'custom', message: `${label} must be in 1900 or later` });
        else return parsed.value;
        return z.NEVER;
      })
      .optional()
      .describe(`${label}, YYYY-MM-DD (London time)`),
  );

/**
 * The timeline's filters and page: `GET /api/v1/nominals/{id}/timeline` takes them as they are; the
 * page's GOV.UK date inputs are folded into `from` and `to` first (`timelineQueryFromPage`).
 */
export const TimelineQuery = z
  .object({
    page: z.coerce.number().int().min(1).catch(1).default(1).describe('Page number, from 1'),
    type: z
      .preprocess(
        blankIsAbsent,
        z.enum(TIMELINE_TYPE_CODES, { error: 'Select a type of change from the list' }).optional(),
      )
      .describe(`Only this kind of change: ${TIMELINE_TYPE_CODES.join(', ')}`),
    agency: z
      .preprocess(blankIsAbsent, z.uuid({ error: 'Select an agency from the list' }).optional())
      .describe('Only changes made by users of this agency (its id)'),
    from: timelineDate('Changes from'),
    to: timelineDate('Changes to'),
  })
  .refine((v) => !v.from || !v.to || compareDates(v.from, v.to) <= 0, {
    path: ['to'],
    error: 'Changes to must be the same as or after changes from',
  });
export type TimelineFilter = z.output<typeof TimelineQuery>;

/** The page's query string: the API's, with each date as a GOV.UK date input's three boxes. */
export function timelineQueryFromPage(query: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = { ...query };
  for (const key of ['from', 'to']) {
    const [day, month, year] = ['day', 'month', 'year'].map((p) => String(query[`${key}-${p}`] ?? '').trim());
    // Joined as typed; a box with a dash in it cannot split the date differently.
    const box = (part: string) => part.replaceAll('-', ' ');
    if (day || month || year) input[key] = `${box(year!)}-${box(month!)}-${box(day!)}`;
  }
  return input;
}

export const TimelineView = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe('How many changes match the filters'),
  hasMore: z.boolean(),
  agencies: z
    .array(z.object({ id: z.uuid(), name: z.string() }))
    .describe('The agencies whose users changed this record (the choices of the agency filter)'),
  entries: z.array(
    z.object({
      at: z.iso.datetime(),
      by: z.string(),
      agency: z.string(),
      section: z.string(),
      action: z.enum(['created', 'updated', 'ended', 'removed']),
      summary: z.string(),
      changes: z
        .array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
        .describe(
          'Each changed field, before and after, in words: dates as 5 December 2026, people and agencies by name',
        ),
    }),
  ),
});

export const NominalView = z.object({
  id: z.uuid(),
  vigilRef: z.string(),
  version: z.number().int().describe('Send it back with an edit of identity, lead agency or case dates'),
  areaCode: z.string(),
  areaName: z.string(),
  leadAgencyId: z.uuid().nullable(),
  leadAgencyName: z.string().nullable(),
  mappaCategory: z.number().int().nullable(),
  mappaLevel: z.number().int().nullable(),
  age: z.number().int(),
  identity: fieldsSchema(IDENTITY_FIELDS, '2000-01-01'),
  aliases: SectionRows,
  identifiers: SectionRows,
  addresses: SectionRows.describe('Each with isCurrent'),
  currentAddress: z.record(z.string(), z.unknown()).nullable(),
  proposedReleaseAddress: z.record(z.string(), z.unknown()).nullable(),
  relationships: SectionRows.describe('Each with isCurrent'),
  childrenInHousehold: z.boolean(),
  convictions: SectionRows.describe(
    'Each with offenceClassification: whether the offence is on the reference list, and its flags',
  ),
  orders: SectionRows.describe(
    'Civil orders (SHPOs, notification orders, CTA notification orders), each with isInForce',
  ),
  terrorismRisk: z
    .object({ acceptedOn: z.iso.date().nullable(), endedOn: z.iso.date().nullable() })
    .describe('A Category 4 "at risk of involvement in terrorism" decision'),
  riskAssessments: SectionRows.describe('Newest first, each with isLatest'),
  latestRiskAssessment: z.record(z.string(), z.unknown()).nullable(),
  markers: SectionRows.describe('Each with isActive'),
  managers: SectionRows.describe('Each with isCurrent and agencyName'),
  updatedAt: z.iso.datetime(),
  withheld: z.array(z.string()).describe('What is not shown to you, and why'),
});
