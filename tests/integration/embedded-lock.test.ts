import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { DatabaseInUseError, openDatabase } from '../../src/db/database.ts';

const run = promisify(execFile);

/** PGlite is one process's database: a second opener is refused, never allowed to corrupt it. */
describe('the embedded database directory', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-lock-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is held by its opener (pid in vigil.pid), refused to another process with a one-line reason, and freed on close', async () => {
    const database = await openDatabase({ dataDir });
    try {
      expect((await readFile(path.join(dataDir, 'vigil.pid'), 'utf8')).trim()).toBe(String(process.pid));
      await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DatabaseInUseError);
      const other = await run(
        process.execPath,
        [path.join(projectRoot, 'bin/vigil.mjs'), 'token', 'list', '--user', 'x@example.gov.uk'],
        {
          env: { ...process.env, VIGIL_DATA_DIR: dataDir, DATABASE_URL: '' },
        },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(other.code).not.toBe(0);
      expect(other.stderr.trim().split('\n')).toHaveLength(1);
      expect(other.stderr).toContain(`in use by process ${process.pid}`);
      // The database itself still works for its owner.
      await database.ping();
    } finally {
      await database.close();
    }
    expect(existsSync(path.join(dataDir, 'vigil.pid'))).toBe(false);
    const again = await openDatabase({ dataDir });
    await again.close();
  }, 180_000);

  it('takes over a lock left by a process that no longer runs', async () => {
    // A pid far above any the kernel hands out here.
    await writeFile(path.join(dataDir, 'vigil.pid'), '4194304\n');
    const database = await openDatabase({ dataDir });
    expect((await readFile(path.join(dataDir, 'vigil.pid'), 'utf8')).trim()).toBe(String(process.pid));
    await database.close();
  }, 180_000);
});
