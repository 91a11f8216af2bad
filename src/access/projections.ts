import type { Actor } from './actor.ts';
import { can, sensitiveVisibility, type RecordAccess } from './policy.ts';

/**
 * What one audience may see of a record's content, decided once per kind of content and applied
 * by the use case that gathers it, so a page, its PDF and the API answer carry the same data
 * (docs/security.md, "One projection per audience"). Templates never decide what to withhold.
 */

/** The facts about an action that decide who may see it. */
export interface ActionFacts {
  ownerAgencyId: string;
  ownerUserId: string | null;
  pillar: string;
  safeguarding: boolean;
}

/** Who is looking at an action, and how they reach the person's record. */
export interface Viewer {
  actor: Actor;
  access: RecordAccess;
}

/**
 * Whether a viewer may see an action (its text, owner, updates), wherever it is shown: the action
 * page, the record's actions, the timeline, the agenda, the minutes and MAPPA B.
 * - Its owners always see it (the owner user, and the owner agency's people).
 * - An agency involved only by invitation or by an action of its own sees its own actions, never
 *   another agency's (need to know): a safeguarding or victim safety planning action of the police
 *   or children's social care is not a housing representative's to read.
 * - Victim safety planning can say where a victim lives or works: beyond its owners, only those who
 *   may see victims, and the MAPPA unit who hold the minutes.
 */
export function actionVisibleTo(viewer: Viewer, action: ActionFacts): boolean {
  const { actor, access } = viewer;
  if (action.ownerUserId === actor.userId || action.ownerAgencyId === actor.agencyId) return true;
  if (access.via === 'involvement') return false;
  if (action.pillar === 'victim_safety_planning')
    return sensitiveVisibility(actor, access).victims || can(actor, 'meeting.manage');
  return true;
}

/** The people recorded as victims on a record: a victim row's name, or the record it links to. */
export interface VictimKeys {
  names: ReadonlySet<string>;
  nominalIds: ReadonlySet<string>;
}

/** A person's name as compared for "the same person": case, spacing and punctuation aside. */
export const personKey = (name: unknown): string =>
  typeof name === 'string'
    ? name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : '';

/** The victims recorded among a record's relationships (rows as stored: type, person_name, related_nominal_id). */
export function victimKeysOf(rows: readonly Record<string, unknown>[]): VictimKeys {
  const victims = rows.filter((r) => r.type === 'victim');
  return {
    names: new Set(victims.map((r) => personKey(r.person_name)).filter(Boolean)),
    nominalIds: new Set(
      victims.map((r) => r.related_nominal_id).filter((id): id is string => typeof id === 'string'),
    ),
  };
}

/**
 * Whether a relationship row is about a victim: recorded as one, or about the same person as a
 * victim row (the index offence's victim recorded again as an "ex-partner", with a date of birth).
 * The type alone is not enough: the victim's name and details must not reach someone who may not
 * see victims under another heading.
 */
export function isVictimRelationship(row: Record<string, unknown>, victims: VictimKeys): boolean {
  if (row.type === 'victim') return true;
  if (typeof row.related_nominal_id === 'string' && victims.nominalIds.has(row.related_nominal_id))
    return true;
  const key = personKey(row.person_name);
  return key !== '' && victims.names.has(key);
}
