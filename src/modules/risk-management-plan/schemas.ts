import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';
import { PLAN_PARTS } from './versions.ts';

/**
 * One zod schema per input of the risk management plan. A revision is the same input from the edit
 * form and the API (the use case parses it, Fastify enforces it on the API, the OpenAPI document
 * describes it); the rules that need the record (the meeting discussed the person, the version is
 * still current, something changed) are the use case's.
 */

/** What a caller may send: any value for each field (the schema says what is wrong with it). */
type Loose<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

const PART_MAX = 10000;
const CONDITION_MAX = 1000;
const CONDITIONS_MAX = 100;
const REASON_MAX = 2000;

/** Text as typed: Windows line ends made plain, trimmed. */
const typed = (v: string) => v.replace(/\r\n/g, '\n').trim();

/** The conditions as given: a list of lines (blank lines dropped), or null when not a list. */
export function conditionsOf(v: unknown): string[] | null {
  if (v === undefined || v === null || v === '') return [];
  const lines = Array.isArray(v) ? v : typeof v === 'string' ? v.split('\n') : null;
  if (!lines || lines.some((l) => typeof l !== 'string')) return null;
  return (lines as string[]).map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '');
}

const EXPECTED_VERSION = 'Reload the plan: the version you started from is missing';
const CONDITIONS_TEXT = 'Enter each condition as a line of text';

const part = (label: string, hint: string) =>
  z
    .preprocess(
      (v) => (v === undefined || v === null ? '' : typeof v === 'string' ? typed(v) : v),
      z
        .string({ error: `${label} must be text` })
        .max(PART_MAX, { error: `${label} must be ${PART_MAX} characters or fewer` })
        .refine((v) => !v.includes('\0'), { error: `${label} must not contain a NUL character` }),
    )
    .default('')
    .describe(`${hint} Blank when omitted.`);

const parts = Object.fromEntries(PLAN_PARTS.map((p) => [p.key, part(p.label, p.hint)])) as Record<
  (typeof PLAN_PARTS)[number]['key'],
  ReturnType<typeof part>
>;

export const PlanRevision = z.object({
  expectedVersion: z
    .preprocess(
      (v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v),
      z
        .number({ error: EXPECTED_VERSION })
        .int({ error: EXPECTED_VERSION })
        .min(0, { error: EXPECTED_VERSION }),
    )
    .describe('The version you started from (0 when there is no plan yet)'),
  ...parts,
  conditions: z
    .preprocess(
      // Not a list of lines: refused as a whole, never line by line.
      (v) => conditionsOf(v) ?? false,
      z
        .array(z.string(), { error: CONDITIONS_TEXT })
        .max(CONDITIONS_MAX, { error: `Enter ${CONDITIONS_MAX} conditions or fewer` })
        .refine((lines) => lines.every((l) => l.length <= CONDITION_MAX), {
          error: `Each condition must be ${CONDITION_MAX} characters or fewer`,
        }),
    )
    .default([])
    .describe(
      'The full list of current licence or order conditions (replaces the previous list); a form may send them as lines of text',
    ),
  reason: z
    .preprocess(
      (v) => (typeof v === 'string' ? typed(v) : ''),
      z
        .string()
        .min(1, { error: 'Enter why the plan is changing' })
        .max(REASON_MAX, { error: `Reason must be ${REASON_MAX} characters or fewer` })
        .refine((v) => !v.includes('\0'), { error: 'Reason must not contain a NUL character' }),
    )
    .describe('Why the plan is changing'),
  meetingId: z
    .preprocess(
      (v) => (v === undefined || v === null || v === '' ? null : v),
      z.string({ error: 'Select a meeting that discussed this person' }).nullable(),
    )
    .default(null)
    .describe('The meeting that decided the change (it must include this person)'),
});
export type PlanRevisionInput = Loose<typeof PlanRevision>;

export const NominalParams = z.object({ id: pathId });
/** Page addresses: a bad value is ignored, never an error page. */
export const PlanPageQuery = z.object({ saved: z.string().optional().catch(undefined) });
export const EditPageQuery = z.object({
  meeting: z.string().optional().catch(undefined).describe('Revising the plan at this meeting'),
});

const Meeting = z.object({ id: z.uuid(), startsAt: z.iso.datetime(), level: z.number().int() });

export const PlanView = z.object({
  version: z.number().int(),
  ...Object.fromEntries(PLAN_PARTS.map((p) => [p.key, z.string().describe(p.hint)])),
  conditions: z.array(z.string()).describe('The full list of current licence or order conditions'),
  reason: z.string().describe('Why this version was written'),
  changedAt: z.iso.datetime(),
  changedByName: z.string(),
  meetingId: z.uuid().nullable(),
});

export const PlanVersionView = PlanView.extend({
  changes: z
    .array(z.object({ label: z.string(), before: z.string(), after: z.string() }))
    .describe('What this version changed from the one before'),
  meeting: Meeting.nullable(),
});
