import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DatabaseInUseError, LOCK_FILE, lockDataDirectory, openPglite } from './database.ts';

const run = promisify(execFile);

/**
 * Backup and restore of either database (docs/operations.md):
 *
 * - embedded PGlite: its data directory as a gzipped tarball (`pglite.dumpDataDir()`), holding only
 *   PostgreSQL's own files — never Vigil's keys (the audit signing key) or its lock file, which
 *   live in the same directory but must be kept apart from backups. Restoring loads the tarball
 *   into a fresh directory, moves the old one aside (never deletes it) and carries Vigil's own
 *   files over. Both refuse while another process (`vigil serve`) holds the directory.
 * - a PostgreSQL server: `pg_dump --format=custom` / `pg_restore --clean --if-exists` in one
 *   transaction (through psql, see pgRestore). Triggers are restored after the data (pg_restore's post-data section), so the
 *   access log's chain trigger never re-chains restored entries: the log comes back byte for byte.
 */

/** A backup or restore could not be done; the message is the one-line reason. */
export class BackupError extends Error {}

export interface BackupTarget {
  databaseUrl?: string | undefined;
  dataDir: string;
}

export interface BackupResult {
  kind: 'pglite' | 'postgres';
  file: string;
  bytes: number;
  seconds: number;
}

export interface RestoreResult extends BackupResult {
  /** PGlite: where the data directory that was replaced now is. */
  previousDataDir: string | null;
}

/** Writes a backup of the database to `file` (refused if the file exists). */
export async function backupDatabase(target: BackupTarget, file: string): Promise<BackupResult> {
  const started = performance.now();
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose a new file name`);
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  try {
    if (target.databaseUrl) await pgDump(target.databaseUrl, partial);
    else await dumpEmbedded(target.dataDir, partial);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return {
    kind: target.databaseUrl ? 'postgres' : 'pglite',
    file,
    bytes: (await stat(file)).size,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Replaces the database with the backup in `file`. `suffix` names the directory the replaced
 * embedded data is moved to (`<dataDir>.before-restore-<suffix>`); the caller's clock gives it.
 */
export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  suffix: string,
): Promise<RestoreResult> {
  const started = performance.now();
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const format = await backupFormat(file);
  let previousDataDir: string | null = null;
  if (target.databaseUrl) {
    if (format !== 'pg_dump')
      throw new BackupError(
        `${file} is not a pg_dump custom-format backup (made by \`vigil backup\` with DATABASE_URL)`,
      );
    await pgRestore(target.databaseUrl, file);
  } else {
    if (format !== 'tarball')
      throw new BackupError(
        `${file} is not an embedded-database backup (made by \`vigil backup\` without DATABASE_URL)`,
      );
    previousDataDir = await restoreEmbedded(target.dataDir, file, suffix);
  }
  return {
    kind: target.databaseUrl ? 'postgres' : 'pglite',
    file,
    bytes: (await stat(file)).size,
    seconds: (performance.now() - started) / 1000,
    previousDataDir,
  };
}

async function backupFormat(file: string): Promise<'pg_dump' | 'tarball' | 'unknown'> {
  const handle = await open(file, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (buffer.toString('latin1') === 'PGDMP') return 'pg_dump';
    if (buffer[0] === 0x1f && buffer[1] === 0x8b) return 'tarball';
    return 'unknown';
  } finally {
    await handle.close();
  }
}

// --- Embedded PGlite ----------------------------------------------------------------------------

/** PostgreSQL's own entries at the top of a data directory; anything else there is Vigil's. */
function isPostgresEntry(name: string): boolean {
  return (
    /^(base|global|pg_[a-z_]+)$/.test(name) ||
    ['PG_VERSION', 'postgresql.conf', 'postgresql.auto.conf', 'pg_hba.conf', 'pg_ident.conf'].includes(name)
  );
}

async function dumpEmbedded(dataDir: string, file: string): Promise<void> {
  if (!existsSync(path.join(dataDir, 'PG_VERSION')))
    throw new BackupError(`There is no embedded database in ${dataDir} to back up`);
  const release = await lockOrExplain(dataDir);
  try {
    const pglite = await openPglite(dataDir);
    try {
      const tar = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
      await writeFile(file, gzipSync(onlyPostgresFiles(tar)), { flag: 'wx', mode: 0o600 });
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

async function restoreEmbedded(dataDir: string, file: string, suffix: string): Promise<string | null> {
  const target = path.resolve(dataDir);
  const fresh = `${target}.restoring-${process.pid}`;
  const aside = `${target}.before-restore-${suffix}`;
  if (existsSync(aside)) throw new BackupError(`${aside} already exists: move it away first`);
  // Held through the swap: a `vigil serve` on this directory is refused, and refuses us.
  const release = existsSync(target) ? await lockOrExplain(target) : () => undefined;
  try {
    await rm(fresh, { recursive: true, force: true });
    let tarball: Buffer;
    try {
      tarball = gunzipSync(await readFile(file));
    } catch {
      throw new BackupError(`${file} is not a readable embedded-database backup (not gzip)`);
    }
    try {
      const pglite = await openPglite(fresh, new Blob([onlyPostgresFiles(tarball)]));
      await pglite.query('SELECT 1');
      await pglite.close();
    } catch (error) {
      await rm(fresh, { recursive: true, force: true });
      throw new BackupError(`${file} could not be loaded: ${firstLine(error)}`);
    }
    if (!existsSync(target)) {
      await rename(fresh, target);
      return null;
    }
    // Vigil's own files (the audit signing key…) stay with the installation, not the backup.
    for (const entry of await readdir(target)) {
      if (entry === LOCK_FILE || isPostgresEntry(entry)) continue;
      await cp(path.join(target, entry), path.join(fresh, entry), {
        recursive: true,
        preserveTimestamps: true,
      });
    }
    await rename(target, aside);
    await rm(path.join(aside, LOCK_FILE), { force: true });
    await rename(fresh, target);
    return aside;
  } finally {
    release();
  }
}

async function lockOrExplain(dataDir: string): Promise<() => void> {
  try {
    return await lockDataDirectory(dataDir);
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw new BackupError(error.message);
    throw error;
  }
}

/**
 * Keeps the tar entries under PostgreSQL's own top-level names (and the extended headers that
 * precede them); drops the rest. Plain ustar/pax/GNU long names, as PGlite writes them.
 */
export function onlyPostgresFiles(tar: Buffer): Buffer {
  const kept: Buffer[] = [];
  let pending: Buffer[] = [];
  let longName: string | null = null;
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const blocks = 512 + Math.ceil(size / 512) * 512;
    const whole = tar.subarray(offset, offset + blocks);
    const type = String.fromCharCode(header[156]!);
    offset += blocks;
    if (type === 'x' || type === 'L' || type === 'g') {
      const body = whole.subarray(512, 512 + size).toString('utf8');
      if (type === 'L') longName = body.replace(/\0+$/, '');
      if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body)?.[1] ?? longName;
      pending.push(whole);
      continue;
    }
    const prefix = text(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    const top = name.replace(/^\.?\/+/, '').split('/')[0] ?? '';
    if (isPostgresEntry(top)) kept.push(...pending, whole);
    pending = [];
    longName = null;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
}

function text(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

// --- PostgreSQL server --------------------------------------------------------------------------

/**
 * PostgreSQL's client programs: the newest of Debian's /usr/lib/postgresql/<version>/bin, else
 * the PATH. The password goes in the environment (PGPASSWORD), never on a command line.
 */
export function postgresProgram(name: 'pg_dump' | 'pg_restore' | 'psql'): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(root, versions[0], 'bin', name) : name;
}

function connection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function runProgram(name: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv) {
  try {
    await run(postgresProgram(name), args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { code?: string; stderr?: string };
    if (e.code === 'ENOENT')
      throw new BackupError(
        `${name} was not found: install PostgreSQL's client programs (postgresql-client)`,
      );
    const reason = (e.stderr ?? '').split('\n').find((line) => line.trim()) ?? firstLine(error);
    throw new BackupError(`${name} failed: ${reason.trim()}`);
  }
}

async function pgDump(databaseUrl: string, file: string): Promise<void> {
  const { url, env } = connection(databaseUrl);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await runProgram('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${url}`], env);
}

/**
 * `pg_restore --clean --if-exists` as a script, run by psql in ONE transaction after dropping the
 * partitioned tables (the access log's): pg_restore's clean-up would otherwise try to drop each
 * partition's inherited primary key, which PostgreSQL refuses. Any failure rolls the whole restore
 * back, leaving the database as it was. The script is streamed, never written to disk.
 */
async function pgRestore(databaseUrl: string, file: string): Promise<void> {
  const { url, env } = connection(databaseUrl);
  const restore = spawn(postgresProgram('pg_restore'), ['--clean', '--if-exists', '--file=-', file], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const psql = spawn(
    postgresProgram('psql'),
    [
      '--no-psqlrc',
      '--quiet',
      '--single-transaction',
      '--set=ON_ERROR_STOP=1',
      `--command=${DROP_PARTITIONED_TABLES}`,
      '--file=-',
      `--dbname=${url}`,
    ],
    { env: { ...env, PGOPTIONS: '-c client_min_messages=warning' }, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  restore.stdout.pipe(psql.stdin);
  const [restored, applied] = await Promise.all([finished(restore, 'pg_restore'), finished(psql, 'psql')]);
  for (const [name, outcome] of [
    ['pg_restore', restored],
    ['psql', applied],
  ] as const) {
    if (outcome.code !== 0) {
      const reason =
        outcome.stderr.split('\n').find((line) => /ERROR|error|FATAL/.test(line)) ?? outcome.stderr;
      throw new BackupError(
        `${name === 'psql' ? 'pg_restore' : name} failed: ${reason.trim() || `exit ${outcome.code}`}`,
      );
    }
  }
}

const DROP_PARTITIONED_TABLES = `DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT c.relname FROM pg_class c WHERE c.relkind = 'p' AND c.relnamespace = 'public'::regnamespace AND NOT c.relispartition LOOP
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', r.relname);
  END LOOP;
END $$`;

function finished(child: ChildProcess, name: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 65_536) stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(`${name} was not found: install PostgreSQL's client programs (postgresql-client)`)
          : error,
      ),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
