import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../db/database.ts';

/**
 * Paging through the access log (the DPO's pages, justified-access reviews): a page of 50, and a
 * count that stops at 100,000, because "more than 100,000 entries" is all a page needs to say and
 * counting millions of rows is not free.
 */
export const AUDIT_PAGE_SIZE = 50;
export const COUNT_CAP = 100_000;
const MAX_PAGE = COUNT_CAP / AUDIT_PAGE_SIZE;

export interface AccessLogPage<T> {
  entries: T[];
  total: number;
  /** True when there are more than COUNT_CAP entries (total is then COUNT_CAP). */
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export function parsePage(raw: unknown): number {
  const page = Number.parseInt(String(raw ?? '1'), 10);
  return Number.isFinite(page) ? Math.max(1, Math.min(MAX_PAGE, page)) : 1;
}

export async function countCapped(
  tx: Tx,
  rows: RawBuilder<unknown>,
): Promise<{ total: number; capped: boolean }> {
  const result = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM (${rows} LIMIT ${COUNT_CAP + 1}) AS capped`.execute(tx);
  const n = Number(result.rows[0]?.n ?? 0);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
