import type { Database, Tx } from '../../db/database.ts';
import type { Outcome } from '../../domain/codes.ts';
import { compareDates, formatDateLong, londonDateAt } from '../../domain/dates.ts';
import {
  DEFAULT_AREA_SETTINGS,
  levelDecisionDue,
  reviewDue,
  type AreaSettings,
  type LevelDecisionCase,
} from '../../domain/deadlines.ts';
import {
  RULES_VERSION,
  category3CandidateRule,
  mappaEligibility,
  type ConvictionFacts,
  type Eligibility,
  type OrderFacts,
} from '../../domain/eligibility.ts';
import {
  notificationObligations,
  type NotificationEventFacts,
  type NotificationObligation,
} from '../../domain/notification-requirements.ts';
import type { NotificationObligationRow } from '../../db/schema.ts';
import { offenceByName } from '../reference/index.ts';
import { eligibilityFacts, nominalIds, setMappaStatus, type EligibilityFacts } from '../nominals/index.ts';

/**
 * Each person's MAPPA obligations (category, level decision due, review due, notification due,
 * Category 3 candidacy), computed by the rules in domain/ whenever their record changes and stored
 * in `nominal_obligations`, so that worklists are an indexed read even at national scale.
 */

export async function areaSettings(tx: Tx, areaCode: string): Promise<AreaSettings> {
  const row = await tx
    .selectFrom('area_settings')
    .selectAll()
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
  if (!row) return { ...DEFAULT_AREA_SETTINGS };
  return {
    level2ReviewWeeks: row.level2_review_weeks,
    level3ReviewWeeks: row.level3_review_weeks,
    significantEventReviewDays: row.significant_event_review_days,
  };
}

/** The London day an instant fell on (a fact about a record, e.g. the day it was recorded; never "today"). */
const dayOf = (at: Date | string) => londonDateAt(new Date(at).getTime());
const laterOf = (a: string, b: string) => (compareDates(a, b) >= 0 ? a : b);

const current = (from: string | null, to: string | null, today: string) =>
  (!from || compareDates(from, today) <= 0) && (!to || compareDates(to, today) >= 0);

/** In custody today: a custodial sentence that has started and from which they have not been released. */
function activeCustody(facts: EligibilityFacts, today: string) {
  return facts.convictions
    .filter(
      (c) =>
        c.outcome === 'custody' &&
        c.sentence_start !== null &&
        compareDates(c.sentence_start, today) <= 0 &&
        (c.actual_release_date === null || compareDates(c.actual_release_date, today) > 0),
    )
    .sort((a, b) => compareDates(b.sentence_start!, a.sentence_start!))[0];
}

/** Sentences that never end by themselves (life, IPP, DPP, detention at His Majesty's pleasure). */
const INDETERMINATE = new Set(['life', 'ipp', 'dpp', 'hmp']);

/**
 * The record's convictions with the offence list's flags and Schedule 3 condition, as the
 * eligibility rules take them. An offence not on the list is passed as unclassified, so the rules
 * ask for it to be classified rather than answer "not eligible".
 */
export function convictionFacts(facts: EligibilityFacts): ConvictionFacts[] {
  return facts.convictions.map((c) => {
    const flags = offenceByName(c.offence);
    return {
      id: c.id,
      offence: c.offence,
      schedule3: flags?.schedule3 ?? false,
      schedule3Condition: flags?.schedule3Condition ?? null,
      schedule15: flags?.schedule15 ?? false,
      terrorism: flags?.terrorism ?? false,
      classified: flags !== undefined,
      murder: /^murder\b/i.test(c.offence),
      ...(flags ? { kind: flags.kind } : {}),
      outcome: c.outcome as Outcome,
      sentenceType: c.sentence_type,
      indeterminate: c.sentence_type !== null && INDETERMINATE.has(c.sentence_type),
      detentionAndTrainingOrder: c.sentence_type === 'dto',
      lengthMonths: c.length_months,
      lengthDays: c.length_days,
      extensionMonths: c.extension_months,
      operationalMonths: c.operational_months,
      supervisionMonths: c.supervision_months,
      consecutiveToId: c.consecutive_to,
      terroristConnection: c.terrorist_connection,
      victimAge: c.victim_age,
      offenceDate: c.offence_date,
      convictionDate: c.conviction_date,
      sentenceStart: c.sentence_start,
      conditionalReleaseDate: c.conditional_release_date,
      actualReleaseDate: c.actual_release_date,
      licenceExpiryDate: c.licence_expiry_date,
      sentenceExpiryDate: c.sentence_expiry_date,
      disposalEndedOn: c.disposal_ended_on,
      notificationEndedOn: c.notification_ended_on,
    };
  });
}

/** Orders that create or extend notification, or Category 4 (SOA 2003 s.97-103G, CTA 2008 Sch.4). */
export function orderFacts(facts: EligibilityFacts): OrderFacts[] {
  return facts.orders.map((o) => ({
    id: o.id,
    kind: o.kind,
    madeOn: o.made_on,
    endsOn: o.ends_on,
    foreignConvictionDate: o.foreign_conviction_date,
    foreignOutcome: o.foreign_outcome as Outcome | null,
    foreignLengthMonths: o.foreign_length_months,
  }));
}

/** Everything the eligibility rules need, from the record. */
export function eligibilityInput(facts: EligibilityFacts) {
  const { nominal } = facts;
  return {
    dateOfBirth: nominal.date_of_birth,
    convictions: convictionFacts(facts),
    orders: orderFacts(facts),
    category3Decision: nominal.category3_accepted_on
      ? { acceptedOn: nominal.category3_accepted_on, endedOn: nominal.category3_ended_on }
      : null,
    terrorismRiskDecision: nominal.terrorism_risk_accepted_on
      ? { acceptedOn: nominal.terrorism_risk_accepted_on, endedOn: nominal.terrorism_risk_ended_on }
      : null,
  };
}

/** When the first level decision is due from: release from custody, or the first appointment in the community. */
function levelDecisionCase(
  facts: EligibilityFacts,
  custody: ReturnType<typeof activeCustody>,
): LevelDecisionCase | null {
  const { nominal } = facts;
  if (custody)
    return {
      setting: 'custody',
      conditionalReleaseDate: custody.conditional_release_date,
      paroleEligibilityDate: custody.parole_eligibility_date,
      hdcEligibilityDate: custody.hdc_eligibility_date,
      firstRotlDate: nominal.rotl_first_release_on,
    };
  return nominal.first_appointment_on
    ? { setting: 'community', firstAppointmentOn: nominal.first_appointment_on }
    : null;
}

type RecordedEvent = {
  type: string;
  occurred_on: string;
  recorded_at: Date | string;
  reviewed_by_decision: string | null;
};

/** An event reported late still prompts a review: it counts from when it was recorded. */
const eventDay = (e: RecordedEvent) => laterOf(e.occurred_on, dayOf(e.recorded_at));

type NotificationFinding = NonNullable<Eligibility['notification']>;

/**
 * Custody for the conviction notification rests on, as s.83(6) and s.85(3) need it: in custody
 * since the relevant date and not yet released (time inside does not count, so a prisoner's
 * initial notification falls due 3 days after release, never "overdue" while inside), or the day
 * of release. A conditional release date that has passed with no release recorded is taken as the
 * release, so a missing record never hides a duty that has fallen due.
 */
function custodyForNotification(
  facts: EligibilityFacts,
  finding: NotificationFinding,
  today: string,
): { inCustody: boolean; releasedOn: string | null } {
  const c = facts.convictions.find((x) => x.id === finding.convictionId);
  if (!c || c.outcome !== 'custody') return { inCustody: false, releasedOn: null };
  if (c.actual_release_date && compareDates(c.actual_release_date, today) <= 0)
    return { inCustody: false, releasedOn: c.actual_release_date };
  if (
    !c.actual_release_date &&
    c.conditional_release_date &&
    compareDates(c.conditional_release_date, today) <= 0
  )
    return { inCustody: false, releasedOn: c.conditional_release_date };
  if (c.sentence_start && compareDates(c.sentence_start, today) > 0)
    return { inCustody: false, releasedOn: null };
  return { inCustody: true, releasedOn: null };
}

/** The duty that falls due first (one that cannot fall due yet, e.g. in custody, comes last). */
export function earliestDuty(duties: readonly NotificationObligation[]): NotificationObligation | undefined {
  return [...duties].sort((a, b) =>
    a.dueOn === b.dueOn ? 0 : a.dueOn === null ? 1 : b.dueOn === null ? -1 : compareDates(a.dueOn, b.dueOn),
  )[0];
}

/** The facts a finding used, with the first day a review of indefinite notification may be sought. */
export function findingFacts(finding: { facts?: string[]; reviewFrom?: string | null } | null): string[] {
  if (!finding) return [];
  const review = finding.reviewFrom
    ? [
        `Review of indefinite notification possible from ${formatDateLong(finding.reviewFrom)} (SOA 2003 s.91A–91F)`,
      ]
    : [];
  return [...(finding.facts ?? []), ...review];
}

/** A Category 3 candidate by the rule, unless considered since and nothing significant has changed. */
function category3Candidacy(inputs: ObligationInputs, underMappa: boolean, today: string): boolean {
  const { facts, significantEvents, category3ConsideredAt } = inputs;
  const activeMarkers = facts.markers
    .filter((m) => current(m.start_date, m.end_date, today))
    .map((m) => m.type);
  const candidate = category3CandidateRule({
    latestRoshOverall: (facts.latestRisk?.rosh_overall ?? null) as never,
    activeMarkers,
    underMappa,
  });
  if (!candidate) return false;
  // Once considered, a candidate leaves the list until something significant changes.
  if (category3ConsideredAt === null) return true;
  const at = new Date(category3ConsideredAt);
  return (
    significantEvents.some((e) => compareDates(e.occurred_on, dayOf(at)) > 0) ||
    (facts.latestRisk !== null && new Date(facts.latestRisk.recorded_at) > at)
  );
}

/**
 * Everything a person's obligations are computed from. Read from the database by
 * `readObligationInputs`; the national dataset generator builds the same shape from the rows it
 * has just generated, so both compute with `computeObligations` and cannot disagree.
 */
export interface ObligationInputs {
  facts: EligibilityFacts;
  /** The latest level decision, if any. */
  latestDecision: { level: number | null; kind: string; decided_on: string; warning: string | null } | null;
  significantEvents: readonly RecordedEvent[];
  settings: AreaSettings;
  /** Every notification the person made to the police. */
  notifications: readonly { kind: 'initial' | 'change' | 'periodic'; notified_on: string }[];
  notificationEvents: readonly {
    id: string;
    kind: NotificationEventFacts['kind'];
    occurred_on: string;
    notified_on: string | null;
  }[];
  /** When a coordinator last considered them for Category 3. */
  category3ConsideredAt: Date | string | null;
}

export async function readObligationInputs(tx: Tx, nominalId: string): Promise<ObligationInputs> {
  const facts = await eligibilityFacts(tx, nominalId);
  const latestDecision = await tx
    .selectFrom('level_decisions')
    .select(['level', 'kind', 'decided_on', 'warning'])
    .where('nominal_id', '=', nominalId)
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();
  const significantEvents = await tx
    .selectFrom('significant_events')
    .select(['type', 'occurred_on', 'recorded_at', 'reviewed_by_decision'])
    .where('nominal_id', '=', nominalId)
    .execute();
  const notifications = await tx
    .selectFrom('offender_notifications')
    .select(['kind', 'notified_on'])
    .where('nominal_id', '=', nominalId)
    .execute();
  const notificationEvents = await tx
    .selectFrom('notification_events')
    .select(['id', 'kind', 'occurred_on', 'notified_on'])
    .where('nominal_id', '=', nominalId)
    .execute();
  const considered = await tx
    .selectFrom('category3_considerations')
    .select('considered_at')
    .where('nominal_id', '=', nominalId)
    .orderBy('considered_at', 'desc')
    .executeTakeFirst();
  return {
    facts,
    latestDecision: latestDecision ?? null,
    significantEvents,
    settings: await areaSettings(tx, facts.nominal.area_code),
    notifications,
    notificationEvents,
    category3ConsideredAt: considered?.considered_at ?? null,
  };
}

/**
 * Every open SOA 2003 Part 2 duty of a person subject to notification (whatever their MAPPA
 * category: a Category 4 registered sex offender keeps their deadlines), from the notifications
 * and notification events the police recorded.
 */
function notificationDuties(
  inputs: ObligationInputs,
  finding: NotificationFinding,
  today: string,
): NotificationObligation[] {
  const { facts } = inputs;
  const noFixedAbode = facts.addresses
    .filter((a) => a.type === 'no_fixed_abode' && current(a.from_date, a.to_date, today))
    .map((a) => a.from_date)
    .sort()[0];
  return notificationObligations(
    {
      relevantDate: finding.startsOn,
      ...custodyForNotification(facts, finding, today),
      // Notifications before this notification period began answer an earlier duty.
      notifications: inputs.notifications
        .filter((n) => compareDates(n.notified_on, finding.startsOn) >= 0)
        .map((n) => ({ kind: n.kind, notifiedOn: n.notified_on })),
      events: inputs.notificationEvents.map((e) => ({
        id: e.id,
        kind: e.kind,
        occurredOn: e.occurred_on,
        notifiedOn: e.notified_on,
      })),
      noFixedAbodeSince: noFixedAbode ?? null,
    },
    today,
  );
}

/** A person's `nominal_obligations` row (without its key), and the eligibility answer it came from. */
export function computeObligations(inputs: ObligationInputs, today: string) {
  const { facts, latestDecision: decision, significantEvents: events, settings } = inputs;
  const { nominal } = facts;
  const eligibility = mappaEligibility(eligibilityInput(facts), today);
  const category = eligibility.eligible ? eligibility.category : null;
  const endsOn = eligibility.eligible ? eligibility.endsOn : null;
  // Not eligible: the basis and facts are those of the category that ended most recently, if any.
  const finding = eligibility.eligible ? eligibility : (eligibility.ended[0] ?? null);
  // Not eligible: the section of the category that ended, or of the nearest miss ("Sch.3 para 35A").
  const basis = eligibility.basis ?? null;
  const level = decision && decision.kind !== 'deregistration' ? decision.level : null;

  const custody = activeCustody(facts, today);
  const onRotl = Boolean(
    custody && nominal.rotl_first_release_on && compareDates(nominal.rotl_first_release_on, today) <= 0,
  );
  const decisionCase = levelDecisionCase(facts, custody);
  const levelDue =
    category !== null && level === null && decisionCase ? levelDecisionDue(decisionCase, today) : null;
  const review =
    level !== null && decision
      ? reviewDue(
          {
            level: level as 1 | 2 | 3,
            lastReviewedOn: decision.decided_on,
            significantEvents: events.map((e) => ({
              type: e.type as never,
              occurredOn: eventDay(e),
              reviewed: e.reviewed_by_decision !== null,
            })),
          },
          settings,
          today,
        )
      : null;
  // Every decision marks the events recorded before it as considered; what is left is unreviewed.
  const unreviewed = events
    .filter((e) => e.reviewed_by_decision === null)
    .map(eventDay)
    .sort()[0];

  // Notification follows SOA 2003 Part 2, not the category chosen (docs/legal-rules.md).
  const duties = eligibility.notification ? notificationDuties(inputs, eligibility.notification, today) : [];
  const first = earliestDuty(duties);

  const values = {
    area_code: nominal.area_code,
    category,
    category_reason: eligibility.reason,
    eligibility_ends_on: endsOn,
    category_basis: basis,
    category_facts: JSON.stringify(findingFacts(finding)),
    level,
    in_custody: Boolean(custody),
    on_rotl: onRotl,
    earliest_release_on: custody?.conditional_release_date ?? null,
    level_decision_due_on: levelDue?.dueOn ?? null,
    level_decision_basis:
      levelDue?.basis ??
      (category !== null && level === null ? 'Record the first appointment or release dates' : null),
    review_due_on: review?.dueOn ?? null,
    review_basis: review?.basis ?? null,
    unreviewed_event_since: unreviewed ?? null,
    subject_to_notification: eligibility.notification !== null,
    notification_due_on:
      duties
        .map((d) => d.dueOn)
        .filter((d): d is string => d !== null)
        .sort()[0] ?? null,
    notification_basis: first ? `${first.basis} (${first.section})` : null,
    notification_obligations: JSON.stringify(duties satisfies NotificationObligationRow[]),
    classification_needed: eligibility.classificationNeeded,
    rules_version: RULES_VERSION,
    last_reduction_on: decision?.kind === 'reduction' ? decision.decided_on : null,
    reduced_near_release: decision?.kind === 'reduction' && Boolean(decision.warning),
    category3_candidate: category3Candidacy(inputs, category !== null, today),
    computed_on: today,
  };
  return { values, eligibility, category, level, endsOn, basis };
}

/** What one recompute changed of a person's category and end date (for the recompute summary). */
export interface ObligationChange {
  /** False the first time a person's obligations are computed: nothing to compare with. */
  existed: boolean;
  oldCategory: number | null;
  newCategory: number | null;
  oldEndsOn: string | null;
  newEndsOn: string | null;
  /** The statute section the new answer rests on. */
  basis: string | null;
}

/**
 * Recomputes and stores one person's obligations. When the stored answer came from an earlier
 * version of the rules and the category or end date differs, the change is written to
 * `rule_corrections` for a coordinator to review: a correction of the law is never silent.
 */
export async function recomputeObligations(
  tx: Tx,
  nominalId: string,
  today: string,
): Promise<ObligationChange> {
  const stored = await tx
    .selectFrom('nominal_obligations')
    .select(['category', 'category_reason', 'eligibility_ends_on', 'rules_version'])
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
  const inputs = await readObligationInputs(tx, nominalId);
  const { values, eligibility, category, level, endsOn, basis } = computeObligations(inputs, today);
  const change: ObligationChange = {
    existed: stored !== undefined,
    oldCategory: stored?.category ?? null,
    newCategory: category,
    oldEndsOn: stored?.eligibility_ends_on ?? null,
    newEndsOn: endsOn,
    basis,
  };
  if (stored && stored.rules_version < RULES_VERSION && changed(change))
    await tx
      .insertInto('rule_corrections')
      .values({
        nominal_id: nominalId,
        area_code: values.area_code,
        rules_version: RULES_VERSION,
        old_category: stored.category,
        new_category: category,
        old_ends_on: stored.eligibility_ends_on,
        new_ends_on: endsOn,
        old_reason: stored.category_reason,
        new_reason: eligibility.reason,
        new_basis: basis,
        detected_on: today,
      })
      .onConflict((oc) => oc.columns(['nominal_id', 'rules_version']).doNothing())
      .execute();
  await tx
    .insertInto('nominal_obligations')
    .values({ nominal_id: nominalId, ...values })
    .onConflict((oc) => oc.column('nominal_id').doUpdateSet(values))
    .execute();
  // The record's own category and level follow the decisions, for search results and headers.
  await setMappaStatus(tx, nominalId, { category, level });
  return change;
}

/** The category or its end date differs from what was stored. */
const changed = (c: ObligationChange) =>
  c.existed && (c.oldCategory !== c.newCategory || c.oldEndsOn !== c.newEndsOn);

/** What a recompute of many people changed, and why (grouped by the statute section of the new answer). */
export interface RecomputeSummary {
  recomputed: number;
  /** People whose category or end date changed. */
  changed: number;
  /** "1 → 2", "none → 4": how many moved between each pair of categories. */
  categoryChanges: Record<string, number>;
  /** Same category, end date earlier or later (no end date counts as the latest of all). */
  endsEarlier: number;
  endsLater: number;
  enteredMappa: number;
  leftMappa: number;
  /** The people who changed, by the basis of their new answer ("not recorded" when the rules gave none). */
  byBasis: Record<string, number>;
}

const categoryName = (c: number | null) => (c === null ? 'none' : String(c));

/** Adds up what each person's recompute changed. */
export function summariseChanges(changes: readonly ObligationChange[]): RecomputeSummary {
  const summary: RecomputeSummary = {
    recomputed: changes.length,
    changed: 0,
    categoryChanges: {},
    endsEarlier: 0,
    endsLater: 0,
    enteredMappa: 0,
    leftMappa: 0,
    byBasis: {},
  };
  const add = (counts: Record<string, number>, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const c of changes) {
    if (!changed(c)) continue;
    summary.changed += 1;
    add(summary.byBasis, c.basis ?? 'not recorded');
    if (c.oldCategory !== c.newCategory) {
      add(summary.categoryChanges, `${categoryName(c.oldCategory)} → ${categoryName(c.newCategory)}`);
      if (c.oldCategory === null) summary.enteredMappa += 1;
      if (c.newCategory === null) summary.leftMappa += 1;
    } else if (c.oldEndsOn === null || (c.newEndsOn !== null && compareDates(c.newEndsOn, c.oldEndsOn) < 0)) {
      summary.endsEarlier += 1;
    } else {
      summary.endsLater += 1;
    }
  }
  return summary;
}

/** The summary as `vigil obligations recompute` prints it. */
export function formatRecomputeSummary(s: RecomputeSummary): string {
  const lines = [
    `Recomputed the obligations of ${s.recomputed} ${s.recomputed === 1 ? 'person' : 'people'}`,
    `Category or end date changed: ${s.changed}`,
  ];
  if (s.changed === 0) return lines.join('\n');
  const entries = (counts: Record<string, number>) =>
    Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  lines.push(
    `  Entered MAPPA: ${s.enteredMappa}; left MAPPA: ${s.leftMappa}`,
    `  Same category, end date earlier: ${s.endsEarlier}; later: ${s.endsLater}`,
  );
  if (Object.keys(s.categoryChanges).length) {
    lines.push('  Category changes (old → new):');
    for (const [pair, n] of entries(s.categoryChanges)) lines.push(`    ${pair}: ${n}`);
  }
  lines.push('  Why (the basis of the new answer):');
  for (const [basis, n] of entries(s.byBasis)) lines.push(`    ${basis}: ${n}`);
  return lines.join('\n');
}

/**
 * Recomputes everyone's obligations (optionally one area's), for what changes with time alone
 * (eligibility that ends on a date, a notification period running out) and after a correction of
 * the rules. Run nightly (`vigil obligations recompute`); each person is one short transaction.
 */
export async function recomputeAllObligations(
  database: Database,
  today: string,
  areaCode?: string,
): Promise<RecomputeSummary> {
  const ids = await nominalIds(database.db, areaCode);
  const changes: ObligationChange[] = [];
  // A server takes a few people at once (each still one short transaction); PGlite has one connection.
  const workers = database.kind === 'postgres' ? 4 : 1;
  let next = 0;
  const work = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      changes.push(await database.transaction((tx) => recomputeObligations(tx, id, today)));
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
  return summariseChanges(changes);
}

/** A person's obligations as last computed (every write to their record recomputes them). */
export async function storedObligations(tx: Tx, nominalId: string) {
  return tx
    .selectFrom('nominal_obligations')
    .selectAll()
    .where('nominal_id', '=', nominalId)
    .executeTakeFirstOrThrow();
}
export type Obligations = Awaited<ReturnType<typeof storedObligations>>;

/**
 * A person's obligations as of today: every write recomputes them, so only a row from an earlier
 * day, or from an earlier version of the rules (which may need a correction listed), is recomputed.
 */
export async function currentObligations(tx: Tx, nominalId: string, today: string): Promise<Obligations> {
  const stored = await tx
    .selectFrom('nominal_obligations')
    .selectAll()
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
  if (stored && stored.computed_on === today && stored.rules_version === RULES_VERSION) return stored;
  await recomputeObligations(tx, nominalId, today);
  return storedObligations(tx, nominalId);
}
