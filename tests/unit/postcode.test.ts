import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  isValidPostcode,
  normalisePostcode,
  parsePostcode,
  postcodeOutwardCode,
} from '../../src/domain/postcode.ts';

describe('parsePostcode', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'], // AA9A 9AA
    ['SW1A 1AA', 'SW1A 1AA'],
    ['  sw1a   1aa ', 'SW1A 1AA'],
    ['EC1V 9HX', 'EC1V 9HX'],
    ['W1A 0AX', 'W1A 0AX'], // A9A 9AA
    ['N1C 4AG', 'N1C 4AG'],
    ['M1 1AE', 'M1 1AE'], // A9 9AA
    ['B33 8TH', 'B33 8TH'], // A99 9AA
    ['CR2 6XH', 'CR2 6XH'], // AA9 9AA
    ['DN55 1PT', 'DN55 1PT'], // AA99 9AA
    ['L1 8JQ', 'L1 8JQ'],
    ['cf10 1ep', 'CF10 1EP'],
    ['LS1 4AP', 'LS1 4AP'],
    ['gir0aa', 'GIR 0AA'],
    ['GIR 0AA', 'GIR 0AA'],
  ])('normalises %j to %s', (raw, expected) => {
    expect(parsePostcode(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'SW1A 1A', // inward too short
    'SW1A 1AAA',
    'SW1A1',
    'SW1A',
    'QA1 1AA', // Q never first
    'VA1 1AA', // V never first
    'XA1 1AA', // X never first
    'AI1 1AA', // I never second
    'AJ1 1AA', // J never second
    'AZ1 1AA', // Z never second
    'W1I 1AA', // I not used in A9A
    'SW1C 1AA', // C not used in AA9A
    'M1 1CA', // C not used in the inward code
    'M1 1AI',
    'M1 1AK',
    'M1 1AM',
    'M1 1AO',
    'M1 1AV',
    'M1 AAA', // inward must start with a digit
    '1M1 1AA',
    'GIR 1AA',
    'BFPO 1234',
    'SW1A-1AA',
    'hello',
  ])('rejects %j', (raw) => {
    expect(parsePostcode(raw)).toEqual({ ok: false, error: 'Enter a real postcode' });
  });

  it('asks for a postcode when empty', () => {
    expect(parsePostcode('  ')).toEqual({ ok: false, error: 'Enter a postcode' });
  });

  it('is idempotent and insensitive to case and spacing', () => {
    const outward = fc.constantFrom('SW1A', 'W1A', 'M1', 'B33', 'CR2', 'DN55', 'EC1V', 'N1C');
    const inward = fc.tuple(
      fc.integer({ min: 0, max: 9 }),
      fc.constantFrom(...'ABDEFGHJLNPQRSTUWXYZ'),
      fc.constantFrom(...'ABDEFGHJLNPQRSTUWXYZ'),
    );
    fc.assert(
      fc.property(outward, inward, fc.boolean(), fc.nat(3), (out, [digit, a, b], lower, spaces) => {
        const canonical = `${out} ${digit}${a}${b}`;
        const typed = `${out}${' '.repeat(spaces)}${digit}${a}${b}`;
        const result = parsePostcode(lower ? typed.toLowerCase() : typed);
        expect(result).toEqual({ ok: true, value: canonical });
        expect(parsePostcode(canonical)).toEqual(result);
      }),
    );
  });
});

describe('helpers', () => {
  it('isValidPostcode', () => {
    expect(isValidPostcode('sw1a 1aa')).toBe(true);
    expect(isValidPostcode('SW1A 1CA')).toBe(false);
  });

  it('normalisePostcode', () => {
    expect(normalisePostcode('dn551pt')).toBe('DN55 1PT');
    expect(normalisePostcode('nope')).toBeUndefined();
  });

  it('postcodeOutwardCode', () => {
    expect(postcodeOutwardCode('sw1a1aa')).toBe('SW1A');
    expect(postcodeOutwardCode('M11AE')).toBe('M1');
    expect(postcodeOutwardCode('nope')).toBeUndefined();
  });
});
