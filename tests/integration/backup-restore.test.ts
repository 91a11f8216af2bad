import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/chain.ts';
import { projectRoot } from '../../src/config.ts';
import { BackupError, backupDatabase, restoreDatabase } from '../../src/db/backup.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { makeActor, openPgliteCopy, openTestDatabase } from '../support/databases.ts';
import { identity, newCrn } from '../support/fixtures.ts';

const run = promisify(execFile);

/** The tables a restore must bring back exactly: people, their record, users and the access log. */
const KEY_TABLES = [
  'nominals',
  'nominal_names',
  'nominal_identifiers',
  'addresses',
  'nominal_changes',
  'users',
  'access_log',
  'access_log_head',
] as const;

/** Per table: its row count and an md5 of every row (as JSON, in a fixed order). */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of KEY_TABLES) {
    const row = await sql<{ n: number; sum: string | null }>`
      SELECT count(*)::int AS n, md5(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text)) AS sum
      FROM ${sql.table(table)} t`.execute(database.db);
    result[table] = `${row.rows[0]!.n}:${row.rows[0]!.sum ?? '-'}`;
  }
  return result;
}

async function writeSomething(database: Database, surname: string): Promise<string> {
  const officer = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
  const created = await createNominal(database, officer, {
    ...identity({ surname }),
    identifiers: [{ type: 'crn', value: newCrn() }],
  });
  return created.id;
}

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'vigil-backup-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('backup and restore drill [pglite]', () => {
  it('backs up, takes more writes, restores the backup exactly with the log intact, keeping keys out of the backup', async () => {
    const { database, dataDir, dispose } = await openPgliteCopy();
    let open: Database | undefined = database;
    try {
      await writeSomething(database, 'Before');
      const atBackup = await fingerprint(database);
      // A key Vigil keeps in the data directory: never part of a backup, kept across a restore.
      await writeFile(path.join(dataDir, 'audit-signing-key.pem'), 'not really a key\n');
      await database.close();
      open = undefined;

      const file = path.join(workDir, 'embedded.tar.gz');
      const backup = await backupDatabase({ dataDir }, file);
      expect(backup.kind).toBe('pglite');
      const tar = gunzipSync(await readFile(file)).toString('latin1');
      expect(tar).toContain('PG_VERSION');
      expect(tar).not.toContain('audit-signing-key.pem');
      expect(tar).not.toContain('vigil.pid');
      await expect(backupDatabase({ dataDir }, file)).rejects.toThrow(/already exists/);

      const later = await openDatabase({ dataDir });
      const laterId = await writeSomething(later, 'After');
      expect(await fingerprint(later)).not.toEqual(atBackup);
      // Refused while the directory is in use (vigil serve holding it).
      await expect(restoreDatabase({ dataDir }, file, 'busy')).rejects.toThrow(/in use|already open/);
      await later.close();

      const restored = await restoreDatabase({ dataDir }, file, 'drill');
      expect(restored.previousDataDir).toBe(`${path.resolve(dataDir)}.before-restore-drill`);
      expect(await readFile(path.join(dataDir, 'audit-signing-key.pem'), 'utf8')).toBe('not really a key\n');

      open = await openDatabase({ dataDir });
      const verification = await verifyChain(open, { batchSize: 5000 });
      expect(verification.intact).toBe(true);
      expect(await fingerprint(open)).toEqual(atBackup);
      const gone = await open.db.selectFrom('nominals').select('id').where('id', '=', laterId).execute();
      expect(gone).toEqual([]);
      await rm(restored.previousDataDir!, { recursive: true, force: true });
    } finally {
      if (open && open !== database) await open.close();
      await dispose().catch(() => undefined);
    }
  }, 300_000);

  it('refuses a backup of the other kind, with a one-line reason from the CLI', async () => {
    const file = path.join(workDir, 'not-a-backup.tar.gz');
    await writeFile(file, 'PGDMP pretend');
    const dataDir = path.join(workDir, 'never-made');
    await expect(restoreDatabase({ dataDir }, file, 'x')).rejects.toBeInstanceOf(BackupError);
    const cli = await run(process.execPath, [path.join(projectRoot, 'bin/vigil.mjs'), 'restore', file], {
      env: { ...process.env, VIGIL_DATA_DIR: dataDir, DATABASE_URL: '' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(/not an embedded-database backup/);
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);
});

describe('backup and restore drill [postgres]', () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let databaseUrl: string;
  beforeAll(async () => {
    const opened = await openTestDatabase('postgres');
    database = opened.testDatabase.database;
    dispose = opened.dispose;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${opened.testDatabase.name}`;
    databaseUrl = url.toString();
  }, 120_000);
  afterAll(async () => {
    await dispose?.();
  });

  it('backs up with pg_dump, takes more writes, restores with pg_restore exactly with the log intact', async () => {
    await writeSomething(database, 'Before');
    const atBackup = await fingerprint(database);
    const file = path.join(workDir, 'server.dump');
    const backup = await backupDatabase({ databaseUrl, dataDir: workDir }, file);
    expect(backup.kind).toBe('postgres');
    expect((await readFile(file)).subarray(0, 5).toString('latin1')).toBe('PGDMP');

    const laterId = await writeSomething(database, 'After');
    expect(await fingerprint(database)).not.toEqual(atBackup);

    // Through the CLI: one line, exit 0.
    const cli = await run(process.execPath, [path.join(projectRoot, 'bin/vigil.mjs'), 'restore', file], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    expect(cli.stdout.trim().split('\n')).toHaveLength(1);
    expect(cli.stdout).toMatch(/^Restored .* into the PostgreSQL database/);

    const verification = await verifyChain(database, { batchSize: 5000 });
    expect(verification.intact).toBe(true);
    expect(await fingerprint(database)).toEqual(atBackup);
    expect(await database.db.selectFrom('nominals').select('id').where('id', '=', laterId).execute()).toEqual(
      [],
    );
    // The chain goes on from the restored head: the next entry links to it.
    await writeSomething(database, 'Next');
    expect((await verifyChain(database, { batchSize: 5000 })).intact).toBe(true);
    expect(await readdir(workDir)).not.toContain('server.dump.partial');
  }, 300_000);

  it('reports a failed backup in one line and leaves no file', async () => {
    const url = new URL(databaseUrl);
    url.pathname = '/vigil_no_such_database';
    const file = path.join(workDir, 'nothing.dump');
    await expect(backupDatabase({ databaseUrl: url.toString(), dataDir: workDir }, file)).rejects.toThrow(
      /^pg_dump failed: .*vigil_no_such_database/,
    );
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
  }, 120_000);
});
