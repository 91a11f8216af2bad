import { z } from 'zod';

/**
 * One zod schema per input of the oversight capability, and the answers' shapes for the OpenAPI
 * document. The period's dates are checked by the KPI rules (domain/kpis.ts), whose messages the
 * page and the API share; the schemas only say what arrives.
 */

/** The API's period: ISO dates, both optional (the default is the 12 months to today). */
export const KpiPeriodQuery = z.object({
  from: z
    .string({ error: 'Enter the start of the period once, in the format 2024-03-01' })
    .optional()
    .describe('First day of the period, YYYY-MM-DD (default: 12 months before its end)'),
  to: z
    .string({ error: 'Enter the end of the period once, in the format 2024-03-01' })
    .optional()
    .describe('Last day of the period, YYYY-MM-DD, not after today (default: today)'),
});

/** A GOV.UK date input's box as the page's query string sends it; a box sent twice reads as both, joined. */
const box = z.preprocess((v) => (Array.isArray(v) ? v.join(',') : v), z.string().optional());

/** The page's period: two GOV.UK date inputs, `from-day`, `from-month`, `from-year`, `to-day`, … */
export const PeriodPageQuery = z.object({
  'from-day': box,
  'from-month': box,
  'from-year': box,
  'to-day': box,
  'to-month': box,
  'to-year': box,
});

// --- Answers ----------------------------------------------------------------------------------

export const CountsView = z.object({
  scope: z.string().describe('The area code, or England and Wales for a national analyst'),
  total: z.number().int(),
  rows: z.array(
    z.object({
      category: z.number().int().nullable(),
      level: z.number().int().nullable(),
      count: z.number().int(),
    }),
  ),
});

const integer = z.number().int();
const nullableInteger = z.number().int().nullable();
const date = z.iso.date();
const rate = z
  .object({ invited: integer, attended: integer, percent: nullableInteger })
  .describe(
    'Agencies invited to the period’s meetings, counted once per meeting; attended includes substitutes',
  );

export const KpisView = z.object({
  scope: z.string().describe('The area code, or England and Wales for a national analyst'),
  period: z.object({ from: date, to: date }),
  today: date,
  attendance: z.object({ meetings: integer, responsibleAuthority: rate, dutyToCooperate: rate }),
  disclosure: z
    .object({
      discussions: integer,
      approvedMinutes: integer,
      recorded: z.object({ count: integer, of: integer, percent: nullableInteger }),
    })
    .describe(
      'People discussed at the period’s meetings; approved minutes (latest approved version per meeting and person); those recording disclosure considered, yes or no with why',
    ),
  referrals: z
    .object({
      submitted: integer,
      accepted: z.object({ level2: integer, level3: integer, total: integer }),
      rejected: integer,
      awaitingScreening: integer,
      medianDaysToDecision: z.number().nullable(),
      rejectedForReview: z
        .object({ from: date, to: date, count: integer })
        .describe('Rejections decided in the six months to the end of the period (twice-yearly review)'),
    })
    .describe('Referrals submitted in the period, and where each stands now'),
  ethnicity: z
    .object({
      threshold: integer,
      referralsTotal: integer,
      populationTotal: integer,
      rows: z.array(
        z.object({
          group: z.string(),
          label: z.string(),
          referrals: nullableInteger,
          referralPercent: nullableInteger,
          population: nullableInteger,
          populationPercent: nullableInteger,
          ratio: z.number().nullable().describe('Share of referrals ÷ share of population'),
        }),
      ),
    })
    .describe(
      'Referrals in the period by ONS 2021 ethnic group beside the MAPPA population. Counts below `threshold` (and one more where the total would reveal it) are null.',
    ),
  levelReductions: z.object({ total: integer, withOverride: integer }),
  actions: z.object({ overdue: integer, overdueSafeguarding: integer }),
  reviewsOverdue: z.object({ level1: integer, level2: integer, level3: integer, total: integer }),
});
