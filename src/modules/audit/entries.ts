import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { agenciesByIds } from '../reference/index.ts';
import { isUuid } from '../../validation/fields.ts';
import { usersByIds } from '../users/index.ts';
import type { AccessLogRow } from './csv.ts';

/** An access-log entry's own columns, as the queries of this capability select them (`l` is access_log). */
export interface EntryRow {
  seq: number;
  at: string;
  user_id: string | null;
  agency_id: string | null;
  roles: string[] | null;
  service_account_id: string | null;
  operation: string;
  record_type: string;
  record_ids: string[] | null;
  section: string | null;
  purpose: string | null;
  recipients: string[] | null;
  source_address: string | null;
  request_id: string | null;
}

export const ENTRY_COLUMNS = sql`
  l.id AS seq, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  l.user_id::text AS user_id, l.agency_id::text AS agency_id, l.roles,
  l.service_account_id::text AS service_account_id, l.operation, l.record_type, l.record_ids::text[] AS record_ids,
  l.section, l.purpose, l.recipients, l.source_address, l.request_id`;

/**
 * Entries as the DPO reads them: who (name and email, from users) and for which agency (from
 * reference data), looked up once for all the entries, however many. A user or agency that cannot
 * be found is shown as nobody (null), as the outer join this replaces showed it.
 */
export async function labelEntries(tx: Tx, rows: readonly EntryRow[]): Promise<AccessLogRow[]> {
  // A disclosure's recipients are users or agencies by id, or named in words (an export's requester).
  const recipientIds = rows.flatMap((r) => (r.recipients ?? []).filter(isUuid));
  const users = await usersByIds(tx, [...rows.map((r) => r.user_id), ...recipientIds]);
  const agencies = await agenciesByIds(tx, [
    ...rows.map((r) => r.agency_id),
    ...recipientIds,
    ...recipientIds.map((id) => users.get(id)?.agencyId),
  ]);
  const recipientName = (recipient: string) => {
    if (!isUuid(recipient)) return recipient;
    const user = users.get(recipient);
    if (user) return `${user.displayName} (${agencies.get(user.agencyId)?.name ?? 'agency not known'})`;
    return agencies.get(recipient)?.name ?? 'A recipient no longer listed';
  };
  return rows.map((r) => {
    const user = r.user_id ? users.get(r.user_id) : undefined;
    return {
      seq: Number(r.seq),
      at: r.at,
      userId: r.user_id,
      userName: user?.displayName ?? null,
      userEmail: user?.email ?? null,
      agencyName: (r.agency_id ? agencies.get(r.agency_id)?.name : undefined) ?? null,
      roles: r.roles ?? [],
      serviceAccountId: r.service_account_id,
      operation: r.operation,
      recordType: r.record_type,
      recordIds: r.record_ids ?? [],
      section: r.section,
      purpose: r.purpose,
      recipients: r.recipients ?? [],
      recipientNames: (r.recipients ?? []).map(recipientName),
      sourceAddress: r.source_address,
      requestId: r.request_id,
    };
  });
}
