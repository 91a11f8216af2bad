import type { Database, Tx } from '../../db/database.ts';
import type { Outcome } from '../../domain/codes.ts';
import { compareDates, londonDateAt } from '../../domain/dates.ts';
import {
  DEFAULT_AREA_SETTINGS,
  levelDecisionDue,
  reviewDue,
  type AreaSettings,
  type LevelDecisionCase,
} from '../../domain/deadlines.ts';
import { category3CandidateRule, mappaEligibility, type ConvictionFacts } from '../../domain/eligibility.ts';
import { initialNotificationDue, nextRenotificationDue } from '../../domain/notification-requirements.ts';
import { offenceByName } from '../reference/index.ts';
import { eligibilityFacts, nominalIds, setMappaStatus, type EligibilityFacts } from '../nominals/index.ts';

/**
 * Each person's MAPPA obligations (category, level decision due, review due, notification due,
 * Category 3 candidacy), computed by the rules in domain/ whenever their record changes and stored
 * in `nominal_obligations`, so that worklists are an indexed read even at national scale.
 */

/** The offence list's flags for a recorded offence (an unknown offence has none: it needs classifying). */
export const offenceFlags = offenceByName;

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

/** The record's convictions with the offence list's flags, as the eligibility rules take them. */
function convictionFacts(facts: EligibilityFacts): ConvictionFacts[] {
  return facts.convictions.map((c) => {
    const flags = offenceFlags(c.offence);
    return {
      id: c.id,
      offence: c.offence,
      schedule3: flags?.schedule3 ?? false,
      schedule15: flags?.schedule15 ?? false,
      terrorism: flags?.terrorism ?? false,
      murder: /^murder\b/i.test(c.offence),
      ...(flags ? { kind: flags.kind } : {}),
      outcome: c.outcome as Outcome,
      lengthMonths: c.length_months,
      convictionDate: c.conviction_date,
      sentenceStart: c.sentence_start,
      licenceExpiryDate: c.licence_expiry_date,
      sentenceExpiryDate: c.sentence_expiry_date,
    };
  });
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

/** A registered sex offender's next notification to the police: a year after the last, or the initial one. */
async function notificationDue(
  tx: Tx,
  nominalId: string,
  facts: EligibilityFacts,
  eligibility: Extract<ReturnType<typeof mappaEligibility>, { eligible: true }>,
): Promise<string | null> {
  const last = await tx
    .selectFrom('offender_notifications')
    .select('notified_on')
    .where('nominal_id', '=', nominalId)
    .orderBy('notified_on', 'desc')
    .executeTakeFirst();
  if (last) return nextRenotificationDue(last.notified_on);
  const index = facts.convictions.find((c) => c.id === eligibility.convictionId);
  return initialNotificationDue(
    index?.conviction_date ?? eligibility.startsOn,
    index?.actual_release_date ?? null,
  );
}

/** A Category 3 candidate by the rule, unless considered since and nothing significant has changed. */
async function category3Candidacy(
  tx: Tx,
  nominalId: string,
  facts: EligibilityFacts,
  events: readonly RecordedEvent[],
  underMappa: boolean,
  today: string,
): Promise<boolean> {
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
  const considered = await tx
    .selectFrom('category3_considerations')
    .select('considered_at')
    .where('nominal_id', '=', nominalId)
    .orderBy('considered_at', 'desc')
    .executeTakeFirst();
  if (!considered) return true;
  const at = new Date(considered.considered_at);
  return (
    events.some((e) => compareDates(e.occurred_on, dayOf(at)) > 0) ||
    (facts.latestRisk !== null && new Date(facts.latestRisk.recorded_at) > at)
  );
}

export async function recomputeObligations(tx: Tx, nominalId: string, today: string): Promise<void> {
  const facts = await eligibilityFacts(tx, nominalId);
  const { nominal } = facts;
  const eligibility = mappaEligibility(
    {
      dateOfBirth: nominal.date_of_birth,
      convictions: convictionFacts(facts),
      category3Decision: nominal.category3_accepted_on
        ? { acceptedOn: nominal.category3_accepted_on, endedOn: nominal.category3_ended_on }
        : null,
    },
    today,
  );
  const category = eligibility.eligible ? eligibility.category : null;

  const decision = await tx
    .selectFrom('level_decisions')
    .select(['id', 'level', 'kind', 'decided_on', 'warning'])
    .where('nominal_id', '=', nominalId)
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();
  const level = decision && decision.kind !== 'deregistration' ? decision.level : null;

  const custody = activeCustody(facts, today);
  const onRotl = Boolean(
    custody && nominal.rotl_first_release_on && compareDates(nominal.rotl_first_release_on, today) <= 0,
  );
  const decisionCase = levelDecisionCase(facts, custody);
  const levelDue =
    category !== null && level === null && decisionCase ? levelDecisionDue(decisionCase, today) : null;

  const events = await tx
    .selectFrom('significant_events')
    .select(['type', 'occurred_on', 'recorded_at', 'reviewed_by_decision'])
    .where('nominal_id', '=', nominalId)
    .execute();
  const settings = await areaSettings(tx, nominal.area_code);
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

  const values = {
    area_code: nominal.area_code,
    category,
    category_reason: eligibility.reason,
    eligibility_ends_on: eligibility.eligible ? eligibility.endsOn : null,
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
    notification_due_on:
      category === 1 && eligibility.eligible
        ? await notificationDue(tx, nominalId, facts, eligibility)
        : null,
    last_reduction_on: decision?.kind === 'reduction' ? decision.decided_on : null,
    reduced_near_release: decision?.kind === 'reduction' && Boolean(decision.warning),
    category3_candidate: await category3Candidacy(tx, nominalId, facts, events, category !== null, today),
    computed_on: today,
  };
  await tx
    .insertInto('nominal_obligations')
    .values({ nominal_id: nominalId, ...values })
    .onConflict((oc) => oc.column('nominal_id').doUpdateSet(values))
    .execute();
  // The record's own category and level follow the decisions, for search results and headers.
  await setMappaStatus(tx, nominalId, { category, level });
}

/**
 * Recomputes everyone's obligations (optionally one area's), for what changes with time alone:
 * eligibility that ends on a date, a notification period running out. Run nightly
 * (`vigil obligations recompute`); each person is one short transaction.
 */
export async function recomputeAllObligations(
  database: Database,
  today: string,
  areaCode?: string,
): Promise<{ recomputed: number }> {
  const ids = await nominalIds(database.db, areaCode);
  for (const id of ids) await database.transaction((tx) => recomputeObligations(tx, id, today));
  return { recomputed: ids.length };
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

/** A person's obligations as of today: every write recomputes them, so only a row from an earlier day is recomputed here. */
export async function currentObligations(tx: Tx, nominalId: string, today: string): Promise<Obligations> {
  const stored = await tx
    .selectFrom('nominal_obligations')
    .selectAll()
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
  if (stored && stored.computed_on === today) return stored;
  await recomputeObligations(tx, nominalId, today);
  return storedObligations(tx, nominalId);
}
