import { z, type ZodType } from 'zod';
import { checkFields, fieldsJsonSchema, orderErrors } from '../../validation/fields.ts';
import { pathId } from '../../validation/parse.ts';
import { CUSTODY_STEPS, checkStep, type CustodyStep } from './fields.ts';

/**
 * One schema per input of the custody record: each step's fields (fields.ts) checked one by one,
 * then across fields, every problem reported at once in form order. The same schema is the API
 * body, parses the page's form and is what the use case parses. `today` is asked at each parse.
 */

type Values = Record<string, unknown>;
export type Today = () => string;

export const NominalParams = z.object({ id: pathId });
export const EpisodeParams = z.object({ id: pathId, episodeId: pathId });
export const StepPageParams = EpisodeParams.extend({ step: z.string() });

const VERSION_MESSAGE = 'Send the version you read, as a whole number';

/** Every field's problem and the rules across fields; the values once there are none. */
export function readStep(step: CustodyStep, input: unknown, today: string, versioned: boolean) {
  const source = (
    typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}
  ) as Values;
  const fields = CUSTODY_STEPS[step].fields;
  const { values, errors } = checkFields(fields, source, today);
  for (const [key, message] of Object.entries(checkStep(step, values))) errors[key] ??= message;
  const ordered = orderErrors(fields, errors);
  if (versioned) {
    const v =
      typeof source.version === 'string' && /^\d+$/.test(source.version)
        ? Number(source.version)
        : source.version;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1) values.version = v;
    else ordered.version ??= VERSION_MESSAGE;
  }
  return { values, errors: ordered };
}

/** A step's input as a zod schema for the API route (validated by Fastify, documented in OpenAPI). */
export function stepInput(step: CustodyStep, today: Today, versioned: boolean): ZodType<Values> {
  const schema = fieldsJsonSchema(CUSTODY_STEPS[step].fields);
  const properties = { ...(schema.properties as Values) };
  const required = [...((schema.required as string[] | undefined) ?? [])];
  if (versioned) {
    properties.version = {
      type: 'integer',
      minimum: 1,
      description: 'The episode’s version you read; 409 if it changed since',
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
      const { values, errors } = readStep(step, input, today(), versioned);
      if (!Object.keys(errors).length) return values;
      for (const [field, message] of Object.entries(errors))
        zc.addIssue({ code: 'custom', message, path: [field] });
      return z.NEVER;
    })
    .meta({ type: 'object', properties, ...(required.length ? { required } : {}) });
}

const day = z.iso.date().nullable();
const named = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const EpisodeView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  establishment: named,
  receivedOn: z.iso.date(),
  recall: z.boolean(),
  securityCategory: z.string().nullable().describe('Its label, e.g. "Category C"'),
  dates: z.record(z.string(), day).describe('The sentence dates by field key (conditionalReleaseDate, …)'),
  earliestRelease: z.object({ date: z.iso.date(), label: z.string() }).nullable(),
  pom: z.object({ id: z.uuid(), name: z.string(), allocatedOn: day }).nullable(),
  com: z.object({ id: z.uuid(), name: z.string(), allocatedOn: day }).nullable(),
  handover: z.object({ on: z.iso.date(), threeWay: z.boolean().nullable() }).nullable(),
  released: z.object({ on: z.iso.date(), type: z.string() }).nullable(),
  moves: z.array(
    z.object({ from: z.string(), to: z.string(), movedOn: z.iso.date(), reason: z.string().nullable() }),
  ),
  allocation: z
    .array(
      z.object({
        kind: z.enum(['pom_allocation', 'com_allocation', 'handover']),
        dueOn: day,
        doneOn: day,
        late: z.boolean(),
        basis: z.string(),
      }),
    )
    .describe('OMiC: POM within the area’s days of reception; COM and handover by the handover date'),
  checklist: z.array(
    z.object({
      item: z.string(),
      label: z.string(),
      status: z.enum(['done', 'missing', 'not_needed']),
      detail: z.string(),
    }),
  ),
});
export type EpisodeView = z.infer<typeof EpisodeView>;

export const CustodyView = z.object({
  episodes: z.array(EpisodeView).describe('Newest first; at most one is open (not released)'),
  mayEdit: z.boolean(),
});

export const StepResult = z.object({ id: z.uuid(), version: z.number().int() });

export const CustodySettingsInput = z.object({
  handoverMonthsBeforeRelease: z.coerce
    .number({ error: 'Enter the handover months as a number, like 8.5' })
    .min(1, { error: 'Handover must be at least 1 month before release' })
    .max(24, { error: 'Handover must be at most 24 months before release' })
    .refine((v) => Number.isInteger(v * 2), { error: 'Enter whole or half months, like 8 or 8.5' }),
  pomAllocationDays: z.coerce
    .number({ error: 'Enter the POM allocation days as a whole number' })
    .int({ error: 'Enter the POM allocation days as a whole number' })
    .min(1, { error: 'POM allocation must be at least 1 day' })
    .max(90, { error: 'POM allocation must be at most 90 days' }),
  version: z.coerce.number().int().min(0).describe('The settings’ version you read (0 when never saved)'),
});

export const CustodySettingsView = z.object({
  areaCode: z.string(),
  handoverMonthsBeforeRelease: z.number(),
  pomAllocationDays: z.number().int(),
  version: z.number().int(),
});

export const WorklistRow = z.object({
  nominalId: z.uuid(),
  name: z.string(),
  episodeId: z.uuid(),
  establishment: z.string(),
  kind: z
    .string()
    .describe(
      'pom_allocation, com_allocation, handover, a missing pre-release check (its item code), rotl_decision, address_check (a release or HDC address decision due), irmm_action (overdue), and, to the security compartment only, monitoring_review and monitoring_flag',
    ),
  reason: z.string(),
  dueOn: day,
  late: z.boolean(),
});
export const CustodyWorklist = z.object({ rows: z.array(WorklistRow), total: z.number().int() });
