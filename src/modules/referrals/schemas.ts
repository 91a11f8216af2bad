import { z } from 'zod';
import { LEVEL_CRITERION } from '../../domain/levels.ts';
import { REFERRAL_STATUS, REFERRAL_TEXT_MAX } from '../../domain/referrals.ts';
import { isUuid } from '../../validation/fields.ts';
import { pathId } from '../../validation/parse.ts';

/**
 * One zod schema per input of referrals (MAPPA A) and screening. The draft form and the JSON body
 * are the same input: the use cases parse it, Fastify enforces it on the API, the OpenAPI document
 * describes it. What needs the record is the use cases' (the agencies are the area's, the version
 * is current; a submission is complete; who may decide by the area's screening route).
 */

/** What a caller may send: any value for each field (the schema says what is wrong with it). */
type Loose<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

const VERSION = 'Send the version you read, as a whole number';

/** The version the editor started from: required, so a save never silently overwrites another. */
const version = z
  .preprocess(
    (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
    z
      .number({ error: VERSION })
      .int({ error: VERSION })
      .min(1, { error: VERSION })
      .max(2_147_483_647, { error: VERSION }),
  )
  .describe('The version you read: a stale one is refused with 409');

const yesNo = (v: unknown): unknown =>
  v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v;

/** A yes/no question; a form's unanswered question ("") leaves the answer as it was. */
const answer = (message: string, description?: string) => {
  const schema = z.preprocess(
    (v) => (v === '' ? undefined : yesNo(v)),
    z.boolean({ error: message }).optional(),
  );
  return description ? schema.describe(description) : schema;
};

/** The referrer's own words: text, kept as typed; blank is none. */
const words = (label: string, description?: string) => {
  const schema = z
    .string({ error: `${label} must be text` })
    .max(REFERRAL_TEXT_MAX, { error: `${label} must be ${REFERRAL_TEXT_MAX} characters or fewer` })
    .refine((v) => !v.includes('\0'), { error: `${label} must not contain a NUL character` })
    .transform((v) => (v.trim() ? v : null))
    .nullable()
    .optional();
  return description ? schema.describe(description) : schema;
};

const AGENCIES = 'Select agencies from the list';

/**
 * A draft's fields, checked for form only (a draft may be incomplete). A partial save changes only
 * the fields it names.
 */
export const DraftInput = z.object({
  version,
  requestedLevel: z
    .preprocess(
      (v) => (v === null || v === '' ? null : v === '2' ? 2 : v === '3' ? 3 : v),
      z.union([z.literal(2), z.literal(3)], { error: 'Select Level 2 or Level 3' }).nullable(),
    )
    .optional(),
  emergency: answer('Select whether this is an emergency referral'),
  category3: answer(
    'Select whether this is a Category 3 referral',
    'A Category 3 referral (other dangerous offenders): for people not otherwise eligible',
  ),
  reason: words('Reason for referral'),
  valueAdded: words('What multi-agency management would add', 'What multi-agency management would add'),
  proposedReleaseAddress: words('Proposed release address', 'Only when the record holds none'),
  invitedAgencyIds: z
    .preprocess(
      (v) => {
        const list = Array.isArray(v)
          ? v
          : typeof v === 'string' && v
            ? [v]
            : v === null || v === ''
              ? []
              : null;
        // Not a list of ids: refused as a whole, never id by id.
        return list && list.length <= 100 && list.every((id) => typeof id === 'string' && isUuid(id))
          ? [...new Set(list as string[])]
          : false;
      },
      z.array(z.string(), { error: AGENCIES }),
    )
    .optional()
    .describe('Agencies of the area to invite (their ids)'),
});
export type DraftFields = z.output<typeof DraftInput>;

/** Submitting or withdrawing a draft: the version read. */
export const VersionInput = z.object({ version });

export type DraftInputValue = Loose<typeof DraftInput>;
export type VersionInputValue = Loose<typeof VersionInput>;

const criteriaCodes = LEVEL_CRITERION.map((c) => c.code);
const textOrNull = z.string().nullable().catch(null);

/**
 * A screening decision, as sent: each field taken for what it is (anything else counts as not
 * given). Whether it is complete depends on the area's screening route and the person's category,
 * so the use case says everything that is wrong with it at once.
 */
export const ScreeningDecision = z.object({
  outcome: z.enum(['accepted', 'rejected']).nullable().catch(null),
  level: z
    .preprocess(
      (v) => (v === '2' ? 2 : v === '3' ? 3 : v),
      z
        .union([z.literal(2), z.literal(3)])
        .nullable()
        .catch(null),
    )
    .describe('When accepted'),
  criteria: z
    .preprocess(
      (v) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []),
      z.array(z.string()),
    )
    .describe(`When accepted: the level criteria (MAPPA Q) the level needs: ${criteriaCodes.join(', ')}`),
  rationale: textOrNull.describe(`At most ${REFERRAL_TEXT_MAX} characters`),
  panelMembers: textOrNull.describe('Panel route: who sat on the panel'),
  agreedBy: textOrNull.describe(
    'Joint route: the police detective inspector (a screener in the area) who agreed: a user id',
  ),
});
export type ScreeningDecisionValue = Loose<typeof ScreeningDecision>;

export const NominalParams = z.object({ id: pathId });
export const ReferralParams = z.object({ referralId: pathId });
/** Page addresses: a bad value is ignored, never an error page. */
const flag = z.string().optional().catch(undefined);
export const NominalReferralsQuery = z.object({ withdrawn: flag });
export const DraftPageQuery = z.object({ saved: flag });
export const ReferralPageQuery = z.object({ submitted: flag, decided: flag });

// --- Answers ------------------------------------------------------------------------------------

const ROUTES = ['coordinator', 'panel', 'joint', 'emergency'] as const;

export const DecisionView = z.object({
  id: z.uuid(),
  outcome: z.enum(['accepted', 'rejected']),
  level: z.number().int().nullable(),
  criteria: z.array(z.string()),
  rationale: z.string(),
  route: z.enum(ROUTES),
  panelMembers: z.string().nullable(),
  agreedBy: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.iso.datetime(),
  levelDecisionId: z.uuid().nullable(),
});

export const ReferralView = z.object({
  id: z.uuid(),
  nominalId: z.uuid(),
  name: z.string(),
  vigilRef: z.string(),
  areaCode: z.string(),
  status: z.enum(REFERRAL_STATUS.map((s) => s.code)),
  requestedLevel: z.number().int().nullable(),
  category3: z.boolean(),
  emergency: z.boolean(),
  reason: z.string().nullable(),
  valueAdded: z.string().nullable(),
  proposedReleaseAddress: z.string().nullable(),
  invitedAgencyIds: z.array(z.uuid()),
  createdById: z.uuid(),
  createdBy: z.string(),
  createdByAgency: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  decision: DecisionView.nullable(),
});

export const ReferralDetailView = ReferralView.extend({
  record: z.record(z.string(), z.unknown()).describe('MAPPA A’s record parts, as words ready to show'),
  recordFrom: z.enum(['submission', 'live']),
  invitedAgencies: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string() })),
  screeningRoute: z.enum(ROUTES),
  canEdit: z.boolean(),
  canScreen: z.boolean(),
});

export const DecisionResult = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  outcome: z.enum(['accepted', 'rejected']),
  level: z.number().int().nullable(),
  route: z.enum(ROUTES),
  levelDecisionId: z.uuid().nullable(),
  decidedAt: z.iso.datetime(),
});
