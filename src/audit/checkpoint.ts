import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import {
  GENESIS_HASH,
  readHead,
  verifyChain,
  type ChainProblem,
  type ChainVerification,
  type VerifyOptions,
} from './chain.ts';

/**
 * Signed checkpoints of the access log's hash chain. Anyone able to rewrite the log could also
 * recompute every hash after their change; a checkpoint kept elsewhere (emailed to the DPO, printed,
 * stored with the backups) pins the head as it was, and `verifyCheckpoint` shows whether the chain
 * still passes through it.
 */
export interface Checkpoint {
  kind: 'vigil-access-log-checkpoint';
  version: 1;
  /** Sequence number of the newest entry (the chain has no gaps, so also the number of entries). */
  headSeq: number;
  /** Its hash, hex. */
  headHash: string;
  /** Entries in the chain when the checkpoint was made. */
  count: number;
  /** When the checkpoint was made, UTC ISO 8601. */
  at: string;
  algorithm: 'Ed25519';
  /** The signer's public key (SPKI PEM), so the checkpoint can be checked on its own. */
  publicKey: string;
  /** SHA-256 of the public key's DER, hex: short enough to compare by eye or phone. */
  keyFingerprint: string;
  /** Ed25519 signature over `signedText(checkpoint)`, base64. */
  signature: string;
}

export const SIGNING_KEY_ENV = 'VIGIL_AUDIT_SIGNING_KEY';
export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

/** The exact bytes signed: the checkpoint's facts in a fixed order. */
export function signedText(
  c: Pick<Checkpoint, 'kind' | 'version' | 'headSeq' | 'headHash' | 'count' | 'at'>,
): string {
  return JSON.stringify({
    kind: c.kind,
    version: c.version,
    headSeq: c.headSeq,
    headHash: c.headHash,
    count: c.count,
    at: c.at,
  });
}

export class SigningKeyError extends Error {}

/**
 * The Ed25519 signing key: VIGIL_AUDIT_SIGNING_KEY (a PKCS#8 PEM) if set, otherwise
 * `<dataDir>/audit-signing-key.pem`, generated on first use with mode 0600.
 */
export async function loadSigningKey(dataDir: string, configured: string | undefined): Promise<KeyObject> {
  const fromEnv = configured;
  if (fromEnv && fromEnv.trim()) return parsePrivateKey(fromEnv.replace(/\\n/g, '\n'), SIGNING_KEY_ENV);
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  try {
    return parsePrivateKey(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // `wx`: never overwrite a key another process has just written.
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
    return privateKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parsePrivateKey(await readFile(file, 'utf8'), file);
  }
}

/** The public half of the configured key, without creating one; null when there is none yet. */
export async function configuredPublicKey(
  dataDir: string,
  configured: string | undefined,
): Promise<KeyObject | null> {
  const fromEnv = configured;
  if (fromEnv && fromEnv.trim())
    return createPublicKey(parsePrivateKey(fromEnv.replace(/\\n/g, '\n'), SIGNING_KEY_ENV));
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  try {
    await stat(file);
  } catch {
    return null;
  }
  return createPublicKey(parsePrivateKey(await readFile(file, 'utf8'), file));
}

function parsePrivateKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new SigningKeyError(`${source} does not hold a private key in PEM form`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(
      `${source} holds a ${key.asymmetricKeyType ?? 'non-asymmetric'} key: an Ed25519 key is needed`,
    );
  }
  return key;
}

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/**
 * Signs the chain's current head. Refuses when the head row and the newest entry disagree (run
 * `vigil audit verify` to see what is wrong).
 */
export async function createCheckpoint(
  database: Database,
  privateKey: KeyObject,
  now: Date,
): Promise<Checkpoint> {
  const head = await readHead(database);
  if (head.seq > 0) {
    const stored = await hashAt(database, head.seq);
    if (!stored.includes(head.hash)) {
      throw new Error(
        `The head of the access log chain (entry ${head.seq}) does not match the log: run \`vigil audit verify\``,
      );
    }
  } else if (head.hash !== GENESIS_HASH) {
    throw new Error('The head of the empty access log chain has been altered: run `vigil audit verify`');
  }
  const publicKey = createPublicKey(privateKey);
  const facts = {
    kind: 'vigil-access-log-checkpoint' as const,
    version: 1 as const,
    headSeq: head.seq,
    headHash: head.hash,
    count: head.seq,
    at: now.toISOString(),
  };
  return {
    ...facts,
    algorithm: 'Ed25519',
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyFingerprint: keyFingerprint(publicKey),
    signature: sign(null, Buffer.from(signedText(facts), 'utf8'), privateKey).toString('base64'),
  };
}

export interface CheckpointCheck {
  /** The signature matches the checkpoint's facts and its public key. */
  signatureValid: boolean;
  /** The entry at `headSeq` still has `headHash`: nothing up to it was rewritten. */
  chainContainsHead: boolean;
  /** Whether the checkpoint was signed by the expected key (the one given, else this installation's); null if neither is known. */
  signedByExpectedKey: boolean | null;
  /** Entries in the chain now. */
  currentHeadSeq: number;
  problems: string[];
}

/** Checks a checkpoint's signature, its signer, and that the chain still passes through its head. */
export async function verifyCheckpoint(
  database: Database,
  input: unknown,
  expectedPublicKey: KeyObject | null,
): Promise<CheckpointCheck> {
  const problems: string[] = [];
  const checkpoint = parseCheckpoint(input);
  let signatureValid: boolean;
  let signer: KeyObject | null = null;
  try {
    signer = createPublicKey(checkpoint.publicKey);
    signatureValid =
      signer.asymmetricKeyType === 'ed25519' &&
      verify(
        null,
        Buffer.from(signedText(checkpoint), 'utf8'),
        signer,
        Buffer.from(checkpoint.signature, 'base64'),
      );
  } catch {
    signatureValid = false;
  }
  if (!signatureValid)
    problems.push('The signature does not match the checkpoint: it was altered, or signed with another key.');
  const signedByExpectedKey =
    expectedPublicKey && signer ? keyFingerprint(signer) === keyFingerprint(expectedPublicKey) : null;
  if (signedByExpectedKey === false) problems.push('The checkpoint was not signed by the expected key.');

  const head = await readHead(database);
  let chainContainsHead: boolean;
  if (checkpoint.headSeq === 0) chainContainsHead = checkpoint.headHash === GENESIS_HASH;
  else {
    const stored = await hashAt(database, checkpoint.headSeq);
    chainContainsHead = stored.length === 1 && stored[0] === checkpoint.headHash;
    if (!stored.length)
      problems.push(
        `Entry ${checkpoint.headSeq} is no longer in the log: it, or the log after it, was deleted.`,
      );
    else if (!chainContainsHead)
      problems.push(
        `Entry ${checkpoint.headSeq} no longer has the checkpoint's hash: the log up to it was rewritten.`,
      );
  }
  return { signatureValid, chainContainsHead, signedByExpectedKey, currentHeadSeq: head.seq, problems };
}

export function parseCheckpoint(input: unknown): Checkpoint {
  const c = input as Partial<Checkpoint> | null;
  const ok =
    c !== null &&
    typeof c === 'object' &&
    c.kind === 'vigil-access-log-checkpoint' &&
    c.version === 1 &&
    Number.isSafeInteger(c.headSeq) &&
    (c.headSeq as number) >= 0 &&
    typeof c.headHash === 'string' &&
    /^[0-9a-f]{64}$/.test(c.headHash) &&
    Number.isSafeInteger(c.count) &&
    typeof c.at === 'string' &&
    typeof c.publicKey === 'string' &&
    typeof c.signature === 'string';
  if (!ok)
    throw new Error(
      'This is not a Vigil access log checkpoint (expected the JSON `vigil audit checkpoint` prints)',
    );
  return c as Checkpoint;
}

async function hashAt(database: Database, seq: number): Promise<string[]> {
  const rows = await sql<{ hash: string }>`
    SELECT encode(hash, 'hex') AS hash FROM access_log WHERE id = ${seq}::bigint`.execute(database.db);
  return rows.rows.map((r) => r.hash);
}

/**
 * Keeps a copy of the checkpoint in the database too (`access_log_checkpoints`, append-only), so
 * `verifyAccessLog` can find a tail deleted after it without the copy held elsewhere.
 */
export async function storeCheckpoint(database: Database, checkpoint: Checkpoint): Promise<void> {
  await database.transaction((tx) =>
    sql`
      INSERT INTO access_log_checkpoints (head_seq, head_hash, at, checkpoint)
      VALUES (${checkpoint.headSeq}::bigint, decode(${checkpoint.headHash}, 'hex'), ${checkpoint.at}::timestamptz,
              ${JSON.stringify(checkpoint)})`.execute(tx),
  );
}

export interface NewestCheckpoint {
  headSeq: number;
  at: string;
  /** How long before the verification it was made, in whole minutes. */
  ageMinutes: number;
  /** Entries appended since (only a checkpoint held elsewhere, or a newer one, covers them). */
  entriesSince: number;
}

export type LogVerification = ChainVerification & {
  /** The newest stored checkpoint signed by the expected key (any valid one when none is known). */
  newestCheckpoint: NewestCheckpoint | null;
  /** Stored checkpoints not signed by the expected key, or not validly signed: ignored. */
  ignoredCheckpoints: number;
};

/**
 * `vigil audit verify`: the whole chain and its index (`verifyChain`), then every checkpoint kept
 * in the database that this installation signed. The chain must still pass through each: one naming
 * an entry beyond the head means the tail was deleted and the head moved back (`truncated`); one
 * whose entry has another hash means the log up to it was rewritten (`checkpoint`). Entries after the
 * newest checkpoint are covered only by the next one: the answer says how old it is.
 */
export async function verifyAccessLog(
  database: Database,
  options: VerifyOptions & { now: Date; expectedPublicKey: KeyObject | null },
): Promise<LogVerification> {
  const chain = await verifyChain(database, options);
  const rows = await sql<{ head_seq: number; checkpoint: string; stored_hash: string | null }>`
    SELECT c.head_seq, c.checkpoint, encode(l.hash, 'hex') AS stored_hash
    FROM access_log_checkpoints c LEFT JOIN access_log l ON l.id = c.head_seq
    ORDER BY c.head_seq DESC, c.at DESC`.execute(database.db);
  const expected = options.expectedPublicKey ? keyFingerprint(options.expectedPublicKey) : null;
  let newest: Checkpoint | null = null;
  let ignored = 0;
  let problem: ChainProblem | null = null;
  for (const row of rows.rows) {
    const checkpoint = trustedCheckpoint(row.checkpoint, expected);
    if (!checkpoint || checkpoint.headSeq !== Number(row.head_seq)) {
      ignored += 1;
      continue;
    }
    if (!newest || Date.parse(checkpoint.at) > Date.parse(newest.at)) newest = checkpoint;
    if (problem) continue;
    const seq = checkpoint.headSeq;
    if (seq > chain.headSeq || (seq > 0 && row.stored_hash === null)) {
      problem = {
        kind: 'truncated',
        seq: Math.min(seq, chain.headSeq + 1),
        message:
          `The checkpoint signed at ${checkpoint.at} names entry ${seq}, but the chain now ends at entry ${chain.headSeq}: ` +
          `the newest entries were deleted and the head moved back.`,
      };
    } else if (seq > 0 && row.stored_hash !== checkpoint.headHash) {
      problem = {
        kind: 'checkpoint',
        seq,
        message: `Entry ${seq} no longer has the hash the checkpoint signed at ${checkpoint.at} gives it: the log up to it was rewritten.`,
      };
    }
  }
  const newestCheckpoint = newest && {
    headSeq: newest.headSeq,
    at: newest.at,
    ageMinutes: Math.floor((options.now.getTime() - Date.parse(newest.at)) / 60_000),
    entriesSince: Math.max(0, chain.headSeq - newest.headSeq),
  };
  const extra = { newestCheckpoint, ignoredCheckpoints: ignored };
  if (!chain.intact) return { ...chain, ...extra };
  if (problem) return { ...chain, intact: false, problem, ...extra };
  return { ...chain, ...extra };
}

/** The stored checkpoint, if its signature holds and it is signed by the expected key (when one is known). */
function trustedCheckpoint(text: string, expectedFingerprint: string | null): Checkpoint | null {
  try {
    const checkpoint = parseCheckpoint(JSON.parse(text));
    const signer = createPublicKey(checkpoint.publicKey);
    if (signer.asymmetricKeyType !== 'ed25519') return null;
    if (expectedFingerprint && keyFingerprint(signer) !== expectedFingerprint) return null;
    const valid = verify(
      null,
      Buffer.from(signedText(checkpoint), 'utf8'),
      signer,
      Buffer.from(checkpoint.signature, 'base64'),
    );
    return valid ? checkpoint : null;
  } catch {
    return null;
  }
}
