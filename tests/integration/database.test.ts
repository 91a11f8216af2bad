import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { describeEachDatabase, withEmptyServerDatabase } from '../support/databases.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase('database', (getDb) => {
  beforeAll(async () => {
    await getDb().database.runScript('CREATE TABLE tx_probe (id serial PRIMARY KEY, writer text NOT NULL)');
  });

  it('runs overlapping transactions one at a time: the rolled-back one leaves nothing, the committed one stays', async () => {
    const { database } = getDb();
    const events: string[] = [];
    const failing = database.transaction(async (tx) => {
      events.push('A start');
      await tx
        .insertInto('tx_probe' as never)
        .values({ writer: 'A' } as never)
        .execute();
      await sleep(50);
      await tx
        .insertInto('tx_probe' as never)
        .values({ writer: 'A' } as never)
        .execute();
      events.push('A fail');
      throw new Error('A rolls back');
    });
    // Started while A is still open (A is sleeping between its two inserts).
    const committing = database.transaction(async (tx) => {
      events.push('B start');
      await tx
        .insertInto('tx_probe' as never)
        .values({ writer: 'B' } as never)
        .execute();
      await tx
        .insertInto('tx_probe' as never)
        .values({ writer: 'B' } as never)
        .execute();
      events.push('B commit');
      return 'B done';
    });
    const [a, b] = await Promise.allSettled([failing, committing]);
    expect(a.status).toBe('rejected');
    expect((a as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    expect(((a as PromiseRejectedResult).reason as Error).message).toBe('A rolls back');
    expect(b).toEqual({ status: 'fulfilled', value: 'B done' });

    const rows = await sql<{ writer: string }>`SELECT writer FROM tx_probe ORDER BY id`.execute(database.db);
    expect(rows.rows.map((r) => r.writer)).toEqual(['B', 'B']);
    if (getDb().kind === 'pglite') {
      // One connection: B must not begin until A has finished.
      expect(events).toEqual(['A start', 'A fail', 'B start', 'B commit']);
    }
  });

  it('keeps serving transactions after one has failed', async () => {
    const { database } = getDb();
    await expect(
      database.transaction(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        database.transaction(async (tx) => {
          await tx
            .insertInto('tx_probe' as never)
            .values({ writer: `C${n}` } as never)
            .execute();
          return n;
        }),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4, 5]);
    const rows = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM tx_probe WHERE writer LIKE 'C%'`.execute(database.db);
    expect(rows.rows[0]!.n).toBe(5);
  });

  it('rolls back a failing script as a whole', async () => {
    const { database } = getDb();
    await expect(
      database.runScript("INSERT INTO tx_probe (writer) VALUES ('S'); SELECT no_such_function();"),
    ).rejects.toThrow();
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tx_probe WHERE writer = 'S'`.execute(
      database.db,
    );
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('has applied every migration, and migrating again is a no-op', async () => {
    const { database } = getDb();
    const files = (await readdir(path.join(projectRoot, 'migrations')))
      .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
      .sort();
    const before = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
      database.db,
    );
    expect(before.rows.map((r) => r.name)).toEqual(files);
    expect(await migrate(database)).toEqual([]);
    expect(await migrate(database)).toEqual([]);
    const after = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
      database.db,
    );
    expect(after.rows.map((r) => r.name)).toEqual(files);
  });

  it('has seeded the 42 MAPPA areas and their agencies', async () => {
    const { database } = getDb();
    const areas = await sql<{ n: number }>`SELECT count(*)::int AS n FROM areas`.execute(database.db);
    expect(areas.rows[0]!.n).toBe(42);
    const agencies = await sql<{
      n: number;
    }>`SELECT count(DISTINCT area_code)::int AS n FROM agencies`.execute(database.db);
    expect(agencies.rows[0]!.n).toBe(42);
  });

  it('provides pg_trgm and fuzzystrmatch', async () => {
    const { database } = getDb();
    const result = await sql<{
      sim_close: number;
      sim_far: number;
      matches: boolean;
      lev: number;
      dm: string;
      dm_alt: string;
      sx: string;
      mp: string;
    }>`SELECT similarity('smith', 'smiht') AS sim_close,
              similarity('smith', 'jones') AS sim_far,
              'john smith' % 'jonh smith' AS matches,
              levenshtein('kitten', 'sitting') AS lev,
              dmetaphone('Smith') AS dm,
              dmetaphone_alt('Smith') AS dm_alt,
              soundex('Robert') AS sx,
              metaphone('Thomas', 2) AS mp`.execute(database.db);
    const row = result.rows[0]!;
    expect(Number(row.sim_close)).toBeGreaterThan(0.2);
    expect(Number(row.sim_far)).toBeLessThan(Number(row.sim_close));
    expect(row.matches).toBe(true);
    expect(row.lev).toBe(3);
    expect(row.dm).toBe('SM0');
    expect(row.dm_alt).toBe('XMT');
    expect(row.sx).toBe('R163');
    expect(row.mp).toBe('0M');
    const extensions = await sql<{
      extname: string;
    }>`SELECT extname FROM pg_extension ORDER BY extname`.execute(database.db);
    expect(extensions.rows.map((r) => r.extname)).toEqual(
      expect.arrayContaining(['fuzzystrmatch', 'pg_trgm']),
    );
  });
});

describe('a PostgreSQL server database', () => {
  const connectionsTo = async (databaseUrl: string) => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const result = await admin.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [new URL(databaseUrl).pathname.slice(1)],
      );
      return result.rows[0]!.n;
    } finally {
      await admin.end();
    }
  };

  it('closes every connection on close(), even when only runScript was used', async () => {
    await withEmptyServerDatabase(async (databaseUrl) => {
      const database = await openDatabase({ databaseUrl });
      await database.runScript('CREATE TABLE probe (id int)');
      await expect(database.runScript('SELECT no_such_function()')).rejects.toThrow();
      await database.close();
      let open = await connectionsTo(databaseUrl);
      for (let i = 0; i < 20 && open > 0; i++) {
        await sleep(100);
        open = await connectionsTo(databaseUrl);
      }
      expect(open).toBe(0);
    });
  });

  it('lets two instances started at the same time migrate the same empty database', async () => {
    await withEmptyServerDatabase(async (databaseUrl) => {
      const first = await openDatabase({ databaseUrl });
      const second = await openDatabase({ databaseUrl });
      // Use the query builder once, so close() ends the pools whatever the outcome (see the test above).
      await sql`SELECT 1`.execute(first.db);
      await sql`SELECT 1`.execute(second.db);
      try {
        const results = await Promise.allSettled([migrate(first), migrate(second)]);
        const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(failures.map((f) => String(f.reason))).toEqual([]);
        const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
        const files = (await readdir(path.join(projectRoot, 'migrations'))).filter((f) =>
          /^\d{4}_[\w-]+\.sql$/.test(f),
        );
        // Each migration applied exactly once, by one or the other.
        expect(applied.sort()).toEqual(files.sort());
        expect(await migrate(first)).toEqual([]);
      } finally {
        await first.close();
        await second.close();
      }
    });
  });
});
