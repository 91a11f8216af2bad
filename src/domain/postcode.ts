/**
 * UK postcodes. Addresses drive the area a nominal is managed in, so a postcode is checked against
 * the Royal Mail format rules (not just "letters and digits") and always stored as `SW1A 1AA`.
 */

export type PostcodeResult = { ok: true; value: string } | { ok: false; error: string };

// Position rules from the Royal Mail PAF format: each position excludes the letters that are
// never used there.
const FIRST = '[A-PR-UWYZ]'; // not Q, V, X
const SECOND = '[A-HK-Y]'; // not I, J, Z
const THIRD_AFTER_A9 = '[A-HJKPSTUW]'; // A9A districts, e.g. W1A, N1C
const FOURTH_AFTER_AA9 = '[ABEHMNPRVWXY]'; // AA9A districts, e.g. SW1A, EC1V
const OUTWARD = `(?:${FIRST}\\d{1,2}|${FIRST}${SECOND}\\d{1,2}|${FIRST}\\d${THIRD_AFTER_A9}|${FIRST}${SECOND}\\d${FOURTH_AFTER_AA9})`;
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}'; // not C, I, K, M, O, V
const POSTCODE = new RegExp(`^(?:${OUTWARD}${INWARD}|GIR0AA)$`);

export function parsePostcode(raw: string): PostcodeResult {
  const squashed = raw.replace(/\s+/g, '').toUpperCase();
  if (squashed === '') return { ok: false, error: 'Enter a postcode' };
  if (!POSTCODE.test(squashed)) return { ok: false, error: 'Enter a real postcode' };
  return { ok: true, value: `${squashed.slice(0, -3)} ${squashed.slice(-3)}` };
}

export function isValidPostcode(raw: string): boolean {
  return parsePostcode(raw).ok;
}

/** `sw1a1aa` → `SW1A 1AA`; undefined when it is not a real postcode. */
export function normalisePostcode(raw: string): string | undefined {
  const result = parsePostcode(raw);
  return result.ok ? result.value : undefined;
}

/** The district part (`SW1A` of `SW1A 1AA`), used to match addresses to a MAPPA area. */
export function postcodeOutwardCode(raw: string): string | undefined {
  return normalisePostcode(raw)?.split(' ')[0];
}
