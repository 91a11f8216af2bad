import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';

/** What other capabilities may know of a user: name and agency (for "who did it" and owners). */
export interface UserSummaryRow {
  id: string;
  displayName: string;
  email: string;
  agencyId: string;
  areaCode: string;
  active: boolean;
}

/** A user by their email address, whatever its case (disabled users included, with `active` false). */
export async function userByEmail(db: Db | Tx, email: string): Promise<UserSummaryRow | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'agency_id', 'area_code', 'disabled_at'])
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .executeTakeFirst();
  return row ? summaryOf(row) : undefined;
}

const summaryOf = (r: {
  id: string;
  display_name: string;
  email: string;
  agency_id: string;
  area_code: string;
  disabled_at: Date | null;
}): UserSummaryRow => ({
  id: r.id,
  displayName: r.display_name,
  email: r.email,
  agencyId: r.agency_id,
  areaCode: r.area_code,
  active: r.disabled_at === null,
});

/** Users by id, for labels and checks (disabled users are included, with `active` false). */
export async function usersByIds(
  db: Db | Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, UserSummaryRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'agency_id', 'area_code', 'disabled_at'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, summaryOf(r)]));
}
