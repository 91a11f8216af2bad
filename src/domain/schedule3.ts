import type { Outcome } from './codes.ts';
import { ageOn, compareDates, formatDateLong, type IsoDate } from './dates.ts';
import { termAtLeast, termText, type Term } from './sentences.ts';

/**
 * Schedule 3 conditions (SOA 2003 Sch.3): many entries make an offence notifiable only above an
 * age or sentence threshold, or with a victim under 18. Each conditional entry of the offence list
 * (data-reference/offences.json) carries one of the codes below; `schedule3Applies` applies it to
 * the facts of one conviction. Pure.
 *
 * Ages are at the time of the offence (Sch.3 para 95(b)); the age of a person shown in an
 * indecent photograph is their age when it was taken (para 95(a)). "Sentenced to imprisonment"
 * includes a suspended sentence (CJA 2003 s.189(6)) and detention of a young offender; for a
 * detention and training order the term is the detention period (SOA 2003 s.131), which the
 * caller passes as `term`.
 *
 * Where a fact is not recorded the answer is 'unknown' with the facts to record: the caller keeps
 * the person in Category 1 provisionally and asks (docs/legal-rules.md).
 */

export type Answer = 'yes' | 'no' | 'unknown';

/** The victim's age at the offence (the same bands as eligibility.ts VictimAge; kept here to avoid an import cycle). */
type VictimAge = 'under_13' | '13_to_15' | '16_or_17' | '18_or_over' | 'no_victim';

export interface Schedule3Facts {
  dateOfBirth: IsoDate;
  offenceDate?: IsoDate | null;
  convictionDate: IsoDate;
  victimAge?: VictimAge | null;
  outcome: Outcome;
  /** Life, IPP, DPP, detention during His Majesty's pleasure. */
  indeterminate?: boolean;
  /**
   * The term for this offence alone (Schedule 3 does not aggregate: s.82(3) applies only to the
   * s.82 table): a custodial term (a DTO's detention period), or a community order's length.
   */
  term?: Term | null;
  /** The day the term begins; defaults to the conviction date. */
  termStart?: IsoDate | null;
}

export interface Schedule3Answer {
  answer: Answer;
  /** Why, in words a practitioner can check. */
  reason: string;
  /** "SOA 2003 Sch.3 para 17". */
  section: string;
  /** When 'unknown': what to record, e.g. "the victim's age at the offence". */
  missing: string[];
}

interface Condition {
  section: string;
  /** The rule, in words. */
  text: string;
  test: (f: Facts) => Value;
}

/** A three-valued result that remembers which unknown facts it rests on. */
interface Value {
  v: Answer;
  missing: string[];
  because: string[];
}

const yes = (because: string): Value => ({ v: 'yes', missing: [], because: [because] });
const no = (because: string): Value => ({ v: 'no', missing: [], because: [because] });
const unknown = (missing: string): Value => ({ v: 'unknown', missing: [missing], because: [] });

/** Kleene "or": true if any is true, false only if all are false. */
function or(...values: Value[]): Value {
  const hit = values.find((x) => x.v === 'yes');
  if (hit) return hit;
  if (values.every((x) => x.v === 'no'))
    return { v: 'no', missing: [], because: values.flatMap((x) => x.because) };
  return { v: 'unknown', missing: values.flatMap((x) => x.missing), because: [] };
}

/** Kleene "and". */
function and(...values: Value[]): Value {
  const miss = values.find((x) => x.v === 'no');
  if (miss) return miss;
  if (values.every((x) => x.v === 'yes'))
    return { v: 'yes', missing: [], because: values.flatMap((x) => x.because) };
  return { v: 'unknown', missing: values.flatMap((x) => x.missing), because: [] };
}

/** "If the offender was under 18, A; in any other case, B", with the age perhaps unknown. */
function ifUnder18(f: Facts, then: () => Value, otherwise: () => Value): Value {
  const adult = f.offenderAtLeast(18);
  if (adult.v === 'no') return then();
  if (adult.v === 'yes') return otherwise();
  const [a, b] = [then(), otherwise()];
  if (a.v === b.v && a.v !== 'unknown') return a;
  return { v: 'unknown', missing: [...adult.missing, ...a.missing, ...b.missing], because: [] };
}

class Facts {
  constructor(private readonly f: Schedule3Facts) {}

  private get custodial() {
    return this.f.outcome === 'custody' || this.f.outcome === 'suspended_sentence';
  }

  /** The offender's age at the offence was at least `age`. */
  offenderAtLeast(age: number): Value {
    const { dateOfBirth, offenceDate, convictionDate } = this.f;
    if (offenceDate) {
      const at = ageOn(dateOfBirth, offenceDate);
      const text = `aged ${at} at the offence (${formatDateLong(offenceDate)})`;
      return at >= age ? yes(text) : no(text);
    }
    // The offence came before the conviction: younger than `age` then means younger at the offence.
    const atConviction = ageOn(dateOfBirth, convictionDate);
    if (atConviction < age) return no(`aged ${atConviction} at conviction, so under ${age} at the offence`);
    return unknown('the offence date (the offender’s age at the offence)');
  }

  victimUnder(age: 16 | 18): Value {
    const v = this.f.victimAge;
    if (v == null) return unknown('the victim’s age at the offence');
    const under = v === 'under_13' || v === '13_to_15' || (age === 18 && v === '16_or_17');
    const words: Record<VictimAge, string> = {
      under_13: 'victim under 13',
      '13_to_15': 'victim aged 13 to 15',
      '16_or_17': 'victim aged 16 or 17',
      '18_or_over': 'victim 18 or over',
      no_victim: 'no identifiable victim',
    };
    return under ? yes(words[v]) : no(words[v]);
  }

  /** Sentenced to a term of imprisonment, of any length. */
  imprisoned(): Value {
    return this.custodial ? yes('sentenced to imprisonment') : no('not sentenced to imprisonment');
  }

  /** Sentenced to imprisonment for a term of at least `months`. */
  imprisonedFor(months: number): Value {
    if (!this.custodial) return no('not sentenced to imprisonment');
    if (this.f.indeterminate) return yes('life or indeterminate sentence');
    const term = this.f.term;
    if (!term) return unknown('the sentence length');
    const start = this.f.termStart ?? this.f.convictionDate;
    const text = `term of ${termText(term)}`;
    return termAtLeast(start, term, months)
      ? yes(`${text}, at least ${months} months`)
      : no(`${text}, under ${months} months`);
  }

  hospital(): Value {
    const o = this.f.outcome;
    return o === 'hospital_order' || o === 'hospital_order_restricted'
      ? yes('detained in a hospital')
      : no('not detained in a hospital');
  }

  restrictedHospital(): Value {
    return this.f.outcome === 'hospital_order_restricted'
      ? yes('hospital order with a restriction order')
      : no('no restriction order');
  }

  /** Made the subject of a community sentence of at least 12 months. */
  community12(): Value {
    if (this.f.outcome !== 'community_order') return no('no community sentence');
    const term = this.f.term;
    if (!term) return unknown('the length of the community order');
    const start = this.f.termStart ?? this.f.convictionDate;
    return termAtLeast(start, term, 12)
      ? yes(`community order of ${termText(term)}`)
      : no(`community order of ${termText(term)}, under 12 months`);
  }

  convictedBefore(date: IsoDate): Value {
    return compareDates(this.f.convictionDate, date) < 0
      ? yes(`convicted before ${formatDateLong(date)}`)
      : no(`convicted on or after ${formatDateLong(date)}`);
  }
}

/** Under 18: at least 12 months; otherwise imprisonment, hospital or a 12-month community sentence. */
const sentenceOrUnder18Term = (f: Facts, also?: Value) =>
  ifUnder18(
    f,
    () => f.imprisonedFor(12),
    () => or(...(also ? [also] : []), f.imprisoned(), f.hospital(), f.community12()),
  );

/** The conditions, by code. Keep in step with data-reference/validate.mjs. */
export const SCHEDULE3_CONDITIONS: Record<string, Condition> = {
  victim_under_18_or_sentence: {
    section: 'SOA 2003 Sch.3 paras 17, 30, 32, 33',
    text:
      'offender under 18: imprisonment of at least 12 months; otherwise the victim under 18, or ' +
      'imprisonment, detention in hospital or a community sentence of at least 12 months',
    test: (f) => sentenceOrUnder18Term(f, f.victimUnder(18)),
  },
  sentence: {
    section: 'SOA 2003 Sch.3 paras 27, 35',
    text:
      'offender under 18: imprisonment of at least 12 months; otherwise imprisonment, detention in ' +
      'hospital or a community sentence of at least 12 months',
    test: (f) => sentenceOrUnder18Term(f),
  },
  custody_or_hospital: {
    section: 'SOA 2003 Sch.3 paras 31, 34',
    text: 'offender under 18: imprisonment of at least 12 months; otherwise imprisonment or detention in hospital',
    test: (f) =>
      ifUnder18(
        f,
        () => f.imprisonedFor(12),
        () => or(f.imprisoned(), f.hospital()),
      ),
  },
  abuse_of_trust: {
    section: 'SOA 2003 Sch.3 para 24',
    text: 'imprisonment, detention in hospital or a community sentence of at least 12 months',
    test: (f) => or(f.imprisoned(), f.hospital(), f.community12()),
  },
  adult_or_12_months: {
    section: 'SOA 2003 Sch.3 paras 19, 22, 25, 35C',
    text: 'offender 18 or over, or imprisonment of at least 12 months',
    test: (f) => or(f.offenderAtLeast(18), f.imprisonedFor(12)),
  },
  sentence_12_months: {
    section: 'SOA 2003 Sch.3 para 21',
    text: 'imprisonment of at least 12 months',
    test: (f) => f.imprisonedFor(12),
  },
  child_under_16_and_adult_or_12_months: {
    section: 'SOA 2003 Sch.3 para 28',
    text: 'the child under 16, and the offender 18 or over or imprisonment of at least 12 months',
    test: (f) => and(f.victimUnder(16), or(f.offenderAtLeast(18), f.imprisonedFor(12))),
  },
  indecent_images: {
    section: 'SOA 2003 Sch.3 paras 13, 15',
    text:
      'the images showed a person under 16, and the conviction was before 1 May 2004, or the ' +
      'offender was 18 or over, or imprisonment of at least 12 months',
    test: (f) =>
      and(f.victimUnder(16), or(f.convictedBefore('2004-05-01'), f.offenderAtLeast(18), f.imprisonedFor(12))),
  },
  extreme_pornography: {
    section: 'SOA 2003 Sch.3 para 35A',
    text: 'offender 18 or over and imprisonment of at least 2 years',
    test: (f) => and(f.offenderAtLeast(18), f.imprisonedFor(24)),
  },
  victim_under_18_or_30_months: {
    section: 'SOA 2003 Sch.3 paras 7, 8',
    text:
      'the victim under 18, or imprisonment of at least 30 months, or admission to hospital ' +
      'subject to a restriction order',
    test: (f) => or(f.victimUnder(18), f.imprisonedFor(30), f.restrictedHospital()),
  },
  victim_under_18: {
    section: 'SOA 2003 Sch.3 paras 4, 9',
    text: 'the victim under 18',
    test: (f) => f.victimUnder(18),
  },
  offender_20_or_over: {
    section: 'SOA 2003 Sch.3 para 3',
    text: 'offender 20 or over',
    test: (f) => f.offenderAtLeast(20),
  },
};

/**
 * Whether a Schedule 3 offence with this condition makes the offender subject to notification.
 * An absolute discharge never does: it is not a conviction (Sentencing Act 2020 s.82(2)) and
 * SOA 2003 s.134 treats only a conditional discharge as one.
 */
export function schedule3Applies(
  condition: string | null | undefined,
  facts: Schedule3Facts,
): Schedule3Answer {
  if (facts.outcome === 'absolute_discharge') {
    return {
      answer: 'no',
      reason: 'An absolute discharge is not a conviction for notification',
      section: 'SOA 2003 s.134; Sentencing Act 2020 s.82(2)',
      missing: [],
    };
  }
  if (!condition) {
    return {
      answer: 'yes',
      reason: 'Schedule 3 offence without a condition',
      section: 'SOA 2003 Sch.3',
      missing: [],
    };
  }
  const rule = SCHEDULE3_CONDITIONS[condition];
  if (!rule) {
    // A code this version does not know: ask rather than guess either way.
    return {
      answer: 'unknown',
      reason: `Unknown Schedule 3 condition “${condition}”`,
      section: 'SOA 2003 Sch.3',
      missing: ['the Schedule 3 entry for this offence'],
    };
  }
  const value = rule.test(new Facts(facts));
  const missing = [...new Set(value.missing)];
  const reason =
    value.v === 'unknown'
      ? `Schedule 3 condition (${rule.text}) cannot be decided: record ${missing.join(' and ')}`
      : `Schedule 3 condition (${rule.text}) ${value.v === 'yes' ? 'met' : 'not met'}: ${[...new Set(value.because)].join(', ')}`;
  return { answer: value.v, reason, section: rule.section, missing: value.v === 'unknown' ? missing : [] };
}
