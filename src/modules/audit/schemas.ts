import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';

/**
 * One zod schema per input of the DPO's pages and API. The export form and the export's JSON body
 * are the same input (the form also names the person, which the API has in its path); the use case
 * parses it again, as it is also called directly.
 */

export const EXPORT_PURPOSES = [
  { value: 'subject_access_request', text: 'Subject access request' },
  { value: 'information_commissioner', text: 'Request from the Information Commissioner’s Office' },
  { value: 'investigation', text: 'Investigation of a possible data breach or misuse' },
] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number]['value'];

const purposeCodes = EXPORT_PURPOSES.map((p) => p.value) as [ExportPurpose, ...ExportPurpose[]];
const NO_RECIPIENT = 'Enter who the access history is for, for example the person themselves or the ICO';

export const RecordParams = z.object({
  recordId: pathId.describe('A Vigil reference (VGL-0000001Y) or any record’s id'),
});

const page = z.coerce
  .number({ error: 'Page must be a whole number, from 1' })
  .int({ error: 'Page must be a whole number, from 1' })
  .min(1, { error: 'Page must be a whole number, from 1' })
  .optional()
  .describe('Page number, from 1 (50 entries a page)');

export const PageQuery = z.object({ page });

export const UserEntriesQuery = z.object({
  email: z.string({ error: 'Enter the email address of the user' }).describe('The user’s email address'),
  page,
});

/** The pages' searches: what was typed is shown again, and a page number that is not one is page 1. */
const typed = z.string().optional().catch(undefined);
export const RecordSearchQuery = z.object({ q: typed, page: typed });
export const UserSearchQuery = z.object({ email: typed, page: typed });
export const QueueQuery = z.object({ page: typed, reviewed: typed });

export const ExportInput = z.object({
  recipient: z
    .string({ error: NO_RECIPIENT })
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(3, { error: NO_RECIPIENT })
        .max(200, { error: 'Recipient must be 200 characters or fewer' }),
    )
    .describe('Who receives it'),
  purpose: z.enum(purposeCodes, { error: 'Select why you are exporting the access history' }),
  reference: z
    .string()
    .trim()
    .max(100, { error: 'Reference must be 100 characters or fewer' })
    .optional()
    .describe('E.g. the subject access request’s reference'),
});

/** The export page's form: the person first, then the same input as the API's body. */
export const ExportForm = z.object({
  q: z
    .string({ error: 'Enter the Vigil reference or record id of the person' })
    .trim()
    .min(1, { error: 'Enter the Vigil reference or record id of the person' }),
  ...ExportInput.shape,
});

// --- Answers ----------------------------------------------------------------------------------

const nullableText = z.string().nullable();

export const EntryView = z.object({
  seq: z.number().int().describe('Position in the hash chain'),
  at: z.iso.datetime(),
  userId: nullableText,
  userName: nullableText,
  userEmail: nullableText,
  agencyName: nullableText,
  roles: z.array(z.string()),
  serviceAccountId: nullableText,
  operation: z.enum(['collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure']),
  recordType: z.string(),
  recordIds: z.array(z.string()),
  section: nullableText,
  purpose: nullableText,
  recipients: z.array(z.string()).describe('As logged: user or agency ids, or names'),
  recipientNames: z.array(z.string()).describe('The recipients by name: a user with their agency, an agency'),
  sourceAddress: nullableText,
  requestId: nullableText,
});

export const SubjectView = z.object({
  recordId: z.string(),
  vigilRef: nullableText,
  name: nullableText,
  areaCode: nullableText,
});

/** A page of the log (or of the review queue). */
export const paged = <T extends z.ZodType>(entry: T) =>
  z.object({
    total: z.number().int(),
    totalCapped: z.boolean().describe('More entries than `total` (counting stops at 100,000)'),
    page: z.number().int(),
    pageSize: z.number().int(),
    entries: z.array(entry),
  });

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  agencyName: z.string(),
});

export const ExportView = z.object({
  subject: SubjectView,
  recipient: z.string(),
  entries: z.array(EntryView),
});
