import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { systemClock, type Clock } from '../clock.ts';
import { projectRoot } from '../config.ts';
import type { Database } from './database.ts';

const migrationsDir = path.join(projectRoot, 'migrations');

/** A migration file that cannot be applied safely: the service refuses to start rather than guess. */
export class MigrationError extends Error {}

interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

/**
 * The migration files in order. Their numbers must run 0001, 0002, … without a gap: a missing
 * number is a migration lost in a merge, and applying the rest would build a different schema.
 */
export async function readMigrations(dir = migrationsDir): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const files: MigrationFile[] = [];
  for (const [index, name] of names.entries()) {
    const expected = String(index + 1).padStart(4, '0');
    if (!name.startsWith(`${expected}_`))
      throw new MigrationError(
        `migrations/ skips or repeats a number: expected ${expected}_… but found ${name} (number every new migration one above the last)`,
      );
    const script = await readFile(path.join(dir, name), 'utf8');
    files.push({ name, script, checksum: createHash('sha256').update(script).digest('hex') });
  }
  return files;
}

/**
 * Applies every pending `migrations/NNNN_name.sql` in order, each in its own transaction; returns the
 * names applied. A migration already applied must not change: its SHA-256 is stored when it is
 * applied and checked at every start, so an edited migration is refused instead of silently
 * leaving databases that applied the old text different from new ones.
 */
export async function migrate(
  database: Database,
  clock: Clock = systemClock,
  dir = migrationsDir,
): Promise<string[]> {
  const files = await readMigrations(dir);
  // An application role without CREATE rights must still start when nothing is pending.
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(
    database.db,
  );
  if (!exists.rows[0]?.t) {
    // The advisory lock stops two servers starting at once from racing each other.
    await database.runScript(
      'SELECT pg_advisory_xact_lock(7031); CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz, checksum text)',
    );
  }
  const hasChecksum = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.columns
      WHERE table_name = 'schema_migrations' AND column_name = 'checksum'`.execute(database.db);
  if (!hasChecksum.rows[0]?.n) {
    // Databases made before checksums: the migrations they applied are taken as they are now.
    await database.runScript(
      `SELECT pg_advisory_xact_lock(7031); ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text;
       ${files.map((f) => `UPDATE schema_migrations SET checksum = '${f.checksum}' WHERE name = '${f.name}' AND checksum IS NULL;`).join('\n')}`,
    );
  }
  const applied = new Map(
    (
      await sql<{
        name: string;
        checksum: string | null;
      }>`SELECT name, checksum FROM schema_migrations`.execute(database.db)
    ).rows.map((r) => [r.name, r.checksum]),
  );
  for (const [name, checksum] of applied) {
    const file = files.find((f) => f.name === name);
    if (!file)
      throw new MigrationError(
        `The database has applied ${name}, which is not in migrations/: this copy of Vigil is older than the database`,
      );
    if (checksum !== null && checksum !== file.checksum)
      throw new MigrationError(
        `migrations/${name} was changed after it was applied: put the change in a new migration and restore the file`,
      );
  }
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file.name)) continue;
    // Under the lock, check again: another server may have applied it since we looked.
    try {
      await database.runScript(
        `SELECT pg_advisory_xact_lock(7031);
         DO $$ BEGIN IF EXISTS (SELECT 1 FROM schema_migrations WHERE name = '${file.name}') THEN RAISE EXCEPTION 'vigil:already-applied'; END IF; END $$;
         ${file.script}
         ;INSERT INTO schema_migrations (name, checksum, applied_at) VALUES ('${file.name}', '${file.checksum}', '${clock.now().toISOString()}');`,
      );
      done.push(file.name);
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('vigil:already-applied'))) throw error;
    }
  }
  return done;
}
