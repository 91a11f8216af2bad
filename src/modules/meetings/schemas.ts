import { z } from 'zod';
import { AGENDA } from '../../domain/agenda.ts';
import { ATTENDANCE, PILLAR } from '../../domain/codes.ts';
import { parseIsoDate } from '../../domain/dates.ts';
import { LEVEL_CRITERION } from '../../domain/levels.ts';
import { isUuid } from '../../validation/fields.ts';
import { pathId } from '../../validation/parse.ts';

/**
 * One zod schema per input of the meetings capability. The API declares them (Fastify enforces them
 * and the OpenAPI document describes them); the use cases parse their input with the same schema,
 * so a form, a JSON body and a direct caller meet the same checks and the same messages. A schema
 * checks what the input is; the rules that need the database (a chair of the area, a person in
 * scope) stay in the use case, and rules another capability owns stay with it: a level decision's
 * with levels, an action's with actions (whose schemas the API declares for those routes).
 */

/** Forms send "" (and JSON may send null) for a field left empty: that is "not given". */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
/** One value or several (checkboxes send one as a string), blanks left out. */
const several = (v: unknown) =>
  v === undefined || v === null
    ? []
    : Array.isArray(v)
      ? v.filter((x) => !(typeof x === 'string' && !x.trim()))
      : typeof v === 'string' && !v.trim()
        ? []
        : [v];
/** A number sent as text (a form, a query string) is that number. */
const numeric = (v: unknown) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v);
const noNul = (v: string) => !v.includes('\0');

/** Optional text, trimmed: `tooLong` when over `max` characters. */
const optionalText = (max: number, tooLong: string) =>
  z.preprocess(
    blank,
    z
      .string({ error: tooLong })
      .trim()
      .max(max, { error: tooLong })
      .refine(noNul, { error: 'Remove the NUL character' })
      .optional(),
  );

/** Required text, trimmed. */
const requiredText = (max: number, missing: string, tooLong: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: tooLong })
    .refine(noNul, { error: 'Remove the NUL character' });

/** A calendar date (YYYY-MM-DD), with the messages of the date rules (`label` names it). */
const calendarDate = (label: string) =>
  z
    .string({ error: (parseIsoDate('', label) as { error: string }).error })
    .trim()
    .superRefine((value, ctx) => {
      const parsed = parseIsoDate(value, label);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    })
    .meta({ format: 'date' });

/** Ids picked from a list (checkboxes, a select): each must be an id, else `message`. */
const ids = (message: string) =>
  z
    .preprocess(
      several,
      z.array(
        z.string({ error: message }).trim().refine(isUuid, { error: message }).meta({ format: 'uuid' }),
        { error: message },
      ),
    )
    .default([]);

/** An object's field as sent, for checks across fields (which run even when a field is wrong). */
const sent = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
const given = (v: unknown) => several(v).length > 0;
const always = { when: () => true };

/** What a caller may send for an input: anything, each field checked by the schema. */
type Sent<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

// --- Addresses --------------------------------------------------------------------------------------

export const MeetingParams = z.object({ meetingId: pathId });
export const MinutesParams = z.object({ meetingId: pathId, nominalId: pathId });
export const MinutesActionParams = MinutesParams.extend({ actionId: pathId });
export const NominalParams = z.object({ id: pathId });

/** Any version of the minutes (the latest when absent; anything but a version number is ignored). */
export const MinutesQuery = z.object({
  version: z.preprocess((v) => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 && n < 10_000 ? n : undefined;
  }, z.number().int().min(1).optional().describe('A version number; the latest if absent')),
});

/** The pages' banners, from the address a form redirected to (anything odd shows no banner). */
const flag = z.string().optional().catch(undefined);
export const MeetingPageQuery = z.object({
  scheduled: flag,
  attendance: flag,
  closed: flag,
  notified: flag,
  rescheduled: flag,
  cancelled: flag,
  removed: flag,
});
export const AttendanceParams = z.object({ meetingId: pathId, attendanceId: pathId });
/** The new-meeting form, opened from an accepted referral: its person, level and agencies carried. */
export const NewMeetingQuery = z.object({ referral: z.string().optional().catch(undefined) });
export const MinutesPageQuery = z.object({
  saved: flag,
  approved: flag,
  corrected: flag,
  action: flag,
  update: flag,
  decision: flag,
});

// --- Scheduling ---------------------------------------------------------------------------------------

const HTTPS_LINK = (link: string) => {
  try {
    return new URL(link).protocol === 'https:' && link.length <= 1000;
  } catch {
    return false;
  }
};

export const ScheduleMeetingInput = z
  .object({
    level: z.preprocess(numeric, z.literal([2, 3], { error: 'Select Level 2 or Level 3' })),
    date: calendarDate('Date of the meeting').describe('The day of the meeting'),
    time: z
      .string({ error: 'Enter the time of the meeting in the 24-hour clock, like 14:30' })
      .trim()
      .regex(/^([01]?\d|2[0-3]):([0-5]\d)$/, {
        error: 'Enter the time of the meeting in the 24-hour clock, like 14:30',
      })
      .describe('London time, 24-hour clock'),
    format: z.enum(['in_person', 'online'], {
      error: 'Select whether the meeting is in person or online',
    }),
    location: optionalText(300, 'Location must be 300 characters or fewer').describe('Required in person'),
    onlineLink: z
      .preprocess(blank, z.string({ error: 'Enter a link that starts with https://' }).trim().optional())
      .describe('Required online; https only'),
    // Required: the chair approves the minutes; a meeting without one had nobody to approve them.
    chairUserId: z
      .preprocess(
        blank,
        z
          .string({ error: 'Select the chair' })
          .trim()
          .refine(isUuid, { error: 'Select the chair' })
          .meta({ format: 'uuid' }),
      )
      .describe('A meeting chair in your area'),
    nominalIds: ids('Select the people to discuss').describe(
      'People picked from the referrals awaiting a meeting',
    ),
    vigilRefs: z
      .preprocess(
        (v) =>
          several(v).flatMap((s) =>
            typeof s === 'string'
              ? s
                  .split(/[\s,]+/)
                  .map((r) => r.trim().toUpperCase())
                  .filter(Boolean)
              : [s],
          ),
        z.array(z.string().max(20, { error: 'Enter Vigil references like VG-0000-0000' }), {
          error: 'Enter Vigil references like VG-0000-0000',
        }),
      )
      .default([])
      .describe('Others, by Vigil reference (a form sends them one per line or comma-separated)'),
    agencyIds: ids('Select the agencies to invite').describe(
      'Agencies chosen for the case, besides the standing panel',
    ),
  })
  .refine((v) => sent(v, 'format') !== 'in_person' || given(sent(v, 'location')), {
    ...always,
    path: ['location'],
    error: 'Enter where the meeting is',
  })
  .refine((v) => sent(v, 'format') !== 'online' || given(sent(v, 'onlineLink')), {
    ...always,
    path: ['onlineLink'],
    error: 'Enter the link to join the online meeting',
  })
  .refine(
    (v) => {
      const link = sent(v, 'onlineLink');
      return (
        sent(v, 'format') !== 'online' || typeof link !== 'string' || !link.trim() || HTTPS_LINK(link.trim())
      );
    },
    { ...always, path: ['onlineLink'], error: 'Enter a link that starts with https://' },
  )
  .refine((v) => given(sent(v, 'nominalIds')) || given(sent(v, 'vigilRefs')), {
    ...always,
    path: ['nominalIds'],
    error: 'Select at least one person to discuss, or enter their Vigil reference',
  });
export type ScheduleMeetingInput = Sent<typeof ScheduleMeetingInput>;

/** The meeting's row version as read: a stale one is refused with 409 (someone else changed it). */
const meetingVersion = z.coerce
  .number({ error: 'Reload the meeting and try again' })
  .int({ error: 'Reload the meeting and try again' })
  .min(1, { error: 'Reload the meeting and try again' })
  .describe('The meeting’s version you read: a stale one is refused with 409');

const reasonFor = (what: string) =>
  requiredText(
    2000,
    `Enter why the meeting is being ${what}`,
    'Reason must be 2000 characters or fewer',
  ).describe(`Why the meeting is being ${what}: kept in its history and sent to the invitees`);

/** A new date and time for a scheduled meeting, with why (kept in its history; the invitees told). */
export const RescheduleMeetingInput = z.object({
  date: calendarDate('New date of the meeting').describe('The new day of the meeting'),
  time: z
    .string({ error: 'Enter the new time in the 24-hour clock, like 14:30' })
    .trim()
    .regex(/^([01]?\d|2[0-3]):([0-5]\d)$/, { error: 'Enter the new time in the 24-hour clock, like 14:30' })
    .describe('London time, 24-hour clock'),
  reason: reasonFor('rescheduled'),
  version: meetingVersion,
});
export type RescheduleMeetingInput = Sent<typeof RescheduleMeetingInput>;

/** Cancelling a scheduled meeting, with why (kept in its history; the invitees told). */
export const CancelMeetingInput = z.object({ reason: reasonFor('cancelled'), version: meetingVersion });
export type CancelMeetingInput = Sent<typeof CancelMeetingInput>;

// --- Attendance (MAPPA E) -------------------------------------------------------------------------

/** Removing an attendance entry made in error, before the meeting closes: why, for the access log. */
export const RemoveAttendanceInput = z.object({
  reason: requiredText(
    500,
    'Enter why this attendance entry is being removed',
    'Reason must be 500 characters or fewer',
  ),
});
export type RemoveAttendanceInput = Sent<typeof RemoveAttendanceInput>;

export const AttendanceInput = z
  .object({
    agencyId: z
      .string({ error: 'Select the agency' })
      .trim()
      .refine(isUuid, { error: 'Select the agency' })
      .meta({ format: 'uuid' })
      .describe('An invited agency'),
    personName: requiredText(200, 'Enter the name of the person', 'Name must be 200 characters or fewer'),
    attendance: z.enum(
      ATTENDANCE.map((a) => a.code),
      { error: 'Select whether they attended' },
    ),
    substituteFor: optionalText(200, 'Name must be 200 characters or fewer').describe(
      'Required for a substitute: whom they attended for',
    ),
  })
  .refine((v) => sent(v, 'attendance') !== 'substitute' || given(sent(v, 'substituteFor')), {
    ...always,
    path: ['substituteFor'],
    error: 'Enter who they attended for',
  });
export type AttendanceInput = Sent<typeof AttendanceInput>;

// --- Minutes (MAPPA B) ------------------------------------------------------------------------------

const rowVersion = z.coerce
  .number({ error: 'Reload the minutes and try again' })
  .int({ error: 'Reload the minutes and try again' })
  .min(0, { error: 'Reload the minutes and try again' })
  .describe('The row version you read (0 before the first save): a stale one is refused with 409');

/**
 * The minutes over the API: the nested object they are stored as. (The page's form sends the same
 * content flat, as `item-<key>`, `disclosureConsidered`…; the minutes' own rules, in
 * domain/agenda.ts, read either and check the lengths and the next meeting's date.)
 */
export const MinutesInput = z.object({
  items: z
    .object(
      Object.fromEntries(AGENDA.map((i) => [i.key, z.string().nullish().describe(i.heading)])) as Record<
        string,
        z.ZodType<string | null | undefined>
      >,
    )
    .optional()
    .describe('The minute of each agenda item (at most 10,000 characters each)'),
  decisions: z.string().nullish().describe('Decisions apart from the level and the actions'),
  disclosure: z
    .object({
      considered: z.enum(['yes', 'no', '']).nullish().describe('Required before approval'),
      reason: z.string().nullish().describe('Why disclosure is or is not needed: required before approval'),
    })
    .optional(),
  nextMeetingOn: z.preprocess(blank, calendarDate('Date of the next meeting').optional()),
  rowVersion,
});

export const ApprovalInput = z.object({ rowVersion });

export const CorrectionInput = z.object({
  reason: requiredText(
    2000,
    'Enter why the minutes need correcting',
    'Reason must be 2000 characters or fewer',
  ),
});

// --- The panel's level decision -------------------------------------------------------------------

/** The decision's shape; its rules (criteria for the level, a rationale, reductions) are the levels capability's. */
export const PanelDecisionInput = z.object({
  level: z
    .preprocess(
      (v) => numeric(blank(v)),
      z.literal([1, 2, 3, 'end'], { error: 'Select the level' }).optional(),
    )
    .describe('Required: the level, or `end` to end MAPPA management'),
  criteria: z
    .preprocess(
      several,
      z.array(
        z.enum(
          LEVEL_CRITERION.map((c) => c.code),
          { error: 'Select criteria from the list' },
        ),
        { error: 'Select criteria from the list' },
      ),
    )
    .default([]),
  rationale: z
    .preprocess(blank, z.string({ error: 'Enter the rationale' }).optional())
    .describe('At most 4000 characters'),
  overrideReason: z
    .preprocess(blank, z.string({ error: 'Enter the reason for the override' }).optional())
    .describe('The chair’s reason to reduce while actions are open (at most 4000 characters)'),
  continuesAtLowerLevel: z
    .preprocess(blank, z.string({ error: 'Enter what continues at the lower level' }).optional())
    .describe('Required on a reduction (at most 4000 characters)'),
});
export type PanelDecisionInput = Sent<typeof PanelDecisionInput>;

// --- Answers --------------------------------------------------------------------------------------

const instant = z.iso.datetime();
const day = z.iso.date();
const rate = z.object({
  invited: z.number().int(),
  attended: z.number().int(),
  percent: z.number().int().nullable().describe('Whole percent; null when none was invited'),
});

const MeetingSummary = z.object({
  id: z.uuid(),
  level: z.number().int(),
  startsAt: instant,
  day,
  format: z.enum(['in_person', 'online']),
  status: z.enum(['scheduled', 'closed', 'cancelled']),
  chairName: z.string().nullable(),
  people: z.string().describe('The people discussed, by name'),
});
export const MeetingList = z.object({ upcoming: z.array(MeetingSummary), past: z.array(MeetingSummary) });

export const MeetingScheduled = z.object({
  id: z.uuid(),
  invited: z.number().int().describe('Agencies invited'),
  nominals: z.number().int().describe('People to be discussed'),
});

const AttendanceRecord = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  personName: z.string(),
  attendance: z.enum(ATTENDANCE.map((a) => a.code)),
  attendanceLabel: z.string(),
  substituteFor: z.string().nullable(),
});
const Invitation = z.object({
  agencyId: z.uuid(),
  name: z.string(),
  type: z.string(),
  standing: z.boolean().describe('A standing panel member'),
  responsibleAuthority: z.boolean(),
  attended: z.boolean(),
  records: z.array(AttendanceRecord),
});
const MinutesState = z.object({ status: z.string(), version: z.number().int() }).nullable();

export const MeetingView = z.object({
  id: z.uuid(),
  level: z.number().int(),
  startsAt: instant,
  day,
  time: z.string().describe('London time'),
  format: z.enum(['in_person', 'online']),
  location: z.string().nullable(),
  onlineLink: z.string().nullable(),
  chairUserId: z.uuid().nullable(),
  chairName: z.string().nullable(),
  status: z.enum(['scheduled', 'closed', 'cancelled']),
  closedAt: instant.nullable(),
  version: z.number().int(),
  nominals: z.array(
    z.object({ id: z.uuid(), name: z.string(), vigilRef: z.string(), minutes: MinutesState }),
  ),
  invitations: z.array(Invitation),
  attendance: z.array(AttendanceRecord),
  attendanceRate: z.object({ responsibleAuthority: rate, dutyToCooperate: rate }),
  history: z
    .array(z.object({ at: instant, by: z.string(), summary: z.string() }))
    .describe('Scheduled, rescheduled (from when to when, why) and cancelled (why), oldest first'),
});

export const AttendanceRecorded = z.object({ id: z.uuid() });
export const AttendanceRemoved = z.object({ removed: z.literal(true) });
export const MeetingRescheduled = z.object({
  id: z.uuid(),
  startsAt: instant,
  day,
  time: z.string(),
  version: z.number().int(),
  notified: z.number().int().describe('Invitees told in their inbox'),
});
export const MeetingCancelled = z.object({
  id: z.uuid(),
  status: z.literal('cancelled'),
  version: z.number().int(),
  notified: z.number().int().describe('Invitees told in their inbox'),
});

export const MeetingClosed = z.object({
  closed: z.boolean(),
  alreadyClosed: z.boolean(),
  ownersNotified: z.number().int().describe('Owners sent their new actions (each once, with all of theirs)'),
});

export const AgendaView = z.object({
  meeting: z.object({
    id: z.uuid(),
    level: z.number().int(),
    day,
    time: z.string(),
    status: z.string(),
    format: z.string(),
    areaName: z.string(),
  }),
  person: z.object({ id: z.uuid(), name: z.string(), vigilRef: z.string() }),
  previousMeetingOn: day.nullable(),
  newInformationSince: day,
  items: z.array(
    z.object({
      key: z.string(),
      heading: z.string(),
      prompt: z.string(),
      rows: z.array(z.object({ label: z.string(), value: z.string() })),
      paragraphs: z.array(z.string()),
      table: z
        .object({ head: z.array(z.string()), rows: z.array(z.array(z.string())), empty: z.string() })
        .optional(),
      links: z.array(z.object({ href: z.string(), text: z.string() })),
      withheld: z.array(z.string()).describe('What this viewer may not see here, and why'),
    }),
  ),
  withheld: z.array(z.string()),
});

const MinutesVersion = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'approved', 'superseded']),
  rowVersion: z.number().int(),
  correctionReason: z.string().nullable(),
  updatedAt: instant,
  updatedBy: z.string(),
  approvedAt: instant.nullable(),
  approvedBy: z.string().nullable(),
});
const pillar = z.enum(PILLAR.map((p) => p.code));

export const MinutesView = z.object({
  meeting: z.object({
    id: z.uuid(),
    level: z.number().int(),
    startsAt: instant,
    day,
    time: z.string(),
    status: z.string(),
    areaName: z.string(),
    chairUserId: z.uuid().nullable(),
    chairName: z.string().nullable(),
  }),
  person: z.object({ id: z.uuid(), name: z.string(), vigilRef: z.string() }),
  versions: z.array(MinutesVersion),
  minutes: MinutesVersion.extend({
    content: z.object({
      items: z.record(z.string(), z.string()),
      decisions: z.string(),
      disclosure: z.object({ considered: z.enum(['yes', 'no']).nullable(), reason: z.string() }),
      nextMeetingOn: day.nullable(),
    }),
  })
    .nullable()
    .describe('The version asked for, or the latest'),
  victimsWithheld: z.boolean(),
  latestStatus: z.enum(['draft', 'approved', 'superseded']).nullable(),
  newActions: z.array(
    z.object({
      id: z.uuid(),
      description: z.string(),
      pillar,
      safeguarding: z.boolean(),
      dueOn: day,
      status: z.string(),
      distributedAt: instant.nullable(),
      ownerAgency: z.string(),
      ownerName: z.string(),
    }),
  ),
  earlierActions: z.array(
    z.object({
      id: z.uuid(),
      description: z.string(),
      pillar,
      dueOn: day,
      status: z.string(),
      version: z.number().int(),
      ownerAgency: z.string(),
      ownerName: z.string(),
    }),
  ),
  updates: z.array(
    z.object({
      id: z.uuid(),
      actionId: z.uuid(),
      description: z.string(),
      ownerAgency: z.string(),
      note: z.string(),
      status: z.string(),
      createdAt: instant,
      by: z.string(),
    }),
  ),
  levelDecisions: z.array(
    z.object({
      id: z.uuid(),
      level: z.number().int().nullable(),
      kind: z.string(),
      rationale: z.string(),
      decidedOn: day,
      overrideReason: z.string().nullable(),
      continuesAtLowerLevel: z.string().nullable(),
      decidedBy: z.string(),
    }),
  ),
  planVersions: z.array(z.object({ version: z.number().int(), reason: z.string() })),
  attendance: z.array(AttendanceRecord),
  invitations: z.array(Invitation),
});

export const MinutesSaved = z.object({ version: z.number().int(), rowVersion: z.number().int() });
export const MinutesStatus = MinutesSaved.extend({ status: z.enum(['draft', 'approved']) });
export const ActionAdded = z.object({ id: z.uuid() });
export const UpdateRecorded = z.object({ recorded: z.literal(true) });
export const LevelDecisionRecorded = z.object({
  id: z.uuid(),
  kind: z.string(),
  category: z.number().int().nullable(),
  level: z.number().int().nullable(),
  warnings: z.array(z.string()),
  overridden: z.boolean().describe('A reduction with open actions, on the chair’s override'),
});
export const NominalMeetings = z.array(
  z.object({
    id: z.uuid(),
    level: z.number().int(),
    startsAt: instant,
    day,
    status: z.string(),
    minutes: MinutesState,
  }),
);
