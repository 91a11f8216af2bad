import { describe, expect, it } from 'vitest';
import {
  describeOpenActions,
  levelChange,
  ruleOnReduction,
  type ReductionInput,
} from '../../../src/domain/levels.ts';

const CONTINUES = 'Professionals’ meeting on 14 January 2027';
const base: ReductionInput = {
  direction: 'reduction',
  openActions: { total: 0, safeguarding: 0 },
  mayOverride: false,
  overrideReason: '',
  continuesAtLowerLevel: CONTINUES,
};

describe('ruleOnReduction', () => {
  // [case, input changes, error keys, overridden]
  const cases: [string, Partial<ReductionInput>, string[], boolean][] = [
    [
      'escalation is never refused, even with open actions',
      { direction: 'escalation', openActions: { total: 3, safeguarding: 2 }, continuesAtLowerLevel: '' },
      [],
      false,
    ],
    [
      'a review is never refused',
      { direction: 'unchanged', openActions: { total: 1, safeguarding: 1 }, continuesAtLowerLevel: '' },
      [],
      false,
    ],
    ['a first decision is never refused', { direction: 'initial', continuesAtLowerLevel: '' }, [], false],
    ['a reduction with nothing open goes ahead', {}, [], false],
    [
      'a reduction must say what continues',
      { continuesAtLowerLevel: '  ' },
      ['continuesAtLowerLevel'],
      false,
    ],
    [
      'open safeguarding action, no override',
      { openActions: { total: 1, safeguarding: 1 } },
      ['overrideReason'],
      false,
    ],
    [
      'open action, a practitioner’s reason is not an override',
      { openActions: { total: 2, safeguarding: 0 }, overrideReason: 'Fine' },
      ['overrideReason'],
      false,
    ],
    [
      'open action, the chair without a reason',
      { openActions: { total: 2, safeguarding: 1 }, mayOverride: true },
      ['overrideReason'],
      false,
    ],
    [
      'open action, the chair with a reason',
      {
        openActions: { total: 2, safeguarding: 1 },
        mayOverride: true,
        overrideReason: 'Owned by children’s services',
      },
      [],
      true,
    ],
    [
      'the chair’s override still needs what continues',
      {
        openActions: { total: 1, safeguarding: 1 },
        mayOverride: true,
        overrideReason: 'Owned',
        continuesAtLowerLevel: '',
      },
      ['continuesAtLowerLevel'],
      false,
    ],
    [
      'the chair’s reason with nothing open is no override',
      { mayOverride: true, overrideReason: 'Just in case' },
      [],
      false,
    ],
    [
      'ending MAPPA with open actions is refused',
      { direction: 'deregistration', openActions: { total: 1, safeguarding: 0 }, continuesAtLowerLevel: '' },
      ['overrideReason'],
      false,
    ],
    [
      'ending MAPPA with the chair’s override',
      {
        direction: 'deregistration',
        openActions: { total: 1, safeguarding: 0 },
        mayOverride: true,
        overrideReason: 'Died',
        continuesAtLowerLevel: '',
      },
      [],
      true,
    ],
    [
      'ending MAPPA with nothing open does not need what continues',
      { direction: 'deregistration', continuesAtLowerLevel: '' },
      [],
      false,
    ],
  ];
  it.each(cases)('%s', (_name, changes, errorKeys, overridden) => {
    const ruling = ruleOnReduction({ ...base, ...changes });
    expect(Object.keys(ruling.errors).sort()).toEqual([...errorKeys].sort());
    expect(ruling.overridden).toBe(overridden);
  });

  it('names how many actions are open, and how many are safeguarding', () => {
    const refused = ruleOnReduction({ ...base, openActions: { total: 3, safeguarding: 1 } });
    expect(refused.errors.overrideReason).toBe(
      'You cannot reduce the level while actions are open: 3 actions are open, 1 of them a safeguarding action. Complete them, or ask the meeting chair to record an override with a reason',
    );
  });
});

describe('describeOpenActions', () => {
  it.each([
    [{ total: 1, safeguarding: 0 }, '1 action is open'],
    [{ total: 1, safeguarding: 1 }, '1 action is open, a safeguarding action'],
    [{ total: 2, safeguarding: 2 }, '2 actions are open, all 2 of them safeguarding actions'],
    [{ total: 4, safeguarding: 2 }, '4 actions are open, 2 of them safeguarding actions'],
  ])('%o → %s', (open, text) => expect(describeOpenActions(open)).toBe(text));
});

describe('levelChange: escalation and reductions near release', () => {
  it.each([
    [2, 3, 'escalation', false],
    [1, 3, 'escalation', false],
    [2, 2, 'unchanged', false],
    [null, 2, 'initial', false],
  ] as const)('%s → %s is %s with no warning', (from, to, direction, nearRelease) => {
    const change = levelChange({ from, to, decidedOn: '2026-11-23', releaseDate: '2026-11-20' });
    expect(change.direction).toBe(direction);
    expect(change.warnings).toEqual([]);
    expect(change.nearRelease).toBe(nearRelease);
  });
  it.each([
    ['2026-11-11', true],
    ['2026-10-26', true],
    ['2026-10-25', false],
    ['2026-12-21', true],
    ['2026-12-22', false],
  ])('a reduction with release on %s is near release: %s', (releaseDate, near) => {
    expect(levelChange({ from: 2, to: 1, decidedOn: '2026-11-23', releaseDate }).nearRelease).toBe(near);
  });
});
