import { ACTION_STATUS, PILLAR, type Pillar } from './codes.ts';
import { compareDates, parseIsoDate, type IsoDate } from './dates.ts';
import type { FieldErrors } from './errors.ts';

/**
 * Actions agreed for a person under MAPPA (MAPPA.md §3 step 5): what, which of the Four Pillars
 * (or the contingency plan), who owns it, by when. Pure rules only: the module checks the owner
 * agency and user against the database.
 */

export type ActionStatus = (typeof ACTION_STATUS)[number]['code'];

export const DESCRIPTION_MAX = 2000;
export const NOTE_MAX = 4000;
export const OWNER_NAME_MAX = 200;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const yes = (v: unknown) => v === true || v === 'yes' || v === 'true' || v === 'on';

export interface NewActionFields {
  description?: unknown;
  pillar?: unknown;
  safeguarding?: unknown;
  ownerName?: unknown;
  dueOn?: unknown;
}

export interface ValidNewAction {
  description: string;
  pillar: Pillar;
  safeguarding: boolean;
  ownerName: string | null;
  dueOn: IsoDate;
}

/**
 * Checks the parts of a new action that need no database: what, pillar, due date (today or later:
 * an action already overdue when it is agreed is a mistake). The owner's agency and user are
 * checked by the caller and added to the same errors.
 */
export function validateNewAction(
  input: NewActionFields,
  today: IsoDate,
): { errors: FieldErrors; value: ValidNewAction | null } {
  const errors: FieldErrors = {};
  const description = text(input.description);
  if (!description) errors.description = 'Enter what the action is';
  else if (description.length > DESCRIPTION_MAX)
    errors.description = `Action must be ${DESCRIPTION_MAX} characters or fewer`;
  const pillar = PILLAR.find((p) => p.code === input.pillar)?.code;
  if (!pillar) errors.pillar = 'Select the pillar of the risk management plan the action belongs to';
  const ownerName = text(input.ownerName);
  if (ownerName.length > OWNER_NAME_MAX)
    errors.ownerName = `Owner’s name must be ${OWNER_NAME_MAX} characters or fewer`;
  let dueOn: IsoDate | null = null;
  const due = text(input.dueOn);
  if (!due) errors.dueOn = 'Enter the date the action is due';
  else {
    const parsed = parseIsoDate(due, 'Due date');
    if (!parsed.ok) errors.dueOn = parsed.error;
    else if (compareDates(parsed.value, today) < 0) errors.dueOn = 'Due date must be today or in the future';
    else dueOn = parsed.value;
  }
  if (Object.keys(errors).length || !pillar || !dueOn) return { errors, value: null };
  return {
    errors,
    value: {
      description,
      pillar,
      safeguarding: yes(input.safeguarding),
      ownerName: ownerName || null,
      dueOn,
    },
  };
}

/** Open and due before today: due today is not yet overdue. */
export function isOverdue(action: { status: string; dueOn: IsoDate }, today: IsoDate): boolean {
  return action.status === 'open' && compareDates(action.dueOn, today) < 0;
}

export const isClosed = (status: string) => status === 'completed' || status === 'cancelled';

/**
 * Which status an action may move to. An open action may be completed or cancelled; a closed one
 * may only be reopened (a completion recorded by mistake), never switched between completed and
 * cancelled, so the history says plainly what happened. Staying in the same status is a note.
 */
export function mayChangeStatus(from: ActionStatus, to: ActionStatus): boolean {
  if (from === to) return true;
  if (from === 'open') return true;
  return to === 'open';
}

export interface ActionUpdateFields {
  note?: unknown;
  status?: unknown;
}

/**
 * An update is a progress note, a change of status, or both; an empty one is refused. Closing an
 * action (completing or cancelling) without a note is allowed: the status says it.
 */
export function validateActionUpdate(
  current: ActionStatus,
  input: ActionUpdateFields,
): { errors: FieldErrors; value: { note: string; status: ActionStatus } | null } {
  const errors: FieldErrors = {};
  const note = text(input.note);
  if (note.length > NOTE_MAX) errors.note = `Update must be ${NOTE_MAX} characters or fewer`;
  let status: ActionStatus = current;
  if (input.status !== undefined && input.status !== null && input.status !== '') {
    const found = ACTION_STATUS.find((s) => s.code === input.status)?.code;
    if (!found) errors.status = 'Select the status of the action';
    else if (!mayChangeStatus(current, found))
      errors.status = `A ${current} action can only be reopened, not marked ${found}`;
    else status = found;
  }
  if (!errors.note && !errors.status && !note && status === current)
    errors.note =
      current === 'open'
        ? 'Enter an update on progress, or mark the action completed or cancelled'
        : 'Enter an update, or reopen the action';
  if (Object.keys(errors).length) return { errors, value: null };
  return { errors, value: { note, status } };
}

/** Open actions first (overdue, then soonest due), then closed ones, most recently due first. */
export function compareActions(
  a: { status: string; dueOn: IsoDate },
  b: { status: string; dueOn: IsoDate },
): number {
  const aOpen = a.status === 'open' ? 0 : 1;
  const bOpen = b.status === 'open' ? 0 : 1;
  if (aOpen !== bOpen) return aOpen - bOpen;
  return aOpen === 0 ? compareDates(a.dueOn, b.dueOn) : compareDates(b.dueOn, a.dueOn);
}
