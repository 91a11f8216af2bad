import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compareDates } from '../../src/domain/dates.ts';
import {
  CATEGORY_PRECEDENCE,
  category3CandidateRule,
  mappaEligibility,
  type ConvictionFacts,
  type EligibilityInput,
} from '../../src/domain/eligibility.ts';

const DOB = '1980-06-15';

/** Flags as in data-reference/offences.json. */
const RAPE = {
  offence: 'Rape of a female aged 16 or over',
  schedule3: true,
  schedule15: true,
  terrorism: false,
  kind: 'sexual',
} as const;
const GBH = {
  offence: 'Wounding with intent to cause grievous bodily harm',
  schedule3: false,
  schedule15: true,
  terrorism: false,
  kind: 'violent',
} as const;
const MURDER = {
  offence: 'Murder',
  schedule3: false,
  schedule15: false,
  terrorism: false,
  murder: true,
  kind: 'violent',
} as const;
const PROSTITUTION = {
  offence: 'Controlling prostitution for gain',
  schedule3: false,
  schedule15: true,
  terrorism: false,
  kind: 'sexual',
} as const;
const TERROR = {
  offence: 'Preparation of terrorist acts',
  schedule3: false,
  schedule15: true,
  terrorism: true,
  kind: 'terrorism',
} as const;
const THEFT = {
  offence: 'Theft',
  schedule3: false,
  schedule15: false,
  terrorism: false,
  kind: 'other',
} as const;
const STALKING = {
  offence: 'Stalking',
  schedule3: false,
  schedule15: false,
  terrorism: false,
  kind: 'other',
} as const;

function person(convictions: ConvictionFacts[], extra: Partial<EligibilityInput> = {}): EligibilityInput {
  return { dateOfBirth: DOB, convictions, ...extra };
}

describe('Category 1: subject to notification', () => {
  const rape20 = {
    ...RAPE,
    outcome: 'custody',
    lengthMonths: 20,
    convictionDate: '2024-03-01',
    sentenceStart: '2024-03-01',
    licenceExpiryDate: '2025-10-31',
  } as const;

  it('applies from conviction, with the s.82 period and its end', () => {
    const result = mappaEligibility(person([rape20]), '2025-01-01');
    expect(result).toMatchObject({
      eligible: true,
      category: 1,
      startsOn: '2024-03-01',
      endsOn: '2034-02-28',
      convictionIndex: 0,
    });
    if (!result.eligible) throw new Error('expected eligible');
    expect(result.reason).toContain('Rape of a female aged 16 or over');
    expect(result.reason).toContain('10 years');
    expect(result.reason).toContain('28 February 2034');
    // Also a Schedule 15 offence with 12 months or more: Category 2 until licence expiry.
    expect(result.alsoMeets).toMatchObject([{ category: 2, endsOn: '2025-10-31' }]);
  });

  it.each([
    ['on the last day of the period', '2034-02-28', true],
    ['the day after', '2034-03-01', false],
  ])('%s', (_name, today, eligible) => {
    expect(mappaEligibility(person([rape20]), today).eligible).toBe(eligible);
  });

  it('says when and why it ended', () => {
    const result = mappaEligibility(person([rape20]), '2034-03-01');
    expect(result.eligible).toBe(false);
    if (result.eligible) return;
    expect(result.reason).toContain('Category 1 ended on 28 February 2034');
    expect(result.ended.map((f) => f.category)).toEqual([1, 2]);
  });

  it('indefinite notification has no end date', () => {
    const result = mappaEligibility(
      person([{ ...RAPE, outcome: 'custody', lengthMonths: 96, convictionDate: '2015-05-01' }]),
      '2060-01-01',
    );
    expect(result).toMatchObject({ eligible: true, category: 1, endsOn: null });
  });

  it('a discharge on review ends indefinite notification', () => {
    const c = {
      ...RAPE,
      outcome: 'custody',
      lengthMonths: 96,
      convictionDate: '2005-05-01',
      notificationEndedOn: '2024-07-01',
    } as const;
    expect(mappaEligibility(person([c]), '2024-07-01')).toMatchObject({
      eligible: true,
      category: 1,
      endsOn: '2024-07-01',
    });
    expect(mappaEligibility(person([c]), '2024-07-02').eligible).toBe(false);
  });

  it('a caution for a Schedule 3 offence: 2 years', () => {
    const c = { ...RAPE, offence: 'Exposure', outcome: 'caution', convictionDate: '2024-03-01' } as const;
    const result = mappaEligibility(person([c]), '2024-04-01');
    expect(result).toMatchObject({ category: 1, endsOn: '2026-02-28' });
    if (result.eligible) expect(result.reason).toContain('cautioned 1 March 2024');
  });

  it('a Schedule 3 threshold not met (notifiable: false) is not Category 1', () => {
    const c = {
      ...RAPE,
      offence: 'Sexual assault on a female',
      notifiable: false,
      outcome: 'community_order',
      lengthMonths: 6,
      convictionDate: '2024-03-01',
    } as const;
    expect(mappaEligibility(person([c]), '2024-04-01').eligible).toBe(false);
  });

  it('keeps a missing custodial term in Category 1 and asks for it', () => {
    const result = mappaEligibility(
      person([{ ...RAPE, outcome: 'custody', convictionDate: '2024-03-01' }]),
      '2024-04-01',
    );
    expect(result).toMatchObject({ eligible: true, category: 1, endsOn: null });
    expect(result.warnings.join(' ')).toMatch(/sentence length/);
  });

  it('the longest-running notification governs the end date', () => {
    const caution = { ...RAPE, outcome: 'caution', convictionDate: '2023-01-10' } as const;
    const fine = { ...RAPE, outcome: 'fine', convictionDate: '2022-06-01', id: 'c2' } as const;
    const result = mappaEligibility(person([caution, fine]), '2024-01-01');
    expect(result).toMatchObject({
      category: 1,
      endsOn: '2027-05-31',
      convictionIndex: 1,
      convictionId: 'c2',
    });
  });

  it('ignores a conviction dated after today', () => {
    expect(mappaEligibility(person([rape20]), '2024-02-29').eligible).toBe(false);
  });
});

describe('Category 2: violent offenders, and sexual offenders not subject to notification', () => {
  it.each([
    [
      '12 months custody, licence expiry date',
      {
        ...GBH,
        outcome: 'custody',
        lengthMonths: 12,
        convictionDate: '2024-01-10',
        sentenceStart: '2024-01-10',
        licenceExpiryDate: '2025-01-09',
      },
      '2025-01-09',
    ],
    [
      'no LED: sentence expiry date',
      {
        ...GBH,
        outcome: 'custody',
        lengthMonths: 36,
        convictionDate: '2024-01-10',
        sentenceStart: '2024-01-10',
        sentenceExpiryDate: '2027-01-09',
      },
      '2027-01-09',
    ],
    [
      'no LED or SED: sentence start + length',
      {
        ...GBH,
        outcome: 'custody',
        lengthMonths: 18,
        convictionDate: '2024-01-05',
        sentenceStart: '2024-01-10',
      },
      '2025-07-09',
    ],
    [
      'DTO of 12 months',
      {
        ...GBH,
        outcome: 'custody',
        detentionAndTrainingOrder: true,
        lengthMonths: 12,
        convictionDate: '2024-01-10',
      },
      '2025-01-09',
    ],
    [
      'suspended sentence of 12 months',
      { ...GBH, outcome: 'suspended_sentence', lengthMonths: 12, convictionDate: '2024-01-10' },
      '2025-01-09',
    ],
    [
      'hospital order: until discharge',
      { ...GBH, outcome: 'hospital_order', convictionDate: '2024-01-10' },
      null,
    ],
    ['guardianship order', { ...GBH, outcome: 'guardianship', convictionDate: '2024-01-10' }, null],
    ['murder: life licence', { ...MURDER, outcome: 'custody', convictionDate: '2010-01-10' }, null],
    [
      'sexual offence not subject to notification',
      {
        ...PROSTITUTION,
        outcome: 'custody',
        lengthMonths: 14,
        convictionDate: '2024-01-10',
        licenceExpiryDate: '2025-03-09',
      },
      '2025-03-09',
    ],
  ] as const)('%s', (_name, conviction, endsOn) => {
    const result = mappaEligibility(person([conviction as ConvictionFacts]), '2024-06-01');
    expect(result).toMatchObject({ eligible: true, category: 2, endsOn });
  });

  it('says why: murder, or a specified sexual offence', () => {
    const murder = mappaEligibility(
      person([{ ...MURDER, outcome: 'custody', convictionDate: '2010-01-10' }]),
      '2024-06-01',
    );
    if (murder.eligible) expect(murder.reason).toMatch(/^Murder/);
    const sexual = mappaEligibility(
      person([{ ...PROSTITUTION, outcome: 'custody', lengthMonths: 14, convictionDate: '2024-01-10' }]),
      '2024-06-01',
    );
    if (sexual.eligible) expect(sexual.reason).toContain('Specified sexual offence');
  });

  it.each([
    ['11 months custody', { ...GBH, outcome: 'custody', lengthMonths: 11, convictionDate: '2024-01-10' }],
    [
      'a community order',
      { ...GBH, outcome: 'community_order', lengthMonths: 24, convictionDate: '2024-01-10' },
    ],
    [
      'a non-specified offence with a long sentence',
      { ...THEFT, outcome: 'custody', lengthMonths: 48, convictionDate: '2024-01-10' },
    ],
  ] as const)('not eligible: %s', (_name, conviction) => {
    const result = mappaEligibility(person([conviction as ConvictionFacts]), '2024-06-01');
    expect(result.eligible).toBe(false);
    if (!result.eligible) expect(result.reason).toMatch(/^Not eligible/);
  });

  it('ends the day after licence expiry, or when a hospital order ends', () => {
    const c = {
      ...GBH,
      outcome: 'custody',
      lengthMonths: 12,
      convictionDate: '2024-01-10',
      licenceExpiryDate: '2025-01-09',
    } as const;
    expect(mappaEligibility(person([c]), '2025-01-10').eligible).toBe(false);
    const h = {
      ...GBH,
      outcome: 'hospital_order',
      convictionDate: '2024-01-10',
      disposalEndedOn: '2026-02-01',
    } as const;
    expect(mappaEligibility(person([h]), '2026-02-01')).toMatchObject({ category: 2, endsOn: '2026-02-01' });
    expect(mappaEligibility(person([h]), '2026-02-02').eligible).toBe(false);
  });
});

describe('Category 4: terrorism', () => {
  it('a terrorism offence with 12 months or more: until the later of licence and CTA notification', () => {
    const c = {
      ...TERROR,
      outcome: 'custody',
      lengthMonths: 48,
      convictionDate: '2024-01-10',
      sentenceStart: '2024-02-01',
      licenceExpiryDate: '2028-01-31',
      actualReleaseDate: '2026-01-31',
    } as const;
    const result = mappaEligibility(person([c]), '2026-06-01');
    // CTA 2008 s.53: 10 years beginning with the day dealt with (to 31 January 2034), with the
    // 730 days in custody disregarded (s.53(7)): 31 January 2036.
    expect(result).toMatchObject({
      eligible: true,
      category: 4,
      startsOn: '2024-02-01',
      endsOn: '2036-01-31',
      basis: 'CTA 2008 s.44, s.45, s.53',
    });
    if (result.eligible) expect(result.alsoMeets.map((f) => f.category)).toEqual([2]);
  });

  it('still in custody: CTA notification has no fixed end yet (s.53(7)), and it says so', () => {
    const c = {
      ...TERROR,
      outcome: 'custody',
      lengthMonths: 48,
      convictionDate: '2024-01-10',
      sentenceStart: '2024-02-01',
      licenceExpiryDate: '2028-01-31',
    } as const;
    const result = mappaEligibility(person([c]), '2024-06-01');
    expect(result).toMatchObject({ eligible: true, category: 4, endsOn: null });
    expect(result.warnings.join(' ')).toMatch(/release date/);
  });

  it('a terrorism offence under 12 months is not Category 4', () => {
    const c = { ...TERROR, outcome: 'custody', lengthMonths: 6, convictionDate: '2024-01-10' } as const;
    expect(mappaEligibility(person([c]), '2024-06-01').eligible).toBe(false);
  });

  it('recorded CTA notification, and a terrorism-risk decision', () => {
    expect(
      mappaEligibility(
        person([], { terrorismNotification: { startsOn: '2020-01-01', endsOn: '2029-12-31' } }),
        '2024-06-01',
      ),
    ).toMatchObject({ category: 4, endsOn: '2029-12-31' });
    expect(
      mappaEligibility(person([], { terrorismRiskDecision: { acceptedOn: '2024-01-01' } }), '2024-06-01'),
    ).toMatchObject({
      category: 4,
      endsOn: null,
    });
  });
});

describe('Category 3: only by an accepted referral', () => {
  const stalking = {
    ...STALKING,
    outcome: 'community_order',
    lengthMonths: 12,
    convictionDate: '2023-05-01',
  } as const;

  it('applies from acceptance until the panel ends it', () => {
    const input = person([stalking], {
      category3Decision: {
        acceptedOn: '2024-02-01',
        endedOn: '2025-02-01',
        rationale: 'Sustained abuse of a former partner',
      },
    });
    const result = mappaEligibility(input, '2024-06-01');
    expect(result).toMatchObject({
      eligible: true,
      category: 3,
      startsOn: '2024-02-01',
      endsOn: '2025-02-01',
      convictionIndex: null,
    });
    if (result.eligible) expect(result.reason).toContain('Sustained abuse');
    expect(mappaEligibility(input, '2024-01-31').eligible).toBe(false);
    expect(mappaEligibility(input, '2025-02-02').eligible).toBe(false);
  });

  it('never displaces Category 1, 2 or 4, and says so', () => {
    const gbh = {
      ...GBH,
      outcome: 'custody',
      lengthMonths: 24,
      convictionDate: '2024-01-10',
      licenceExpiryDate: '2026-01-09',
    } as const;
    const result = mappaEligibility(
      person([gbh], { category3Decision: { acceptedOn: '2024-02-01' } }),
      '2024-06-01',
    );
    expect(result).toMatchObject({ category: 2 });
    expect(result.warnings.join(' ')).toMatch(/Category 3/);
  });
});

describe('precedence: 4, then 1, then 2, then 3', () => {
  it('is the documented order', () => {
    expect(CATEGORY_PRECEDENCE).toEqual([4, 1, 2, 3]);
  });

  it('picks exactly one category, the highest in precedence (property)', () => {
    const convictionArb = fc.record({
      offence: fc.constant('Offence'),
      schedule3: fc.boolean(),
      schedule15: fc.boolean(),
      terrorism: fc.boolean(),
      murder: fc.boolean(),
      outcome: fc.constantFrom(
        'custody',
        'suspended_sentence',
        'community_order',
        'hospital_order',
        'caution',
        'fine' as const,
      ),
      lengthMonths: fc.integer({ min: 1, max: 60 }),
      convictionDate: fc.constantFrom('2015-01-10', '2020-06-30', '2023-02-28'),
    });
    fc.assert(
      fc.property(fc.array(convictionArb, { maxLength: 4 }), fc.boolean(), (convictions, cat3) => {
        const input = person(
          convictions as ConvictionFacts[],
          cat3 ? { category3Decision: { acceptedOn: '2022-01-01' } } : {},
        );
        const result = mappaEligibility(input, '2024-06-01');
        if (!result.eligible) return;
        const all = [result.category, ...result.alsoMeets.map((f) => f.category)];
        expect(new Set(all).size).toBe(all.length);
        const ranks = all.map((c) => CATEGORY_PRECEDENCE.indexOf(c));
        expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
        if (result.endsOn !== null)
          expect(compareDates(result.endsOn, '2024-06-01')).toBeGreaterThanOrEqual(0);
        expect(compareDates(result.startsOn, '2024-06-01')).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('Category 4 over 1; 1 over 2', () => {
    const rape = { ...RAPE, outcome: 'custody', lengthMonths: 20, convictionDate: '2024-03-01' } as const;
    const terror = { ...TERROR, outcome: 'custody', lengthMonths: 24, convictionDate: '2024-03-01' } as const;
    expect(mappaEligibility(person([rape, terror]), '2024-06-01')).toMatchObject({ category: 4 });
    expect(mappaEligibility(person([rape]), '2024-06-01')).toMatchObject({ category: 1 });
  });
});

describe('not eligible', () => {
  it('explains that nothing qualifies', () => {
    const result = mappaEligibility(
      person([{ ...THEFT, outcome: 'fine', convictionDate: '2024-01-10' }]),
      '2024-06-01',
    );
    expect(result).toMatchObject({ eligible: false, ended: [] });
    if (!result.eligible) expect(result.reason).toContain('no Category 3 referral');
  });
});

describe('category3CandidateRule', () => {
  it.each([
    ['HIGH with domestic abuse', 'HIGH', ['domestic_abuse'], false, true],
    ['VERY_HIGH with stalking', 'VERY_HIGH', ['weapons', 'stalking'], false, true],
    ['already under MAPPA', 'HIGH', ['stalking'], true, false],
    ['MEDIUM', 'MEDIUM', ['domestic_abuse'], false, false],
    ['no assessment', null, ['domestic_abuse'], false, false],
    ['no relevant marker', 'VERY_HIGH', ['weapons'], false, false],
  ] as const)('%s', (_name, rosh, markers, underMappa, expected) => {
    expect(category3CandidateRule({ latestRoshOverall: rosh, activeMarkers: markers, underMappa })).toBe(
      expected,
    );
  });
});
