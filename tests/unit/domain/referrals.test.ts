import { describe, expect, it } from 'vitest';
import { CATEGORY_3_LEVEL_MESSAGE } from '../../../src/domain/levels.ts';
import {
  decisionRoute,
  screeningOrder,
  validateDecision,
  validateSubmission,
  whoMayDecide,
  type WhoDecides,
} from '../../../src/domain/referrals.ts';

const complete = {
  requestedLevel: 2,
  category3: false,
  reason: 'Police attended three incidents with a new partner.',
  valueAdded: 'Children’s social care and police must plan together.',
  currentCategory: 2 as const,
};

describe('what a referral needs before screening', () => {
  it('accepts a complete referral', () => {
    expect(validateSubmission(complete)).toEqual({});
  });

  it.each([
    [
      'no level',
      { requestedLevel: null },
      'requestedLevel',
      'Select whether you are referring for Level 2 or Level 3',
    ],
    [
      'Level 1',
      { requestedLevel: 1 },
      'requestedLevel',
      'Select whether you are referring for Level 2 or Level 3',
    ],
    ['a blank reason', { reason: '   ' }, 'reason', 'Enter the reason for the referral'],
    ['no value added', { valueAdded: null }, 'valueAdded', 'Enter what multi-agency management would add'],
  ])('refuses %s', (_name, change, field, message) => {
    expect(validateSubmission({ ...complete, ...change })[field]).toBe(message);
  });

  it('says Category 3 is only for Level 2 or 3 when a Category 3 referral has no level', () => {
    expect(
      validateSubmission({ ...complete, category3: true, currentCategory: null, requestedLevel: null })
        .requestedLevel,
    ).toBe(CATEGORY_3_LEVEL_MESSAGE);
  });

  it('refers a person with no category only as a Category 3 case', () => {
    expect(validateSubmission({ ...complete, currentCategory: null }).category3).toContain(
      'refer them as a Category 3 case',
    );
    expect(validateSubmission({ ...complete, currentCategory: null, category3: true })).toEqual({});
  });

  it('needs no Category 3 referral for someone already eligible under another category', () => {
    expect(validateSubmission({ ...complete, currentCategory: 1, category3: true }).category3).toContain(
      'already eligible for MAPPA under Category 1',
    );
    // Already Category 3 (an earlier acceptance): a further Category 3 referral is fine.
    expect(validateSubmission({ ...complete, currentCategory: 3, category3: true })).toEqual({});
  });
});

describe('who may decide under which screening route', () => {
  const coordinator = { userId: 'c', roles: ['mappa_coordinator'] as const };
  const chair = { userId: 'h', roles: ['meeting_chair'] as const };
  const detective = { userId: 'd', agencyType: 'police', screensInArea: true };
  const decide = (input: WhoDecides) => whoMayDecide(input);

  it('an emergency is the coordinator’s at once, whatever the area’s route', () => {
    expect(decisionRoute('panel', true)).toBe('emergency');
    expect(decisionRoute('joint', true)).toBe('emergency');
    expect(decisionRoute('joint', false)).toBe('joint');
    expect(decide({ route: 'emergency', decider: coordinator })).toEqual({});
    expect(decide({ route: 'emergency', decider: chair }).outcome).toBe(
      'Only the MAPPA coordinator can decide an emergency referral',
    );
  });

  it('on the coordinator route only the coordinator decides', () => {
    expect(decide({ route: 'coordinator', decider: coordinator })).toEqual({});
    expect(decide({ route: 'coordinator', decider: chair }).outcome).toBeDefined();
  });

  it('a panel decision names who sat, and any screener may record it', () => {
    expect(decide({ route: 'panel', decider: chair, panelMembers: ' ' }).panelMembers).toBe(
      'Enter who sat on the screening panel',
    );
    expect(decide({ route: 'panel', decider: chair, panelMembers: 'A, B and C' })).toEqual({});
  });

  it('a joint decision is the coordinator’s with a police detective inspector who screens in the area', () => {
    expect(decide({ route: 'joint', decider: coordinator, agreedBy: detective })).toEqual({});
    expect(decide({ route: 'joint', decider: coordinator, agreedBy: null }).agreedBy).toBe(
      'Select the police detective inspector who agreed the decision',
    );
    expect(
      decide({ route: 'joint', decider: coordinator, agreedBy: { ...detective, agencyType: 'probation' } })
        .agreedBy,
    ).toContain('police detective inspector who screens');
    expect(
      decide({ route: 'joint', decider: coordinator, agreedBy: { ...detective, screensInArea: false } })
        .agreedBy,
    ).toContain('screens referrals in this area');
    expect(
      decide({ route: 'joint', decider: coordinator, agreedBy: { ...detective, userId: 'c' } }).agreedBy,
    ).toContain('needs a second person');
    expect(decide({ route: 'joint', decider: chair, agreedBy: detective }).outcome).toBeDefined();
  });
});

describe('the decision', () => {
  it('accepts at Level 2 or 3, or rejects, always with a rationale', () => {
    expect(validateDecision({ outcome: 'accepted', level: 3, rationale: 'Why' })).toEqual({});
    expect(validateDecision({ outcome: 'rejected', level: null, rationale: 'Why' })).toEqual({});
    expect(validateDecision({ outcome: 'accepted', level: 1, rationale: 'Why' }).outcome).toContain(
      'Level 2 or Level 3',
    );
    expect(validateDecision({ outcome: 'maybe', level: null, rationale: 'Why' }).outcome).toBeDefined();
    expect(validateDecision({ outcome: 'rejected', level: null, rationale: ' ' }).rationale).toBe(
      'Enter the rationale for the decision',
    );
  });
});

describe('the screening queue', () => {
  it('puts emergencies first, then the longest waiting', () => {
    const queue = [
      { id: 'new', emergency: false, submittedAt: '2026-11-22T10:00:00Z' },
      { id: 'urgent-new', emergency: true, submittedAt: '2026-11-23T09:00:00Z' },
      { id: 'old', emergency: false, submittedAt: '2026-11-01T10:00:00Z' },
      { id: 'urgent-old', emergency: true, submittedAt: '2026-11-20T09:00:00Z' },
    ];
    expect([...queue].sort(screeningOrder).map((r) => r.id)).toEqual([
      'urgent-old',
      'urgent-new',
      'old',
      'new',
    ]);
  });
});
