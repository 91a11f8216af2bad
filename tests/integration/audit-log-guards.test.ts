import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { logAccess } from '../../src/audit/access-log.ts';
import { verifyChain } from '../../src/audit/chain.ts';
import { createCheckpoint, storeCheckpoint, verifyAccessLog } from '../../src/audit/checkpoint.ts';
import { ensureAccessLogPartitions } from '../../src/audit/partitions.ts';
import type { Database } from '../../src/db/database.ts';
import { createNominal, getNominal } from '../../src/modules/nominals/index.ts';
import { describeEachDatabase, makeActor } from '../support/databases.ts';
import { testClock } from '../support/clock.ts';
import { identity } from '../support/fixtures.ts';

process.env.VIGIL_LOG = 'silent';

/**
 * Issue 11 item 4: the per-person index is checked against the chain, a deleted tail is found from
 * the checkpoints kept in the database, and the application's role may only read and append.
 */

const APP_ROLE = 'vigil_app_test';
const SOMEONE_ELSE = '0b6f7d52-1a3e-4c1f-9d2a-7e5b8c9d0e1f';

/** As the tables' owner would: user triggers off on the log, its partitions and head, in one transaction. */
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

async function headSeq(database: Database): Promise<number> {
  return Number(
    (await sql<{ seq: number }>`SELECT seq FROM access_log_head`.execute(database.db)).rows[0]!.seq,
  );
}

describeEachDatabase('access log guards', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
  });

  it('finds a row added to or removed from a person’s history index (access_log_records)', async () => {
    const person = await createNominal(
      db(),
      practitioner,
      identity({ forename: 'Indira', surname: 'Index' }),
    );
    await getNominal(db(), practitioner, person.id);
    expect(await verifyChain(db())).toMatchObject({ intact: true });
    const viewed = (
      await sql<{ entry_id: number; at: string }>`
        SELECT entry_id, at::text AS at FROM access_log_records WHERE record_id = ${person.id}::uuid
        ORDER BY entry_id DESC LIMIT 1`.execute(db().db)
    ).rows[0]!;
    const entryId = Number(viewed.entry_id);

    // Added: someone else is made to look as if they were named by the consultation.
    await tamper(db(), [
      `INSERT INTO access_log_records (record_id, at, entry_id) VALUES ('${SOMEONE_ELSE}', '${viewed.at}', ${entryId})`,
    ]);
    const added = await verifyChain(db());
    expect(added).toMatchObject({ intact: false, problem: { kind: 'index', seq: entryId } });
    if (!added.intact) expect(added.problem.message).toContain(`Record ${SOMEONE_ELSE} was added`);
    await tamper(db(), [`DELETE FROM access_log_records WHERE record_id = '${SOMEONE_ELSE}'`]);
    expect(await verifyChain(db())).toMatchObject({ intact: true });

    // Removed: the consultation disappears from the person's history.
    await tamper(db(), [
      `DELETE FROM access_log_records WHERE record_id = '${person.id}' AND entry_id = ${entryId}`,
    ]);
    const removed = await verifyChain(db());
    expect(removed).toMatchObject({ intact: false, problem: { kind: 'index', seq: entryId } });
    if (!removed.intact) expect(removed.problem.message).toContain(`Record ${person.id} was removed`);
    await tamper(db(), [
      `INSERT INTO access_log_records (record_id, at, entry_id) VALUES ('${person.id}', '${viewed.at}', ${entryId})`,
    ]);
    expect(await verifyChain(db())).toMatchObject({ intact: true });

    // Doubled, and an index row for an entry that does not exist.
    await tamper(db(), [
      `INSERT INTO access_log_records (record_id, at, entry_id) VALUES ('${person.id}', '${viewed.at}', ${entryId})`,
    ]);
    expect(await verifyChain(db())).toMatchObject({
      intact: false,
      problem: { kind: 'index', seq: entryId },
    });
    await tamper(db(), [
      `DELETE FROM access_log_records WHERE record_id = '${person.id}' AND entry_id = ${entryId}`,
      `INSERT INTO access_log_records (record_id, at, entry_id) VALUES ('${person.id}', '${viewed.at}', ${entryId})`,
      `INSERT INTO access_log_records (record_id, at, entry_id) VALUES ('${person.id}', '${viewed.at}', 999999999)`,
    ]);
    expect(await verifyChain(db())).toMatchObject({
      intact: false,
      problem: { kind: 'index', seq: 999999999 },
    });
    await tamper(db(), [`DELETE FROM access_log_records WHERE entry_id = 999999999`]);
    expect(await verifyChain(db())).toMatchObject({ intact: true });
  });

  it('finds the newest entries deleted, even with the head moved back, from the stored checkpoints', async () => {
    const append = async (n: number) => {
      for (let i = 0; i < n; i++)
        await db().transaction((tx) =>
          logAccess(tx, practitioner, {
            operation: 'consultation',
            recordType: 'nominal',
            recordIds: [SOMEONE_ELSE],
          }),
        );
    };
    await append(2);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const checkpoint = await createCheckpoint(db(), privateKey, testClock.now());
    await storeCheckpoint(db(), checkpoint);
    await append(3);
    const head = await headSeq(db());
    const later = new Date(testClock.now().getTime() + 90 * 60_000);
    const verify = () => verifyAccessLog(db(), { now: later, expectedPublicKey: publicKey });

    expect(await verify()).toMatchObject({
      intact: true,
      newestCheckpoint: { headSeq: checkpoint.headSeq, ageMinutes: 90, entriesSince: 3 },
    });

    await sql`DROP TABLE IF EXISTS audit_guard_saved`.execute(db().db);
    await sql`DROP TABLE IF EXISTS audit_guard_saved_records`.execute(db().db);
    await sql
      .raw(`CREATE TABLE audit_guard_saved AS SELECT * FROM access_log WHERE id >= ${checkpoint.headSeq - 1}`)
      .execute(db().db);
    await sql
      .raw(
        `CREATE TABLE audit_guard_saved_records AS SELECT * FROM access_log_records WHERE entry_id >= ${checkpoint.headSeq - 1}`,
      )
      .execute(db().db);
    const restore = [
      `DELETE FROM access_log WHERE id >= ${checkpoint.headSeq - 1}`,
      `DELETE FROM access_log_records WHERE entry_id >= ${checkpoint.headSeq - 1}`,
      `INSERT INTO access_log SELECT * FROM audit_guard_saved`,
      `INSERT INTO access_log_records SELECT * FROM audit_guard_saved_records`,
      `UPDATE access_log_head SET seq = ${head}, hash = (SELECT hash FROM access_log WHERE id = ${head})`,
    ];
    const truncateFrom = (first: number) => [
      `DELETE FROM access_log WHERE id >= ${first}`,
      `DELETE FROM access_log_records WHERE entry_id >= ${first}`,
      `UPDATE access_log_head SET seq = ${first - 1}, hash = (SELECT hash FROM access_log WHERE id = ${first - 1})`,
    ];

    // The newest two deleted, the head left alone: the chain itself shows it.
    await tamper(db(), [
      `DELETE FROM access_log WHERE id > ${head - 2}`,
      `DELETE FROM access_log_records WHERE entry_id > ${head - 2}`,
    ]);
    expect(await verify()).toMatchObject({ intact: false, problem: { kind: 'deleted', seq: head - 1 } });

    // After the checkpoint, the head moved back too: the chain is consistent; only the age shows it.
    await tamper(db(), [...restore, ...truncateFrom(head - 1)]);
    expect(await verifyChain(db())).toMatchObject({ intact: true, headSeq: head - 2 });
    expect(await verify()).toMatchObject({ intact: true, newestCheckpoint: { entriesSince: 1 } });

    // Back past the checkpoint: the checkpoint names an entry that must exist.
    await tamper(db(), [...restore, ...truncateFrom(checkpoint.headSeq)]);
    expect(await verifyChain(db())).toMatchObject({ intact: true, headSeq: checkpoint.headSeq - 1 });
    const truncated = await verify();
    expect(truncated).toMatchObject({
      intact: false,
      problem: { kind: 'truncated', seq: checkpoint.headSeq },
      newestCheckpoint: { headSeq: checkpoint.headSeq },
    });
    if (!truncated.intact) expect(truncated.problem.message).toContain(`names entry ${checkpoint.headSeq}`);

    // A checkpoint of the shortened chain signed with another key proves nothing: it is ignored.
    const forger = generateKeyPairSync('ed25519').privateKey;
    await storeCheckpoint(db(), await createCheckpoint(db(), forger, later));
    expect(await verify()).toMatchObject({
      intact: false,
      problem: { kind: 'truncated' },
      ignoredCheckpoints: 1,
    });

    await tamper(db(), restore);
    await sql`DROP TABLE audit_guard_saved`.execute(db().db);
    await sql`DROP TABLE audit_guard_saved_records`.execute(db().db);
    expect(await verify()).toMatchObject({ intact: true, newestCheckpoint: { entriesSince: 3 } });
  });

  it('leaves the application role only SELECT and INSERT on the log, whatever was granted (server)', async () => {
    const { kind, name } = getDb();
    if (kind !== 'postgres') {
      // PGlite has one user, a superuser: nothing to take back; the triggers are the guard.
      expect(
        (await sql<{ n: number }>`SELECT access_log_restrict_privileges() AS n`.execute(db().db)).rows[0]!.n,
      ).toBe(0);
      return;
    }
    await ensureAppRole(db());
    // The broadest grant an administrator could make, as the documented `ON ALL TABLES` did for
    // the partitions and the index; then a start of `vigil serve` (which ensures the partitions).
    await sql.raw(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`).execute(db().db);
    await sql.raw(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`).execute(db().db);
    await sql.raw(`GRANT UPDATE (purpose) ON access_log TO ${APP_ROLE}`).execute(db().db);
    await ensureAccessLogPartitions(db(), testClock);

    const privileges = await sql<{ name: string; privilege: string; held: boolean }>`
      SELECT c.oid::regclass::text AS name, p.privilege,
             has_table_privilege(${APP_ROLE}, c.oid, p.privilege) AS held
      FROM pg_class c, unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) AS p (privilege)
      WHERE c.relname IN ('access_log', 'access_log_records', 'access_log_head', 'access_log_checkpoints')
         OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent IN ('access_log'::regclass, 'access_log_records'::regclass))`.execute(
      db().db,
    );
    const held = privileges.rows.filter((r) => r.held).map((r) => `${r.privilege} ${r.name}`);
    const tables = [...new Set(privileges.rows.map((r) => r.name))];
    expect(tables.length).toBeGreaterThan(10);
    expect(held.sort()).toEqual(
      ['INSERT access_log', 'INSERT access_log_checkpoints', ...tables.map((t) => `SELECT ${t}`)].sort(),
    );
    const columns = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_attribute
      WHERE attrelid = 'access_log'::regclass AND attnum > 0
        AND has_column_privilege(${APP_ROLE}, attrelid, attnum, 'UPDATE')`.execute(db().db);
    expect(columns.rows[0]!.n).toBe(0);

    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    url.username = APP_ROLE;
    url.password = APP_ROLE;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const before = await headSeq(db());
      await client.query(
        `INSERT INTO access_log (at, user_id, operation, record_type, record_ids) VALUES ($2, $1, 'consultation', 'nominal', $3)`,
        [practitioner.actor.userId, testClock.now(), [SOMEONE_ELSE]],
      );
      expect(await headSeq(db())).toBe(before + 1);
      const partitionOf = async (table: string) =>
        (
          await client.query<{ name: string }>(
            `SELECT tableoid::regclass::text AS name FROM ${table} LIMIT 1`,
          )
        ).rows[0]!.name;
      const logPartition = await partitionOf('access_log');
      const recordsPartition = await partitionOf('access_log_records');
      for (const table of [
        'access_log',
        logPartition,
        'access_log_default',
        'access_log_records',
        recordsPartition,
        'access_log_head',
        'access_log_checkpoints',
      ]) {
        for (const statement of [
          `UPDATE ${table} SET ${table === 'access_log_head' ? 'seq = seq' : 'at = at'}`,
          `DELETE FROM ${table}`,
          `TRUNCATE ${table}`,
        ]) {
          await expect(client.query(statement), statement).rejects.toThrow(/permission denied/);
        }
      }
      for (const statement of [
        `INSERT INTO access_log_records (record_id, at, entry_id) VALUES ('${SOMEONE_ELSE}', '2026-01-01T00:00:00Z', 1)`,
        `INSERT INTO ${recordsPartition} (record_id, at, entry_id) SELECT '${SOMEONE_ELSE}', at, entry_id FROM access_log_records LIMIT 1`,
        `INSERT INTO ${logPartition} SELECT * FROM access_log LIMIT 1`,
        "UPDATE access_log SET purpose = 'rewritten'",
      ]) {
        await expect(client.query(statement), statement).rejects.toThrow(/permission denied/);
      }
    } finally {
      await client.end();
    }
    expect(await verifyChain(db())).toMatchObject({ intact: true });
  });
});

/** The restricted login role: created here if vigil_test may create roles, else by scripts/test.sh. */
async function ensureAppRole(database: Database): Promise<void> {
  const exists = await sql`SELECT 1 FROM pg_roles WHERE rolname = ${APP_ROLE}`.execute(database.db);
  if (exists.rows.length) return;
  await sql.raw(`CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_ROLE}'`).execute(database.db);
}
