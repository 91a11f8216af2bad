import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';
import { REPORT_PARTS, REPORT_STATUS, type ReportPartKey } from './reports.ts';

/**
 * One zod schema per input of the prison report (MAPPA F). The write form and the JSON body are
 * the same object: the use cases parse it, Fastify enforces it on the API, the OpenAPI document
 * describes it. What needs the record (the meeting discusses the person, the version is current,
 * who may approve) is the use cases'.
 */

/** What a caller may send: any value for each field (the schema says what is wrong with it). */
type Loose<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

const PART_MAX = 10000;
const REASON_MAX = 2000;
const EXPECTED_VERSION = 'Reload the report: the version you started from is missing';

/** Text as typed: Windows line ends made plain, trimmed. */
const typed = (v: string) => v.replace(/\r\n/g, '\n').trim();

const part = (label: string, hint: string) =>
  z
    .preprocess(
      (v) => (v === undefined || v === null ? '' : typeof v === 'string' ? typed(v) : v),
      z
        .string({ error: `${label} must be text` })
        .max(PART_MAX, { error: `${label} must be ${PART_MAX} characters or fewer` })
        .refine((v) => !v.includes('\0'), { error: `${label} must not contain a NUL character` }),
    )
    .default('')
    .describe(
      `${hint} Blank when omitted (on a new draft, the parts custody knows start from the custody record instead).`,
    );

const parts = Object.fromEntries(REPORT_PARTS.map((p) => [p.key, part(p.label, p.hint)])) as Record<
  ReportPartKey,
  ReturnType<typeof part>
>;

const expectedVersion = z
  .preprocess(
    (v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v),
    z.number({ error: EXPECTED_VERSION }).int({ error: EXPECTED_VERSION }),
  )
  .describe('The version you started from; 409 if the report changed since');

export const NewReport = z.object({
  meetingId: z
    .preprocess(
      (v) => (v === '' ? null : v),
      z.string({ error: 'Select a meeting that discusses this person' }).nullable().optional(),
    )
    .describe('The meeting it is written for (it must discuss this person); on a save, omitted keeps it'),
  ...parts,
  submit: z
    .preprocess((v) => v === true || v === 'yes' || v === 'true', z.boolean())
    .default(false)
    .describe('Submit for approval in the same step (the analysis is then required)'),
});

export const ReportRevision = NewReport.extend({ expectedVersion });

/** Submitting or approving: the version the manager read. */
export const ReportVersion = z.object({ expectedVersion });

export const ReportReturn = z.object({
  expectedVersion,
  reason: z
    .preprocess(
      (v) => (typeof v === 'string' ? typed(v) : ''),
      z
        .string()
        .min(1, { error: 'Enter why the report is being returned' })
        .max(REASON_MAX, { error: `Reason must be ${REASON_MAX} characters or fewer` })
        .refine((v) => !v.includes('\0'), { error: 'Reason must not contain a NUL character' }),
    )
    .describe('Why it is returned: its author sees this'),
});

export type NewReportInput = Loose<typeof NewReport>;
export type ReportRevisionInput = Loose<typeof ReportRevision>;
export type ReportVersionInput = Loose<typeof ReportVersion>;
export type ReportReturnInput = Loose<typeof ReportReturn>;

export const NominalParams = z.object({ id: pathId });
export const ReportParams = z.object({ id: pathId, reportId: pathId });
/** Page addresses: a bad value is ignored, never an error page. */
export const NewReportQuery = z.object({ meeting: z.string().optional().catch(undefined) });
export const ReportPageQuery = z.object({ saved: z.string().optional().catch(undefined) });

const person = z.object({ id: z.uuid(), name: z.string() });

export const ReportView = z.object({
  id: z.uuid(),
  nominalId: z.uuid(),
  status: z.enum(REPORT_STATUS.map((s) => s.code)),
  statusLabel: z.string(),
  version: z.number().int(),
  establishment: person,
  meeting: z.object({ id: z.uuid(), startsAt: z.iso.datetime(), level: z.number().int() }).nullable(),
  parts: z.object(Object.fromEntries(REPORT_PARTS.map((p) => [p.key, z.string().describe(p.hint)]))),
  securityIntelligenceWithheld: z
    .boolean()
    .describe('True for duty-to-co-operate agencies: security intelligence is never shared with them'),
  writtenBy: person,
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  returnReason: z.string().nullable(),
  mayEdit: z.boolean(),
  mayApprove: z.boolean(),
});

export const ReportResult = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(REPORT_STATUS.map((s) => s.code)),
});
