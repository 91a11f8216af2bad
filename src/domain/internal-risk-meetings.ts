import { labelOf } from './codes.ts';
import { FLAG_KIND, FLAG_OUTCOME } from './communications-monitoring.ts';
import { compareDates, formatDateLong, type IsoDate } from './dates.ts';

/**
 * Internal risk management meetings (IRMM, issue 14) and what the prison's MAPPA F report takes
 * from custody: pure rules, "today" a parameter. An IRMM is the establishment's own meeting about
 * one prisoner; its actions are owned by named people and are overdue once their due date passes.
 */

/** How far back the MAPPA F report looks for IRMMs: the meetings of the last year tell the panel most. */
export const IRMM_REPORT_MONTHS = 12;

/** An agreed action is overdue when it is not done and its due date has passed. */
export function isActionOverdue(action: { dueOn: IsoDate; doneOn: IsoDate | null }, today: IsoDate): boolean {
  return action.doneOn === null && compareDates(action.dueOn, today) < 0;
}

export interface CustodyFacts {
  /** The latest custody episode, if any. */
  episode: {
    establishment: string;
    receivedOn: IsoDate;
    recall: boolean;
    securityCategory: string | null;
    releasedOn: IsoDate | null;
  } | null;
  moves: readonly { movedOn: IsoDate; from: string; to: string; reason: string | null }[];
  /** IRMMs, oldest first. */
  meetings: readonly {
    heldOn: IsoDate;
    establishment: string;
    custodyBehaviour: string | null;
    riskConcerns: string | null;
    decisions: string;
  }[];
}

/** MAPPA F "Behaviour in custody": where the person is held, moves, security category, IRMM outcomes. */
export function custodyBehaviourText(facts: CustodyFacts): string {
  const lines: string[] = [];
  const e = facts.episode;
  if (e) {
    lines.push(
      e.releasedOn
        ? `Held at ${e.establishment} from ${formatDateLong(e.receivedOn)} to ${formatDateLong(e.releasedOn)}${e.recall ? ' (recall)' : ''}.`
        : `Held at ${e.establishment} since ${formatDateLong(e.receivedOn)}${e.recall ? ' (recall)' : ''}.`,
    );
    lines.push(`Security category: ${e.securityCategory ?? 'not recorded'}.`);
  }
  for (const m of facts.moves)
    lines.push(
      `Moved on ${formatDateLong(m.movedOn)} from ${m.from} to ${m.to}${m.reason ? `: ${m.reason}` : ''}.`,
    );
  for (const m of facts.meetings) {
    lines.push('', `Internal risk management meeting, ${formatDateLong(m.heldOn)} (${m.establishment}):`);
    if (m.custodyBehaviour) lines.push(`Custody behaviour: ${m.custodyBehaviour}`);
    if (m.riskConcerns) lines.push(`Risk concerns: ${m.riskConcerns}`);
    lines.push(`Decisions: ${m.decisions}`);
  }
  return lines.join('\n').trim();
}

/**
 * MAPPA F "Communications monitoring findings": only what may leave the security compartment —
 * the flags security released, each with the summary written for the community, and how many
 * flags were dealt with by each outcome. Evidence never appears: MAPPA F goes to the MAPPA meeting.
 */
export function monitoringFindingsText(
  released: readonly { kind: string; raisedOn: IsoDate; summary: string }[],
  outcomes: readonly { outcome: string; count: number }[],
): string {
  const lines = released.map(
    (f) => `${formatDateLong(f.raisedOn)}, ${labelOf(FLAG_KIND, f.kind).toLowerCase()}: ${f.summary}`,
  );
  if (lines.length) lines.unshift('Released by prison security:');
  const counted = FLAG_OUTCOME.map((o) => ({
    label: o.label.toLowerCase(),
    count: outcomes.filter((c) => c.outcome === o.code).reduce((sum, c) => sum + c.count, 0),
  })).filter((c) => c.count > 0);
  if (counted.length)
    lines.push(`Flags dealt with: ${counted.map((c) => `${c.count} ${c.label}`).join('; ')}.`);
  return lines.join('\n');
}
