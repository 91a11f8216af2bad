import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Outcome } from '../../src/domain/codes.ts';
import {
  mappaEligibility,
  type ConvictionFacts,
  type EligibilityInput,
  type OrderFacts,
  type VictimAge,
} from '../../src/domain/eligibility.ts';
import {
  notificationObligations,
  notificationPeriod,
  terrorismNotificationEnd,
  terrorismNotificationPeriod,
  type NotificationDutiesInput,
} from '../../src/domain/notification-requirements.ts';
import { SCHEDULE3_CONDITIONS, schedule3Applies, type Schedule3Facts } from '../../src/domain/schedule3.ts';
import { aggregateTerms, termAtLeast, termText } from '../../src/domain/sentences.ts';

/**
 * The law, as a table (issue 12). Every expected answer here was worked out from the statute
 * named in `section`, not from the code: SOA 2003 Part 2 and Schedule 3, CJA 2003 s.189(6) and
 * s.325-327, CTA 2008 Part 4, Sentencing Act 2020, SI 2012/1876. docs/legal-rules.md explains
 * each rule and the rulings on open questions.
 */

const ADULT = '1980-06-15';
const CHILD = '2008-01-01'; // 16 on 1 March 2024
const RELEVANT = '2024-03-01';

// --- 1. The s.82 table, adult -------------------------------------------------------------

type PeriodCase = {
  section: string;
  name: string;
  outcome: Outcome;
  months?: number | null;
  days?: number | null;
  indeterminate?: boolean;
  dto?: boolean;
  dob?: string;
  relevant?: string;
  expected: { months: number | 'indefinite'; endsOn: string | null; halved?: boolean };
};

const periodCases: PeriodCase[] = [
  {
    section: 'SOA 2003 s.82(1)',
    name: 'life imprisonment',
    outcome: 'custody',
    indeterminate: true,
    expected: { months: 'indefinite', endsOn: null },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: 'exactly 30 months',
    outcome: 'custody',
    months: 30,
    expected: { months: 'indefinite', endsOn: null },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '8 years',
    outcome: 'custody',
    months: 96,
    expected: { months: 'indefinite', endsOn: null },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '29 months',
    outcome: 'custody',
    months: 29,
    expected: { months: 120, endsOn: '2034-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '29 months 30 days: still short of 30 months on the calendar',
    outcome: 'custody',
    months: 29,
    days: 30,
    expected: { months: 120, endsOn: '2034-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '29 months 31 days: 30 months on the calendar from 1 March',
    outcome: 'custody',
    months: 29,
    days: 31,
    expected: { months: 'indefinite', endsOn: null },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '7 months',
    outcome: 'custody',
    months: 7,
    expected: { months: 120, endsOn: '2034-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '6 months and 1 day: more than 6 months',
    outcome: 'custody',
    months: 6,
    days: 1,
    expected: { months: 120, endsOn: '2034-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: 'exactly 6 months',
    outcome: 'custody',
    months: 6,
    expected: { months: 84, endsOn: '2031-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '1 month',
    outcome: 'custody',
    months: 1,
    expected: { months: 84, endsOn: '2031-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '12 weeks (recorded in days)',
    outcome: 'custody',
    days: 84,
    expected: { months: 84, endsOn: '2031-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '26 weeks from 1 March: 6 months or less',
    outcome: 'custody',
    days: 182,
    expected: { months: 84, endsOn: '2031-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: '26 weeks from 1 January 2023: more than 6 months',
    outcome: 'custody',
    days: 182,
    relevant: '2023-01-01',
    expected: { months: 120, endsOn: '2032-12-31' },
  },
  {
    section: 'CJA 2003 s.189(6); SOA 2003 s.82(1)',
    name: 'suspended 6 months: imprisonment, 7 years',
    outcome: 'suspended_sentence',
    months: 6,
    expected: { months: 84, endsOn: '2031-02-28' },
  },
  {
    section: 'CJA 2003 s.189(6); SOA 2003 s.82(1)',
    name: 'suspended 24 months: 10 years',
    outcome: 'suspended_sentence',
    months: 24,
    expected: { months: 120, endsOn: '2034-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: 'restricted hospital order',
    outcome: 'hospital_order_restricted',
    expected: { months: 'indefinite', endsOn: null },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: 'hospital order without restriction',
    outcome: 'hospital_order',
    expected: { months: 84, endsOn: '2031-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: 'caution',
    outcome: 'caution',
    expected: { months: 24, endsOn: '2026-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1), s.134',
    name: 'conditional discharge 12 months',
    outcome: 'conditional_discharge',
    months: 12,
    expected: { months: 12, endsOn: '2025-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1), s.134',
    name: 'conditional discharge 36 months',
    outcome: 'conditional_discharge',
    months: 36,
    expected: { months: 36, endsOn: '2027-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: 'community order: any other description',
    outcome: 'community_order',
    months: 24,
    expected: { months: 60, endsOn: '2029-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: 'fine',
    outcome: 'fine',
    expected: { months: 60, endsOn: '2029-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: 'guardianship order',
    outcome: 'guardianship',
    expected: { months: 60, endsOn: '2029-02-28' },
  },
  // Under 18 on the relevant date: 10, 7, 5 and 2 years halved (s.82(2)); indefinite and the discharge are not.
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: 12 months detention, 10 years halved',
    outcome: 'custody',
    months: 12,
    dob: CHILD,
    expected: { months: 60, endsOn: '2029-02-28', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: 6 months detention, 7 years halved',
    outcome: 'custody',
    months: 6,
    dob: CHILD,
    expected: { months: 42, endsOn: '2027-08-31', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: 30 months detention stays indefinite',
    outcome: 'custody',
    months: 30,
    dob: CHILD,
    expected: { months: 'indefinite', endsOn: null },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: "child: detention during His Majesty's pleasure",
    outcome: 'custody',
    indeterminate: true,
    dob: CHILD,
    expected: { months: 'indefinite', endsOn: null },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: youth caution, 2 years halved',
    outcome: 'caution',
    dob: CHILD,
    expected: { months: 12, endsOn: '2025-02-28', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: conditional discharge not halved',
    outcome: 'conditional_discharge',
    months: 24,
    dob: CHILD,
    expected: { months: 24, endsOn: '2026-02-28', halved: false },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: youth rehabilitation order, 5 years halved',
    outcome: 'community_order',
    months: 12,
    dob: CHILD,
    expected: { months: 30, endsOn: '2026-08-31', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: fine, 5 years halved',
    outcome: 'fine',
    dob: CHILD,
    expected: { months: 30, endsOn: '2026-08-31', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: hospital order, 7 years halved',
    outcome: 'hospital_order',
    dob: CHILD,
    expected: { months: 42, endsOn: '2027-08-31', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: restricted hospital order stays indefinite',
    outcome: 'hospital_order_restricted',
    dob: CHILD,
    expected: { months: 'indefinite', endsOn: null },
  },
  {
    section: 'SOA 2003 s.82(2), s.131',
    name: 'child: DTO 4 months, detention 2 months, 7 years halved',
    outcome: 'custody',
    months: 4,
    dto: true,
    dob: CHILD,
    expected: { months: 42, endsOn: '2027-08-31', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2), s.131',
    name: 'child: DTO 12 months, detention 6 months, 7 years halved',
    outcome: 'custody',
    months: 12,
    dto: true,
    dob: CHILD,
    expected: { months: 42, endsOn: '2027-08-31', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2), s.131',
    name: 'child: DTO 18 months, detention 9 months, 10 years halved',
    outcome: 'custody',
    months: 18,
    dto: true,
    dob: CHILD,
    expected: { months: 60, endsOn: '2029-02-28', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2), s.131',
    name: 'child: DTO 24 months, detention 12 months, 10 years halved',
    outcome: 'custody',
    months: 24,
    dto: true,
    dob: CHILD,
    expected: { months: 60, endsOn: '2029-02-28', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2)',
    name: 'child: suspended 6 months, 7 years halved',
    outcome: 'suspended_sentence',
    months: 6,
    dob: CHILD,
    expected: { months: 42, endsOn: '2027-08-31', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2), (6)',
    name: '17 on the relevant date: halved',
    outcome: 'custody',
    months: 12,
    dob: '2006-03-02',
    expected: { months: 60, endsOn: '2029-02-28', halved: true },
  },
  {
    section: 'SOA 2003 s.82(2), (6)',
    name: '18th birthday on the relevant date: not halved',
    outcome: 'custody',
    months: 12,
    dob: '2006-03-01',
    expected: { months: 120, endsOn: '2034-02-28', halved: false },
  },
];

describe('SOA 2003 s.82: the notification period (relevant date 1 March 2024)', () => {
  it.each(periodCases)('$section — $name', (c) => {
    const period = notificationPeriod({
      outcome: c.outcome,
      lengthMonths: c.months ?? null,
      lengthDays: c.days ?? null,
      indeterminate: c.indeterminate,
      detentionAndTrainingOrder: c.dto,
      relevantDate: c.relevant ?? RELEVANT,
      dateOfBirth: c.dob ?? ADULT,
    });
    expect(period.length).toEqual(
      c.expected.months === 'indefinite'
        ? { kind: 'indefinite' }
        : { kind: 'fixed', months: c.expected.months },
    );
    expect(period.endsOn).toBe(c.expected.endsOn);
    if (c.expected.halved !== undefined) expect(period.halved).toBe(c.expected.halved);
  });
});

// --- 2. Schedule 3 conditions -------------------------------------------------------------

type S3Case = {
  section: string;
  name: string;
  code: string | null;
  facts: Partial<Schedule3Facts> & { outcome: Outcome };
  months?: number;
  expected: 'yes' | 'no' | 'unknown';
  missing?: RegExp;
};

// An adult offender (aged 34 at the offence) and a child offender (16 at the offence).
const ADULT_S3 = { dateOfBirth: '1990-01-01', offenceDate: '2024-01-01', convictionDate: '2024-03-01' };
const CHILD_S3 = { dateOfBirth: '2007-06-01', offenceDate: '2024-01-01', convictionDate: '2024-03-01' };
const v = (victimAge: VictimAge | null) => ({ victimAge });
const t = (months: number, days = 0) => ({ term: { months, days } });

const s3Cases: S3Case[] = [
  // para 17 (s.3 sexual assault); the same rule for s.66 exposure (para 32), s.67 voyeurism (para 33).
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim 18+, community order 6 months',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'community_order', ...t(6) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim 18+, community order 12 months',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'community_order', ...t(12) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim 18+, fine',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'fine' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim 16 or 17, fine',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('16_or_17'), outcome: 'fine' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim under 13, caution',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('under_13'), outcome: 'caution' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim 18+, 1 month custody',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'custody', ...t(1) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 17; CJA 2003 s.189(6)',
    name: 's.3 adult, victim 18+, suspended 4 months',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'suspended_sentence', ...t(4) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim 18+, hospital order',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'hospital_order' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim 18+, caution',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'caution' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 17(a)',
    name: 's.3 offender 16, victim 13-15, community order 12 months',
    code: 'victim_under_18_or_sentence',
    facts: { ...CHILD_S3, ...v('13_to_15'), outcome: 'community_order', ...t(12) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 17(a)',
    name: 's.3 offender 16, detention 12 months',
    code: 'victim_under_18_or_sentence',
    facts: { ...CHILD_S3, ...v('18_or_over'), outcome: 'custody', ...t(12) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 17(a), s.131',
    name: 's.3 offender 16, DTO 12 months (detention 6)',
    code: 'victim_under_18_or_sentence',
    facts: { ...CHILD_S3, ...v('13_to_15'), outcome: 'custody', ...t(6) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim age not recorded, fine',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v(null), outcome: 'fine' },
    expected: 'unknown',
    missing: /victim/,
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 's.3 adult, victim age not recorded, 3 months custody',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v(null), outcome: 'custody', ...t(3) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 paras 17, 95',
    name: 's.3 offence date unknown, 19 at conviction, victim 18+, fine: no either way',
    code: 'victim_under_18_or_sentence',
    facts: { dateOfBirth: '2005-01-01', convictionDate: '2024-03-01', ...v('18_or_over'), outcome: 'fine' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 paras 17, 95',
    name: 's.3 offence date unknown, 19 at conviction, victim 16-17, fine: depends on age at offence',
    code: 'victim_under_18_or_sentence',
    facts: { dateOfBirth: '2005-01-01', convictionDate: '2024-03-01', ...v('16_or_17'), outcome: 'fine' },
    expected: 'unknown',
    missing: /offence date/,
  },
  {
    section: 'SOA 2003 Sch.3 paras 17, 95',
    name: 's.3 offence date unknown, 17 at conviction: under 18 at the offence',
    code: 'victim_under_18_or_sentence',
    facts: { dateOfBirth: '2007-01-01', convictionDate: '2024-03-01', ...v('16_or_17'), outcome: 'fine' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 s.134; Sentencing Act 2020 s.82(2)',
    name: 'absolute discharge is never notifiable',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('under_13'), outcome: 'absolute_discharge' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 s.134',
    name: 'absolute discharge for an unconditional entry (rape)',
    code: null,
    facts: { ...ADULT_S3, outcome: 'absolute_discharge' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 32',
    name: 's.66 exposure, no identifiable victim, community 6 months',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('no_victim'), outcome: 'community_order', ...t(6) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 32',
    name: 's.66 exposure, victim under 13, fine',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('under_13'), outcome: 'fine' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 33',
    name: 's.67 voyeurism, victim 18+, suspended sentence',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'suspended_sentence', ...t(6) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 33',
    name: 's.67 voyeurism, victim 18+, conditional discharge',
    code: 'victim_under_18_or_sentence',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'conditional_discharge', ...t(12) },
    expected: 'no',
  },
  // paras 19, 22, 25 (s.7, s.14, s.25-26): 18 or over, or 12 months.
  {
    section: 'SOA 2003 Sch.3 para 19',
    name: 's.7 adult offender, fine',
    code: 'adult_or_12_months',
    facts: { ...ADULT_S3, outcome: 'fine' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 19',
    name: 's.7 offender 16, community order',
    code: 'adult_or_12_months',
    facts: { ...CHILD_S3, outcome: 'community_order', ...t(24) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 19',
    name: 's.7 offender 16, detention 12 months',
    code: 'adult_or_12_months',
    facts: { ...CHILD_S3, outcome: 'custody', ...t(12) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 19',
    name: 's.7 offender 16, detention 11 months',
    code: 'adult_or_12_months',
    facts: { ...CHILD_S3, outcome: 'custody', ...t(11) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 19',
    name: 's.7 offender 16, detention 52 weeks from 1 March 2024 (364 days < 12 months)',
    code: 'adult_or_12_months',
    facts: { ...CHILD_S3, outcome: 'custody', ...t(0, 364) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 25',
    name: 's.25 offence date unknown, 25 at conviction, caution',
    code: 'adult_or_12_months',
    facts: { dateOfBirth: '1999-01-01', convictionDate: '2024-03-01', outcome: 'caution' },
    expected: 'unknown',
    missing: /offence date/,
  },
  {
    section: 'SOA 2003 Sch.3 para 25',
    name: 's.25 offence date unknown, 25 at conviction, 12 months custody',
    code: 'adult_or_12_months',
    facts: { dateOfBirth: '1999-01-01', convictionDate: '2024-03-01', outcome: 'custody', ...t(12) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 22',
    name: 's.14 offender 17, sentence length not recorded',
    code: 'adult_or_12_months',
    facts: { ...CHILD_S3, outcome: 'custody', term: null },
    expected: 'unknown',
    missing: /sentence length/,
  },
  // para 24 (s.16-19): imprisonment, hospital or community 12 months.
  {
    section: 'SOA 2003 Sch.3 para 24',
    name: 's.16 community order 12 months',
    code: 'abuse_of_trust',
    facts: { ...ADULT_S3, outcome: 'community_order', ...t(12) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 24',
    name: 's.16 community order 11 months',
    code: 'abuse_of_trust',
    facts: { ...ADULT_S3, outcome: 'community_order', ...t(11) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 24',
    name: 's.16 fine',
    code: 'abuse_of_trust',
    facts: { ...ADULT_S3, outcome: 'fine' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 24',
    name: 's.16 2 months custody',
    code: 'abuse_of_trust',
    facts: { ...ADULT_S3, outcome: 'custody', ...t(2) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 24',
    name: 's.16 hospital order',
    code: 'abuse_of_trust',
    facts: { ...ADULT_S3, outcome: 'hospital_order' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 24',
    name: 's.16 community order, length not recorded',
    code: 'abuse_of_trust',
    facts: { ...ADULT_S3, outcome: 'community_order', term: null },
    expected: 'unknown',
    missing: /community order/,
  },
  // para 28 (s.47): the child under 16, and 18 or over or 12 months.
  {
    section: 'SOA 2003 Sch.3 para 28',
    name: 's.47 child 13-15, adult offender, fine',
    code: 'child_under_16_and_adult_or_12_months',
    facts: { ...ADULT_S3, ...v('13_to_15'), outcome: 'fine' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 28',
    name: 's.47 child 16-17, adult, 24 months custody',
    code: 'child_under_16_and_adult_or_12_months',
    facts: { ...ADULT_S3, ...v('16_or_17'), outcome: 'custody', ...t(24) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 28',
    name: "s.47 child's age not recorded, adult",
    code: 'child_under_16_and_adult_or_12_months',
    facts: { ...ADULT_S3, ...v(null), outcome: 'fine' },
    expected: 'unknown',
    missing: /victim/,
  },
  {
    section: 'SOA 2003 Sch.3 para 28',
    name: 's.47 child under 13, offender 16, community order',
    code: 'child_under_16_and_adult_or_12_months',
    facts: { ...CHILD_S3, ...v('under_13'), outcome: 'community_order', ...t(12) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 28',
    name: 's.47 child under 13, offender 16, 12 months detention',
    code: 'child_under_16_and_adult_or_12_months',
    facts: { ...CHILD_S3, ...v('under_13'), outcome: 'custody', ...t(12) },
    expected: 'yes',
  },
  // paras 13, 15: indecent images.
  {
    section: 'SOA 2003 Sch.3 para 13',
    name: 'PCA 1978 s.1 image under 13, adult, fine',
    code: 'indecent_images',
    facts: { ...ADULT_S3, ...v('under_13'), outcome: 'fine' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 15',
    name: 'CJA 1988 s.160 image of a 16-17 year old, adult, 24 months',
    code: 'indecent_images',
    facts: { ...ADULT_S3, ...v('16_or_17'), outcome: 'custody', ...t(24) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 15',
    name: 'CJA 1988 s.160 image 13-15, offender 16, community',
    code: 'indecent_images',
    facts: { ...CHILD_S3, ...v('13_to_15'), outcome: 'community_order', ...t(12) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 13',
    name: 'PCA 1978 s.1 image 13-15, offender 16, 12 months detention',
    code: 'indecent_images',
    facts: { ...CHILD_S3, ...v('13_to_15'), outcome: 'custody', ...t(12) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 13(a)',
    name: 'PCA 1978 s.1 image under 13, offender 17, convicted before 1 May 2004',
    code: 'indecent_images',
    facts: {
      dateOfBirth: '1986-01-01',
      offenceDate: '2003-02-01',
      convictionDate: '2003-06-01',
      ...v('under_13'),
      outcome: 'fine',
    },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 15',
    name: 'CJA 1988 s.160 age of the person shown not recorded',
    code: 'indecent_images',
    facts: { ...ADULT_S3, ...v(null), outcome: 'custody', ...t(6) },
    expected: 'unknown',
    missing: /victim/,
  },
  // para 35A: extreme pornography.
  {
    section: 'SOA 2003 Sch.3 para 35A',
    name: 'CJIA 2008 s.63 adult, 24 months',
    code: 'extreme_pornography',
    facts: { ...ADULT_S3, outcome: 'custody', ...t(24) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 35A',
    name: 'CJIA 2008 s.63 adult, 23 months',
    code: 'extreme_pornography',
    facts: { ...ADULT_S3, outcome: 'custody', ...t(23) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 35A; CJA 2003 s.189(6)',
    name: 'CJIA 2008 s.63 adult, suspended 24 months',
    code: 'extreme_pornography',
    facts: { ...ADULT_S3, outcome: 'suspended_sentence', ...t(24) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 35A',
    name: 'CJIA 2008 s.63 offender 16, 36 months',
    code: 'extreme_pornography',
    facts: { ...CHILD_S3, outcome: 'custody', ...t(36) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 35A',
    name: 'CJIA 2008 s.63 adult, community order 24 months',
    code: 'extreme_pornography',
    facts: { ...ADULT_S3, outcome: 'community_order', ...t(24) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 35A',
    name: 'CJIA 2008 s.63 adult, custody length not recorded',
    code: 'extreme_pornography',
    facts: { ...ADULT_S3, outcome: 'custody', term: null },
    expected: 'unknown',
    missing: /sentence length/,
  },
  // paras 7-8: indecent assault under the 1956 Act.
  {
    section: 'SOA 2003 Sch.3 para 7(a)',
    name: 'SOA 1956 s.14 victim 16-17, fine',
    code: 'victim_under_18_or_30_months',
    facts: { ...ADULT_S3, ...v('16_or_17'), outcome: 'fine' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 7(b)(i)',
    name: 'SOA 1956 s.14 victim 18+, 30 months',
    code: 'victim_under_18_or_30_months',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'custody', ...t(30) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 7(b)(i)',
    name: 'SOA 1956 s.14 victim 18+, 29 months',
    code: 'victim_under_18_or_30_months',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'custody', ...t(29) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 8(b)(ii)',
    name: 'SOA 1956 s.15 victim 18+, restricted hospital order',
    code: 'victim_under_18_or_30_months',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'hospital_order_restricted' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 8',
    name: 'SOA 1956 s.15 victim 18+, hospital order without restriction',
    code: 'victim_under_18_or_30_months',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'hospital_order' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 7',
    name: 'SOA 1956 s.14 victim age unknown, 36 months',
    code: 'victim_under_18_or_30_months',
    facts: { ...ADULT_S3, ...v(null), outcome: 'custody', ...t(36) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 7',
    name: 'SOA 1956 s.14 victim age unknown, 12 months',
    code: 'victim_under_18_or_30_months',
    facts: { ...ADULT_S3, ...v(null), outcome: 'custody', ...t(12) },
    expected: 'unknown',
    missing: /victim/,
  },
  // paras 27, 31, 21, 3.
  {
    section: 'SOA 2003 Sch.3 para 27',
    name: 's.38 adult, community order 12 months',
    code: 'sentence',
    facts: { ...ADULT_S3, outcome: 'community_order', ...t(12) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 27',
    name: 's.38 adult, fine',
    code: 'sentence',
    facts: { ...ADULT_S3, outcome: 'fine' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 27(a)',
    name: 's.38 offender 16, hospital order',
    code: 'sentence',
    facts: { ...CHILD_S3, outcome: 'hospital_order' },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 31',
    name: 's.64 adult, 1 month custody',
    code: 'custody_or_hospital',
    facts: { ...ADULT_S3, outcome: 'custody', ...t(1) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 31',
    name: 's.64 adult, community order 24 months',
    code: 'custody_or_hospital',
    facts: { ...ADULT_S3, outcome: 'community_order', ...t(24) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 21',
    name: 's.13 detention 12 months',
    code: 'sentence_12_months',
    facts: { ...CHILD_S3, outcome: 'custody', ...t(12) },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 21',
    name: 's.13 detention 6 months',
    code: 'sentence_12_months',
    facts: { ...CHILD_S3, outcome: 'custody', ...t(6) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 3',
    name: 'SOA 1956 s.6 offender 21',
    code: 'offender_20_or_over',
    facts: {
      dateOfBirth: '1970-01-01',
      offenceDate: '1991-06-01',
      convictionDate: '1992-01-01',
      outcome: 'custody',
      ...t(6),
    },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3 para 3',
    name: 'SOA 1956 s.6 offender 19',
    code: 'offender_20_or_over',
    facts: {
      dateOfBirth: '1972-01-01',
      offenceDate: '1991-06-01',
      convictionDate: '1992-01-01',
      outcome: 'custody',
      ...t(6),
    },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 paras 4, 9',
    name: 'victim under 18 only: victim 18+',
    code: 'victim_under_18',
    facts: { ...ADULT_S3, ...v('18_or_over'), outcome: 'custody', ...t(48) },
    expected: 'no',
  },
  {
    section: 'SOA 2003 Sch.3 para 16',
    name: 'rape: no condition',
    code: null,
    facts: { ...ADULT_S3, outcome: 'fine' },
    expected: 'yes',
  },
  {
    section: 'SOA 2003 Sch.3',
    name: 'an unknown condition code asks rather than guesses',
    code: 'no_such_code',
    facts: { ...ADULT_S3, outcome: 'fine' },
    expected: 'unknown',
  },
];

describe('SOA 2003 Schedule 3: conditions', () => {
  it.each(s3Cases)('$section — $name', (c) => {
    const facts = c.facts as Schedule3Facts;
    const result = schedule3Applies(c.code, facts);
    expect(result.answer).toBe(c.expected);
    expect(result.section).toMatch(/^SOA 2003/);
    if (c.missing) expect(result.missing.join(' ')).toMatch(c.missing);
    if (c.expected !== 'unknown') expect(result.missing).toEqual([]);
  });

  it('every condition code on the offence list is one the rules know, and every conditional note has one', () => {
    const list = JSON.parse(readFileSync('data-reference/offences.json', 'utf8')) as {
      offences: {
        offence: string;
        schedule3: boolean;
        schedule3Condition: string | null;
        note: string | null;
      }[];
    };
    for (const o of list.offences) {
      if (o.schedule3Condition !== null)
        expect(Object.keys(SCHEDULE3_CONDITIONS)).toContain(o.schedule3Condition);
      if (o.schedule3 && /^(If the offender|Schedule 3 (if|only))/.test(o.note ?? ''))
        expect(o.schedule3Condition, o.offence).not.toBeNull();
    }
    const byName = new Map(list.offences.map((o) => [o.offence, o.schedule3Condition]));
    expect(byName.get('Exposure')).toBe('victim_under_18_or_sentence');
    expect(byName.get('Possession of extreme pornographic images')).toBe('extreme_pornography');
    expect(byName.get('Sexual activity with a child')).toBeNull(); // para 20: unconditional
  });
});

// --- 3. Eligibility: Schedule 3 facts, sentences, aggregation --------------------------------

const SEXUAL_ASSAULT = {
  offence: 'Sexual assault on a female',
  schedule3: true,
  schedule3Condition: 'victim_under_18_or_sentence',
  schedule15: true,
  terrorism: false,
  kind: 'sexual',
} as const;
const RAPE = {
  offence: 'Rape of a female aged 16 or over',
  schedule3: true,
  schedule15: true,
  terrorism: false,
  kind: 'sexual',
} as const;
const CHILD_ASSAULT = {
  offence: 'Sexual assault of a child under 13',
  schedule3: true,
  schedule3Condition: 'adult_or_12_months',
  schedule15: true,
  terrorism: false,
  kind: 'sexual',
} as const;
const GBH = {
  offence: 'Wounding or causing grievous bodily harm with intent',
  schedule3: false,
  schedule15: true,
  terrorism: false,
  kind: 'violent',
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

const person = (
  convictions: ConvictionFacts[],
  extra: Partial<EligibilityInput> = {},
  dob = ADULT,
): EligibilityInput => ({
  dateOfBirth: dob,
  convictions,
  ...extra,
});

type EligCase = {
  section: string;
  name: string;
  input: EligibilityInput;
  today: string;
  expected: {
    category: 1 | 2 | 3 | 4 | null;
    endsOn?: string | null;
    basis?: RegExp;
    notificationEndsOn?: string | null | 'none';
    classification?: RegExp;
    reason?: RegExp;
    facts?: RegExp;
    reviewFrom?: string | null;
  };
};

const eligCases: EligCase[] = [
  // Schedule 3 facts applied through eligibility.
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 'victim age not recorded: provisional Category 1 and a question',
    input: person([
      { ...SEXUAL_ASSAULT, outcome: 'fine', convictionDate: RELEVANT, offenceDate: '2024-01-01' },
    ]),
    today: '2024-06-01',
    expected: {
      category: 1,
      endsOn: '2029-02-28',
      classification:
        /Schedule 3 threshold not established for “Sexual assault on a female”: record the victim’s age/,
      reason: /Provisional/,
    },
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 'adult victim and a fine: not notifiable, and not eligible',
    input: person([
      {
        ...SEXUAL_ASSAULT,
        outcome: 'fine',
        convictionDate: RELEVANT,
        offenceDate: '2024-01-01',
        victimAge: '18_or_over',
      },
    ]),
    today: '2024-06-01',
    expected: { category: null, reason: /not notifiable/, basis: /Sch\.3 paras? .*17/ },
  },
  {
    section: 'SOA 2003 Sch.3 para 17',
    name: 'victim 16: notifiable, 5 years for a fine',
    input: person([
      {
        ...SEXUAL_ASSAULT,
        outcome: 'fine',
        convictionDate: RELEVANT,
        offenceDate: '2024-01-01',
        victimAge: '16_or_17',
      },
    ]),
    today: '2024-06-01',
    expected: {
      category: 1,
      endsOn: '2029-02-28',
      basis: /^SOA 2003 s\.82\(1\)$/,
      facts: /victim aged 16 or 17/,
    },
  },
  {
    section: 'SOA 2003 s.134; Sentencing Act 2020 s.82(2)',
    name: 'absolute discharge for rape: not notifiable',
    input: person([{ ...RAPE, outcome: 'absolute_discharge', convictionDate: RELEVANT }]),
    today: '2024-06-01',
    expected: { category: null, notificationEndsOn: 'none' },
  },
  {
    section: 'SOA 2003 s.80 (offence list)',
    name: 'an offence not on the list is never a silent "not eligible"',
    input: person([
      {
        ...THEFT,
        offence: 'Outraging something unusual',
        classified: false,
        outcome: 'fine',
        convictionDate: RELEVANT,
      },
    ]),
    today: '2024-06-01',
    expected: { category: null, classification: /not on the offence list/, reason: /classifying/ },
  },
  {
    section: 'SOA 2003 Sch.3 para 19, s.131; CJA 2003 s.327(4)',
    name: 's.7 by a 15-year-old, DTO 12 months: detention 6 months, not notifiable; Category 2 by the whole DTO',
    input: person(
      [
        {
          ...CHILD_ASSAULT,
          outcome: 'custody',
          sentenceType: 'dto',
          lengthMonths: 12,
          convictionDate: RELEVANT,
          offenceDate: '2024-01-01',
        },
      ],
      {},
      '2008-06-01',
    ),
    today: '2024-06-01',
    expected: { category: 2, endsOn: '2025-02-28', notificationEndsOn: 'none' },
  },
  {
    section: 'SOA 2003 Sch.3 para 19, s.82(2), s.131',
    name: 's.7 by a 15-year-old, DTO 24 months: detention 12 months, notifiable, 5 years',
    input: person(
      [
        {
          ...CHILD_ASSAULT,
          outcome: 'custody',
          sentenceType: 'dto',
          lengthMonths: 24,
          convictionDate: RELEVANT,
          offenceDate: '2024-01-01',
        },
      ],
      {},
      '2008-06-01',
    ),
    today: '2024-06-01',
    expected: {
      category: 1,
      endsOn: '2029-02-28',
      basis: /s\.82\(1\), \(2\)/,
      facts: /Detention period 12 months/,
    },
  },
  // Aggregation, s.82(3).
  {
    section: 'SOA 2003 s.82(3)',
    name: 'two consecutive 18-month terms: 36 months, indefinite',
    input: person([
      { ...RAPE, id: 'a', outcome: 'custody', lengthMonths: 18, convictionDate: RELEVANT },
      {
        ...SEXUAL_ASSAULT,
        id: 'b',
        victimAge: '18_or_over',
        outcome: 'custody',
        lengthMonths: 18,
        convictionDate: RELEVANT,
        consecutiveToId: 'a',
      },
    ]),
    today: '2024-06-01',
    expected: { category: 1, endsOn: null, basis: /\(3\)/, facts: /consecutive: 3 years in all/ },
  },
  {
    section: 'SOA 2003 s.82(3)',
    name: 'two concurrent 18-month terms: 18 months, 10 years',
    input: person([
      { ...RAPE, id: 'a', outcome: 'custody', lengthMonths: 18, convictionDate: RELEVANT },
      { ...RAPE, id: 'b', outcome: 'custody', lengthMonths: 18, convictionDate: RELEVANT },
    ]),
    today: '2024-06-01',
    expected: { category: 1, endsOn: '2034-02-28' },
  },
  {
    section: 'SOA 2003 s.82(3)(b)',
    name: 'partly concurrent 18 + 18 overlapping 6: X + Y - Z = 30 months, indefinite',
    input: person([
      { ...RAPE, id: 'a', outcome: 'custody', lengthMonths: 18, convictionDate: RELEVANT },
      { ...RAPE, id: 'b', outcome: 'custody', lengthMonths: 18, convictionDate: '2025-03-01' },
    ]),
    today: '2025-06-01',
    expected: { category: 1, endsOn: null, facts: /partly concurrent: 2 years 6 months in all/ },
  },
  {
    section: 'SOA 2003 s.82(3)',
    name: 'consecutive 6 + 6 months: 12 months, 10 years not 7',
    input: person([
      { ...RAPE, id: 'a', outcome: 'custody', lengthMonths: 6, convictionDate: RELEVANT },
      {
        ...RAPE,
        id: 'b',
        outcome: 'custody',
        lengthMonths: 6,
        convictionDate: RELEVANT,
        consecutiveToId: 'a',
      },
    ]),
    today: '2024-06-01',
    expected: { category: 1, endsOn: '2034-02-28' },
  },
  {
    section: 'SOA 2003 s.82(3)',
    name: 'three consecutive 10-month terms: 30 months, indefinite',
    input: person([
      { ...RAPE, id: 'a', outcome: 'custody', lengthMonths: 10, convictionDate: RELEVANT },
      {
        ...RAPE,
        id: 'b',
        outcome: 'custody',
        lengthMonths: 10,
        convictionDate: RELEVANT,
        consecutiveToId: 'a',
      },
      {
        ...RAPE,
        id: 'c',
        outcome: 'custody',
        lengthMonths: 10,
        convictionDate: RELEVANT,
        consecutiveToId: 'b',
      },
    ]),
    today: '2024-06-01',
    expected: { category: 1, endsOn: null },
  },
  {
    section: 'SOA 2003 s.82(3)',
    name: 'a non-Schedule 3 term consecutive to a sexual one is not aggregated',
    input: person([
      { ...RAPE, id: 'a', outcome: 'custody', lengthMonths: 18, convictionDate: RELEVANT },
      {
        ...GBH,
        id: 'b',
        outcome: 'custody',
        lengthMonths: 18,
        convictionDate: RELEVANT,
        consecutiveToId: 'a',
      },
    ]),
    today: '2024-06-01',
    expected: { category: 1, endsOn: '2034-02-28' },
  },
  {
    section: 'SOA 2003 s.82(2), (3), s.131',
    name: 'consecutive DTOs of 12 months for a child: detention 6 + 6 = 12 months, 10 years halved',
    input: person(
      [
        {
          ...RAPE,
          id: 'a',
          outcome: 'custody',
          sentenceType: 'dto',
          lengthMonths: 12,
          convictionDate: RELEVANT,
        },
        {
          ...RAPE,
          id: 'b',
          outcome: 'custody',
          sentenceType: 'dto',
          lengthMonths: 12,
          convictionDate: RELEVANT,
          consecutiveToId: 'a',
        },
      ],
      {},
      CHILD,
    ),
    today: '2024-06-01',
    expected: { category: 1, endsOn: '2029-02-28' },
  },
  {
    section: 'SOA 2003 s.82(1); s.91A-91F',
    name: 'indefinite notification: review possible 15 years after release',
    input: person([
      {
        ...RAPE,
        outcome: 'custody',
        lengthMonths: 48,
        convictionDate: '2010-03-01',
        actualReleaseDate: '2012-03-01',
      },
    ]),
    today: '2024-06-01',
    expected: { category: 1, endsOn: null, reviewFrom: '2027-03-01' },
  },
  {
    section: 'SOA 2003 s.82(2); s.91A-91F',
    name: 'indefinite for a child: review possible 8 years after release',
    input: person(
      [
        {
          ...RAPE,
          outcome: 'custody',
          lengthMonths: 48,
          convictionDate: RELEVANT,
          actualReleaseDate: '2026-03-01',
        },
      ],
      {},
      CHILD,
    ),
    today: '2026-06-01',
    expected: { category: 1, endsOn: null, reviewFrom: '2034-03-01' },
  },
  {
    section: 'SOA 2003 s.82(1)',
    name: 'indefinite, still in custody: review date not yet known',
    input: person([{ ...RAPE, outcome: 'custody', lengthMonths: 48, convictionDate: RELEVANT }]),
    today: '2024-06-01',
    expected: { category: 1, endsOn: null, reviewFrom: null },
  },
  {
    section: 'SOA 2003 s.82(1), s.91A',
    name: 'indefinite notification discharged on review ends it',
    input: person([
      {
        ...RAPE,
        outcome: 'custody',
        lengthMonths: 48,
        convictionDate: '2005-03-01',
        notificationEndedOn: '2024-05-31',
      },
    ]),
    today: '2024-06-01',
    expected: { category: null },
  },
  // Category 2 ends, by sentence kind (CJA 2003 s.327(3)-(4); MAPPA Guidance: until the licence or order ends).
  ...(
    [
      [
        'determinate 24 months, licence expiry date',
        { outcome: 'custody', lengthMonths: 24, licenceExpiryDate: '2026-01-09' },
        '2026-01-09',
      ],
      [
        'determinate 18 months, no LED or SED: end of the term',
        { outcome: 'custody', lengthMonths: 18 },
        '2025-07-09',
      ],
      [
        'determinate 366 days from 10 January 2024: 12 months on the calendar',
        { outcome: 'custody', lengthDays: 366 },
        '2025-01-09',
      ],
      ['discretionary life: life licence, no end', { outcome: 'custody', sentenceType: 'life' }, null],
      ['IPP: no end', { outcome: 'custody', sentenceType: 'ipp' }, null],
      [
        'IPP licence terminated: ends then',
        { outcome: 'custody', sentenceType: 'ipp', disposalEndedOn: '2030-04-30' },
        '2030-04-30',
      ],
      ['DPP: no end', { outcome: 'custody', sentenceType: 'dpp' }, null],
      [
        'extended sentence 48 + 36 months: custodial term and extension',
        { outcome: 'custody', sentenceType: 'extended', lengthMonths: 48, extensionMonths: 36 },
        '2031-01-09',
      ],
      [
        'extended sentence with a licence expiry date',
        {
          outcome: 'custody',
          sentenceType: 'extended',
          lengthMonths: 48,
          extensionMonths: 36,
          licenceExpiryDate: '2031-02-01',
        },
        '2031-02-01',
      ],
      [
        'SOPC 24 months: custodial term and 12 months licence',
        { outcome: 'custody', sentenceType: 'sopc', lengthMonths: 24 },
        '2027-01-09',
      ],
      [
        'DTO 12 months: the whole order counts (s.327(4))',
        { outcome: 'custody', sentenceType: 'dto', lengthMonths: 12 },
        '2025-01-09',
      ],
      [
        'suspended 12 months, operational period 24 months: while the order runs',
        { outcome: 'suspended_sentence', lengthMonths: 12, operationalMonths: 24 },
        '2026-01-09',
      ],
      ['hospital order: until discharge', { outcome: 'hospital_order' }, null],
      [
        'hospital order discharged',
        { outcome: 'hospital_order', disposalEndedOn: '2026-02-01' },
        '2026-02-01',
      ],
      ['guardianship order', { outcome: 'guardianship' }, null],
    ] as const
  ).map(([name, sentence, endsOn]): EligCase => ({
    section: 'CJA 2003 s.327(3), (4)',
    name: `Category 2: ${name}`,
    input: person([{ ...GBH, convictionDate: '2024-01-10', ...sentence } as ConvictionFacts]),
    today: '2024-06-01',
    expected: { category: 2, endsOn, basis: /^CJA 2003 s\.327/ },
  })),
  ...(
    [
      ['11 months', { outcome: 'custody', lengthMonths: 11 }],
      [
        '52 weeks (364 days) from 10 January 2024: short of 12 months',
        { outcome: 'custody', lengthDays: 364 },
      ],
      ['DTO 10 months', { outcome: 'custody', sentenceType: 'dto', lengthMonths: 10 }],
      ['suspended 11 months', { outcome: 'suspended_sentence', lengthMonths: 11, operationalMonths: 24 }],
      ['community order 36 months', { outcome: 'community_order', lengthMonths: 36 }],
    ] as const
  ).map(([name, sentence]): EligCase => ({
    section: 'CJA 2003 s.327(4)',
    name: `not Category 2: ${name}`,
    input: person([{ ...GBH, convictionDate: '2024-01-10', ...sentence } as ConvictionFacts]),
    today: '2024-06-01',
    expected: { category: null },
  })),
  {
    section: 'CJA 2003 s.327(4)',
    name: 'Category 2 ends the day after the suspended order’s operational period',
    input: person([
      {
        ...GBH,
        convictionDate: '2024-01-10',
        outcome: 'suspended_sentence',
        lengthMonths: 12,
        operationalMonths: 24,
      },
    ]),
    today: '2026-01-10',
    expected: { category: null },
  },
  // CTA 2008 Part 4 (Category 4).
  {
    section: 'CTA 2008 s.53(7)',
    name: '4 years, released after 730 days: 10 years run on by the time in custody',
    input: person([
      {
        ...TERROR,
        outcome: 'custody',
        lengthMonths: 48,
        convictionDate: '2024-01-10',
        sentenceStart: '2024-02-01',
        licenceExpiryDate: '2028-01-31',
        actualReleaseDate: '2026-01-31',
      },
    ]),
    today: '2026-06-01',
    expected: { category: 4, endsOn: '2036-01-31', basis: /CTA 2008/ },
  },
  {
    section: 'CTA 2008 s.53(2), (7)',
    name: '6 years: 15 years, run on by 1096 days in custody',
    input: person([
      {
        ...TERROR,
        outcome: 'custody',
        lengthMonths: 72,
        convictionDate: '2024-02-01',
        actualReleaseDate: '2027-02-01',
        licenceExpiryDate: '2030-01-31',
      },
    ]),
    today: '2027-06-01',
    expected: { category: 4, endsOn: '2042-01-31' },
  },
  {
    section: 'CTA 2008 s.53(7)',
    name: 'still in custody: no fixed end yet',
    input: person([{ ...TERROR, outcome: 'custody', lengthMonths: 72, convictionDate: '2024-02-01' }]),
    today: '2024-06-01',
    expected: { category: 4, endsOn: null, facts: /no fixed end yet/ },
  },
  {
    section: 'CTA 2008 s.44(a)',
    name: '15 when dealt with: no Part 4 notification; Category 4 until the licence ends',
    input: person(
      [
        {
          ...TERROR,
          outcome: 'custody',
          lengthMonths: 24,
          convictionDate: '2023-03-01',
          licenceExpiryDate: '2025-02-28',
        },
      ],
      {},
      CHILD,
    ),
    today: '2024-06-01',
    expected: { category: 4, endsOn: '2025-02-28', basis: /s\.44/, facts: /does not apply \(s\.44\)/ },
  },
  {
    section: 'CTA 2008 s.44(a), s.53(3)',
    name: '16 when dealt with (under 18 at conviction): 10 years whatever the sentence',
    input: person(
      [
        {
          ...TERROR,
          outcome: 'custody',
          lengthMonths: 120,
          convictionDate: RELEVANT,
          actualReleaseDate: RELEVANT,
        },
      ],
      {},
      CHILD,
    ),
    today: '2024-06-01',
    expected: { category: 4, endsOn: '2034-02-28' },
  },
  {
    section: 'CTA 2008 s.45, s.53; CJA 2003 s.189(6)',
    name: 'suspended 12 months: no custody to disregard, 10 years from the day dealt with',
    input: person([
      {
        ...TERROR,
        outcome: 'suspended_sentence',
        lengthMonths: 12,
        operationalMonths: 24,
        convictionDate: RELEVANT,
      },
    ]),
    today: '2024-06-01',
    expected: { category: 4, endsOn: '2034-02-28' },
  },
  {
    section: 'CTA 2008 s.45, s.53(7)',
    name: 'hospital order, discharged: 10 years run on by the time detained',
    input: person([
      { ...TERROR, outcome: 'hospital_order', convictionDate: '2024-06-01', disposalEndedOn: '2026-05-31' },
    ]),
    today: '2026-06-02',
    expected: { category: 4, endsOn: '2036-05-30' },
  },
  {
    section: 'CTA 2008 s.45',
    name: '11 months: not Category 4',
    input: person([{ ...TERROR, outcome: 'custody', lengthMonths: 11, convictionDate: RELEVANT }]),
    today: '2024-06-01',
    expected: { category: null },
  },
  {
    section: 'Sentencing Act 2020 s.69; CTA 2008 s.42',
    name: 'terrorist connection makes a violent offence count for Category 4',
    input: person([
      {
        ...GBH,
        terroristConnection: true,
        outcome: 'custody',
        lengthMonths: 24,
        convictionDate: RELEVANT,
        actualReleaseDate: '2025-03-01',
      },
    ]),
    today: '2025-06-01',
    expected: { category: 4, endsOn: '2035-02-28' },
  },
  {
    section: 'CTA 2008 s.53(2), (6), (7)',
    name: 'consecutive terrorism terms 36 + 36 months: 6 years, 15 years',
    input: person([
      {
        ...TERROR,
        id: 't1',
        outcome: 'custody',
        lengthMonths: 36,
        convictionDate: '2020-01-01',
        actualReleaseDate: '2023-01-01',
      },
      {
        ...TERROR,
        id: 't2',
        outcome: 'custody',
        lengthMonths: 36,
        convictionDate: '2020-01-01',
        consecutiveToId: 't1',
        actualReleaseDate: '2023-01-01',
      },
    ]),
    today: '2024-06-01',
    expected: { category: 4, endsOn: '2037-12-31', facts: /s\.53\(6\)/ },
  },
  {
    section: 'CJA 2003 s.325; SOA 2003 Part 2 (recording choice)',
    name: 'Category 4 before Category 1, with the SOA notification kept',
    input: person([
      { ...RAPE, outcome: 'custody', lengthMonths: 20, convictionDate: RELEVANT },
      {
        ...TERROR,
        outcome: 'custody',
        lengthMonths: 24,
        convictionDate: RELEVANT,
        actualReleaseDate: '2025-03-01',
      },
    ]),
    today: '2025-06-01',
    expected: { category: 4, notificationEndsOn: '2034-02-28' },
  },
  {
    section: 'MAPPA Guidance, Category 4',
    name: 'terrorism-risk decision: Category 4 until a panel ends it',
    input: person([], { terrorismRiskDecision: { acceptedOn: '2024-01-01' } }),
    today: '2024-06-01',
    expected: { category: 4, endsOn: null, basis: /Category 4/ },
  },
  {
    section: 'MAPPA Guidance, Category 4',
    name: 'terrorism-risk decision, with a registered sex offender: notification kept',
    input: person([{ ...RAPE, outcome: 'caution', convictionDate: RELEVANT }], {
      terrorismRiskDecision: { acceptedOn: '2024-01-01' },
    }),
    today: '2024-06-01',
    expected: { category: 4, notificationEndsOn: '2026-02-28' },
  },
];

// Orders (SOA 2003 s.97-103G; CTA 2008 Sch.4).
const order = (o: Partial<OrderFacts> & Pick<OrderFacts, 'kind' | 'madeOn'>): OrderFacts => o;
eligCases.push(
  {
    section: 'SOA 2003 s.103G(2)',
    name: 'SHPO without a conviction: notification while the order has effect',
    input: person([], { orders: [order({ kind: 'shpo', madeOn: '2024-01-01', endsOn: '2028-12-31' })] }),
    today: '2024-06-01',
    expected: { category: 1, endsOn: '2028-12-31', basis: /s\.103G/ },
  },
  {
    section: 'SOA 2003 s.103G(2)',
    name: 'SHPO until further order: no fixed end',
    input: person([], { orders: [order({ kind: 'shpo', madeOn: '2024-01-01', endsOn: null })] }),
    today: '2030-06-01',
    expected: { category: 1, endsOn: null },
  },
  {
    section: 'SOA 2003 s.103G(1)',
    name: 'SHPO extends a caution’s 2 years while it has effect',
    input: person([{ ...RAPE, outcome: 'caution', convictionDate: '2023-01-01' }], {
      orders: [order({ kind: 'shpo', madeOn: '2023-01-01', endsOn: '2028-06-30' })],
    }),
    today: '2026-01-01',
    expected: { category: 1, endsOn: '2028-06-30' },
  },
  {
    section: 'SOA 2003 s.103G(1)',
    name: 'after the SHPO ends, the caution period already over: not eligible',
    input: person([{ ...RAPE, outcome: 'caution', convictionDate: '2023-01-01' }], {
      orders: [order({ kind: 'shpo', madeOn: '2023-01-01', endsOn: '2028-06-30' })],
    }),
    today: '2028-07-01',
    expected: { category: null },
  },
  {
    section: 'SOA 2003 s.103G',
    name: 'interim SHPO: while it has effect',
    input: person([], {
      orders: [order({ kind: 'interim_shpo', madeOn: '2024-05-01', endsOn: '2024-11-01' })],
    }),
    today: '2024-06-01',
    expected: { category: 1, endsOn: '2024-11-01' },
  },
  {
    section: 'SOA 2003 s.97, s.98, s.82(1)',
    name: 'notification order: 12 months abroad, 10 years from the conviction abroad',
    input: person([], {
      orders: [
        order({
          kind: 'notification_order',
          madeOn: '2023-01-01',
          foreignConvictionDate: '2022-05-01',
          foreignOutcome: 'custody',
          foreignLengthMonths: 12,
        }),
      ],
    }),
    today: '2024-06-01',
    expected: { category: 1, endsOn: '2032-04-30', basis: /s\.97/ },
  },
  {
    section: 'SOA 2003 s.97, s.98, s.82(1)',
    name: 'notification order: 36 months abroad, indefinite',
    input: person([], {
      orders: [
        order({
          kind: 'notification_order',
          madeOn: '2023-01-01',
          foreignConvictionDate: '2022-05-01',
          foreignOutcome: 'custody',
          foreignLengthMonths: 36,
        }),
      ],
    }),
    today: '2024-06-01',
    expected: { category: 1, endsOn: null },
  },
  {
    section: 'SOA 2003 s.98, s.82(2)',
    name: 'notification order: 16 at the conviction abroad, 12 months, 5 years',
    input: person(
      [],
      {
        orders: [
          order({
            kind: 'notification_order',
            madeOn: '2024-01-01',
            foreignConvictionDate: '2023-03-01',
            foreignOutcome: 'custody',
            foreignLengthMonths: 12,
          }),
        ],
      },
      '2007-01-01',
    ),
    today: '2024-06-01',
    expected: { category: 1, endsOn: '2028-02-29' },
  },
  {
    section: 'SOA 2003 s.97(4), s.82(1)',
    name: 'notification order for a caution abroad whose 2 years have passed',
    input: person([], {
      orders: [
        order({
          kind: 'notification_order',
          madeOn: '2021-06-01',
          foreignConvictionDate: '2020-01-01',
          foreignOutcome: 'caution',
        }),
      ],
    }),
    today: '2022-01-01',
    expected: { category: null },
  },
  {
    section: 'SOA 2003 s.100',
    name: 'interim notification order while it has effect',
    input: person([], {
      orders: [order({ kind: 'interim_notification_order', madeOn: '2024-05-01', endsOn: '2024-10-31' })],
    }),
    today: '2024-06-01',
    expected: { category: 1, endsOn: '2024-10-31', basis: /s\.100/ },
  },
  {
    section: 'PHA 1997 s.5',
    name: 'a restraining order alone: no notification, no category',
    input: person([], {
      orders: [order({ kind: 'restraining_order', madeOn: '2024-01-01' })],
    }),
    today: '2024-06-01',
    expected: { category: null },
  },
  {
    section: 'CTA 2008 Sch.4',
    name: 'CTA notification order: Category 4',
    input: person([], {
      orders: [order({ kind: 'cta_notification_order', madeOn: '2024-01-01', endsOn: '2034-01-01' })],
    }),
    today: '2024-06-01',
    expected: { category: 4, endsOn: '2034-01-01', basis: /Sch\.4/ },
  },
);

describe('MAPPA eligibility under the statutes', () => {
  it.each(eligCases)('$section — $name', ({ input, today, expected }) => {
    const result = mappaEligibility(input, today);
    if (expected.category === null) {
      expect(result.eligible).toBe(false);
      // Even "not eligible" names the section it rests on, when a conviction came near.
      if (expected.basis && !result.eligible) expect(result.basis ?? '').toMatch(expected.basis);
    } else {
      expect(result).toMatchObject({ eligible: true, category: expected.category });
      if (!result.eligible) return;
      if (expected.endsOn !== undefined) expect(result.endsOn).toBe(expected.endsOn);
      if (expected.basis) expect(result.basis).toMatch(expected.basis);
      if (expected.facts) expect((result.facts ?? []).join(' | ')).toMatch(expected.facts);
      if (expected.reviewFrom !== undefined) expect(result.reviewFrom ?? null).toBe(expected.reviewFrom);
      expect(result.basis).toBeTruthy();
      expect(result.facts?.length).toBeGreaterThan(0);
    }
    if (expected.notificationEndsOn === 'none') expect(result.notification).toBeNull();
    else if (expected.notificationEndsOn !== undefined)
      expect(result.notification?.endsOn).toBe(expected.notificationEndsOn);
    if (expected.classification)
      expect(result.classificationNeeded.join(' ')).toMatch(expected.classification);
    if (expected.reason) expect(result.reason).toMatch(expected.reason);
  });
});

// --- 4. CTA table, directly --------------------------------------------------------------------

describe('CTA 2008 s.53: the period and the custody disregard', () => {
  it.each([
    {
      section: 'CTA 2008 s.53(1)',
      name: 'adult, life',
      dob: ADULT,
      sentence: { indeterminate: true },
      years: 30,
    },
    {
      section: 'CTA 2008 s.53(1)',
      name: 'adult, exactly 10 years',
      dob: ADULT,
      sentence: { lengthMonths: 120 },
      years: 30,
    },
    {
      section: 'CTA 2008 s.53(2)',
      name: 'adult, 9 years 11 months',
      dob: ADULT,
      sentence: { lengthMonths: 119 },
      years: 15,
    },
    {
      section: 'CTA 2008 s.53(2)',
      name: 'adult, exactly 5 years',
      dob: ADULT,
      sentence: { lengthMonths: 60 },
      years: 15,
    },
    {
      section: 'CTA 2008 s.53(3)',
      name: 'adult, 4 years 11 months',
      dob: ADULT,
      sentence: { lengthMonths: 59 },
      years: 10,
    },
    { section: 'CTA 2008 s.53(3)', name: 'adult, hospital order', dob: ADULT, sentence: {}, years: 10 },
    {
      section: 'CTA 2008 s.53(3)',
      name: '17 at conviction, life: 10 years (no halving, no 30)',
      dob: '2006-06-01',
      sentence: { indeterminate: true },
      years: 10,
    },
    {
      section: 'CTA 2008 s.53(3)',
      name: '17 at conviction, 6 years: 10 years',
      dob: '2006-06-01',
      sentence: { lengthMonths: 72 },
      years: 10,
    },
  ])('$section — $name', ({ dob, sentence, years }) => {
    const period = terrorismNotificationPeriod({
      ...sentence,
      dealtWithOn: '2024-03-01',
      convictionDate: '2024-02-01',
      dateOfBirth: dob,
    });
    expect(period.years).toBe(years);
  });

  it.each([
    { section: 'CTA 2008 s.53(7)', name: 'never detained', detention: null, expected: '2034-02-28' },
    { section: 'CTA 2008 s.53(7)', name: 'still detained', detention: { releasedOn: null }, expected: null },
    {
      section: 'CTA 2008 s.53(7)',
      name: 'released after 365 days',
      detention: { releasedOn: '2025-03-01' },
      expected: '2035-02-28',
    },
    {
      section: 'CTA 2008 s.53(7)',
      name: 'released the day dealt with',
      detention: { releasedOn: '2024-03-01' },
      expected: '2034-02-28',
    },
  ])('$section — $name', ({ detention, expected }) => {
    const period = terrorismNotificationPeriod({
      lengthMonths: 24,
      dealtWithOn: '2024-03-01',
      convictionDate: '2024-03-01',
      dateOfBirth: ADULT,
    });
    expect(terrorismNotificationEnd(period, detention)).toBe(expected);
  });
});

// --- 5. Notification duties: initial, periodic, weekly, changes, travel -------------------------

const duties = (over: Partial<NotificationDutiesInput>): NotificationDutiesInput => ({
  relevantDate: RELEVANT,
  inCustody: false,
  releasedOn: null,
  notifications: [],
  events: [],
  noFixedAbodeSince: null,
  ...over,
});

type DutyCase = {
  section: string;
  name: string;
  input: NotificationDutiesInput;
  kind: string;
  dueOn: string | null;
  basis?: RegExp;
};

const dutyCases: DutyCase[] = [
  {
    section: 'SOA 2003 s.83(1)',
    name: 'initial: 3 days beginning with the relevant date',
    input: duties({}),
    kind: 'initial',
    dueOn: '2024-03-03',
  },
  {
    section: 'SOA 2003 s.83(1)',
    name: 'initial over a month end',
    input: duties({ relevantDate: '2024-02-28' }),
    kind: 'initial',
    dueOn: '2024-03-01',
  },
  {
    section: 'SOA 2003 s.83(6)',
    name: 'initial while in custody: not due until release',
    input: duties({ inCustody: true }),
    kind: 'initial',
    dueOn: null,
    basis: /release/,
  },
  {
    section: 'SOA 2003 s.83(6)',
    name: 'initial after release: 3 days beginning with release',
    input: duties({ releasedOn: '2025-06-10' }),
    kind: 'initial',
    dueOn: '2025-06-12',
  },
  {
    section: 'SOA 2003 s.83(1)',
    name: 'release before the relevant date (remand) does not move it',
    input: duties({ releasedOn: '2024-01-10' }),
    kind: 'initial',
    dueOn: '2024-03-03',
  },
  {
    section: 'SOA 2003 s.85(1)',
    name: 'periodic: one year after the last',
    input: duties({ notifications: [{ kind: 'initial', notifiedOn: '2024-03-10' }] }),
    kind: 'periodic',
    dueOn: '2025-03-10',
  },
  {
    section: 'SOA 2003 s.85(1)',
    name: 'periodic after 29 February',
    input: duties({
      notifications: [{ kind: 'initial', notifiedOn: '2024-02-29' }],
      relevantDate: '2024-02-27',
    }),
    kind: 'periodic',
    dueOn: '2025-02-28',
  },
  {
    section: 'SOA 2003 s.85(1)',
    name: 'a change notification restarts the year',
    input: duties({
      notifications: [
        { kind: 'initial', notifiedOn: '2024-03-02' },
        { kind: 'change', notifiedOn: '2024-09-15' },
      ],
    }),
    kind: 'periodic',
    dueOn: '2025-09-15',
  },
  {
    section: 'SOA 2003 s.85(3)',
    name: 'periodic falling due in custody: none until release',
    input: duties({ inCustody: true, notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }] }),
    kind: 'periodic',
    dueOn: null,
  },
  {
    section: 'SOA 2003 s.85(1), (5); SI 2012/1876',
    name: 'weekly with no fixed abode: one week after the last notification',
    input: duties({
      notifications: [{ kind: 'initial', notifiedOn: '2024-05-01' }],
      noFixedAbodeSince: '2024-04-28',
    }),
    kind: 'weekly',
    dueOn: '2024-05-08',
  },
  {
    section: 'SOA 2003 s.85(1), (5); SI 2012/1876',
    name: 'weekly from the day the home was lost when later',
    input: duties({
      notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }],
      noFixedAbodeSince: '2024-05-01',
    }),
    kind: 'weekly',
    dueOn: '2024-05-08',
  },
  {
    section: 'SOA 2003 s.84(1)(a)',
    name: 'change of name: 3 days beginning with the change',
    input: duties({
      notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }],
      events: [{ id: 'e1', kind: 'name_change', occurredOn: '2024-12-30', notifiedOn: null }],
    }),
    kind: 'name_change',
    dueOn: '2025-01-01',
  },
  {
    section: 'SOA 2003 s.84(1)(b)',
    name: 'change of home address',
    input: duties({
      notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }],
      events: [{ kind: 'home_address_change', occurredOn: '2024-07-31', notifiedOn: null }],
    }),
    kind: 'home_address_change',
    dueOn: '2024-08-02',
  },
  {
    section: 'SOA 2003 s.84(1)(c), (6)',
    name: 'stay elsewhere: 3 days from the day 7 days are reached',
    input: duties({
      notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }],
      events: [{ kind: 'other_address_stay', occurredOn: '2024-06-10', notifiedOn: null }],
    }),
    kind: 'other_address_stay',
    dueOn: '2024-06-12',
  },
  {
    section: 'SI 2012/1876 reg.10',
    name: 'a stay of 12 hours in a household with a child: 3 days',
    input: duties({
      notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }],
      events: [{ kind: 'child_household_stay', occurredOn: '2024-06-30', notifiedOn: null }],
    }),
    kind: 'child_household_stay',
    dueOn: '2024-07-02',
    basis: /12 hours/,
  },
  {
    section: 'SOA 2003 s.86; SI 2004/1220',
    name: 'foreign travel: 7 days before departure (12 hours if not practicable)',
    input: duties({
      notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }],
      events: [{ kind: 'foreign_travel', occurredOn: '2024-08-20', notifiedOn: null }],
    }),
    kind: 'foreign_travel',
    dueOn: '2024-08-13',
    basis: /12 hours/,
  },
  {
    section: 'SOA 2003 s.86',
    name: 'foreign travel over a month start',
    input: duties({
      notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }],
      events: [{ kind: 'foreign_travel', occurredOn: '2024-03-05', notifiedOn: null }],
    }),
    kind: 'foreign_travel',
    dueOn: '2024-02-27',
  },
];

describe('SOA 2003 s.83-86: every open duty with its last day', () => {
  it.each(dutyCases)('$section — $name', ({ input, kind, dueOn, basis, section }) => {
    const obligations = notificationObligations(input, '2024-06-01');
    const found = obligations.find((o) => o.kind === kind);
    expect(found).toBeDefined();
    expect(found!.dueOn).toBe(dueOn);
    expect(found!.section).toMatch(/^(SOA 2003|SI 2012)/);
    expect(section).toBeTruthy();
    if (basis) expect(found!.basis).toMatch(basis);
  });

  it('SOA 2003 s.84 — a notified event is no longer an open duty', () => {
    const obligations = notificationObligations(
      duties({
        notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }],
        events: [{ kind: 'home_address_change', occurredOn: '2024-05-01', notifiedOn: '2024-05-02' }],
      }),
      '2024-06-01',
    );
    expect(obligations.map((o) => o.kind)).toEqual(['periodic']);
  });

  it('SOA 2003 s.83 — while the initial notification is open, no periodic duty is listed', () => {
    const obligations = notificationObligations(duties({}), '2024-06-01');
    expect(obligations.map((o) => o.kind)).toEqual(['initial']);
  });

  it('SOA 2003 s.84-86 — duties come soonest first, each with its event', () => {
    const obligations = notificationObligations(
      duties({
        notifications: [{ kind: 'initial', notifiedOn: '2024-03-02' }],
        events: [
          { id: 'travel', kind: 'foreign_travel', occurredOn: '2024-09-01', notifiedOn: null },
          { id: 'move', kind: 'home_address_change', occurredOn: '2024-05-30', notifiedOn: null },
        ],
      }),
      '2024-06-01',
    );
    expect(obligations.map((o) => [o.kind, o.dueOn, o.eventId])).toEqual([
      ['home_address_change', '2024-06-01', 'move'],
      ['foreign_travel', '2024-08-25', 'travel'],
      ['periodic', '2025-03-02', null],
    ]);
  });
});

// --- 6. Sentences arithmetic ---------------------------------------------------------------

describe('Sentences: terms on the calendar (Interpretation Act 1978 Sch.1)', () => {
  it.each([
    {
      section: 'SOA 2003 s.82(1)',
      start: '2024-01-31',
      term: { months: 1, days: 0 },
      months: 1,
      expected: true,
    },
    {
      section: 'SOA 2003 s.82(1)',
      start: '2023-07-01',
      term: { months: 0, days: 183 },
      months: 6,
      expected: false,
    },
    {
      section: 'SOA 2003 s.82(1)',
      start: '2023-07-01',
      term: { months: 0, days: 184 },
      months: 6,
      expected: true,
    },
    {
      section: 'CJA 2003 s.327(4)',
      start: '2024-01-10',
      term: { months: 0, days: 365 },
      months: 12,
      expected: false,
    },
    {
      section: 'CJA 2003 s.327(4)',
      start: '2024-01-10',
      term: { months: 0, days: 366 },
      months: 12,
      expected: true,
    },
  ])(
    '$section — $term from $start reaches $months months: $expected',
    ({ start, term, months, expected }) => {
      expect(termAtLeast(start, term, months)).toBe(expected);
    },
  );

  it.each([
    [{ months: 20, days: 0 }, '20 months'],
    [{ months: 36, days: 0 }, '3 years'],
    [{ months: 30, days: 0 }, '2 years 6 months'],
    [{ months: 0, days: 84 }, '12 weeks'],
    [{ months: 12, days: 10 }, '12 months 10 days'],
  ])('termText %j → %s', (term, text) => {
    expect(termText(term)).toBe(text);
  });

  it('SOA 2003 s.82(3) — a chain consecutive to a missing id is not aggregated', () => {
    const out = aggregateTerms([
      { key: 0, id: 'a', start: '2024-01-01', term: { months: 6, days: 0 }, consecutiveToId: 'zzz' },
      { key: 1, id: 'b', start: '2025-01-01', term: { months: 6, days: 0 } },
    ]);
    expect(out.size).toBe(0);
  });
});

it('the table has at least 150 cases, each citing its statute', () => {
  const all = [...periodCases, ...s3Cases, ...eligCases, ...dutyCases];
  expect(all.length + 8 + 4 + 10).toBeGreaterThanOrEqual(150);
  for (const c of all) expect(c.section).toMatch(/SOA|CJA|CTA|PHA|Sentencing|SI 20|MAPPA|Sch/);
});
