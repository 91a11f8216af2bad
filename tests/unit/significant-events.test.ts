import { describe, expect, it } from 'vitest';
import { eventForRecordChange } from '../../src/domain/significant-events.ts';

const TODAY = '2026-12-05';

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
    expect(eventForRecordChange(section, values, { previousRosh, today: TODAY })?.type ?? null).toBe(
      expected,
    );
  });

  it('a partner with no start date is still a new relationship, dated the day it is recorded', () => {
    expect(
      eventForRecordChange('relationships', { type: 'partner' }, { previousRosh: null, today: TODAY }),
    ).toMatchObject({ type: 'new_relationship', occurredOn: TODAY });
  });

  it('a conviction after every one recorded is a further offence; the first, or an older one, is not', () => {
    const conviction = { offence: 'Assault', convictionDate: '2026-11-30' };
    const before = { previousRosh: null, today: TODAY };
    expect(
      eventForRecordChange('convictions', conviction, { ...before, latestConvictionDate: '2019-05-01' }),
    ).toMatchObject({ type: 'further_offence', occurredOn: '2026-11-30' });
    expect(
      eventForRecordChange('convictions', conviction, { ...before, latestConvictionDate: null }),
    ).toBeNull();
    expect(
      eventForRecordChange('convictions', conviction, { ...before, latestConvictionDate: '2026-12-01' }),
    ).toBeNull();
  });
});
