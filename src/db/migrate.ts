import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { projectRoot } from '../config.ts';
import type { Database } from './database.ts';

const migrationsDir = path.join(projectRoot, 'migrations');

/** Applies every pending `migrations/NNNN_name.sql` in order, each in its own transaction; returns the names applied. */
export async function migrate(database: Database): Promise<string[]> {
  // An application role without CREATE rights must still start when nothing is pending.
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(
    database.db,
  );
  if (!exists.rows[0]?.t) {
    // The advisory lock stops two servers starting at once from racing each other.
    await database.runScript(
      'SELECT pg_advisory_xact_lock(7031); CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  }
  const files = (await readdir(migrationsDir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const applied = new Set(
    (await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(database.db)).rows.map(
      (r) => r.name,
    ),
  );
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const script = await readFile(path.join(migrationsDir, file), 'utf8');
    // Under the lock, check again: another server may have applied it since we looked.
    try {
      await database.runScript(
        `SELECT pg_advisory_xact_lock(7031);
         DO $$ BEGIN IF EXISTS (SELECT 1 FROM schema_migrations WHERE name = '${file}') THEN RAISE EXCEPTION 'vigil:already-applied'; END IF; END $$;
         ${script}
         ;INSERT INTO schema_migrations (name) VALUES ('${file}');`,
      );
      done.push(file);
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('vigil:already-applied'))) throw error;
    }
  }
  return done;
}
