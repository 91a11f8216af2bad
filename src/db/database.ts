import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { Lock, pgliteDialect } from './pglite-dialect.ts';
import { rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type Db = Kysely<Schema>;
export type Tx = Transaction<Schema>;

/**
 * The one way into the database. Every use case runs inside `transaction`, so a write and its
 * history/access-log rows commit or roll back together.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs a multi-statement SQL script (a migration) in one transaction. */
  runScript(script: string): Promise<void>;
  /** Answers when the database can serve a query now (for /ready); throws otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The database cannot be reached just now (the server restarting, the network down): the request
 * is answered 503 and the pool reconnects by itself when it is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return false;
  // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 08xxx connection exceptions.
  if (e.code && (/^57P0[123]$/.test(e.code) || /^08/.test(e.code))) return true;
  if (
    e.code &&
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.code)
  )
    return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    e.message ?? '',
  );
}

/** Another process has the embedded database open: PGlite allows one process per data directory. */
export class DatabaseInUseError extends Error {}

// Dates stay ISO strings end to end (no JS Date drift across time zones); bigint counts become numbers.
pg.types.setTypeParser(1082, (v) => v); // date
pg.types.setTypeParser(20, (v) => Number(v)); // int8

export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Connections in the server pool (config VIGIL_DB_POOL). */
  poolSize?: number | undefined;
  /** Told of errors on idle server connections (the server restarting); they never stop the process. */
  onConnectionError?: ((error: Error) => void) | undefined;
}): Promise<Database> {
  if (options.databaseUrl)
    return openServer(options.databaseUrl, options.poolSize ?? 10, options.onConnectionError);
  return openEmbedded(options.dataDir);
}

function openServer(
  connectionString: string,
  poolSize: number,
  onConnectionError: ((error: Error) => void) | undefined,
): Database {
  // A request waits at most 5 s for a connection: when the server is away it is told so (503) at once.
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by a restarting server emits 'error' on the pool; unhandled, that
  // would end the process. The pool discards that client and opens new ones when asked.
  pool.on('error', (error) => onConnectionError?.(error));
  // A connection in use when the server goes emits 'error' too (its query fails on its own):
  // every client keeps a listener, so that is never an uncaught exception either.
  pool.on('connect', (client) => client.on('error', (error) => onConnectionError?.(error)));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    transaction: (work) => db.transaction().execute(work),
    async runScript(script) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(script);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: async () => {
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself; runScript may have used it alone.
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * Embedded PGlite has one connection. Every use of it — a whole transaction or a single query —
 * holds a lock from acquiring the connection to releasing it, so concurrent requests queue rather
 * than run inside each other's transactions (see tests/integration/database.test.ts).
 */
async function openEmbedded(dataDir: string | undefined): Promise<Database> {
  const releaseDirectory = dataDir ? await lockDataDirectory(dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    pglite = await openPglite(dataDir);
  } catch (error) {
    releaseDirectory();
    throw error;
  }
  const lock = new Lock();
  const db = new Kysely<Schema>({ dialect: pgliteDialect(pglite, lock) });
  return {
    kind: 'pglite',
    db,
    transaction: (work) => db.transaction().execute(work),
    async runScript(script) {
      const release = await lock.acquire();
      try {
        await pglite.transaction(async (tx) => void (await tx.exec(script)));
      } finally {
        release();
      }
    },
    async ping() {
      const release = await lock.acquire();
      try {
        await pglite.query('SELECT 1');
      } finally {
        release();
      }
    },
    close: async () => {
      (await lock.acquire())();
      await db.destroy();
      await pglite.close();
      releaseDirectory();
    },
  };
}

/** Opens PGlite with Vigil's extensions; `loadDataDir` fills a fresh directory from a backup (db/backup.ts). */
export function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm, fuzzystrmatch },
    parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v) },
  });
}

export const LOCK_FILE = 'vigil.pid';

/**
 * PGlite is one process's database: a second process opening the same directory (a CLI command
 * while `vigil serve` runs) would corrupt it. The first holds `<dataDir>/vigil.pid`; others are
 * refused with who holds it. A lock left by a process that no longer runs is taken over.
 */
export async function lockDataDirectory(dataDir: string): Promise<() => void> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          rmSync(file, { force: true });
        } catch {
          // Leaving it is safe: the next start sees that its process has gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt((await readFile(file, 'utf8').catch(() => '')).trim(), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder))
        throw new DatabaseInUseError(
          `The embedded database in ${dataDir} is in use by process ${holder} (vigil serve?): stop it first, or use the administration pages and API while it runs`,
        );
      if (holder === process.pid)
        throw new DatabaseInUseError(`The embedded database in ${dataDir} is already open in this process`);
      await rm(file, { force: true });
    }
  }
  throw new DatabaseInUseError(`Could not lock the embedded database in ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
