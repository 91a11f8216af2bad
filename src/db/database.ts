import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely';
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

export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<Database> {
  if (options.databaseUrl) return openServer(options.databaseUrl);
  return openEmbedded(options.dataDir);
}

function openServer(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: Number(process.env.VIGIL_DB_POOL ?? 10) });
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
    close: () => db.destroy(),
  };
}

/** Embedded PGlite: one connection, so transactions are queued one at a time (see tests/integration/database.test.ts). */
async function openEmbedded(dataDir: string | undefined): Promise<Database> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, fuzzystrmatch },
    parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v) },
  });
  const db = new Kysely<Schema>({ dialect: new PGliteDialect({ pglite }) });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    db,
    transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      // Kysely would otherwise route a second request's queries into the first one's open transaction.
      const run = queue.then(() => db.transaction().execute(work));
      queue = run.catch(() => undefined);
      return run;
    },
    runScript(script) {
      const run = queue.then(() => pglite.transaction(async (tx) => void (await tx.exec(script))));
      queue = run.catch(() => undefined);
      return run;
    },
    close: async () => {
      await queue;
      await db.destroy();
    },
  };
}
