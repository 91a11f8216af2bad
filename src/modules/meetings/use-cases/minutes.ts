import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize } from '../../../access/policy.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import {
  approvalErrors,
  keepVictimItems,
  readMinutesContent,
  validateMinutesInput,
  withholdVictimItems,
  type MinutesContent,
} from '../../../domain/agenda.ts';
import { formatDateLong } from '../../../domain/dates.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { actionsForMinutes } from '../../actions/index.ts';
import { levelDecisionsAtMeeting } from '../../levels/index.ts';
import { loadInScope, recordAndLog } from '../../nominals/index.ts';
import { resolveInboxItems } from '../../notifications/index.ts';
import { planVersionsFromMeeting } from '../../risk-management-plan/index.ts';
import { areaNames } from '../../reference/index.ts';
import { usersByIds } from '../../users/index.ts';
import { londonTime, meetingDay, meetingName } from '../london-time.ts';
import { ApprovalInput, CorrectionInput } from '../schemas.ts';
import { attendanceOf } from './attendance.ts';
import { chairNameOf } from './meetings.ts';
import { loadMeeting, requireMeetingNominal, type MeetingRow } from './scope.ts';

/**
 * The minutes of one person at one meeting (MAPPA B): saved as drafts with optimistic row versions,
 * approved by the chair once disclosure has been considered, then locked; a correction is a new
 * version, and the approved one stays until the correction is approved.
 */

/** Approved minutes are locked: a change is a correction, a new version. */
export class MinutesLockedError extends ConflictError {}

export const LOCKED_MESSAGE =
  'These minutes have been approved and are locked. To change them, start a correction: it becomes a new version, and the approved version stays until the correction is approved.';

export const CANCELLED_MESSAGE =
  'This meeting was cancelled: it has no minutes, actions or decisions. Schedule a new meeting instead.';

/** A cancelled meeting was never held: nothing is minuted or decided at it. */
export function requireMinutable(meeting: MeetingRow): void {
  if (meeting.status === 'cancelled') throw new MinutesLockedError(CANCELLED_MESSAGE);
}

/** Every version of the minutes, the latest first, with who saved and approved each. */
async function minutesVersions(tx: Tx, meetingId: string, nominalId: string) {
  const rows = await tx
    .selectFrom('minutes')
    .select([
      'id',
      'version',
      'status',
      'content',
      'correction_reason',
      'updated_at',
      'updated_by',
      'approved_at',
      'approved_by',
      'row_version',
    ])
    .where('meeting_id', '=', meetingId)
    .where('nominal_id', '=', nominalId)
    .orderBy('version', 'desc')
    .execute();
  const users = await usersByIds(
    tx,
    rows.flatMap((r) => [r.updated_by, r.approved_by]),
  );
  return rows.map((r) => ({
    ...r,
    updatedByName: users.get(r.updated_by)?.displayName ?? '',
    approvedByName: r.approved_by ? (users.get(r.approved_by)?.displayName ?? null) : null,
  }));
}
type MinutesVersion = Awaited<ReturnType<typeof minutesVersions>>[number];

const presentVersion = (v: MinutesVersion) => ({
  version: v.version,
  status: v.status,
  rowVersion: v.row_version,
  correctionReason: v.correction_reason,
  updatedAt: new Date(v.updated_at).toISOString(),
  updatedBy: v.updatedByName,
  approvedAt: v.approved_at ? new Date(v.approved_at).toISOString() : null,
  approvedBy: v.approvedByName,
});

/** The meeting as its minutes head it. */
const meetingHeading = (meeting: MeetingRow, chairName: string | null, areaName: string) => ({
  id: meeting.id,
  areaName,
  level: meeting.level,
  startsAt: new Date(meeting.starts_at).toISOString(),
  day: meetingDay(meeting.starts_at),
  time: londonTime(meeting.starts_at),
  status: meeting.status,
  chairUserId: meeting.chair_user_id,
  chairName,
});

/** The level decisions made at the meeting, with who made them (only for those who see levels). */
async function levelDecisionsOf(tx: Tx, meetingId: string, nominalId: string) {
  const decisions = await levelDecisionsAtMeeting(tx, meetingId, nominalId);
  const users = await usersByIds(
    tx,
    decisions.map((d) => d.decidedById),
  );
  return decisions.map(({ decidedById, ...d }) => ({
    ...d,
    decidedOn: String(d.decidedOn).slice(0, 10),
    decidedBy: users.get(decidedById)?.displayName ?? '',
  }));
}

/** Everything the minutes of one person at one meeting hold, for the page, the document and the API. */
export async function getMinutes(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  version?: number,
) {
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.view');
    const person = await requireMeetingNominal(tx, meetingId, nominalId);
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const versions = await minutesVersions(tx, meetingId, nominalId);
    const shown = version ? versions.find((v) => v.version === version) : versions[0];
    if (version && !shown) throw new NotFoundError();
    const chairName = await chairNameOf(tx, meeting.chair_user_id);
    const actions = await actionsForMinutes(
      tx,
      { actor: ctx.actor, access: scope.access },
      meetingId,
      nominalId,
    );
    const levelDecisions = scope.visible.section('levels')
      ? await levelDecisionsOf(tx, meetingId, nominalId)
      : [];
    const planVersions = await planVersionsFromMeeting(tx, meetingId, nominalId);
    const attendance = await attendanceOf(tx, meetingId);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `minutes of the ${meetingName(meeting)}`,
    });
    return {
      meeting: meetingHeading(
        meeting,
        chairName,
        (await areaNames(tx, [meeting.area_code])).get(meeting.area_code) ?? meeting.area_code,
      ),
      person,
      versions: versions.map(presentVersion),
      minutes: shown
        ? {
            ...presentVersion(shown),
            content: scope.visible.victims
              ? readMinutesContent(shown.content)
              : withholdVictimItems(readMinutesContent(shown.content)),
          }
        : null,
      victimsWithheld: !scope.visible.victims,
      latestStatus: versions[0]?.status ?? null,
      newActions: actions.agreed,
      earlierActions: actions.earlier,
      updates: actions.updates,
      levelDecisions,
      planVersions,
      attendance: attendance.records,
      invitations: attendance.agencies,
    };
  });
}

/** Whether the minutes may still be changed: refuses approved ones with the locked message. */
export async function requireDraftable(tx: Tx, meetingId: string, nominalId: string) {
  const [latest] = await minutesVersions(tx, meetingId, nominalId);
  if (latest && latest.status !== 'draft') throw new MinutesLockedError(LOCKED_MESSAGE);
  return latest;
}

/**
 * Saves the minutes as typed (a draft). The first save creates version 1; later saves name the
 * row version they started from, and a stale one is refused with who saved in between. Takes the
 * form's flat fields or the API's nested object (domain/agenda.ts reads either).
 */
export async function saveMinutes(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  input: Record<string, unknown>,
) {
  authorize(ctx.actor, 'meeting.manage');
  const expected = input.rowVersion === undefined || input.rowVersion === '' ? 0 : Number(input.rowVersion);
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    requireMinutable(meeting);
    await requireMeetingNominal(tx, meetingId, nominalId);
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const validated = validateMinutesInput(input, meetingDay(meeting.starts_at));
    const errors = validated.errors;
    if (!Number.isInteger(expected) || expected < 0) errors.rowVersion = 'Reload the minutes and try again';
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const latest = await requireDraftable(tx, meetingId, nominalId);
    const content = scope.visible.victims
      ? validated.content
      : keepVictimItems(validated.content, latest ? readMinutesContent(latest.content) : null);
    const row = latest
      ? await tx
          .updateTable('minutes')
          .set({
            content: JSON.stringify(content),
            updated_at: ctx.now,
            updated_by: ctx.actor.userId,
            row_version: latest.row_version + 1,
          })
          .where('id', '=', latest.id)
          .where('status', '=', 'draft')
          .where('row_version', '=', expected)
          .returning(['version', 'row_version'])
          .executeTakeFirst()
      : expected === 0
        ? await tx
            .insertInto('minutes')
            .values({
              updated_at: ctx.now,
              meeting_id: meetingId,
              nominal_id: nominalId,
              content: JSON.stringify(content),
              updated_by: ctx.actor.userId,
            })
            .onConflict((oc) => oc.columns(['meeting_id', 'nominal_id', 'version']).doNothing())
            .returning(['version', 'row_version'])
            .executeTakeFirst()
        : undefined;
    if (!row) throw await staleMinutes(tx, meetingId, nominalId);
    const saved = { version: row.version, rowVersion: row.row_version };
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `minutes of the ${meetingName(meeting)} (version ${saved.version})`,
    });
    return saved;
  });
}

/** Why a save or approval found the minutes changed: locked, or who saved them in between. */
async function staleMinutes(tx: Tx, meetingId: string, nominalId: string) {
  const [latest] = await minutesVersions(tx, meetingId, nominalId);
  if (latest && latest.status !== 'draft') return new MinutesLockedError(LOCKED_MESSAGE);
  if (!latest)
    return new ConflictError(
      'Someone else changed these minutes after you opened them. Reload and try again.',
      [],
    );
  const at = new Date(latest.updated_at).toISOString();
  return new ConflictError(
    `${latest.updatedByName} saved these minutes at ${at} after you opened them. Reload to see their changes, then make yours again.`,
    [{ at, by: latest.updatedByName, summary: 'Minutes saved', fields: [] }],
  );
}

/**
 * The chair approves the minutes: only the meeting's chair (when one is set), and only once
 * disclosure has been considered with a reason. Approved minutes are locked; an earlier approved
 * version becomes superseded.
 */
export async function approveMinutes(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  input: { rowVersion?: unknown },
) {
  authorize(ctx.actor, 'minutes.approve');
  const expected = parseInput(ApprovalInput, input).rowVersion;
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'minutes.approve');
    requireMinutable(meeting);
    await requireMeetingNominal(tx, meetingId, nominalId);
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    if (meeting.chair_user_id && meeting.chair_user_id !== ctx.actor.userId)
      throw new ForbiddenError('Only the chair of this meeting can approve its minutes');
    const [latest] = await minutesVersions(tx, meetingId, nominalId);
    if (!latest) throw new ValidationError({ minutes: 'There are no minutes to approve yet' });
    if (latest.status !== 'draft') throw new MinutesLockedError('These minutes are already approved');
    if (expected !== latest.row_version) throw await staleMinutes(tx, meetingId, nominalId);
    const errors = approvalErrors(readMinutesContent(latest.content));
    if (Object.keys(errors).length) throw new ValidationError(errors);
    await tx
      .updateTable('minutes')
      .set({ status: 'superseded' })
      .where('meeting_id', '=', meetingId)
      .where('nominal_id', '=', nominalId)
      .where('status', '=', 'approved')
      .execute();
    const approved = await tx
      .updateTable('minutes')
      .set({
        status: 'approved',
        approved_at: ctx.now,
        approved_by: ctx.actor.userId,
        row_version: latest.row_version + 1,
      })
      .where('id', '=', latest.id)
      .where('row_version', '=', expected)
      .returning(['version', 'row_version'])
      .executeTakeFirst();
    if (!approved) throw await staleMinutes(tx, meetingId, nominalId);
    await resolveInboxItems(tx, ctx, { subjectType: 'minutes', subjectId: meetingId, nominalId });
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'meetings',
        entityId: latest.id,
        entityVersion: approved.version,
        action: 'updated',
        summary: `Minutes of the Level ${meeting.level} meeting on ${formatDateLong(meetingDay(meeting.starts_at))} approved (version ${approved.version})`,
        before: { status: 'draft' },
        after: { status: 'approved', version: approved.version },
      },
      { section: `minutes of meeting ${meetingId} approved (version ${approved.version})` },
    );
    return { version: approved.version, rowVersion: approved.row_version, status: 'approved' as const };
  });
}

/** Starts a correction of approved minutes: a new draft version with the reason; the approved one stays. */
export async function correctMinutes(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
  input: { reason?: unknown },
) {
  authorize(ctx.actor, 'meeting.manage');
  const { reason } = parseInput(CorrectionInput, input);
  return database.transaction(async (tx) => {
    await loadMeeting(tx, ctx, meetingId, 'meeting.manage');
    await requireMeetingNominal(tx, meetingId, nominalId);
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const [latest] = await minutesVersions(tx, meetingId, nominalId);
    if (!latest || latest.status !== 'approved')
      throw new ValidationError({
        reason: latest
          ? 'A correction is already in progress: edit the draft version'
          : 'There are no approved minutes to correct',
      });
    const row = await tx
      .insertInto('minutes')
      .values({
        updated_at: ctx.now,
        meeting_id: meetingId,
        nominal_id: nominalId,
        version: latest.version + 1,
        content: JSON.stringify(readMinutesContent(latest.content)),
        correction_reason: reason,
        updated_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['meeting_id', 'nominal_id', 'version']).doNothing())
      .returning(['version', 'row_version'])
      .executeTakeFirst();
    if (!row) throw new ConflictError('Someone else started a correction first. Reload to see it.');
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `minutes of meeting ${meetingId}: correction started (version ${row.version})`,
    });
    return { version: row.version, rowVersion: row.row_version, status: 'draft' as const };
  });
}

export type { MinutesContent };
