import { z } from 'zod';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { compareDates, formatDateLong, isRealDate } from '../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { isActionOverdue } from '../../domain/internal-risk-meetings.ts';
import { isUuid } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse.ts';
import { loadInScope, recordAndLog } from '../nominals/index.ts';
import { agenciesByIds } from '../reference/index.ts';
import type { CustodyDue } from './monitoring.ts';

/**
 * Internal risk management meetings (IRMM, issue 14): the establishment's own meeting about one
 * prisoner — who came or sent apologies, what was said of their behaviour in custody and the risk
 * they pose, what was decided, and the actions agreed (each with an owner and a due date, marked
 * done when done). Prison staff and the community managers who may see custody see them
 * (`custody.view`); duty-to-co-operate agencies never do. Overdue actions are on the custody
 * worklist; the outcomes pre-fill the prison's MAPPA F report (report-summary.ts).
 */

const SECTION = 'internal risk management meetings';
const MAX_ATTENDEES = 30;
const MAX_ACTIONS = 20;

const day = (label: string) =>
  z
    .string({ error: `Enter the ${label.toLowerCase()}` })
    .refine(isRealDate, { error: `${label} must be a real date` });
const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label.toLowerCase()}` })
    .trim()
    .min(1, { error: `Enter the ${label.toLowerCase()}` })
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .refine((v) => !v.includes('\0'), { error: `${label} must not contain a NUL character` });
const optionalText = (label: string, max: number) =>
  z.preprocess((v) => (v === '' ? null : v), text(label, max).nullable().optional());

export const IrmmAttendee = z.object({
  name: text('Name', 200),
  role: text('Role or agency', 200).describe(
    'Their role and agency, e.g. "Prison offender manager, HMP Bristol"',
  ),
  attended: z
    .boolean({ error: 'Select whether they attended or sent apologies' })
    .describe('true: attended; false: sent apologies'),
});

export const IrmmActionInput = z.object({
  description: text('Action', 1000),
  ownerName: text('Owner', 200).describe('Who will do it (name, and role or agency)'),
  dueOn: day('Due date'),
});

export const IrmmInput = z.object({
  heldOn: day('Date of the meeting'),
  establishmentAgencyId: z
    .string({ error: 'Select the establishment' })
    .min(1, { error: 'Select the establishment' })
    .describe('The prison that held the meeting'),
  attendees: z
    .array(IrmmAttendee, { error: 'Add the people invited' })
    .min(1, { error: 'Add at least one person who attended or sent apologies' })
    .max(MAX_ATTENDEES, { error: `Add at most ${MAX_ATTENDEES} people` }),
  custodyBehaviour: optionalText('Custody behaviour', 4000).describe(
    'Behaviour in custody as discussed: conduct, relationships, engagement',
  ),
  riskConcerns: optionalText('Risk concerns', 4000).describe('Concerns about risk raised at the meeting'),
  decisions: text('Decisions', 4000).describe('What the meeting decided'),
  actions: z
    .array(IrmmActionInput)
    .max(MAX_ACTIONS, { error: `Add at most ${MAX_ACTIONS} actions` })
    .default([])
    .describe('The actions agreed, each with its owner and due date'),
});

export const IrmmActionDone = z.object({
  version: z.coerce
    .number({ error: 'Reload the page: the version is missing' })
    .int({ error: 'Reload the page: the version is missing' })
    .min(1, { error: 'Reload the page: the version is missing' })
    .describe('The action’s version you read; 409 if it changed since'),
});

const on = z.iso.date();
export const IrmmView = z.object({
  meetings: z.array(
    z.object({
      id: z.uuid(),
      heldOn: on,
      establishment: z.object({ id: z.uuid(), name: z.string() }),
      attendees: z.array(IrmmAttendee),
      custodyBehaviour: z.string().nullable(),
      riskConcerns: z.string().nullable(),
      decisions: z.string(),
      actions: z.array(
        z.object({
          id: z.uuid(),
          version: z.number().int(),
          description: z.string(),
          ownerName: z.string(),
          dueOn: on,
          doneOn: on.nullable(),
          overdue: z.boolean(),
        }),
      ),
    }),
  ),
  mayEdit: z.boolean(),
});
export type IrmmView = z.infer<typeof IrmmView>;

// --- Reading ----------------------------------------------------------------------------------

/** The person's IRMMs, newest first, with their attendees and actions (and which are overdue). */
export async function internalRiskMeetings(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
): Promise<IrmmView> {
  authorize(ctx.actor, 'custody.view');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const rows = await tx
      .selectFrom('internal_risk_meetings')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('held_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    const ids = rows.map((r) => r.id);
    const [attendees, actions, agencies] = ids.length
      ? await Promise.all([
          tx
            .selectFrom('internal_risk_meeting_attendees')
            .selectAll()
            .where('meeting_id', 'in', ids)
            .orderBy('position')
            .execute(),
          tx
            .selectFrom('internal_risk_meeting_actions')
            .selectAll()
            .where('meeting_id', 'in', ids)
            .orderBy('position')
            .execute(),
          agenciesByIds(
            tx,
            rows.map((r) => r.establishment_agency_id),
          ),
        ])
      : [[], [], new Map()];
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: SECTION,
    });
    return {
      meetings: rows.map((r) => ({
        id: r.id,
        heldOn: r.held_on,
        establishment: {
          id: r.establishment_agency_id,
          name: agencies.get(r.establishment_agency_id)?.name ?? 'Unknown establishment',
        },
        attendees: attendees
          .filter((a) => a.meeting_id === r.id)
          .map((a) => ({ name: a.name, role: a.role, attended: a.attended })),
        custodyBehaviour: r.custody_behaviour,
        riskConcerns: r.risk_concerns,
        decisions: r.decisions,
        actions: actions
          .filter((a) => a.meeting_id === r.id)
          .map((a) => ({
            id: a.id,
            version: a.version,
            description: a.description,
            ownerName: a.owner_name,
            dueOn: a.due_on,
            doneOn: a.done_on,
            overdue: isActionOverdue({ dueOn: a.due_on, doneOn: a.done_on }, ctx.today),
          })),
      })),
      mayEdit: can(ctx.actor, 'custody.edit'),
    };
  });
}

// --- Writing ----------------------------------------------------------------------------------

/** Records an IRMM with its attendees and actions: one transaction, on the timeline and in the log. */
export async function recordInternalRiskMeeting(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'custody.edit');
  const values = parseInput(IrmmInput, input);
  return database.transaction(async (tx) => {
    // Scope first: someone out of scope learns nothing, not even that their input was wrong.
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const errors: FieldErrors = {};
    if (compareDates(values.heldOn, ctx.today) > 0)
      errors.heldOn = 'Date of the meeting must be today or in the past';
    const establishment = isUuid(values.establishmentAgencyId)
      ? (await agenciesByIds(tx, [values.establishmentAgencyId])).get(values.establishmentAgencyId)
      : undefined;
    if (establishment?.type !== 'prison') errors.establishmentAgencyId = 'Select a prison establishment';
    values.actions.forEach((a, i) => {
      if (compareDates(a.dueOn, values.heldOn) < 0)
        errors[`actions.${i}.dueOn`] = 'Due date must be on or after the date of the meeting';
    });
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const meeting = await tx
      .insertInto('internal_risk_meetings')
      .values({
        nominal_id: nominalId,
        establishment_agency_id: values.establishmentAgencyId,
        held_on: values.heldOn,
        custody_behaviour: values.custodyBehaviour ?? null,
        risk_concerns: values.riskConcerns ?? null,
        decisions: values.decisions,
        created_at: ctx.now,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('internal_risk_meeting_attendees')
      .values(values.attendees.map((a, i) => ({ meeting_id: meeting.id, position: i + 1, ...a })))
      .execute();
    if (values.actions.length)
      await tx
        .insertInto('internal_risk_meeting_actions')
        .values(
          values.actions.map((a, i) => ({
            meeting_id: meeting.id,
            position: i + 1,
            description: a.description,
            owner_name: a.ownerName,
            due_on: a.dueOn,
            updated_at: ctx.now,
            updated_by: ctx.actor.userId,
          })),
        )
        .execute();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'custody',
        entityId: meeting.id,
        entityVersion: 1,
        action: 'created',
        summary: `Internal risk management meeting held at ${establishment!.name} on ${formatDateLong(values.heldOn)} recorded${values.actions.length ? ` (${values.actions.length} action${values.actions.length === 1 ? '' : 's'} agreed)` : ''}`,
        before: null,
        after: null,
      },
      { section: SECTION },
    );
    return { id: meeting.id };
  });
}

/** Marks an agreed action done today, at the version the person read (else 409). */
export async function markIrmmActionDone(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  meetingId: string,
  actionId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'custody.edit');
  return database.transaction(async (tx) => {
    // Scope first: out of scope is "not found" whatever was sent.
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    if (!isUuid(meetingId) || !isUuid(actionId)) throw new NotFoundError();
    const action = await tx
      .selectFrom('internal_risk_meeting_actions as a')
      .innerJoin('internal_risk_meetings as m', 'm.id', 'a.meeting_id')
      .selectAll('a')
      .where('a.id', '=', actionId)
      .where('a.meeting_id', '=', meetingId)
      .where('m.nominal_id', '=', nominalId)
      .forUpdate()
      .executeTakeFirst();
    if (!action) throw new NotFoundError();
    const { version } = parseInput(IrmmActionDone, input);
    if (action.version !== version)
      throw new ConflictError(
        'Someone changed this action after you opened it: reload the page and try again',
      );
    if (action.done_on) throw new ValidationError({ version: 'This action is already done' });
    const updated = await tx
      .updateTable('internal_risk_meeting_actions')
      .set({ done_on: ctx.today, updated_at: ctx.now, updated_by: ctx.actor.userId, version: version + 1 })
      .where('id', '=', actionId)
      .where('version', '=', version)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'custody',
        entityId: actionId,
        entityVersion: updated.version,
        action: 'updated',
        summary: `Internal risk management meeting action done: ${action.description}`,
        before: { doneOn: null },
        after: { doneOn: ctx.today },
      },
      { section: SECTION },
    );
    return updated;
  });
}

// --- Worklist ---------------------------------------------------------------------------------

/** The custody worklist's rows for overdue IRMM actions of the people of these episodes: one query. */
export async function irmmWorklistRows(
  tx: Tx,
  ctx: UseCaseContext,
  episodes: readonly { id: string; nominal_id: string }[],
): Promise<CustodyDue[]> {
  if (!episodes.length) return [];
  const overdue = await tx
    .selectFrom('internal_risk_meeting_actions as a')
    .innerJoin('internal_risk_meetings as m', 'm.id', 'a.meeting_id')
    .select(['m.nominal_id', 'm.held_on', 'a.description', 'a.owner_name', 'a.due_on'])
    .where(
      'm.nominal_id',
      'in',
      episodes.map((e) => e.nominal_id),
    )
    .where('a.done_on', 'is', null)
    .where('a.due_on', '<', ctx.today)
    .execute();
  if (!overdue.length) return [];
  const episodeOf = new Map(episodes.map((e) => [e.nominal_id, e.id]));
  return overdue.map((a) => {
    return {
      nominalId: a.nominal_id,
      episodeId: episodeOf.get(a.nominal_id)!,
      kind: 'irmm_action',
      reason: `Internal risk management meeting action (${formatDateLong(a.held_on)}), ${a.owner_name}: ${a.description}`,
      dueOn: a.due_on,
      late: true,
    };
  });
}
