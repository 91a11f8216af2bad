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
import { category3CandidateRule, mappaEligibility, type ConvictionFacts } from '../../domain/eligibility.ts';
import { makeVigilReference, pncCheckCharacter } from '../../domain/identifiers.ts';
import { initialNotificationDue, nextRenotificationDue } from '../../domain/notification-requirements.ts';
import { Random, hashSeed } from '../demo/random.ts';
import type { DemoOffence } from '../demo/reference.ts';
import { KIND, areaOfPerson, rowId, type GenerationPlan } from './plan.ts';
import type { GenerationReference } from './reference.ts';
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
  const born = T - age * 365 - rng.int(0, 364);

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
  const index = planSentence(rng, ctx.offences, intent, inCustodyIntended, T, born);
  const domesticAbusePattern = intent === 3 || (intent === 'other' && rng.chance(0.22));
  if (intent === 'other' && domesticAbusePattern && index.offence.kind === 'other')
    index.offence = rng.pick(ctx.offences.domesticAbuse);

  const sentences: Sentence[] = [index];
  const previous = rng.int(0, 3);
  for (let k = 0; k < previous; k++) {
    const convicted = Math.min(index.convicted - 200, T - rng.int(5 * 365, 20 * 365));
    if (convicted - born < 18 * 365) break;
    sentences.push({
      offence: rng.pick(ctx.offences.other),
      outcome: rng.pick(['fine', 'community_order', 'conditional_discharge'] as const),
      lengthMonths: null,
      convicted,
      start: null,
      crd: null,
      led: null,
      released: null,
    });
  }
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

  const convictionFacts: ConvictionFacts[] = sentences.map((s, k) => ({
    id: rowId(seed, KIND.conviction, person, k),
    offence: s.offence.offence,
    schedule3: s.offence.schedule3,
    schedule15: s.offence.schedule15,
    terrorism: s.offence.terrorism,
    murder: /^murder\b/i.test(s.offence.offence),
    kind: s.offence.kind as never,
    outcome: s.outcome,
    lengthMonths: s.lengthMonths,
    convictionDate: day(s.convicted),
    sentenceStart: s.start === null ? null : day(s.start),
    licenceExpiryDate: s.led === null ? null : day(s.led),
    sentenceExpiryDate: s.led === null ? null : day(s.led),
  }));
  const eligibility = mappaEligibility(
    {
      dateOfBirth: day(born),
      convictions: convictionFacts,
      category3Decision: category3AcceptedOn ? { acceptedOn: day(category3AcceptedOn), endedOn: null } : null,
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
  ]);

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
  let from = Math.max(born + 18 * 365, T - rng.int(3 * 365, 12 * 365));
  for (let k = 0; k < homes; k++) {
    const last = k === homes - 1 || from > T - 400;
    const to = last ? null : Math.min(T - 30, from + rng.int(200, 1500));
    const town = rng.pick(places.towns);
    const district = rng.pick(town.postcodeAreas);
    const type =
      last && !inCustody && index.released !== null && T - index.released < 120 && rng.chance(0.4)
        ? 'approved_premises'
        : 'home';
    add('addresses', [
      rowId(seed, KIND.address, person, k),
      id,
      type,
      `${rng.int(1, 180)} ${rng.pick(reference.streets)}`,
      town.town,
      `${district} ${rng.int(1, 9)}${INWARD[rng.int(0, INWARD.length - 1)]}${INWARD[rng.int(0, INWARD.length - 1)]}`,
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
    add('convictions', [
      rowId(seed, KIND.conviction, person, k),
      id,
      s.offence.offence,
      day(s.convicted - rng.int(30, 300)),
      day(s.convicted),
      courts.length ? rng.pick(courts) : null,
      s.outcome,
      s.lengthMonths,
      k === 0,
      s.start === null ? null : day(s.start),
      s.crd === null ? null : day(s.crd),
      null,
      s.crd === null || (s.lengthMonths ?? 0) >= 48 ? null : day(s.crd - 135),
      s.led === null ? null : day(s.led),
      s.led === null ? null : day(s.led),
      s.released === null || s.released > T ? null : day(s.released),
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
    markers.push({ type, start: Math.max(born + 18 * 365, T - rng.int(60, 2000)) });
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
  if (inCustody) {
    const k = (caseIndex * 7) % area.prisonOffenderManagers;
    manager('prison_offender_manager', pomId(seed, a, k), pomAgency(agencies, k));
  }
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

  // --- Notifications (Category 1 in the community) --------------------------------------------
  let lastNotified: number | null = null;
  if (category === 1 && !inCustody) {
    const initial = (index.released ?? index.convicted) + rng.int(0, 3);
    if (initial < T) {
      add('offender_notifications', [
        rowId(seed, KIND.notification, person, 0),
        id,
        'initial',
        day(initial),
        at(initial, 12),
        policeManagerId(seed, a, caseIndex % area.policeOffenderManagers),
      ]);
      lastNotified = initial;
      const periodic = T - rng.int(0, 400);
      if (periodic > initial + 30) {
        add('offender_notifications', [
          rowId(seed, KIND.notification, person, 1),
          id,
          'periodic',
          day(periodic),
          at(periodic, 12),
          policeManagerId(seed, a, caseIndex % area.policeOffenderManagers),
        ]);
        lastNotified = periodic;
      }
    }
  }

  // --- Obligations: the rules of recomputeObligations, applied to what was just generated -------
  const level = latest && latest.kind !== 'deregistration' ? latest.level : null;
  const custodyIndex = inCustody ? index : null;
  const onRotl = Boolean(custodyIndex && rotlFrom !== null && rotlFrom <= T);
  const decisionCase: LevelDecisionCase | null = custodyIndex
    ? {
        setting: 'custody',
        conditionalReleaseDate: custodyIndex.crd === null ? null : day(custodyIndex.crd),
        paroleEligibilityDate: null,
        hdcEligibilityDate:
          custodyIndex.crd === null || (custodyIndex.lengthMonths ?? 0) >= 48
            ? null
            : day(custodyIndex.crd - 135),
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
  let notificationDue: string | null = null;
  if (category === 1 && eligibility.eligible) {
    const source = sentences[convictionFacts.findIndex((c) => c.id === eligibility.convictionId)];
    notificationDue =
      lastNotified !== null
        ? nextRenotificationDue(day(lastNotified))
        : initialNotificationDue(
            source ? day(source.convicted) : eligibility.startsOn,
            source?.released != null && source.released <= T ? day(source.released) : null,
          );
  }
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
    notificationDue,
    latest?.kind === 'reduction' ? day(latest.decidedOn) : null,
    latest?.kind === 'reduction' && Boolean(latest.warning),
    candidate,
    today,
  ]);
  // The record's own category and level follow the decisions (as recomputeObligations sets them).
  const row = out.nominals[out.nominals.length - 1]!;
  row[11] = category;
  row[12] = level;
  return { category, level, inCustody: Boolean(custodyIndex), candidate };
}

function prisonNumber(person: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const n = person % (26 * 10_000 * 676);
  const digits = n % 10_000;
  const rest = Math.floor(n / 10_000);
  return `${letters[Math.floor(rest / 676) % 26]}${String(digits).padStart(4, '0')}${letters[Math.floor(rest / 26) % 26]}${letters[rest % 26]}`;
}

/** The index sentence for what the person is meant to be, placed so that it holds today. */
function planSentence(
  rng: Random,
  pools: OffencePools,
  intent: Intent,
  inCustody: boolean,
  T: number,
  born: number,
): Sentence {
  const adult = born + 18 * 365 + 30;
  const custody = (offence: DemoOffence, length: number, stillIn: boolean, onLicence: boolean): Sentence => {
    const half = Math.max(1, Math.round(length / 2));
    let start: number;
    if (stillIn) start = T - rng.int(0, Math.max(0, half * 30 - 20));
    else if (onLicence) start = T - rng.int(half * 31 + 5, Math.max(half * 31 + 6, length * 30 - 10));
    else start = T - rng.int(half * 31 + 5, half * 31 + 5 + rng.int(30, 6 * 365));
    start = Math.max(start, adult);
    const crd = monthsAfter(start, half);
    const led = monthsAfter(start, length);
    return {
      offence,
      outcome: 'custody',
      lengthMonths: length,
      convicted: start,
      start,
      crd,
      led,
      released: crd,
    };
  };
  const community = (
    offence: DemoOffence,
    outcome: Outcome,
    length: number,
    withinDays: number,
  ): Sentence => ({
    offence,
    outcome,
    lengthMonths: length,
    convicted: Math.max(adult, T - rng.int(20, withinDays)),
    start: null,
    crd: null,
    led: null,
    released: null,
  });
  switch (intent) {
    case 1: {
      const offence = rng.pick(pools.sexual);
      if (inCustody) return custody(offence, rng.int(18, 180), true, false);
      const roll = rng.float();
      if (roll < 0.45) return custody(offence, rng.int(12, 120), false, rng.chance(0.4));
      if (roll < 0.8) return community(offence, 'community_order', rng.int(12, 36), 4 * 365);
      return community(offence, 'suspended_sentence', rng.int(8, 24), 8 * 365);
    }
    case 2: {
      if (rng.chance(0.04)) return custody(pools.murder, 240, inCustody, true);
      const offence = rng.pick(pools.violent);
      return custody(offence, rng.int(12, 150), inCustody, true);
    }
    case 4:
      return custody(rng.pick(pools.terrorism), rng.int(24, 120), inCustody, true);
    case 3:
      return rng.chance(0.6)
        ? community(rng.pick(pools.domesticAbuse), 'community_order', rng.int(12, 24), 2 * 365)
        : custody(rng.pick(pools.domesticAbuse), rng.int(3, 11), false, false);
    default: {
      const offence = rng.chance(0.15) ? rng.pick(pools.violent) : rng.pick(pools.other);
      // Violent offences outside MAPPA: a community sentence or under 12 months inside.
      if (inCustody)
        return custody(offence, offence.schedule15 ? rng.int(3, 11) : rng.int(3, 48), true, false);
      return rng.chance(0.7)
        ? community(offence, 'community_order', rng.int(6, 24), 700)
        : community(offence, 'suspended_sentence', rng.int(3, 11), 700);
    }
  }
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
