import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UseCaseContext } from '../../../access/actor.ts';
import { logDownload } from '../../../audit/access-log.ts';
import { MAPPA_CATEGORY } from '../../../domain/codes.ts';
import { formatDateLong } from '../../../domain/dates.ts';
import { ValidationError, type FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import type { Web } from '../../../web/types.ts';
import {
  obligationLabel,
  ownersText,
  worklistCsv,
  type Owner,
  type Paged,
  type RuleCorrectionRow,
  type WorklistRow,
} from '../rows.ts';
import { WorklistQuery, type SortKey, type WorklistQueryInput } from '../schemas.ts';
import { worklistFilterOptions } from '../use-cases.ts';

/**
 * What every worklist page shares: the rows as shown, the MoJ sortable headings, GOV.UK
 * pagination, the filter form's choices, the query as parsed (errors shown, not obeyed) and the
 * CSV download, logged as a disclosure.
 */

const categoryText = (c: number | null) => (c === null ? 'Not eligible' : `Category ${c}`);
const endText = (c: number | null, endsOn: string | null) =>
  c === null ? '' : endsOn ? `until ${formatDateLong(endsOn)}` : 'with no fixed end date';

/** A rule correction as the page shows it: "Category 2 until 1 June 2028 → Category 1 with no fixed end date". */
export function presentCorrection(row: RuleCorrectionRow) {
  return {
    ...row,
    was: `${categoryText(row.oldCategory)} ${endText(row.oldCategory, row.oldEndsOn)}`.trim(),
    now: `${categoryText(row.newCategory)} ${endText(row.newCategory, row.newEndsOn)}`.trim(),
    ownersText: ownersText(row.owners),
  };
}

/** A row as a page shows it: labels for the category and the obligation, owners as text. */
export function presentRow(row: WorklistRow) {
  return {
    ...row,
    categoryLabel: row.category
      ? (MAPPA_CATEGORY.find((c) => c.code === row.category)?.label ?? `Category ${row.category}`)
      : 'Not eligible',
    obligation: obligationLabel(row),
    owners: row.owners.map((o: Owner) => `${o.name}, ${o.role}${o.agency ? ` (${o.agency})` : ''}`),
  };
}

/**
 * A worklist downloaded as CSV leaves Vigil's control, like a PDF: logged as a disclosure of every
 * person in it to the person downloading it, before the file is sent.
 */
export async function sendCsv(
  web: Web,
  ctx: UseCaseContext,
  reply: FastifyReply,
  download: { filename: string; document: string; ids: readonly string[]; body: string },
) {
  await logDownload(web.database, ctx, {
    recordType: 'nominal',
    recordIds: [...new Set(download.ids)],
    document: download.document,
    format: 'CSV',
  });
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${download.filename}"`)
    .send(`${download.body}\r\n`);
}

/** Rows as a CSV download. */
export const rowsCsv = (rows: readonly WorklistRow[], filename: string, document: string) => ({
  filename,
  document,
  ids: rows.map((r) => r.nominalId),
  body: worklistCsv(rows),
});

/** GOV.UK pagination: first, last and two either side of the current page, with gaps marked. */
export function pagination(current: number, pages: number, link: (page: number) => string) {
  if (pages <= 1) return false;
  return {
    previous: current > 1 ? { href: link(current - 1) } : undefined,
    next: current < pages ? { href: link(current + 1) } : undefined,
    items: Array.from({ length: pages }, (_, i) => i + 1)
      .filter((p) => p === 1 || p === pages || Math.abs(p - current) <= 2)
      .flatMap((p, i, shown) => [
        ...(i > 0 && p - shown[i - 1]! > 1 ? [{ ellipsis: true }] : []),
        { number: p, href: link(p), current: p === current },
      ]),
  };
}

/** A page's query: parsed by the one schema; a bad value is shown in an error summary and the list shown unfiltered. */
export function readQuery(request: FastifyRequest): { query: WorklistQueryInput; errors: FieldErrors } {
  try {
    return { query: parseInput(WorklistQuery, request.query ?? {}), errors: {} };
  } catch (error) {
    if (error instanceof ValidationError) return { query: {}, errors: error.fieldErrors };
    throw error;
  }
}

/** The query as a query string (only what was given), with some parameters changed. */
export function href(
  path: string,
  query: WorklistQueryInput,
  change: Partial<Record<keyof WorklistQueryInput, string | undefined>>,
) {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...query, ...change };
  for (const key of [
    'list',
    'due',
    'manager',
    'agency',
    'level',
    'category',
    'setting',
    'sort',
    'order',
    'page',
  ]) {
    const value = merged[key];
    if (value !== undefined && value !== '' && !(key === 'page' && String(value) === '1'))
      params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The MoJ sortable table, server side: each sortable heading is a link that sorts by its column
 * (ascending first, then the other way), and the sorted column says so with aria-sort. Works
 * without JavaScript.
 */
export function sortHeadings(path: string, query: WorklistQueryInput, defaultSort: SortKey) {
  const sort = query.sort ?? defaultSort;
  const order = query.order ?? 'asc';
  const heading = (key: SortKey, text: string) => {
    const current = sort === key;
    const next = current && order === 'asc' ? 'desc' : 'asc';
    return {
      text,
      href: href(path, query, { sort: key, order: next, page: undefined }),
      ariaSort: current ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
    };
  };
  return {
    name: heading('name', 'Name'),
    obligation: heading('obligation', 'Obligation'),
    due: heading('due', 'Due'),
    category: heading('category', 'Category'),
    level: heading('level', 'Level'),
  };
}

const select = (
  items: readonly { value: string; text: string }[],
  chosen: string | undefined,
  any: string,
) => [
  { value: '', text: any, selected: chosen === undefined },
  ...items.map((i) => ({ ...i, selected: i.value === chosen })),
];

/** The filter form's choices, with what is chosen. */
async function filters(
  web: Web,
  ctx: UseCaseContext,
  query: WorklistQueryInput,
  options: { due: boolean; managers: boolean },
) {
  const { managers, agencies } = await worklistFilterOptions(web.database, ctx);
  return {
    due: options.due
      ? select(
          [
            { value: 'overdue', text: 'Overdue' },
            { value: 'week', text: 'Due within 7 days' },
            { value: 'month', text: 'Due within 30 days' },
          ],
          query.due,
          'Any time',
        )
      : null,
    manager: options.managers
      ? select(
          managers.map((m) => ({ value: m.id, text: m.name })),
          query.manager,
          'Any manager',
        )
      : null,
    agency: select(
      agencies.map((a) => ({ value: a.id, text: a.name })),
      query.agency,
      'Any agency',
    ),
    level: select(
      [
        { value: '1', text: 'Level 1' },
        { value: '2', text: 'Level 2' },
        { value: '3', text: 'Level 3' },
        { value: 'none', text: 'No level set' },
      ],
      query.level,
      'Any level',
    ),
    category: select(
      [1, 2, 3, 4].map((c) => ({ value: String(c), text: `Category ${c}` })),
      query.category,
      'Any category',
    ),
    setting: select(
      [
        { value: 'custody', text: 'In custody' },
        { value: 'community', text: 'In the community' },
      ],
      query.setting,
      'Custody or community',
    ),
    list: query.list,
    sort: query.sort,
    order: query.order,
    active: Boolean(
      query.due || query.manager || query.agency || query.level || query.category || query.setting,
    ),
  };
}

/** What every paged list's template needs: rows, headings, pagination, totals, the filter form and errors. */
export async function listView(
  web: Web,
  ctx: UseCaseContext,
  path: string,
  query: WorklistQueryInput,
  errors: FieldErrors,
  page: Paged<WorklistRow>,
  options: { defaultSort: SortKey; due: boolean; managers: boolean },
) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return {
    rows: page.rows.map(presentRow),
    total: page.total,
    from: page.total ? (page.page - 1) * page.pageSize + 1 : 0,
    to: (page.page - 1) * page.pageSize + page.rows.length,
    pagination: pagination(page.page, pages, (p) => href(path, query, { page: String(p) })),
    headings: sortHeadings(path, query, options.defaultSort),
    filters: await filters(web, ctx, query, options),
    action: path,
    clearHref: href(path, { list: query.list }, {}),
    csvHref: href(`${path}.csv`, { ...query, page: undefined }, {}),
    errors,
    errorList: Object.entries(errors).map(([key, text]) => ({ text, href: `#filter-${key}` })),
  };
}
