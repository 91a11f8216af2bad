import type { Generated, Kysely, Transaction } from 'kysely';
import type { UseCaseContext } from '../access/actor.ts';
import type { Database, Db, Tx } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';

export type Operation = Schema['access_log']['operation'];

export const OPERATIONS: readonly Operation[] = [
  'collection',
  'alteration',
  'consultation',
  'disclosure',
  'combination',
  'erasure',
];

export interface AccessLogEntry {
  operation: Operation;
  recordType: string;
  recordIds: string[];
  section?: string | undefined;
  purpose?: string | undefined;
  /** Who received the data: required in spirit for a disclosure (DPA 2018 s.62(3)(b)). */
  recipients?: readonly string[] | undefined;
}

/**
 * The access-log tables as migration 0006 made them. `src/db/schema.ts` still describes 0003's
 * `access_log`; until it catches up, the audit code reads and writes through `auditDb`.
 */
export interface AccessLogTables {
  access_log: {
    /** The entry's sequence number in the hash chain, set by the database. */
    id: Generated<number>;
    at: Date;
    user_id: string | null;
    agency_id: string | null;
    roles: string[];
    service_account_id: string | null;
    operation: Operation;
    record_type: string;
    record_ids: string[];
    section: string | null;
    purpose: string | null;
    recipients: string[];
    source_address: string | null;
    request_id: string | null;
    prev_hash: Generated<Buffer>;
    hash: Generated<Buffer>;
  };
  access_log_records: { record_id: string; at: Date; entry_id: number };
  access_log_head: { singleton: boolean; seq: number; hash: Buffer };
}

export type AuditSchema = Omit<Schema, 'access_log'> & AccessLogTables;

export function auditDb(db: Db): Kysely<AuditSchema>;
export function auditDb(db: Tx): Transaction<AuditSchema>;
export function auditDb(db: Db | Tx): Kysely<AuditSchema> | Transaction<AuditSchema> {
  return db as unknown as Kysely<AuditSchema>;
}

/**
 * On what basis the actor may see each record, noted by the scope check (`loadInScope` in
 * modules/nominals, the one place the decision is made) for the rest of its transaction.
 */
const bases = new WeakMap<object, Map<string, string>>();

/** Notes the basis the scope check found; later entries of this transaction naming the record carry it. */
export function noteBasis(tx: Tx, recordId: string, basis: string): void {
  let noted = bases.get(tx);
  if (!noted) bases.set(tx, (noted = new Map()));
  noted.set(recordId, basis);
}

/** "Basis: …" when every record the entry names was found in scope in this transaction, else nothing. */
function basisOf(tx: Tx, recordIds: readonly string[]): string | undefined {
  const noted = bases.get(tx);
  if (!noted || !recordIds.length) return undefined;
  const found = recordIds.map((id) => noted.get(id));
  if (found.some((b) => b === undefined)) return undefined;
  return `Basis: ${[...new Set(found)].join('; ')}`;
}

/**
 * Appends one DPA 2018 s.62 entry inside the caller's transaction: if the log cannot be written the
 * whole use case fails, so nothing is ever done unrecorded. The database gives the entry its place
 * in the hash chain (migration 0006), and refuses any later change to it.
 */
export async function logAccess(
  tx: Tx,
  ctx: Pick<UseCaseContext, 'actor' | 'origin' | 'now'>,
  entry: AccessLogEntry,
): Promise<void> {
  const { actor, origin } = ctx;
  await auditDb(tx)
    .insertInto('access_log')
    .values({
      at: ctx.now,
      user_id: actor.userId,
      agency_id: actor.agencyId,
      roles: actor.roles,
      service_account_id: actor.serviceAccountId ?? null,
      operation: entry.operation,
      record_type: entry.recordType,
      record_ids: entry.recordIds,
      section: entry.section ?? null,
      // Why: the purpose given, else the basis on which the records were in the actor's scope.
      purpose: entry.purpose ?? basisOf(tx, entry.recordIds) ?? null,
      recipients: [...(entry.recipients ?? [])],
      source_address: origin.sourceAddress,
      request_id: origin.requestId,
    })
    .execute();
}

/**
 * A document downloaded as a file (a PDF of a referral, minutes, a prison report; a worklist as CSV)
 * leaves Vigil's control: it is logged as a disclosure to the person who downloaded it, after what
 * they read.
 */
export async function logDownload(
  database: Database,
  ctx: UseCaseContext,
  download: { recordType: string; recordIds: string[]; document: string; format?: 'PDF' | 'CSV' | 'HTML' },
): Promise<void> {
  const format = download.format ?? 'PDF';
  await database.transaction((tx) =>
    logAccess(tx, ctx, {
      operation: 'disclosure',
      recordType: download.recordType,
      recordIds: download.recordIds,
      section: `${download.document} (${format})`,
      purpose: `${download.document} downloaded as a ${format}`,
      recipients: [`${ctx.actor.displayName} (${ctx.actor.agencyName})`],
    }),
  );
}
