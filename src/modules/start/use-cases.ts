import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can, reachOf, withinTokenAreas } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { addDays, londonDateAt } from '../../domain/dates.ts';
import { screeningOrder } from '../../domain/referrals.ts';
import { listMyActions } from '../actions/index.ts';
import {
  londonInstant,
  minutesAwaitingApproval,
  upcomingMeetings,
  type UpcomingMeeting,
} from '../meetings/index.ts';
import { nominalHeadlines, nominalsManagedBy, type NominalHeadline } from '../nominals/index.ts';
import { unreadNotifications } from '../notifications/index.ts';
import { reportsInProgressAt, type ReportInProgress } from '../prison-reports/index.ts';
import { draftReferralsBy, referralsAwaitingScreening, type ReferralAwaiting } from '../referrals/index.ts';
import { usersByIds } from '../users/index.ts';
import { areaWorklistCounts, myObligationSummary } from '../worklists/index.ts';
import type { StartPage } from './schemas.ts';

/**
 * The start page (issue 13: "what needs me today"): one look at what is due on my caseload, the
 * meetings coming up that concern me and what I owe them, my open actions, my unread inbox, the
 * referrals awaiting me and, for those who run the area, its worklists' counts. Every number comes
 * from the capability that owns it; each links to the list it counts.
 */

/** How far ahead "upcoming" meetings reach. */
const MEETING_DAYS = 28;
/** How many of each list the page shows beside its count. */
const FEW = 5;

/** Coordinators and administrators organise every meeting of their area, so every one concerns them. */
const ORGANISERS = ['mappa_coordinator', 'mappa_administrator'] as const;

type Why = 'chair' | 'manager' | 'invited' | 'area';
type OpenAction = NonNullable<StartPage['actions']>['soonest'][number];

/** The meetings in the next 4 weeks that concern the actor, and why each does. */
async function meetingsConcerning(
  tx: Tx,
  ctx: UseCaseContext,
  managed: readonly string[],
): Promise<{ meeting: UpcomingMeeting; why: Why[] }[] | null> {
  const { actor } = ctx;
  const reach = reachOf(actor, 'meeting.view');
  if (!reach) return null;
  const window = {
    from: londonInstant(ctx.today, '00:00'),
    to: londonInstant(addDays(ctx.today, MEETING_DAYS), '00:00'),
  };
  const organiser = actor.roles.some((r) => (ORGANISERS as readonly string[]).includes(r));
  const invited = reach === 'involved';
  // Those with area reach see their own area's meetings only (meetings' loadMeeting); an invited
  // agency sees those it is invited to.
  if (!invited && !withinTokenAreas(actor, actor.areaCode)) return [];
  const meetings = await upcomingMeetings(tx, {
    ...window,
    ...(invited
      ? { invitedAgencyId: actor.agencyId }
      : {
          areaCode: actor.areaCode,
          ...(organiser ? {} : { concerning: { chairUserId: actor.userId, nominalIds: managed } }),
        }),
  });
  return meetings
    .filter((m) => withinTokenAreas(actor, m.areaCode))
    .map((meeting) => {
      const why: Why[] = [];
      if (meeting.chairUserId === actor.userId) why.push('chair');
      if (meeting.nominalIds.some((id) => managed.includes(id))) why.push('manager');
      if (invited) why.push('invited');
      if (organiser) why.push('area');
      return { meeting, why };
    });
}

/** My establishment's prison reports awaiting me: my drafts and returned reports, and others' to approve. */
async function prisonReportsAwaiting(tx: Tx, ctx: UseCaseContext) {
  const { actor } = ctx;
  const writes = can(actor, 'prison-report.write', 'read') && actor.agencyType === 'prison';
  const approves = can(actor, 'prison-report.approve', 'read') && actor.agencyType === 'prison';
  if (!writes && !approves) return null;
  const reports = await reportsInProgressAt(tx, actor.agencyId);
  return {
    toFinish: writes ? reports.filter((r) => r.writtenBy === actor.userId && r.status !== 'submitted') : [],
    // The report's page says whether this user may approve it (not one who wrote or edited it).
    toApprove: approves
      ? reports.filter((r) => r.status === 'submitted' && r.writtenBy !== actor.userId)
      : [],
  };
}

/** The referrals awaiting me: screening in my area (screeners), and my own drafts. */
async function referralsAwaiting(tx: Tx, ctx: UseCaseContext) {
  const { actor } = ctx;
  if (!can(actor, 'referral.view')) return null;
  // Seeing what awaits one is reading: a read-only token sees it too.
  const screening =
    can(actor, 'referral.screen', 'read') && withinTokenAreas(actor, actor.areaCode)
      ? await referralsAwaitingScreening(tx, actor.areaCode)
      : null;
  const drafts = can(actor, 'referral.create', 'read')
    ? (await draftReferralsBy(tx, actor.userId)).filter((r) => withinTokenAreas(actor, r.areaCode))
    : [];
  const iso = (d: Date | null) => (d ? d.toISOString() : '');
  return {
    screening: screening && {
      count: screening.count,
      next: [...screening.referrals]
        .sort((a, b) =>
          screeningOrder(
            { emergency: a.emergency, submittedAt: iso(a.submittedAt) },
            { emergency: b.emergency, submittedAt: iso(b.submittedAt) },
          ),
        )
        .slice(0, FEW),
    },
    drafts,
  };
}

/**
 * The start page's summary for the actor. The counts of other capabilities' use cases (my
 * caseload's obligations, my actions, the area's lists) are read first, each in its own transaction
 * and logged by it; then one transaction reads the rest and logs the consultation of every person
 * the page names.
 */
export async function startPage(database: Database, ctx: UseCaseContext): Promise<StartPage> {
  authorize(ctx.actor, 'nominal.view');
  const { actor } = ctx;
  const obligations = await myObligationSummary(database, ctx);
  const myActions = can(actor, 'action.update', 'read')
    ? (await listMyActions(database, ctx)).filter((a) => a.status === 'open')
    : null;
  const area =
    can(actor, 'worklist.area') && withinTokenAreas(actor, actor.areaCode)
      ? await areaWorklistCounts(database, ctx)
      : null;

  return database.transaction(async (tx) => {
    const managed = await nominalsManagedBy(tx, actor.userId);
    const meetings = await meetingsConcerning(tx, ctx, managed);
    const reports = await prisonReportsAwaiting(tx, ctx);
    const referrals = await referralsAwaiting(tx, ctx);
    const inbox = await unreadNotifications(tx, actor, FEW);
    // The chair approves the minutes; a meeting is of the chair's own area (meetings' loadMeeting).
    const minutes =
      can(actor, 'minutes.approve', 'read') && withinTokenAreas(actor, actor.areaCode)
        ? await minutesAwaitingApproval(tx, actor.userId)
        : null;

    const allReports = reports ? [...reports.toFinish, ...reports.toApprove] : [];
    const people = await nominalHeadlines(tx, [
      ...(meetings ?? []).flatMap((m) => m.meeting.nominalIds),
      ...allReports.map((r) => r.nominalId),
      ...(referrals?.screening?.next ?? []).map((r) => r.nominalId),
      ...(referrals?.drafts ?? []).map((r) => r.nominalId),
      ...inbox.latest.map((n) => n.nominalId),
      ...(minutes ?? []).map((m) => m.nominalId),
    ]);
    // An area-limited token names nobody outside its areas.
    const named = (id: string | null): NominalHeadline | undefined => {
      const person = id ? people.get(id) : undefined;
      return person && withinTokenAreas(actor, person.areaCode) ? person : undefined;
    };
    const shown = new Set<string>();
    const personOf = (id: string, fallback?: { name: string; vigilRef: string }) => {
      const person = named(id) ?? (fallback && { id, ...fallback });
      if (person) shown.add(id);
      return person ? { id, name: person.name, vigilRef: person.vigilRef } : null;
    };

    const actionView = (a: NonNullable<typeof myActions>[number]): OpenAction => ({
      id: a.id,
      description: a.description,
      dueOn: a.dueOn,
      overdue: a.overdue,
      safeguarding: a.safeguarding,
      person: personOf(a.nominalId, { name: a.nominalName, vigilRef: a.vigilRef })!,
    });
    const reportView = (r: ReportInProgress) => {
      const person = personOf(r.nominalId);
      return (
        person && {
          id: r.id,
          status: r.status,
          meetingId: r.meetingId,
          updatedAt: r.updatedAt.toISOString(),
          person,
        }
      );
    };
    const referralView = (r: ReferralAwaiting) => {
      const person = personOf(r.nominalId);
      return (
        person && {
          id: r.id,
          emergency: r.emergency,
          submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
          updatedAt: r.updatedAt.toISOString(),
          person,
        }
      );
    };
    const present = <T>(rows: (T | null)[]) => rows.filter((r): r is T => r !== null);

    const openActions = [...(myActions ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    // What I owe a meeting: my own open actions on its people, and their prison reports awaiting me.
    const mine = (a: (typeof openActions)[number]) =>
      a.ownerUserId === actor.userId || (a.ownerUserId === null && a.ownerAgencyId === actor.agencyId);
    const chairs = await usersByIds(
      tx,
      (meetings ?? []).map((m) => m.meeting.chairUserId),
    );

    const summary: StartPage = {
      today: ctx.today,
      obligations,
      meetings:
        meetings &&
        meetings.map(({ meeting, why }) => ({
          id: meeting.id,
          level: meeting.level,
          startsAt: meeting.startsAt.toISOString(),
          day: londonDateAt(meeting.startsAt.getTime()),
          chairName: (meeting.chairUserId && chairs.get(meeting.chairUserId)?.displayName) || null,
          why,
          people: present(meeting.nominalIds.map((id) => personOf(id))),
          owed: {
            actions: openActions
              .filter((a) => meeting.nominalIds.includes(a.nominalId) && mine(a))
              .map(actionView),
            prisonReports: present(
              allReports.filter((r) => meeting.nominalIds.includes(r.nominalId)).map(reportView),
            ),
          },
        })),
      actions: myActions && {
        open: openActions.length,
        overdue: openActions.filter((a) => a.overdue).length,
        soonest: openActions.slice(0, FEW).map(actionView),
      },
      inbox: {
        unread: inbox.count,
        latest: inbox.latest.map((n) => ({
          id: n.id,
          subject: n.subject,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          person: n.nominalId ? personOf(n.nominalId) : null,
        })),
      },
      referrals: referrals && {
        awaitingScreening: referrals.screening && {
          count: referrals.screening.count,
          next: present(referrals.screening.next.map(referralView)),
        },
        drafts: present(referrals.drafts.slice(0, FEW).map(referralView)),
      },
      prisonReports: reports && {
        toFinish: present(reports.toFinish.map(reportView)),
        toApprove: present(reports.toApprove.map(reportView)),
      },
      minutesToApprove:
        minutes &&
        present(
          minutes.map((m) => {
            const person = personOf(m.nominalId);
            return (
              person && {
                meetingId: m.meetingId,
                level: m.level,
                startsAt: m.startsAt.toISOString(),
                person,
              }
            );
          }),
        ),
      area: area && {
        areaCode: actor.areaCode,
        lists: area.map((l) => ({ key: l.key, label: l.label, count: l.count })),
      },
    };
    // Reading the page is a consultation of everyone it names (DPA 2018 s.62).
    if (shown.size)
      await logAccess(tx, ctx, {
        operation: 'consultation',
        recordType: 'nominal',
        recordIds: [...shown],
        section: 'start page',
      });
    return summary;
  });
}
