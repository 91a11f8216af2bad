import { describe, expect, it } from 'vitest';
import {
  checkRotlApplication,
  checkRotlDecision,
  checkRotlOutcome,
  earliestApprovedRotl,
  firstRotlOn,
  isRotlFailure,
  rotlDecisionDue,
  rotlResultsText,
  type RotlEpisodeFacts,
} from '../../../src/domain/rotl.ts';

const TODAY = '2026-12-06';
const episode = (over: Partial<RotlEpisodeFacts> = {}): RotlEpisodeFacts => ({
  decision: 'pending',
  plannedStartOn: '2026-12-20',
  plannedEndOn: '2026-12-20',
  outcome: null,
  ...over,
});

describe('the first ROTL', () => {
  it('is the earliest approved planned start; pending and refused ones do not count', () => {
    expect(
      earliestApprovedRotl([
        episode({ decision: 'approved', plannedStartOn: '2027-01-10', plannedEndOn: '2027-01-10' }),
        episode({ decision: 'refused', plannedStartOn: '2026-12-01', plannedEndOn: '2026-12-01' }),
        episode({ decision: 'pending', plannedStartOn: '2026-12-02', plannedEndOn: '2026-12-02' }),
        episode({ decision: 'approved', plannedStartOn: '2026-12-28', plannedEndOn: '2026-12-29' }),
      ]),
    ).toBe('2026-12-28');
    expect(earliestApprovedRotl([episode()])).toBeNull();
  });

  it('only ever comes forward: an earlier date on the record is kept', () => {
    expect(firstRotlOn('2026-12-28', null)).toBe('2026-12-28');
    expect(firstRotlOn('2026-12-28', '2027-02-01')).toBe('2026-12-28');
    expect(firstRotlOn('2026-12-28', '2026-11-01')).toBe('2026-11-01');
    expect(firstRotlOn(null, '2026-11-01')).toBe('2026-11-01');
    expect(firstRotlOn(null, null)).toBeNull();
  });
});

describe('a ROTL decision due', () => {
  const pending = { ...episode(), typeLabel: 'Resettlement day release (RDR)' };
  const mappa = { category: 2, level: null, firstRotl: true };

  it('is due by the planned start while the application is pending, and late after it', () => {
    expect(rotlDecisionDue(pending, { category: null, level: null, firstRotl: true }, TODAY)).toEqual({
      dueOn: '2026-12-20',
      late: false,
      reason: 'ROTL decision due: resettlement day release (RDR) from 20 December 2026',
    });
    expect(
      rotlDecisionDue({ ...pending, plannedStartOn: '2026-12-01', plannedEndOn: '2026-12-01' }, mappa, TODAY)
        ?.late,
    ).toBe(true);
    expect(rotlDecisionDue({ ...pending, decision: 'approved' }, mappa, TODAY)).toBeNull();
    expect(rotlDecisionDue({ ...pending, decision: 'refused' }, mappa, TODAY)).toBeNull();
  });

  it('says the level comes first for the first ROTL of a MAPPA case with no level', () => {
    expect(rotlDecisionDue(pending, mappa, TODAY)?.reason).toMatch(/decide the MAPPA level before it$/);
    expect(rotlDecisionDue(pending, { ...mappa, level: 1 }, TODAY)?.reason).not.toMatch(/MAPPA level/);
    expect(rotlDecisionDue(pending, { ...mappa, firstRotl: false }, TODAY)?.reason).not.toMatch(
      /MAPPA level/,
    );
    expect(rotlDecisionDue(pending, { ...mappa, category: null }, TODAY)?.reason).not.toMatch(/MAPPA level/);
  });
});

describe('the rules of each step', () => {
  const application = {
    type: 'resettlement_overnight_release',
    plannedStartOn: '2026-12-20',
    plannedEndOn: '2026-12-22',
    escorted: false,
  };

  it('keeps the dates in order, day release within the day and overnight release overnight', () => {
    expect(checkRotlApplication(application)).toEqual({});
    expect(checkRotlApplication({ ...application, plannedEndOn: '2026-12-19' })).toEqual({
      plannedEndOn: 'Planned return must be on or after the planned start',
    });
    expect(checkRotlApplication({ ...application, plannedEndOn: '2026-12-20' }).plannedEndOn).toMatch(
      /^Overnight release/,
    );
    expect(checkRotlApplication({ ...application, type: 'day_release' }).plannedEndOn).toMatch(
      /^Day release/,
    );
    expect(
      checkRotlApplication({ ...application, type: 'special_purpose_licence', plannedEndOn: '2026-12-20' }),
    ).toEqual({});
  });

  it('asks who escorts an escorted ROTL', () => {
    expect(checkRotlApplication({ ...application, escorted: true })).toEqual({
      escortDetails: 'Say who escorts the person (agency and number of staff)',
    });
    expect(checkRotlApplication({ ...application, escorted: true, escortDetails: 'Two officers' })).toEqual(
      {},
    );
  });

  it('asks why ROTL was refused', () => {
    expect(checkRotlDecision({ decision: 'refused' })).toEqual({ reason: 'Say why ROTL was refused' });
    expect(checkRotlDecision({ decision: 'refused', reason: 'Risk to the victim' })).toEqual({});
    expect(checkRotlDecision({ decision: 'approved' })).toEqual({});
  });

  it('records an outcome only for an approved ROTL that has started, and a failure says what happened', () => {
    const approved = episode({
      decision: 'approved',
      plannedStartOn: '2026-12-01',
      plannedEndOn: '2026-12-01',
    });
    expect(checkRotlOutcome(approved, { outcome: 'completed' }, TODAY)).toEqual({});
    expect(checkRotlOutcome(approved, { outcome: 'failed_to_return' }, TODAY)).toEqual({
      failures: 'Say what happened: where and when, and what was done',
    });
    expect(checkRotlOutcome(episode(), { outcome: 'completed' }, TODAY)).toEqual({
      outcome: 'Only an approved ROTL has an outcome',
    });
    expect(
      checkRotlOutcome({ ...approved, plannedStartOn: '2026-12-20' }, { outcome: 'completed' }, TODAY)
        .outcome,
    ).toMatch(/has not started yet/);
    expect([isRotlFailure('completed'), isRotlFailure('recalled'), isRotlFailure(null)]).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe("MAPPA F's ROTL text", () => {
  it('gives each application in date order with its decision, and a failure with what happened', () => {
    const text = rotlResultsText([
      {
        type: 'resettlement_overnight_release',
        plannedStartOn: '2026-11-20',
        decision: 'approved',
        reason: null,
        outcome: 'returned_late',
        failures: 'Back two hours late, said the train was cancelled.',
      },
      {
        type: 'day_release',
        plannedStartOn: '2026-10-02',
        decision: 'refused',
        reason: 'Too soon.',
        outcome: null,
        failures: null,
      },
      {
        type: 'day_release',
        plannedStartOn: '2026-12-20',
        decision: 'pending',
        reason: null,
        outcome: null,
        failures: null,
      },
    ]);
    expect(text.split('\n')).toEqual([
      '2 October 2026, day release: refused (Too soon.).',
      '20 November 2026, resettlement overnight release (ROR): approved; returned late — Back two hours late, said the train was cancelled.',
      '20 December 2026, day release: awaiting a decision.',
    ]);
    expect(rotlResultsText([])).toBe('');
  });
});
