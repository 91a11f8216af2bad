import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { logAccess } from '../../src/audit/access-log.ts';
import { verifyChain } from '../../src/audit/chain.ts';
import { createCheckpoint, loadSigningKey, verifyCheckpoint } from '../../src/audit/checkpoint.ts';
import { ensureAccessLogPartitions } from '../../src/audit/partitions.ts';
import { projectRoot } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { exportAccessHistory } from '../../src/modules/audit/index.ts';
import { createNominal, getNominal, updateNominalSection } from '../../src/modules/nominals/index.ts';
import { searchNominals } from '../../src/modules/search/index.ts';
import {
  describeEachDatabase,
  makeActor,
  uniqueSuffix,
  withEmptyServerDatabase,
} from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { testClock } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';
const run = promisify(execFile);

interface LoggedEntry {
  id: number;
  at: Date;
  user_id: string | null;
  agency_id: string | null;
  roles: string[];
  operation: string;
  record_type: string;
  record_ids: string[];
  section: string | null;
  purpose: string | null;
  recipients: string[];
  source_address: string | null;
  request_id: string | null;
}

async function headSeq(database: Database): Promise<number> {
  const row = await sql<{ seq: number }>`SELECT seq FROM access_log_head`.execute(database.db);
  return Number(row.rows[0]!.seq);
}

/** Entries appended after `seq`, in chain order. */
async function entriesAfter(database: Database, seq: number): Promise<LoggedEntry[]> {
  const rows = await sql<LoggedEntry>`
    SELECT id, at, user_id::text AS user_id, agency_id::text AS agency_id, roles, operation, record_type,
           record_ids::text[] AS record_ids, section, purpose, recipients, source_address, request_id
    FROM access_log WHERE id > ${seq} ORDER BY id`.execute(database.db);
  return rows.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** What every entry says about who and from where. */
function whoAndWhere(ctx: UseCaseContext) {
  return {
    user_id: ctx.actor.userId,
    agency_id: ctx.actor.agencyId,
    roles: ctx.actor.roles,
    source_address: ctx.origin.sourceAddress,
    request_id: ctx.origin.requestId,
  };
}

/**
 * Tampering as the database owner would: user triggers off on the log, its partitions and its
 * head (re-enabled in the same transaction), so the append-only guard does not stop the change.
 */
async function tamper(database: Database, statements: string[]): Promise<void> {
  await database.transaction(async (tx) => {
    const tables = (
      await sql<{ name: string }>`
        SELECT c.oid::regclass::text AS name FROM pg_class c
        WHERE c.relname IN ('access_log', 'access_log_records', 'access_log_head')
           OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent IN ('access_log'::regclass, 'access_log_records'::regclass))`.execute(
        tx,
      )
    ).rows.map((r) => r.name);
    for (const table of tables) await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER USER`).execute(tx);
    for (const statement of statements) await sql.raw(statement).execute(tx);
    for (const table of tables) await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER USER`).execute(tx);
  });
}

describeEachDatabase('access log', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let dpo: UseCaseContext;

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    practitioner = {
      ...practitioner,
      origin: { sourceAddress: '192.0.2.10', requestId: 'req-practitioner' },
    };
    dpo = await makeActor(db(), {
      roles: ['data_protection_officer'],
      areaCode: 'AVS',
      agencyType: 'police',
    });
    dpo = { ...dpo, origin: { sourceAddress: '192.0.2.20', requestId: 'req-dpo' } };
  });

  it('records each kind of operation as exactly the right entries', async () => {
    const surname = `Quenby${uniqueSuffix().replace(/\d/g, '')}`;

    let before = await headSeq(db());
    const created = await createNominal(db(), practitioner, identity({ forename: 'Alfred', surname }));
    expect(await entriesAfter(db(), before)).toEqual([
      expect.objectContaining({
        ...whoAndWhere(practitioner),
        operation: 'collection',
        record_type: 'nominal',
        record_ids: [created.id],
        recipients: [],
      }),
    ]);

    before = await headSeq(db());
    await updateNominalSection(
      db(),
      practitioner,
      created.id,
      'identity',
      identity({ forename: 'Alfie', surname }),
      1,
    );
    expect(await entriesAfter(db(), before)).toEqual([
      expect.objectContaining({
        ...whoAndWhere(practitioner),
        operation: 'alteration',
        record_type: 'nominal',
        record_ids: [created.id],
        section: 'identity',
      }),
    ]);

    before = await headSeq(db());
    await getNominal(db(), practitioner, created.id);
    expect(await entriesAfter(db(), before)).toEqual([
      expect.objectContaining({
        ...whoAndWhere(practitioner),
        operation: 'consultation',
        record_type: 'nominal',
        record_ids: [created.id],
      }),
    ]);

    const others = [
      await createNominal(
        db(),
        practitioner,
        identity({ forename: 'Beatrice', surname, dateOfBirth: '1970-01-02' }),
      ),
      await createNominal(
        db(),
        practitioner,
        identity({ forename: 'Cyril', surname, dateOfBirth: '1990-03-04' }),
      ),
    ];
    before = await headSeq(db());
    const found = await searchNominals(db(), practitioner, { q: surname });
    expect(found.results.map((r) => r.id).sort()).toEqual([created.id, ...others.map((o) => o.id)].sort());
    expect(await entriesAfter(db(), before)).toEqual([
      expect.objectContaining({
        ...whoAndWhere(practitioner),
        operation: 'consultation',
        record_type: 'nominal',
        record_ids: found.results.map((r) => r.id),
        section: 'search result',
      }),
    ]);

    before = await headSeq(db());
    const exported = await exportAccessHistory(db(), dpo, {
      q: created.vigilRef,
      recipient: 'The data subject, by recorded post',
      purpose: 'subject_access_request',
      reference: 'SAR-2026-17',
    });
    const disclosure = await entriesAfter(db(), before);
    expect(disclosure).toEqual([
      expect.objectContaining({
        ...whoAndWhere(dpo),
        operation: 'disclosure',
        record_type: 'access_log',
        record_ids: [created.id],
        recipients: ['The data subject, by recorded post', expect.stringContaining('downloaded as a CSV')],
        purpose: 'Subject access request (reference SAR-2026-17)',
      }),
    ]);
    // The export holds the whole history, the export itself included.
    expect(exported.entries.map((e) => e.operation)).toEqual([
      'collection',
      'alteration',
      'consultation',
      'consultation',
      'disclosure',
    ]);
    expect(exported.csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 5);
    expect(exported.csv).toContain('The data subject, by recorded post');

    // When: an instant, stored as UTC, at the time of the request.
    expect(Math.abs(disclosure[0]!.at.getTime() - testClock.now().getTime())).toBeLessThan(60_000);
  });

  it('writes nothing when the log entry cannot be written, and leaves no gap when a use case rolls back', async () => {
    const before = await headSeq(db());
    const name = `Vanishing agency ${uniqueSuffix()}`;
    await expect(
      db().transaction(async (tx) => {
        await tx.insertInto('agencies').values({ area_code: 'AVS', type: 'probation', name }).execute();
        await logAccess(tx, practitioner, {
          operation: 'peeking' as never,
          recordType: 'nominal',
          recordIds: [],
        });
      }),
    ).rejects.toThrow();
    expect(await db().db.selectFrom('agencies').select('id').where('name', '=', name).execute()).toEqual([]);

    await expect(
      db().transaction(async (tx) => {
        await logAccess(tx, practitioner, {
          operation: 'consultation',
          recordType: 'nominal',
          recordIds: [],
        });
        throw new Error('the use case failed after logging');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await headSeq(db())).toBe(before);

    await db().transaction((tx) =>
      logAccess(tx, practitioner, {
        operation: 'consultation',
        recordType: 'nominal',
        recordIds: [],
      }),
    );
    expect((await entriesAfter(db(), before)).map((e) => e.id)).toEqual([before + 1]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log through the application’s own connection', async () => {
    const partition = (
      await sql<{
        name: string;
      }>`SELECT tableoid::regclass::text AS name FROM access_log ORDER BY id DESC LIMIT 1`.execute(db().db)
    ).rows[0]!.name;
    const attempts = [
      "UPDATE access_log SET purpose = 'covering my tracks'",
      'DELETE FROM access_log',
      'TRUNCATE access_log',
      `UPDATE ${partition} SET purpose = 'covering my tracks'`,
      `DELETE FROM ${partition}`,
      `TRUNCATE ${partition}`,
      'DELETE FROM access_log_records',
      'TRUNCATE access_log_records',
      'UPDATE access_log_head SET seq = seq + 1',
      'DELETE FROM access_log_head',
      'TRUNCATE access_log_default',
    ];
    const count = async () =>
      Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM access_log`.execute(db().db)).rows[0]!.n,
      );
    const before = await count();
    for (const statement of attempts) {
      await expect(sql.raw(statement).execute(db().db), statement).rejects.toThrow(/append-only/);
    }
    await expect(db().db.deleteFrom('access_log').execute()).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
    expect((await verifyChain(db())).intact).toBe(true);
  });

  it('verifies an untouched chain, and finds the first edited, deleted or reordered entry', async () => {
    for (let i = 0; i < 6; i++) {
      await db().transaction((tx) =>
        logAccess(tx, practitioner, {
          operation: 'consultation',
          recordType: 'nominal',
          recordIds: [],
          // Values that would break a naive canonical form: separators, quotes, newlines, non-ASCII.
          purpose:
            [`"quoted", {braces}`, 'line one\nline two', 'Ŵêlsh — ✓ 😀', 'S5:fake|N', '', null][i] ??
            undefined,
        }),
      );
    }
    const intact = await verifyChain(db(), { batchSize: 3 });
    expect(intact).toMatchObject({ intact: true });
    const head = intact.headSeq;
    expect(intact.entries).toBe(head);
    const k = head - 3;

    await sql`DROP TABLE IF EXISTS audit_test_saved`.execute(db().db);
    await sql
      .raw(`CREATE TABLE audit_test_saved AS SELECT * FROM access_log WHERE id IN (${k}, ${k + 2}, ${head})`)
      .execute(db().db);

    // Edited.
    await tamper(db(), [`UPDATE access_log SET purpose = 'nothing to see here' WHERE id = ${k}`]);
    expect(await verifyChain(db(), { batchSize: 3 })).toMatchObject({
      intact: false,
      entries: k - 1,
      problem: { kind: 'edited', seq: k },
    });
    await tamper(db(), [
      `UPDATE access_log SET purpose = s.purpose FROM audit_test_saved s WHERE access_log.id = ${k} AND s.id = ${k}`,
    ]);
    expect(await verifyChain(db(), { batchSize: 3 })).toMatchObject({ intact: true });

    // Deleted from the middle, then from the end.
    await tamper(db(), [`DELETE FROM access_log WHERE id = ${k}`]);
    expect(await verifyChain(db(), { batchSize: 3 })).toMatchObject({
      intact: false,
      problem: { kind: 'deleted', seq: k },
    });
    await tamper(db(), [`INSERT INTO access_log SELECT * FROM audit_test_saved WHERE id = ${k}`]);
    expect(await verifyChain(db())).toMatchObject({ intact: true });
    await tamper(db(), [`DELETE FROM access_log WHERE id = ${head}`]);
    expect(await verifyChain(db())).toMatchObject({ intact: false, problem: { kind: 'deleted', seq: head } });
    await tamper(db(), [`INSERT INTO access_log SELECT * FROM audit_test_saved WHERE id = ${head}`]);
    expect(await verifyChain(db())).toMatchObject({ intact: true });

    // Reordered: two entries swap places.
    await tamper(db(), [
      `UPDATE access_log SET id = -1 WHERE id = ${k}`,
      `UPDATE access_log SET id = ${k} WHERE id = ${k + 2}`,
      `UPDATE access_log SET id = ${k + 2} WHERE id = -1`,
    ]);
    const reordered = await verifyChain(db(), { batchSize: 3 });
    expect(reordered).toMatchObject({
      intact: false,
      entries: k - 1,
      problem: { kind: 'reordered', seq: k },
    });
    if (!reordered.intact) expect(reordered.problem.message).toContain(`Entry ${k}`);
    await tamper(db(), [
      `UPDATE access_log SET id = -1 WHERE id = ${k}`,
      `UPDATE access_log SET id = ${k} WHERE id = ${k + 2}`,
      `UPDATE access_log SET id = ${k + 2} WHERE id = -1`,
    ]);
    expect(await verifyChain(db())).toMatchObject({ intact: true });

    // Rewritten with recomputed hashes: only a checkpoint taken before shows it.
    const { privateKey } = generateKeyPairSync('ed25519');
    const checkpoint = await createCheckpoint(db(), privateKey, testClock.now());
    expect(await verifyCheckpoint(db(), JSON.parse(JSON.stringify(checkpoint)), null)).toMatchObject({
      signatureValid: true,
      chainContainsHead: true,
    });
    await tamper(db(), [`UPDATE access_log SET hash = sha256(hash) WHERE id = ${checkpoint.headSeq}`]);
    expect(await verifyCheckpoint(db(), checkpoint, null)).toMatchObject({
      signatureValid: true,
      chainContainsHead: false,
    });
    await tamper(db(), [
      `UPDATE access_log SET hash = s.hash FROM audit_test_saved s WHERE access_log.id = ${head} AND s.id = ${head}`,
    ]);
    expect(
      await verifyCheckpoint(db(), { ...checkpoint, headSeq: checkpoint.headSeq - 1 }, null),
    ).toMatchObject({ signatureValid: false });
    await sql`DROP TABLE audit_test_saved`.execute(db().db);
    expect(await verifyChain(db())).toMatchObject({ intact: true });
  });

  it('keeps a valid chain when many transactions append at once', async () => {
    const before = await headSeq(db());
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createNominal(
          db(),
          practitioner,
          identity({ forename: 'Concurrent', surname: `Caller${String.fromCharCode(65 + i)}` }),
        ),
      ),
    );
    await Promise.all(created.map((c) => getNominal(db(), practitioner, c.id)));
    const appended = await entriesAfter(db(), before);
    expect(appended.map((e) => e.id)).toEqual(Array.from({ length: 40 }, (_, i) => before + 1 + i));
    expect(appended.filter((e) => e.operation === 'collection')).toHaveLength(20);
    expect(await verifyChain(db())).toMatchObject({ intact: true, headSeq: before + 40 });
  });

  it('chains many entries of one transaction, forgetting those of a rolled-back savepoint', async () => {
    const before = await headSeq(db());
    const entry = (purpose: string) => ({
      operation: 'consultation' as const,
      recordType: 'nominal',
      recordIds: [],
      purpose,
    });
    await db().transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await logAccess(tx, practitioner, entry(`kept ${i}`));
      await sql`SAVEPOINT partly`.execute(tx);
      for (let i = 0; i < 3; i++) await logAccess(tx, practitioner, entry(`rolled back ${i}`));
      await sql`ROLLBACK TO SAVEPOINT partly`.execute(tx);
      await logAccess(tx, practitioner, entry('kept last'));
    });
    const appended = await entriesAfter(db(), before);
    expect(appended.map((e) => e.id)).toEqual(Array.from({ length: 31 }, (_, i) => before + 1 + i));
    expect(appended.map((e) => e.purpose).filter((p) => p?.startsWith('rolled back'))).toEqual([]);
    expect(await headSeq(db())).toBe(before + 31);
    expect(await verifyChain(db(), { batchSize: 7 })).toMatchObject({ intact: true });
  });

  it('keeps monthly partitions ready and appends into the current month', async () => {
    await ensureAccessLogPartitions(db(), testClock, 18);
    expect(await ensureAccessLogPartitions(db(), testClock, 18)).toBe(0);
    const parts = await sql<{ name: string }>`
      SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'access_log'::regclass`.execute(
      db().db,
    );
    const month = testClock.now();
    const name = (d: Date) =>
      `access_log_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const ahead = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 18, 1));
    expect(parts.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([name(month), name(ahead), 'access_log_default']),
    );
    await db().transaction((tx) =>
      logAccess(tx, practitioner, {
        operation: 'consultation',
        recordType: 'nominal',
        recordIds: [],
      }),
    );
    const newest = await sql<{
      part: string;
    }>`SELECT tableoid::regclass::text AS part FROM access_log ORDER BY id DESC LIMIT 1`.execute(db().db);
    expect(newest.rows[0]!.part).toBe(name(month));
  });

  it('answers `vigil audit verify`, `checkpoint` and `verify-checkpoint` from the command line', async () => {
    const { kind, name } = getDb();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-audit-'));
    if (kind !== 'postgres') {
      // The in-memory test database cannot be opened by another process: check the CLI on an embedded database of its own.
      const env = { ...process.env, DATABASE_URL: '', VIGIL_DATA_DIR: dataDir, VIGIL_AUDIT_SIGNING_KEY: '' };
      const cli = (...args: string[]) =>
        run(process.execPath, [path.join(projectRoot, 'bin/vigil.mjs'), ...args], { env, cwd: projectRoot });
      try {
        await cli('migrate');
        expect((await cli('audit', 'verify')).stdout).toContain('Access log intact');
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
      return;
    }
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const env = {
      ...process.env,
      DATABASE_URL: url.toString(),
      VIGIL_DATA_DIR: dataDir,
      VIGIL_AUDIT_SIGNING_KEY: '',
    };
    const vigil = (...args: string[]) =>
      run(process.execPath, [path.join(projectRoot, 'bin/vigil.mjs'), 'audit', ...args], {
        env,
        cwd: projectRoot,
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    try {
      const verified = await vigil('verify');
      expect(verified).toMatchObject({ code: 0 });
      expect(verified.stdout).toContain('Access log intact');

      const file = path.join(dataDir, 'checkpoint.json');
      expect(await vigil('checkpoint', '--output', file)).toMatchObject({ code: 0 });
      expect((await stat(path.join(dataDir, 'audit-signing-key.pem'))).mode & 0o777).toBe(0o600);
      const checkpoint = JSON.parse(await readFile(file, 'utf8'));
      expect(checkpoint).toMatchObject({
        algorithm: 'Ed25519',
        headSeq: Number(verified.stdout.match(/head (\d+)/)![1]),
      });
      const checked = await vigil('verify-checkpoint', file);
      expect(checked.code, checked.stdout).toBe(0);
      expect(checked.stdout).toContain('Signer: the expected key');

      await writeFile(file, JSON.stringify({ ...checkpoint, count: checkpoint.count + 1 }));
      expect(await vigil('verify-checkpoint', file)).toMatchObject({ code: 1 });

      const original = (
        await sql<{ operation: string }>`SELECT operation FROM access_log WHERE id = 2`.execute(db().db)
      ).rows[0]!;
      await tamper(db(), [`UPDATE access_log SET operation = 'erasure' WHERE id = 2`]);
      const tampered = await vigil('verify');
      await tamper(db(), [`UPDATE access_log SET operation = '${original.operation}' WHERE id = 2`]);
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toContain('(edited) at entry 2');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE to a role granted only SELECT and INSERT (server)', async () => {
    const { kind, name } = getDb();
    if (kind !== 'postgres') {
      // PGlite has one user, a superuser: its guard is the triggers, which refuse even it.
      await expect(sql`UPDATE access_log SET purpose = 'changed'`.execute(db().db)).rejects.toThrow();
      await expect(sql`DELETE FROM access_log`.execute(db().db)).rejects.toThrow();
      return;
    }
    await ensureAppRole(db());
    await sql
      .raw(
        `GRANT SELECT, INSERT ON access_log TO ${APP_ROLE}; GRANT SELECT ON access_log_records, access_log_head TO ${APP_ROLE}`,
      )
      .execute(db().db);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    url.username = APP_ROLE;
    url.password = APP_ROLE;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const before = await headSeq(db());
      await client.query(
        `INSERT INTO access_log (at, user_id, operation, record_type, purpose) VALUES ($2, $1, 'consultation', 'nominal', 'appended by the app role')`,
        [practitioner.actor.userId, testClock.now()],
      );
      expect(await headSeq(db())).toBe(before + 1);
      const partition = (
        await client.query<{ name: string }>(
          'SELECT tableoid::regclass::text AS name FROM access_log ORDER BY id DESC LIMIT 1',
        )
      ).rows[0]!.name;
      for (const statement of [
        "UPDATE access_log SET purpose = 'rewritten'",
        'DELETE FROM access_log',
        'TRUNCATE access_log',
        `UPDATE ${partition} SET purpose = 'rewritten'`,
        `DELETE FROM ${partition}`,
        'UPDATE access_log_head SET seq = 0',
        'DELETE FROM access_log_records',
        'ALTER TABLE access_log DISABLE TRIGGER USER',
        'CREATE TRIGGER rewrite_after_hashing BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change()',
        'SET session_replication_role = replica',
      ]) {
        await expect(client.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await client.end();
    }
    expect(await verifyChain(db())).toMatchObject({ intact: true });
  });
});

const APP_ROLE = 'vigil_app_test';

/** The restricted login role: created here if vigil_test may create roles, else by scripts/test.sh. */
async function ensureAppRole(database: Database): Promise<void> {
  const exists = await sql`SELECT 1 FROM pg_roles WHERE rolname = ${APP_ROLE}`.execute(database.db);
  if (exists.rows.length) return;
  try {
    await sql.raw(`CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_ROLE}'`).execute(database.db);
  } catch (error) {
    throw new Error(
      `The role ${APP_ROLE} does not exist and vigil_test may not create it (${String(error)}). ` +
        `scripts/test.sh creates it: CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_ROLE}'`,
      { cause: error },
    );
  }
}

describe('migration 0006 on a database with 0003 entries', () => {
  const kinds = ['pglite', 'postgres'] as const;
  for (const kind of kinds) {
    it(`carries the old entries over, in order, into a valid chain [${kind}]`, async () => {
      const work = async (database: Database) => {
        const files = [
          '0001_reference_and_users.sql',
          '0002_nominals.sql',
          '0003_access_log.sql',
          '0004_access_policy.sql',
        ];
        await database.runScript(
          'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz)',
        );
        for (const file of files) {
          await database.runScript(
            `${await readFile(path.join(projectRoot, 'migrations', file), 'utf8')}\n;INSERT INTO schema_migrations (name) VALUES ('${file}');`,
          );
        }
        const ids = ['5f0c1a52-6a7b-4bd4-8f43-1d1e5c2d9a01', '5f0c1a52-6a7b-4bd4-8f43-1d1e5c2d9a02'];
        await database.runScript(`
          INSERT INTO access_log (at, operation, record_type, record_ids, section, source_address, request_id) VALUES
            ('2025-12-31 23:59:59.123456+00', 'collection', 'nominal', '{${ids[0]}}', NULL, '10.0.0.1', 'old-1'),
            ('2026-01-01 00:00:00+00', 'consultation', 'nominal', '{${ids[0]},${ids[1]}}', 'search result', '10.0.0.2', 'old-2'),
            ('2025-06-01 12:00:00+00', 'alteration', 'nominal', '{${ids[1]}}', 'addresses', '10.0.0.3', 'old-3');`);
        await migrate(database);
        const rows = await sql<{ id: number; request_id: string; part: string }>`
          SELECT id, request_id, tableoid::regclass::text AS part FROM access_log ORDER BY id`.execute(
          database.db,
        );
        expect(rows.rows.map((r) => [Number(r.id), r.request_id, r.part])).toEqual([
          [1, 'old-1', 'access_log_y2025m12'],
          [2, 'old-2', 'access_log_y2026m01'],
          [3, 'old-3', 'access_log_y2025m06'],
        ]);
        const records = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM access_log_records WHERE record_id = ${ids[1]}::uuid`.execute(
          database.db,
        );
        expect(records.rows[0]!.n).toBe(2);
        expect(await verifyChain(database)).toMatchObject({ intact: true, entries: 3 });
      };
      if (kind === 'pglite') {
        const database = await openDatabase({});
        try {
          await work(database);
        } finally {
          await database.close();
        }
      } else {
        await withEmptyServerDatabase(async (url) => {
          const database = await openDatabase({ databaseUrl: url });
          try {
            await work(database);
          } finally {
            await database.close();
          }
        });
      }
    });
  }

  it('generates the signing key once, readable by its owner only', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-key-'));
    try {
      const first = await loadSigningKey(dataDir, undefined);
      const second = await loadSigningKey(dataDir, undefined);
      expect(first.export({ type: 'pkcs8', format: 'pem' })).toEqual(
        second.export({ type: 'pkcs8', format: 'pem' }),
      );
      expect((await stat(path.join(dataDir, 'audit-signing-key.pem'))).mode & 0o777).toBe(0o600);
      const pem = generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      const fromEnv = await loadSigningKey(dataDir, pem);
      expect(fromEnv.export({ type: 'pkcs8', format: 'pem' })).toEqual(pem);
      await expect(
        loadSigningKey(
          dataDir,
          generateKeyPairSync('ec', { namedCurve: 'P-256' })
            .privateKey.export({ type: 'pkcs8', format: 'pem' })
            .toString(),
        ),
      ).rejects.toThrow(/Ed25519/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
