import { z } from 'zod';
import { parseDateParts, parseIsoDate } from '../../domain/dates.ts';

/**
 * One schema per input of the search: the query string of the search page and of
 * `GET /api/v1/search` is the same input, checked by this schema (by Fastify on the API, by the use
 * case for the page) and documented from it.
 */

const Q_MESSAGE = 'Enter a name or identifier (at least 2 characters)';
const REASON_MESSAGE = 'Give your reason for searching other areas (at least 10 characters)';
/**
 * A date of birth: YYYY-MM-DD from the API, or the page's GOV.UK date input as its three boxes joined
 * year-month-day (SearchForm), read as people type them ("3", "feb", "1980") with the design
 * system's messages.
 */
function parseDateOfBirth(value: string) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return parseIsoDate(value, 'Date of birth');
  const parts = value.split('-');
  if (parts.length !== 3) return parseIsoDate(value, 'Date of birth');
  const [year, month, day] = parts as [string, string, string];
  return parseDateParts(day, month, year, 'Date of birth');
}

const yes = (v: unknown) => v === true || v === 'true' || v === 'yes';

export const SearchQuery = z
  .object({
    q: z
      .string({ error: Q_MESSAGE })
      .transform((v) => v.trim().replace(/\s+/g, ' '))
      .pipe(
        z.string().min(2, { error: Q_MESSAGE }).max(100, { error: 'Search must be 100 characters or fewer' }),
      )
      .describe('A name, or a PNC ID, CRO number, prison number, CRN or Vigil reference'),
    dateOfBirth: z
      .string()
      .nullish()
      .transform((v, zc) => {
        if (!v?.trim()) return null;
        const parsed = parseDateOfBirth(v.trim());
        if (parsed.ok) return parsed.value;
        zc.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      })
      .describe('YYYY-MM-DD'),
    area: z
      .string()
      .nullish()
      .transform((v, zc) => {
        if (!v) return null;
        if (/^[A-Z]{3}$/.test(v)) return v;
        zc.addIssue({ code: 'custom', message: 'Select an area from the list' });
        return z.NEVER;
      })
      .describe('MAPPA area code, e.g. AVS'),
    page: z
      .preprocess(
        (v) => Math.max(1, Math.min(500, Number.parseInt(String(v ?? '1'), 10) || 1)),
        z.number().int().min(1).max(500),
      )
      .default(1)
      .describe('Page number, from 1 (at most 500)'),
    allAreas: z
      .preprocess(yes, z.boolean())
      .default(false)
      .describe(
        'Search every area (people whose roles allow justified access only: never an API token); needs `reason`',
      ),
    reason: z
      .string()
      .nullish()
      .transform((v) => v?.trim() ?? '')
      .pipe(z.string().max(500, { error: 'Reason must be 500 characters or fewer' }))
      .describe('Why you are searching outside your scope (logged and reviewed)'),
  })
  // Checked even when other fields are wrong, so every problem is reported at once.
  .refine((v) => !(yes(v.allAreas) && String(v.reason ?? '').trim().length < 10), {
    path: ['reason'],
    error: REASON_MESSAGE,
    when: () => true,
  })
  .transform(({ reason, ...search }) => ({ ...search, reason: search.allAreas ? reason : null }));

export type Search = z.output<typeof SearchQuery>;

/** The search form as typed, to show it again with its results or its errors. */
const typed = z.string().catch('').default('');
const DATE_OF_BIRTH_BOXES = ['dateOfBirth-year', 'dateOfBirth-month', 'dateOfBirth-day'] as const;
/** The page's date of birth, typed in a GOV.UK date input, as the one value the search takes. */
function joinDateOfBirth(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  const boxes = DATE_OF_BIRTH_BOXES.map((key) => {
    const v = (query as Record<string, unknown>)[key];
    return typeof v === 'string' ? v.trim().replaceAll('-', ' ') : '';
  });
  return boxes.some(Boolean) ? { ...query, dateOfBirth: boxes.join('-') } : query;
}
export const SearchForm = z.preprocess(
  joinDateOfBirth,
  z.object({
    q: typed,
    dateOfBirth: typed,
    area: typed,
    /** The one area control: "mine", "other" (with `area`) or "all". */
    areaChoice: typed,
    // Links made before the one control ("include people managed outside my area").
    allAreas: typed,
    reason: typed,
    page: typed,
  }),
);

export const SearchResults = z.object({
  query: z.object({
    q: z.string(),
    dateOfBirth: z.iso.date().nullable(),
    area: z.string().nullable(),
    page: z.number().int(),
    allAreas: z.boolean(),
  }),
  matchedIdentifier: z
    .object({ type: z.string(), value: z.string() })
    .nullable()
    .describe('Set when the search was an identifier, matched exactly'),
  total: z.number().int(),
  totalIsEstimate: z
    .boolean()
    .describe(
      'True when people matching only one of the names typed were capped: total is then "about" (every person matching both names is always counted)',
    ),
  page: z.number().int(),
  pageSize: z.number().int(),
  results: z.array(
    z.object({
      id: z.uuid(),
      vigilRef: z.string(),
      name: z.string(),
      matchedAlias: z.string().nullable(),
      dateOfBirth: z.iso.date(),
      areaCode: z.string(),
      areaName: z.string(),
      mappaCategory: z.number().int().nullable(),
      mappaLevel: z.number().int().nullable(),
      score: z.number(),
      town: z.string().nullable().describe('Town of the current home address (null outside your scope)'),
      pnc: z.string().nullable().describe('PNC ID (null outside your scope)'),
      managers: z
        .array(
          z.object({ name: z.string(), agencyName: z.string(), role: z.string(), roleLabel: z.string() }),
        )
        .describe('Current named managers (empty outside your scope)'),
      inScope: z
        .boolean()
        .describe(
          'False: outside your scope; a person may open it with POST /nominals/{id}/justified-access (a token may not)',
        ),
    }),
  ),
});
