import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';

/**
 * One zod schema per input of justified access: the form and the JSON body are the same object,
 * which Fastify enforces on the API, the OpenAPI document describes, and the use cases parse again
 * (they are also called directly, by tests and tooling).
 */

export const NominalParams = z.object({ id: pathId });
export const AccessParams = z.object({ accessId: pathId });

const REASON_TOO_SHORT = 'Give your reason for viewing this record (at least 10 characters)';

export const JustificationInput = z.object({
  reason: z
    .string({ error: REASON_TOO_SHORT })
    .trim()
    .min(10, { error: REASON_TOO_SHORT })
    .max(500, { error: 'Reason must be 500 characters or fewer' })
    .describe('Why you need to see this record (10 to 500 characters)'),
});

/** The justify page's address may carry the reason typed before (it is shown again). */
export const JustifyPageQuery = z.object({ reason: z.string().optional().catch(undefined) });

export const REVIEW_OUTCOMES = [
  { value: 'appropriate', text: 'Appropriate', hint: 'The reason justified looking at this record' },
  {
    value: 'inappropriate',
    text: 'Inappropriate',
    hint: 'The reason did not justify it: say what happens next',
  },
] as const;

export const ReviewInput = z
  .object({
    outcome: z.enum(['appropriate', 'inappropriate'], {
      error: 'Select whether the access was appropriate or inappropriate',
    }),
    note: z
      .string({ error: 'Enter the note as text' })
      .trim()
      .max(2000, { error: 'Note must be 2000 characters or fewer' })
      .optional()
      .describe('Required (10+ characters) when inappropriate'),
  })
  .superRefine((review, context) => {
    if (review.outcome === 'inappropriate' && (review.note ?? '').length < 10)
      context.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'Say why the access was inappropriate and what happens next (at least 10 characters)',
      });
  });

// --- Answers ----------------------------------------------------------------------------------

export const GrantView = z.object({
  id: z.uuid(),
  nominalId: z.uuid(),
  expiresAt: z.iso.datetime().describe('The access ends then'),
});

const outcome = z.enum(['appropriate', 'inappropriate']).nullable();

export const AreaAccessView = z.object({
  id: z.uuid(),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  reason: z.string(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewOutcome: outcome,
  userName: z.string(),
  agencyName: z.string(),
  vigilRef: z.string(),
  nominalId: z.uuid(),
});

export const AccessForReviewView = z.object({
  id: z.uuid(),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  reason: z.string(),
  userId: z.uuid(),
  userName: z.string(),
  userEmail: z.string(),
  agencyName: z.string(),
  nominalId: z.uuid(),
  vigilRef: z.string(),
  owningAreaCode: z.string(),
  owningAreaName: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewerName: z.string().nullable(),
  reviewOutcome: outcome,
  reviewNote: z.string().nullable(),
});

export const ReviewView = z.object({
  id: z.uuid(),
  outcome: z.enum(['appropriate', 'inappropriate']),
  reviewedAt: z.iso.datetime(),
});
