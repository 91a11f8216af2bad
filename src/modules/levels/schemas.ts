import { z } from 'zod';
import { SCREENING_ROUTE } from '../../domain/codes.ts';
import { compareDates, parseIsoDate } from '../../domain/dates.ts';
import { SETTING_LIMITS, SIGNIFICANT_EVENT_TYPE } from '../../domain/deadlines.ts';
import { LEVEL_CRITERION } from '../../domain/levels.ts';
import { isUuid } from '../../validation/fields.ts';
import { pathId } from '../../validation/parse.ts';
import {
  DECISION_KIND,
  NOTIFICATION_EVENT_KIND,
  OFFENDER_NOTIFICATION_KIND,
  SCREENING_QUESTIONS,
} from './codes.ts';

/**
 * One zod schema per input of the levels capability. The API enforces them (and documents them);
 * the use cases parse their input with the same schemas, made with today's date where a date must
 * not be in the future, so a form, the API and a direct call all get the same messages. A level
 * decision's rules depend on the record (category, previous level, open actions): its schema checks
 * the shape, and `recordLevelDecision` the rest.
 */

const codes = <T extends readonly { code: string }[]>(list: T) =>
  list.map((c) => c.code) as [T[number]['code'], ...T[number]['code'][]];
/** Forms send "" for an untouched field: that is "not given". */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** An ISO date (YYYY-MM-DD), worded as the date rules word it; with `today`, not after it. */
export function isoDate(label: string, today?: string) {
  return z
    .string({ error: `Enter ${lowerFirst(label)}` })
    .transform((value, ctx) => {
      const parsed = parseIsoDate(value, label);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      if (today && compareDates(parsed.value, today) > 0) {
        ctx.addIssue({ code: 'custom', message: `${label} must be today or in the past` });
        return z.NEVER;
      }
      return parsed.value;
    })
    .meta({ format: 'date' });
}

/** Free text of at most 4000 characters, trimmed; NUL refused (PostgreSQL cannot store it). */
function longText(label: string, missing?: string) {
  const tooLong = `${label} must be 4000 characters or fewer`;
  const base = z
    .string({ error: missing ?? tooLong })
    .trim()
    .max(4000, { error: tooLong })
    .refine((v) => !v.includes('\0'), { error: `${label} must not contain a NUL character` });
  return missing ? base.refine((v) => v !== '', { error: missing }) : base;
}

/** Yes or no, from radios ("yes"/"no") or JSON (true/false). */
function yesOrNo(message: string) {
  return z.preprocess(
    (v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v),
    z.boolean({ error: message }),
  );
}

/** Codes from a list, as an array (a form's one ticked box arrives as a string); one message for any stranger. */
function codeList(allowed: readonly string[], message: string, itemSchema: Record<string, unknown>) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v ? [v] : []) : v),
    z
      .array(z.unknown(), { error: message })
      .refine((items) => items.every((item) => typeof item === 'string' && allowed.includes(item)), {
        error: message,
      })
      .transform((items) => items as string[])
      .meta({ items: itemSchema }),
  );
}

// --- Path parameters -----------------------------------------------------------------------------------

export const NominalParams = z.object({ id: pathId });
export const DecisionParams = z.object({ id: pathId, decisionId: pathId });
export const NotificationEventParams = z.object({ id: pathId, eventId: pathId });

// --- Level decisions -----------------------------------------------------------------------------

const optionalText = (label: string, description?: string) => {
  const schema = z.preprocess(blank, longText(label).optional());
  return description ? schema.describe(description) : schema;
};

export const LevelDecisionInput = z.object({
  level: z
    .literal([1, 2, 3], { error: 'Select the level' })
    .optional()
    .describe('Omit when `deregister` is true'),
  criteria: codeList(
    LEVEL_CRITERION.map((c) => c.code),
    'Select criteria from the list',
    { type: 'string', enum: LEVEL_CRITERION.map((c) => c.code) },
  )
    .optional()
    .describe('Level 2 or 3 criteria; none for Level 1'),
  rationale: optionalText('Rationale'),
  decidedOn: z.preprocess(blank, isoDate('Date of the decision').optional()).describe('Defaults to today'),
  category3AcceptedOn: z
    .preprocess(blank, isoDate('Date the Category 3 referral was accepted').optional())
    .describe('A panel accepted a Category 3 referral on this date (the only way into Category 3)'),
  deregister: z.boolean({ error: 'Say whether MAPPA management ends (true or false)' }).optional(),
  continuesAtLowerLevel: optionalText(
    'What continues at the lower level',
    'Required on a reduction: what continues at the lower level (e.g. a professionals’ meeting date)',
  ),
  overrideReason: optionalText(
    'Reason for the override',
    'The chair’s reason for reducing or ending MAPPA management while actions are open (`level.override` only); refused otherwise',
  ),
  meetingId: z
    .preprocess(
      blank,
      z
        .string({ error: 'Select a meeting that discussed this person' })
        .refine(isUuid, { error: 'Select a meeting that discussed this person' })
        .meta({ format: 'uuid' })
        .optional(),
    )
    .describe('The Level 2/3 meeting that made the decision (it must include this person)'),
  screening: z
    .object(
      Object.fromEntries(
        SCREENING_QUESTIONS.map((q) => [
          q.key,
          z.boolean({ error: 'Answer each screening question yes or no' }).optional().describe(q.label),
        ]),
      ),
      { error: 'Send the screening answers as an object' },
    )
    .optional()
    .describe('MAPPA Q answers'),
});

export const LevelDecisionResult = z.object({
  id: z.uuid(),
  kind: z.enum(codes(DECISION_KIND)),
  category: z.number().int().nullable(),
  level: z.number().int().nullable(),
  warnings: z.array(z.string()).describe('Things to check, e.g. a reduction near release; never a refusal'),
  overridden: z.boolean().describe('A reduction allowed only by the chair’s override'),
});

export const CountersignatureResult = z.object({ id: z.uuid(), countersignedAt: z.iso.datetime() });

// --- What else is recorded about a person's MAPPA status -----------------------------------------

/** A significant event; with `today`, one dated after it is refused. */
export const significantEventSchema = (today?: string) =>
  z.object({
    type: z.enum(codes(SIGNIFICANT_EVENT_TYPE), { error: 'Select what happened' }),
    occurredOn: isoDate('Date it happened', today),
    description: longText('Description', 'Describe what happened'),
  });
export const SignificantEventInput = significantEventSchema();

export const SignificantEventResult = z.object({
  id: z.uuid(),
  notified: z.number().int().describe('Managers notified'),
});

/** That the person was told of their MAPPA status; with `today`, a date after it is refused. */
export const statusToldSchema = (today?: string) =>
  z.object({
    toldOn: isoDate('Date they were told', today),
    invitedToContribute: yesOrNo('Select whether they were invited to contribute'),
    theirViews: z.preprocess((v) => (v === null ? undefined : v), longText('Their views').optional()),
  });
export const StatusToldInput = statusToldSchema();

/** A registered sex offender's notification to the police; with `today`, a date after it is refused. */
export const offenderNotificationSchema = (today?: string) =>
  z.object({
    kind: z.enum(codes(OFFENDER_NOTIFICATION_KIND), { error: 'Select the kind of notification' }),
    notifiedOn: isoDate('Date they notified the police', today),
  });
export const OffenderNotificationInput = offenderNotificationSchema();

export const OffenderNotificationResult = z.object({
  id: z.uuid(),
  nextDueOn: z.iso.date().nullable().describe('When the next notification is due'),
});

/**
 * Something that starts a notification clock (SOA 2003 s.84, s.86). With `today`, a change dated
 * after it is refused; intended foreign travel is dated by its departure, which may be ahead.
 */
export const notificationEventSchema = (today?: string) =>
  z
    .object({
      kind: z.enum(codes(NOTIFICATION_EVENT_KIND), { error: 'Select what happened' }),
      occurredOn: isoDate('Date it happened').describe(
        'The change, the day the qualifying period was reached, or the day of departure',
      ),
      notifiedOn: z
        .preprocess(blank, isoDate('Date they notified the police', today).optional())
        .describe('When the person notified it; omit when they have not yet'),
      details: z
        .preprocess(
          blank,
          z
            .string({ error: 'Details must be 2000 characters or fewer' })
            .trim()
            .max(2000, { error: 'Details must be 2000 characters or fewer' })
            .refine((v) => !v.includes('\0'), { error: 'Details must not contain a NUL character' })
            .optional(),
        )
        .describe('What the police learnt, e.g. the new address or the destination'),
    })
    .superRefine((input, ctx) => {
      if (today && input.kind !== 'foreign_travel' && compareDates(input.occurredOn, today) > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['occurredOn'],
          message: 'Date it happened must be today or in the past',
        });
    });
export const NotificationEventInput = notificationEventSchema();

/** That the person notified an event; with `today`, a date after it is refused. */
export const notifiedSchema = (today?: string) =>
  z.object({ notifiedOn: isoDate('Date they notified the police', today) });
export const NotifiedInput = notifiedSchema();

export const NotificationEventResult = z.object({
  id: z.uuid(),
  nextDueOn: z.iso.date().nullable().describe('The first notification duty now due, if any'),
});

export const RuleCorrectionReviewed = z.object({ id: z.uuid(), reviewedAt: z.iso.datetime() });

export const IdResult = z.object({ id: z.uuid() });

// --- Area settings -------------------------------------------------------------------------------

/** "16" from a form, 16 from JSON. */
const wholeNumber = (v: unknown): unknown => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v);

function reviewSetting(key: keyof typeof SETTING_LIMITS) {
  const { min, max, label, unit } = SETTING_LIMITS[key];
  const message = `${label} must be a whole number of ${unit} from ${min} to ${max}`;
  return z.preprocess(
    wholeNumber,
    z
      .number({ error: message })
      .int({ error: message })
      .min(min, { error: message })
      .max(max, { error: message }),
  );
}

export const AreaSettingsInput = z.object({
  level2ReviewWeeks: reviewSetting('level2ReviewWeeks'),
  level3ReviewWeeks: reviewSetting('level3ReviewWeeks'),
  significantEventReviewDays: reviewSetting('significantEventReviewDays'),
  countersignatureRequired: yesOrNo('Select whether level decisions need countersigning'),
  screeningRoute: z
    .enum(codes(SCREENING_ROUTE), { error: 'Select how referrals are screened' })
    .optional()
    .describe('How referrals are screened; unchanged when omitted'),
  standingPanelAgencyIds: z
    .preprocess(
      (v) => (v === null ? [] : v),
      z
        .preprocess(
          (v) => (typeof v === 'string' ? (v ? [v] : []) : v),
          z
            .array(z.unknown(), { error: 'Select agencies from the list' })
            .refine((ids) => ids.every((id) => typeof id === 'string' && isUuid(id)), {
              error: 'Select agencies from the list',
            })
            .transform((ids) => [...new Set(ids as string[])])
            .meta({ items: { type: 'string', format: 'uuid' } }),
        )
        .optional(),
    )
    .describe(
      'The standing panel (agencies of your area); unchanged when omitted, the default panel when empty',
    ),
  singlePointsOfContact: z
    .array(
      z.object({
        agencyId: z.uuid({ error: 'Select an agency from the list' }),
        userId: z.uuid({ error: 'Select a person from the list' }),
      }),
      { error: 'Single points of contact must be a list of agency and user' },
    )
    .optional()
    .describe(
      'Each agency’s single point of contact in your area (a Vigil user of that agency), told of actions owned by its people without a Vigil account; unchanged when omitted, all replaced when given',
    ),
});
export type AreaSettingsInput = z.input<typeof AreaSettingsInput>;

const PanelAgencyView = z.object({ agencyId: z.uuid(), name: z.string(), type: z.string() });

export const AreaSettingsView = z.object({
  areaCode: z.string(),
  level2ReviewWeeks: z.number().int(),
  level3ReviewWeeks: z.number().int(),
  significantEventReviewDays: z.number().int(),
  countersignatureRequired: z.boolean(),
  screeningRoute: z.enum(codes(SCREENING_ROUTE)),
  standingPanel: z.array(PanelAgencyView).describe('The agencies invited to every Level 2/3 meeting'),
  standingPanelConfigured: z
    .boolean()
    .describe('False: the area has not chosen, so the default panel applies (recommendation 9)'),
  singlePointsOfContact: z
    .array(z.object({ agencyId: z.uuid(), agencyName: z.string(), userId: z.uuid(), userName: z.string() }))
    .describe('Who is told of an action owned by an agency’s person without a Vigil account'),
});

export const SavedAreaSettings = AreaSettingsView.extend({
  recomputed: z.number().int().describe('People with a level whose due dates were recalculated'),
});

// --- The person's MAPPA status -------------------------------------------------------------------

const nullableDate = z.iso.date().nullable();

/** A Category 3 consideration (MAPPA Guidance ch.6: "other dangerous offenders"), as it is read back. */
const Category3ConsiderationView = z.object({
  id: z.uuid(),
  outcome: z.enum(['refer', 'not_needed']),
  outcomeLabel: z.string(),
  reason: z.string(),
  consideredAt: z.iso.datetime(),
  consideredBy: z.string().describe('Who considered it'),
});

export const LevelHistoryView = z.object({
  obligations: z
    .object({
      category: z.number().int().nullable(),
      category_reason: z.string().nullable(),
      eligibility_ends_on: nullableDate,
      level: z.number().int().nullable().describe('Null: no level set (never a default Level 1)'),
      in_custody: z.boolean(),
      on_rotl: z.boolean(),
      earliest_release_on: nullableDate,
      level_decision_due_on: nullableDate,
      level_decision_basis: z.string().nullable(),
      review_due_on: nullableDate,
      review_basis: z.string().nullable(),
      unreviewed_event_since: nullableDate,
      notification_due_on: nullableDate,
      category3_candidate: z.boolean(),
      category_basis: z.string().nullable().describe('The statute section the category rests on'),
      category_facts: z.array(z.string()).describe('The facts the rule used'),
      subject_to_notification: z
        .boolean()
        .describe('Subject to SOA 2003 Part 2 notification today, whatever the category'),
      notification_basis: z.string().nullable().describe('The duty that falls due first, with its section'),
      notification_obligations: z
        .array(
          z.object({
            kind: z.string(),
            dueOn: nullableDate.describe('Null: cannot fall due yet (e.g. in custody)'),
            basis: z.string(),
            section: z.string(),
            eventId: z.uuid().nullable(),
          }),
        )
        .describe('Every open notification duty (SOA 2003 s.83-86)'),
      classification_needed: z.array(z.string()).describe('What must be recorded to classify an offence'),
      rules_version: z.number().int(),
    })
    .describe('Computed by the eligibility and deadline rules (snake_case columns of nominal_obligations)'),
  decisions: z.array(
    z.object({
      id: z.uuid(),
      level: z.number().int().nullable(),
      category: z.number().int().nullable(),
      kind: z.enum(codes(DECISION_KIND)),
      criteria: z.array(z.string()),
      rationale: z.string(),
      decidedOn: z.iso.date(),
      decidedAt: z.iso.datetime(),
      decidedBy: z.string(),
      warning: z.string().nullable(),
      countersignatureRequired: z.boolean(),
      awaitingCountersignature: z.boolean(),
      countersignedAt: z.iso.datetime().nullable(),
      countersignedBy: z.string().nullable(),
      overrideReason: z.string().nullable(),
      continuesAtLowerLevel: z.string().nullable(),
      meetingId: z.uuid().nullable(),
      answers: z.record(z.string(), z.unknown()).nullable().describe('The MAPPA Q screening answers'),
    }),
  ),
  events: z.array(
    z.object({
      id: z.uuid(),
      type: z.enum(codes(SIGNIFICANT_EVENT_TYPE)),
      occurredOn: z.iso.date(),
      description: z.string(),
      recordedAt: z.iso.datetime(),
      recordedBy: z.string(),
      reviewedBy: z.uuid().nullable().describe('The level decision that considered it'),
    }),
  ),
  toldOfStatus: z.array(
    z.object({ toldOn: z.iso.date(), invitedToContribute: z.boolean(), theirViews: z.string().nullable() }),
  ),
  offenderNotifications: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(codes(OFFENDER_NOTIFICATION_KIND)),
      notifiedOn: z.iso.date(),
      recordedAt: z.iso.datetime(),
      recordedBy: z.string(),
    }),
  ),
  notificationEvents: z
    .array(
      z.object({
        id: z.uuid(),
        kind: z.enum(codes(NOTIFICATION_EVENT_KIND)),
        occurredOn: z.iso.date(),
        notifiedOn: nullableDate,
        details: z.string().nullable(),
        recordedAt: z.iso.datetime(),
        recordedBy: z.string(),
      }),
    )
    .describe('Changes, stays and travel the police recorded, newest first'),
  category3Considerations: z
    .array(Category3ConsiderationView)
    .describe('Considerations for Category 3 (from the Category 3 candidates list), newest first'),
  countersignatureRequired: z.boolean().describe('The area requires level decisions to be countersigned'),
  criteria: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const Category3ConsiderationsView = z.object({ considerations: z.array(Category3ConsiderationView) });

// --- Pages' query strings (what a redirect says happened; anything odd is ignored) ---------------

const said = z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().optional());

export const LevelsPageQuery = z.object({
  decision: said,
  event: said,
  notified: said,
  told: said,
  notification: said,
  countersigned: said,
  notificationEvent: said,
});
/** A panel records its decision from the meeting: ?meeting=<id> names it. */
export const DecisionFormQuery = z.object({ meeting: said });
export const AreaSettingsPageQuery = z.object({ saved: said });
