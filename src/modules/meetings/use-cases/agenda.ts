import type { UseCaseContext } from '../../../access/actor.ts';
import { can } from '../../../access/policy.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { newInformationSince } from '../../../domain/agenda.ts';
import { compareDates } from '../../../domain/dates.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { listActionsForNominal } from '../../actions/index.ts';
import { latestStatusNotification, significantEventsSince, storedObligations } from '../../levels/index.ts';
import {
  getNominal,
  loadInScope,
  timelineLeaveOut,
  timelineSince,
  type InScope,
} from '../../nominals/index.ts';
import { currentPlan } from '../../risk-management-plan/index.ts';
import { areaNames } from '../../reference/index.ts';
import { usersByIds } from '../../users/index.ts';
import { agendaItems, type AgendaFacts } from '../agenda-items.ts';
import { londonTime, meetingDay, meetingName } from '../london-time.ts';
import { loadMeeting, type MeetingRow } from './scope.ts';

/**
 * The aide-memoire for one person at one meeting, GENERATED from the record rather than typed:
 * each agenda item (src/domain/agenda.ts) with the facts the panel needs to discuss it. What the
 * viewer may not see (victims, health, intelligence, unshared sections) is left out with a note,
 * exactly as on the record itself. The facts come from their owners; agenda-items.ts lays them out.
 */

/** The day of the person's last meeting before this one (not cancelled), if any. */
async function previousMeetingOn(tx: Tx, meeting: MeetingRow, nominalId: string) {
  const previous = await tx
    .selectFrom('meeting_nominals as mn')
    .innerJoin('meetings as m', 'm.id', 'mn.meeting_id')
    .select('m.starts_at')
    .where('mn.nominal_id', '=', nominalId)
    .where('m.id', '!=', meeting.id)
    .where('m.status', '!=', 'cancelled')
    .where('m.starts_at', '<', new Date(meeting.starts_at))
    .orderBy('m.starts_at', 'desc')
    .executeTakeFirst();
  return previous ? meetingDay(previous.starts_at) : null;
}

/** What has been recorded since `since`, as the timeline shows it to this viewer (meetings aside). */
async function newEntries(tx: Tx, ctx: UseCaseContext, scope: InScope, since: string) {
  const leaveOut = await timelineLeaveOut(tx, ctx, scope);
  const changes = await timelineSince(tx, scope.nominal.id, {
    since: new Date(`${since}T00:00:00Z`),
    leaveOut: { ...leaveOut, sections: ['meetings', ...leaveOut.sections] },
    limit: 100,
  });
  const users = await usersByIds(
    tx,
    changes.map((c) => c.userId),
  );
  const events = scope.visible.section('levels')
    ? await significantEventsSince(tx, scope.nominal.id, since)
    : [];
  return {
    changes: changes.map((c) => ({
      at: c.at,
      summary: c.summary,
      by: users.get(c.userId)?.displayName ?? '',
    })),
    events,
  };
}

export async function getAgenda(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
) {
  // The record as this viewer may see it (its own consultation entry in the access log).
  const record = await getNominal(database, ctx, nominalId);
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.view');
    const inMeeting = await tx
      .selectFrom('meeting_nominals')
      .select('nominal_id')
      .where('meeting_id', '=', meetingId)
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst();
    if (!inMeeting) throw new NotFoundError();
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const { visible } = scope;
    const day = meetingDay(meeting.starts_at);
    const previousOn = await previousMeetingOn(tx, meeting, nominalId);
    const since = newInformationSince(previousOn, compareDates(day, ctx.today) < 0 ? day : ctx.today);
    const levels = visible.section('levels');
    const facts: AgendaFacts = {
      meetingId,
      nominalId,
      record,
      visible,
      mayViewPlan: can(ctx.actor, 'rmp.view'),
      mayEditPlan: can(ctx.actor, 'rmp.edit'),
      previousOn,
      since,
      told: levels ? await latestStatusNotification(tx, nominalId) : undefined,
      ...(await newEntries(tx, ctx, scope, since)),
      // Every open action, whichever meeting (or none) set it.
      openActions: (await listActionsForNominal(tx, ctx, nominalId)).filter((a) => a.status === 'open'),
      plan: can(ctx.actor, 'rmp.view') ? await currentPlan(tx, nominalId) : null,
      obligations: levels ? await storedObligations(tx, nominalId) : undefined,
    };
    await logAccess(tx, ctx, {
      operation: 'combination',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `agenda for the ${meetingName(meeting)}`,
    });
    const identity = record.identity as Record<string, unknown>;
    return {
      meeting: {
        id: meeting.id,
        level: meeting.level,
        day,
        time: londonTime(meeting.starts_at),
        status: meeting.status,
        format: meeting.format,
        areaName: (await areaNames(tx, [meeting.area_code])).get(meeting.area_code) ?? meeting.area_code,
      },
      person: { id: nominalId, name: `${identity.forename} ${identity.surname}`, vigilRef: record.vigilRef },
      previousMeetingOn: previousOn,
      newInformationSince: since,
      items: agendaItems(facts),
      withheld: record.withheld,
    };
  });
}
