import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize } from '../../../access/policy.ts';
import type { Database } from '../../../db/database.ts';
import { compareDates } from '../../../domain/dates.ts';
import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { isUuid } from '../../../validation/fields.ts';
import { parseInput } from '../../../validation/parse.ts';
import {
  actionOrigin,
  addActionUpdate,
  createAction,
  distributeMeetingActions,
} from '../../actions/index.ts';
import { recordLevelDecision } from '../../levels/index.ts';
import { agenciesByIds, agenciesInArea } from '../../reference/index.ts';
import { activeUsersOfAgencies } from '../../users/index.ts';
import { meetingDay } from '../london-time.ts';
import { PanelDecisionInput } from '../schemas.ts';
import { requireDraftable, requireMinutable } from './minutes.ts';
import { loadMeeting, requireMeetingNominal } from './scope.ts';

/**
 * What a meeting decides about a person, recorded from their minutes: new actions, updates on
 * earlier ones (both the actions capability's), and the panel's level decision (the levels
 * capability's).
 */

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');

/** Who may own an action from this meeting: the invited agencies first, then the area's others, and their users. */
export async function actionFormOptions(database: Database, ctx: UseCaseContext, meetingId: string) {
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    const invitedIds = (
      await tx
        .selectFrom('meeting_invitations')
        .select('agency_id')
        .where('meeting_id', '=', meetingId)
        .execute()
    ).map((i) => i.agency_id);
    const invited = [...(await agenciesByIds(tx, invitedIds)).values()].sort(byName);
    const others = (await agenciesInArea(tx, meeting.area_code)).filter((a) => !invitedIds.includes(a.id));
    const agencyName = new Map(invited.map((a) => [a.id, a.name]));
    const users = (await activeUsersOfAgencies(tx, invitedIds))
      .map((u) => ({ id: u.id, name: u.displayName, agencyName: agencyName.get(u.agencyId) ?? '' }))
      .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'en-GB'));
    return {
      agencies: [
        ...invited.map((a) => ({ id: a.id, name: a.name, invited: true })),
        ...others.map((a) => ({ id: a.id, name: a.name, invited: false })),
      ],
      users,
    };
  });
}

/** A new action decided at this meeting, added from the minutes page (the actions capability checks it). */
export async function addMinutesAction(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  form: Parameters<typeof createAction>[3],
) {
  authorize(ctx.actor, 'meeting.manage');
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    requireMinutable(meeting);
    await requireMeetingNominal(tx, meetingId, nominalId);
    await requireDraftable(tx, meetingId, nominalId);
    const created = await createAction(tx, ctx, nominalId, form, meetingId);
    // Added while completing the minutes after the close: its owner must not wait for another close.
    if (meeting.status === 'closed') await distributeMeetingActions(tx, ctx, meetingId);
    return created;
  });
}

/** An update on an earlier action, recorded at this meeting (the actions capability checks it). */
export async function addMinutesActionUpdate(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  actionId: string,
  form: Parameters<typeof addActionUpdate>[3],
) {
  authorize(ctx.actor, 'meeting.manage');
  return database.transaction(async (tx) => {
    requireMinutable(await loadMeeting(tx, ctx, meetingId, 'meeting.manage'));
    await requireMeetingNominal(tx, meetingId, nominalId);
    await requireDraftable(tx, meetingId, nominalId);
    const action = isUuid(actionId) ? await actionOrigin(tx, actionId) : undefined;
    if (!action || action.nominalId !== nominalId) throw new NotFoundError();
    if (action.meetingId === meetingId)
      throw new ValidationError({
        note: 'This action was set at this meeting: updates are for actions from earlier meetings',
      });
    return addActionUpdate(tx, ctx, actionId, form, meetingId);
  });
}

/**
 * The panel's level decision, recorded with the meeting: a Level 2 panel escalates to Level 3 here
 * in one step (no referral, no re-screening). A reduction with open actions is refused by the
 * levels rule unless the chair gives an override reason.
 */
export async function recordPanelDecision(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  input: PanelDecisionInput,
) {
  authorize(ctx.actor, 'level.decide');
  const form = parseInput(PanelDecisionInput, input);
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'level.decide');
    requireMinutable(meeting);
    await requireMeetingNominal(tx, meetingId, nominalId);
    // Approved minutes are read-only: a level decision then is a correction of them, first.
    await requireDraftable(tx, meetingId, nominalId);
    const day = meetingDay(meeting.starts_at);
    return recordLevelDecision(tx, ctx, nominalId, {
      level: form.level === 'end' ? undefined : form.level,
      deregister: form.level === 'end',
      criteria: form.criteria,
      rationale: form.rationale,
      decidedOn: compareDates(day, ctx.today) <= 0 ? day : ctx.today,
      meetingId,
      overrideReason: form.overrideReason,
      continuesAtLowerLevel: form.continuesAtLowerLevel,
    });
  });
}
