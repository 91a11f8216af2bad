import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import type { Database } from '../../db/database.ts';

/**
 * Counts for oversight (SMB members, lay advisers, analysts): numbers only, never a name, a date of
 * birth or an address, so nothing here is personal data and nothing is logged as consulted.
 */
export async function countsByCategoryAndLevel(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'aggregates.view');
  // National analysts see every area; everyone else sees their own.
  const national = ctx.actor.roles.includes('national_analyst');
  return database.transaction(async (tx) => {
    const rows = await sql<{ category: number | null; level: number | null; count: number }>`
      SELECT mappa_category AS category, mappa_level AS level, count(*)::int AS count
      FROM nominals
      WHERE ${national ? sql`true` : sql`area_code = ${ctx.actor.areaCode}`}
      GROUP BY mappa_category, mappa_level
      ORDER BY mappa_category NULLS LAST, mappa_level NULLS LAST`.execute(tx);
    const total = rows.rows.reduce((sum, r) => sum + r.count, 0);
    return { scope: national ? 'England and Wales' : ctx.actor.areaCode, total, rows: rows.rows };
  });
}
