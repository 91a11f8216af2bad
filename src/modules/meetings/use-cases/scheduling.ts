import type { z } from 'zod';
import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize, ownArea, SHAREABLE_SECTIONS } from '../../../access/policy.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { compareDates, formatDateLong, parseIsoDate } from '../../../domain/dates.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { standingPanel } from '../../levels/index.ts';
import {
  currentManagerUserIds,
  involveAgency,
  loadInScope,
  nominalHeadlines,
  nominalsByVigilRefs,
  recordChange,
} from '../../nominals/index.ts';
import { notify } from '../../notifications/index.ts';
import { agenciesByIds, agenciesInArea, type AgencyRow } from '../../reference/index.ts';
import { acceptedReferrals, type AcceptedReferral } from '../../referrals/index.ts';
import { activeUsersWithRole } from '../../users/index.ts';
import { londonInstant, londonTime, meetingName } from '../london-time.ts';
import { ScheduleMeetingInput } from '../schemas.ts';
import { isRa } from './attendance.ts';

/**
 * Scheduling a Level 2 or 3 meeting (MAPPA.md §3 step 5): the standing panel is invited
 * automatically, with the agencies chosen for the case; the people come from the referrals
 * awaiting a meeting or by Vigil reference.
 */

/** Accepted referrals not yet taken to a meeting (a meeting names the referral it takes up). */
async function awaitingAMeeting(tx: Tx, referrals: AcceptedReferral[]): Promise<AcceptedReferral[]> {
  const nominalIds = [...new Set(referrals.map((r) => r.nominalId))];
  // A cancelled meeting did not take its referrals up: they await a meeting again.
  const taken = nominalIds.length
    ? await tx
        .selectFrom('meeting_nominals as mn')
        .innerJoin('meetings as m', 'm.id', 'mn.meeting_id')
        .select('mn.referral_id')
        .where('mn.nominal_id', 'in', nominalIds)
        .where('mn.referral_id', 'is not', null)
        .where('m.status', '!=', 'cancelled')
        .execute()
    : [];
  const takenIds = new Set(taken.map((t) => t.referral_id));
  return referrals.filter((r) => !takenIds.has(r.id));
}

/** What the scheduling form offers: chairs, the area's agencies, its standing panel and referrals awaiting a meeting. */
export async function schedulingOptions(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'meeting.manage');
  const areaCode = ownArea(ctx.actor);
  return database.transaction(async (tx) => {
    const chairs = (await activeUsersWithRole(tx, 'meeting_chair', { areaCode })).map(({ id, name }) => ({
      id,
      name,
    }));
    const agencies = await agenciesInArea(tx, areaCode);
    const awaiting = await awaitingAMeeting(tx, await acceptedReferrals(tx, { areaCode }));
    const people = await nominalHeadlines(
      tx,
      awaiting.map((a) => a.nominalId),
    );
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [...new Set(awaiting.map((a) => a.nominalId))],
      section: 'referrals awaiting a meeting',
    });
    return {
      chairs,
      agencies: agencies.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type,
        responsibleAuthority: isRa(a.type),
      })),
      standingPanel: await standingPanel(tx, areaCode),
      awaiting: awaiting.map((a) => ({
        referralId: a.id,
        nominalId: a.nominalId,
        name: people.get(a.nominalId)?.name ?? '',
        vigilRef: people.get(a.nominalId)?.vigilRef ?? '',
        level: a.level,
      })),
    };
  });
}

/**
 * What a meeting scheduled from an accepted referral starts with: its person, the level it was
 * accepted at and the agencies the referrer chose (the standing panel is invited anyway). Only a
 * referral of the scheduler's area still awaiting a meeting; otherwise nothing is carried.
 */
export async function referralToSchedule(database: Database, ctx: UseCaseContext, referralId: string) {
  authorize(ctx.actor, 'meeting.manage');
  const areaCode = ownArea(ctx.actor);
  return database.transaction(async (tx) => {
    const awaiting = await awaitingAMeeting(tx, await acceptedReferrals(tx, { areaCode }));
    const referral = awaiting.find((r) => r.id === referralId);
    return referral
      ? { nominalId: referral.nominalId, level: referral.level, agencyIds: referral.invitedAgencyIds ?? [] }
      : undefined;
  });
}

type Schedule = z.output<typeof ScheduleMeetingInput>;

/** The people to discuss, by id or by Vigil reference: each must be in the scheduler's scope. */
async function peopleInScope(tx: Tx, ctx: UseCaseContext, form: Schedule, errors: FieldErrors) {
  const byRef = await nominalsByVigilRefs(tx, form.vigilRefs);
  const unknownRefs = form.vigilRefs.filter((r) => !byRef.some((n) => n.vigilRef === r));
  const ids = [...new Set([...form.nominalIds, ...byRef.map((n) => n.id)])];
  const inScope: string[] = [];
  for (const id of ids) {
    try {
      await loadInScope(tx, ctx, id, 'nominal.view');
      inScope.push(id);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  if (unknownRefs.length)
    errors.vigilRefs = `No record you can see has the Vigil reference ${unknownRefs.join(', ')}`;
  else if (inScope.length < ids.length)
    errors[form.vigilRefs.length ? 'vigilRefs' : 'nominalIds'] =
      'One or more of these people is not a record you can see';
  return inScope;
}

/** The people on the meeting's list, each with the referral it takes up (their latest awaiting one). */
async function addPeople(tx: Tx, meetingId: string, nominalIds: string[]) {
  const awaiting = await awaitingAMeeting(tx, await acceptedReferrals(tx, { nominalIds }));
  // Oldest first: the last of each person's is their latest.
  const latest = new Map(awaiting.map((r) => [r.nominalId, r.id]));
  if (nominalIds.length)
    await tx
      .insertInto('meeting_nominals')
      .values(
        nominalIds.map((nominalId, position) => ({
          meeting_id: meetingId,
          nominal_id: nominalId,
          referral_id: latest.get(nominalId) ?? null,
          position,
        })),
      )
      .execute();
}

type Invited = { id: string; name: string; type: string; standing: boolean };

/** Invitations: the standing panel, then the agencies chosen for the case. */
async function invite(
  tx: Tx,
  ctx: UseCaseContext,
  meetingId: string,
  chosen: readonly AgencyRow[],
): Promise<Invited[]> {
  const invited = new Map<string, Invited>();
  for (const a of await standingPanel(tx, ctx.actor.areaCode))
    invited.set(a.agencyId, { id: a.agencyId, name: a.name, type: a.type, standing: true });
  for (const a of chosen)
    if (!invited.has(a.id)) invited.set(a.id, { id: a.id, name: a.name, type: a.type, standing: false });
  if (invited.size)
    await tx
      .insertInto('meeting_invitations')
      .values(
        [...invited.values()].map((a) => ({
          invited_at: ctx.now,
          meeting_id: meetingId,
          agency_id: a.id,
          standing: a.standing,
          invited_by: ctx.actor.userId,
        })),
      )
      .execute();
  return [...invited.values()];
}

const PAST_DATE = 'The date of the meeting must be today or in the future';

/**
 * The schedule as sent, checked: a meeting is scheduled ahead, as one "held" in the past would
 * invite people to nothing. A past date is reported with the form's other problems, all at once.
 */
function parseSchedule(input: ScheduleMeetingInput, today: string): Schedule {
  const past = (date: unknown) =>
    typeof date === 'string' && parseIsoDate(date).ok && compareDates(date.trim(), today) < 0;
  let form: Schedule;
  try {
    form = parseInput(ScheduleMeetingInput, input);
  } catch (error) {
    if (error instanceof ValidationError && past(input.date) && !error.fieldErrors.date)
      throw new ValidationError({ ...error.fieldErrors, date: PAST_DATE });
    throw error;
  }
  return form;
}

/**
 * Schedules a meeting for one or more people. The standing panel is invited automatically;
 * invited duty-to-co-operate agencies are given sight of each person's shareable sections so their
 * representatives can prepare; their representatives, the people's managers and the chair find the
 * invitation in their inbox.
 */
export async function scheduleMeeting(database: Database, ctx: UseCaseContext, input: ScheduleMeetingInput) {
  authorize(ctx.actor, 'meeting.manage');
  // Meetings are of the scheduler's own area.
  const areaCode = ownArea(ctx.actor);
  const form = parseSchedule(input, ctx.today);
  const startsAt = londonInstant(form.date, form.time);
  return database.transaction(async (tx) => {
    const errors: FieldErrors = {};
    if (compareDates(form.date, ctx.today) < 0) errors.date = PAST_DATE;
    const chairs = await activeUsersWithRole(tx, 'meeting_chair', { areaCode });
    if (!chairs.some((c) => c.id === form.chairUserId))
      errors.chairUserId = 'Select a meeting chair in your area';
    const inScope = await peopleInScope(tx, ctx, form, errors);
    const chosen = [...(await agenciesByIds(tx, form.agencyIds)).values()];
    if (chosen.length < new Set(form.agencyIds).size) errors.agencyIds = 'Select the agencies to invite';
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const meeting = await tx
      .insertInto('meetings')
      .values({
        created_at: ctx.now,
        area_code: areaCode,
        level: form.level,
        starts_at: startsAt,
        format: form.format,
        location: form.location || null,
        online_link: form.format === 'online' ? (form.onlineLink ?? null) : null,
        chair_user_id: form.chairUserId,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addPeople(tx, meeting.id, inScope);
    const invited = await invite(tx, ctx, meeting.id, chosen);
    // Duty-to-co-operate agencies see the shareable sections from now (the meeting is not earlier).
    const fromDate = ctx.today;
    const dtc = invited.filter((a) => !isRa(a.type));
    for (const nominalId of inScope) {
      for (const agency of dtc)
        await involveAgency(tx, ctx, {
          nominalId,
          agencyId: agency.id,
          reason: 'meeting_invitation',
          sourceId: meeting.id,
          sections: SHAREABLE_SECTIONS,
          fromDate,
        });
      await recordChange(tx, ctx, {
        nominalId,
        section: 'meetings',
        entityId: meeting.id,
        entityVersion: 1,
        action: 'created',
        summary: `Level ${form.level} meeting scheduled for ${formatDateLong(form.date)}`,
        before: null,
        after: { level: form.level, startsAt: startsAt.toISOString(), format: form.format },
      });
    }
    // Not every user of a police force: the people's named managers, the invited duty-to-co-operate
    // agencies' representatives, and the chair.
    const representatives = await activeUsersWithRole(tx, 'dtc_representative', {
      agencyIds: dtc.map((a) => a.id),
    });
    await notify(tx, ctx, {
      userIds: [
        ...(await currentManagerUserIds(tx, inScope, ctx.today)),
        ...representatives.map((u) => u.id),
        form.chairUserId,
      ],
      nominalId: inScope.length === 1 ? inScope[0]! : null,
      subject: `Invitation to a Level ${form.level} MAPPA meeting on ${formatDateLong(form.date)} at ${londonTime(startsAt)}`,
      body:
        `Your agency is invited to a Level ${form.level} MAPPA meeting about ${inScope.length} ${inScope.length === 1 ? 'person' : 'people'}, ` +
        (form.format === 'online' ? 'online.' : `at ${form.location}.`) +
        ' The meeting page has the agenda for each person.',
      link: `/meetings/${meeting.id}`,
    });
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: inScope,
      section: `${meetingName({ level: form.level, starts_at: startsAt })} scheduled`,
      recipients: invited.map((a) => a.name),
    });
    return { id: meeting.id, invited: invited.length, nominals: inScope.length };
  });
}
