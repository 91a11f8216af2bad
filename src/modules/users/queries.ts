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

// --- for meetings ---

/** The active users of some agencies, by name: who may be named as an action's owner. */
export async function activeUsersOfAgencies(
  db: Db | Tx,
  agencyIds: readonly string[],
): Promise<{ id: string; displayName: string; agencyId: string }[]> {
  if (!agencyIds.length) return [];
  return db
    .selectFrom('users')
    .select(['id', 'display_name as displayName', 'agency_id as agencyId'])
    .where('agency_id', 'in', [...agencyIds])
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute();
}
// --- for nominals ---

/**
 * Users by email address, whatever its case (a manager named on a record is typed by email): the
 * map's keys are the addresses lower-cased. A probe of the unique index on lower(email).
 */
export async function usersByEmails(
  db: Db | Tx,
  emails: readonly string[],
): Promise<Map<string, UserSummaryRow>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn<string>('lower', ['email']), 'in', wanted))
    .execute();
  const users = await usersByIds(
    db,
    rows.map((r) => r.id),
  );
  return new Map([...users.values()].map((u) => [u.email.toLowerCase(), u]));
}
