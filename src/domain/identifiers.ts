/**
 * Identifiers a nominal carries across police, probation and prison systems, and Vigil's own
 * reference. Each parser accepts what a person is likely to type (any case, stray spaces, short
 * forms) and returns the one canonical form we store and match on, so the same person typed two
 * ways is still one person.
 */

export type IdentifierType = 'pnc' | 'cro' | 'prison_number' | 'crn';
export type DetectedIdentifierType = IdentifierType | 'vigil';

export type IdentifierResult = { ok: true; value: string } | { ok: false; error: string };

export interface IdentifierOptions {
  /**
   * A two-digit year up to and including this is 20YY, above it 19YY (PNC short form only).
   * Default 40. Callers that know today's date may pass its last two digits: an ID cannot be
   * issued in the future.
   */
  shortYearPivot?: number;
}

const DEFAULT_SHORT_YEAR_PIVOT = 40;

/**
 * Check letters shared by PNC IDs and CRO numbers: index = number mod 23. I, O and S are left
 * out because they are easily misread as 1, 0 and 5.
 */
export const POLICE_CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

function checkLetter(digits: string): string {
  // At most 9 digits, well inside Number's exact-integer range.
  return POLICE_CHECK_LETTERS[Number(digits) % POLICE_CHECK_LETTERS.length] as string;
}

function squash(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

const fail = (error: string): IdentifierResult => ({ ok: false, error });
const ok = (value: string): IdentifierResult => ({ ok: true, value });

// ---------------------------------------------------------------------------------------------
// PNC ID: YYYY/NNNNNNNL. Check letter over the 2-digit year followed by the 7-digit serial.
// Verified: 2012/0052494Q → 120052494 mod 23 = 15 → Q.

/** The check letter for a PNC ID; `year` may be 2 or 4 digits (only the last two count). */
export function pncCheckCharacter(year: number, serial: number): string {
  const yy = String(year % 100).padStart(2, '0');
  return checkLetter(yy + String(serial).padStart(7, '0'));
}

export function parsePnc(raw: string, options: IdentifierOptions = {}): IdentifierResult {
  const value = squash(raw);
  if (value === '') return fail('Enter a PNC ID');
  const formatError = fail('Enter a PNC ID in the format 2012/0052494Q');

  let year: string;
  let serial: string;
  let check: string;
  const slashed = /^(\d{2}|\d{4})\/(\d{1,7})([A-Z])$/.exec(value);
  const bare = /^(\d{3,11})([A-Z])$/.exec(value);
  if (slashed) {
    [, year = '', serial = '', check = ''] = slashed;
  } else if (bare) {
    // Without a slash the only unambiguous splits are 4+7 digits (long) or 2+1..7 (short).
    const digits = bare[1] ?? '';
    check = bare[2] ?? '';
    if (digits.length === 11) [year, serial] = [digits.slice(0, 4), digits.slice(4)];
    else if (digits.length <= 9) [year, serial] = [digits.slice(0, 2), digits.slice(2)];
    else return formatError;
  } else {
    return formatError;
  }

  let fullYear = Number(year);
  if (year.length === 2) {
    const pivot = options.shortYearPivot ?? DEFAULT_SHORT_YEAR_PIVOT;
    fullYear += fullYear <= pivot ? 2000 : 1900;
  } else if (fullYear < 1900 || fullYear > 2099) {
    return formatError;
  }

  if (pncCheckCharacter(fullYear, Number(serial)) !== check) {
    return fail('The PNC ID check character is wrong – check the number');
  }
  return ok(`${fullYear}/${serial.padStart(7, '0')}${check}`);
}

// ---------------------------------------------------------------------------------------------
// CRO number: NNNNNN/YYL, check letter over the 2-digit year followed by the serial padded to 6.
// Fingerprint-only form SFYY/NNNNNL: check letter over the year followed by the serial padded to
// 5 digits. Verified against HMPPS person-record test data (e.g. 265416/21G, 65656/91H,
// SF05/482703J, SF93/2294N); that code leaves the SF serial unpadded, which fails its own 4-digit
// samples, hence the padding to 5 here.

export function croCheckCharacter(serial: number, year: number): string {
  const yy = String(year % 100).padStart(2, '0');
  return checkLetter(yy + String(serial).padStart(6, '0'));
}

export function croFingerprintCheckCharacter(year: number, serial: number): string {
  const yy = String(year % 100).padStart(2, '0');
  return checkLetter(yy + String(serial).padStart(5, '0'));
}

export function parseCro(raw: string): IdentifierResult {
  const value = squash(raw);
  if (value === '') return fail('Enter a CRO number');
  const wrongCheck = fail('The CRO number check character is wrong – check the number');

  const standard = /^(\d{1,6})\/(\d{2})([A-Z])$/.exec(value);
  if (standard) {
    const [, serial = '', year = '', check = ''] = standard;
    if (croCheckCharacter(Number(serial), Number(year)) !== check) return wrongCheck;
    return ok(`${serial.padStart(6, '0')}/${year}${check}`);
  }
  const fingerprint = /^SF(\d{2})\/(\d{1,6})([A-Z])$/.exec(value);
  if (fingerprint) {
    const [, year = '', serial = '', check = ''] = fingerprint;
    if (croFingerprintCheckCharacter(Number(year), Number(serial)) !== check) return wrongCheck;
    // Kept as printed: SF serials appear on documents without padding.
    return ok(`SF${year}/${serial}${check}`);
  }
  return fail('Enter a CRO number in the format 123456/12U');
}

// ---------------------------------------------------------------------------------------------
// NOMIS prison number (A1234BC) and nDelius case reference number (X123456): no check character.

export function parsePrisonNumber(raw: string): IdentifierResult {
  const value = squash(raw);
  if (value === '') return fail('Enter a prison number');
  if (!/^[A-Z]\d{4}[A-Z]{2}$/.test(value)) return fail('Enter a prison number in the format A1234BC');
  return ok(value);
}

export function parseCrn(raw: string): IdentifierResult {
  const value = squash(raw);
  if (value === '') return fail('Enter a CRN');
  if (!/^[A-Z]\d{6}$/.test(value)) return fail('Enter a CRN in the format X123456');
  return ok(value);
}

// ---------------------------------------------------------------------------------------------
// Vigil reference: VGL- + 7 Crockford base32 symbols + 1 Luhn mod 32 check symbol. Crockford's
// alphabet drops I, L, O and U so a reference read over the phone survives; Luhn mod N catches
// every single-symbol error and nearly every adjacent swap.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VIGIL_PREFIX = 'VGL-';
const VIGIL_PAYLOAD_LENGTH = 7;
/** 32^7: every payload fits, so a number maps to exactly one reference. */
export const VIGIL_REFERENCE_SPACE = 32 ** VIGIL_PAYLOAD_LENGTH;

function luhnMod32(values: readonly number[]): number {
  const n = CROCKFORD.length;
  let factor = 2;
  let sum = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    const addend = factor * (values[i] ?? 0);
    sum += Math.floor(addend / n) + (addend % n);
    factor = factor === 2 ? 1 : 2;
  }
  return (n - (sum % n)) % n;
}

/**
 * A Vigil reference from a sequence number (0 ≤ n < 32^7) or from at least 5 random bytes
 * (the caller supplies them, e.g. crypto.getRandomValues, so this stays pure).
 */
export function makeVigilReference(source: number | Uint8Array): string {
  let n: number;
  if (typeof source === 'number') {
    if (!Number.isSafeInteger(source) || source < 0 || source >= VIGIL_REFERENCE_SPACE) {
      throw new RangeError(`Vigil reference number out of range: ${source}`);
    }
    n = source;
  } else {
    if (source.length < 5) throw new RangeError('A Vigil reference needs at least 5 random bytes');
    // 40 bits read, top 35 kept: exactly 7 base32 symbols.
    const bits40 = [...source.subarray(0, 5)].reduce((acc, byte) => acc * 256 + byte, 0);
    n = Math.floor(bits40 / 32);
  }
  const values: number[] = [];
  for (let i = 0; i < VIGIL_PAYLOAD_LENGTH; i++) {
    values.unshift(n % 32);
    n = Math.floor(n / 32);
  }
  values.push(luhnMod32(values));
  return VIGIL_PREFIX + values.map((v) => CROCKFORD[v]).join('');
}

export function parseVigilReference(raw: string): IdentifierResult {
  const squashed = squash(raw).replace(/-/g, '');
  if (squashed === '') return fail('Enter a Vigil reference');
  const formatError = fail('Enter a Vigil reference in the format VGL-0000001Y');
  if (!squashed.startsWith('VGL')) return formatError;
  // Crockford decoding: I and L read as 1, O as 0.
  const body = squashed.slice(3).replace(/[IL]/g, '1').replace(/O/g, '0');
  if (body.length !== VIGIL_PAYLOAD_LENGTH + 1) return formatError;
  const values = [...body].map((ch) => CROCKFORD.indexOf(ch));
  if (values.some((v) => v < 0)) return formatError;
  const check = values.pop();
  if (luhnMod32(values) !== check) return fail('The Vigil reference is not right – check it and try again');
  return ok(VIGIL_PREFIX + body);
}

export function isValidVigilReference(raw: string): boolean {
  return parseVigilReference(raw).ok;
}

// ---------------------------------------------------------------------------------------------

export function parseIdentifier(
  type: IdentifierType,
  raw: string,
  options: IdentifierOptions = {},
): IdentifierResult {
  switch (type) {
    case 'pnc':
      return parsePnc(raw, options);
    case 'cro':
      return parseCro(raw);
    case 'prison_number':
      return parsePrisonNumber(raw);
    case 'crn':
      return parseCrn(raw);
  }
}

export function isValidIdentifier(
  type: IdentifierType,
  raw: string,
  options: IdentifierOptions = {},
): boolean {
  return parseIdentifier(type, raw, options).ok;
}

/**
 * Recognises an identifier typed into a search box. Only a correct check character counts, so a
 * typo falls through to a name search instead of silently finding nobody. "12/34A" can be read
 * as both a short PNC and a CRO; the PNC reading wins when both check out.
 */
export function detectIdentifier(
  raw: string,
  options: IdentifierOptions = {},
): { type: DetectedIdentifierType; value: string } | undefined {
  const attempts: [DetectedIdentifierType, () => IdentifierResult][] = [
    ['vigil', () => parseVigilReference(raw)],
    ['prison_number', () => parsePrisonNumber(raw)],
    ['crn', () => parseCrn(raw)],
    ['pnc', () => parsePnc(raw, options)],
    ['cro', () => parseCro(raw)],
  ];
  for (const [type, attempt] of attempts) {
    const result = attempt();
    if (result.ok) return { type, value: result.value };
  }
  return undefined;
}
