import type { Updateable } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { isUuid } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse.ts';
import { custodySummaryForReport } from '../custody/index.ts';
import { meetingDiscusses } from '../meetings/index.ts';
import { loadInScope, recordAndLog } from '../nominals/index.ts';
import { notify, resolveInboxItems } from '../notifications/index.ts';
import { activeUsersWithRole } from '../users/index.ts';
import {
  REPORT_PARTS,
  SECTION,
  editedBy,
  loadVisible,
  ofEstablishment,
  reportQuery,
  reportViews,
  staleReport,
  type ReportColumn,
  type ReportPartKey,
  type ReportView,
} from './reports.ts';
import {
  NewReport,
  ReportReturn,
  ReportRevision,
  ReportVersion,
  type NewReportInput,
  type ReportReturnInput,
  type ReportRevisionInput,
  type ReportVersionInput,
} from './schemas.ts';

/**
 * MAPPA F, the prison information-sharing report (MAPPA.md §3 step 9): written by the prison for a
 * Level 2/3 meeting, with an analysis of what the evidence means for risk (not a list of events),
 * and approved before anyone outside the establishment sees it, by the head of its offender
 * management unit or another of its prison offender managers: never by whoever wrote or edited it.
 */

/** Who approves an establishment's reports (an establishment may have only one prison offender manager). */
const APPROVERS = ['prison_offender_manager', 'head_of_offender_management_unit'] as const;

/** The access log's section for reports. */
const LOGGED_AS = 'prison report (MAPPA F)';

const consulted = (tx: Tx, ctx: UseCaseContext, nominalId: string) =>
  logAccess(tx, ctx, {
    operation: 'consultation',
    recordType: 'nominal',
    recordIds: [nominalId],
    section: LOGGED_AS,
  });

/** The reports the actor may see, newest first: approved ones, and their own establishment's drafts. */
export async function listReports(database: Database, ctx: UseCaseContext, nominalId: string) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    let query = reportQuery(tx).where('nominal_id', '=', nominalId);
    query =
      ctx.actor.agencyType === 'prison'
        ? query.where((eb) =>
            eb.or([eb('status', '=', 'approved'), eb('establishment_agency_id', '=', ctx.actor.agencyId)]),
          )
        : query.where('status', '=', 'approved');
    const rows = await query.orderBy('updated_at', 'desc').execute();
    await consulted(tx, ctx, nominalId);
    return {
      reports: await reportViews(tx, ctx, scope, rows),
      mayWrite: can(ctx.actor, 'prison-report.write') && ctx.actor.agencyType === 'prison',
    };
  });
}

export async function getReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
): Promise<ReportView> {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const row = await loadVisible(tx, ctx, scope, reportId);
    const wroteIt = await editedBy(tx, row.id, ctx.actor.userId);
    await consulted(tx, ctx, nominalId);
    const [view] = await reportViews(tx, ctx, scope, [row], wroteIt);
    return view!;
  });
}

/**
 * What a new report starts from: custody's text for the parts it knows (behaviour in custody,
 * released monitoring findings, ROTL and HDC results), read and logged in the caller's transaction.
 * The author edits it before submitting.
 */
async function startingText(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
): Promise<Partial<Record<ReportPartKey, string>>> {
  const custody = await custodySummaryForReport(tx, nominalId, ctx.today);
  await logAccess(tx, ctx, {
    operation: 'consultation',
    recordType: 'nominal',
    recordIds: [nominalId],
    section: `${LOGGED_AS}: pre-filled from custody`,
  });
  return {
    behaviour: custody.behaviour,
    communicationsMonitoring: custody.communicationsMonitoring,
    rotl: [custody.rotl, custody.hdc].filter(Boolean).join('\n\n'),
  };
}

/** The text a new report's form starts with (prison staff only): nothing is saved until the author saves. */
export async function newReportText(database: Database, ctx: UseCaseContext, nominalId: string) {
  establishmentOf(ctx);
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    return startingText(tx, ctx, nominalId);
  });
}

/** Checks the writer is prison staff; returns the establishment (their own prison). */
function establishmentOf(ctx: UseCaseContext): string {
  authorize(ctx.actor, 'prison-report.write');
  if (ctx.actor.agencyType !== 'prison')
    throw new ForbiddenError('Only prison staff can write the prison report (MAPPA F)');
  return ctx.actor.agencyId;
}

/** What submitting needs: the analysis of what the evidence means for risk. */
function submissionErrors(parts: Record<ReportPartKey, string>): FieldErrors {
  const errors: FieldErrors = {};
  if (!parts.analysis)
    errors.analysis = 'Enter the analysis of what the information means for risk before submitting';
  return errors;
}

const columnsOf = (parts: Record<ReportPartKey, string>) =>
  Object.fromEntries(REPORT_PARTS.map((p) => [p.column, parts[p.key]])) as Record<ReportColumn, string>;

/** The meeting named (none for null), if it discusses the person; otherwise its error. */
async function checkMeeting(tx: Tx, nominalId: string, meetingId: string | null, errors: FieldErrors) {
  if (meetingId === null) return null;
  if (isUuid(meetingId) && (await meetingDiscusses(tx, meetingId, nominalId))) return meetingId;
  errors.meetingId = 'Select a meeting that discusses this person';
  return null;
}

/**
 * Approvers in the establishment (other than the author) are told a report awaits them; the
 * author's item saying it was returned for changes is done.
 */
async function afterSubmission(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  establishmentId: string,
) {
  await resolveInboxItems(tx, ctx, { subjectType: 'prison-report', subjectId: reportId });
  const approvers = await activeUsersWithRole(tx, APPROVERS, { agencyIds: [establishmentId] });
  await notify(tx, ctx, {
    userIds: approvers.flatMap((u) => (u.id === ctx.actor.userId ? [] : [u.id])),
    nominalId,
    subject: 'A prison report (MAPPA F) is awaiting your approval',
    body: `${ctx.actor.displayName} submitted a prison report for approval. It is not shared until the head of the offender management unit or another prison offender manager approves it.`,
    link: `/nominals/${nominalId}/prison-reports/${reportId}`,
    about: { type: 'prison-report', id: reportId },
  });
}

/**
 * Starts a report (a draft, or submitted at once when `submit` is set). A draft's parts that the
 * caller leaves out start from custody's text; a part sent, even blank, is the author's and kept.
 */
export async function createReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: NewReportInput,
) {
  const establishmentId = establishmentOf(ctx);
  const { meetingId: meeting, submit, ...parts } = parseInput(NewReport, input);
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const errors: FieldErrors = {};
    const meetingId = await checkMeeting(tx, nominalId, meeting ?? null, errors);
    if (submit) Object.assign(errors, submissionErrors(parts));
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const sent = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const omitted = REPORT_PARTS.filter((p) => sent[p.key] === undefined);
    if (!submit && omitted.length) {
      const start = await startingText(tx, ctx, nominalId);
      for (const p of omitted) parts[p.key] = start[p.key] ?? parts[p.key];
    }
    const row = await tx
      .insertInto('prison_reports')
      .values({
        updated_at: ctx.now,
        nominal_id: nominalId,
        meeting_id: meetingId,
        establishment_agency_id: establishmentId,
        ...columnsOf(parts),
        status: submit ? 'submitted' : 'draft',
        submitted_at: submit ? ctx.now : null,
        written_by: ctx.actor.userId,
      })
      .returning(['id', 'version', 'status'])
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: row.id,
        entityVersion: row.version,
        action: 'created',
        summary: `Prison report (MAPPA F) ${submit ? 'written and submitted for approval' : 'started'} by ${ctx.actor.agencyName}`,
        before: null,
        after: { status: row.status },
      },
      { section: LOGGED_AS },
    );
    if (submit) await afterSubmission(tx, ctx, nominalId, row.id, establishmentId);
    return { id: row.id, version: row.version, status: row.status };
  });
}

/** The report for its establishment's change, at the version the editor read (else 409). */
async function loadForChange(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  expectedVersion: number,
) {
  const scope = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
  const row = await loadVisible(tx, ctx, scope, reportId);
  if (!ofEstablishment(ctx, row.establishment_agency_id)) throw new NotFoundError();
  if (expectedVersion !== row.version) throw await staleReport(tx, row.id, row.version);
  return row;
}

/**
 * Writes the report's next version, refused (409) if someone saved one since `row` was read, and
 * records the change (`summary` of the new version number) on the timeline and in the access log.
 */
async function writeNextVersion(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  row: { id: string; version: number; status: string },
  changes: Updateable<Schema['prison_reports']>,
  summary: (version: number) => string,
) {
  const updated = await tx
    .updateTable('prison_reports')
    .set({ updated_at: ctx.now, ...changes, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returning(['id', 'version', 'status'])
    .executeTakeFirst();
  if (!updated) throw await staleReport(tx, row.id, row.version);
  await recordAndLog(
    tx,
    ctx,
    {
      nominalId,
      section: SECTION,
      entityId: row.id,
      entityVersion: updated.version,
      action: 'updated',
      summary: summary(updated.version),
      before: { status: row.status },
      after: { status: updated.status },
    },
    { section: LOGGED_AS },
  );
  return updated;
}

/** Saves a draft (or a returned report) as a new version; submits it too when `submit` is set. */
export async function saveReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  input: ReportRevisionInput,
) {
  establishmentOf(ctx);
  const { expectedVersion, meetingId: meeting, submit, ...parts } = parseInput(ReportRevision, input);
  return database.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, nominalId, reportId, expectedVersion);
    if (!['draft', 'returned'].includes(row.status))
      throw new ValidationError({
        status:
          row.status === 'approved'
            ? 'This report has been approved and shared: it can no longer be changed'
            : 'This report is awaiting approval: it can be changed only if the approver returns it',
      });
    const errors: FieldErrors = {};
    // Omitted, the meeting stays as it was; null (or a blank form field) unlinks it.
    const meetingId =
      meeting === undefined ? row.meeting_id : await checkMeeting(tx, nominalId, meeting, errors);
    if (submit) Object.assign(errors, submissionErrors(parts));
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const updated = await writeNextVersion(
      tx,
      ctx,
      nominalId,
      row,
      {
        ...columnsOf(parts),
        meeting_id: meetingId,
        ...(submit ? { status: 'submitted' as const, submitted_at: ctx.now, return_reason: null } : {}),
      },
      (version) =>
        submit
          ? `Prison report (MAPPA F) submitted for approval by ${ctx.actor.agencyName}`
          : `Prison report (MAPPA F) draft saved (version ${version})`,
    );
    if (submit) await afterSubmission(tx, ctx, nominalId, row.id, row.establishment_agency_id);
    return { id: updated.id, version: updated.version, status: updated.status };
  });
}

/** Submits a saved report for approval as it stands. */
export async function submitReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  input: ReportVersionInput,
) {
  establishmentOf(ctx);
  const { expectedVersion } = parseInput(ReportVersion, input);
  return database.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, nominalId, reportId, expectedVersion);
    if (!['draft', 'returned'].includes(row.status))
      throw new ValidationError({ status: 'Only a draft or a returned report can be submitted' });
    const errors = submissionErrors(
      Object.fromEntries(REPORT_PARTS.map((p) => [p.key, row[p.column]])) as Record<ReportPartKey, string>,
    );
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const updated = await writeNextVersion(
      tx,
      ctx,
      nominalId,
      row,
      { status: 'submitted', submitted_at: ctx.now, return_reason: null },
      () => `Prison report (MAPPA F) submitted for approval by ${ctx.actor.agencyName}`,
    );
    await afterSubmission(tx, ctx, nominalId, row.id, row.establishment_agency_id);
    return { id: updated.id, version: updated.version, status: updated.status };
  });
}

/**
 * The head of the establishment's offender management unit, or another of its prison offender
 * managers, approves (it is then shared with everyone who can see the record) or returns it with a
 * reason. Nobody approves a report they wrote or edited. Either way, the approvers' inbox items
 * asking for the decision are done.
 */
export async function decideReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  decision: 'approve' | 'return',
  input: ReportVersionInput | ReportReturnInput,
) {
  authorize(ctx.actor, 'prison-report.approve');
  const { expectedVersion, reason } =
    decision === 'return'
      ? parseInput(ReportReturn, input)
      : { ...parseInput(ReportVersion, input), reason: '' };
  return database.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, nominalId, reportId, expectedVersion);
    if (row.status !== 'submitted')
      throw new ValidationError({ status: 'Only a report awaiting approval can be approved or returned' });
    if (row.written_by === ctx.actor.userId || (await editedBy(tx, row.id, ctx.actor.userId)))
      throw new ValidationError({
        status:
          'You cannot approve or return a report you wrote: the head of the offender management unit or another prison offender manager must',
      });
    const updated = await writeNextVersion(
      tx,
      ctx,
      nominalId,
      row,
      decision === 'approve'
        ? { status: 'approved', approved_by: ctx.actor.userId, approved_at: ctx.now, updated_at: ctx.now }
        : { status: 'returned', return_reason: reason, updated_at: ctx.now },
      () =>
        decision === 'approve'
          ? `Prison report (MAPPA F) approved by ${ctx.actor.displayName} and shared`
          : `Prison report (MAPPA F) returned to its author by ${ctx.actor.displayName}`,
    );
    await resolveInboxItems(tx, ctx, { subjectType: 'prison-report', subjectId: row.id });
    await notify(tx, ctx, {
      userIds: [row.written_by],
      nominalId,
      subject:
        decision === 'approve'
          ? 'Your prison report (MAPPA F) has been approved'
          : 'Your prison report (MAPPA F) has been returned',
      body:
        decision === 'approve'
          ? `${ctx.actor.displayName} approved your prison report. It is now shared with everyone who can see the record.`
          : `${ctx.actor.displayName} returned your prison report for changes.`,
      link: `/nominals/${nominalId}/prison-reports/${row.id}`,
    });
    return { id: updated.id, version: updated.version, status: updated.status };
  });
}
