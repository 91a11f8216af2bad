import { describe, expect, it } from 'vitest';
import {
  VICTIMS_WITHHELD,
  visibleRecord,
  type ReferralRecord,
} from '../../../src/modules/referrals/index.ts';

const record = {
  personal: [],
  identifiers: [],
  addresses: { current: null, proposedRelease: null },
  indexOffence: null,
  otherConvictions: [],
  relevantDates: [],
  riskAssessment: null,
  markers: [],
  managers: [],
  riskManagementPlan: {
    version: 2,
    rows: [
      { label: 'Supervision', value: 'Weekly reporting' },
      { label: 'Victim safety planning', value: 'Exclusion zone around 4 Mill Lane' },
    ],
    conditions: [],
    changedOn: '2026-11-01',
    changedBy: 'Sam Turner',
  },
} as unknown as ReferralRecord;

describe('the referral record as a viewer sees it', () => {
  const all = { health: true, section: () => true };
  it('withholds victim safety planning from those who may not see victims, and only that', () => {
    const shown = visibleRecord(record, { ...all, victims: false });
    expect(shown.riskManagementPlan!.rows).toEqual([
      { label: 'Supervision', value: 'Weekly reporting' },
      { label: 'Victim safety planning', value: VICTIMS_WITHHELD },
    ]);
    expect(JSON.stringify(shown)).not.toContain('Mill Lane');
  });
  it('shows it to those who plan victim safety', () => {
    expect(visibleRecord(record, { ...all, victims: true }).riskManagementPlan!.rows[1]!.value).toContain(
      'Mill Lane',
    );
  });
});
