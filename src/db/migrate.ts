import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { projectRoot } from '../config.ts';
import type { Database } from './database.ts';

const migrationsDir = path.join(projectRoot, 'migrations');

/** Applies every pending `migrations/NNNN_name.sql` in order, each in its own transaction; returns the names applied. */
export async function migrate(database: Database): Promise<string[]> {
  await database.runScript(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = (await readdir(migrationsDir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const applied = new Set(
    (await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(database.db)).rows.map((r) => r.name),
  );
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const script = await readFile(path.join(migrationsDir, file), 'utf8');
    // The advisory lock stops two servers starting at once from applying the same migration twice.
    await database.runScript(
      `SELECT pg_advisory_xact_lock(7031); ${script}\n;INSERT INTO schema_migrations (name) VALUES ('${file}') ON CONFLICT DO NOTHING;`,
    );
    done.push(file);
  }
  return done;
}
