import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';
import { OBLIGATION_KINDS } from '../levels/index.ts';
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

const page = z
  .preprocess(
    blank,
    z.coerce
      .number({ error: 'Page must be a whole number, 1 or more' })
      .int({ error: 'Page must be a whole number, 1 or more' })
      .min(1, { error: 'Page must be a whole number, 1 or more' })
      .max(100_000, { error: 'Page must be a whole number, 1 or more' })
      .optional(),
  )
  .describe('Page number, from 1 (50 rows a page)');

/** The sortable columns: the obligation's due date (default), the person's name, the obligation, category, level. */
export const SORT_KEYS = ['due', 'name', 'obligation', 'category', 'level'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/**
 * Every worklist's query string (pages, CSV and API alike): which list, the filters, the sort and the
 * page. Unknown parameters are ignored; a bad value is a field error.
 */
export const WorklistQuery = z.object({
  list: z
    .preprocess(blank, z.enum(listKeys, { error: 'Choose a list from the menu' }).optional())
    .describe(`Area worklists only. One of: ${listKeys.join(', ')} (default no-level)`),
  due: z
    .preprocess(
      blank,
      z
        .enum(['overdue', 'week', 'month'], {
          error: 'Choose overdue, due within 7 days or due within 30 days',
        })
        .optional(),
    )
    .describe('overdue; week: due in the next 7 days (today included, overdue not); month: the next 30 days'),
  manager: z
    .preprocess(blank, z.uuid({ error: 'Choose a manager from the list' }).optional())
    .describe('A named manager (user id): only the people they manage today'),
  agency: z
    .preprocess(blank, z.uuid({ error: 'Choose an agency from the list' }).optional())
    .describe(
      'A managing agency (agency id): only the people with a named manager of that agency today (Vigil holds no teams or PDUs)',
    ),
  level: z
    .preprocess(blank, z.enum(['1', '2', '3', 'none'], { error: 'Choose a level from the list' }).optional())
    .describe('1, 2, 3, or none (no level set)'),
  category: z
    .preprocess(blank, z.enum(['1', '2', '3', '4'], { error: 'Choose a category from the list' }).optional())
    .describe('MAPPA category 1 to 4'),
  setting: z
    .preprocess(
      blank,
      z.enum(['custody', 'community'], { error: 'Choose in custody or in the community' }).optional(),
    )
    .describe('custody: in custody today; community: not'),
  sort: z
    .preprocess(blank, z.enum(SORT_KEYS, { error: 'Choose a column to sort by' }).optional())
    .describe(`One of: ${SORT_KEYS.join(', ')} (default due; the caseload's default is name)`),
  order: z
    .preprocess(blank, z.enum(['asc', 'desc'], { error: 'Choose ascending or descending' }).optional())
    .describe('asc (default) or desc'),
  page,
});
export type WorklistQueryInput = z.output<typeof WorklistQuery>;

/** A page's query string: anything odd is ignored (the first page, the default list). */
const said = z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().optional());
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

const OwnerView = z.object({
  name: z.string(),
  role: z.string().describe('Their role as the person’s manager'),
  agency: z.string(),
});

export const WorklistRowView = z.object({
  nominalId: z.uuid().describe('The person (GET /api/v1/nominals/{id})'),
  vigilRef: z.string(),
  name: z.string(),
  dateOfBirth: z.iso.date(),
  category: z.number().int().nullable(),
  level: z.number().int().nullable().describe('Null: no level set'),
  inCustody: z.boolean(),
  kind: z
    .enum([...OBLIGATION_KINDS, 'action', 'classification', 'category-3'])
    .describe('The obligation this row is: one row per obligation, so a person may have several'),
  duty: z.string().nullable().describe('For a notification: its kind (initial, periodic, weekly, a change…)'),
  dueOn: z.iso
    .date()
    .nullable()
    .describe('This obligation’s own due date; null when there is no date to work from'),
  reason: z
    .string()
    .nullable()
    .describe('Why this obligation is due (for an overdue action, the action and its owner)'),
  legalBasis: z
    .string()
    .nullable()
    .describe(
      'The statute section or guidance it rests on, e.g. "SOA 2003 s.85(1)", "MAPPA Guidance: level decision"',
    ),
  overdue: z.boolean(),
  owners: z.array(OwnerView).describe('The person’s named managers today'),
  actionId: z
    .uuid()
    .nullable()
    .optional()
    .describe('Only on overdue-action rows: the action (GET /api/v1/actions/{actionId})'),
});

const paged = {
  total: z.number().int().describe('Rows matching the filters, on every page'),
  page: z.number().int(),
  pageSize: z.number().int(),
};

export const MyWorklistView = z.object({
  rows: z.array(WorklistRowView),
  ...paged,
  overdue: z.number().int().describe('Overdue obligations of your caseload (whatever the filters)'),
  dueThisWeek: z.number().int().describe('Obligations due in the next 7 days, today included'),
  overdueActions: z
    .array(WorklistRowView)
    .describe('Actions you own that are open and past their due date, most overdue first'),
});

export const AreaWorklistView = z.object({
  list: z.enum(listKeys),
  lists: z.array(
    z.object({
      key: z.enum(listKeys),
      label: z.string(),
      count: z.number().int().describe('Obligations on the list, with the other filters applied'),
    }),
  ),
  rows: z.array(WorklistRowView),
  ...paged,
});

export const PeopleListView = z.object({ rows: z.array(WorklistRowView), ...paged });
export const Category3CandidatesView = PeopleListView;
export const ClassificationWorklistView = PeopleListView.describe(
  '`reason` says what to record: the offence to classify, or the Schedule 3 fact missing',
);

export const CaseloadView = z.object({
  rows: z.array(
    z.object({
      nominalId: z.uuid(),
      vigilRef: z.string(),
      name: z.string(),
      dateOfBirth: z.iso.date(),
      category: z.number().int().nullable().describe('Null: not eligible for MAPPA'),
      level: z.number().int().nullable().describe('Null: no level set'),
      inCustody: z.boolean(),
      owners: z.array(OwnerView),
    }),
  ),
  ...paged,
});

const nullableDate = z.iso.date().nullable();

export const RuleCorrectionsView = z.object({
  rows: z.array(
    z.object({
      correctionId: z.uuid().describe('POST /api/v1/rule-corrections/{correctionId}/reviewed'),
      nominalId: z.uuid().describe('The person'),
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
      owners: z.array(OwnerView),
    }),
  ),
  ...paged,
});

export const RuleCorrectionReviewedView = z.object({ id: z.uuid(), reviewedAt: z.iso.datetime() });
