import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  POLICE_CHECK_LETTERS,
  VIGIL_REFERENCE_SPACE,
  croCheckCharacter,
  croFingerprintCheckCharacter,
  detectIdentifier,
  isValidIdentifier,
  isValidVigilReference,
  makeVigilReference,
  parseCro,
  parseCrn,
  parseIdentifier,
  parsePnc,
  parsePrisonNumber,
  parseVigilReference,
  pncCheckCharacter,
} from '../../src/domain/identifiers.ts';

const PNC_FORMAT = 'Enter a PNC ID in the format 2012/0052494Q';
const PNC_CHECK = 'The PNC ID check character is wrong – check the number';
const CRO_FORMAT = 'Enter a CRO number in the format 123456/12U';
const CRO_CHECK = 'The CRO number check character is wrong – check the number';

/** A different letter from the check alphabet: a plausible typo, never the right answer. */
function otherCheckLetter(letter: string, shift: number): string {
  const i = POLICE_CHECK_LETTERS.indexOf(letter);
  return POLICE_CHECK_LETTERS[(i + 1 + (shift % 22)) % 23] as string;
}

describe('PNC ID', () => {
  it('computes the check character of the documented example', () => {
    // 120052494 mod 23 = 15 → Q
    expect(pncCheckCharacter(2012, 52494)).toBe('Q');
    expect(pncCheckCharacter(12, 52494)).toBe('Q');
  });

  // Published HMPPS person-record test vectors.
  it.each([
    '2012/0052494Q',
    '2008/0056560Z',
    '2001/0171310W',
    '2011/0275516Q',
    '2003/0062845E',
    '1981/0154257C',
    '2007/1607611J',
    '1977/0205234B',
    '2024/0072788G',
    '2000/0160946Q',
    '1999/0044342D',
  ])('accepts %s unchanged', (pnc) => {
    expect(parsePnc(pnc)).toEqual({ ok: true, value: pnc });
  });

  it.each([
    ['20120052494Q', '2012/0052494Q'],
    ['20030011985X', '2003/0011985X'],
    ['12/52494Q', '2012/0052494Q'],
    ['12/0052494q', '2012/0052494Q'],
    ['  2012 / 0052494 Q ', '2012/0052494Q'],
    ['81/34U', '1981/0000034U'],
    ['02/73319Z', '2002/0073319Z'],
    ['00/223R', '2000/0000223R'],
    ['79/163001B', '1979/0163001B'],
    ['0273319Z', '2002/0073319Z'],
    ['79163001B', '1979/0163001B'],
    ['033Y', '2003/0000003Y'],
  ])('normalises %j to %s', (raw, expected) => {
    expect(parsePnc(raw)).toEqual({ ok: true, value: expected });
  });

  it('uses the short-year pivot: 40 → 2040, 41 → 1941 by default', () => {
    const yy40 = `40/1${pncCheckCharacter(40, 1)}`;
    const yy41 = `41/1${pncCheckCharacter(41, 1)}`;
    expect(parsePnc(yy40)).toEqual({ ok: true, value: `2040/0000001${pncCheckCharacter(40, 1)}` });
    expect(parsePnc(yy41)).toEqual({ ok: true, value: `1941/0000001${pncCheckCharacter(41, 1)}` });
    expect(parsePnc(yy40, { shortYearPivot: 25 })).toMatchObject({ value: expect.stringMatching(/^1940\//) });
  });

  it.each(['20120052494O', '2001/0171310S', '2012/0052494A', '12/52494R', '20030011985Z'])(
    'rejects %s with a wrong check character',
    (pnc) => {
      expect(parsePnc(pnc)).toEqual({ ok: false, error: PNC_CHECK });
    },
  );

  it.each([
    'TOTALLYINVALID',
    '1X23/1234567A',
    '1923[1234567A',
    '1923/1Z34567A',
    '1923/1234567AA',
    '2012/00524940Q', // 8-digit serial
    '201/0052494Q', // 3-digit year
    '2012052494Q', // 10 digits without a slash is ambiguous
    '1812/0052494Q', // year out of range
    '2012/Q',
    '01',
    '2012-0052494Q',
  ])('rejects %j as badly formatted', (raw) => {
    expect(parsePnc(raw)).toEqual({ ok: false, error: PNC_FORMAT });
  });

  it('asks for a PNC ID when empty', () => {
    expect(parsePnc('   ')).toEqual({ ok: false, error: 'Enter a PNC ID' });
  });

  it('round-trips any valid PNC and rejects any other check letter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2099 }),
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 21 }),
        (year, serial, shift) => {
          const check = pncCheckCharacter(year, serial);
          const pnc = `${year}/${String(serial).padStart(7, '0')}${check}`;
          expect(parsePnc(pnc)).toEqual({ ok: true, value: pnc });
          expect(parsePnc(pnc.toLowerCase())).toEqual({ ok: true, value: pnc });
          expect(parsePnc(pnc.slice(0, -1) + otherCheckLetter(check, shift))).toEqual({
            ok: false,
            error: PNC_CHECK,
          });
        },
      ),
    );
  });

  it('catches any single changed serial digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2099 }),
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (year, serial, position, delta) => {
          const digits = [...String(serial).padStart(7, '0')];
          digits[position] = String((Number(digits[position]) + delta) % 10);
          const pnc = `${year}/${digits.join('')}${pncCheckCharacter(year, serial)}`;
          expect(parsePnc(pnc).ok).toBe(false);
        },
      ),
    );
  });
});

describe('CRO number', () => {
  // Published HMPPS person-record test vectors.
  it.each([
    ['265416/21G', '265416/21G'],
    ['288242/01M', '288242/01M'],
    ['404687/08D', '404687/08D'],
    ['14450/12J', '014450/12J'],
    ['65656/91H', '065656/91H'],
    ['826/65W', '000826/65W'],
    ['259/70M', '000259/70M'],
    ['742031/07A', '742031/07A'],
    ['160324/89V', '160324/89V'],
    ['065656/91h', '065656/91H'],
    [' 265416 / 21G ', '265416/21G'],
  ])('normalises %j to %s', (raw, expected) => {
    expect(parseCro(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['SF05/482703J', 'SF05/482703J'],
    ['SF83/50058Z', 'SF83/50058Z'],
    ['SF74/27111W', 'SF74/27111W'],
    ['SF93/2294N', 'SF93/2294N'],
    ['SF94/5431U', 'SF94/5431U'],
    ['sf 94/2867g', 'SF94/2867G'],
  ])('accepts the fingerprint-only form %j', (raw, expected) => {
    expect(parseCro(raw)).toEqual({ ok: true, value: expected });
  });

  it('computes the example in the error message', () => {
    expect(croCheckCharacter(123456, 12)).toBe('U');
  });

  it.each(['85227/65G', '265416/21H', 'SF05/482703K', '65656/91A'])(
    'rejects %s with a wrong check character',
    (cro) => {
      expect(parseCro(cro)).toEqual({ ok: false, error: CRO_CHECK });
    },
  );

  it.each([
    '45183/712',
    '1234567/12A',
    '123456/123A',
    '123456-12U',
    'SF1/1234A',
    '12U',
    '/12U',
    'SF05/1234567J',
  ])('rejects %j as badly formatted', (raw) => {
    expect(parseCro(raw)).toEqual({ ok: false, error: CRO_FORMAT });
  });

  it('asks for a CRO number when empty', () => {
    expect(parseCro('')).toEqual({ ok: false, error: 'Enter a CRO number' });
  });

  it('round-trips any valid CRO and rejects any other check letter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 21 }),
        (serial, year, shift) => {
          const yy = String(year).padStart(2, '0');
          const check = croCheckCharacter(serial, year);
          const canonical = `${String(serial).padStart(6, '0')}/${yy}${check}`;
          expect(parseCro(`${serial}/${yy}${check.toLowerCase()}`)).toEqual({ ok: true, value: canonical });
          expect(parseCro(canonical.slice(0, -1) + otherCheckLetter(check, shift))).toEqual({
            ok: false,
            error: CRO_CHECK,
          });
        },
      ),
    );
  });

  it('round-trips the fingerprint-only form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 0, max: 21 }),
        (year, serial, shift) => {
          const yy = String(year).padStart(2, '0');
          const check = croFingerprintCheckCharacter(year, serial);
          const sf = `SF${yy}/${serial}${check}`;
          expect(parseCro(sf)).toEqual({ ok: true, value: sf });
          expect(parseCro(sf.slice(0, -1) + otherCheckLetter(check, shift)).ok).toBe(false);
        },
      ),
    );
  });
});

describe('prison number', () => {
  it.each([
    ['A1234BC', 'A1234BC'],
    ['a1234bc', 'A1234BC'],
    [' G 0001 AA ', 'G0001AA'],
  ])('normalises %j to %s', (raw, expected) => {
    expect(parsePrisonNumber(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['A123BC', 'A12345BC', '11234BC', 'A1234B', 'A1234B1', 'AB1234C', 'A1234BCD'])(
    'rejects %s',
    (raw) => {
      expect(parsePrisonNumber(raw)).toEqual({
        ok: false,
        error: 'Enter a prison number in the format A1234BC',
      });
    },
  );

  it('asks for a prison number when empty', () => {
    expect(parsePrisonNumber('')).toEqual({ ok: false, error: 'Enter a prison number' });
  });
});

describe('CRN', () => {
  it.each([
    ['X123456', 'X123456'],
    ['x123456', 'X123456'],
    [' X 123 456 ', 'X123456'],
  ])('normalises %j to %s', (raw, expected) => {
    expect(parseCrn(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['X12345', 'X1234567', '1234567', 'XX12345', 'X12345A'])('rejects %s', (raw) => {
    expect(parseCrn(raw)).toEqual({ ok: false, error: 'Enter a CRN in the format X123456' });
  });

  it('asks for a CRN when empty', () => {
    expect(parseCrn('\t')).toEqual({ ok: false, error: 'Enter a CRN' });
  });
});

describe('Vigil reference', () => {
  it.each([
    [0, 'VGL-00000000'],
    [1, 'VGL-0000001Y'],
    [VIGIL_REFERENCE_SPACE - 1, 'VGL-ZZZZZZZ7'],
  ])('makes reference %d → %s', (n, expected) => {
    expect(makeVigilReference(n)).toBe(expected);
    expect(isValidVigilReference(expected)).toBe(true);
  });

  it('makes a reference from random bytes, using only the first 5', () => {
    const a = makeVigilReference(new Uint8Array([1, 2, 3, 4, 5]));
    const b = makeVigilReference(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
    expect(a).toBe(b);
    expect(a).toMatch(/^VGL-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(makeVigilReference(new Uint8Array([255, 255, 255, 255, 255]))).toBe('VGL-ZZZZZZZ7');
  });

  it.each([-1, 1.5, VIGIL_REFERENCE_SPACE, Number.NaN])('refuses the number %d', (n) => {
    expect(() => makeVigilReference(n)).toThrow(RangeError);
  });

  it('refuses too few random bytes', () => {
    expect(() => makeVigilReference(new Uint8Array(4))).toThrow(RangeError);
  });

  it.each([
    ['vgl-0000001y', 'VGL-0000001Y'],
    ['VGL0000001Y', 'VGL-0000001Y'],
    [' VGL - 0000 001Y ', 'VGL-0000001Y'],
    ['VGL-OOOOOOOO', 'VGL-00000000'], // O read as 0
    ['VGL-ZZZZZZZ7', 'VGL-ZZZZZZZ7'],
  ])('normalises %j to %s', (raw, expected) => {
    expect(parseVigilReference(raw)).toEqual({ ok: true, value: expected });
  });

  it('reads I and L as 1', () => {
    const ref = makeVigilReference(32 ** 6 + 1); // payload 1000001
    expect(ref.slice(4, 11)).toBe('1000001');
    expect(parseVigilReference(`VGL-I00000L${ref.slice(-1)}`)).toEqual({ ok: true, value: ref });
  });

  it.each(['VGL-0000001Z', 'VGL-0000010Y', 'VGL-0000002Y', 'VGL-Z000001Y'])(
    'rejects %s with a wrong check symbol',
    (raw) => {
      expect(parseVigilReference(raw)).toEqual({
        ok: false,
        error: 'The Vigil reference is not right – check it and try again',
      });
    },
  );

  it.each(['VGL-000001Y', 'VGL-00000001Y', 'ABC-0000001Y', 'VGL-000000UY', '0000001Y'])(
    'rejects %j as badly formatted',
    (raw) => {
      expect(parseVigilReference(raw)).toEqual({
        ok: false,
        error: 'Enter a Vigil reference in the format VGL-0000001Y',
      });
    },
  );

  it('round-trips any number and catches any single changed symbol', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: VIGIL_REFERENCE_SPACE - 1 }),
        fc.integer({ min: 4, max: 11 }),
        fc.integer({ min: 1, max: 31 }),
        (n, position, delta) => {
          const ref = makeVigilReference(n);
          expect(parseVigilReference(ref)).toEqual({ ok: true, value: ref });
          const symbol = alphabet[(alphabet.indexOf(ref[position] as string) + delta) % 32] as string;
          const mutated = ref.slice(0, position) + symbol + ref.slice(position + 1);
          expect(parseVigilReference(mutated).ok).toBe(false);
        },
      ),
    );
  });

  it('gives distinct references for distinct numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: VIGIL_REFERENCE_SPACE - 1 }),
        fc.integer({ min: 0, max: VIGIL_REFERENCE_SPACE - 1 }),
        (a, b) => {
          fc.pre(a !== b);
          expect(makeVigilReference(a)).not.toBe(makeVigilReference(b));
        },
      ),
    );
  });
});

describe('parseIdentifier', () => {
  it.each([
    ['pnc', '12/52494q', '2012/0052494Q'],
    ['cro', '65656/91H', '065656/91H'],
    ['prison_number', 'a1234bc', 'A1234BC'],
    ['crn', 'x123456', 'X123456'],
  ] as const)('parses a %s', (type, raw, expected) => {
    expect(parseIdentifier(type, raw)).toEqual({ ok: true, value: expected });
    expect(isValidIdentifier(type, raw)).toBe(true);
  });

  it('does not accept one type as another', () => {
    expect(parseIdentifier('crn', 'A1234BC').ok).toBe(false);
    expect(parseIdentifier('prison_number', 'X123456').ok).toBe(false);
    expect(parseIdentifier('pnc', '265416/21G').ok).toBe(false);
  });

  it('passes the short-year pivot through', () => {
    expect(parseIdentifier('pnc', '12/52494Q', { shortYearPivot: 5 })).toEqual({
      ok: true,
      value: '1912/0052494Q',
    });
  });
});

describe('detectIdentifier', () => {
  it.each([
    ['2012/0052494Q', 'pnc', '2012/0052494Q'],
    ['12/52494q', 'pnc', '2012/0052494Q'],
    ['265416/21G', 'cro', '265416/21G'],
    ['SF05/482703J', 'cro', 'SF05/482703J'],
    ['a1234bc', 'prison_number', 'A1234BC'],
    ['X123456', 'crn', 'X123456'],
    ['vgl-0000001y', 'vigil', 'VGL-0000001Y'],
  ])('recognises %j as a %s', (raw, type, value) => {
    expect(detectIdentifier(raw)).toEqual({ type, value });
  });

  it.each([
    'Smith',
    'John Smith',
    '',
    '2012/0052494A',
    '265416/21H',
    'VGL-0000001Z',
    'SW1A 1AA',
    '2024-03-01',
  ])('recognises nothing in %j', (raw) => {
    expect(detectIdentifier(raw)).toBeUndefined();
  });
});
