import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';
import { AREA_LISTS, type AreaListKey } from './lists.ts';

/**
 * One zod schema per input of the worklists: the area list's query, and a Category 3 consideration
 * (the form and the JSON are the same object). The use case parses with the same schema.
 */

/** Forms and query strings send "" for an untouched field: that is "not given". */
const blank = (v: unknown) => (v === '' ? undefined : v);
const listKeys = AREA_LISTS.map((l) => l.key) as [AreaListKey, ...AreaListKey[]];

export const NominalParams = z.object({ id: pathId });
export const RuleCorrectionParams = z.object({ correctionId: pathId });

export const AreaWorklistQuery = z.object({
  list: z
    .preprocess(blank, z.enum(listKeys, { error: 'Choose a list from the menu' }).optional())
    .describe(`One of: ${listKeys.join(', ')} (default no-level)`),
  page: z
    .preprocess(
      blank,
      z.coerce
        .number({ error: 'Page must be a whole number, 1 or more' })
        .int({ error: 'Page must be a whole number, 1 or more' })
        .min(1, { error: 'Page must be a whole number, 1 or more' })
        .optional(),
    )
    .describe('Page number, from 1'),
});

/** A page's query string: anything odd is ignored (the first page, the default list). */
const said = z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().optional());
export const AreaWorklistPageQuery = z.object({ list: said, page: said });
export const Category3PageQuery = z.object({ considered: said });
export const RuleCorrectionsPageQuery = z.object({ reviewed: said });

export const Category3ConsiderationInput = z.object({
  outcome: z.enum(['refer', 'not_needed'], { error: 'Select whether to refer or not' }),
  reason: z
    .string({ error: 'Give the reason for the decision (at least 10 characters)' })
    .trim()
    .min(10, { error: 'Give the reason for the decision (at least 10 characters)' })
    .max(4000, { error: 'Reason must be 4000 characters or fewer' })
    .refine((v) => !v.includes('\0'), { error: 'Reason must not contain a NUL character' }),
});

export const WorklistRowView = z.object({
  id: z.uuid(),
  vigilRef: z.string(),
  name: z.string(),
  dateOfBirth: z.iso.date(),
  category: z.number().int().nullable(),
  level: z.number().int().nullable().describe('Null: no level set'),
  dueOn: z.iso
    .date()
    .nullable()
    .describe('Level decision (no level yet), else the next review or registration'),
  basis: z
    .string()
    .nullable()
    .describe('Which rule made it due; for an overdue action, the action and its owner'),
  overdue: z.boolean(),
  actionId: z
    .uuid()
    .nullable()
    .optional()
    .describe('Only on overdue-action rows: the action (GET /api/v1/actions/{actionId})'),
});

export const MyWorklistView = z.object({
  rows: z.array(WorklistRowView),
  overdue: z.number().int(),
  overdueActions: z
    .array(WorklistRowView)
    .describe('Actions you own that are open and past their due date, most overdue first'),
});

export const AreaWorklistView = z.object({
  list: z.enum(listKeys),
  lists: z.array(z.object({ key: z.enum(listKeys), label: z.string(), count: z.number().int() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(WorklistRowView),
});

export const Category3CandidatesView = z.object({ rows: z.array(WorklistRowView) });

export const ClassificationWorklistView = z.object({
  rows: z
    .array(WorklistRowView)
    .describe('`basis` says what to record: the offence to classify, or the Schedule 3 fact missing'),
});

const nullableDate = z.iso.date().nullable();

export const RuleCorrectionsView = z.object({
  rows: z.array(
    z.object({
      correctionId: z.uuid().describe('POST /api/v1/rule-corrections/{correctionId}/reviewed'),
      id: z.uuid().describe('The person'),
      vigilRef: z.string(),
      name: z.string(),
      dateOfBirth: z.iso.date(),
      oldCategory: z.number().int().nullable().describe('Null: not eligible'),
      newCategory: z.number().int().nullable(),
      oldEndsOn: nullableDate.describe('Null: no fixed end (or not eligible)'),
      newEndsOn: nullableDate,
      oldReason: z.string().nullable(),
      newReason: z.string().nullable(),
      newBasis: z.string().nullable().describe('The statute section the new answer rests on'),
      detectedOn: z.iso.date(),
    }),
  ),
});

export const RuleCorrectionReviewedView = z.object({ id: z.uuid(), reviewedAt: z.iso.datetime() });
