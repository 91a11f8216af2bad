import { formatDateLong, parseDateParts } from '../../domain/dates.ts';
import { ValidationError, type FieldErrors } from '../../domain/errors.ts';
import type { Web } from '../../web/types.ts';
import { countsByCategoryAndLevel, multiAgencyKpis, type MultiAgencyKpis } from './use-cases.ts';
import { dateParts } from '../../web/forms.ts';

/**
 * The MAPPA population pages for SMB members, lay advisers, analysts and coordinators: counts
 * by category and level, and the multi-agency KPIs over a period. Counts only; the API gives the
 * same numbers.
 */

type Query = Record<string, string | undefined>;

const PERIOD_FIELDS = [
  { key: 'from', label: 'Start of the period' },
  { key: 'to', label: 'End of the period' },
] as const;

/** The period's two GOV.UK date inputs (`from-day`, …) as ISO dates, with their own messages. */
function periodFromQuery(query: Query): { input: { from?: string; to?: string }; errors: FieldErrors } {
  const input: { from?: string; to?: string } = {};
  const errors: FieldErrors = {};
  for (const { key, label } of PERIOD_FIELDS) {
    const [day, month, year] = (['day', 'month', 'year'] as const).map((part) =>
      String(query[`${key}-${part}`] ?? ''),
    );
    if (!`${day}${month}${year}`.trim()) continue;
    const parsed = parseDateParts(day!, month!, year!, label);
    if (parsed.ok) input[key] = parsed.value;
    else errors[key] = parsed.error;
  }
  return { input, errors };
}

const percent = (p: number | null) => (p === null ? 'None invited' : `${p}%`);

/** Rows for the page's tables and summary lists, worded for a lay reader. */
function presentKpis(kpis: MultiAgencyKpis) {
  const { attendance, disclosure, referrals } = kpis;
  const attendanceRow = (label: string, rate: MultiAgencyKpis['attendance']['dutyToCooperate']) => [
    label,
    rate.invited,
    rate.attended,
    percent(rate.percent),
  ];
  return {
    periodText: `${formatDateLong(kpis.period.from)} to ${formatDateLong(kpis.period.to)}`,
    todayText: formatDateLong(kpis.today),
    attendanceRows: [
      attendanceRow('Responsible Authority (police, probation, prisons)', attendance.responsibleAuthority),
      attendanceRow('Duty-to-co-operate agencies', attendance.dutyToCooperate),
    ],
    disclosureText:
      disclosure.recorded.percent === null
        ? 'No approved minutes in this period'
        : `${disclosure.recorded.percent}% (${disclosure.recorded.count} of ${disclosure.recorded.of})`,
    medianText:
      referrals.medianDaysToDecision === null
        ? 'No referrals decided'
        : `${referrals.medianDaysToDecision} ${referrals.medianDaysToDecision === 1 ? 'day' : 'days'}`,
    reviewPeriodText: `${formatDateLong(referrals.rejectedForReview.from)} to ${formatDateLong(referrals.rejectedForReview.to)}`,
  };
}

export function registerOversight(web: Web): void {
  web.app.get('/oversight', { config: { action: 'aggregates.view' } }, async (request, reply) => {
    const ctx = web.context(request);
    const counts = await countsByCategoryAndLevel(web.database, ctx);
    const cell = (category: number | null, level: number | null) =>
      counts.rows.find((r) => r.category === category && r.level === level)?.count ?? 0;
    const table = [1, 2, 3, 4, null].map((category) => ({
      category,
      levels: [1, 2, 3, null].map((level) => cell(category, level)),
    }));
    const query = (request.query ?? {}) as Query;
    const { input, errors } = periodFromQuery(query);
    const page = { title: 'MAPPA population', counts, table };
    const typed = Object.fromEntries(
      Object.entries(query).filter(([k]) => /^(from|to)-(day|month|year)$/.test(k)),
    );
    const refuse = (fieldErrors: FieldErrors) =>
      reply.code(400).render('oversight/views/counts.njk', {
        ...page,
        values: typed,
        errors: fieldErrors,
        errorList: Object.entries(fieldErrors).map(([key, text]) => ({ text, href: `#${key}-day` })),
      });
    if (Object.keys(errors).length) return refuse(errors);
    try {
      const kpis = await multiAgencyKpis(web.database, ctx, input);
      return reply.render('oversight/views/counts.njk', {
        ...page,
        kpis,
        display: presentKpis(kpis),
        values: { ...dateParts('from', kpis.period.from), ...dateParts('to', kpis.period.to) },
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return refuse(error.fieldErrors);
    }
  });

  web.api.add({
    method: 'GET',
    path: '/oversight/counts',
    action: 'aggregates.view',
    tag: 'Oversight',
    summary: 'Counts of people by MAPPA category and level (no personal data)',
    response: {
      type: 'object',
      properties: {
        scope: { type: 'string' },
        total: { type: 'integer' },
        rows: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              category: { type: ['integer', 'null'] },
              level: { type: ['integer', 'null'] },
              count: { type: 'integer' },
            },
          },
        },
      },
    },
    handler: async (request) => countsByCategoryAndLevel(web.database, web.context(request)),
  });

  web.api.add({
    method: 'GET',
    path: '/oversight/kpis',
    action: 'aggregates.view',
    tag: 'Oversight',
    summary:
      'Multi-agency KPIs over a period: meeting attendance, disclosure recorded, referrals and their ethnic groups beside the MAPPA population (small numbers not shown), reductions with an override, overdue actions and reviews (no personal data)',
    query: {
      from: {
        type: 'string',
        description: 'First day of the period, YYYY-MM-DD (default: 12 months before its end)',
      },
      to: {
        type: 'string',
        description: 'Last day of the period, YYYY-MM-DD, not after today (default: today)',
      },
    },
    response: KPIS_SCHEMA,
    handler: async (request) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? undefined : String(v));
      return multiAgencyKpis(web.database, web.context(request), {
        from: text(query.from),
        to: text(query.to),
      });
    },
  });
}

const integer = { type: 'integer' } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;
const date = { type: 'string', format: 'date' } as const;
const rate = {
  type: 'object',
  description:
    'Agencies invited to the period’s meetings, counted once per meeting; attended includes substitutes',
  properties: { invited: integer, attended: integer, percent: nullableInteger },
} as const;

const KPIS_SCHEMA = {
  type: 'object',
  properties: {
    scope: { type: 'string', description: 'The area code, or England and Wales for a national analyst' },
    period: { type: 'object', properties: { from: date, to: date } },
    today: date,
    attendance: {
      type: 'object',
      properties: { meetings: integer, responsibleAuthority: rate, dutyToCooperate: rate },
    },
    disclosure: {
      type: 'object',
      description:
        'People discussed at the period’s meetings; approved minutes (latest approved version per meeting and person); those recording disclosure considered, yes or no with why',
      properties: {
        discussions: integer,
        approvedMinutes: integer,
        recorded: { type: 'object', properties: { count: integer, of: integer, percent: nullableInteger } },
      },
    },
    referrals: {
      type: 'object',
      description: 'Referrals submitted in the period, and where each stands now',
      properties: {
        submitted: integer,
        accepted: { type: 'object', properties: { level2: integer, level3: integer, total: integer } },
        rejected: integer,
        awaitingScreening: integer,
        medianDaysToDecision: { type: ['number', 'null'] },
        rejectedForReview: {
          type: 'object',
          description: 'Rejections decided in the six months to the end of the period (twice-yearly review)',
          properties: { from: date, to: date, count: integer },
        },
      },
    },
    ethnicity: {
      type: 'object',
      description:
        'Referrals in the period by ONS 2021 ethnic group beside the MAPPA population. Counts below `threshold` (and one more where the total would reveal it) are null.',
      properties: {
        threshold: integer,
        referralsTotal: integer,
        populationTotal: integer,
        rows: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              group: { type: 'string' },
              label: { type: 'string' },
              referrals: nullableInteger,
              referralPercent: nullableInteger,
              population: nullableInteger,
              populationPercent: nullableInteger,
              ratio: { type: ['number', 'null'], description: 'Share of referrals ÷ share of population' },
            },
          },
        },
      },
    },
    levelReductions: { type: 'object', properties: { total: integer, withOverride: integer } },
    actions: { type: 'object', properties: { overdue: integer, overdueSafeguarding: integer } },
    reviewsOverdue: {
      type: 'object',
      properties: { level1: integer, level2: integer, level3: integer, total: integer },
    },
  },
} as const;
