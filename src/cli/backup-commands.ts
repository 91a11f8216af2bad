import type { Command } from 'commander';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';

/**
 * `vigil backup <file>` / `vigil restore <file>` (docs/operations.md): the embedded database's
 * data directory as a tarball, or a PostgreSQL server's database with pg_dump / pg_restore.
 * One line on success; on failure one line on stderr and exit 1 (src/cli/main.ts).
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'Back up the database to a new file: pg_dump custom format with DATABASE_URL, else the embedded data directory as a .tar.gz (stop `vigil serve` first). Keys are never included',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      const result = await backupDatabase(config, file);
      console.log(
        `Backed up the ${describe(config)} to ${file} (${megabytes(result.bytes)}) in ${result.seconds.toFixed(1)} s`,
      );
    });

  program
    .command('restore <file>')
    .description(
      'Replace the database with a backup made by `vigil backup` (stop `vigil serve` first); the embedded data directory replaced is kept beside it',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      const suffix = systemClock.now().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      const result = await restoreDatabase(config, file, suffix);
      console.log(
        `Restored ${file} into the ${describe(config)} in ${result.seconds.toFixed(1)} s` +
          (result.previousDataDir ? ` (the data it replaced is kept in ${result.previousDataDir})` : ''),
      );
    });
}

function describe(config: { databaseUrl: string | undefined; dataDir: string }): string {
  if (!config.databaseUrl) return `embedded database in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL database ${url.pathname.slice(1)} on ${url.host}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
