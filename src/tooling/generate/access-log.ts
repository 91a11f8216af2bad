import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { canonicalText } from '../../audit/chain.ts';
import { Random, hashSeed } from '../demo/random.ts';
import { KIND, areaOfPerson, rowId, type GenerationPlan } from './plan.ts';
import { chairId, coordinatorId, dpoId, practitionerId, policeManagerId } from './staff.ts';

/**
 * A year of access-log entries, written in bulk with the chain the database would have built.
 *
 * Through the append trigger every entry costs a head lock, a look-up of the transaction's last
 * entry and a row insert into the records index: hours for 10 million. Instead, inside one
 * transaction per batch, the table's owner disables the append and move-head triggers, this code
 * gives each entry its sequence number and computes prev_hash and hash with the same canonical text
 * the verifier uses (src/audit/chain.ts, the mirror of SQL access_log_canonical), writes the
 * entries and their access_log_records rows, moves the head, and enables the triggers again. The
 * batch starts from the head it locked, so the result is exactly the chain the trigger would have
 * built; if anything fails the transaction rolls back, triggers included. `vigil audit verify`
 * checks the result like any other.
 */

const SECTIONS = ['overview', 'convictions', 'risk', 'addresses', 'managers', 'levels', 'events', 'timeline'];

export interface LogWindow {
  /** Epoch milliseconds of the first and last instants of the year the entries span. */
  fromMs: number;
  toMs: number;
}

export function logWindow(today: string): LogWindow {
  const toMs = Date.parse(`${today}T00:00:00Z`) - 1;
  return { fromMs: toMs - 365 * 86_400_000, toMs };
}

/** UTC ISO text with microseconds, as the chain hashes it. */
function instant(window: LogWindow, entry: number, total: number, rng: Random): string {
  // Entries are spread evenly in time and stay in sequence order (id order is time order).
  const spanMicros = (window.toMs - window.fromMs) * 1000;
  const stepMicros = spanMicros / total;
  const micros = Math.floor(entry * stepMicros + rng.float() * stepMicros * 0.9);
  const ms = window.fromMs + Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString(); // …SS.mmmZ
  return `${iso.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
}

/** The months (first days, UTC) the window covers, for their partitions. */
export function logMonths(window: LogWindow): string[] {
  const months: string[] = [];
  const d = new Date(window.fromMs);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  for (;;) {
    const first = Date.UTC(y, m, 1);
    if (first > window.toMs) break;
    months.push(new Date(first).toISOString().slice(0, 10));
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return months;
}

interface Entry {
  at: string;
  userId: string;
  agencyId: string | null;
  roles: string[];
  operation: string;
  recordType: string;
  recordIds: string[];
  section: string | null;
  purpose: string | null;
  sourceAddress: string;
  requestId: string;
}

/** Who looked at what: mostly a case's own managers opening it; searches and lists name many. */
function planEntry(
  plan: GenerationPlan,
  areaIndex: Record<string, number>,
  practitionerAgencyOf: (area: string, k: number) => string,
  entry: number,
  window: LogWindow,
): Entry {
  const seed = plan.seed;
  const rng = new Random(hashSeed(seed, 'log', entry));
  // A few people are looked at far more than others (the busiest cases): 20% of views go to 1%.
  const person = rng.chance(0.2)
    ? (Math.floor(rng.float() * Math.max(1, Math.floor(plan.people / 100))) * 97) % plan.people
    : rng.chance(0.6)
      ? Math.floor(rng.float() * plan.mappaTotal)
      : Math.floor(rng.float() * plan.people);
  const { area, caseIndex } = areaOfPerson(plan, person);
  const a = areaIndex[area.code]!;
  const who = rng.float();
  let userId: string;
  let roles: string[];
  let agencyId: string | null = null;
  if (who < 0.7) {
    const k = caseIndex % area.practitioners;
    userId = practitionerId(seed, a, k);
    roles = ['probation_practitioner'];
    agencyId = practitionerAgencyOf(area.code, k);
  } else if (who < 0.88) {
    userId = policeManagerId(seed, a, caseIndex % area.policeOffenderManagers);
    roles = ['police_offender_manager'];
  } else if (who < 0.97) {
    userId = coordinatorId(seed, a);
    roles = ['mappa_coordinator'];
  } else if (who < 0.995) {
    userId = chairId(seed, a, entry);
    roles = ['meeting_chair'];
  } else {
    userId = dpoId(seed, a);
    roles = ['data_protection_officer'];
  }
  const ids = (n: number) => {
    const list = [rowId(seed, KIND.nominal, person)];
    for (let k = 1; k < n; k++) {
      const other = area.mappaStart + Math.floor(rng.float() * area.mappaCount);
      list.push(rowId(seed, KIND.nominal, other));
    }
    return [...new Set(list)];
  };
  const kind = rng.float();
  const base = {
    at: instant(window, entry, plan.accessLogEntries, rng),
    userId,
    agencyId,
    roles,
    sourceAddress: `10.${a}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    requestId: `gen-${seed}-${entry}`,
  };
  if (kind < 0.8)
    return {
      ...base,
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: ids(1),
      section: rng.pick(SECTIONS),
      purpose: null,
    };
  if (kind < 0.85)
    return {
      ...base,
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: ids(rng.int(2, 10)),
      section: 'search',
      purpose: null,
    };
  if (kind < 0.87)
    return {
      ...base,
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: ids(rng.int(10, 25)),
      section: 'worklist',
      purpose: null,
    };
  if (kind < 0.98)
    return {
      ...base,
      operation: 'alteration',
      recordType: 'nominal',
      recordIds: ids(1),
      section: rng.pick(SECTIONS),
      purpose: null,
    };
  return {
    ...base,
    operation: 'collection',
    recordType: 'nominal',
    recordIds: ids(1),
    section: 'overview',
    purpose: null,
  };
}

/** A batch of entries with their place in the chain, ready to write. */
export interface PreparedLogBatch {
  first: number;
  count: number;
  /** The head the batch continues from, and the head it leaves. */
  fromSeq: number;
  fromHash: string;
  toSeq: number;
  toHash: Buffer;
  columns: Record<string, (string | null)[]>;
  records: { record_id: string[]; at: string[]; entry_id: string[] };
}

export interface LogPlanner {
  plan: GenerationPlan;
  areaIndex: Record<string, number>;
  practitionerAgencyOf: (area: string, k: number) => string;
  window: LogWindow;
}

/** Plans entries [first, first + count) and chains them after (seq, hash): pure computation. */
export function prepareLogBatch(
  planner: LogPlanner,
  first: number,
  count: number,
  fromSeq: number,
  fromHash: Buffer,
): PreparedLogBatch {
  let seq = fromSeq;
  let prev = fromHash;
  const columns: Record<string, (string | null)[]> = {
    id: [],
    at: [],
    user_id: [],
    agency_id: [],
    roles: [],
    operation: [],
    record_type: [],
    record_ids: [],
    section: [],
    purpose: [],
    source_address: [],
    request_id: [],
    prev_hash: [],
    hash: [],
  };
  const records = { record_id: [] as string[], at: [] as string[], entry_id: [] as string[] };
  const arrayLiteral = (values: readonly string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;
  for (let n = first; n < first + count; n++) {
    const e = planEntry(planner.plan, planner.areaIndex, planner.practitionerAgencyOf, n, planner.window);
    seq += 1;
    const text = canonicalText({
      id: seq,
      at: e.at,
      userId: e.userId,
      agencyId: e.agencyId,
      roles: e.roles,
      serviceAccountId: null,
      operation: e.operation,
      recordType: e.recordType,
      recordIds: e.recordIds,
      section: e.section,
      purpose: e.purpose,
      recipients: [],
      sourceAddress: e.sourceAddress,
      requestId: e.requestId,
    });
    const hash = createHash('sha256').update(prev).update(text, 'utf8').digest();
    columns.id!.push(String(seq));
    columns.at!.push(e.at);
    columns.user_id!.push(e.userId);
    columns.agency_id!.push(e.agencyId);
    columns.roles!.push(arrayLiteral(e.roles));
    columns.operation!.push(e.operation);
    columns.record_type!.push(e.recordType);
    columns.record_ids!.push(arrayLiteral(e.recordIds));
    columns.section!.push(e.section);
    columns.purpose!.push(e.purpose);
    columns.source_address!.push(e.sourceAddress);
    columns.request_id!.push(e.requestId);
    columns.prev_hash!.push(`\\x${prev.toString('hex')}`);
    columns.hash!.push(`\\x${hash.toString('hex')}`);
    for (const id of e.recordIds) {
      records.record_id.push(id);
      records.at.push(e.at);
      records.entry_id.push(String(seq));
    }
    prev = hash;
  }
  return {
    first,
    count,
    fromSeq,
    fromHash: fromHash.toString('hex'),
    toSeq: seq,
    toHash: prev,
    columns,
    records,
  };
}

/**
 * Appends entries [first, first + count) of the planned log, continuing the chain from the head.
 * Must run inside the caller's transaction, as the owner of the access-log tables. `prepared` is
 * used if it continues from the head found (the generator prepares the next batch while the
 * database writes this one); `whileWriting` runs once the big insert is on its way.
 */
export async function appendLogBatch(
  tx: Tx,
  planner: LogPlanner,
  first: number,
  count: number,
  prepared?: PreparedLogBatch,
  whileWriting?: (written: PreparedLogBatch) => void,
): Promise<number> {
  const head = (
    await sql<{
      seq: number;
      hash: Buffer | Uint8Array;
    }>`SELECT seq, hash FROM access_log_head FOR UPDATE`.execute(tx)
  ).rows[0]!;
  const headHash = Buffer.from(head.hash);
  const batch =
    prepared &&
    prepared.first === first &&
    prepared.fromSeq === Number(head.seq) &&
    prepared.fromHash === headHash.toString('hex')
      ? prepared
      : prepareLogBatch(planner, first, count, Number(head.seq), headHash);
  const { columns, records } = batch;
  // Owner-only: the append-only guards stay on; only the chain-building triggers pause, in this transaction.
  await sql`ALTER TABLE access_log DISABLE TRIGGER access_log_append, DISABLE TRIGGER access_log_move_head`.execute(
    tx,
  );
  const writing =
    sql`INSERT INTO access_log (id, at, user_id, agency_id, roles, service_account_id, operation, record_type, record_ids,
      section, purpose, recipients, source_address, request_id, prev_hash, hash)
    SELECT u.id::bigint, u.at::timestamptz, u.user_id::uuid, u.agency_id::uuid, u.roles::text[], NULL, u.operation, u.record_type,
      u.record_ids::uuid[], u.section, u.purpose, '{}', u.source_address, u.request_id, u.prev_hash::bytea, u.hash::bytea
    FROM unnest(${columns.id}::text[], ${columns.at}::text[], ${columns.user_id}::text[], ${columns.agency_id}::text[],
      ${columns.roles}::text[], ${columns.operation}::text[], ${columns.record_type}::text[], ${columns.record_ids}::text[],
      ${columns.section}::text[], ${columns.purpose}::text[], ${columns.source_address}::text[], ${columns.request_id}::text[],
      ${columns.prev_hash}::text[], ${columns.hash}::text[])
      AS u(id, at, user_id, agency_id, roles, operation, record_type, record_ids, section, purpose, source_address, request_id, prev_hash, hash)`.execute(
      tx,
    );
  if (whileWriting) {
    // Let the query reach the server, then use this process's time while the server inserts.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    whileWriting(batch);
  }
  await writing;
  await sql`INSERT INTO access_log_records (record_id, at, entry_id)
    SELECT DISTINCT u.record_id::uuid, u.at::timestamptz, u.entry_id::bigint
    FROM unnest(${records.record_id}::text[], ${records.at}::text[], ${records.entry_id}::text[]) AS u(record_id, at, entry_id)`.execute(
    tx,
  );
  await sql`ALTER TABLE access_log ENABLE TRIGGER access_log_append, ENABLE TRIGGER access_log_move_head`.execute(
    tx,
  );
  // The head refuses direct updates (append-only guard); pause that guard for this one move.
  await sql`ALTER TABLE access_log_head DISABLE TRIGGER access_log_append_only`.execute(tx);
  await sql`UPDATE access_log_head SET seq = ${batch.toSeq}, hash = ${batch.toHash}`.execute(tx);
  await sql`ALTER TABLE access_log_head ENABLE TRIGGER access_log_append_only`.execute(tx);
  return count + records.record_id.length;
}
