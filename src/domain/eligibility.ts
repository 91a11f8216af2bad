import {
  OUTCOME,
  labelOf,
  type MappaCategory,
  type MarkerType,
  type Outcome,
  type RoshLevel,
} from './codes.ts';
import { addDays, ageOn, compareDates, formatDateLong, type IsoDate } from './dates.ts';
import {
  effectiveNotificationEnd,
  indefiniteReviewEligibleFrom,
  isUnder18On,
  lastDayOfPeriod,
  notificationPeriod,
  terrorismNotificationEnd,
  terrorismNotificationPeriod,
} from './notification-requirements.ts';
import { schedule3Applies } from './schedule3.ts';
import {
  addTerms,
  aggregateTerms,
  halveTerm,
  lastDayOfTerm,
  termAtLeast,
  termOf,
  termText,
  type Aggregate,
  type Term,
  type TermEntry,
} from './sentences.ts';

/**
 * MAPPA eligibility: which category (1–4) applies to a person on a given day, why, and until when.
 * CJA 2003 s.325(2) and s.327 define who the arrangements are for; MAPPA.md §2 has the table.
 * Pure: the caller looks up the offence flags (data-reference/offences.json) and passes "today".
 *
 * Every `endsOn` in this module is the LAST day the category applies (inclusive), or null when
 * there is no fixed end (indefinite notification, life licence, hospital order until discharge,
 * Category 3 until the panel ends it).
 */

/**
 * Bumped whenever a correction to these rules may change someone's category or end date: people
 * whose answer changes are then listed for review ("category or end date changed by a rule
 * correction"), never silently moved. 2 = issue 12 (docs/legal-rules.md).
 */
export const RULES_VERSION = 2;

export type OffenceKind = 'sexual' | 'violent' | 'terrorism' | 'other';

/** Refines a custodial outcome; null/undefined = an ordinary determinate term. */
export type SentenceType = 'determinate' | 'life' | 'ipp' | 'dpp' | 'hmp' | 'extended' | 'sopc' | 'dto';
/** The victim's age at the offence, as Schedule 3's conditions need it; null = not recorded. */
export type VictimAge = 'under_13' | '13_to_15' | '16_or_17' | '18_or_over' | 'no_victim';

/**
 * An order on the record: most create notification or Category 4 (SOA 2003 s.97-103G, CTA 2008
 * Sch.4); a restraining order creates neither (it is held for its exclusion zone and conditions).
 */
export type OrderKind =
  | 'shpo'
  | 'interim_shpo'
  | 'notification_order'
  | 'interim_notification_order'
  | 'cta_notification_order'
  | 'restraining_order';

export interface OrderFacts {
  id?: string;
  kind: OrderKind;
  madeOn: IsoDate;
  /** Last day the order applies; null = until further order. */
  endsOn?: IsoDate | null;
  /** A notification order's conviction abroad, which sets the period as the s.82 table would. */
  foreignConvictionDate?: IsoDate | null;
  foreignOutcome?: Outcome | null;
  foreignLengthMonths?: number | null;
}

/** One conviction or caution, with the offence flags the caller looked up. */
export interface ConvictionFacts {
  /** The caller's id for the conviction row, echoed back in findings. */
  id?: string;
  offence: string;
  /** SOA 2003 Schedule 3 (the offence list's flag). */
  schedule3: boolean;
  /**
   * Whether THIS conviction makes the person subject to notification. Many Schedule 3 entries
   * have age or sentence thresholds (the `note` in offences.json); when the caller has applied
   * them, pass the answer here. Defaults to `schedule3`.
   */
  notifiable?: boolean;
  /** CJA 2003 Schedule 15 (specified violent, sexual or terrorism offence). */
  schedule15: boolean;
  /** A terrorism offence (CTA 2008 s.41) or one with a terrorist connection. */
  terrorism: boolean;
  /** Murder is not in Schedule 15 but qualifies for Category 2 in its own right (s.327(3)(a)). */
  murder?: boolean;
  /** From offences.json `kind`; only changes the wording of reasons. */
  kind?: OffenceKind;
  outcome: Outcome;
  lengthMonths?: number | null;
  /** Life, IPP/DPP, detention during His Majesty's pleasure. Murder with custody is always life. */
  indeterminate?: boolean;
  detentionAndTrainingOrder?: boolean;
  /** Date of conviction, or of the caution: the "relevant date" of SOA 2003 s.82(6). */
  convictionDate: IsoDate;
  sentenceStart?: IsoDate | null;
  licenceExpiryDate?: IsoDate | null;
  sentenceExpiryDate?: IsoDate | null;
  /**
   * When the order or licence ended early, e.g. discharge from a hospital order, absolute
   * discharge of a restricted patient, an IPP licence terminated. The last day it applied.
   */
  disposalEndedOn?: IsoDate | null;
  /** When notification ended early: discharged on review of indefinite notification, or quashed. */
  notificationEndedOn?: IsoDate | null;
  /** Life, IPP, DPP, HMP, extended (EDS), SOPC, DTO; null = determinate. */
  sentenceType?: SentenceType | null;
  /** Days beyond `lengthMonths` (a sentence in weeks is recorded as days). */
  lengthDays?: number | null;
  /** The extension period of an extended sentence (or SOPC's 12 months). */
  extensionMonths?: number | null;
  /** A suspended sentence order's operational and supervision periods. */
  operationalMonths?: number | null;
  supervisionMonths?: number | null;
  /** The id of the conviction (in the same input) this term runs consecutively to. */
  consecutiveToId?: string | null;
  /** Sentencing Act 2020 s.69: a non-terrorism offence with a terrorist connection (Category 4). */
  terroristConnection?: boolean;
  victimAge?: VictimAge | null;
  offenceDate?: IsoDate | null;
  /** The Schedule 3 condition code from the offence list (src/domain/schedule3.ts); null = none. */
  schedule3Condition?: string | null;
  /** False when the offence is not on the reference list: it needs classifying, never "not eligible". */
  classified?: boolean;
  actualReleaseDate?: IsoDate | null;
  conditionalReleaseDate?: IsoDate | null;
}

/** A decision-based category: accepted on a date, ended (last day) by a later decision. */
export interface CategoryDecision {
  acceptedOn: IsoDate;
  endedOn?: IsoDate | null;
  /** The panel's words, repeated in the reason. */
  rationale?: string;
}

export interface EligibilityInput {
  dateOfBirth: IsoDate;
  convictions: readonly ConvictionFacts[];
  /** Category 3 exists only by an accepted referral (s.325(2)(b)). */
  category3Decision?: CategoryDecision | null;
  /** Category 4 for "others at risk of involvement in terrorism": also decision-based. */
  terrorismRiskDecision?: CategoryDecision | null;
  /**
   * CTA 2008 Part 4 notification recorded by police where it cannot be derived from a
   * conviction here (e.g. a notification order for a conviction abroad).
   */
  terrorismNotification?: { startsOn: IsoDate; endsOn: IsoDate | null } | null;
  /** SHPOs, notification orders and CTA notification orders on the record. */
  orders?: readonly OrderFacts[];
}

export interface CategoryFinding {
  category: MappaCategory;
  /** Human-readable, citing the conviction or decision. */
  reason: string;
  startsOn: IsoDate;
  /** Last day it applies; null when there is no fixed end. */
  endsOn: IsoDate | null;
  /** Index into `input.convictions`, or null for a decision. */
  convictionIndex: number | null;
  convictionId: string | null;
  /** The statute section it rests on, e.g. "SOA 2003 s.82(1)", "CJA 2003 s.327(3)", "CTA 2008 s.53". */
  basis?: string;
  /** The facts the rule used, for a practitioner to check: "Aged 17 on 1 March 2024 (conviction)". */
  facts?: string[];
  /** Indefinite notification: the first day a review may be sought (s.91A-91F), when known. */
  reviewFrom?: IsoDate | null;
}

/** What every answer carries besides the category. */
interface EligibilityExtras {
  /**
   * SOA 2003 Part 2 notification in force today, whatever category was chosen (a Category 4
   * person who is also a registered sex offender keeps their notification duties); else null.
   */
  notification: CategoryFinding | null;
  /** What needs a person to classify: offences not on the list, Schedule 3 facts not recorded. */
  classificationNeeded: string[];
}

export type Eligibility =
  | (CategoryFinding &
      EligibilityExtras & {
        eligible: true;
        /** Other categories the person also meets today, lower in precedence. */
        alsoMeets: CategoryFinding[];
        warnings: string[];
      })
  | (EligibilityExtras & {
      eligible: false;
      reason: string;
      /** The section the answer rests on: of the category that ended, or of the nearest miss. */
      basis: string | null;
      /** Categories that applied once and have ended, latest first. */
      ended: CategoryFinding[];
      warnings: string[];
    });

/**
 * One category at a time (MAPPA.md §2), chosen in this order:
 * - 4 first: terrorist and terrorism-risk offenders are managed under specialist
 *   counter-terrorism arrangements (the Hall review, 2020, which led to Category 4); recording
 *   such a person as an RSO or a violent offender would route them away from those arrangements.
 *   Their notification under SOA 2003 still applies and is reported in `alsoMeets`.
 * - 1 before 2: notification is the statutory obligation that lasts longest and is police-led;
 *   a registered sexual offender who is also on licence is counted as Category 1, and Category 2
 *   itself only reaches sexual offenders "not subject to notification".
 * - 3 last: the statute makes it residual, "other persons" not already relevant sexual or
 *   violent offenders (CJA 2003 s.325(2)(b)), so an accepted referral never displaces 1, 2 or 4.
 */
export const CATEGORY_PRECEDENCE: readonly MappaCategory[] = [4, 1, 2, 3];

const long = formatDateLong;

const isOn = (date: IsoDate, today: IsoDate) => compareDates(date, today) <= 0;

function isCurrent(finding: CategoryFinding, today: IsoDate): boolean {
  return (
    isOn(finding.startsOn, today) && (finding.endsOn === null || compareDates(today, finding.endsOn) <= 0)
  );
}

/** null (no end) is the latest end of all. */
function laterEnd(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null || b === null) return null;
  return compareDates(a, b) >= 0 ? a : b;
}

/** The finding that lasts longest wins within a category: it is the one that governs the end date. */
function better(a: CategoryFinding, b: CategoryFinding): CategoryFinding {
  if (a.endsOn === null && b.endsOn !== null) return a;
  if (b.endsOn === null && a.endsOn !== null) return b;
  if (a.endsOn !== null && b.endsOn !== null && a.endsOn !== b.endsOn)
    return compareDates(a.endsOn, b.endsOn) > 0 ? a : b;
  return compareDates(a.startsOn, b.startsOn) >= 0 ? a : b;
}

// --- The sentence, as each statute counts it (docs/legal-rules.md §Sentences) -----------------

const INDETERMINATE: readonly SentenceType[] = ['life', 'ipp', 'dpp', 'hmp'];

const isCustodial = (o: Outcome) => o === 'custody' || o === 'suspended_sentence';
const isHospital = (o: Outcome) => o === 'hospital_order' || o === 'hospital_order_restricted';

function isLife(c: ConvictionFacts): boolean {
  if (!isCustodial(c.outcome)) return false;
  return (
    Boolean(c.indeterminate) ||
    INDETERMINATE.includes(c.sentenceType ?? 'determinate') ||
    (Boolean(c.murder) && c.outcome === 'custody')
  );
}

const isDto = (c: ConvictionFacts) =>
  c.outcome === 'custody' && (Boolean(c.detentionAndTrainingOrder) || c.sentenceType === 'dto');
const isExtended = (c: ConvictionFacts) => c.sentenceType === 'extended' || c.sentenceType === 'sopc';

/** The day the sentence (and any term) began: the sentence start, else the conviction. */
const sentencedOn = (c: ConvictionFacts) => c.sentenceStart ?? c.convictionDate;

/** The term the court passed: for an EDS or SOPC the custodial term, for a DTO the whole order. */
const courtTerm = (c: ConvictionFacts): Term | null =>
  isCustodial(c.outcome) && !isLife(c) ? termOf(c.lengthMonths, c.lengthDays) : null;

/**
 * The term SOA 2003 Part 2 and CTA 2008 Part 4 count: a DTO's detention period (SOA s.131),
 * otherwise the court's term (for an EDS or SOPC, the custodial term: docs/legal-rules.md).
 */
function notificationTerm(c: ConvictionFacts): Term | null {
  const term = courtTerm(c);
  return term && isDto(c) ? halveTerm(term) : term;
}

function disposalText(c: ConvictionFacts): string {
  const term = termOf(c.lengthMonths, c.lengthDays);
  const t = term ? termText(term) : null;
  switch (c.outcome) {
    case 'custody': {
      if (isLife(c)) {
        const kinds: Partial<Record<SentenceType, string>> = {
          ipp: 'imprisonment for public protection',
          dpp: 'detention for public protection',
          hmp: "detention during His Majesty's pleasure",
        };
        return kinds[c.sentenceType ?? 'determinate'] ?? 'life or indeterminate sentence';
      }
      if (t === null) return 'custodial sentence, length not recorded';
      if (isDto(c)) return `detention and training order of ${t}`;
      if (c.sentenceType === 'extended')
        return `extended sentence: custodial term ${t}${c.extensionMonths ? `, extension ${termText({ months: c.extensionMonths, days: 0 })}` : ''}`;
      if (c.sentenceType === 'sopc')
        return `sentence for an offender of particular concern: custodial term ${t}`;
      return `custodial sentence of ${t}`;
    }
    case 'suspended_sentence':
      return t === null ? 'suspended sentence, length not recorded' : `suspended sentence of ${t}`;
    case 'community_order':
    case 'conditional_discharge':
      return `${labelOf(OUTCOME, c.outcome).toLowerCase()}${t === null ? '' : ` of ${t}`}`;
    default:
      return labelOf(OUTCOME, c.outcome).toLowerCase();
  }
}

/** “Rape of a female aged 16 or over”, convicted 1 March 2024 (custodial sentence of 20 months) */
function describe(c: ConvictionFacts): string {
  const verb = c.outcome === 'caution' ? 'cautioned' : 'convicted';
  return `“${c.offence}”, ${verb} ${long(c.convictionDate)} (${disposalText(c)})`;
}

type Custodial12 = 'yes' | 'no' | 'unknown';

/**
 * Imprisonment or detention for 12 months or more, life or indeterminate: CJA 2003 s.327(4) for
 * Category 2 (a DTO by its whole term, s.327(4)(e)), CTA 2008 s.45 for Category 4. A suspended
 * sentence is a sentence of imprisonment for all enactments (CJA 2003 s.189(6)).
 */
function custodial12(c: ConvictionFacts): Custodial12 {
  if (!isCustodial(c.outcome)) return 'no';
  if (isLife(c)) return 'yes';
  const term = courtTerm(c);
  if (!term) return 'unknown';
  return termAtLeast(sentencedOn(c), term, 12) ? 'yes' : 'no';
}

interface DisposalEnd {
  endsOn: IsoDate | null;
  source: string;
}

/**
 * When the licence, sentence or order ends (Category 2, and the sentence part of Category 4):
 * life/IPP/DPP/HMP never (life licence) unless ended; an EDS or SOPC at the end of the extended
 * licence; a DTO at the end of the whole order (CJA s.327(4)(e)); a suspended sentence when its
 * operational period ends; a hospital or guardianship order on discharge.
 */
function disposalEnd(c: ConvictionFacts, warnings: string[], what: string): DisposalEnd | undefined {
  if (c.disposalEndedOn) return { endsOn: c.disposalEndedOn, source: 'ended early' };
  const start = sentencedOn(c);
  if (isCustodial(c.outcome)) {
    if (isLife(c)) return { endsOn: null, source: 'life licence: no end unless the licence is terminated' };
    const term = courtTerm(c);
    if (c.outcome === 'suspended_sentence') {
      if (c.operationalMonths) {
        return {
          endsOn: lastDayOfPeriod(start, c.operationalMonths),
          source: `end of the ${c.operationalMonths}-month operational period`,
        };
      }
      warnings.push(
        `Enter the operational period of the suspended sentence for ${what}: Category 2 lasts while the order runs`,
      );
      if (term)
        return {
          endsOn: lastDayOfTerm(start, term),
          source: `end of the ${termText(term)} term (operational period not recorded)`,
        };
      return undefined;
    }
    if (isExtended(c)) {
      if (c.licenceExpiryDate)
        return { endsOn: c.licenceExpiryDate, source: 'licence expiry date (end of the extended licence)' };
      const extension = c.extensionMonths ?? (c.sentenceType === 'sopc' ? 12 : null);
      if (term && extension) {
        const whole = addTerms(term, { months: extension, days: 0 });
        return {
          endsOn: lastDayOfTerm(start, whole),
          source: `end of the custodial term of ${termText(term)} and the extension of ${termText({ months: extension, days: 0 })}`,
        };
      }
      warnings.push(
        `Enter the extension period or licence expiry date for ${what}: Category 2 lasts to the end of the extended licence`,
      );
    }
    if (isDto(c)) {
      if (c.sentenceExpiryDate)
        return { endsOn: c.sentenceExpiryDate, source: 'end of the detention and training order' };
      if (term)
        return {
          endsOn: lastDayOfTerm(start, term),
          source: `end of the ${termText(term)} detention and training order`,
        };
      return undefined;
    }
    if (c.licenceExpiryDate) return { endsOn: c.licenceExpiryDate, source: 'licence expiry date' };
    if (c.sentenceExpiryDate) return { endsOn: c.sentenceExpiryDate, source: 'sentence expiry date' };
    if (term) return { endsOn: lastDayOfTerm(start, term), source: `end of the ${termText(term)} sentence` };
    return undefined;
  }
  if (isHospital(c.outcome) || c.outcome === 'guardianship') {
    return { endsOn: null, source: `${labelOf(OUTCOME, c.outcome).toLowerCase()}, until discharge` };
  }
  return undefined;
}

function untilText(endsOn: IsoDate | null): string {
  return endsOn === null ? 'with no fixed end' : `until ${long(endsOn)}`;
}

/** "until 9 January 2025 (licence expiry date)", "with no fixed end (hospital order, until discharge)" */
function endText(end: DisposalEnd | undefined): string {
  return end ? `${untilText(end.endsOn)} (${end.source})` : 'end date not known';
}

interface Collected {
  findings: CategoryFinding[];
  warnings: string[];
  /** Why a conviction just missed a category, and the section it missed under. */
  nearMisses: { text: string; basis: string }[];
  classificationNeeded: string[];
}

/** Aggregates of consecutive or partly concurrent terms among the convictions `include` selects. */
function aggregates(input: EligibilityInput, include: (c: ConvictionFacts) => boolean) {
  const entries: TermEntry[] = [];
  input.convictions.forEach((c, key) => {
    const term = include(c) ? notificationTerm(c) : null;
    if (term)
      entries.push({ key, id: c.id, start: sentencedOn(c), term, consecutiveToId: c.consecutiveToId });
  });
  return aggregateTerms(entries);
}

/** "Aged 17 on 1 March 2024 (conviction)" */
function ageFact(dateOfBirth: IsoDate, date: IsoDate, what: string): string {
  return `Aged ${ageOn(dateOfBirth, date)} on ${long(date)} (${what})`;
}

function fromConvictions(input: EligibilityInput, today: IsoDate): Collected {
  const out: Collected = { findings: [], warnings: [], nearMisses: [], classificationNeeded: [] };
  // s.82(3): consecutive or partly concurrent terms for Schedule 3 offences count as one.
  const soaAggregates = aggregates(input, (c) => c.schedule3 && isCustodial(c.outcome));
  // CTA 2008 s.53(6): the same for offences to which Part 4 applies.
  const ctaAggregates = aggregates(
    input,
    (c) => (c.terrorism || Boolean(c.terroristConnection)) && isCustodial(c.outcome),
  );

  input.convictions.forEach((c, index) => {
    if (!isOn(c.convictionDate, today)) return; // not yet convicted on `today`
    const at = { convictionIndex: index, convictionId: c.id ?? null };
    const what = describe(c);

    if (c.classified === false) {
      out.classificationNeeded.push(
        `Offence “${c.offence}” is not on the offence list: classify it (Schedule 3, Schedule 15, terrorism) so the MAPPA category can be decided`,
      );
    }

    // Category 1: subject to notification (CJA 2003 s.327(2); SOA 2003 Part 2).
    fromNotification(input, c, what, soaAggregates.get(index), out, at);

    const custody = custodial12(c);
    const hospital = isHospital(c.outcome);
    const endWarnings: string[] = [];
    const end = disposalEnd(c, endWarnings, what);

    // Category 4: an offence to which CTA 2008 Part 4 applies (terrorism, or a terrorist
    // connection: Sentencing Act 2020 s.69, CTA s.42) with a sentence within s.45.
    if (c.terrorism || c.terroristConnection) {
      if (custody === 'yes' || hospital) {
        out.warnings.push(...endWarnings);
        out.findings.push(terrorismFinding(input, c, what, end, ctaAggregates.get(index), out.warnings, at));
      } else if (custody === 'unknown') {
        out.warnings.push(`Enter the sentence length for ${what}: it decides whether Category 4 applies`);
      } else {
        out.nearMisses.push({
          text: `${what} is a terrorism offence, but the sentence is not 12 months or more in custody or a hospital order`,
          basis: 'CTA 2008 s.45',
        });
      }
    }

    // Category 2: murder or a Schedule 15 offence with a qualifying sentence (s.327(3)-(4)).
    if (c.murder || c.schedule15) {
      const qualifies = custody === 'yes' || hospital || c.outcome === 'guardianship';
      if (qualifies) {
        if (!(c.terrorism || c.terroristConnection)) out.warnings.push(...endWarnings);
        const kind =
          c.kind === 'sexual' || c.schedule3
            ? 'sexual'
            : c.terrorism || c.kind === 'terrorism'
              ? 'terrorism'
              : 'violent';
        const offenceText = c.murder
          ? `Murder, ${what}`
          : `Specified ${kind} offence (CJA 2003 Schedule 15) ${what}`;
        if (!end)
          out.warnings.push(
            `Enter the licence or sentence expiry date for ${what}: Category 2 has no end date`,
          );
        const facts = [
          c.murder ? 'Murder (s.327(3)(a))' : 'Schedule 15 offence (s.327(3)(b))',
          hospital || c.outcome === 'guardianship'
            ? `${labelOf(OUTCOME, c.outcome)} (s.327(4))`
            : isDto(c)
              ? `Detention and training order: its whole term counts (s.327(4)), ${disposalText(c)}`
              : `${capitalise(disposalText(c))}: 12 months or more (s.327(4))`,
          `Category 2 ${endText(end)}`,
        ];
        out.findings.push({
          category: 2,
          reason: `${offenceText}. Category 2 ${endText(end)}.`,
          startsOn: sentencedOn(c),
          endsOn: end ? end.endsOn : null,
          basis: 'CJA 2003 s.327(3), (4)',
          facts,
          ...at,
        });
      } else if (custody === 'unknown') {
        out.warnings.push(`Enter the sentence length for ${what}: it decides whether Category 2 applies`);
      } else {
        out.nearMisses.push({
          text: `${what} is a specified offence, but the sentence is not 12 months or more in custody, a hospital order or a guardianship order`,
          basis: 'CJA 2003 s.327(3)-(4)',
        });
      }
    }
  });
  return out;
}

/** Category 1 from one conviction: Schedule 3 condition, s.82 period, discharge, review. */
function fromNotification(
  input: EligibilityInput,
  c: ConvictionFacts,
  what: string,
  aggregate: Aggregate | undefined,
  out: Collected,
  at: { convictionIndex: number; convictionId: string | null },
): void {
  const term = notificationTerm(c);
  let provisional = false;
  let schedule3Fact: string | null = null;
  if (c.notifiable !== undefined) {
    if (!c.notifiable) return;
  } else {
    if (!c.schedule3) return;
    const s3 = schedule3Applies(c.schedule3Condition, {
      dateOfBirth: input.dateOfBirth,
      offenceDate: c.offenceDate,
      convictionDate: c.convictionDate,
      victimAge: c.victimAge,
      outcome: c.outcome,
      indeterminate: isLife(c),
      term: isCustodial(c.outcome)
        ? term
        : c.outcome === 'community_order'
          ? termOf(c.lengthMonths, c.lengthDays)
          : null,
      termStart: sentencedOn(c),
    });
    if (s3.answer === 'no') {
      out.nearMisses.push({
        text: `${what} is a Schedule 3 offence, but not notifiable: ${s3.reason} (${s3.section})`,
        basis: s3.section,
      });
      return;
    }
    if (s3.answer === 'unknown') {
      provisional = true;
      out.classificationNeeded.push(
        `Schedule 3 threshold not established for “${c.offence}”: record ${s3.missing.join(' and ')} (${s3.section})`,
      );
    }
    if (c.schedule3Condition) schedule3Fact = `${s3.reason} (${s3.section})`;
  }

  const facts: string[] = [ageFact(input.dateOfBirth, c.convictionDate, 'the relevant date, s.82(6)')];
  if (schedule3Fact) facts.push(schedule3Fact);
  if (provisional) facts.push('Provisional: kept in Category 1 until the Schedule 3 facts are recorded');
  const counted =
    aggregate && isCustodial(c.outcome) ? { span: aggregate.span, description: aggregate.description } : null;
  if (counted) facts.push(`Aggregated under s.82(3): ${aggregate!.description}`);
  else if (isDto(c) && term)
    facts.push(`Detention period ${termText(term)} of the detention and training order (s.131)`);

  const preface = `Subject to sex offender notification (Sexual Offences Act 2003 Part 2) for ${what}`;
  try {
    const period = notificationPeriod({
      outcome: c.outcome,
      lengthMonths: c.lengthMonths,
      lengthDays: c.lengthDays,
      indeterminate: isLife(c),
      detentionAndTrainingOrder: isDto(c),
      termStart: sentencedOn(c),
      counted,
      relevantDate: c.convictionDate,
      dateOfBirth: input.dateOfBirth,
    });
    const endsOn = effectiveNotificationEnd(period, c.notificationEndedOn);
    const discharged =
      c.notificationEndedOn && endsOn === c.notificationEndedOn
        ? `, discharged ${long(c.notificationEndedOn)}`
        : '';
    facts.push(period.basis);
    if (discharged)
      facts.push(
        `Notification ended ${long(c.notificationEndedOn as IsoDate)} (discharged on review or quashed)`,
      );
    let reviewFrom: IsoDate | null = null;
    if (period.length.kind === 'indefinite') {
      const released =
        c.actualReleaseDate ?? (isCustodial(c.outcome) || isHospital(c.outcome) ? null : c.convictionDate);
      if (released) {
        reviewFrom = indefiniteReviewEligibleFrom({
          firstNotificationAfterRelease: released,
          dateOfBirth: input.dateOfBirth,
          relevantDate: c.convictionDate,
        });
        facts.push(
          `Review possible from ${long(reviewFrom)} at the earliest (${isUnder18On(input.dateOfBirth, c.convictionDate) ? 8 : 15} years from the first notification after release on ${long(released)}, s.91A-91F)`,
        );
      } else {
        facts.push(
          'Review date (s.91A-91F) not yet known: it runs from the first notification after release',
        );
      }
    }
    const section = `SOA 2003 s.82(1)${period.halved ? ', (2)' : ''}${counted ? ', (3)' : ''}`;
    out.findings.push({
      category: 1,
      reason:
        `${preface}. ${period.basis} (s.82)${discharged}; ${endsOn === null ? 'indefinite' : `ends ${long(endsOn)}`}.` +
        (provisional ? ' Provisional: the Schedule 3 threshold is not established.' : ''),
      startsOn: period.startsOn,
      endsOn,
      basis: section,
      facts,
      reviewFrom,
      ...at,
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // Better to keep someone in Category 1 and ask for the length than to drop them.
    out.warnings.push(`Enter the sentence length for ${what}: the notification period cannot be calculated`);
    out.findings.push({
      category: 1,
      reason: `${preface}. The notification period cannot be calculated without the sentence length, so it is treated as continuing.`,
      startsOn: c.convictionDate,
      endsOn: c.notificationEndedOn ?? null,
      basis: 'SOA 2003 s.82(1)',
      facts: [...facts, 'Sentence length not recorded: treated as continuing'],
      ...at,
    });
  }
}

/** Category 4 from a conviction: the sentence part and CTA 2008 Part 4 notification. */
function terrorismFinding(
  input: EligibilityInput,
  c: ConvictionFacts,
  what: string,
  end: DisposalEnd | undefined,
  aggregate: Aggregate | undefined,
  warnings: string[],
  at: { convictionIndex: number; convictionId: string | null },
): CategoryFinding {
  const hospital = isHospital(c.outcome);
  const dealtWith = sentencedOn(c);
  const ageDealtWith = ageOn(input.dateOfBirth, dealtWith);
  const facts: string[] = [
    c.terrorism
      ? 'Terrorism offence (CTA 2008 s.41)'
      : 'Offence with a terrorist connection (Sentencing Act 2020 s.69; CTA 2008 s.42)',
    hospital
      ? `${labelOf(OUTCOME, c.outcome)} (CTA 2008 s.45)`
      : `${capitalise(disposalText(c))}: 12 months or more (CTA 2008 s.45)`,
    ageFact(input.dateOfBirth, dealtWith, 'dealt with'),
  ];
  const sentencePart = hospital ? 'a hospital order' : 'custody of 12 months or more';
  if (ageDealtWith < 16) {
    // s.44(a): Part 4 applies only to a person aged 16 or over when dealt with.
    facts.push('Under 16 when dealt with: CTA 2008 Part 4 notification does not apply (s.44)');
    const ctaText =
      'No notification under the Counter-Terrorism Act 2008 Part 4: under 16 when dealt with (s.44)';
    const basis = 'CJA 2003 s.325, s.327; CTA 2008 s.44';
    const endsOn = end ? end.endsOn : null;
    facts.push(`Category 4 ${endText(end)}`);
    return {
      category: 4,
      reason: `Terrorism offence ${what}, with ${sentencePart}. ${ctaText}; licence or order ${endText(end)}. Category 4 ${untilText(endsOn)}.`,
      startsOn: dealtWith,
      endsOn,
      basis,
      facts,
      ...at,
    };
  }
  const cta = terrorismNotificationPeriod({
    indeterminate: isLife(c),
    lengthMonths: hospital ? null : notificationTerm(c)?.months,
    lengthDays: hospital ? null : notificationTerm(c)?.days,
    counted: aggregate && !hospital ? aggregate.span : null,
    dealtWithOn: dealtWith,
    convictionDate: c.convictionDate,
    dateOfBirth: input.dateOfBirth,
  });
  if (aggregate && !hospital) facts.push(`Aggregated under CTA 2008 s.53(6): ${aggregate.description}`);
  facts.push(cta.basis);
  // s.53(7): detention does not count towards the period.
  const detained = c.outcome === 'custody' || hospital;
  const releasedOn =
    c.outcome === 'custody'
      ? (c.actualReleaseDate ?? null)
      : hospital
        ? (c.actualReleaseDate ?? (c.disposalEndedOn ? addDays(c.disposalEndedOn, 1) : null))
        : null;
  const ctaEnd = terrorismNotificationEnd(cta, detained ? { releasedOn } : null);
  if (detained && releasedOn) {
    facts.push(
      `Released ${long(releasedOn)}: time detained is disregarded (s.53(7)), so the period runs on to ${long(ctaEnd as IsoDate)}`,
    );
  } else if (detained) {
    facts.push(
      'Still detained, or release not recorded: the period runs from release (s.53(7)), so it has no fixed end yet',
    );
    warnings.push(`Enter the release date for ${what}: CTA 2008 notification runs from release (s.53(7))`);
  }
  const ctaText = `Notification under the Counter-Terrorism Act 2008 Part 4 (${cta.basis}) ${ctaEnd === null ? 'with no fixed end yet (time detained is disregarded, s.53(7))' : `until ${long(ctaEnd)}`}`;
  const basis = 'CTA 2008 s.44, s.45, s.53';
  // Category 4 lasts while either the licence/order or the CTA notification does.
  const endsOn = end ? laterEnd(end.endsOn, ctaEnd) : ctaEnd;
  facts.push(`Licence or order ${endText(end)}`);
  return {
    category: 4,
    reason: `Terrorism offence ${what}, with ${sentencePart}. ${ctaText}; licence or order ${endText(end)}. Category 4 ${untilText(endsOn)}.`,
    startsOn: dealtWith,
    endsOn,
    basis,
    facts,
    ...at,
  };
}

// --- Orders (SOA 2003 s.97-103G; CTA 2008 Sch.4) ------------------------------------------------

const ORDER_NAMES: Record<OrderKind, string> = {
  shpo: 'Sexual harm prevention order',
  interim_shpo: 'Interim sexual harm prevention order',
  notification_order: 'Notification order',
  interim_notification_order: 'Interim notification order',
  cta_notification_order: 'Counter-terrorism notification order',
  restraining_order: 'Restraining order',
};

function fromOrders(input: EligibilityInput, out: Collected): void {
  for (const order of input.orders ?? []) {
    const name = ORDER_NAMES[order.kind];
    const made = `${name} made ${long(order.madeOn)}`;
    const until = order.endsOn ? `until ${long(order.endsOn)}` : 'until further order';
    const base = { convictionIndex: null, convictionId: null, startsOn: order.madeOn };
    switch (order.kind) {
      // Protection from Harassment Act 1997: no notification, no MAPPA category of its own.
      case 'restraining_order':
        break;
      case 'shpo':
      case 'interim_shpo':
        // s.103G: the order keeps, or makes, the defendant subject to notification while it has effect.
        out.findings.push({
          ...base,
          category: 1,
          reason: `${made}: subject to notification (Sexual Offences Act 2003 Part 2) while it has effect, ${until} (s.103G).`,
          endsOn: order.endsOn ?? null,
          basis: order.kind === 'shpo' ? 'SOA 2003 s.103G' : 'SOA 2003 s.103G (interim order)',
          facts: [
            made,
            `Has effect ${until}`,
            'Notification lasts while the order has effect (s.103G(1)-(2))',
          ],
        });
        break;
      case 'interim_notification_order':
        out.findings.push({
          ...base,
          category: 1,
          reason: `${made}: subject to notification while it has effect, ${until} (s.100).`,
          endsOn: order.endsOn ?? null,
          basis: 'SOA 2003 s.100',
          facts: [made, `Has effect ${until}`],
        });
        if (!order.endsOn)
          out.warnings.push(`Enter when the ${name.toLowerCase()} made ${long(order.madeOn)} ends`);
        break;
      case 'notification_order': {
        // s.97-98: notification as if convicted here, the s.82 period running from the conviction abroad.
        const relevantDate = order.foreignConvictionDate ?? order.madeOn;
        const facts = [
          made,
          order.foreignConvictionDate
            ? `Convicted abroad ${long(order.foreignConvictionDate)} (the relevant date, s.98)`
            : 'Date of the conviction abroad not recorded: the order date is used',
          ageFact(input.dateOfBirth, relevantDate, 'the relevant date'),
        ];
        try {
          if (!order.foreignOutcome) throw new RangeError('no outcome');
          const period = notificationPeriod({
            outcome: order.foreignOutcome,
            lengthMonths: order.foreignLengthMonths,
            relevantDate,
            dateOfBirth: input.dateOfBirth,
          });
          facts.push(period.basis);
          out.findings.push({
            ...base,
            category: 1,
            reason: `${made}: notification as if convicted in England and Wales (s.97-98). ${period.basis} (s.82); ${period.endsOn === null ? 'indefinite' : `ends ${long(period.endsOn)}`}.`,
            endsOn: period.endsOn,
            basis: 'SOA 2003 s.97, s.98, s.82(1)',
            facts,
          });
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          out.warnings.push(
            `Enter the sentence abroad for the ${name.toLowerCase()} made ${long(order.madeOn)}: it sets the notification period`,
          );
          out.findings.push({
            ...base,
            category: 1,
            reason: `${made}: notification as if convicted in England and Wales (s.97-98). The sentence abroad is not recorded, so it is treated as continuing.`,
            endsOn: order.endsOn ?? null,
            basis: 'SOA 2003 s.97, s.98',
            facts,
          });
        }
        break;
      }
      case 'cta_notification_order': {
        // CTA 2008 Sch.4: notification as for a conviction here; Category 4.
        let endsOn = order.endsOn ?? null;
        const facts = [made];
        if (!endsOn && order.foreignConvictionDate && order.foreignOutcome) {
          const period = terrorismNotificationPeriod({
            indeterminate: false,
            lengthMonths: order.foreignLengthMonths,
            dealtWithOn: order.foreignConvictionDate,
            convictionDate: order.foreignConvictionDate,
            dateOfBirth: input.dateOfBirth,
          });
          endsOn = period.endsOn;
          facts.push(`Convicted abroad ${long(order.foreignConvictionDate)}`, period.basis);
        }
        facts.push(`Category 4 ${untilText(endsOn)}`);
        out.findings.push({
          ...base,
          category: 4,
          reason: `${made}: notification under the Counter-Terrorism Act 2008 Part 4 (Schedule 4). Category 4 ${untilText(endsOn)}.`,
          endsOn,
          basis: 'CTA 2008 Sch.4',
          facts,
        });
        break;
      }
    }
  }
}

function fromDecision(
  category: MappaCategory,
  decision: CategoryDecision | null | undefined,
  describeDecision: (d: CategoryDecision) => string,
  basis: string,
): CategoryFinding | undefined {
  if (!decision) return undefined;
  const endsOn = decision.endedOn ?? null;
  const ended = endsOn
    ? `; ended by decision on ${long(endsOn)}`
    : '; until a panel decides the risk has reduced';
  return {
    category,
    reason: `${describeDecision(decision)}${decision.rationale ? `: ${decision.rationale}` : ''}${ended}.`,
    startsOn: decision.acceptedOn,
    endsOn,
    convictionIndex: null,
    convictionId: null,
    basis,
    facts: [describeDecision(decision), ...(endsOn ? [`Ended by decision on ${long(endsOn)}`] : [])],
  };
}

/** The MAPPA category on `today`, with the reason and the date it ends; or why none applies. */
export function mappaEligibility(input: EligibilityInput, today: IsoDate): Eligibility {
  const collected = fromConvictions(input, today);
  fromOrders(input, collected);
  const { findings, warnings, nearMisses, classificationNeeded } = collected;

  const cat3 = fromDecision(
    3,
    input.category3Decision,
    (d) => `Category 3 referral accepted on ${long(d.acceptedOn)}`,
    'CJA 2003 s.325(2)(b)',
  );
  const risk = fromDecision(
    4,
    input.terrorismRiskDecision,
    (d) => `Assessed on ${long(d.acceptedOn)} as at risk of involvement in terrorism`,
    'MAPPA Guidance, Category 4 (terrorism risk)',
  );
  for (const f of [cat3, risk]) if (f) findings.push(f);
  if (input.terrorismNotification) {
    const { startsOn, endsOn } = input.terrorismNotification;
    findings.push({
      category: 4,
      reason: `Subject to notification under the Counter-Terrorism Act 2008 Part 4, recorded from ${long(startsOn)}. Category 4 ${untilText(endsOn)}.`,
      startsOn,
      endsOn,
      convictionIndex: null,
      convictionId: null,
      basis: 'CTA 2008 Part 4',
      facts: [`Recorded by police from ${long(startsOn)}`, `Category 4 ${untilText(endsOn)}`],
    });
  }

  const current = new Map<MappaCategory, CategoryFinding>();
  for (const f of findings.filter((f) => isCurrent(f, today))) {
    const held = current.get(f.category);
    current.set(f.category, held ? better(held, f) : f);
  }
  const ordered = CATEGORY_PRECEDENCE.flatMap((category) => current.get(category) ?? []);
  const [chosen, ...alsoMeets] = ordered;
  // SOA 2003 Part 2 duties follow the Act, whatever category is recorded.
  const notification = current.get(1) ?? null;
  const extras = { notification, classificationNeeded: [...new Set(classificationNeeded)] };

  if (chosen) {
    if (chosen.category !== 3 && current.has(3)) {
      warnings.push(
        `A Category 3 referral was accepted, but Category ${chosen.category} applies and takes precedence: ` +
          'Category 3 is only for people not in Categories 1, 2 or 4',
      );
    }
    if (chosen.category === 4 && notification) {
      warnings.push(
        'Recorded as Category 4, and also subject to sex offender notification: the notification duties still apply',
      );
    }
    return { eligible: true, ...chosen, alsoMeets, warnings, ...extras };
  }

  const ended = findings
    .filter((f) => f.endsOn !== null && compareDates(f.endsOn, today) < 0)
    .sort((a, b) => compareDates(b.endsOn as IsoDate, a.endsOn as IsoDate));
  const [lastEnded] = ended;
  let reason: string;
  if (lastEnded) {
    reason = `Not eligible for MAPPA on ${long(today)}: Category ${lastEnded.category} ended on ${long(lastEnded.endsOn as IsoDate)}. ${lastEnded.reason}`;
  } else if (nearMisses.length > 0) {
    reason = `Not eligible for MAPPA: ${nearMisses.map((m) => m.text).join('; ')}. Category 3 needs an accepted referral.`;
  } else {
    reason =
      'Not eligible for MAPPA: no conviction or caution meets Category 1, 2 or 4, and no Category 3 referral has been accepted.';
  }
  if (extras.classificationNeeded.length > 0) {
    reason += ` This may change: ${extras.classificationNeeded.length === 1 ? 'an offence needs' : 'offences need'} classifying (${extras.classificationNeeded.join('; ')}).`;
  }
  const basis = lastEnded?.basis ?? nearMisses[0]?.basis ?? null;
  return { eligible: false, reason, basis, ended, warnings, ...extras };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Who should be considered for a Category 3 referral (inspection recommendation 14): high or very
 * high RoSH, a domestic abuse or stalking marker, and not already managed under MAPPA. A prompt
 * for a practitioner, never a decision: Category 3 exists only by an accepted referral.
 */
export function category3CandidateRule(input: {
  latestRoshOverall: RoshLevel | null | undefined;
  activeMarkers: readonly (MarkerType | string)[];
  underMappa: boolean;
}): boolean {
  const highRisk = input.latestRoshOverall === 'HIGH' || input.latestRoshOverall === 'VERY_HIGH';
  const pattern = input.activeMarkers.some((m) => m === 'domestic_abuse' || m === 'stalking');
  return highRisk && pattern && !input.underMappa;
}
