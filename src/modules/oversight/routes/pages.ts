import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { formatDateLong, parseDateParts } from '../../../domain/dates.ts';
import { ValidationError, type FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { dateParts, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { PeriodPageQuery } from '../schemas.ts';
import { countsByCategoryAndLevel, multiAgencyKpis, type MultiAgencyKpis } from '../use-cases.ts';

/**
 * The MAPPA population page for SMB members, lay advisers, analysts and coordinators: counts by
 * category and level, and the multi-agency KPIs over a period chosen with two GOV.UK date inputs.
 */

type PeriodQuery = z.output<typeof PeriodPageQuery>;

const PERIOD_FIELDS = [
  { key: 'from', label: 'Start of the period' },
  { key: 'to', label: 'End of the period' },
] as const;

/** The period's two date inputs as ISO dates, or a ValidationError with each input's own message. */
function periodFromQuery(query: PeriodQuery): { from?: string; to?: string } {
  const input: { from?: string; to?: string } = {};
  const errors: FieldErrors = {};
  for (const { key, label } of PERIOD_FIELDS) {
    const [day, month, year] = (['day', 'month', 'year'] as const).map(
      (part) => query[`${key}-${part}`] ?? '',
    ) as [string, string, string];
    if (!`${day}${month}${year}`.trim()) continue;
    const parsed = parseDateParts(day, month, year, label);
    if (parsed.ok) input[key] = parsed.value;
    else errors[key] = parsed.error;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return input;
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

/** Category (rows) by level (columns), 0 where nobody is. */
function countsTable(counts: Awaited<ReturnType<typeof countsByCategoryAndLevel>>) {
  const cell = (category: number | null, level: number | null) =>
    counts.rows.find((r) => r.category === category && r.level === level)?.count ?? 0;
  return [1, 2, 3, 4, null].map((category) => ({
    category,
    levels: [1, 2, 3, null].map((level) => cell(category, level)),
  }));
}

export const oversightPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/oversight', { config: { action: 'aggregates.view' } }, async (request, reply) => {
      const ctx = web.context(request);
      const counts = await countsByCategoryAndLevel(database, ctx);
      const page = { title: 'MAPPA population', counts, table: countsTable(counts) };
      const query = parseInput(PeriodPageQuery, request.query);
      return handleForm({
        attempt: () => multiAgencyKpis(database, ctx, periodFromQuery(query)),
        done: (kpis) =>
          reply.render('oversight/views/counts.njk', {
            ...page,
            kpis,
            display: presentKpis(kpis),
            values: { ...dateParts('from', kpis.period.from), ...dateParts('to', kpis.period.to) },
          }),
        redisplay: ({ status, errors }) =>
          reply.code(status).render('oversight/views/counts.njk', {
            ...page,
            // What they typed, box by box.
            values: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
            errors,
            errorList: Object.entries(errors).map(([key, text]) => ({ text, href: `#${key}-day` })),
          }),
      });
    });
  };
