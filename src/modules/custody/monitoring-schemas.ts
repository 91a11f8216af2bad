import { z } from 'zod';
import { CONTACT_LINK, FLAG_OUTCOME, MONITORING_REASON } from '../../domain/communications-monitoring.ts';
import { isRealDate } from '../../domain/dates.ts';

/**
 * One schema per input of communications monitoring (monitoring*.ts): the API body, what the pages'
 * forms are parsed with and what the use cases parse, so every caller meets the same checks.
 */

const day = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .refine(isRealDate, { error: `${label} must be a real date (YYYY-MM-DD)` });
const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label.toLowerCase()}` })
    .trim()
    .min(1, { error: `Enter ${label.toLowerCase()}` })
    .max(max, { error: `${label} must be ${max} characters or fewer` });
const optionalText = (label: string, max: number) =>
  z.preprocess((v) => (v === '' ? null : v), text(label, max).nullable().optional());
const optionalDay = (label: string) =>
  z.preprocess((v) => (v === '' ? null : v), day(label).nullable().optional());
const version = z.coerce.number().int().min(1).describe('The version you read; 409 if it changed since');

export const StartMonitoring = z.object({
  pinAccount: text('PIN account', 40).describe(
    'The phone system account: imported call records are matched by it',
  ),
  reasons: z
    .array(z.enum(MONITORING_REASON.map((r) => r.code) as [string, ...string[]]), {
      error: 'Select why the person is monitored',
    })
    .min(1, { error: 'Select why the person is monitored' }),
  authorisedBy: text('Authorised by', 200).describe('Who authorised monitoring (name and grade)'),
  authorisedOn: day('Date authorised'),
});
export const MonitoringReview = z.object({
  reviewedOn: day('Date reviewed'),
  continue: z.boolean({ error: 'Select whether monitoring continues or ends' }),
  reason: optionalText('Reason', 1000),
  version,
});
export const MonitoredContact = z.object({
  counterpart: text('Number or address', 200),
  link: z.enum(CONTACT_LINK.map((l) => l.code) as [string, ...string[]], {
    error: 'Select whose number or address it is',
  }),
  source: text('Source', 300).describe(
    'Where on the record it comes from, e.g. "Relationship: victim (Jane Doe)"',
  ),
});
export const CommunicationInput = z.object({
  kind: z.enum(['call', 'mail', 'visit'], { error: 'Select call, mail or visit' }),
  occurredOn: day('Date'),
  counterpart: text('Number, address or visitor', 200),
  durationSeconds: z.coerce
    .number({ error: 'Enter the duration as a whole number of seconds' })
    .int({ error: 'Enter the duration as a whole number of seconds' })
    .min(0, { error: 'Enter the duration as a whole number of seconds' })
    .max(86_400, { error: 'Duration must be 86,400 seconds (a day) or less' })
    .nullable()
    .optional(),
  listenedOn: optionalDay('Date listened to'),
  summary: optionalText('Summary', 4000),
  language: optionalText('Language', 100),
  translationRequestedOn: optionalDay('Date translation requested'),
  translationDoneOn: optionalDay('Date translation done'),
  concerns: optionalText('Concerns', 4000),
});
export const CallRecordImport = z.object({
  fileName: text('File name', 200),
  csv: z
    .string({ error: 'Attach the CSV file of call records' })
    .min(1, { error: 'Attach the CSV file of call records' }),
  confirm: z
    .boolean()
    .default(false)
    .describe('false: a preview, nothing written; true: import (only if no row has a problem)'),
});
export const FlagAcknowledgement = z.object({
  outcome: z.enum(FLAG_OUTCOME.map((o) => o.code) as [string, ...string[]], { error: 'Select the outcome' }),
  note: optionalText('Note', 2000),
  version,
});
export const FlagRelease = z.object({ summary: text('Summary for the community managers', 2000), version });
