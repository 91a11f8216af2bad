import { z } from 'zod';
import { AREA_LISTS, type AreaListKey } from '../worklists/index.ts';

/**
 * The start page's answer: the same object the page renders and GET /api/v1/start returns. It takes
 * no input. Each part is null when the user's roles do not give them that work.
 */

const listKeys = AREA_LISTS.map((l) => l.key) as [AreaListKey, ...AreaListKey[]];

const Person = z.object({ id: z.uuid(), name: z.string(), vigilRef: z.string() });

const OpenAction = z.object({
  id: z.uuid(),
  description: z.string(),
  dueOn: z.iso.date(),
  overdue: z.boolean(),
  safeguarding: z.boolean(),
  person: Person,
});

const PrisonReport = z.object({
  id: z.uuid(),
  status: z.enum(['draft', 'submitted', 'returned']),
  meetingId: z.uuid().nullable(),
  updatedAt: z.iso.datetime(),
  person: Person,
});

const Referral = z.object({
  id: z.uuid(),
  emergency: z.boolean(),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  person: Person,
});

export const StartPageView = z.object({
  today: z.iso.date().describe('The service’s London date the summary was made on'),
  obligations: z
    .object({
      overdue: z.number().int().describe('GET /api/v1/worklists/mine: rows overdue'),
      dueThisWeek: z.number().int().describe('Due in the next 7 days, today included, not yet overdue'),
      overdueActions: z.number().int(),
    })
    .describe('My caseload’s obligations (people I am a named manager of)'),
  meetings: z
    .array(
      z.object({
        id: z.uuid(),
        level: z.number().int(),
        startsAt: z.iso.datetime(),
        day: z.iso.date().describe('The London day it is held on'),
        chairName: z.string().nullable(),
        why: z
          .array(z.enum(['chair', 'manager', 'invited', 'area']))
          .describe(
            'chair: I chair it; manager: it discusses someone I manage; invited: my agency is invited; area: my area’s meeting (coordinators and administrators)',
          ),
        people: z.array(Person),
        owed: z.object({
          actions: z.array(OpenAction).describe('My open actions on the people it discusses'),
          prisonReports: z
            .array(PrisonReport)
            .describe('Prison reports (MAPPA F) on those people awaiting me: to finish or to approve'),
        }),
      }),
    )
    .nullable()
    .describe('Scheduled meetings in the next 4 weeks that concern me, soonest first'),
  actions: z
    .object({
      open: z.number().int(),
      overdue: z.number().int(),
      soonest: z.array(OpenAction).describe('The 5 due soonest (overdue first)'),
    })
    .nullable(),
  inbox: z.object({
    unread: z.number().int(),
    latest: z.array(
      z.object({
        id: z.uuid(),
        subject: z.string(),
        link: z.string().nullable(),
        createdAt: z.iso.datetime(),
        person: Person.nullable(),
      }),
    ),
  }),
  referrals: z
    .object({
      awaitingScreening: z
        .object({
          count: z.number().int(),
          next: z.array(Referral).describe('Emergencies first, then the longest waiting'),
        })
        .nullable()
        .describe('Submitted referrals in my area awaiting screening (screeners only)'),
      drafts: z.array(Referral).describe('My referrals not yet submitted'),
    })
    .nullable(),
  prisonReports: z
    .object({
      toFinish: z.array(PrisonReport).describe('Drafts I wrote and reports returned to me'),
      toApprove: z.array(PrisonReport).describe('Submitted by another manager of my establishment'),
    })
    .nullable()
    .describe('Prison offender managers: my establishment’s prison reports (MAPPA F) awaiting me'),
  minutesToApprove: z
    .array(
      z.object({
        meetingId: z.uuid(),
        level: z.number().int(),
        startsAt: z.iso.datetime(),
        person: Person,
      }),
    )
    .nullable()
    .describe('Chairs: minutes of meetings I chair whose latest version is a draft, oldest meeting first'),
  area: z
    .object({
      areaCode: z.string(),
      lists: z.array(z.object({ key: z.enum(listKeys), label: z.string(), count: z.number().int() })),
    })
    .nullable()
    .describe('The area worklists’ counts (GET /api/v1/worklists/area?list=KEY)'),
});
export type StartPage = z.infer<typeof StartPageView>;
