import { AGENDA_ITEM_KEYS } from '../../domain/agenda.ts';
import type { Outcome, RoshLevel } from '../../domain/codes.ts';
import { addMonths, compareDates, fromEpochDay, toEpochDay, type IsoDate } from '../../domain/dates.ts';
import {
  DEFAULT_AREA_SETTINGS,
  SIGNIFICANT_EVENT_TYPE,
  levelDecisionDue,
  reviewDue,
  type LevelDecisionCase,
} from '../../domain/deadlines.ts';
import {
  RULES_VERSION,
  category3CandidateRule,
  mappaEligibility,
  type ConvictionFacts,
  type OrderKind,
  type SentenceType,
  type VictimAge,
} from '../../domain/eligibility.ts';
import { makeVigilReference, pncCheckCharacter } from '../../domain/identifiers.ts';
import {
  notificationObligations,
  type NotificationEventFacts,
  type NotificationEventKind,
} from '../../domain/notification-requirements.ts';
import { earliestDuty, findingFacts } from '../../modules/levels/index.ts';
import { Random, hashSeed } from '../demo/random.ts';
import type { DemoOffence } from '../demo/reference.ts';
import { generateCustody } from './custody.ts';
import { KIND, areaOfPerson, rowId, type GenerationPlan } from './plan.ts';
import type { AreaPlaces, GenerationReference } from './reference.ts';
import {
  chairId,
  coordinatorId,
  policeManagerId,
  pomAgency,
  pomId,
  practitionerAgency,
  practitionerId,
  type AreaAgencies,
} from './staff.ts';
import type { Rows, TableName } from './tables.ts';

/**
 * One synthetic person and everything recorded about them, from a seeded stream of their own (so
 * person n is the same whichever batch writes them): identity, aliases, addresses with history,
 * convictions with sentence dates, risk assessments, markers, managers, and — for MAPPA nominals —
 * level decisions, significant events, notifications, and five years of Level 2/3 referrals,
 * meetings, minutes, actions and risk management plans. Their `nominal_obligations` row is
 * computed by the same domain rules `recomputeObligations` applies (tests compare the two).
 */

export interface GenerationContext {
  plan: GenerationPlan;
  reference: GenerationReference;
  agencies: Record<string, AreaAgencies>;
  areaIndex: Record<string, number>;
  /** "Today" for the dataset: every date is placed relative to it. */
  today: IsoDate;
  offences: OffencePools;
  /** The share of MAPPA prisoners on communications monitoring (default ~10%; the bench raises it). */
  monitoringShare?: number;
}

export interface OffencePools {
  sexual: DemoOffence[];
  violent: DemoOffence[];
  murder: DemoOffence;
  terrorism: DemoOffence[];
  domesticAbuse: DemoOffence[];
  other: DemoOffence[];
}

const DOMESTIC_ABUSE_OFFENCE =
  /coercive|Harassment|Stalking|restraining order|non-molestation|Common assault|communication with intent/i;

export function offencePools(offences: readonly DemoOffence[]): OffencePools {
  const murder = offences.find((o) => /^murder\b/i.test(o.offence));
  if (!murder) throw new Error('data-reference/offences.json has no murder offence');
  return {
    sexual: offences.filter((o) => o.kind === 'sexual' && o.schedule3),
    violent: offences.filter((o) => o.kind === 'violent' && o.schedule15),
    murder,
    terrorism: offences.filter((o) => o.terrorism && o.schedule15),
    domesticAbuse: offences.filter((o) => !o.schedule15 && DOMESTIC_ABUSE_OFFENCE.test(o.offence)),
    other: offences.filter(
      (o) =>
        !o.schedule15 &&
        !o.schedule3 &&
        !o.terrorism &&
        o !== murder &&
        !DOMESTIC_ABUSE_OFFENCE.test(o.offence),
    ),
  };
}

type Intent = 1 | 2 | 3 | 4 | 'other';

interface Sentence {
  offence: DemoOffence;
  outcome: Outcome;
  lengthMonths: number | null;
  convicted: number;
  start: number | null;
  crd: number | null;
  led: number | null;
  released: number | null;
  /** Epoch days like the dates above; absent = none. */
  ped?: number | null;
  hdc?: number | null;
  sentenceType?: SentenceType | null;
  lengthDays?: number | null;
  extensionMonths?: number | null;
  operationalMonths?: number | null;
  supervisionMonths?: number | null;
  /** The index (in the person's sentences) of the term this one runs after. */
  consecutiveTo?: number | null;
  terroristConnection?: boolean;
  victimAge?: VictimAge | null;
  disposalEnded?: number | null;
  notificationEnded?: number | null;
}

const day = (epoch: number): IsoDate => fromEpochDay(epoch);
const at = (epoch: number, hour = 10, minute = 0) =>
  `${fromEpochDay(epoch)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
const monthsAfter = (epoch: number, months: number) => toEpochDay(addMonths(fromEpochDay(epoch), months));

const ROSH: RoshLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ';
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const PILLARS = [
  'supervision',
  'monitoring_and_control',
  'interventions_and_treatment',
  'victim_safety_planning',
] as const;
const EVENT_TYPES = SIGNIFICANT_EVENT_TYPE.map((e) => e.code);
/** ONS 2021 codes, roughly the probation caseload's mix. */
const ETHNICITY: [string, number][] = [
  ['W1', 76],
  ['W9', 5],
  ['W2', 1],
  ['B1', 3],
  ['B2', 3],
  ['A2', 3],
  ['A1', 2],
  ['A3', 1],
  ['M1', 2],
  ['O9', 2],
  ['NS', 2],
];

export interface PersonSummary {
  category: number | null;
  level: number | null;
  inCustody: boolean;
  candidate: boolean;
}

/** Appends one person's rows to `out` and says what they turned out to be. */
export function generatePerson(ctx: GenerationContext, person: number, out: Rows): PersonSummary {
  const { plan, reference, today } = ctx;
  const seed = plan.seed;
  const T = toEpochDay(today);
  const rng = new Random(hashSeed(seed, 'person', person));
  const { area, mappa, caseIndex } = areaOfPerson(plan, person);
  const a = ctx.areaIndex[area.code]!;
  const agencies = ctx.agencies[area.code]!;
  const places = reference.places[area.code] ?? Object.values(reference.places)[0]!;
  const id = rowId(seed, KIND.nominal, person);
  const add = (table: TableName, row: unknown[]) => out[table].push(row);

  // --- Who they are -------------------------------------------------------------------------
  const female = rng.chance(mappa ? 0.04 : 0.12);
  const forename = (female ? reference.femaleForenames : reference.maleForenames).draw(rng);
  const surname = reference.surnames.draw(rng);
  const middle = rng.chance(0.4)
    ? (female ? reference.femaleForenames : reference.maleForenames).draw(rng)
    : null;
  const age = 19 + Math.floor(rng.float() ** 1.6 * 55);
  let born = T - age * 365 - rng.int(0, 364);

  // --- What they did, and what the court gave them --------------------------------------------
  const levelRoll = rng.float();
  const [l1, l2] = area.levelShares;
  let intendedLevel: 1 | 2 | 3 | null = !mappa
    ? null
    : rng.chance(0.03)
      ? null
      : levelRoll < l1
        ? 1
        : levelRoll < l1 + l2
          ? 2
          : 3;
  const intent: Intent = !mappa
    ? 'other'
    : intendedLevel !== null && intendedLevel >= 2 && rng.chance(0.3)
      ? 3
      : rng.chance(0.0015)
        ? 4
        : rng.chance(0.735)
          ? 1
          : 2;
  const inCustodyIntended = intent !== 3 && rng.chance(intent === 'other' ? 0.12 : 0.3);
  // How the category arises when not by the usual conviction (see planSentence for the shares).
  const routeRoll = rng.float();
  const route: Route =
    intent === 4
      ? routeRoll < 0.12
        ? 'risk_decision'
        : routeRoll < 0.17
          ? 'cta_order'
          : routeRoll < 0.37
            ? 'connection'
            : 'conviction'
      : intent === 1 && routeRoll < 0.01
        ? 'notification_order'
        : intent === 1 && routeRoll < 0.013
          ? 'interim_notification_order'
          : 'conviction';
  // About 3% of Category 1 and 2 cases were sentenced under 18 (a detention and training order).
  const youth = (intent === 1 || intent === 2) && route === 'conviction' && rng.chance(0.03);
  const index = planSentence(rng, ctx.offences, intent, route, inCustodyIntended, T, born, youth);
  // Sentenced at 16 or 17.
  if (youth) born = index.convicted - rng.int(16 * 365 + 10, 18 * 365 - 10);
  const domesticAbusePattern = intent === 3 || (intent === 'other' && rng.chance(0.22));
  if (intent === 'other' && domesticAbusePattern && index.offence.kind === 'other')
    index.offence = rng.pick(ctx.offences.domesticAbuse);

  const sentences: Sentence[] = [index];
  addOtherCounts(rng, ctx.offences, sentences, T, born);
  const previous = rng.int(0, 3);
  for (let k = 0; k < previous; k++) {
    const convicted = Math.min(index.convicted - 200, T - rng.int(5 * 365, 20 * 365));
    if (convicted - born < 18 * 365) break;
    sentences.push(
      sentence(
        rng.pick(ctx.offences.other),
        // Absolute discharges are rare (~1% of disposals, Criminal Justice Statistics).
        rng.weighted<Outcome>([
          ['fine', 40],
          ['community_order', 35],
          ['conditional_discharge', 22],
          ['absolute_discharge', 3],
        ]),
        null,
        convicted,
      ),
    );
  }
  if (intent === 'other') addPastHistory(rng, ctx.offences, sentences, T, born);
  for (const s of sentences) if (s.offence.kind === 'sexual') s.victimAge = victimAge(rng, s.offence);
  for (const s of sentences) {
    if (s.outcome === 'community_order' || s.outcome === 'conditional_discharge')
      s.lengthMonths ??= rng.int(6, 24);
  }

  const inCustody =
    index.start !== null && index.start <= T && (index.released === null || index.released > T);
  const firstAppointment = inCustody ? null : (index.released ?? index.convicted) + rng.int(2, 12);
  const rotlFrom =
    inCustody && index.crd !== null && index.crd - T < 200 && rng.chance(0.15) ? T - rng.int(1, 60) : null;

  // --- Level 2/3 management history --------------------------------------------------------
  const management =
    mappa && intendedLevel !== null ? planManagement(rng, intendedLevel, intent, index, T) : null;
  if (intent === 3 && !management) intendedLevel = null;
  const category3AcceptedOn = intent === 3 && management?.acceptedOn ? management.acceptedOn : null;

  // --- Orders and decisions that make someone subject to notification or Category 4 ----------
  const orders = planOrders(rng, route, intent, index, places, T);
  const terrorismRiskOn = route === 'risk_decision' ? T - rng.int(30, 3 * 365) : null;

  const offenceDates = sentences.map((s) => s.convicted - rng.int(30, 300));
  const convictionFacts: ConvictionFacts[] = sentences.map((s, k) => ({
    id: rowId(seed, KIND.conviction, person, k),
    offence: s.offence.offence,
    schedule3: s.offence.schedule3,
    schedule3Condition: s.offence.schedule3Condition ?? null,
    schedule15: s.offence.schedule15,
    terrorism: s.offence.terrorism,
    classified: true,
    murder: /^murder\b/i.test(s.offence.offence),
    kind: s.offence.kind as never,
    outcome: s.outcome,
    sentenceType: s.sentenceType ?? null,
    indeterminate: s.sentenceType === 'life' || s.sentenceType === 'ipp' || s.sentenceType === 'hmp',
    detentionAndTrainingOrder: s.sentenceType === 'dto',
    lengthMonths: s.lengthMonths,
    lengthDays: s.lengthDays ?? null,
    extensionMonths: s.extensionMonths ?? null,
    operationalMonths: s.operationalMonths ?? null,
    supervisionMonths: s.supervisionMonths ?? null,
    consecutiveToId: s.consecutiveTo == null ? null : rowId(seed, KIND.conviction, person, s.consecutiveTo),
    terroristConnection: s.terroristConnection ?? false,
    victimAge: s.victimAge ?? null,
    offenceDate: day(offenceDates[k]!),
    convictionDate: day(s.convicted),
    sentenceStart: s.start === null ? null : day(s.start),
    conditionalReleaseDate: s.crd === null ? null : day(s.crd),
    actualReleaseDate: s.released === null || s.released > T ? null : day(s.released),
    licenceExpiryDate: s.led === null ? null : day(s.led),
    sentenceExpiryDate: s.led === null ? null : day(s.led),
    disposalEndedOn: s.disposalEnded == null ? null : day(s.disposalEnded),
    notificationEndedOn: s.notificationEnded == null ? null : day(s.notificationEnded),
  }));
  const eligibility = mappaEligibility(
    {
      dateOfBirth: day(born),
      convictions: convictionFacts,
      orders: orders.map((o, k) => ({
        id: rowId(seed, KIND.civilOrder, person, k),
        kind: o.kind,
        madeOn: day(o.madeOn),
        endsOn: o.endsOn === null ? null : day(o.endsOn),
        foreignConvictionDate: o.foreignConvicted === null ? null : day(o.foreignConvicted),
        foreignOutcome: o.foreignOutcome,
        foreignLengthMonths: o.foreignLengthMonths,
      })),
      category3Decision: category3AcceptedOn ? { acceptedOn: day(category3AcceptedOn), endedOn: null } : null,
      terrorismRiskDecision:
        terrorismRiskOn === null ? null : { acceptedOn: day(terrorismRiskOn), endedOn: null },
    },
    today,
  );
  const category = eligibility.eligible ? eligibility.category : null;

  const createdAt = at(Math.min(T, index.convicted + rng.int(1, 20)), 9, rng.int(0, 59));
  const com = practitionerId(seed, a, caseIndex % area.practitioners);
  add('nominals', [
    id,
    makeVigilReference(20_000_000 + person),
    area.code,
    forename,
    middle,
    surname,
    day(born),
    female ? 'female' : 'male',
    new Random(hashSeed(seed, 'ethnicity', person)).weighted(ETHNICITY),
    rng.chance(0.9)
      ? 'British'
      : rng.pick(['Irish', 'Polish', 'Romanian', 'Albanian', 'Pakistani', 'Nigerian']),
    practitionerAgency(agencies, caseIndex % area.practitioners),
    null,
    null,
    createdAt,
    com,
    createdAt,
    com,
    firstAppointment === null ? null : day(firstAppointment),
    rotlFrom === null ? null : day(rotlFrom),
    category3AcceptedOn === null ? null : day(category3AcceptedOn),
    terrorismRiskOn === null ? null : day(terrorismRiskOn),
  ]);
  orders.forEach((o, k) =>
    add('civil_orders', [
      rowId(seed, KIND.civilOrder, person, k),
      id,
      o.kind,
      day(o.madeOn),
      o.court,
      o.endsOn === null ? null : day(o.endsOn),
      o.foreignConvicted === null ? null : day(o.foreignConvicted),
      o.foreignOutcome,
      o.foreignLengthMonths,
      o.notes,
    ]),
  );

  // --- Names, aliases, identifiers ------------------------------------------------------------
  add('nominal_names', [id, null, forename, surname]);
  const aliases = rng.chance(mappa ? 0.25 : 0.12) ? rng.int(1, 2) : 0;
  for (let k = 0; k < aliases; k++) {
    const aliasId = rowId(seed, KIND.alias, person, k);
    // Aliases are mostly a changed surname or a shortened or respelled forename.
    const aliasForename = rng.chance(0.5)
      ? forename
      : (female ? reference.femaleForenames : reference.maleForenames).draw(rng);
    const aliasSurname = aliasForename === forename ? reference.surnames.draw(rng) : surname;
    add('nominal_aliases', [
      aliasId,
      id,
      aliasForename,
      aliasSurname,
      rng.chance(0.3) ? day(born + rng.int(-400, 400)) : null,
      null,
    ]);
    add('nominal_names', [id, aliasId, aliasForename, aliasSurname]);
  }
  const pncYear = Number(day(sentences[sentences.length - 1]!.convicted).slice(0, 4));
  add('nominal_identifiers', [
    rowId(seed, KIND.identifier, person, 0),
    id,
    'pnc',
    `${pncYear}/${String(person).padStart(7, '0')}${pncCheckCharacter(pncYear, person)}`,
  ]);
  add('nominal_identifiers', [
    rowId(seed, KIND.identifier, person, 1),
    id,
    'crn',
    `${LETTERS[Math.floor(person / 1_000_000) % LETTERS.length]}${String(person % 1_000_000).padStart(6, '0')}`,
  ]);
  if (index.start !== null) {
    add('nominal_identifiers', [
      rowId(seed, KIND.identifier, person, 2),
      id,
      'prison_number',
      prisonNumber(person),
    ]);
  }

  // --- Addresses with history ----------------------------------------------------------------
  const homes = rng.int(1, 3);
  // (Someone sentenced as a child may be under 18 still: their first address is recent.)
  let from = Math.min(T - 200, Math.max(born + 18 * 365, T - rng.int(3 * 365, 12 * 365)));
  const registered = eligibility.notification !== null && !inCustody;
  let lastAddress = { from, type: 'home' };
  for (let k = 0; k < homes; k++) {
    const last = k === homes - 1 || from > T - 400;
    const to = last ? null : Math.min(T - 30, from + rng.int(200, 1500));
    const town = rng.pick(places.towns);
    const district = rng.pick(town.postcodeAreas);
    // About 3% of registered sex offenders in the community have no fixed abode (weekly notification, s.85(2)).
    const type =
      last && !inCustody && index.released !== null && T - index.released < 120 && rng.chance(0.4)
        ? 'approved_premises'
        : last && registered && rng.chance(0.03)
          ? 'no_fixed_abode'
          : 'home';
    lastAddress = { from, type };
    const fixed = type !== 'no_fixed_abode';
    add('addresses', [
      rowId(seed, KIND.address, person, k),
      id,
      type,
      fixed ? `${rng.int(1, 180)} ${rng.pick(reference.streets)}` : null,
      town.town,
      fixed
        ? `${district} ${rng.int(1, 9)}${INWARD[rng.int(0, INWARD.length - 1)]}${INWARD[rng.int(0, INWARD.length - 1)]}`
        : null,
      day(from),
      to === null ? (inCustody && index.start !== null ? day(Math.max(from, index.start)) : null) : day(to),
    ]);
    if (to === null) break;
    from = to + 1;
  }

  // --- Convictions --------------------------------------------------------------------------
  sentences.forEach((s, k) => {
    const crown = s.outcome === 'custody' && (s.lengthMonths ?? 0) >= 12;
    const courts = crown ? places.crownCourts : places.courts;
    const f = convictionFacts[k]!;
    const hdc = hdcOf(s);
    add('convictions', [
      f.id,
      id,
      s.offence.offence,
      f.offenceDate,
      f.convictionDate,
      courts.length ? rng.pick(courts) : null,
      s.outcome,
      s.lengthMonths,
      k === 0,
      f.sentenceStart,
      f.conditionalReleaseDate,
      s.ped == null ? null : day(s.ped),
      hdc === null ? null : day(hdc),
      f.licenceExpiryDate,
      f.sentenceExpiryDate,
      f.actualReleaseDate,
      f.sentenceType,
      f.lengthDays,
      f.extensionMonths,
      f.operationalMonths,
      f.supervisionMonths,
      f.consecutiveToId,
      f.terroristConnection,
      f.victimAge,
      f.disposalEndedOn,
      f.notificationEndedOn,
    ]);
  });

  // --- Risk assessments and markers ------------------------------------------------------------
  const highRisk =
    (management?.level ?? 1) >= 2 || domesticAbusePattern
      ? rng.chance(intent === 'other' ? 0.2 : 0.9)
      : rng.chance(mappa ? 0.25 : 0.05);
  const rosh: RoshLevel = highRisk
    ? rng.chance(0.15)
      ? 'VERY_HIGH'
      : 'HIGH'
    : rng.chance(0.55)
      ? 'MEDIUM'
      : 'LOW';
  const assessments = mappa ? 2 : 1;
  let latestRiskRecorded = '';
  for (let k = 0; k < assessments; k++) {
    const latest = k === assessments - 1;
    const assessed = latest ? T - rng.int(10, 300) : T - rng.int(400, 900);
    const level = latest ? rosh : ROSH[Math.max(0, ROSH.indexOf(rosh) - rng.int(0, 1))]!;
    const recordedAt = at(assessed + 1, 11, rng.int(0, 59));
    if (latest) latestRiskRecorded = recordedAt;
    const sexual = index.offence.kind === 'sexual';
    add('risk_assessments', [
      rowId(seed, KIND.risk, person, k),
      id,
      day(assessed),
      'OASys',
      level,
      sexual ? level : ROSH[Math.max(0, ROSH.indexOf(level) - 1)],
      level,
      domesticAbusePattern ? level : ROSH[Math.max(0, ROSH.indexOf(level) - 1)],
      'LOW',
      sexual && !female ? rng.pick(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']) : null,
      sexual ? rng.pick(['low', 'medium', 'high']) : null,
      rng.decimal(0.5, 12),
      rng.pick(['low', 'medium', 'high']),
      recordedAt,
      com,
    ]);
  }
  const markers: { type: string; start: number }[] = [];
  const marker = (type: string) =>
    markers.push({ type, start: Math.min(T - 1, Math.max(born + 18 * 365, T - rng.int(60, 2000))) });
  if (domesticAbusePattern) marker(rng.chance(0.8) ? 'domestic_abuse' : 'stalking');
  else if (rng.chance(mappa ? 0.12 : 0.05)) marker('domestic_abuse');
  if (index.offence.kind === 'sexual' && rng.chance(0.45)) marker('child_safeguarding');
  if (intent === 4) marker('terrorism_risk');
  if (rng.chance(0.08)) marker('mental_health');
  if (rng.chance(0.05)) marker('weapons');
  if (rng.chance(0.03)) marker('gang_organised_crime');
  markers.forEach((m, k) =>
    add('markers', [rowId(seed, KIND.marker, person, k), id, m.type, day(m.start), null]),
  );

  // --- Managers --------------------------------------------------------------------------------
  const managerFrom = day(Math.min(T, (index.start ?? index.convicted) + rng.int(1, 30)));
  let managerNo = 0;
  const manager = (role: string, userId: string, agencyId: string) =>
    add('nominal_managers', [
      rowId(seed, KIND.manager, person, managerNo++),
      id,
      role,
      userId,
      'Offender manager',
      agencyId,
      managerFrom,
    ]);
  manager('community_offender_manager', com, practitionerAgency(agencies, caseIndex % area.practitioners));
  const pomNumber = (caseIndex * 7) % area.prisonOffenderManagers;
  if (inCustody)
    manager('prison_offender_manager', pomId(seed, a, pomNumber), pomAgency(agencies, pomNumber));
  // The custody episode (open while in custody; closed for a release in the last year) and monitoring.
  const releasedLately =
    index.released !== null && index.released <= T && T - index.released < 365 && index.outcome === 'custody';
  if (index.start !== null && (inCustody || releasedLately))
    generateCustody(
      {
        seed,
        person,
        nominalId: id,
        mappa,
        female,
        youngAdult: index.start - born < 21 * 365,
        offenceKind: index.offence.kind,
        category,
        agencies: ctx.agencies,
        areaAgencies: agencies,
        pomNumber,
        pomUserId: pomId(seed, a, pomNumber),
        comUserId: com,
        today: T,
        sentenceStart: index.start,
        crd: index.crd,
        ped: index.ped ?? null,
        hdc: hdcOf(index),
        led: index.led,
        released: inCustody ? null : index.released,
        managerFrom: toEpochDay(managerFrom),
        ...(ctx.monitoringShare === undefined ? {} : { monitoringShare: ctx.monitoringShare }),
      },
      out,
    );
  if (category === 1 || category === 4) {
    manager(
      'police_offender_manager',
      policeManagerId(seed, a, caseIndex % area.policeOffenderManagers),
      agencies.police[0] ?? agencies.probation[0]!,
    );
  }

  // --- Level decisions, referrals, meetings ----------------------------------------------------
  interface Decision {
    id: string;
    level: number | null;
    kind: string;
    decidedOn: number;
    warning: string | null;
  }
  const decisions: Decision[] = [];
  const decide = (
    level: number,
    kind: string,
    decidedOn: number,
    rationale: string,
    meetingId: string | null = null,
    continues: string | null = null,
  ) => {
    const decision: Decision = {
      id: rowId(seed, KIND.decision, person, decisions.length),
      level,
      kind,
      decidedOn,
      warning: null,
    };
    decisions.push(decision);
    add('level_decisions', [
      decision.id,
      id,
      level,
      category,
      kind,
      kind === 'initial' || kind === 'review'
        ? ['lead_agency_management']
        : ['active_multi_agency_management'],
      rationale,
      day(decidedOn),
      at(decidedOn, 14, rng.int(0, 59)),
      meetingId ? chairId(seed, a, person) : com,
      null,
      continues,
      meetingId,
    ]);
    return decision;
  };

  if (category !== null && intendedLevel !== null) {
    const setBy =
      firstAppointment !== null
        ? firstAppointment + rng.int(1, 14)
        : (index.start ?? index.convicted) + rng.int(20, 90);
    const initialOn = Math.min(T - 1, setBy);
    if (intent !== 3)
      decide(
        1,
        'initial',
        initialOn,
        'Lead-agency management with information sharing is enough (MAPPA Q screening).',
      );
    if (management)
      writeManagement(
        ctx,
        out,
        rng,
        person,
        id,
        area.code,
        a,
        agencies,
        management,
        index,
        decide,
        category,
        com,
      );
    else {
      // Level 1 reviews: most within six months, some overdue (41% of inspected cases had none).
      const lastReview = T - Math.floor(rng.float() ** 1.3 * 250);
      if (lastReview > initialOn + 30)
        decide(
          1,
          'review',
          lastReview,
          'Reviewed with police, probation and prison input: Level 1 remains right.',
        );
    }
    if (management?.rejected) {
      const lastReview = T - rng.int(0, 200);
      if (lastReview > initialOn + 30)
        decide(
          1,
          'review',
          lastReview,
          'Reviewed after the rejected referral: Level 1 with closer information sharing.',
        );
    }
  }
  const latest = decisions.reduce<Decision | undefined>(
    (l, d) => (!l || d.decidedOn >= l.decidedOn ? d : l),
    undefined,
  );

  // --- Significant events ----------------------------------------------------------------------
  const eventCount = mappa ? (rng.chance(0.5) ? 0 : rng.int(1, 3)) : rng.chance(0.1) ? 1 : 0;
  const events: { type: string; occurred: number; recorded: number; reviewed: boolean }[] = [];
  for (let k = 0; k < eventCount; k++) {
    const occurred = T - rng.int(0, 720);
    const recorded = Math.min(T, occurred + rng.int(0, 6));
    const reviewed = latest !== undefined && recorded < latest.decidedOn;
    const type = rng.pick(EVENT_TYPES);
    events.push({ type, occurred, recorded, reviewed });
    add('significant_events', [
      rowId(seed, KIND.event, person, k),
      id,
      type,
      day(occurred),
      'Reported by the offender manager; shared with the agencies involved.',
      at(recorded, 16, rng.int(0, 59)),
      com,
      reviewed ? latest.id : null,
    ]);
  }

  // --- Notifications to the police (SOA 2003 s.83-86), whatever the MAPPA category --------------
  const notification = eligibility.notification;
  const notificationSource = notification
    ? sentences[convictionFacts.findIndex((c) => c.id === notification.convictionId)]
    : undefined;
  const custodyState = notificationCustody(notificationSource, T);
  const police = policeManagerId(seed, a, caseIndex % area.policeOffenderManagers);
  const notified: { kind: 'initial' | 'change' | 'periodic'; on: number }[] = [];
  const changes: PlannedEvent[] = [];
  if (notification && !custodyState.inCustody) {
    const initial = (custodyState.releasedOn ?? toEpochDay(notification.startsOn)) + rng.int(0, 3);
    if (initial < T) {
      notified.push({ kind: 'initial', on: initial });
      const periodic = T - rng.int(0, 400);
      if (periodic > initial + 30) notified.push({ kind: 'periodic', on: periodic });
      changes.push(...planNotificationEvents(rng, initial, lastAddress, aliases > 0, T));
      for (const e of changes)
        if (e.notified !== null && e.kind !== 'foreign_travel')
          notified.push({ kind: 'change', on: e.notified });
    }
  }
  notified.forEach((n, k) =>
    add('offender_notifications', [
      rowId(seed, KIND.notification, person, k),
      id,
      n.kind,
      day(n.on),
      at(n.on, 12),
      police,
    ]),
  );
  const notificationEvents: NotificationEventFacts[] = changes.map((e, k) => ({
    id: rowId(seed, KIND.notificationEvent, person, k),
    kind: e.kind,
    occurredOn: day(e.occurred),
    notifiedOn: e.notified === null ? null : day(e.notified),
  }));
  changes.forEach((e, k) =>
    add('notification_events', [
      notificationEvents[k]!.id,
      id,
      e.kind,
      notificationEvents[k]!.occurredOn,
      notificationEvents[k]!.notifiedOn,
      e.details,
      at(e.recorded, 14),
      police,
    ]),
  );

  // --- Obligations: the rules of recomputeObligations, applied to what was just generated -------
  const level = latest && latest.kind !== 'deregistration' ? latest.level : null;
  const custodyIndex = inCustody ? index : null;
  const onRotl = Boolean(custodyIndex && rotlFrom !== null && rotlFrom <= T);
  const decisionCase: LevelDecisionCase | null = custodyIndex
    ? {
        setting: 'custody',
        conditionalReleaseDate: custodyIndex.crd === null ? null : day(custodyIndex.crd),
        paroleEligibilityDate: custodyIndex.ped == null ? null : day(custodyIndex.ped),
        hdcEligibilityDate: hdcOf(custodyIndex) === null ? null : day(hdcOf(custodyIndex)!),
        firstRotlDate: rotlFrom === null ? null : day(rotlFrom),
      }
    : firstAppointment !== null
      ? { setting: 'community', firstAppointmentOn: day(firstAppointment) }
      : null;
  const levelDue =
    category !== null && level === null && decisionCase ? levelDecisionDue(decisionCase, today) : null;
  const eventDay = (e: (typeof events)[number]) => day(Math.max(e.occurred, e.recorded));
  const review =
    level !== null && latest
      ? reviewDue(
          {
            level: level as 1 | 2 | 3,
            lastReviewedOn: day(latest.decidedOn),
            significantEvents: events.map((e) => ({
              type: e.type as never,
              occurredOn: eventDay(e),
              reviewed: e.reviewed,
            })),
          },
          DEFAULT_AREA_SETTINGS,
          today,
        )
      : null;
  const unreviewed = events
    .filter((e) => !e.reviewed)
    .map(eventDay)
    .sort()[0];
  // Every open duty of someone subject to notification, from what the police recorded.
  const duties = notification
    ? notificationObligations(
        {
          relevantDate: notification.startsOn,
          inCustody: custodyState.inCustody,
          releasedOn: custodyState.releasedOn === null ? null : day(custodyState.releasedOn),
          notifications: notified
            .filter((n) => compareDates(day(n.on), notification.startsOn) >= 0)
            .map((n) => ({ kind: n.kind, notifiedOn: day(n.on) })),
          events: notificationEvents,
          noFixedAbodeSince:
            lastAddress.type === 'no_fixed_abode' && lastAddress.from <= T ? day(lastAddress.from) : null,
        },
        today,
      )
    : [];
  const firstDuty = earliestDuty(duties);
  const finding = eligibility.eligible ? eligibility : (eligibility.ended[0] ?? null);
  let candidate = category3CandidateRule({
    latestRoshOverall: rosh,
    activeMarkers: markers.map((m) => m.type),
    underMappa: category !== null,
  });
  if (candidate && rng.chance(0.3)) {
    // Considered by the coordinator since the last change: off the list until something changes.
    const considered = T - rng.int(0, 9);
    const laterEvent = events.some((e) => compareDates(day(e.occurred), day(considered)) > 0);
    if (!laterEvent && latestRiskRecorded < at(considered, 15)) {
      add('category3_considerations', [
        rowId(seed, KIND.consideration, person),
        id,
        'not_needed',
        'Managed well at Level 1 with domestic abuse checks; reconsider on any new incident.',
        at(considered, 15),
        coordinatorId(seed, a),
      ]);
      candidate = false;
    }
  }
  const release = custodyIndex?.crd ?? null;
  add('nominal_obligations', [
    id,
    area.code,
    category,
    eligibility.reason,
    eligibility.eligible ? eligibility.endsOn : null,
    level,
    Boolean(custodyIndex),
    onRotl,
    release === null ? null : day(release),
    levelDue?.dueOn ?? null,
    levelDue?.basis ??
      (category !== null && level === null ? 'Record the first appointment or release dates' : null),
    review?.dueOn ?? null,
    review?.basis ?? null,
    unreviewed ?? null,
    duties
      .map((d) => d.dueOn)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null,
    latest?.kind === 'reduction' ? day(latest.decidedOn) : null,
    latest?.kind === 'reduction' && Boolean(latest.warning),
    candidate,
    today,
    eligibility.basis ?? null,
    JSON.stringify(findingFacts(finding)),
    firstDuty ? `${firstDuty.basis} (${firstDuty.section})` : null,
    JSON.stringify(duties),
    notification !== null,
    eligibility.classificationNeeded,
    RULES_VERSION,
  ]);
  // The record's own category and level follow the decisions (as recomputeObligations sets them).
  const row = out.nominals[out.nominals.length - 1]!;
  row[11] = category;
  row[12] = level;
  return { category, level, inCustody: Boolean(custodyIndex), candidate };
}

/** Home detention curfew eligibility: as planned, or 135 days before release for terms under 4 years. */
function hdcOf(s: Sentence): number | null {
  if (s.hdc !== undefined) return s.hdc;
  return s.crd === null || (s.lengthMonths ?? 0) >= 48 ? null : s.crd - 135;
}

function prisonNumber(person: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const n = person % (26 * 10_000 * 676);
  const digits = n % 10_000;
  const rest = Math.floor(n / 10_000);
  return `${letters[Math.floor(rest / 676) % 26]}${String(digits).padStart(4, '0')}${letters[Math.floor(rest / 26) % 26]}${letters[rest % 26]}`;
}

/**
 * How the index sentence is shaped. Shares (assumptions; sources in docs/performance.md):
 * - Category 2 custody (violent): life ~10% (murder 4%, discretionary life 6%; MoJ Offender
 *   Management Statistics: ~7,000 life-sentenced of ~88,000 prisoners, more among Schedule 15),
 *   IPP ~3% (abolished 3 December 2012; ~2,700 still in prison, more on licence), EDS ~12%
 *   (~7,000 EDS prisoners), hospital orders ~3%, suspended sentence orders of 12-24 months ~5%,
 *   detention and training orders for the ~3% sentenced under 18.
 * - SOPC (Sentencing Act 2020 s.265/278, Schedule 13) only exists for terrorism offences and the
 *   rape or assault by penetration of a child under 13, so it is drawn there (~2% of the custodial
 *   cases overall), not for violent offences.
 * - Sexual custody: EDS ~15%, life ~1%, a few short terms passed in weeks (magistrates).
 */
type Route =
  | 'conviction'
  | 'connection'
  | 'risk_decision'
  | 'cta_order'
  | 'notification_order'
  | 'interim_notification_order';

/** Days of a term of months, roughly (placing dates only; the record holds exact dates). */
const DAYS_PER_MONTH = 30.4;
const IPP_ABOLISHED = toEpochDay('2012-12-03');

/**
 * Shapes sentences for one person (methods rather than closures: a closure per person costs the
 * generator measurably at national scale).
 */
class SentencePlanner {
  constructor(
    private readonly rng: Random,
    private readonly T: number,
    /** The earliest a sentence may start: 18 years and a month after birth, unless sentenced as a child. */
    private readonly adult: number,
  ) {}

  custody(
    offence: DemoOffence,
    length: number,
    stillIn: boolean,
    onLicence: boolean,
    type: SentenceType | null = null,
    extension: number | null = null,
  ): Sentence {
    const { rng, T } = this;
    const indeterminate = type === 'life' || type === 'ipp' || type === 'hmp';
    // Served before release: half a determinate term or DTO; two-thirds of an EDS custodial term
    // (parole eligibility), half a SOPC's; the minimum term of an indeterminate sentence.
    const served = indeterminate
      ? length
      : type === 'extended'
        ? Math.round((length * 2) / 3)
        : Math.max(1, Math.round(length / 2));
    // The Parole Board releases later than eligibility, now and then much later.
    const parole = indeterminate || type === 'extended' || type === 'sopc';
    const delay = parole ? rng.int(0, 500) : 0;
    const total = indeterminate ? null : length + (extension ?? 0);
    const servedDays = Math.round(served * DAYS_PER_MONTH) + delay;
    const onLicenceUntil = total === null ? servedDays + rng.int(30, 12 * 365) : total * 30 - 10;
    let start: number;
    if (stillIn) start = T - rng.int(0, Math.max(0, servedDays - 20));
    else if (onLicence) start = T - rng.int(servedDays + 5, Math.max(servedDays + 6, onLicenceUntil));
    else start = T - rng.int(servedDays + 5, servedDays + 5 + rng.int(30, 6 * 365));
    start = Math.max(start, this.adult);
    if (type === 'ipp') start = Math.min(start, IPP_ABOLISHED - rng.int(1, 6 * 365));
    const crd = indeterminate ? null : monthsAfter(start, parole ? length : served);
    const ped = parole ? monthsAfter(start, served) : null;
    const released = (ped ?? crd!) + delay;
    return sentence(offence, 'custody', length, start, {
      start,
      crd,
      led: total === null ? null : monthsAfter(start, total),
      released: stillIn ? Math.max(released, T + 1) : Math.min(released, T - 1),
      sentenceType: type,
      extensionMonths: extension,
      ped,
      hdc: crd === null || parole || length >= 48 ? null : crd - 135,
    });
  }

  /** A short term passed in weeks (recorded as days), as magistrates' courts do. */
  weeks(offence: DemoOffence, stillIn: boolean): Sentence {
    const days = this.rng.int(4, 26) * 7;
    const s = this.custody(offence, Math.max(1, Math.round(days / DAYS_PER_MONTH)), stillIn, false);
    const crd = s.start! + Math.floor(days / 2);
    s.lengthMonths = null;
    s.lengthDays = days;
    s.crd = crd;
    s.led = s.start! + days - 1;
    s.released = stillIn ? Math.max(crd, this.T + 1) : crd;
    s.hdc = null;
    return s;
  }

  community(offence: DemoOffence, outcome: Outcome, length: number | null, withinDays: number): Sentence {
    return sentence(offence, outcome, length, Math.max(this.adult, this.T - this.rng.int(20, withinDays)));
  }

  /** A suspended sentence order: the term, its operational period (12-24 months) and supervision. */
  suspended(offence: DemoOffence, length: number, withinDays?: number): Sentence {
    const { rng } = this;
    const operational = rng.int(Math.max(12, length), 24);
    const within = withinDays ?? Math.round(operational * DAYS_PER_MONTH) - 5;
    const s = this.community(offence, 'suspended_sentence', length, Math.max(21, within));
    s.operationalMonths = operational;
    s.supervisionMonths = rng.chance(0.8) ? rng.int(6, operational) : null;
    return s;
  }
}

/** Every sentence has the same shape (all fields present), which keeps property access fast. */
function sentence(
  offence: DemoOffence,
  outcome: Outcome,
  lengthMonths: number | null,
  convicted: number,
  custody: Partial<Sentence> = {},
): Sentence {
  return {
    offence,
    outcome,
    lengthMonths,
    convicted,
    start: custody.start ?? null,
    crd: custody.crd ?? null,
    led: custody.led ?? null,
    released: custody.released ?? null,
    ped: custody.ped ?? null,
    hdc: custody.hdc === undefined ? undefined : custody.hdc,
    sentenceType: custody.sentenceType ?? null,
    lengthDays: null,
    extensionMonths: custody.extensionMonths ?? null,
    operationalMonths: null,
    supervisionMonths: null,
    consecutiveTo: null,
    terroristConnection: false,
    victimAge: null,
    disposalEnded: null,
    notificationEnded: null,
  };
}

/** The index sentence for what the person is meant to be, placed so that it holds today. */
function planSentence(
  rng: Random,
  pools: OffencePools,
  intent: Intent,
  route: Route,
  inCustody: boolean,
  T: number,
  born: number,
  youth: boolean,
): Sentence {
  const plan = new SentencePlanner(rng, T, youth ? -Infinity : born + 18 * 365 + 30);
  // No qualifying conviction: Category 4 by decision or by an order, Category 1 by an order.
  if (
    route === 'risk_decision' ||
    route === 'cta_order' ||
    route === 'notification_order' ||
    route === 'interim_notification_order'
  )
    return plan.community(rng.pick(pools.other), 'community_order', rng.int(6, 24), 6 * 365);
  switch (intent) {
    case 1: {
      const offence = rng.pick(pools.sexual);
      if (youth) return plan.custody(offence, rng.pick([12, 18, 24]), inCustody, true, 'dto');
      const underThirteen = /under 13/.test(offence.offence) && /Rape|penetration/.test(offence.offence);
      if (inCustody || rng.float() < 0.45) {
        const stillIn = inCustody;
        const onLicence = stillIn ? false : rng.chance(0.4);
        const roll = rng.float();
        if (underThirteen && roll < 0.25)
          return plan.custody(offence, rng.int(48, 180), stillIn, true, 'sopc', 12);
        if (roll < 0.01) return plan.custody(offence, rng.int(60, 180), stillIn, true, 'life');
        if (roll < 0.16)
          return plan.custody(offence, rng.int(48, 120), stillIn, true, 'extended', rng.int(12, 96));
        if (roll < 0.19) return plan.weeks(offence, stillIn);
        return plan.custody(offence, stillIn ? rng.int(18, 180) : rng.int(12, 120), stillIn, onLicence);
      }
      if (rng.chance(0.64)) return plan.community(offence, 'community_order', rng.int(12, 36), 4 * 365);
      return plan.suspended(offence, rng.int(8, 24), 8 * 365);
    }
    case 2: {
      if (youth) return plan.custody(rng.pick(pools.violent), rng.pick([12, 18, 24]), inCustody, true, 'dto');
      const roll = rng.float();
      if (roll < 0.04) return plan.custody(pools.murder, rng.int(144, 300), inCustody, true, 'life');
      const offence = rng.pick(pools.violent);
      if (roll < 0.1) return plan.custody(offence, rng.int(48, 180), inCustody, true, 'life');
      if (roll < 0.13) return plan.custody(offence, rng.int(24, 96), inCustody, true, 'ipp');
      if (roll < 0.25)
        return plan.custody(offence, rng.int(48, 144), inCustody, true, 'extended', rng.int(12, 60));
      if (!inCustody && roll < 0.28)
        return plan.community(
          offence,
          rng.chance(0.6) ? 'hospital_order_restricted' : 'hospital_order',
          null,
          8 * 365,
        );
      if (!inCustody && roll < 0.33) return plan.suspended(offence, rng.int(12, 24));
      return plan.custody(offence, rng.int(12, 150), inCustody, true);
    }
    case 4: {
      if (route === 'connection') {
        const s = plan.custody(rng.pick(pools.violent), rng.int(24, 120), inCustody, true);
        s.terroristConnection = true;
        return s;
      }
      const offence = rng.pick(pools.terrorism);
      const roll = rng.float();
      if (roll < 0.15) return plan.custody(offence, rng.int(48, 168), inCustody, true, 'sopc', 12);
      if (roll < 0.2) return plan.custody(offence, rng.int(120, 360), inCustody, true, 'life');
      if (roll < 0.35)
        return plan.custody(offence, rng.int(48, 120), inCustody, true, 'extended', rng.int(12, 96));
      return plan.custody(offence, rng.int(24, 120), inCustody, true);
    }
    case 3:
      return rng.chance(0.6)
        ? plan.community(rng.pick(pools.domesticAbuse), 'community_order', rng.int(12, 24), 2 * 365)
        : plan.custody(rng.pick(pools.domesticAbuse), rng.int(3, 11), false, false);
    default: {
      const offence = rng.chance(0.15) ? rng.pick(pools.violent) : rng.pick(pools.other);
      // Violent offences outside MAPPA: a community sentence or under 12 months inside.
      if (inCustody) {
        if (rng.chance(0.15)) return plan.weeks(offence, true);
        return plan.custody(offence, offence.schedule15 ? rng.int(3, 11) : rng.int(3, 48), true, false);
      }
      return rng.chance(0.7)
        ? plan.community(offence, 'community_order', rng.int(6, 24), 700)
        : plan.suspended(offence, rng.int(3, 11), 700);
    }
  }
}

/**
 * The victim's age at a sexual offence, as Schedule 3's conditions need it: fixed by the offence
 * where its name says so, otherwise drawn; about one in eight not recorded, so the rules' "Schedule
 * 3 threshold not established" path is exercised as it is in real records.
 */
function victimAge(rng: Random, offence: DemoOffence): VictimAge | null {
  const name = offence.offence;
  if (/under 13/i.test(name)) return 'under_13';
  if (/pornographic|prostitution|manual|public decency/i.test(name)) return 'no_victim';
  if (rng.chance(0.12)) return null;
  // For indecent images, the age of the child shown (Sch.3 para 13 turns on "under 16").
  if (/photograph/i.test(name))
    return rng.weighted<VictimAge>([
      ['under_13', 45],
      ['13_to_15', 50],
      ['16_or_17', 5],
    ]);
  if (/child/i.test(name))
    return rng.weighted<VictimAge>([
      ['under_13', 30],
      ['13_to_15', 60],
      ['16_or_17', 10],
    ]);
  if (/aged 16 or over/i.test(name)) return rng.chance(0.85) ? '18_or_over' : '16_or_17';
  return rng.weighted<VictimAge>([
    ['18_or_over', 60],
    ['16_or_17', 10],
    ['13_to_15', 20],
    ['under_13', 10],
  ]);
}

/**
 * More custodial convictions besides a determinate index term: ~10% have a second count sentenced
 * the same day (half ordered to run consecutively, whose terms SOA 2003 s.82(3) and CJA 2003
 * s.327 aggregate; half concurrent), ~25% an older custodial term long served. So about 15% of
 * people with two or more custodial convictions have a consecutive term. A second count carries
 * the booking's dates (prisons compute one set of dates for the aggregate term).
 */
function addOtherCounts(
  rng: Random,
  pools: OffencePools,
  sentences: Sentence[],
  T: number,
  born: number,
): void {
  const index = sentences[0]!;
  if (index.outcome !== 'custody' || index.sentenceType != null || index.lengthMonths === null) return;
  const pool =
    index.offence.kind === 'sexual'
      ? pools.sexual
      : index.offence.kind === 'violent'
        ? pools.violent
        : pools.other;
  if (index.lengthMonths >= 6 && rng.chance(0.1)) {
    const offence = rng.pick(pool);
    const whole = index.lengthMonths;
    const consecutive = rng.chance(0.5);
    const second = consecutive ? rng.int(3, Math.floor(whole / 2)) : rng.int(3, whole);
    if (consecutive) index.lengthMonths = whole - second;
    sentences.push({
      ...index,
      offence,
      lengthMonths: second,
      consecutiveTo: consecutive ? 0 : null,
    });
  }
  if (rng.chance(0.25)) {
    const convicted = Math.min(index.convicted - 400, T - rng.int(5 * 365, 20 * 365));
    if (convicted - born < 18 * 365) return;
    const length = rng.int(2, 18);
    const crd = monthsAfter(convicted, Math.max(1, Math.round(length / 2)));
    sentences.push(
      sentence(rng.pick(pools.other), 'custody', length, convicted, {
        start: convicted,
        crd,
        led: monthsAfter(convicted, length),
        released: crd,
      }),
    );
  }
}

/**
 * Histories that once made someone a MAPPA nominal and no longer do, so the rules must let them
 * go: a hospital order since discharged (~0.4% of the non-MAPPA caseload), indefinite notification
 * discharged on review after 15 years (SOA 2003 s.91A-91F, ~0.3%), and a sexual offence dealt with
 * by an absolute discharge, which is not notifiable (~0.3%).
 */
function addPastHistory(
  rng: Random,
  pools: OffencePools,
  sentences: Sentence[],
  T: number,
  born: number,
): void {
  const roll = rng.float();
  if (roll >= 0.01) return;
  let past: Sentence;
  if (roll < 0.004) {
    const outcome = rng.chance(0.5) ? 'hospital_order_restricted' : 'hospital_order';
    past = sentence(rng.pick(pools.violent), outcome, null, T - rng.int(6 * 365, 15 * 365));
    past.disposalEnded = past.convicted + rng.int(365, 4 * 365);
  } else if (roll < 0.007) {
    const convicted = T - rng.int(17 * 365, 30 * 365);
    const length = rng.int(36, 72);
    const crd = monthsAfter(convicted, Math.round(length / 2));
    past = sentence(rng.pick(pools.sexual), 'custody', length, convicted, {
      start: convicted,
      crd,
      led: monthsAfter(convicted, length),
      released: crd,
    });
    past.notificationEnded = T - rng.int(30, 3 * 365);
  } else {
    const offence = rng.pick(pools.sexual.filter((o) => !o.schedule15));
    past = sentence(offence, 'absolute_discharge', null, T - rng.int(365, 5 * 365));
  }
  if (past.convicted - born >= 18 * 365) sentences.push(past);
}

interface PlannedOrder {
  kind: OrderKind;
  madeOn: number;
  endsOn: number | null;
  court: string | null;
  foreignConvicted: number | null;
  foreignOutcome: Outcome | null;
  foreignLengthMonths: number | null;
  notes: string | null;
}

/**
 * Civil orders. Sexual harm prevention orders for ~40% of people convicted of a sexual offence
 * (about 5,000 SHPOs a year are made against ~12,000 Schedule 3 convictions, most at sentencing,
 * some on a police application later; about half indefinite, the rest at least 5 years,
 * SOA 2003 s.103C(2)), a few interim SHPOs pending an application; notification orders for
 * convictions abroad (SOA 2003 s.97) and their interim orders, and CTA 2008 Schedule 4
 * notification orders, for the people whose category rests on them.
 */
function planOrders(
  rng: Random,
  route: Route,
  intent: Intent,
  index: Sentence,
  places: AreaPlaces,
  T: number,
): PlannedOrder[] {
  const byOrder =
    route === 'notification_order' || route === 'interim_notification_order' || route === 'cta_order';
  if (!byOrder && (route !== 'conviction' || intent !== 1 || index.offence.kind !== 'sexual')) return [];
  const magistrates = () => (places.courts.length ? rng.pick(places.courts) : null);
  const foreign = (madeOn: number, terrorism: boolean) => {
    const custody = terrorism || rng.chance(0.7);
    return {
      foreignConvicted: madeOn - rng.int(365, 8 * 365),
      foreignOutcome: (custody ? 'custody' : 'community_order') as Outcome,
      foreignLengthMonths: custody ? rng.int(terrorism ? 24 : 6, 120) : rng.int(12, 36),
    };
  };
  const order = (
    kind: OrderKind,
    madeOn: number,
    endsOn: number | null,
    rest: Partial<PlannedOrder> = {},
  ) => ({
    kind,
    madeOn,
    endsOn,
    court: magistrates(),
    foreignConvicted: null,
    foreignOutcome: null,
    foreignLengthMonths: null,
    notes: null,
    ...rest,
  });
  switch (route) {
    case 'notification_order': {
      const madeOn = T - rng.int(60, 6 * 365);
      return [
        order('notification_order', madeOn, null, { ...foreign(madeOn, false), notes: 'Conviction abroad' }),
      ];
    }
    case 'interim_notification_order': {
      const madeOn = T - rng.int(5, 60);
      return [
        order('interim_notification_order', madeOn, madeOn + rng.int(90, 180), {
          ...foreign(madeOn, false),
          notes: 'Pending the full hearing',
        }),
      ];
    }
    case 'cta_order': {
      const madeOn = T - rng.int(60, 5 * 365);
      return [
        order('cta_notification_order', madeOn, null, {
          ...foreign(madeOn, true),
          notes: 'Terrorism conviction abroad',
        }),
      ];
    }
    case 'conviction':
      break;
    default:
      return [];
  }
  if (intent !== 1 || index.offence.kind !== 'sexual') return [];
  const orders: PlannedOrder[] = [];
  if (rng.chance(0.4)) {
    const atSentence = rng.chance(0.8);
    const madeOn = atSentence ? index.convicted : Math.max(index.convicted + 30, T - rng.int(30, 3 * 365));
    if (madeOn < T) {
      const court = atSentence && places.crownCourts.length ? rng.pick(places.crownCourts) : magistrates();
      orders.push({
        ...order(
          'shpo',
          madeOn,
          rng.chance(0.5) ? null : monthsAfter(madeOn, rng.pick([60, 84, 120, 180])) - 1,
        ),
        court,
      });
    }
  }
  if (rng.chance(0.02)) {
    const madeOn = T - rng.int(10, 120);
    if (madeOn > index.convicted)
      orders.push(
        order('interim_shpo', madeOn, madeOn + rng.int(90, 240), { notes: 'Pending the application' }),
      );
  }
  return orders;
}

interface PlannedEvent {
  kind: NotificationEventKind;
  occurred: number;
  notified: number | null;
  recorded: number;
  details: string;
}

/**
 * What the police recorded since the initial notification: a move to the latest home (most
 * notified within the 3 days of s.84, a few late, a few never), foreign travel (~12%, notified 7
 * days or more before departure, s.86 and SI 2004/1220 as amended), a change of name (~4% of those
 * with an alias), stays of 7 days at another address (~5%) or in a household with a child (~2%),
 * and for ~3% something very recent not yet notified (due, or just overdue).
 */
function planNotificationEvents(
  rng: Random,
  initial: number,
  lastAddress: { from: number; type: string },
  hasAlias: boolean,
  T: number,
): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  const change = (kind: NotificationEventKind, occurred: number, details: string, late = rng.float()) => {
    let notified: number | null =
      late < 0.93 ? occurred + rng.int(0, 2) : late < 0.97 ? occurred + rng.int(3, 20) : null;
    if (notified !== null && notified > T) notified = null;
    const recorded = notified ?? Math.min(T, occurred + rng.int(0, 30));
    events.push({ kind, occurred, notified, recorded, details });
  };
  if (lastAddress.from > initial && lastAddress.type !== 'approved_premises')
    change(
      'home_address_change',
      lastAddress.from,
      lastAddress.type === 'no_fixed_abode' ? 'Now of no fixed abode' : 'Moved to a new home address',
    );
  if (hasAlias && rng.chance(0.04)) {
    const on = Math.max(initial + 1, T - rng.int(30, 900));
    if (on <= T) change('name_change', on, 'Uses a new surname');
  }
  if (rng.chance(0.05)) {
    const on = Math.max(initial + 7, T - rng.int(0, 700));
    if (on <= T) change('other_address_stay', on, 'Staying with a relative for more than 7 days');
  }
  if (rng.chance(0.02)) {
    const on = Math.max(initial + 1, T - rng.int(0, 700));
    if (on <= T) change('child_household_stay', on, 'Stayed at a household where a child under 18 lives');
  }
  if (rng.chance(0.12)) {
    const departs = Math.max(initial + 10, T - rng.int(-60, 600));
    const notice = rng.int(7, 40);
    const unnotified = rng.chance(0.03) && departs <= T;
    if (unnotified)
      events.push({
        kind: 'foreign_travel',
        occurred: departs,
        notified: null,
        recorded: Math.min(T, departs + rng.int(1, 30)),
        details: 'Travelled to Spain without notice',
      });
    else if (departs - notice <= T)
      events.push({
        kind: 'foreign_travel',
        occurred: departs,
        notified: departs - notice,
        recorded: departs - notice,
        details: 'Intends to travel to Spain for 10 days',
      });
  }
  if (rng.chance(0.03)) {
    const on = T - rng.int(0, 10);
    if (on > initial)
      change(
        rng.chance(0.5) ? 'home_address_change' : 'other_address_stay',
        on,
        'Reported by a neighbour; not yet notified',
        1,
      );
  }
  return events;
}

/**
 * Custody for the conviction notification rests on, as recomputeObligations reads it from the
 * record: released (or past the conditional release date), not yet started, or inside.
 */
function notificationCustody(
  s: Sentence | undefined,
  T: number,
): { inCustody: boolean; releasedOn: number | null } {
  if (!s || s.outcome !== 'custody') return { inCustody: false, releasedOn: null };
  if (s.released !== null && s.released <= T) return { inCustody: false, releasedOn: s.released };
  if (s.crd !== null && s.crd <= T) return { inCustody: false, releasedOn: s.crd };
  if (s.start !== null && s.start > T) return { inCustody: false, releasedOn: null };
  return { inCustody: true, releasedOn: null };
}

interface Management {
  level: 1 | 2 | 3;
  /** The Level 2/3 period: referral submitted, accepted, meetings until `endedOn` (stepped down) or today. */
  referredOn: number;
  acceptedOn: number | null;
  rejected: boolean;
  meetingLevel: 2 | 3;
  meetingsUntil: number;
  steppedDownOn: number | null;
  /** Meetings stopped slipping behind (the review became overdue). */
  slipped: boolean;
}

function planManagement(
  rng: Random,
  level: 1 | 2 | 3,
  intent: Intent,
  index: Sentence,
  T: number,
): Management | null {
  const earliest = Math.max(index.convicted + 45, T - 5 * 365);
  if (level >= 2 || intent === 3) {
    if (earliest > T - 30) {
      if (intent === 3) return null;
      return null;
    }
    const referredOn = T - Math.floor(rng.float() ** 1.5 * (T - 30 - earliest)) - 30;
    const slipped = rng.chance(0.08);
    return {
      level: level === 1 ? 2 : level,
      referredOn,
      acceptedOn: referredOn + rng.int(1, 10),
      rejected: false,
      meetingLevel: level === 3 ? 3 : 2,
      meetingsUntil: slipped ? T - rng.int(120, 200) : T,
      steppedDownOn: null,
      slipped,
    };
  }
  // Level 1 today: some were at Level 2 before and stepped down; some referrals were rejected.
  const roll = rng.float();
  if (roll < 0.03 && earliest < T - 400) {
    const referredOn = rng.int(earliest, T - 400);
    const until = Math.min(T - 60, referredOn + rng.int(150, 700));
    return {
      level: 1,
      referredOn,
      acceptedOn: referredOn + rng.int(1, 10),
      rejected: false,
      meetingLevel: 2,
      meetingsUntil: until,
      steppedDownOn: until + rng.int(1, 20),
      slipped: false,
    };
  }
  if (roll < 0.05 && earliest < T - 60) {
    const referredOn = rng.int(earliest, T - 60);
    return {
      level: 1,
      referredOn,
      acceptedOn: null,
      rejected: true,
      meetingLevel: 2,
      meetingsUntil: referredOn,
      steppedDownOn: null,
      slipped: false,
    };
  }
  return null;
}

type Decide = (
  level: number,
  kind: string,
  decidedOn: number,
  rationale: string,
  meetingId?: string | null,
  continues?: string | null,
) => { id: string };

const MINUTE_TEXT: Record<string, string> = {
  confidentiality: 'Confidentiality and diversity statement read; all present agreed.',
  victimLiaison:
    'The victim liaison officer reported the victim remains opted in and asked for the exclusion zone to stay.',
  personsViews:
    'The offender manager shared his views from supervision: he wants to keep his job and see his children.',
  diversity: 'No protected characteristics affecting engagement; reading support offered.',
  newInformation: 'Police shared two call-outs to the address; no arrests.',
  previousActions: 'Previous actions reviewed; see the action list.',
  riskAssessment: 'Risk of serious harm to a known adult remains high; imminence not assessed as immediate.',
  supervision: 'Weekly supervision, with joint home visits by police and probation.',
  monitoringAndControl: 'Curfew and exclusion zone on licence; electronic monitoring continues.',
  interventionsAndTreatment: 'Building Better Relationships programme; substance misuse referral.',
  victimSafetyPlanning: 'Marker on the victim’s address; IDVA contact maintained.',
  contingency: 'Any breach of the exclusion zone: recall considered at once; police to attend.',
  disclosure: 'Disclosure considered: not needed at present; reviewed at the next meeting.',
  levelAndNextMeeting: 'Level unchanged. Next meeting in 16 weeks.',
};

function writeManagement(
  ctx: GenerationContext,
  out: Rows,
  rng: Random,
  person: number,
  nominalId: string,
  areaCode: string,
  a: number,
  agencies: AreaAgencies,
  m: Management,
  index: Sentence,
  decide: Decide,
  category: number | null,
  com: string,
): void {
  const seed = ctx.plan.seed;
  const T = toEpochDay(ctx.today);
  const referralId = rowId(seed, KIND.referral, person);
  const coordinator = coordinatorId(seed, a);
  const standing = [agencies.police[0], agencies.probation[0], ...agencies.standing].filter(
    (x): x is string => Boolean(x),
  );
  // Agencies invited for this case, beyond the standing panel: housing providers, health trusts…
  const invited = agencies.dtc
    .filter((d) => !standing.includes(d.id))
    .slice(0, 2)
    .map((d) => d.id);
  out.referrals.push([
    referralId,
    nominalId,
    areaCode,
    m.rejected ? 'rejected' : 'accepted',
    m.meetingLevel,
    category === 3,
    false,
    'Escalating risk to a known adult: repeated incidents reported by police; agencies need to co-ordinate.',
    'Formal meetings add housing and children’s social care to the plan.',
    invited,
    JSON.stringify({ offence: index.offence.offence, referredOn: fromEpochDay(m.referredOn) }),
    at(m.referredOn - 2, 9),
    com,
    at(m.referredOn, 17),
    at(m.referredOn, 17),
  ]);
  if (m.rejected) {
    out.referral_decisions.push([
      rowId(seed, KIND.referralDecision, person),
      referralId,
      'rejected',
      null,
      'Risk can be managed at Level 1: the lead agency’s plan covers it; share police call-outs weekly.',
      'coordinator',
      coordinator,
      null,
      at(m.referredOn + rng.int(1, 7), 12),
    ]);
    return;
  }
  const accepted = m.acceptedOn!;
  const escalation = decide(
    m.meetingLevel,
    category === 3 ? 'initial' : 'escalation',
    accepted,
    'Referral accepted: formal multi-agency meetings add value (high risk of serious harm).',
  );
  out.referral_decisions.push([
    rowId(seed, KIND.referralDecision, person),
    referralId,
    'accepted',
    m.meetingLevel,
    'High risk of serious harm and agencies must actively co-ordinate: accepted.',
    'coordinator',
    coordinator,
    escalation.id,
    at(accepted, 12),
  ]);
  const every =
    (m.meetingLevel === 3
      ? DEFAULT_AREA_SETTINGS.level3ReviewWeeks
      : DEFAULT_AREA_SETTINGS.level2ReviewWeeks) * 7;
  let meetingNo = 0;
  let actionNo = 0;
  let updateNo = 0;
  let openActions: { id: string; due: number }[] = [];
  for (let on = accepted + rng.int(7, 20); ; on += every + rng.int(-7, 7)) {
    const past = on <= m.meetingsUntil && on < T;
    // Each nominal's own series; the next one is scheduled (unless the case stepped down or slipped).
    if (!past && (m.steppedDownOn !== null || m.slipped || meetingNo === 0)) break;
    const meetingId = rowId(seed, KIND.meeting, person, meetingNo);
    const startsAt = at(on, 10 + (person % 6), 0);
    const chair = chairId(seed, a, person + meetingNo);
    out.meetings.push([
      meetingId,
      areaCode,
      m.meetingLevel,
      startsAt,
      rng.chance(0.8) ? 'online' : 'in_person',
      null,
      null,
      chair,
      past ? 'closed' : 'scheduled',
      past ? at(on, 17) : null,
      past ? chair : null,
      at(on - 14, 9),
      coordinator,
    ]);
    out.meeting_nominals.push([meetingId, nominalId, meetingNo === 0 ? referralId : null, 0]);
    standing.forEach((agencyId, k) =>
      out.meeting_invitations.push([
        rowId(seed, KIND.invitation, person, meetingNo * 16 + k),
        meetingId,
        agencyId,
        true,
        at(on - 14, 9),
        coordinator,
      ]),
    );
    invited.forEach((agencyId, k) =>
      out.meeting_invitations.push([
        rowId(seed, KIND.invitation, person, meetingNo * 16 + 8 + k),
        meetingId,
        agencyId,
        false,
        at(on - 14, 9),
        coordinator,
      ]),
    );
    if (!past) break;
    standing.forEach((agencyId, k) => {
      const attendance = rng.chance(0.82) ? 'attended' : rng.chance(0.7) ? 'apologies' : 'absent';
      out.meeting_attendance.push([
        rowId(seed, KIND.attendance, person, meetingNo * 16 + k),
        meetingId,
        agencyId,
        'Agency representative',
        null,
        attendance,
        at(on, 17),
        coordinator,
      ]);
    });
    out.minutes.push([
      rowId(seed, KIND.minutes, person, meetingNo),
      meetingId,
      nominalId,
      1,
      'approved',
      JSON.stringify(Object.fromEntries(AGENDA_ITEM_KEYS.map((k) => [k, MINUTE_TEXT[k] ?? '']))),
      at(on + 2, 12),
      coordinator,
      at(on + 3, 12),
      chair,
    ]);
    // Actions from the previous meeting are reviewed here: most done, some carried on.
    for (const action of openActions) {
      const done = rng.chance(0.8);
      out.action_updates.push([
        rowId(seed, KIND.actionUpdate, person, updateNo++),
        action.id,
        meetingId,
        done ? 'Done and confirmed at the meeting.' : 'Still in progress; carried forward.',
        done ? 'completed' : 'open',
        at(on, 16),
        chair,
      ]);
      if (done) {
        const row = out.actions.find((r) => r[0] === action.id)!;
        row[10] = 'completed';
        row[14] = fromEpochDay(Math.min(on, action.due));
      }
    }
    openActions = openActions.filter((o) => out.actions.find((r) => r[0] === o.id)![10] === 'open');
    const newActions = rng.int(1, 3);
    for (let k = 0; k < newActions; k++) {
      const actionId = rowId(seed, KIND.action, person, actionNo++);
      const pillar = rng.pick(PILLARS);
      const owner = k === 0 ? (agencies.police[0] ?? agencies.probation[0]!) : agencies.probation[0]!;
      const due = on + rng.int(14, 70);
      out.actions.push([
        actionId,
        nominalId,
        meetingId,
        pillar === 'victim_safety_planning'
          ? 'Update the victim safety plan with the IDVA'
          : pillar === 'monitoring_and_control'
            ? 'Home visit to check the address and who lives there'
            : 'Review progress on the programme with the provider',
        pillar,
        pillar === 'victim_safety_planning' && rng.chance(0.3),
        owner,
        k === 0 ? null : com,
        k === 0 ? 'Police offender manager' : 'Offender manager',
        fromEpochDay(due),
        'open',
        at(on, 16),
        chair,
        at(on + 1, 9),
        null,
      ]);
      openActions.push({ id: actionId, due });
    }
    out.risk_management_plans.push([
      nominalId,
      meetingNo + 1,
      MINUTE_TEXT.supervision,
      MINUTE_TEXT.monitoringAndControl,
      MINUTE_TEXT.interventionsAndTreatment,
      MINUTE_TEXT.victimSafetyPlanning,
      MINUTE_TEXT.contingency,
      JSON.stringify([
        'Reside at an address approved by the supervising officer',
        'No contact with the victim',
        'Exclusion zone',
      ]),
      meetingNo === 0 ? 'First plan at the first meeting' : 'Reviewed at the meeting',
      meetingId,
      at(on, 17),
      com,
    ]);
    decide(m.meetingLevel, 'review', on, 'Reviewed at the meeting: the level stays.', meetingId);
    meetingNo += 1;
  }
  if (m.steppedDownOn !== null && m.steppedDownOn < T) {
    decide(
      1,
      'reduction',
      m.steppedDownOn,
      'Purpose achieved: actions completed, the plan is stable; back to lead-agency management.',
      null,
      'Monthly police home visits and domestic abuse checks continue at Level 1.',
    );
  }
}
