import {
  OUTCOME,
  labelOf,
  type MappaCategory,
  type MarkerType,
  type Outcome,
  type RoshLevel,
} from './codes.ts';
import { compareDates, formatDateLong, type IsoDate } from './dates.ts';
import {
  effectiveNotificationEnd,
  lastDayOfPeriod,
  notificationPeriod,
  terrorismNotificationPeriod,
} from './notification-requirements.ts';

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

/** An order that creates notification or Category 4 (SOA 2003 s.97-103G, CTA 2008 Sch.4). */
export type OrderKind =
  'shpo' | 'interim_shpo' | 'notification_order' | 'interim_notification_order' | 'cta_notification_order';

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

function isLife(c: ConvictionFacts): boolean {
  return Boolean(c.indeterminate) || (Boolean(c.murder) && c.outcome === 'custody');
}

function disposalText(c: ConvictionFacts): string {
  const n = c.lengthMonths;
  switch (c.outcome) {
    case 'custody':
      if (isLife(c)) return 'life or indeterminate sentence';
      if (n == null) return 'custodial sentence, length not recorded';
      return c.detentionAndTrainingOrder
        ? `detention and training order of ${n} months`
        : `custodial sentence of ${n} months`;
    case 'suspended_sentence':
      return n == null ? 'suspended sentence, length not recorded' : `suspended sentence of ${n} months`;
    case 'community_order':
    case 'conditional_discharge':
      return `${labelOf(OUTCOME, c.outcome).toLowerCase()}${n == null ? '' : ` of ${n} months`}`;
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

/** Imprisonment or detention for 12 months or more, life or indeterminate (s.327(4)(a)–(h)). */
function custodial12(c: ConvictionFacts): Custodial12 {
  // A suspended sentence is a sentence of imprisonment for all enactments (CJA 2003 s.189(6)).
  if (c.outcome !== 'custody' && c.outcome !== 'suspended_sentence') return 'no';
  if (isLife(c)) return 'yes';
  if (c.lengthMonths == null) return 'unknown';
  return c.lengthMonths >= 12 ? 'yes' : 'no';
}

const isHospital = (o: Outcome) => o === 'hospital_order' || o === 'hospital_order_restricted';

/** When the licence, sentence or order ends, and what the date is. */
function disposalEnd(c: ConvictionFacts): { endsOn: IsoDate | null; source: string } | undefined {
  if (c.disposalEndedOn) return { endsOn: c.disposalEndedOn, source: 'ended early' };
  if (c.outcome === 'custody' || c.outcome === 'suspended_sentence') {
    if (isLife(c)) return { endsOn: null, source: 'life licence' };
    if (c.licenceExpiryDate) return { endsOn: c.licenceExpiryDate, source: 'licence expiry date' };
    if (c.sentenceExpiryDate) {
      return { endsOn: c.sentenceExpiryDate, source: 'sentence expiry date' };
    }
    if (c.lengthMonths != null && Number.isSafeInteger(c.lengthMonths) && c.lengthMonths > 0) {
      const endsOn = lastDayOfPeriod(c.sentenceStart ?? c.convictionDate, c.lengthMonths);
      return { endsOn, source: `end of the ${c.lengthMonths}-month sentence` };
    }
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
function endText(end: { endsOn: IsoDate | null; source: string } | undefined): string {
  return end ? `${untilText(end.endsOn)} (${end.source})` : 'end date not known';
}

interface Collected {
  findings: CategoryFinding[];
  warnings: string[];
  nearMisses: string[];
}

function fromConvictions(input: EligibilityInput, today: IsoDate): Collected {
  const out: Collected = { findings: [], warnings: [], nearMisses: [] };
  input.convictions.forEach((c, index) => {
    if (!isOn(c.convictionDate, today)) return; // not yet convicted on `today`
    const at = { convictionIndex: index, convictionId: c.id ?? null };
    const what = describe(c);

    // Category 1: subject to notification (s.327(2)).
    if (c.notifiable ?? c.schedule3) {
      try {
        const period = notificationPeriod({
          ...c,
          relevantDate: c.convictionDate,
          dateOfBirth: input.dateOfBirth,
        });
        const endsOn = effectiveNotificationEnd(period, c.notificationEndedOn);
        const discharged =
          c.notificationEndedOn && endsOn === c.notificationEndedOn
            ? `, discharged ${long(c.notificationEndedOn)}`
            : '';
        out.findings.push({
          category: 1,
          reason:
            `Subject to sex offender notification (Sexual Offences Act 2003 Part 2) for ${what}. ` +
            `${period.basis} (s.82)${discharged}; ${endsOn === null ? 'indefinite' : `ends ${long(endsOn)}`}.`,
          startsOn: period.startsOn,
          endsOn,
          ...at,
        });
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        // Better to keep someone in Category 1 and ask for the length than to drop them.
        out.warnings.push(
          `Enter the sentence length for ${what}: the notification period cannot be calculated`,
        );
        out.findings.push({
          category: 1,
          reason:
            `Subject to sex offender notification (Sexual Offences Act 2003 Part 2) for ${what}. ` +
            'The notification period cannot be calculated without the sentence length, so it is treated as continuing.',
          startsOn: c.convictionDate,
          endsOn: c.notificationEndedOn ?? null,
          ...at,
        });
      }
    }

    const custody = custodial12(c);
    const hospital = isHospital(c.outcome);
    const end = disposalEnd(c);

    // Category 4: terrorism offence with 12 months or more custody, or a hospital order.
    if (c.terrorism) {
      if (custody === 'yes' || hospital) {
        const cta = terrorismNotificationPeriod({
          indeterminate: isLife(c),
          lengthMonths: hospital ? null : c.lengthMonths,
          dealtWithOn: c.sentenceStart ?? c.convictionDate,
          convictionDate: c.convictionDate,
          dateOfBirth: input.dateOfBirth,
        });
        // Category 4 lasts while either the licence/order or the CTA notification does.
        const endsOn = end ? laterEnd(end.endsOn, cta.endsOn) : cta.endsOn;
        out.findings.push({
          category: 4,
          reason:
            `Terrorism offence ${what}, with ${hospital ? 'a hospital order' : 'custody of 12 months or more'}. ` +
            `Notification under the Counter-Terrorism Act 2008 Part 4 (${cta.basis}) until ${long(cta.endsOn)}; ` +
            `licence or order ${endText(end)}. Category 4 ${untilText(endsOn)}.`,
          startsOn: c.sentenceStart ?? c.convictionDate,
          endsOn,
          ...at,
        });
      } else if (custody === 'unknown') {
        out.warnings.push(`Enter the sentence length for ${what}: it decides whether Category 4 applies`);
      } else {
        out.nearMisses.push(
          `${what} is a terrorism offence, but the sentence is not 12 months or more in custody or a hospital order`,
        );
      }
    }

    // Category 2: murder or a Schedule 15 offence with a qualifying sentence (s.327(3)–(4)).
    if (c.murder || c.schedule15) {
      const qualifies = custody === 'yes' || hospital || c.outcome === 'guardianship';
      if (qualifies) {
        const kind =
          c.kind === 'sexual' || c.schedule3
            ? 'sexual'
            : c.terrorism || c.kind === 'terrorism'
              ? 'terrorism'
              : 'violent';
        const offenceText = c.murder
          ? `Murder, ${what}`
          : `Specified ${kind} offence (CJA 2003 Schedule 15) ${what}`;
        const endsOn = end ? end.endsOn : null;
        if (!end)
          out.warnings.push(
            `Enter the licence or sentence expiry date for ${what}: Category 2 has no end date`,
          );
        out.findings.push({
          category: 2,
          reason: `${offenceText}. Category 2 ${endText(end)}.`,
          startsOn: c.sentenceStart ?? c.convictionDate,
          endsOn,
          ...at,
        });
      } else if (custody === 'unknown') {
        out.warnings.push(`Enter the sentence length for ${what}: it decides whether Category 2 applies`);
      } else {
        out.nearMisses.push(
          `${what} is a specified offence, but the sentence is not 12 months or more in custody, a hospital order or a guardianship order`,
        );
      }
    }
  });
  return out;
}

function fromDecision(
  category: MappaCategory,
  decision: CategoryDecision | null | undefined,
  describeDecision: (d: CategoryDecision) => string,
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
  };
}

/** The MAPPA category on `today`, with the reason and the date it ends; or why none applies. */
export function mappaEligibility(input: EligibilityInput, today: IsoDate): Eligibility {
  const { findings, warnings, nearMisses } = fromConvictions(input, today);

  const cat3 = fromDecision(
    3,
    input.category3Decision,
    (d) => `Category 3 referral accepted on ${long(d.acceptedOn)}`,
  );
  const risk = fromDecision(
    4,
    input.terrorismRiskDecision,
    (d) => `Assessed on ${long(d.acceptedOn)} as at risk of involvement in terrorism`,
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
    });
  }

  const current = new Map<MappaCategory, CategoryFinding>();
  for (const f of findings.filter((f) => isCurrent(f, today))) {
    const held = current.get(f.category);
    current.set(f.category, held ? better(held, f) : f);
  }
  const ordered = CATEGORY_PRECEDENCE.flatMap((category) => current.get(category) ?? []);
  const [chosen, ...alsoMeets] = ordered;

  if (chosen) {
    if (chosen.category !== 3 && current.has(3)) {
      warnings.push(
        `A Category 3 referral was accepted, but Category ${chosen.category} applies and takes precedence: ` +
          'Category 3 is only for people not in Categories 1, 2 or 4',
      );
    }
    const extras = { notification: current.get(1) ?? null, classificationNeeded: [] };
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
    reason = `Not eligible for MAPPA: ${nearMisses.join('; ')}. Category 3 needs an accepted referral.`;
  } else {
    reason =
      'Not eligible for MAPPA: no conviction or caution meets Category 1, 2 or 4, and no Category 3 referral has been accepted.';
  }
  return { eligible: false, reason, ended, warnings, notification: null, classificationNeeded: [] };
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
