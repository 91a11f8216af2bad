import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';

/** How many months of access-log partitions to keep ready beyond the current one. */
export const PARTITION_MONTHS_AHEAD = 12;

/**
 * Creates the access log's monthly partitions for the current UTC month (by Vigil's clock) and the
 * next `monthsAhead` (migration 0017's `access_log_ensure_partitions`). Run at every start, after the
 * migrations: it does nothing when they exist, so the log never falls back to its DEFAULT partition.
 * Returns how many months it created.
 */
export async function ensureAccessLogPartitions(
  database: Database,
  clock: Clock,
  monthsAhead = PARTITION_MONTHS_AHEAD,
): Promise<number> {
  // The UTC month of Vigil's clock: entries carry its instants, whatever the database server's clock says.
  const currentMonth = clock.now().toISOString().slice(0, 10);
  const result = await database.transaction((tx) =>
    sql<{
      created: number;
    }>`SELECT access_log_ensure_partitions(${currentMonth}::date, ${monthsAhead}::int) AS created`.execute(
      tx,
    ),
  );
  return Number(result.rows[0]?.created ?? 0);
}
