import { describe, expect, it } from 'vitest';
import {
  addressCheckResultsText,
  addressDecisionDue,
  addressConflicts,
  normaliseAddressLine,
  postcodeWithin,
  readPostcodeAreas,
  type AddressCheckFacts,
} from '../../src/domain/address-checks.ts';
import {
  DEFAULT_MONITORING_SETTINGS,
  monitoringReviewDue,
  monitoringFlags,
  normalisePhoneNumber,
  type Communication,
} from '../../src/domain/communications-monitoring.ts';
import { addDays } from '../../src/domain/dates.ts';
import {
  allocationDues,
  DEFAULT_CUSTODY_SETTINGS,
  monthsBefore,
  preReleaseChecklist,
  type PreReleaseFacts,
} from '../../src/domain/custody.ts';

const today = '2026-12-06';

describe('offender management in custody', () => {
  it('counts half months as 15 days', () => {
    expect(monthsBefore('2027-06-15', 8.5)).toBe('2026-09-30');
    expect(monthsBefore('2027-06-15', 8)).toBe('2026-10-15');
  });

  it('dates POM allocation from reception and COM allocation and handover from the earliest release', () => {
    const dues = allocationDues(
      {
        receivedOn: '2026-11-01',
        earliestReleaseOn: '2027-06-15',
        pomAllocatedOn: '2026-11-20',
        comAllocatedOn: null,
        handedOverOn: null,
      },
      DEFAULT_CUSTODY_SETTINGS,
      today,
    );
    expect(dues.map((d) => [d.kind, d.dueOn, d.late])).toEqual([
      ['pom_allocation', '2026-11-11', true],
      ['com_allocation', '2026-09-30', true],
      ['handover', '2026-09-30', true],
    ]);
  });

  it('is not late before the due date, and has no handover date without a release date', () => {
    const dues = allocationDues(
      {
        receivedOn: '2026-12-01',
        earliestReleaseOn: null,
        pomAllocatedOn: null,
        comAllocatedOn: null,
        handedOverOn: null,
      },
      { handoverMonthsBeforeRelease: 7.5, pomAllocationDays: 10 },
      today,
    );
    expect(dues[0]).toMatchObject({ dueOn: '2026-12-11', late: false });
    expect(dues[1]).toMatchObject({ dueOn: null, late: false });
  });

  const ready: PreReleaseFacts = {
    earliestReleaseOn: '2027-03-01',
    accommodationConfirmedOn: '2026-11-01',
    licenceConditionsProposedOn: '2026-11-02',
    approvedPremisesNeeded: false,
    approvedPremisesConfirmedOn: null,
    level: 2,
    rmpReviewedOn: '2026-10-01',
    victimContactScheme: true,
    victimContactConsultedOn: '2026-10-15',
  };

  it('lists nothing missing for a case that is ready', () => {
    const list = preReleaseChecklist(ready, today);
    expect(list.filter((e) => e.status === 'missing')).toEqual([]);
    expect(list.find((e) => e.item === 'approved_premises')?.status).toBe('not_needed');
  });

  it('lists what is missing, in words', () => {
    const list = preReleaseChecklist(
      {
        ...ready,
        level: null,
        rmpReviewedOn: '2026-05-01',
        approvedPremisesNeeded: true,
        victimContactConsultedOn: null,
      },
      today,
    );
    expect(list.filter((e) => e.status === 'missing').map((e) => [e.item, e.detail])).toEqual([
      ['approved_premises', 'Approved premises planned but no place confirmed'],
      ['mappa_level', 'No MAPPA level decided'],
      ['risk_management_plan', 'Last reviewed 1 May 2026, more than 6 months ago'],
      ['victim_contact', 'Victim liaison officer not yet consulted'],
    ]);
  });
});

describe('communications monitoring flags', () => {
  let n = 0;
  const call = (on: string, counterpart: string, extra: Partial<Communication> = {}): Communication => ({
    id: `c${n++}`,
    kind: 'call',
    on,
    counterpart,
    listenedOn: on,
    ...extra,
  });
  const many = (count: number, on: string, number: string) =>
    Array.from({ length: count }, () => call(on, number));
  const kinds = (flags: { kind: string }[]) => flags.map((f) => f.kind).sort();

  it('normalises UK numbers written three ways to one', () => {
    expect(normalisePhoneNumber('+44 7700 900123')).toBe('07700900123');
    expect(normalisePhoneNumber('0044 7700-900123')).toBe('07700900123');
    expect(normalisePhoneNumber('07700 900123')).toBe('07700900123');
    expect(normalisePhoneNumber('+33 1 23 45 67 89')).toBe('+33123456789');
  });

  it('raises nothing for ordinary calls', () => {
    const calls = Array.from({ length: 60 }, (_, i) => call(addDays(today, -i), '07700900001'));
    expect(monitoringFlags(calls, [], DEFAULT_MONITORING_SETTINGS, today)).toEqual([]);
  });

  it('flags the Kevin case: 43 calls in a day and 475 in a month to one number', () => {
    // 43 on 20 November, 27 today and 15 on each of the other 27 days of the month: 475.
    const otherDays = Array.from({ length: 29 }, (_, i) => addDays(today, -i)).filter(
      (d) => d !== today && d !== '2026-11-20',
    );
    const calls = [
      ...many(43, '2026-11-20', '07700900123'),
      ...many(27, today, '07700900123'),
      ...otherDays.flatMap((d) => many(15, d, '07700900123')),
    ];
    expect(calls).toHaveLength(475);
    const flags = monitoringFlags(calls, [], DEFAULT_MONITORING_SETTINGS, today);
    const daily = flags.filter((f) => f.kind === 'daily_volume');
    expect(daily.find((f) => f.from === '2026-11-20')?.evidence).toBe(
      '43 calls to 07700900123 on 20 November 2026 (area setting: more than 10 a day)',
    );
    const monthly = flags.find((f) => f.kind === 'monthly_volume');
    expect(monthly?.count).toBe(475);
    expect(monthly?.evidence).toContain('475 calls to 07700900123 in the last 30 days');
  });

  it('does not count calls older than 30 days towards the monthly volume', () => {
    const calls = many(101, addDays(today, -30), '07700900123');
    expect(
      kinds(monitoringFlags(calls, [], { ...DEFAULT_MONITORING_SETTINGS, callsPerNumberPerDay: 200 }, today)),
    ).toEqual([]);
  });

  it('flags a spike far above the person’s own baseline', () => {
    const baseline = Array.from({ length: 60 }, (_, i) => call(addDays(today, -7 - i), `0770090${1000 + i}`));
    const recent = Array.from({ length: 21 }, (_, i) => call(addDays(today, -(i % 7)), `0770080${1000 + i}`));
    const flags = monitoringFlags([...baseline, ...recent], [], DEFAULT_MONITORING_SETTINGS, today);
    expect(kinds(flags)).toEqual(['baseline_spike']);
    expect(flags[0]!.evidence).toBe(
      '21 calls in the last 7 days (3.0 a day) against 1.0 a day in the 60 days before (area setting: 3 times)',
    );
  });

  it('flags contact with a number linked to a victim, with its source', () => {
    const flags = monitoringFlags(
      [
        call('2026-12-01', '07700900999'),
        { id: 'm1', kind: 'mail', on: '2026-12-02', counterpart: '07700900999' },
      ],
      [{ counterpart: '07700900999', link: 'victim', source: 'Relationship: victim (Jane Doe)' }],
      DEFAULT_MONITORING_SETTINGS,
      today,
    );
    expect(flags).toEqual([
      expect.objectContaining({
        kind: 'linked_contact',
        count: 2,
        evidence: '2 contacts with 07700900999, linked to a victim — Relationship: victim (Jane Doe)',
        communicationIds: [expect.any(String), 'm1'],
      }),
    ]);
  });

  it('flags a listening backlog and outstanding translations older than their settings', () => {
    const flags = monitoringFlags(
      [
        call('2026-11-10', '07700900001', { listenedOn: null }),
        call('2026-12-03', '07700900001', { listenedOn: null }),
        call('2026-11-20', '07700900002', { translationRequestedOn: '2026-11-21', translationDoneOn: null }),
        call('2026-11-20', '07700900002', {
          translationRequestedOn: '2026-11-21',
          translationDoneOn: '2026-11-25',
        }),
      ],
      [],
      DEFAULT_MONITORING_SETTINGS,
      today,
    );
    expect(flags.map((f) => [f.kind, f.count, f.key])).toEqual([
      ['listening_backlog', 1, 'listening_backlog:2026-11-10'],
      ['translation_outstanding', 1, 'translation_outstanding:2026-11-21'],
    ]);
  });
});

describe('release and HDC address checks', () => {
  const proposed = { line1: '12, High St.', postcode: 'sw1a 1aa' };
  const facts: AddressCheckFacts = {
    related: [
      {
        name: 'Jane Doe',
        type: 'victim',
        isChild: false,
        address: { line1: '3 High Street', postcode: 'SW1A 1AA' },
        livesThereFrom: null,
        livesThereUntil: null,
      },
      {
        name: 'Ann Roe',
        type: 'partner',
        isChild: false,
        address: { line1: '12 high street', postcode: 'SW1A1AA' },
        livesThereFrom: '2025-01-01',
        livesThereUntil: null,
      },
      {
        name: 'Tom Roe',
        type: 'household_member',
        isChild: true,
        address: { line1: '12 High Street', postcode: 'SW1A 1AA' },
        livesThereFrom: null,
        livesThereUntil: null,
      },
      {
        name: 'Old Flame',
        type: 'ex_partner',
        isChild: false,
        address: { line1: '12 High Street', postcode: 'SW1A 1AA' },
        livesThereFrom: null,
        livesThereUntil: '2020-01-01',
      },
    ],
    domesticAbuseMarker: true,
    restrictions: [
      {
        kind: 'exclusion_zone',
        postcodes: ['SW1A 1'],
        source: 'Licence condition: exclusion zone',
        endsOn: null,
      },
      {
        kind: 'restraining_order',
        postcodes: ['SW1A'],
        source: 'Restraining order (2019)',
        endsOn: '2024-01-01',
      },
    ],
  };

  it('matches addresses however they are written', () => {
    expect(normaliseAddressLine('12, High St.')).toBe('12 high street');
    expect(postcodeWithin('sw1a1aa', 'SW1A')).toBe(true);
    expect(postcodeWithin('SW1A 1AA', 'SW1A 2')).toBe(false);
    expect(postcodeWithin('SW1 1AA', 'SW1A')).toBe(false);
  });

  it('reads an exclusion zone as written: postcodes, sectors and districts', () => {
    expect(readPostcodeAreas('sw1a1aa, SW1A 2;  ha1')).toEqual(['SW1A 1AA', 'SW1A 2', 'HA1']);
    expect(readPostcodeAreas('SW1A 1AA, near the park')).toBeNull();
    expect(readPostcodeAreas(' , ')).toBeNull();
  });

  it('finds each conflict with its source, ignoring ended addresses and orders', () => {
    expect(addressConflicts(proposed, facts, today).map((c) => [c.kind, c.source])).toEqual([
      ['victim_address', 'Relationship: victim (Jane Doe)'],
      ['partner_address', 'Relationship: partner (Ann Roe)'],
      ['domestic_abuse', 'Marker: domestic abuse; Relationship: partner (Ann Roe)'],
      ['children_in_household', 'Relationship: household-member (Tom Roe)'],
      ['restriction', 'Licence condition: exclusion zone'],
    ]);
  });

  it('finds nothing at an unrelated address', () => {
    expect(addressConflicts({ line1: '1 Low Road', postcode: 'M1 1AE' }, facts, today)).toEqual([]);
  });
});

describe("MAPPA F's address check text", () => {
  it('counts conflicts and decisions without addresses, sources or reasons', () => {
    const text = addressCheckResultsText([
      { purposeLabel: 'Release', checkedOn: '2026-12-01', conflicts: 0, setAside: 0, outcome: null },
      {
        purposeLabel: 'Home detention curfew (HDC)',
        checkedOn: '2026-11-03',
        conflicts: 2,
        setAside: 1,
        outcome: 'unsuitable',
      },
    ]);
    expect(text.split('\n')).toEqual([
      'Home detention curfew (HDC) address checked 3 November 2026: 2 conflicts with the record, 1 set aside with a reason; found unsuitable.',
      'Release address checked 1 December 2026: no conflicts with the record; awaiting a decision.',
    ]);
  });
});

describe('custody worklist dues', () => {
  it('lists a monthly monitoring review from 7 days before it falls due, late after it', () => {
    expect(monitoringReviewDue('2026-11-01', '2026-11-23')).toBeNull();
    expect(monitoringReviewDue('2026-11-01', '2026-11-24')).toEqual({ dueOn: '2026-12-01', late: false });
    expect(monitoringReviewDue('2026-11-01', '2026-12-02')).toEqual({ dueOn: '2026-12-01', late: true });
  });

  it('wants an HDC address decided by the HDC eligibility date, a release address by the CRD', () => {
    const dates = { hdcEligibilityDate: '2026-12-01', conditionalReleaseDate: '2027-03-01' };
    expect(addressDecisionDue('hdc', dates, '2026-12-02')).toEqual({ dueOn: '2026-12-01', late: true });
    expect(addressDecisionDue('release', dates, '2026-12-02')).toEqual({ dueOn: '2027-03-01', late: false });
    expect(addressDecisionDue('hdc', { ...dates, hdcEligibilityDate: null }, '2026-12-02')).toEqual({
      dueOn: null,
      late: false,
    });
  });
});
