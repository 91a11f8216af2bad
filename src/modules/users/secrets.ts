import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { transaction } from './tables.ts';

/**
 * Credential material Vigil must read back (TOTP shared secrets, on the user and on a session during
 * enrolment) is stored encrypted with AES-256-GCM under a key held outside the database:
 * VIGIL_SECRETS_KEY, else `<dataDir>/secrets-keys`, made once with mode 0600 (as the audit signing
 * key is). A stored value is `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url), so keys can rotate:
 * new values use the current key, any listed key still reads (`vigil secrets rotate`).
 */
export const SECRETS_KEY_ENV = 'VIGIL_SECRETS_KEY';
export const SECRETS_KEY_FILE = 'secrets-keys';
const PREFIX = 'v1';

export class SecretsKeyError extends Error {}

export interface SecretsKey {
  id: string;
  key: Buffer;
}
/** The first key is current (new values); every key reads. */
export interface Keyring {
  keys: SecretsKey[];
}

export const newSecretsKey = (): SecretsKey => ({
  id: randomBytes(4).toString('hex'),
  key: randomBytes(32),
});
export const formatKeys = (keyring: Keyring) =>
  keyring.keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join('\n') + '\n';

/** `id:base64key`, one per line or comma; the first is current. */
export function parseKeys(text: string, source: string): Keyring {
  const keys = text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line): SecretsKey => {
      const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/=]+)$/.exec(line);
      const key = match ? Buffer.from(match[2]!, 'base64') : undefined;
      if (!match || key?.length !== 32)
        throw new SecretsKeyError(
          `${source} must hold keys as id:base64 (32 random bytes, e.g. \`openssl rand -base64 32\`), the current one first`,
        );
      return { id: match[1]!, key };
    });
  if (!keys.length) throw new SecretsKeyError(`${source} holds no key`);
  if (new Set(keys.map((k) => k.id)).size !== keys.length)
    throw new SecretsKeyError(`${source} repeats a key id`);
  return { keys };
}

/** VIGIL_SECRETS_KEY if set, otherwise `<dataDir>/secrets-keys`, generated on first use. */
export async function loadKeyring(dataDir: string, configured: string | undefined): Promise<Keyring> {
  if (configured && configured.trim()) return parseKeys(configured, SECRETS_KEY_ENV);
  const file = path.join(dataDir, SECRETS_KEY_FILE);
  try {
    return parseKeys(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const keyring = { keys: [newSecretsKey()] };
  try {
    // `wx`: never overwrite keys another process has just written.
    await writeFile(file, formatKeys(keyring), { mode: 0o600, flag: 'wx' });
    return keyring;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseKeys(await readFile(file, 'utf8'), file);
  }
}

/** Writes the key file (only for the generated default; a configured VIGIL_SECRETS_KEY is the operator's). */
export async function saveKeyringFile(dataDir: string, keyring: Keyring): Promise<string> {
  const file = path.join(dataDir, SECRETS_KEY_FILE);
  await writeFile(file, formatKeys(keyring), { mode: 0o600 });
  return file;
}

let loaded: Keyring | undefined;

/** Set once at start-up (the CLI, the test support), before any use case runs. */
export function useKeyring(keyring: Keyring): void {
  loaded = keyring;
}

function keyring(): Keyring {
  if (!loaded) throw new SecretsKeyError('The secrets key has not been loaded (VIGIL_SECRETS_KEY)');
  return loaded;
}

const aad = (purpose: string) => Buffer.from(`vigil:${purpose}`);

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${PREFIX}.`);
}

export const keyIdOf = (stored: string): string | null => (isSealed(stored) ? stored.split('.')[1]! : null);

/** Encrypts under the current key. */
export function seal(plain: string, purpose = 'totp'): string {
  const { id, key } = keyring().keys[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(purpose));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [PREFIX, id, iv, body, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts with whichever listed key it names; a value from before encryption is returned as it is. */
export function unseal(stored: string, purpose = 'totp'): string {
  if (!isSealed(stored)) return stored;
  const [, id, iv, body, tag] = stored.split('.');
  const key = keyring().keys.find((k) => k.id === id);
  if (!key) throw new SecretsKeyError(`A secret is encrypted with key ${id}, which is not configured`);
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv!, 'base64url'));
  decipher.setAAD(aad(purpose));
  decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body!, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * Encrypts every stored secret not yet under the current key: clear ones (from before encryption)
 * and those under an older key. Run at every start (clear values are encrypted on first start) and by
 * `vigil secrets rotate`. Returns how many values were rewritten.
 */
export async function resealSecrets(database: Database): Promise<number> {
  const current = keyring().keys[0]!.id;
  const stale = (value: string | null): value is string => value !== null && keyIdOf(value) !== current;
  return transaction(database, async (tx) => {
    let count = 0;
    const users = await tx
      .selectFrom('users')
      .select(['id', 'totp_secret'])
      .where('totp_secret', 'is not', null)
      .forUpdate()
      .execute();
    for (const u of users) {
      if (!stale(u.totp_secret)) continue;
      await tx
        .updateTable('users')
        .set({ totp_secret: seal(unseal(u.totp_secret)) })
        .where('id', '=', u.id)
        .execute();
      count++;
    }
    const sessions = await tx
      .selectFrom('sessions')
      .select(['id_hash', 'pending_totp_secret'])
      .where('pending_totp_secret', 'is not', null)
      .forUpdate()
      .execute();
    for (const s of sessions) {
      if (!stale(s.pending_totp_secret)) continue;
      await tx
        .updateTable('sessions')
        .set({ pending_totp_secret: seal(unseal(s.pending_totp_secret)) })
        .where('id_hash', '=', s.id_hash)
        .execute();
      count++;
    }
    return count;
  });
}
