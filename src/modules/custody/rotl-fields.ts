import { z, type ZodType } from 'zod';
import { ROTL_DECISION, ROTL_OUTCOME, ROTL_TYPE } from '../../domain/rotl.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { checkFields, fieldsJsonSchema, orderErrors, type FieldSpec } from '../../validation/fields.ts';

/**
 * ROTL's inputs, one list of fields per step (the application, the decision, the outcome): each
 * list drives the form, the API body and its documentation, and the use case's validation, as the
 * custody steps do (fields.ts). The rules across fields (domain/rotl.ts) run in the use case after
 * the scope check, so someone out of scope learns nothing from them.
 */

type Values = Record<string, unknown>;

export const ROTL_STEPS = {
  application: {
    title: 'Record a ROTL application',
    fields: [
      { key: 'type', column: 'type', label: 'Type of ROTL', kind: 'code', codes: ROTL_TYPE, required: true },
      {
        key: 'plannedStartOn',
        column: 'planned_start_on',
        label: 'Planned start',
        kind: 'date',
        required: true,
      },
      {
        key: 'plannedEndOn',
        column: 'planned_end_on',
        label: 'Planned return',
        kind: 'date',
        required: true,
        hint: 'The same day for day release',
      },
      {
        key: 'addressLine1',
        column: 'address_line1',
        label: 'Address: first line',
        kind: 'text',
        max: 200,
        required: true,
        hint: 'Where the person will be: the placement, the home or the place of the special purpose',
      },
      {
        key: 'addressTown',
        column: 'address_town',
        label: 'Town or city',
        kind: 'text',
        max: 100,
        required: true,
      },
      {
        key: 'addressPostcode',
        column: 'address_postcode',
        label: 'Postcode',
        kind: 'postcode',
        required: true,
      },
      { key: 'escorted', column: 'escorted', label: 'Escorted', kind: 'boolean', required: true },
      {
        key: 'escortDetails',
        column: 'escort_details',
        label: 'Escort details',
        kind: 'text',
        max: 500,
        hint: 'When escorted: who escorts (agency and number of staff)',
      },
    ],
  },
  decision: {
    title: 'Record the ROTL decision',
    fields: [
      {
        key: 'decision',
        column: 'decision',
        label: 'Decision',
        kind: 'code',
        codes: ROTL_DECISION,
        required: true,
      },
      {
        key: 'decidedBy',
        column: 'decided_by',
        label: 'Decided by',
        kind: 'text',
        max: 200,
        required: true,
        hint: 'The name and grade of the person who decided',
      },
      {
        key: 'decidedOn',
        column: 'decided_on',
        label: 'Date decided',
        kind: 'date',
        required: true,
        past: true,
      },
      {
        key: 'reason',
        column: 'decision_reason',
        label: 'Reason',
        kind: 'longtext',
        max: 2000,
        hint: 'Required when ROTL is refused',
      },
    ],
  },
  outcome: {
    title: 'Record the ROTL outcome',
    fields: [
      {
        key: 'outcome',
        column: 'outcome',
        label: 'Outcome',
        kind: 'code',
        codes: ROTL_OUTCOME,
        required: true,
      },
      {
        key: 'failures',
        column: 'failures',
        label: 'What went wrong',
        kind: 'longtext',
        max: 4000,
        hint: 'Required unless completed: what happened, where and when, and what was done',
      },
    ],
  },
} as const satisfies Record<string, { title: string; fields: readonly FieldSpec[] }>;

export type RotlStep = keyof typeof ROTL_STEPS;
/** The steps on a recorded ROTL (the application makes one). */
export const ROTL_EPISODE_STEPS = ['decision', 'outcome'] as const;
export type RotlEpisodeStep = (typeof ROTL_EPISODE_STEPS)[number];

const VERSION_MESSAGE = 'Send the version you read, as a whole number';

/** Each field's problem (and the version's, on a recorded ROTL); the values once there are none. */
export function readRotlFields(step: RotlStep, input: unknown, today: string) {
  const source = (
    typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}
  ) as Values;
  const { values, errors } = checkFields(ROTL_STEPS[step].fields, source, today);
  if (step !== 'application') {
    const v =
      typeof source.version === 'string' && /^\d+$/.test(source.version)
        ? Number(source.version)
        : source.version;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1) values.version = v;
    else errors.version = VERSION_MESSAGE;
  }
  return { values, errors };
}

/** Field errors and the cross-field rules' errors together, in form order. */
export function rotlErrors(step: RotlStep, fieldErrors: FieldErrors, crossField: FieldErrors): FieldErrors {
  const errors = { ...fieldErrors };
  for (const [key, message] of Object.entries(crossField)) errors[key] ??= message;
  return orderErrors(ROTL_STEPS[step].fields, errors);
}

/** A step's body as a zod schema for the API route (each field checked; documented in OpenAPI). */
export function rotlStepInput(step: RotlStep, today: () => string): ZodType<Values> {
  const schema = fieldsJsonSchema(ROTL_STEPS[step].fields);
  const properties = { ...(schema.properties as Values) };
  const required = [...((schema.required as string[] | undefined) ?? [])];
  if (step !== 'application') {
    properties.version = {
      type: 'integer',
      minimum: 1,
      description: 'The ROTL’s version you read; 409 if it changed since',
    };
    required.push('version');
  }
  return z
    .unknown()
    .transform((input, zc) => {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        zc.addIssue({ code: 'custom', message: 'Send a JSON object', path: [] });
        return z.NEVER;
      }
      const { values, errors } = readRotlFields(step, input, today());
      if (!Object.keys(errors).length) return values;
      for (const [field, message] of Object.entries(orderErrors(ROTL_STEPS[step].fields, errors)))
        zc.addIssue({ code: 'custom', message, path: [field] });
      return z.NEVER;
    })
    .meta({ type: 'object', properties, ...(required.length ? { required } : {}) });
}
