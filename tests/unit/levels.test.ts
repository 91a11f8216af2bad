import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAPPA_CATEGORY, type MappaCategory, type MappaLevel } from '../../src/domain/codes.ts';
import { addDays } from '../../src/domain/dates.ts';
import {
  CATEGORY_3_LEVEL_MESSAGE,
  LEVEL_CRITERION,
  REDUCTION_NEAR_RELEASE_DAYS,
  criteriaForLevel,
  levelChange,
  validateLevelDecision,
} from '../../src/domain/levels.ts';

const RATIONALE = 'Very high RoSH to a known adult; housing and children’s services must act together.';

describe('LEVEL_CRITERION', () => {
  it('has unique codes and labels, and each criterion supports Level 2 or 3 only', () => {
    const codes = LEVEL_CRITERION.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of LEVEL_CRITERION) {
      expect(c.label).not.toBe('');
      expect(c.levels.every((l) => l === 2 || l === 3)).toBe(true);
    }
    expect(criteriaForLevel(1)).toEqual([]);
    expect(criteriaForLevel(2).map((c) => c.code)).toContain('stepping_down_from_level_3');
    expect(criteriaForLevel(3).map((c) => c.code)).toEqual(
      expect.arrayContaining([
        'rosh_high_or_very_high',
        'senior_resources_at_short_notice',
        'high_public_or_media_interest',
      ]),
    );
  });
});

describe('validateLevelDecision', () => {
  it.each([
    ['Category 1 at Level 1', 1, 1, [], {}],
    ['Category 2 at Level 2, high RoSH', 2, 2, ['rosh_high_or_very_high'], {}],
    ['Category 3 at Level 2', 3, 2, ['lower_risk_needs_active_coordination'], {}],
    ['Category 3 at Level 3', 3, 3, ['rosh_high_or_very_high', 'senior_resources_at_short_notice'], {}],
    ['Level 3 for media interest alone', 1, 3, ['high_public_or_media_interest'], {}],
    ['Category 3 at Level 1', 3, 1, [], { level: CATEGORY_3_LEVEL_MESSAGE }],
    ['not eligible', null, 1, [], { level: expect.stringMatching(/eligible/) }],
    ['Level 2 without criteria', 2, 2, [], { criteria: 'Select at least one reason the case needs Level 2' }],
    ['Level 3 without criteria', 2, 3, [], { criteria: 'Select at least one reason the case needs Level 3' }],
    [
      'Level 1 with criteria',
      1,
      1,
      ['rosh_high_or_very_high'],
      { criteria: expect.stringMatching(/^Level 1 has no/) },
    ],
    [
      'Level 3 without a senior-representation reason',
      2,
      3,
      ['rosh_high_or_very_high'],
      { criteria: expect.stringMatching(/^Select why Level 3/) },
    ],
    [
      'stepping down is not a Level 3 criterion',
      2,
      3,
      ['stepping_down_from_level_3', 'senior_resources_at_short_notice'],
      { criteria: expect.stringMatching(/not a criterion for Level 3/) },
    ],
    [
      'Level 3 criterion on a Level 2 decision',
      2,
      2,
      ['high_public_or_media_interest'],
      { criteria: expect.stringMatching(/not a criterion for Level 2/) },
    ],
    ['unknown code', 2, 2, ['vibes'], { criteria: 'Select criteria from the list' }],
  ] as const)('%s', (_name, category, level, criteria, errors) => {
    expect(validateLevelDecision({ category, level, criteria, rationale: RATIONALE })).toEqual(errors);
  });

  it('requires a rationale', () => {
    expect(validateLevelDecision({ category: 1, level: 1, criteria: [], rationale: '  ' })).toEqual({
      rationale: 'Enter the rationale for the level',
    });
  });

  it('never accepts Category 3 at Level 1, whatever else is given (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray(LEVEL_CRITERION.map((c) => c.code as string)),
        fc.string(),
        (criteria, rationale) => {
          expect(validateLevelDecision({ category: 3, level: 1, criteria, rationale }).level).toBe(
            CATEGORY_3_LEVEL_MESSAGE,
          );
        },
      ),
    );
  });

  it('any eligible category at any level is accepted with the criteria for that level (property)', () => {
    const categories = MAPPA_CATEGORY.map((c) => c.code as MappaCategory);
    fc.assert(
      fc.property(fc.constantFrom(...categories), fc.constantFrom<MappaLevel>(2, 3), (category, level) => {
        const criteria = criteriaForLevel(level).map((c) => c.code);
        expect(validateLevelDecision({ category, level, criteria, rationale: RATIONALE })).toEqual({});
      }),
    );
  });
});

describe('levelChange', () => {
  it.each([
    [null, 1, 'initial'],
    [1, 2, 'escalation'],
    [2, 3, 'escalation'],
    [1, 3, 'escalation'],
    [3, 2, 'reduction'],
    [2, 1, 'reduction'],
    [2, 2, 'unchanged'],
  ] as const)('%s → %s is %s', (from, to, direction) => {
    expect(levelChange({ from, to, decidedOn: '2025-06-01' }).direction).toBe(direction);
  });

  it.each([
    ['12 days after release (the McCann case)', '2025-05-20', true],
    ['on the day of release', '2025-06-01', true],
    [
      `exactly ${REDUCTION_NEAR_RELEASE_DAYS} days after release`,
      addDays('2025-06-01', -REDUCTION_NEAR_RELEASE_DAYS),
      true,
    ],
    [
      `${REDUCTION_NEAR_RELEASE_DAYS + 1} days after release`,
      addDays('2025-06-01', -REDUCTION_NEAR_RELEASE_DAYS - 1),
      false,
    ],
    ['release due in 10 days', '2025-06-11', true],
    ['release due in 60 days', '2025-07-31', false],
  ])('reduction %s: warned %s', (_name, releaseDate, warned) => {
    const change = levelChange({ from: 2, to: 1, decidedOn: '2025-06-01', releaseDate });
    expect(change.direction).toBe('reduction');
    expect(change.warnings.length > 0).toBe(warned);
  });

  it('warns, never refuses, and only on reductions', () => {
    expect(
      levelChange({ from: 1, to: 2, decidedOn: '2025-06-01', releaseDate: '2025-05-30', openActions: 3 })
        .warnings,
    ).toEqual([]);
    const reduction = levelChange({
      from: 3,
      to: 2,
      decidedOn: '2025-06-01',
      releaseDate: '2025-05-30',
      openActions: 1,
    });
    expect(reduction.warnings).toHaveLength(2);
    expect(reduction.warnings[0]).toContain('2 days after release (30 May 2025)');
    expect(reduction.warnings[1]).toContain('1 risk management action is still open');
  });
});
