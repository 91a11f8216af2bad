import type { Database, Tx } from '../../db/database.ts';
import { labelOf } from '../../domain/codes.ts';
import { SECURITY_CATEGORY } from '../../domain/custody.ts';
import { addMonths, type IsoDate } from '../../domain/dates.ts';
import {
  IRMM_REPORT_MONTHS,
  custodyBehaviourText,
  monitoringFindingsText,
} from '../../domain/internal-risk-meetings.ts';
import { addressCheckResultsText } from '../../domain/address-checks.ts';
import { rotlResultsText } from '../../domain/rotl.ts';
import { agenciesByIds } from '../reference/index.ts';
import { addressChecksOf } from './address-checks.ts';
import { rotlEpisodesOf } from './rotl.ts';

/**
 * What the prison's MAPPA F report starts from, read from custody: plain text for each part the
 * author then edits. MAPPA F goes to the MAPPA meeting, so monitoring gives only what security
 * released to the community and counts of flags dealt with — never a flag's evidence or a call.
 * The caller reads this in its own transaction and writes the access log there.
 */
export interface CustodySummaryForReport {
  /** MAPPA F "Behaviour in custody": establishment, moves, security category, IRMM outcomes. */
  behaviour: string;
  /** MAPPA F "Communications monitoring findings". */
  communicationsMonitoring: string;
  /** ROTL: each application, its decision and outcome. */
  rotl: string;
  /** HDC and release address checks: their conflicts and decisions, without addresses or sources. */
  hdc: string;
}

export async function custodySummaryForReport(
  db: Tx | Database['db'],
  nominalId: string,
  today: IsoDate,
): Promise<CustodySummaryForReport> {
  const [episode, meetings, released, outcomes, rotl, checks] = await Promise.all([
    db
      .selectFrom('custody_episodes')
      .select(['id', 'establishment_agency_id', 'received_on', 'recall', 'security_category', 'released_on'])
      .where('nominal_id', '=', nominalId)
      .orderBy('received_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('internal_risk_meetings')
      .select(['held_on', 'establishment_agency_id', 'custody_behaviour', 'risk_concerns', 'decisions'])
      .where('nominal_id', '=', nominalId)
      .where('held_on', '>=', addMonths(today, -IRMM_REPORT_MONTHS))
      .orderBy('held_on')
      .execute(),
    // Only the released summary: the flag's evidence is never read here.
    db
      .selectFrom('monitoring_flags as f')
      .innerJoin('monitoring_cases as c', 'c.id', 'f.case_id')
      .select(['f.kind', 'f.raised_on', 'f.released_summary'])
      .where('c.nominal_id', '=', nominalId)
      .where('f.released_summary', 'is not', null)
      .orderBy('f.raised_on')
      .execute(),
    db
      .selectFrom('monitoring_flags as f')
      .innerJoin('monitoring_cases as c', 'c.id', 'f.case_id')
      .select((eb) => ['f.outcome', eb.fn.countAll<string>().as('count')])
      .where('c.nominal_id', '=', nominalId)
      .where('f.outcome', 'is not', null)
      .groupBy('f.outcome')
      .execute(),
    rotlEpisodesOf(db, nominalId),
    addressChecksOf(db, nominalId),
  ]);
  const moves = episode
    ? await db
        .selectFrom('custody_moves')
        .select(['from_agency_id', 'to_agency_id', 'moved_on', 'reason'])
        .where('episode_id', '=', episode.id)
        .orderBy('moved_on')
        .execute()
    : [];
  const agencies = await agenciesByIds(db, [
    episode?.establishment_agency_id,
    ...moves.flatMap((m) => [m.from_agency_id, m.to_agency_id]),
    ...meetings.map((m) => m.establishment_agency_id),
  ]);
  const name = (id: string) => agencies.get(id)?.name ?? 'an establishment';
  return {
    behaviour: custodyBehaviourText({
      episode: episode
        ? {
            establishment: name(episode.establishment_agency_id),
            receivedOn: episode.received_on,
            recall: episode.recall,
            securityCategory: episode.security_category
              ? labelOf(SECURITY_CATEGORY, episode.security_category)
              : null,
            releasedOn: episode.released_on,
          }
        : null,
      moves: moves.map((m) => ({
        movedOn: m.moved_on,
        from: name(m.from_agency_id),
        to: name(m.to_agency_id),
        reason: m.reason,
      })),
      meetings: meetings.map((m) => ({
        heldOn: m.held_on,
        establishment: name(m.establishment_agency_id),
        custodyBehaviour: m.custody_behaviour,
        riskConcerns: m.risk_concerns,
        decisions: m.decisions,
      })),
    }),
    communicationsMonitoring: monitoringFindingsText(
      released.map((f) => ({ kind: f.kind, raisedOn: f.raised_on, summary: f.released_summary! })),
      outcomes.map((o) => ({ outcome: o.outcome!, count: Number(o.count) })),
    ),
    rotl: rotlResultsText(
      rotl.map((e) => ({
        type: e.type.code,
        plannedStartOn: e.plannedStartOn,
        decision: e.decision.status,
        reason: e.decision.reason,
        outcome: e.outcome?.code ?? null,
        failures: e.failures,
      })),
    ),
    hdc: addressCheckResultsText(
      checks.map((c) => ({
        purposeLabel: c.purposeLabel,
        checkedOn: c.checkedOn,
        conflicts: c.conflicts.length,
        setAside: c.conflicts.filter((k) => k.dismissal).length,
        outcome: c.decision?.outcome ?? null,
      })),
    ),
  };
}
