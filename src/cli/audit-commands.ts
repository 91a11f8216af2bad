import { readFile, writeFile } from 'node:fs/promises';
import { createPublicKey } from 'node:crypto';
import type { Command } from 'commander';
import {
  configuredPublicKey,
  createCheckpoint,
  loadSigningKey,
  storeCheckpoint,
  verifyAccessLog,
  verifyCheckpoint,
  type LogVerification,
} from '../audit/checkpoint.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';

/**
 * `vigil audit …`: check the access log's hash chain and pin its head with signed checkpoints
 * (docs/access-log.md). They never migrate; only `checkpoint` writes (it keeps a copy of each
 * checkpoint in the append-only `access_log_checkpoints`).
 * Exit status 0 when all is well, 1 when the log was tampered with or the checkpoint fails.
 */
export function registerAuditCommands(program: Command): void {
  const audit = program
    .command('audit')
    .description('Check the tamper-evident access log and sign checkpoints of it');

  audit
    .command('verify')
    .description(
      'Recompute the whole hash chain and its index, check it against the stored checkpoints, and report the first edited, deleted, reordered or truncated entry (exit 1 if any)',
    )
    .option('--batch-size <n>', 'entries read per query', '5000')
    .option('--json', 'print the result as JSON')
    .action(async (options: { batchSize: string; json?: boolean }) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
        throw new Error('--batch-size must be a whole number from 1 to 100000');
      const config = loadConfig();
      const expectedPublicKey = await configuredPublicKey(config.dataDir, config.auditSigningKey);
      await withDatabase(async (database) => {
        const progress = process.stderr.isTTY && !options.json;
        const result = await verifyAccessLog(database, {
          now: systemClock.now(),
          expectedPublicKey,
          batchSize,
          onProgress: progress
            ? (checked, head) =>
                process.stderr.write(
                  `\rChecked ${checked.toLocaleString('en-GB')} of ${head.toLocaleString('en-GB')} entries`,
                )
            : undefined,
        });
        if (progress) process.stderr.write('\n');
        if (options.json) console.log(JSON.stringify(result, null, 2));
        else if (result.intact) {
          console.log(
            `Access log intact: ${result.entries} entries, head ${result.headSeq} (${result.headHash}).`,
          );
        } else {
          console.log(
            `ACCESS LOG TAMPERED WITH (${result.problem.kind}) at entry ${result.problem.seq}: ${result.problem.message}`,
          );
          console.log(`${result.entries} entries before it checked out.`);
        }
        if (!options.json) console.log(describeNewestCheckpoint(result));
        process.exitCode = result.intact ? 0 : 1;
      });
    });

  audit
    .command('checkpoint')
    .description(
      'Print a signed checkpoint of the chain head as JSON (Ed25519 key from VIGIL_AUDIT_SIGNING_KEY, else <VIGIL_DATA_DIR>/audit-signing-key.pem, created once)',
    )
    .option('--output <file>', 'also write it to this file')
    .action(async (options: { output?: string }) => {
      const config = loadConfig();
      const key = await loadSigningKey(config.dataDir, config.auditSigningKey);
      await withDatabase(async (database) => {
        const checkpoint = await createCheckpoint(database, key, systemClock.now());
        await storeCheckpoint(database, checkpoint);
        const json = JSON.stringify(checkpoint, null, 2);
        if (options.output) await writeFile(options.output, `${json}\n`, { flag: 'wx' });
        console.log(json);
      });
    });

  audit
    .command('verify-checkpoint <file>')
    .description(
      'Check a checkpoint’s signature and that the chain still passes through its head (exit 1 if not)',
    )
    .option(
      '--public-key <file>',
      'the public key (PEM) it must be signed with; by default, this installation’s key if it has one',
    )
    .action(async (file: string, options: { publicKey?: string }) => {
      const config = loadConfig();
      const checkpoint: unknown = JSON.parse(await readFile(file, 'utf8'));
      const expected = options.publicKey
        ? createPublicKey(await readFile(options.publicKey, 'utf8'))
        : await configuredPublicKey(config.dataDir, config.auditSigningKey);
      await withDatabase(async (database) => {
        const check = await verifyCheckpoint(database, checkpoint, expected);
        const head = (checkpoint as { headSeq: number }).headSeq;
        console.log(`Signature: ${check.signatureValid ? 'valid' : 'INVALID'}`);
        console.log(
          `Signer: ${check.signedByExpectedKey === null ? 'no expected key to compare with' : check.signedByExpectedKey ? 'the expected key' : 'NOT the expected key'}`,
        );
        console.log(
          `Chain: ${check.chainContainsHead ? `still passes through entry ${head}` : `NO LONGER passes through entry ${head}`} (now ${check.currentHeadSeq} entries)`,
        );
        for (const problem of check.problems) console.log(`- ${problem}`);
        if (check.chainContainsHead)
          console.log('Run `vigil audit verify` to check every entry up to the head as well.');
        const ok = check.signatureValid && check.chainContainsHead && check.signedByExpectedKey !== false;
        process.exitCode = ok ? 0 : 1;
      });
    });
}

/** How far the stored checkpoints reach: entries after the newest are covered by none yet. */
function describeNewestCheckpoint(result: LogVerification): string {
  const ignored = result.ignoredCheckpoints
    ? ` (${result.ignoredCheckpoints} stored checkpoint(s) not signed by this installation's key ignored)`
    : '';
  const newest = result.newestCheckpoint;
  if (!newest)
    return `No stored checkpoint: run \`vigil audit checkpoint\` regularly, or a deleted tail cannot be seen${ignored}.`;
  const hours = Math.floor(newest.ageMinutes / 60);
  const age = hours >= 1 ? `${hours} h ${newest.ageMinutes % 60} min` : `${newest.ageMinutes} min`;
  return `Newest checkpoint: entry ${newest.headSeq}, signed ${age} ago (${newest.at}); ${newest.entriesSince} entries since${ignored}.`;
}

async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  try {
    await work(database);
  } finally {
    await database.close();
  }
}
