import { describe, expect, it } from 'vitest';
import { eventForRecordChange } from '../../src/domain/significant-events.ts';

describe('which changes to a record are significant events', () => {
  it.each([
    ['addresses', { type: 'home', fromDate: '2026-11-01', toDate: null }, null, 'change_of_address'],
    ['addresses', { type: 'approved_premises', fromDate: '2026-11-01' }, null, 'change_of_address'],
    ['addresses', { type: 'proposed_release', fromDate: '2026-11-01' }, null, null],
    ['addresses', { type: 'home', fromDate: '2020-01-01', toDate: '2021-01-01' }, null, null],
    ['relationships', { type: 'partner', fromDate: '2026-10-01' }, null, 'new_relationship'],
    ['relationships', { type: 'household_member', fromDate: '2026-10-01' }, null, 'new_relationship'],
    ['relationships', { type: 'associate', fromDate: '2026-10-01' }, null, null],
    [
      'risk-assessments',
      { roshOverall: 'HIGH', assessedOn: '2026-11-01' },
      'MEDIUM',
      'risk_assessment_change',
    ],
    ['risk-assessments', { roshOverall: 'HIGH', assessedOn: '2026-11-01' }, 'HIGH', null],
    ['risk-assessments', { roshOverall: 'HIGH', assessedOn: '2026-11-01' }, null, null],
    ['markers', { type: 'weapons', startDate: '2026-11-01' }, null, null],
  ])('%s %j (previous RoSH %s) → %s', (section, values, previousRosh, expected) => {
    expect(eventForRecordChange(section, values, previousRosh)?.type ?? null).toBe(expected);
  });

  it('dates the event when the change happened', () => {
    expect(
      eventForRecordChange('addresses', { type: 'home', fromDate: '2026-11-20' }, null)?.occurredOn,
    ).toBe('2026-11-20');
  });
});
