import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, type Dialect, type Driver, type Transaction } from 'kysely';
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
  close(): Promise<void>;
}

// Dates stay ISO strings end to end (no JS Date drift across time zones); bigint counts become numbers.
pg.types.setTypeParser(1082, (v) => v); // date
pg.types.setTypeParser(20, (v) => Number(v)); // int8

export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Connections in the server pool (config VIGIL_DB_POOL). */
  poolSize?: number | undefined;
}): Promise<Database> {
  if (options.databaseUrl) return openServer(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.dataDir);
}

function openServer(connectionString: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
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
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
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
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, fuzzystrmatch },
    parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v) },
  });
  const lock = new Lock();
  const inner = new PGliteDialect({ pglite });
  const dialect: Dialect = {
    createAdapter: () => inner.createAdapter(),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createDriver: () => serialised(inner.createDriver(), lock),
  };
  const db = new Kysely<Schema>({ dialect });
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
    close: async () => {
      (await lock.acquire())();
      await db.destroy();
    },
  };
}

/** A first-come, first-served lock. */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return acquired;
  }
}

function serialised(driver: Driver, lock: Lock): Driver {
  let release: (() => void) | undefined;
  return {
    init: (options) => driver.init(options),
    async acquireConnection(options) {
      const releaseLock = await lock.acquire();
      try {
        const connection = await driver.acquireConnection(options);
        release = releaseLock;
        return connection;
      } catch (error) {
        releaseLock();
        throw error;
      }
    },
    async releaseConnection(connection) {
      try {
        await driver.releaseConnection(connection);
      } finally {
        const releaseLock = release;
        release = undefined;
        releaseLock?.();
      }
    },
    beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
    commitTransaction: (connection) => driver.commitTransaction(connection),
    rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
    savepoint: (connection, name, compile) => driver.savepoint!(connection, name, compile),
    rollbackToSavepoint: (connection, name, compile) =>
      driver.rollbackToSavepoint!(connection, name, compile),
    releaseSavepoint: (connection, name, compile) => driver.releaseSavepoint!(connection, name, compile),
    destroy: () => driver.destroy(),
  };
}
