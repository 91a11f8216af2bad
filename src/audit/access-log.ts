import type { Actor, RequestOrigin } from '../access/actor.ts';
import type { Tx } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';

export type Operation = Schema['access_log']['operation'];

export interface AccessLogEntry {
  operation: Operation;
  recordType: string;
  recordIds: string[];
  section?: string | undefined;
  purpose?: string | undefined;
}

/**
 * Appends one DPA 2018 s.62 entry inside the caller's transaction: if the log cannot be written the
 * whole use case fails, so nothing is ever done unrecorded.
 */
export async function logAccess(
  tx: Tx,
  actor: Actor,
  origin: RequestOrigin,
  entry: AccessLogEntry,
): Promise<void> {
  await tx
    .insertInto('access_log')
    .values({
      user_id: actor.userId,
      agency_id: actor.agencyId,
      roles: actor.roles,
      operation: entry.operation,
      record_type: entry.recordType,
      record_ids: entry.recordIds,
      section: entry.section ?? null,
      purpose: entry.purpose ?? null,
      source_address: origin.sourceAddress,
      request_id: origin.requestId,
    })
    .execute();
}
