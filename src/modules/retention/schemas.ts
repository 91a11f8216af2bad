import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';

/** One zod schema per input of the retention pages and API (the erase form and its JSON body alike). */

export const NominalParams = z.object({ nominalId: pathId });

export const ErasureInput = z.object({
  reason: z
    .string({ error: 'Enter why this person’s personal data is to be erased' })
    .trim()
    .min(1, { error: 'Enter why this person’s personal data is to be erased' })
    .max(2000, { error: 'Reason must be 2000 characters or fewer' })
    .describe('Why the record is no longer needed (kept with the decision and in the access log)'),
  confirm: z
    .literal('yes', { error: 'Confirm that this person’s personal data is to be erased' })
    .describe('"yes": the erasure cannot be undone'),
});

export const ReviewItemView = z.object({
  nominalId: z.string(),
  vigilRef: z.string(),
  areaCode: z.string(),
  name: z.string(),
  dateOfBirth: z.string(),
  basis: z.enum(['mappa_review_age', 'ended_non_mappa']),
  basisLabel: z.string(),
  dueOn: z.string(),
});

export const ReviewListView = z.object({ today: z.string(), entries: z.array(ReviewItemView) });

export const ErasureView = z.object({
  id: z.string(),
  nominalId: z.string(),
  vigilRef: z.string(),
  basis: z.enum(['mappa_review_age', 'ended_non_mappa']),
  dueOn: z.string(),
  reason: z.string(),
  erasedSha256: z.string().describe('SHA-256 of the erased content: proof of what went, without keeping it'),
  erasedRows: z.number(),
  erasedParts: z
    .record(z.string(), z.number())
    .describe(
      'Rows deleted or blanked per kind: record, levels, referrals, minutes, plan, prisonReports, actions, notifications, custody (moves, pre-release checks, ROTL, address checks, IRMMs, communications monitoring)',
    ),
  decidedAt: z.string(),
});
