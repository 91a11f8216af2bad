import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { projectRoot } from '../../config.ts';

/** argon2id with the OWASP ASVS 5.0 (11.4.2) parameters: 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash of nothing in particular, so signing in as an unknown user costs the same time as a real one. */
let decoyHash: Promise<string> | undefined;
export function decoy(password: string): Promise<boolean> {
  decoyHash ??= hashPassword('decoy password that matches nobody');
  return decoyHash.then((h) => verifyPassword(h, password)).then(() => false);
}

/** The 20,000 most common passwords, lower-cased; read once, on first use. */
let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(path.join(projectRoot, 'data-reference/common-passwords.txt'), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return commonPasswords.has(password.toLowerCase());
}

/**
 * ASVS 5.0 V6.2: length is what counts (12 to 128 characters, spaces and any Unicode allowed), no
 * composition rules, no forced expiry, and none of the most common passwords.
 */
export function passwordProblem(password: string): string | null {
  // Characters as people count them (code points), not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Password must be ${PASSWORD_MIN} characters or more`;
  if (length > PASSWORD_MAX) return `Password must be ${PASSWORD_MAX} characters or fewer`;
  if (isCommonPassword(password))
    return 'Password is too common and easy to guess – choose a different password, such as three random words';
  return null;
}
