import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { ensureAccessLogPartitions } from '../audit/partitions.ts';
import { momentOf, systemClock, todayBy } from '../clock.ts';
import { ValidationError } from '../domain/errors.ts';
import { DEMO_TOTP_SECRET, loadDemoData } from '../tooling/demo/demo-dataset.ts';
import { generateSync } from 'otplib';
import { seedReferenceData } from '../modules/reference/index.ts';
import {
  createServiceToken,
  tokenExpiry,
  createUser,
  findUserByEmail,
  listServiceTokens,
  loadKeyring,
  newSecretsKey,
  resealSecrets,
  resetTwoFactor,
  revokeServiceToken,
  saveKeyringFile,
  useKeyring,
} from '../modules/users/index.ts';
import { buildApp } from '../web/app.ts';
import { formatRecomputeSummary, recomputeAllObligations } from '../modules/levels/index.ts';
import { smtpMailer } from '../modules/notifications/index.ts';
import { registerAuditCommands } from './audit-commands.ts';
import { registerBackupCommands } from './backup-commands.ts';
import { BackupError } from '../db/backup.ts';
import { GenerationError, generateDataset } from '../tooling/generate/generate.ts';
import { duration } from '../tooling/generate/progress-bar.ts';
import { BenchError, runBench } from '../../bench/run.ts';
import '../modules/wiring.ts';

/** The password every demo user has: printed at start, never used outside the demo. */
export const DEMO_PASSWORD = 'vigil-demo-only-2026';

async function open(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    // A restarting server drops idle connections: noted, never fatal (requests get 503 meanwhile).
    onConnectionError: (error) =>
      console.error(`vigil: database connection lost (${error.message}); reconnecting`),
  });
  await migrate(database);
  await ensureAccessLogPartitions(database, systemClock);
  await seedReferenceData(database);
  // The key for secrets stored reversibly (two-factor secrets); values still in clear (from before
  // encryption) or under an older key are encrypted under the current one at every start.
  useKeyring(await loadKeyring(config.dataDir, config.secretsKey));
  await resealSecrets(database);
  return database;
}

async function serve(config: Config, database: Database, banner?: string[]) {
  const app = await buildApp({
    database,
    config,
    ...(config.oidc ? { oidc: config.oidc } : {}),
    // Significant events are emailed (without case details) when an SMTP server is configured.
    ...(config.smtpUrl ? { mailer: smtpMailer(config.smtpUrl) } : {}),
    baseUrl: config.baseUrl,
  });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL in ${config.dataDir}`;
  console.log(`Vigil is running at http://localhost:${config.port} (${where}). Press Ctrl+C to stop.`);
  for (const line of banner ?? []) console.log(line);
}

const program = new Command()
  .name('vigil')
  .description(
    'Vigil: the shared MAPPA record. Uses DATABASE_URL if set, otherwise embedded PostgreSQL in VIGIL_DATA_DIR (./data).',
  )
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('Apply pending migrations and serve Vigil on PORT (3000)')
  .action(async () => {
    const config = loadConfig();
    await serve(config, await open(config));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and load reference data, then exit')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
    });
    const applied = await migrate(database);
    await ensureAccessLogPartitions(database, systemClock);
    const reference = await seedReferenceData(database);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'No pending migrations');
    console.log(`Reference data: ${reference.areas} areas, ${reference.agencies} agencies`);
    await database.close();
  });

program
  .command('demo')
  .description(
    'Load the demo dataset (one area, ~300 people, a user for every role) if not loaded yet, and serve it',
  )
  .option('--nominals <n>', 'how many people to create on first load', '300')
  .option('--no-serve', 'load the data and exit')
  .action(async (options: { nominals: string; serve: boolean }) => {
    const config = loadConfig();
    const database = await open(config);
    const nominals = Number(options.nominals);
    if (!Number.isInteger(nominals) || nominals < 1 || nominals > 5000)
      throw new UsageError('--nominals must be a whole number from 1 to 5000');
    console.log('Loading demo data (first run only; this takes a little while)…');
    const demo = await loadDemoData(database, {
      nominals,
      clock: systemClock,
      password: DEMO_PASSWORD,
    });
    const banner = [
      '',
      `Demo sign-in: any of these emails, password "${DEMO_PASSWORD}".`,
      `Then the two-factor code: run "npx vigil demo-code" in another terminal, or add the key`,
      `${DEMO_TOTP_SECRET} to an authenticator app (demo users share it; real users each enrol their own).`,
      ...demo.users.map((u) => `  ${u.email.padEnd(48)} ${u.role}`),
    ];
    if (options.serve) await serve(config, database, banner);
    else {
      banner.forEach((line) => console.log(line));
      await database.close();
    }
  });

program
  .command('demo-code')
  .description('Print the current two-factor code of the demo users (demo data only)')
  .action(() => {
    console.log(
      generateSync({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(systemClock.now().getTime() / 1000) }),
    );
  });

program
  .command('obligations')
  .description('MAPPA obligations computed for each person')
  .command('recompute')
  .description(
    'Recompute everyone’s deadlines (run nightly: eligibility and notification periods end with time); prints who changed category or end date, and why',
  )
  .option('--area <code>', 'only this MAPPA area, e.g. AVS')
  .action(async (options: { area?: string }) => {
    const config = loadConfig();
    const database = await open(config);
    try {
      const result = await recomputeAllObligations(database, todayBy(systemClock), options.area);
      // How many changed category or end date, and why: a correction of the rules is never silent.
      console.log(formatRecomputeSummary(result));
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('Manage users');
user
  .command('add')
  .description(
    'Add a user (the password is read from standard input); they set up two-factor authentication at first sign-in',
  )
  .requiredOption('--email <email>', 'their work email, used to sign in')
  .requiredOption('--name <name>', 'their full name')
  .requiredOption('--agency <agency>', 'the agency id, or its exact name')
  .requiredOption('--roles <roles>', 'comma-separated roles, e.g. probation_practitioner,meeting_chair')
  .requiredOption('--vetting-level <level>', 'NPPV2, NPPV3, SC or DV')
  .requiredOption('--vetting-expires <date>', 'the date their vetting expires, YYYY-MM-DD')
  .requiredOption('--training-date <date>', 'the date they completed MAPPA training, YYYY-MM-DD')
  .action(
    async (options: {
      email: string;
      name: string;
      agency: string;
      roles: string;
      vettingLevel: string;
      vettingExpires: string;
      trainingDate: string;
    }) => {
      const config = loadConfig();
      const database = await open(config);
      try {
        const agency = await database.db
          .selectFrom('agencies')
          .select('id')
          .where((eb) =>
            /^[0-9a-f-]{36}$/i.test(options.agency)
              ? eb('id', '=', options.agency)
              : eb('name', '=', options.agency),
          )
          .execute();
        if (agency.length !== 1)
          throw new UsageError(`No single agency matches "${options.agency}" – give its id or exact name`);
        const password = (await readStdin()).replace(/\r?\n$/, '');
        const created = await createUser(database, momentOf(systemClock), {
          email: options.email,
          displayName: options.name,
          agencyId: agency[0]!.id,
          roles: options.roles
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
          password,
          vetting: { level: options.vettingLevel.trim().toUpperCase(), expiresOn: options.vettingExpires },
          trainingCompletedOn: options.trainingDate,
        });
        console.log(`Added ${created.email} (${created.id})`);
      } finally {
        await database.close();
      }
    },
  );
user
  .command('reset-two-factor')
  .description('Make a user set up a new authenticator at their next sign-in (ends their sessions)')
  .requiredOption('--email <email>', 'the user')
  .action(async (options: { email: string }) => {
    const config = loadConfig();
    const database = await open(config);
    try {
      const found = await findUserByEmail(database, options.email);
      if (!found) throw new UsageError(`No user has the email ${options.email}`);
      await resetTwoFactor(database, momentOf(systemClock), found.id);
      console.log(`Two-factor authentication reset for ${found.email}`);
    } finally {
      await database.close();
    }
  });

const secrets = program.command('secrets').description('Manage the key that encrypts stored secrets');
secrets
  .command('rotate')
  .description(
    `Encrypt every stored secret under a new key. With the generated key file (VIGIL_DATA_DIR/secrets-keys) a new key is made and listed first; with VIGIL_SECRETS_KEY, put the new key first yourself and restart the service before running this. Old keys keep reading until removed`,
  )
  .option('--retire-old-keys', 'after re-encrypting, remove the old keys from the generated key file')
  .action(async (options: { retireOldKeys?: boolean }) => {
    const config = loadConfig();
    const fromFile = !config.secretsKey?.trim();
    if (fromFile) {
      // Made (if need be) and extended before the database is opened: nothing is ever encrypted
      // under a key that is not written down.
      const keyring = await loadKeyring(config.dataDir, undefined);
      const file = await saveKeyringFile(config.dataDir, { keys: [newSecretsKey(), ...keyring.keys] });
      console.log(`New key added to ${file}`);
    }
    const database = await open(config);
    try {
      // open() re-encrypted every stored secret under the current (first) key.
      const again = await resealSecrets(database);
      console.log(
        `Every stored secret is encrypted under the current key${again ? ` (${again} more now)` : ''}`,
      );
      if (fromFile && options.retireOldKeys) {
        const keyring = await loadKeyring(config.dataDir, undefined);
        await saveKeyringFile(config.dataDir, { keys: keyring.keys.slice(0, 1) });
        console.log('Old keys removed');
      }
    } finally {
      await database.close();
    }
  });

const token = program.command('token').description('Manage API tokens for machine clients');
token
  .command('add')
  .description(
    'Issue a bearer token that acts as an existing user; it is shown once. Read-only unless --write',
  )
  .requiredOption('--user <email>', 'the user the token acts as')
  .requiredOption('--name <name>', 'what the token is for, e.g. "nDelius import"')
  .option('--expires-days <days>', 'days until it expires', '90')
  .option('--write', 'allow the token to change records (default: read only)', false)
  .option(
    '--areas <codes>',
    'limit the token to these MAPPA areas, e.g. AVS,GLO (default: the user’s own scope)',
  )
  .action(
    async (options: { user: string; name: string; expiresDays: string; write: boolean; areas?: string }) => {
      const config = loadConfig();
      const database = await open(config);
      try {
        const found = await findUserByEmail(database, options.user);
        if (!found) throw new UsageError(`No user has the email ${options.user}`);
        const areaCodes = options.areas
          ?.split(',')
          .map((a) => a.trim())
          .filter(Boolean);
        if (options.areas !== undefined && !areaCodes?.length)
          throw new UsageError('--areas needs at least one area code, e.g. --areas AVS,GLO');
        const moment = momentOf(systemClock);
        console.log(
          await createServiceToken(
            database,
            moment,
            found.id,
            options.name,
            tokenExpiry(moment, options.expiresDays),
            {
              readOnly: !options.write,
              areaCodes: areaCodes ?? null,
            },
          ),
        );
      } finally {
        await database.close();
      }
    },
  );
token
  .command('list')
  .description("List a user's API tokens (never the tokens themselves)")
  .requiredOption('--user <email>', 'the user the tokens act as')
  .action(async (options: { user: string }) => {
    const config = loadConfig();
    const database = await open(config);
    try {
      const found = await findUserByEmail(database, options.user);
      if (!found) throw new UsageError(`No user has the email ${options.user}`);
      for (const t of await listServiceTokens(database, found.id, systemClock.now())) {
        const state = t.active ? 'active' : t.revokedAt ? 'revoked' : 'expired';
        const scope = `${t.readOnly ? 'read-only' : 'read-write'}${t.areaCodes ? ` areas=${t.areaCodes.join(',')}` : ''}`;
        console.log(`${t.id}  ${state.padEnd(7)}  ${scope.padEnd(28)}  ${t.name}`);
      }
    } finally {
      await database.close();
    }
  });
token
  .command('revoke <id>')
  .description('Revoke an API token at once (see `vigil token list` for ids)')
  .action(async (id: string) => {
    const config = loadConfig();
    const database = await open(config);
    try {
      const revoked = await revokeServiceToken(database, momentOf(systemClock), id);
      console.log(`Revoked token ${revoked.id} (${revoked.name})`);
    } finally {
      await database.close();
    }
  });

program
  .command('generate')
  .description(
    'Fill the database with a synthetic national dataset (deterministic from the seed; resumable: run again after an interruption)',
  )
  .option('--seed <n>', 'the seed: the same seed gives the same people, ids and log', '1')
  .option('--scale <s>', 'fraction of the national size (1 = ~110,000 nominals, 10 million log entries)', '1')
  .option('--today <date>', 'the dataset’s "today", YYYY-MM-DD (default: today)')
  .action(async (options: { seed: string; scale: string; today?: string }) => {
    const seed = Number(options.seed);
    const scale = Number(options.scale);
    if (!/^\d+$/.test(options.seed.trim())) throw new UsageError('--seed must be a whole number');
    if (!/^\d*\.?\d+$/.test(options.scale.trim()))
      throw new UsageError('--scale must be a number, e.g. 0.01 or 1');
    const config = loadConfig();
    const database = await open(config);
    let stopping = false;
    // Ctrl+C finishes the batch in hand (each batch is one transaction), then stops: run again to resume.
    const onInterrupt = () => {
      if (stopping) process.exit(130);
      stopping = true;
      console.error('\nStopping after this batch; run the same command again to resume.');
    };
    process.on('SIGINT', onInterrupt);
    try {
      const result = await generateDataset(database, {
        seed,
        scale,
        ...(options.today ? { today: options.today } : {}),
        shouldStop: () => stopping,
      });
      const { plan } = result;
      console.log(
        `${result.complete ? 'Generated' : 'Stopped part-way:'} ${plan.mappaTotal.toLocaleString('en-GB')} MAPPA nominals, ` +
          `${plan.otherTotal.toLocaleString('en-GB')} other supervised people, ${plan.accessLogEntries.toLocaleString('en-GB')} access-log entries ` +
          `as of ${result.today} (seed ${plan.seed}, scale ${plan.scale}): ${result.batchesWritten} batches, ` +
          `${result.rowsWritten.toLocaleString('en-GB')} rows in ${duration(result.seconds)}` +
          (result.batchesSkipped ? ` (${result.batchesSkipped} batches were already done)` : ''),
      );
      if (!result.complete) process.exitCode = 130;
    } finally {
      process.off('SIGINT', onInterrupt);
      await database.close();
    }
  });

program
  .command('bench')
  .description(
    'Benchmark a generated dataset: starts `vigil serve` on loopback, runs the fixed scenarios and their raw-SQL equivalents, prints a table and writes bench/results/*.json',
  )
  .option('--quick', 'a few requests per scenario (proves it works; numbers mean little)', false)
  .action(async (options: { quick: boolean }) => {
    const config = loadConfig();
    if (!config.databaseUrl)
      throw new UsageError(
        'vigil bench needs DATABASE_URL: a PostgreSQL server database filled by `vigil generate`',
      );
    await runBench({ databaseUrl: config.databaseUrl, quick: options.quick });
  });

registerAuditCommands(program);
registerBackupCommands(program);

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError(
      'Pipe the password on standard input, e.g. `printf %s "$PASSWORD" | vigil user add …`',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Bad input is one line on stderr and a non-zero exit, never a stack trace. */
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ValidationError) {
    console.error(`vigil: ${Object.values(error.fieldErrors).join('; ')}`);
  } else if (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof GenerationError ||
    error instanceof BenchError ||
    error instanceof BackupError
  ) {
    console.error(`vigil: ${error.message}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`vigil: ${message.split('\n')[0]}`);
    if (debugging()) console.error(error);
  }
  process.exit(1);
}

/** Stack traces for support, when VIGIL_DEBUG is set (even if the rest of the configuration is bad). */
function debugging(): boolean {
  try {
    return loadConfig().debug;
  } catch {
    return false;
  }
}
