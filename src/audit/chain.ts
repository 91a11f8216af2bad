import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The hash chain of the access log, checked from outside the database.
 *
 * Migration 0006's trigger computes, for entry n,
 *   hash(n) = sha256(hash(n-1) || utf8(canonical(n)))      with hash(0) = 32 zero bytes,
 * where canonical(n) is `access_log_canonical(…)`. This file builds the same canonical text itself
 * (it does not ask the database to), so a verifier trusts only the stored rows, not the functions.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** An entry as the verifier reads it: instants and uuids already as text, hashes as hex. */
export interface ChainEntry {
  id: number;
  /** UTC, ISO 8601 with microseconds: `2026-11-23T10:04:03.084123Z`. */
  at: string;
  userId: string | null;
  agencyId: string | null;
  roles: string[] | null;
  serviceAccountId: string | null;
  operation: string | null;
  recordType: string | null;
  recordIds: string[] | null;
  section: string | null;
  purpose: string | null;
  recipients: string[] | null;
  sourceAddress: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

const field = (value: string | null): string =>
  value === null ? 'N' : `S${Buffer.byteLength(value, 'utf8')}:${value}`;
const list = (values: readonly (string | null)[] | null): string =>
  values === null ? 'N' : `A${values.length}:${values.map(field).join('')}`;

/** The same text as SQL `access_log_canonical(…)` in migrations/0006_access_log.sql. */
export function canonicalText(entry: Omit<ChainEntry, 'prevHash' | 'hash'>): string {
  return (
    'vigil-access-log/1' +
    field(String(entry.id)) +
    field(entry.at) +
    field(entry.userId) +
    field(entry.agencyId) +
    list(entry.roles) +
    field(entry.serviceAccountId) +
    field(entry.operation) +
    field(entry.recordType) +
    list(entry.recordIds) +
    field(entry.section) +
    field(entry.purpose) +
    list(entry.recipients) +
    field(entry.sourceAddress) +
    field(entry.requestId)
  );
}

/** hash(n) = sha256(hash(n-1) || utf8(canonical(n))), as hex. */
export function entryHash(prevHashHex: string, entry: Omit<ChainEntry, 'prevHash' | 'hash'>): string {
  return createHash('sha256')
    .update(Buffer.from(prevHashHex, 'hex'))
    .update(canonicalText(entry), 'utf8')
    .digest('hex');
}

export type ChainProblemKind =
  | 'edited'
  | 'deleted'
  | 'reordered'
  | 'head'
  /** `access_log_records` ("who viewed this person") no longer matches the entries' record ids. */
  | 'index'
  /** A stored checkpoint names an entry the chain no longer reaches: its tail was deleted. */
  | 'truncated'
  /** A stored checkpoint signed by this installation no longer matches the chain. */
  | 'checkpoint';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The sequence number (`access_log.id`) of the first entry found wrong or missing. */
  seq: number;
  message: string;
}

export type ChainVerification =
  | { intact: true; entries: number; headSeq: number; headHash: string }
  | { intact: false; entries: number; headSeq: number; headHash: string; problem: ChainProblem };

export interface VerifyOptions {
  /** Rows per query (default 5,000): memory stays flat however long the log is. */
  batchSize?: number;
  /** Called after each batch with the last sequence number checked. */
  onProgress?: (checked: number, headSeq: number) => void;
}

/**
 * Reads the whole log in sequence order, batch by batch, recomputing every hash and checking every
 * link, and stops at the FIRST entry that was edited, deleted or moved. Entries appended while it
 * runs are left for the next run: it checks up to the head it saw when it started.
 */
export async function verifyChain(
  database: Database,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 5000;
  const head = await readHead(database);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let after: { id: number; at: string } | null = null;
  const fail = (kind: ChainProblemKind, seq: number, message: string): ChainVerification => ({
    intact: false,
    entries,
    headSeq: head.seq,
    headHash: head.hash,
    problem: { kind, seq, message },
  });

  for (;;) {
    const rows = await readBatch(database, after, head.seq, batchSize);
    for (const row of rows) {
      if (row.id > expectedSeq) {
        const range =
          row.id - 1 > expectedSeq ? `Entries ${expectedSeq}–${row.id - 1} are` : `Entry ${expectedSeq} is`;
        return fail(
          'deleted',
          expectedSeq,
          `${range} missing: deleted from the log (the next entry present is ${row.id}).`,
        );
      }
      if (row.id < expectedSeq) {
        return fail(
          'reordered',
          row.id,
          `Entry ${row.id} appears again after entry ${expectedSeq - 1}: entries were duplicated or renumbered.`,
        );
      }
      if (row.prevHash !== prevHash) {
        return fail(
          'reordered',
          row.id,
          `Entry ${row.id} does not follow entry ${row.id - 1}: it was moved to this place (entries reordered or renumbered), ` +
            `or the entry before it was replaced.`,
        );
      }
      if (entryHash(row.prevHash, row) !== row.hash) {
        return fail(
          'edited',
          row.id,
          `Entry ${row.id} (at ${row.at}) was edited: its contents no longer match its hash.`,
        );
      }
      prevHash = row.hash;
      expectedSeq += 1;
      entries += 1;
    }
    if (rows.length) {
      const last = rows[rows.length - 1]!;
      after = { id: last.id, at: last.at };
      options.onProgress?.(last.id, head.seq);
    }
    if (rows.length < batchSize || expectedSeq > head.seq) break;
  }

  if (expectedSeq <= head.seq) {
    const missing =
      expectedSeq === head.seq ? `Entry ${head.seq} is` : `Entries ${expectedSeq}–${head.seq} are`;
    return fail(
      'deleted',
      expectedSeq,
      `${missing} missing from the end of the log (the head of the chain is entry ${head.seq}).`,
    );
  }
  if (prevHash !== head.hash) {
    return fail(
      'head',
      head.seq,
      `The head of the chain does not match entry ${head.seq}: the head or that entry was altered.`,
    );
  }
  // Anything stored outside 1..head was not appended through the chain. One statement, one snapshot:
  // entries appended since the verification started are beyond the head it read, but not beyond this one.
  const outside = await sql<{ id: number }>`
    SELECT id FROM access_log WHERE id < 1 OR id > (SELECT seq FROM access_log_head) ORDER BY id LIMIT 1`.execute(
    database.db,
  );
  if (outside.rows[0]) {
    const id = Number(outside.rows[0].id);
    return fail(
      id < 1 ? 'reordered' : 'head',
      id,
      id < 1
        ? `Entry ${id} has a sequence number outside the chain: entries were renumbered.`
        : `Entry ${id} lies beyond the head of the chain: it was added outside the chain, or the head was altered.`,
    );
  }
  const index = await firstIndexDifference(database);
  if (index) return fail('index', index.entryId, index.message);
  return { intact: true, entries, headSeq: head.seq, headHash: head.hash };
}

/**
 * `access_log_records`, the index behind "who viewed this person", is not hashed itself: it is
 * derived from the entries' record ids, which are. So it is recomputed here from the entries and
 * compared row for row (one statement, one snapshot): a row added to or removed from a person's
 * history, moved in time or doubled is the first difference found, by entry.
 */
async function firstIndexDifference(
  database: Database,
): Promise<{ entryId: number; message: string } | null> {
  const result = await sql<{ entry_id: number; record_id: string; problem: 'missing' | 'added' | 'doubled' }>`
    WITH expected AS (
      SELECT DISTINCT l.id AS entry_id, l.at, r.record_id
      FROM access_log l CROSS JOIN LATERAL unnest(l.record_ids) AS r (record_id)
      WHERE r.record_id IS NOT NULL
    ), actual AS (
      SELECT entry_id, at, record_id, count(*) AS n FROM access_log_records GROUP BY entry_id, at, record_id
    )
    SELECT coalesce(e.entry_id, a.entry_id) AS entry_id, coalesce(e.record_id, a.record_id)::text AS record_id,
           CASE WHEN a.entry_id IS NULL THEN 'missing' WHEN e.entry_id IS NULL THEN 'added' ELSE 'doubled' END AS problem
    FROM expected e FULL JOIN actual a ON a.entry_id = e.entry_id AND a.at = e.at AND a.record_id = e.record_id
    WHERE a.entry_id IS NULL OR e.entry_id IS NULL OR a.n <> 1
    ORDER BY 1, 2
    LIMIT 1`.execute(database.db);
  const row = result.rows[0];
  if (!row) return null;
  const entryId = Number(row.entry_id);
  const message = {
    missing: `Record ${row.record_id} was removed from the history index: entry ${entryId} names it, but "who viewed this record" no longer shows that entry.`,
    added: `Record ${row.record_id} was added to the history index: "who viewed this record" shows entry ${entryId}, which does not name it (or does not exist, or has another time).`,
    doubled: `The history index lists entry ${entryId} for record ${row.record_id} more than once.`,
  }[row.problem];
  return { entryId, message };
}

export async function readHead(database: Database): Promise<{ seq: number; hash: string }> {
  const row = await sql<{ seq: number; hash: string }>`
    SELECT seq, encode(hash, 'hex') AS hash FROM access_log_head`.execute(database.db);
  if (row.rows.length !== 1) throw new Error('The access log has no chain head: has migration 0006 run?');
  return { seq: Number(row.rows[0]!.seq), hash: row.rows[0]!.hash };
}

interface EntryRow {
  id: number;
  at: string;
  user_id: string | null;
  agency_id: string | null;
  roles: string[] | null;
  service_account_id: string | null;
  operation: string | null;
  record_type: string | null;
  record_ids: string[] | null;
  section: string | null;
  purpose: string | null;
  recipients: string[] | null;
  source_address: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

const AT_TEXT = sql`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One batch in (id, at) order, after the last row of the previous batch, up to the head. */
async function readBatch(
  database: Database,
  after: { id: number; at: string } | null,
  headSeq: number,
  limit: number,
): Promise<ChainEntry[]> {
  const from = after ? sql`(id, at) > (${after.id}::bigint, ${after.at}::timestamptz)` : sql`id >= 1`;
  const result = await sql<EntryRow>`
    SELECT id, ${AT_TEXT} AS at, user_id::text AS user_id, agency_id::text AS agency_id, roles,
           service_account_id::text AS service_account_id, operation, record_type, record_ids::text[] AS record_ids,
           section, purpose, recipients, source_address, request_id,
           encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
    FROM access_log
    WHERE ${from} AND id <= ${headSeq}::bigint
    ORDER BY id, at
    LIMIT ${limit}`.execute(database.db);
  return result.rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    userId: r.user_id,
    agencyId: r.agency_id,
    roles: textArray(r.roles),
    serviceAccountId: r.service_account_id,
    operation: r.operation,
    recordType: r.record_type,
    recordIds: textArray(r.record_ids),
    section: r.section,
    purpose: r.purpose,
    recipients: textArray(r.recipients),
    sourceAddress: r.source_address,
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** text[] comes back as an array from node-postgres and PGlite alike; null stays null. */
function textArray(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => (v === null ? (null as unknown as string) : String(v)));
  throw new Error(`Unexpected array value from the database: ${typeof value}`);
}
