import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, compareDates, daysBetween } from '../../src/domain/dates.ts';
import {
  DEFAULT_AREA_SETTINGS,
  SIGNIFICANT_EVENT_TYPE,
  earliestRelease,
  levelDecisionDue,
  reviewDue,
  validateAreaSettings,
  type AreaSettings,
  type CustodyCase,
  type SignificantEventType,
} from '../../src/domain/deadlines.ts';

const TODAY = '2026-09-01';

function isoDates(minYear = 2020, maxYear = 2040) {
  return fc
    .date({
      min: new Date(`${minYear}-01-01T00:00:00Z`),
      max: new Date(`${maxYear}-12-31T00:00:00Z`),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

describe('levelDecisionDue: community', () => {
  it.each([
    ['on time', '2026-08-25', '2026-09-09', false, 8],
    ['due today', '2026-08-17', '2026-09-01', false, 0],
    ['overdue', '2026-08-10', '2026-08-25', true, -7],
  ])(
    '15 days after the first appointment: %s',
    (_name, firstAppointmentOn, dueOn, overdue, daysRemaining) => {
      const due = levelDecisionDue({ setting: 'community', firstAppointmentOn }, TODAY);
      expect(due).toMatchObject({ dueOn, overdue, daysRemaining });
      expect(due.basis).toContain('15 days after the first appointment');
    },
  );
});

describe('levelDecisionDue: custody', () => {
  it.each<[string, Omit<CustodyCase, 'setting'>, string, RegExp]>([
    [
      'CRD only',
      { conditionalReleaseDate: '2027-05-01' },
      '2026-11-01',
      /6 months before earliest release \(conditional release date 1 May 2027\)/,
    ],
    [
      'PED before CRD',
      { conditionalReleaseDate: '2028-05-01', paroleEligibilityDate: '2027-03-15' },
      '2026-09-15',
      /parole eligibility date/,
    ],
    [
      'future HDCED before CRD',
      { conditionalReleaseDate: '2027-05-01', hdcEligibilityDate: '2027-01-31' },
      '2026-07-31',
      /HDC eligibility date/,
    ],
    [
      'past HDCED is ignored',
      { conditionalReleaseDate: '2027-05-01', hdcEligibilityDate: '2026-08-31' },
      '2026-11-01',
      /conditional release date/,
    ],
    [
      'expected release brought forward',
      { conditionalReleaseDate: '2027-05-01', expectedReleaseDate: '2027-02-10' },
      '2026-08-10',
      /expected release date/,
    ],
    [
      'already released',
      { conditionalReleaseDate: '2027-05-01', actualReleaseDate: '2026-06-20' },
      '2025-12-20',
      /actual release date/,
    ],
    [
      '6 months before 31 August clamps to 28 February',
      { conditionalReleaseDate: '2027-08-31' },
      '2027-02-28',
      /conditional release date/,
    ],
    [
      'ROTL before the 6-month point wins',
      { conditionalReleaseDate: '2027-05-01', firstRotlDate: '2026-10-15' },
      '2026-10-14',
      /^Before the first release on temporary licence \(15 October 2026\)$/,
    ],
    [
      'ROTL after the 6-month point does not',
      { conditionalReleaseDate: '2027-05-01', firstRotlDate: '2026-12-15' },
      '2026-11-01',
      /6 months before earliest release/,
    ],
    ['ROTL with no release date', { firstRotlDate: '2026-10-15' }, '2026-10-14', /temporary licence/],
  ])('%s', (_name, dates, dueOn, basis) => {
    const due = levelDecisionDue({ setting: 'custody', ...dates }, TODAY);
    expect(due.dueOn).toBe(dueOn);
    expect(due.basis).toMatch(basis);
    expect(due.overdue).toBe(compareDates(TODAY, dueOn) > 0);
    expect(due.daysRemaining).toBe(daysBetween(TODAY, dueOn));
  });

  it('a release date moved earlier moves the deadline earlier', () => {
    const before = levelDecisionDue({ setting: 'custody', conditionalReleaseDate: '2027-09-01' }, TODAY);
    const after = levelDecisionDue(
      { setting: 'custody', conditionalReleaseDate: '2027-09-01', expectedReleaseDate: '2027-04-01' },
      TODAY,
    );
    expect(before).toMatchObject({ dueOn: '2027-03-01', overdue: false });
    expect(after).toMatchObject({ dueOn: '2026-10-01', overdue: false, daysRemaining: 30 });
    const overdue = levelDecisionDue({ setting: 'custody', conditionalReleaseDate: '2027-01-01' }, TODAY);
    expect(overdue).toMatchObject({ dueOn: '2026-07-01', overdue: true, daysRemaining: -62 });
  });

  it('says what to record when there are no dates', () => {
    expect(levelDecisionDue({ setting: 'custody' }, TODAY)).toMatchObject({
      dueOn: null,
      overdue: false,
      daysRemaining: null,
    });
  });

  const custodyCases = fc.record({
    conditionalReleaseDate: fc.option(isoDates(), { nil: undefined }),
    paroleEligibilityDate: fc.option(isoDates(), { nil: undefined }),
    hdcEligibilityDate: fc.option(isoDates(), { nil: undefined }),
    expectedReleaseDate: fc.option(isoDates(), { nil: undefined }),
    firstRotlDate: fc.option(isoDates(), { nil: undefined }),
  });

  it('is never after the earliest release, nor on or after the first ROTL (property)', () => {
    fc.assert(
      fc.property(custodyCases, isoDates(), (dates, today) => {
        const c: CustodyCase = { setting: 'custody', ...dates };
        const due = levelDecisionDue(c, today);
        const release = earliestRelease(c, today);
        if (due.dueOn === null) {
          expect(release).toBeNull();
          expect(c.firstRotlDate).toBeUndefined();
          return;
        }
        if (release) expect(compareDates(due.dueOn, addMonths(release.date, -6))).toBeLessThanOrEqual(0);
        if (c.firstRotlDate) expect(compareDates(due.dueOn, c.firstRotlDate)).toBeLessThan(0);
      }),
    );
  });

  it.each([
    'conditionalReleaseDate',
    'paroleEligibilityDate',
    'expectedReleaseDate',
    'firstRotlDate',
  ] as const)('a later %s never gives an earlier deadline (property)', (field) => {
    fc.assert(
      fc.property(
        custodyCases,
        isoDates(),
        fc.integer({ min: 0, max: 800 }),
        isoDates(),
        (dates, date, shift, today) => {
          const earlier = levelDecisionDue({ setting: 'custody', ...dates, [field]: date }, today);
          const later = levelDecisionDue(
            { setting: 'custody', ...dates, [field]: addDays(date, shift) },
            today,
          );
          expect(compareDates(later.dueOn as string, earlier.dueOn as string)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('a later HDC eligibility date that is still in the future never gives an earlier deadline (property)', () => {
    fc.assert(
      fc.property(
        custodyCases,
        fc.integer({ min: 1, max: 800 }),
        fc.integer({ min: 0, max: 800 }),
        (dates, ahead, shift) => {
          const hdc = addDays(TODAY, ahead);
          const earlier = levelDecisionDue({ setting: 'custody', ...dates, hdcEligibilityDate: hdc }, TODAY);
          const later = levelDecisionDue(
            { setting: 'custody', ...dates, hdcEligibilityDate: addDays(hdc, shift) },
            TODAY,
          );
          expect(compareDates(later.dueOn as string, earlier.dueOn as string)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('reviewDue', () => {
  const LAST = '2026-03-01';

  it.each<[string, 1 | 2 | 3, Partial<AreaSettings>, string, RegExp]>([
    ['Level 1: 6 months', 1, {}, '2026-09-01', /^Level 1 review at least every 6 months/],
    ['Level 2: default 16 weeks', 2, {}, '2026-06-21', /^Level 2 review every 16 weeks/],
    ['Level 3: default 8 weeks', 3, {}, '2026-04-26', /^Level 3 review every 8 weeks/],
    [
      'Level 2: area setting 12 weeks',
      2,
      { level2ReviewWeeks: 12 },
      '2026-05-24',
      /every 12 weeks \(area setting\)/,
    ],
    ['Level 3: area setting 6 weeks', 3, { level3ReviewWeeks: 6 }, '2026-04-12', /every 6 weeks/],
  ])('%s', (_name, level, settings, dueOn, basis) => {
    const due = reviewDue(
      { level, lastReviewedOn: LAST },
      { ...DEFAULT_AREA_SETTINGS, ...settings },
      '2026-04-01',
    );
    expect(due).toMatchObject({
      dueOn,
      trigger: 'routine',
      overdue: false,
      daysRemaining: daysBetween('2026-04-01', dueOn),
    });
    expect(due.basis).toMatch(basis);
  });

  it('Level 1 from 31 August: 6 months clamps to the end of February', () => {
    expect(
      reviewDue({ level: 1, lastReviewedOn: '2027-08-31' }, DEFAULT_AREA_SETTINGS, '2027-09-01').dueOn,
    ).toBe('2028-02-29');
  });

  it('a significant event after the last review brings the review forward', () => {
    const due = reviewDue(
      {
        level: 1,
        lastReviewedOn: LAST,
        significantEvents: [{ type: 'new_relationship', occurredOn: '2026-05-02' }],
      },
      DEFAULT_AREA_SETTINGS,
      '2026-05-20',
    );
    expect(due).toMatchObject({
      dueOn: '2026-05-12',
      trigger: 'significant_event',
      overdue: true,
      daysRemaining: -8,
    });
    expect(due.basis).toBe('Within 10 days of a significant event (new relationship, 2 May 2026)');
  });

  it('uses the area’s days for significant events, and the earliest event', () => {
    const due = reviewDue(
      {
        level: 2,
        lastReviewedOn: LAST,
        significantEvents: [
          { type: 'recall', occurredOn: '2026-04-20' },
          { type: 'arrest_or_charge', occurredOn: '2026-04-10' },
        ],
      },
      { ...DEFAULT_AREA_SETTINGS, significantEventReviewDays: 5 },
      '2026-04-11',
    );
    expect(due).toMatchObject({ dueOn: '2026-04-15', trigger: 'significant_event' });
  });

  it('ignores events the last review already considered, and events later than the routine review', () => {
    const events = [
      { type: 'breach' as const, occurredOn: '2026-02-20' },
      { type: 'breach' as const, occurredOn: LAST },
      { type: 'breach' as const, occurredOn: '2026-04-25' },
      { type: 'recall' as const, occurredOn: '2026-03-05', reviewed: true },
    ];
    expect(
      reviewDue(
        { level: 3, lastReviewedOn: LAST, significantEvents: events },
        DEFAULT_AREA_SETTINGS,
        '2026-04-01',
      ),
    ).toMatchObject({
      dueOn: '2026-04-26',
      trigger: 'routine',
    });
  });

  it('refuses invalid settings', () => {
    expect(() =>
      reviewDue({ level: 2, lastReviewedOn: LAST }, { ...DEFAULT_AREA_SETTINGS, level2ReviewWeeks: 0 }, LAST),
    ).toThrow(RangeError);
  });

  const settingsArb = fc.record({
    level2ReviewWeeks: fc.integer({ min: 1, max: 52 }),
    level3ReviewWeeks: fc.integer({ min: 1, max: 52 }),
    significantEventReviewDays: fc.integer({ min: 1, max: 90 }),
  });
  const eventsArb = fc.array(
    fc.record({
      type: fc.constantFrom(...SIGNIFICANT_EVENT_TYPE.map((e) => e.code as SignificantEventType)),
      occurredOn: isoDates(),
    }),
    { maxLength: 5 },
  );

  it('is always strictly after the last review, and never later than the routine review (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<1 | 2 | 3>(1, 2, 3),
        isoDates(),
        settingsArb,
        eventsArb,
        isoDates(),
        (level, last, settings, events, today) => {
          const due = reviewDue({ level, lastReviewedOn: last, significantEvents: events }, settings, today);
          const routine = reviewDue({ level, lastReviewedOn: last }, settings, today);
          expect(compareDates(due.dueOn, last)).toBeGreaterThan(0);
          expect(compareDates(due.dueOn, routine.dueOn)).toBeLessThanOrEqual(0);
          expect(due.overdue).toBe(due.daysRemaining < 0);
        },
      ),
    );
  });

  it('a higher level is never reviewed less often with the default settings (property)', () => {
    fc.assert(
      fc.property(isoDates(), (last) => {
        const at = (level: 1 | 2 | 3) =>
          reviewDue({ level, lastReviewedOn: last }, DEFAULT_AREA_SETTINGS, last).dueOn;
        expect(compareDates(at(3), at(2))).toBeLessThanOrEqual(0);
        expect(compareDates(at(2), at(1))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('area settings and code lists', () => {
  it('defaults are 16 weeks, 8 weeks and 10 days, and valid', () => {
    expect(DEFAULT_AREA_SETTINGS).toEqual({
      level2ReviewWeeks: 16,
      level3ReviewWeeks: 8,
      significantEventReviewDays: 10,
    });
    expect(validateAreaSettings(DEFAULT_AREA_SETTINGS)).toEqual({});
  });

  it('explains invalid settings per field', () => {
    expect(
      validateAreaSettings({
        level2ReviewWeeks: 0,
        level3ReviewWeeks: 2.5,
        significantEventReviewDays: '10',
      }),
    ).toEqual({
      level2ReviewWeeks: 'Level 2 review interval must be a whole number of weeks from 1 to 52',
      level3ReviewWeeks: 'Level 3 review interval must be a whole number of weeks from 1 to 52',
      significantEventReviewDays:
        'Review after a significant event must be a whole number of days from 1 to 90',
    });
  });

  it('lists the significant event types with labels', () => {
    expect(SIGNIFICANT_EVENT_TYPE.map((e) => e.code)).toEqual([
      'arrest_or_charge',
      'further_offence',
      'new_intelligence',
      'change_of_address',
      'new_relationship',
      'recall',
      'breach',
      'rotl_failure',
      'drug_use_in_custody',
      'risk_assessment_change',
    ]);
    for (const e of SIGNIFICANT_EVENT_TYPE) expect(e.label).not.toBe('');
  });
});
