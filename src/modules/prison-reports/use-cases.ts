import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Updateable } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type FieldErrors,
} from '../../domain/errors.ts';
import type { VigilDocument } from '../../web/documents/document.ts';
import { recordChange, loadInScope, type InScope } from '../nominals/index.ts';
import { isUuid } from '../../validation/fields.ts';
import { notify } from '../notifications/index.ts';
import { activeUsersWithRole } from '../users/index.ts';

/**
 * MAPPA F, the prison information-sharing report (MAPPA.md §3 step 9): written by the prison for a
 * Level 2/3 meeting, with an analysis of what the evidence means for risk (not a list of events),
 * and approved by a second manager of the same establishment before anyone outside it sees it.
 */

export const REPORT_PARTS = [
  {
    key: 'behaviour',
    column: 'behaviour',
    label: 'Behaviour in custody',
    hint: 'Conduct on the wing, relationships with staff and other prisoners, engagement with the sentence plan.',
  },
  {
    key: 'adjudications',
    column: 'adjudications',
    label: 'Adjudications',
    hint: 'Proven adjudications and what they were for, with dates.',
  },
  {
    key: 'securityIntelligence',
    column: 'security_intelligence',
    label: 'Security intelligence',
    hint: 'Intelligence held by the security department that bears on risk. Not shown to duty-to-co-operate agencies.',
  },
  {
    key: 'offenceParalleling',
    column: 'offence_paralleling',
    label: 'Offence-paralleling behaviour',
    hint: 'Behaviour in custody that mirrors the offending, for example grooming, controlling or threatening others.',
  },
  {
    key: 'rotl',
    column: 'rotl',
    label: 'Release on temporary licence (ROTL)',
    hint: 'ROTL granted, refused or failed, and how the person managed it.',
  },
  {
    key: 'communicationsMonitoring',
    column: 'communications_monitoring',
    label: 'Communications monitoring findings',
    hint: 'What phone and mail monitoring found, if the person is monitored: contacts, frequency, content of concern.',
  },
  {
    key: 'analysis',
    column: 'analysis',
    label: 'Analysis: what this means for risk',
    hint: 'What the evidence above says about the risk the person poses, to whom, and what the panel should consider. Not a list of events.',
  },
] as const;
export type ReportPartKey = (typeof REPORT_PARTS)[number]['key'];
type ReportColumn = (typeof REPORT_PARTS)[number]['column'];

export const REPORT_STATUS = [
  { code: 'draft', label: 'Draft' },
  { code: 'submitted', label: 'Awaiting approval' },
  { code: 'returned', label: 'Returned for changes' },
  { code: 'approved', label: 'Approved and shared' },
] as const;

export const SECURITY_INTELLIGENCE_WITHHELD =
  'Withheld: prison security intelligence is not shared with duty-to-co-operate agencies.';

const PART_MAX = 10000;
const REASON_MAX = 2000;

export interface ReportView {
  id: string;
  nominalId: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  statusLabel: string;
  version: number;
  establishment: { id: string; name: string };
  meeting: { id: string; startsAt: Date; level: number } | null;
  parts: Record<ReportPartKey, string>;
  securityIntelligenceWithheld: boolean;
  writtenBy: { id: string; name: string };
  updatedAt: Date;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  returnReason: string | null;
  /** What the actor may do with it now. */
  mayEdit: boolean;
  mayApprove: boolean;
}

export interface ReportInput {
  expectedVersion?: unknown;
  meetingId?: unknown;
  behaviour?: unknown;
  adjudications?: unknown;
  securityIntelligence?: unknown;
  offenceParalleling?: unknown;
  rotl?: unknown;
  communicationsMonitoring?: unknown;
  analysis?: unknown;
  /** Submit for approval in the same step. */
  submit?: unknown;
}

const textOf = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '');
const yes = (v: unknown) => v === true || v === 'yes' || v === 'true';
const dateOrNull = (v: Date | string | null) => (v === null ? null : new Date(v));

/** Staff of this establishment: the only people who see a report before it is approved. */
const ofEstablishment = (ctx: UseCaseContext, establishmentId: string) =>
  ctx.actor.agencyType === 'prison' && ctx.actor.agencyId === establishmentId;

function reportQuery(tx: Tx) {
  return tx
    .selectFrom('prison_reports as r')
    .innerJoin('agencies as a', 'a.id', 'r.establishment_agency_id')
    .innerJoin('users as w', 'w.id', 'r.written_by')
    .leftJoin('users as ap', 'ap.id', 'r.approved_by')
    .leftJoin('meetings as m', 'm.id', 'r.meeting_id')
    .select([
      'r.id',
      'r.nominal_id',
      'r.status',
      'r.version',
      'r.establishment_agency_id',
      'a.name as establishment_name',
      'r.meeting_id',
      'm.starts_at as meeting_starts_at',
      'm.level as meeting_level',
      ...REPORT_PARTS.map((p) => `r.${p.column}` as `r.${ReportColumn}`),
      'r.written_by',
      'w.display_name as written_by_name',
      'r.updated_at',
      'r.submitted_at',
      'ap.display_name as approved_by_name',
      'r.approved_at',
      'r.return_reason',
    ]);
}
type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;

async function editedBy(tx: Tx, reportId: string, userId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('nominal_changes')
    .select('id')
    .where('entity_id', '=', reportId)
    .where('section', '=', 'prison-reports')
    .where('user_id', '=', userId)
    .where('action', 'in', ['created', 'updated'])
    // Approving or returning it is not writing it.
    .where('summary', 'not like', 'Prison report (MAPPA F) approved%')
    .where('summary', 'not like', 'Prison report (MAPPA F) returned%')
    .executeTakeFirst();
  return row !== undefined;
}

function toView(ctx: UseCaseContext, scope: InScope, row: ReportRow, wroteIt: boolean): ReportView {
  const own = ofEstablishment(ctx, row.establishment_agency_id);
  // Duty-to-co-operate agencies see the approved report, but never prison security intelligence.
  const withhold = scope.access.via === 'involvement';
  const parts = Object.fromEntries(
    REPORT_PARTS.map((p) => [
      p.key,
      p.key === 'securityIntelligence' && withhold ? SECURITY_INTELLIGENCE_WITHHELD : row[p.column],
    ]),
  ) as Record<ReportPartKey, string>;
  return {
    id: row.id,
    nominalId: row.nominal_id,
    status: row.status,
    statusLabel: REPORT_STATUS.find((s) => s.code === row.status)?.label ?? row.status,
    version: row.version,
    establishment: { id: row.establishment_agency_id, name: row.establishment_name },
    meeting:
      row.meeting_id && row.meeting_starts_at && row.meeting_level
        ? { id: row.meeting_id, startsAt: new Date(row.meeting_starts_at), level: row.meeting_level }
        : null,
    parts,
    securityIntelligenceWithheld: withhold,
    writtenBy: { id: row.written_by, name: row.written_by_name },
    updatedAt: new Date(row.updated_at),
    submittedAt: dateOrNull(row.submitted_at),
    approvedBy: row.approved_by_name,
    approvedAt: dateOrNull(row.approved_at),
    returnReason: row.return_reason,
    mayEdit: own && can(ctx.actor, 'prison-report.write') && ['draft', 'returned'].includes(row.status),
    mayApprove:
      own &&
      can(ctx.actor, 'prison-report.approve') &&
      row.status === 'submitted' &&
      row.written_by !== ctx.actor.userId &&
      !wroteIt,
  };
}

/** A report the actor may see, or "not found": drafts and submitted reports stay in the establishment. */
async function loadVisible(tx: Tx, ctx: UseCaseContext, scope: InScope, reportId: string) {
  if (!isUuid(reportId)) throw new NotFoundError();
  const row = await reportQuery(tx)
    .where('r.id', '=', reportId)
    .where('r.nominal_id', '=', scope.nominal.id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  if (row.status !== 'approved' && !ofEstablishment(ctx, row.establishment_agency_id))
    throw new NotFoundError();
  return row;
}

const logged = (
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  operation: 'consultation' | 'collection' | 'alteration',
) =>
  logAccess(tx, ctx, {
    operation,
    recordType: 'nominal',
    recordIds: [nominalId],
    section: 'prison report (MAPPA F)',
  });

/** The reports the actor may see, newest first: approved ones, and their own establishment's drafts. */
export async function listReports(database: Database, ctx: UseCaseContext, nominalId: string) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    let query = reportQuery(tx).where('r.nominal_id', '=', nominalId);
    query =
      ctx.actor.agencyType === 'prison'
        ? query.where((eb) =>
            eb.or([
              eb('r.status', '=', 'approved'),
              eb('r.establishment_agency_id', '=', ctx.actor.agencyId),
            ]),
          )
        : query.where('r.status', '=', 'approved');
    const rows = await query.orderBy('r.updated_at', 'desc').execute();
    await logged(tx, ctx, nominalId, 'consultation');
    return {
      reports: rows.map((row) => toView(ctx, scope, row, false)),
      mayWrite: can(ctx.actor, 'prison-report.write') && ctx.actor.agencyType === 'prison',
    };
  });
}

export async function getReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const row = await loadVisible(tx, ctx, scope, reportId);
    const wroteIt = await editedBy(tx, row.id, ctx.actor.userId);
    await logged(tx, ctx, nominalId, 'consultation');
    return toView(ctx, scope, row, wroteIt);
  });
}

/** Checks the writer is prison staff; returns the establishment (their own prison). */
function establishmentOf(ctx: UseCaseContext): string {
  authorize(ctx.actor, 'prison-report.write');
  if (ctx.actor.agencyType !== 'prison')
    throw new ForbiddenError('Only prison staff can write the prison report (MAPPA F)');
  return ctx.actor.agencyId;
}

function readParts(input: ReportInput, errors: FieldErrors): Record<ReportPartKey, string> {
  const parts = {} as Record<ReportPartKey, string>;
  for (const p of REPORT_PARTS) {
    const v = input[p.key];
    if (v !== undefined && v !== null && typeof v !== 'string') errors[p.key] = `${p.label} must be text`;
    parts[p.key] = textOf(v);
    if (parts[p.key].length > PART_MAX) errors[p.key] = `${p.label} must be ${PART_MAX} characters or fewer`;
  }
  return parts;
}

/** What submitting needs: the analysis, and some evidence for it. */
function submissionErrors(parts: Record<ReportPartKey, string>): FieldErrors {
  const errors: FieldErrors = {};
  if (!parts.analysis)
    errors.analysis = 'Enter the analysis of what the information means for risk before submitting';
  return errors;
}

const columnsOf = (parts: Record<ReportPartKey, string>) =>
  Object.fromEntries(REPORT_PARTS.map((p) => [p.column, parts[p.key]])) as Record<ReportColumn, string>;

async function checkMeeting(tx: Tx, nominalId: string, meetingId: unknown, errors: FieldErrors) {
  if (meetingId === undefined || meetingId === null || meetingId === '') return null;
  const found =
    typeof meetingId === 'string' && isUuid(meetingId)
      ? await tx
          .selectFrom('meeting_nominals')
          .select('meeting_id')
          .where('meeting_id', '=', meetingId)
          .where('nominal_id', '=', nominalId)
          .executeTakeFirst()
      : undefined;
  if (!found) errors.meetingId = 'Select a meeting that discusses this person';
  return found?.meeting_id ?? null;
}

/** Approvers in the establishment (other than the author), told when a report awaits them. */
async function approversOf(tx: Tx, establishmentId: string, exceptUserId: string) {
  const managers = await activeUsersWithRole(tx, 'prison_offender_manager', { agencyIds: [establishmentId] });
  return managers.flatMap((u) => (u.id === exceptUserId ? [] : [u.id]));
}

async function afterSubmission(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  establishmentId: string,
) {
  await notify(tx, ctx, {
    userIds: await approversOf(tx, establishmentId, ctx.actor.userId),
    nominalId,
    subject: 'A prison report (MAPPA F) is awaiting your approval',
    body: `${ctx.actor.displayName} submitted a prison report for approval. It is not shared until a manager approves it.`,
    link: `/nominals/${nominalId}/prison-reports/${reportId}`,
  });
}

/** Starts a report (a draft, or submitted at once when `submit` is set). */
export async function createReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: ReportInput,
) {
  const establishmentId = establishmentOf(ctx);
  const errors: FieldErrors = {};
  const parts = readParts(input, errors);
  const submit = yes(input.submit);
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const meetingId = await checkMeeting(tx, nominalId, input.meetingId, errors);
    if (submit) Object.assign(errors, submissionErrors(parts));
    if (Object.keys(errors).length) throw new ValidationError(errors);
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
    await recordChange(tx, ctx, {
      nominalId,
      section: 'prison-reports',
      entityId: row.id,
      entityVersion: row.version,
      action: 'created',
      summary: `Prison report (MAPPA F) ${submit ? 'written and submitted for approval' : 'started'} by ${ctx.actor.agencyName}`,
      before: null,
      after: { status: row.status },
    });
    if (submit) await afterSubmission(tx, ctx, nominalId, row.id, establishmentId);
    await logged(tx, ctx, nominalId, 'collection');
    return { id: row.id, version: row.version, status: row.status };
  });
}

async function loadForChange(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  expectedVersion: unknown,
) {
  const scope = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
  const row = await loadVisible(tx, ctx, scope, reportId);
  if (!ofEstablishment(ctx, row.establishment_agency_id)) throw new NotFoundError();
  const expected =
    typeof expectedVersion === 'number'
      ? expectedVersion
      : typeof expectedVersion === 'string' && /^\d{1,9}$/.test(expectedVersion)
        ? Number(expectedVersion)
        : NaN;
  if (!Number.isInteger(expected))
    throw new ValidationError({
      expectedVersion: 'Reload the report: the version you started from is missing',
    });
  if (expected !== row.version) throw await staleReport(tx, row.id, row.version);
  return { scope, row };
}

async function staleReport(tx: Tx, reportId: string, version: number) {
  const last = await tx
    .selectFrom('nominal_changes as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.at', 'c.summary', 'u.display_name'])
    .where('c.entity_id', '=', reportId)
    .where('c.section', '=', 'prison-reports')
    .orderBy('c.id', 'desc')
    .executeTakeFirst();
  return new ConflictError(
    last
      ? `${last.display_name} changed this report (now version ${version}) after you opened it: ${last.summary}. Your changes have not been saved. Reload the report and make your changes again.`
      : 'This report has changed since you opened it. Reload it and make your changes again.',
    last
      ? [{ at: new Date(last.at).toISOString(), by: last.display_name, summary: last.summary, fields: [] }]
      : [],
  );
}

/**
 * Writes the report's next version, refused (409) if someone saved one since `row` was read, and
 * records the change with `summary` of the new version number.
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
  await recordChange(tx, ctx, {
    nominalId,
    section: 'prison-reports',
    entityId: row.id,
    entityVersion: updated.version,
    action: 'updated',
    summary: summary(updated.version),
    before: { status: row.status },
    after: { status: updated.status },
  });
  return updated;
}

/** Saves a draft (or a returned report) as a new version; submits it too when `submit` is set. */
export async function saveReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  input: ReportInput,
) {
  establishmentOf(ctx);
  const errors: FieldErrors = {};
  const parts = readParts(input, errors);
  const submit = yes(input.submit);
  return database.transaction(async (tx) => {
    const { row } = await loadForChange(tx, ctx, nominalId, reportId, input.expectedVersion);
    if (!['draft', 'returned'].includes(row.status))
      throw new ValidationError({
        status:
          row.status === 'approved'
            ? 'This report has been approved and shared: it can no longer be changed'
            : 'This report is awaiting approval: it can be changed only if the approver returns it',
      });
    const meetingId =
      input.meetingId === undefined
        ? row.meeting_id
        : await checkMeeting(tx, nominalId, input.meetingId, errors);
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
    await logged(tx, ctx, nominalId, 'alteration');
    return { id: updated.id, version: updated.version, status: updated.status };
  });
}

/** Submits a saved report for approval as it stands. */
export async function submitReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  input: { expectedVersion?: unknown },
) {
  establishmentOf(ctx);
  return database.transaction(async (tx) => {
    const { row } = await loadForChange(tx, ctx, nominalId, reportId, input.expectedVersion);
    if (!['draft', 'returned'].includes(row.status))
      throw new ValidationError({ status: 'Only a draft or a returned report can be submitted' });
    const parts = Object.fromEntries(REPORT_PARTS.map((p) => [p.key, row[p.column]])) as Record<
      ReportPartKey,
      string
    >;
    const errors = submissionErrors(parts);
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
    await logged(tx, ctx, nominalId, 'alteration');
    return { id: updated.id, version: updated.version, status: updated.status };
  });
}

/**
 * A manager of the same establishment approves (it is then shared with everyone who can see the
 * record) or returns it with a reason. Nobody approves a report they wrote or edited.
 */
export async function decideReport(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  reportId: string,
  decision: 'approve' | 'return',
  input: { expectedVersion?: unknown; reason?: unknown },
) {
  authorize(ctx.actor, 'prison-report.approve');
  const reason = textOf(input.reason);
  return database.transaction(async (tx) => {
    const { row } = await loadForChange(tx, ctx, nominalId, reportId, input.expectedVersion);
    const errors: FieldErrors = {};
    if (row.status !== 'submitted')
      errors.status = 'Only a report awaiting approval can be approved or returned';
    else if (row.written_by === ctx.actor.userId || (await editedBy(tx, row.id, ctx.actor.userId)))
      errors.status = 'You cannot approve or return a report you wrote: another manager must';
    if (decision === 'return') {
      if (!reason) errors.reason = 'Enter why the report is being returned';
      else if (reason.length > REASON_MAX) errors.reason = `Reason must be ${REASON_MAX} characters or fewer`;
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const now = ctx.now;
    const updated = await writeNextVersion(
      tx,
      ctx,
      nominalId,
      row,
      decision === 'approve'
        ? { status: 'approved', approved_by: ctx.actor.userId, approved_at: now, updated_at: now }
        : { status: 'returned', return_reason: reason, updated_at: now },
      () =>
        decision === 'approve'
          ? `Prison report (MAPPA F) approved by ${ctx.actor.displayName} and shared`
          : `Prison report (MAPPA F) returned to its author by ${ctx.actor.displayName}`,
    );
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
    await logged(tx, ctx, nominalId, 'alteration');
    return { id: updated.id, version: updated.version, status: updated.status };
  });
}

/** The report as the national form, for the HTML document page and the PDF. */
export function reportDocument(report: ReportView, personName: string, vigilRef: string): VigilDocument {
  const when = (d: Date) =>
    d.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
  return {
    title: 'MAPPA F: Prison information-sharing report',
    subtitle: `${personName} (${vigilRef})`,
    marking: 'OFFICIAL-SENSITIVE',
    reference: `Report ${report.id.slice(0, 8)} · version ${report.version} · ${report.statusLabel}`,
    sections: [
      {
        heading: 'About this report',
        rows: [
          { label: 'Establishment', value: report.establishment.name },
          { label: 'Written by', value: report.writtenBy.name },
          {
            label: 'For the meeting',
            value: report.meeting
              ? `Level ${report.meeting.level} meeting, ${when(report.meeting.startsAt)}`
              : 'Not linked to a meeting',
          },
          { label: 'Status', value: report.statusLabel },
          {
            label: 'Approved by',
            value:
              report.approvedBy && report.approvedAt
                ? `${report.approvedBy}, ${when(report.approvedAt)}`
                : 'Not yet approved: not for sharing outside the establishment',
          },
        ],
      },
      ...REPORT_PARTS.map((p) => ({
        heading: p.label,
        paragraphs: [report.parts[p.key] || 'Nothing to report.'],
      })),
    ],
  };
}
