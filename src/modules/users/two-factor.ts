import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { hashPassword, verifyPassword } from './passwords.ts';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 seconds, what every authenticator app supports) and
 * single-use recovery codes.
 */
export const TOTP_ISSUER = 'Vigil';
export const RECOVERY_CODE_COUNT = 10;

/** 160 random bits, base32 (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function isTotpSecret(secret: string): boolean {
  return /^[A-Z2-7]{16,}$/.test(secret);
}

export function otpauthUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** An SVG QR code as a data: URI, for an <img> the Content-Security-Policy allows (img-src data:). */
export async function qrCodeDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Spaces and dashes are what people type between digit groups; anything else is not a code. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * The time step a code matches (the current one, or one either side for clock drift), or null.
 * A step at or before `afterTimeStep` is refused: each code works once.
 */
export async function matchTotp(
  secret: string,
  code: string,
  now: Date,
  afterTimeStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

// No 0/o, 1/l/i: codes are read off paper.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of ten characters (about 49 bits each), shown as `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[^a-z0-9]/g, '');
  return code.length === 10 ? code : null;
}

/** Under 112 bits, so stored with the password hash (argon2id, salted), as ASVS 5.0 V6.5 asks. */
export function hashRecoveryCode(code: string): Promise<string> {
  return hashPassword(normaliseRecoveryCode(code) ?? code);
}

export function recoveryCodeMatches(codeHash: string, normalisedCode: string): Promise<boolean> {
  return verifyPassword(codeHash, normalisedCode);
}
