import type { UseCaseContext } from '../../access/actor.ts';
import { can } from '../../access/policy.ts';
import type { Tx } from '../../db/database.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { isUuid } from '../../validation/fields.ts';
import { meetingsByIds } from '../meetings/index.ts';
import { entityChanges, type InScope } from '../nominals/index.ts';
import { agenciesByIds } from '../reference/index.ts';
import { usersByIds } from '../users/index.ts';

/**
 * MAPPA F reports as their readers see them: read from this capability's own table
 * (prison_reports), with the establishment, the people and the meeting named by their owners, and
 * prison security intelligence withheld from duty-to-co-operate agencies.
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
export type ReportColumn = (typeof REPORT_PARTS)[number]['column'];

export const REPORT_STATUS = [
  { code: 'draft', label: 'Draft' },
  { code: 'submitted', label: 'Awaiting approval' },
  { code: 'returned', label: 'Returned for changes' },
  { code: 'approved', label: 'Approved and shared' },
] as const;

export const SECURITY_INTELLIGENCE_WITHHELD =
  'Withheld: prison security intelligence is not shared with duty-to-co-operate agencies.';

/** The timeline's section for reports: their changes, and who made them. */
export const SECTION = 'prison-reports';

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

const dateOrNull = (v: Date | string | null) => (v === null ? null : new Date(v));

/** Staff of this establishment: the only people who see a report before it is approved. */
export const ofEstablishment = (ctx: UseCaseContext, establishmentId: string) =>
  ctx.actor.agencyType === 'prison' && ctx.actor.agencyId === establishmentId;

export function reportQuery(tx: Tx) {
  return tx
    .selectFrom('prison_reports')
    .select([
      'id',
      'nominal_id',
      'status',
      'version',
      'establishment_agency_id',
      'meeting_id',
      ...REPORT_PARTS.map((p) => p.column),
      'written_by',
      'updated_at',
      'submitted_at',
      'approved_by',
      'approved_at',
      'return_reason',
    ]);
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;

/**
 * The reports as this actor sees them: establishments, people and meetings named in one lookup each.
 * `wroteIt` (the actor wrote or edited it) matters for one report only, the one they may approve.
 */
export async function reportViews(
  tx: Tx,
  ctx: UseCaseContext,
  scope: InScope,
  rows: readonly ReportRow[],
  wroteIt = false,
): Promise<ReportView[]> {
  const [agencies, users, meetings] = await Promise.all([
    agenciesByIds(
      tx,
      rows.map((r) => r.establishment_agency_id),
    ),
    usersByIds(
      tx,
      rows.flatMap((r) => [r.written_by, r.approved_by]),
    ),
    meetingsByIds(
      tx,
      rows.map((r) => r.meeting_id),
    ),
  ]);
  // Duty-to-co-operate agencies see the approved report, but never prison security intelligence.
  const withhold = scope.access.via === 'involvement';
  return rows.map((row) => {
    const own = ofEstablishment(ctx, row.establishment_agency_id);
    const meeting = row.meeting_id ? meetings.get(row.meeting_id) : undefined;
    return {
      id: row.id,
      nominalId: row.nominal_id,
      status: row.status,
      statusLabel: REPORT_STATUS.find((s) => s.code === row.status)?.label ?? row.status,
      version: row.version,
      establishment: {
        id: row.establishment_agency_id,
        name: agencies.get(row.establishment_agency_id)?.name ?? '',
      },
      meeting: meeting ? { id: meeting.id, startsAt: meeting.startsAt, level: meeting.level } : null,
      parts: Object.fromEntries(
        REPORT_PARTS.map((p) => [
          p.key,
          p.key === 'securityIntelligence' && withhold ? SECURITY_INTELLIGENCE_WITHHELD : row[p.column],
        ]),
      ) as Record<ReportPartKey, string>,
      securityIntelligenceWithheld: withhold,
      writtenBy: { id: row.written_by, name: users.get(row.written_by)?.displayName ?? '' },
      updatedAt: new Date(row.updated_at),
      submittedAt: dateOrNull(row.submitted_at),
      approvedBy: row.approved_by ? (users.get(row.approved_by)?.displayName ?? null) : null,
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
  });
}

/** A report the actor may see, or "not found": drafts and submitted reports stay in the establishment. */
export async function loadVisible(tx: Tx, ctx: UseCaseContext, scope: InScope, reportId: string) {
  if (!isUuid(reportId)) throw new NotFoundError();
  const row = await reportQuery(tx)
    .where('id', '=', reportId)
    .where('nominal_id', '=', scope.nominal.id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  if (row.status !== 'approved' && !ofEstablishment(ctx, row.establishment_agency_id))
    throw new NotFoundError();
  return row;
}

/** Whether the user wrote or edited the report (approving or returning it is not writing it). */
export async function editedBy(tx: Tx, reportId: string, userId: string): Promise<boolean> {
  return (await entityChanges(tx, reportId, SECTION)).some(
    (c) =>
      c.userId === userId &&
      (c.action === 'created' || c.action === 'updated') &&
      !c.summary.startsWith('Prison report (MAPPA F) approved') &&
      !c.summary.startsWith('Prison report (MAPPA F) returned'),
  );
}

/** Someone saved the report after the editor opened it: who, when and what, from its last change. */
export async function staleReport(tx: Tx, reportId: string, version: number) {
  const last = (await entityChanges(tx, reportId, SECTION)).at(-1);
  const by = last ? ((await usersByIds(tx, [last.userId])).get(last.userId)?.displayName ?? '') : '';
  return new ConflictError(
    last
      ? `${by} changed this report (now version ${version}) after you opened it: ${last.summary}. Your changes have not been saved. Reload the report and make your changes again.`
      : 'This report has changed since you opened it. Reload it and make your changes again.',
    last ? [{ at: last.at.toISOString(), by, summary: last.summary, fields: [] }] : [],
  );
}
