import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import { decideLevel, getLevelHistory } from '../../src/modules/levels/index.ts';
import {
  getAgenda,
  minutesDocument,
  MinutesLockedError,
  addMinutesAction,
  addMinutesActionUpdate,
  approveMinutes,
  attendanceSummary,
  closeMeeting,
  correctMinutes,
  getMeeting,
  getMinutes,
  listMeetings,
  recordAttendance,
  recordPanelDecision,
  saveMinutes,
  scheduleMeeting,
} from '../../src/modules/meetings/index.ts';
import { addSectionRow, createNominal, getNominal } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { renderPdf } from '../../src/web/documents/document.ts';
import { TODAY, describeEachDatabase, ensureAgency, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { readPdf } from '../support/pdf.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

const AREA = 'NOR';

/** A Category 2 person on licence (wounding with intent, 3 years, released 100 days ago). */
async function category2(db: Database, ctx: UseCaseContext, surname: string) {
  const { id } = await createNominal(db, ctx, identity({ forename: 'Pat', surname }));
  await addSectionRow(db, ctx, id, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    convictionDate: '2025-06-01',
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart: '2025-06-01',
    conditionalReleaseDate: addDays(TODAY, -100),
    licenceExpiryDate: '2028-06-01',
    sentenceExpiryDate: '2028-06-01',
  });
  return id;
}

/** The context on a meeting's day when it is before TODAY (as the user saw it then). */
const asOf = (ctx: UseCaseContext, date: unknown): UseCaseContext =>
  typeof date === 'string' && date < TODAY ? { ...ctx, today: date } : ctx;

const counts = async (db: Database) => {
  const n = async (table: 'meetings' | 'meeting_invitations' | 'agency_involvements' | 'notifications') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    meetings: await n('meetings'),
    invitations: await n('meeting_invitations'),
    involvements: await n('agency_involvements'),
    notifications: await n('notifications'),
  };
};

describeEachDatabase('meetings, attendance, agenda and minutes', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let police: UseCaseContext;
  let coordinator: UseCaseContext;
  let administrator: UseCaseContext;
  let chair: UseCaseContext;
  let otherChair: UseCaseContext;
  let housing: UseCaseContext;
  let policeAgency: string;
  let socialCare: { id: string; name: string };
  let housingAgency: { id: string; name: string };

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: AREA });
    police = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: AREA });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: AREA });
    administrator = await makeActor(db(), { roles: ['mappa_administrator'], areaCode: AREA });
    chair = await makeActor(db(), { roles: ['meeting_chair'], areaCode: AREA, agencyType: 'police' });
    otherChair = await makeActor(db(), { roles: ['meeting_chair'], areaCode: AREA, agencyType: 'police' });
    housing = await makeActor(db(), { roles: ['dtc_representative'], areaCode: AREA, agencyType: 'housing' });
    policeAgency = police.actor.agencyId;
    socialCare = await ensureAgency(db(), AREA, 'childrens_social_care');
    housingAgency = { id: housing.actor.agencyId, name: housing.actor.agencyName };
    // The area's standing panel: police and children's social care.
    await db().transaction((tx) =>
      tx
        .insertInto('standing_panel_members')
        .values([
          { area_code: AREA, agency_id: policeAgency },
          { area_code: AREA, agency_id: socialCare.id },
        ])
        .execute(),
    );
  });

  /** Schedules a meeting; one held before TODAY was scheduled on its own day (never in the past). */
  const schedule = (nominalIds: string[], extra: Record<string, unknown> = {}) =>
    scheduleMeeting(db(), asOf(coordinator, extra.date), {
      level: 2,
      date: TODAY,
      time: '10:30',
      format: 'in_person',
      location: 'Police HQ, room 4',
      chairUserId: chair.actor.userId,
      nominalIds,
      agencyIds: [housingAgency.id],
      ...extra,
    });

  it('invites the standing panel automatically, involves invited duty-to-co-operate agencies so their users can see the record, and tells them', async () => {
    const id = await category2(db(), practitioner, 'Schedule');
    await rejection(getNominal(db(), housing, id), NotFoundError);
    const { id: meetingId } = await schedule([id]);
    const meeting = await getMeeting(db(), coordinator, meetingId);
    expect(meeting.time).toBe('10:30');
    const invited = Object.fromEntries(meeting.invitations.map((i) => [i.agencyId, i.standing]));
    expect(invited).toEqual({ [policeAgency]: true, [socialCare.id]: true, [housingAgency.id]: false });

    const involvements = await db()
      .db.selectFrom('agency_involvements')
      .selectAll()
      .where('source_id', '=', meetingId)
      .execute();
    // Housing and children's social care are duty-to-co-operate; the police are not "involved".
    expect(involvements.map((i) => i.agency_id).sort()).toEqual([housingAgency.id, socialCare.id].sort());
    expect(involvements.every((i) => i.reason === 'meeting_invitation' && i.nominal_id === id)).toBe(true);

    const record = await getNominal(db(), housing, id);
    expect(record.id).toBe(id);
    const inbox = await db()
      .db.selectFrom('notifications')
      .select(['subject', 'link'])
      .where('user_id', '=', housing.actor.userId)
      .execute();
    expect(inbox).toContainEqual({
      subject: expect.stringContaining('Invitation to a Level 2 MAPPA meeting'),
      link: `/meetings/${meetingId}`,
    });
    // The police are on the standing panel, but an officer who manages none of the people is not
    // sent the invitation: only named managers, the invited agencies' representatives and the chair.
    const policeInbox = await db()
      .db.selectFrom('notifications')
      .select('link')
      .where('user_id', '=', police.actor.userId)
      .execute();
    expect(policeInbox).not.toContainEqual({ link: `/meetings/${meetingId}` });
    const chairInbox = await db()
      .db.selectFrom('notifications')
      .select('link')
      .where('user_id', '=', chair.actor.userId)
      .execute();
    expect(chairInbox).toContainEqual({ link: `/meetings/${meetingId}` });
    // The housing user sees this meeting in their list; a meeting their agency is not invited to, not.
    const other = await schedule([id], { agencyIds: [] });
    const theirs = await listMeetings(db(), housing);
    const ids = [...theirs.upcoming, ...theirs.past].map((m) => m.id);
    expect(ids).toContain(meetingId);
    expect(ids).not.toContain(other.id);
    await rejection(getMeeting(db(), housing, other.id), NotFoundError);
  });

  it('refuses an online meeting without a link, or with a link that is not https, and writes nothing', async () => {
    const id = await category2(db(), practitioner, 'Online');
    const before = await counts(db());
    const missing = await rejection(schedule([id], { format: 'online', location: '' }), ValidationError);
    expect(missing.fieldErrors.onlineLink).toBe('Enter the link to join the online meeting');
    const http = await rejection(
      schedule([id], { format: 'online', onlineLink: 'http://meet.example.gov.uk/x' }),
      ValidationError,
    );
    expect(http.fieldErrors.onlineLink).toBe('Enter a link that starts with https://');
    const noPlace = await rejection(schedule([id], { location: '' }), ValidationError);
    expect(noPlace.fieldErrors.location).toBeDefined();
    expect(await counts(db())).toEqual(before);
    const ok = await schedule([id], { format: 'online', onlineLink: 'https://meet.example.gov.uk/x' });
    expect((await getMeeting(db(), coordinator, ok.id)).onlineLink).toBe('https://meet.example.gov.uk/x');
  });

  it('refuses a person outside the scheduler’s scope', async () => {
    const elsewhere = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'GLO' });
    const { id } = await createNominal(db(), elsewhere, identity({ surname: 'Elsewhere' }));
    const error = await rejection(schedule([id]), ValidationError);
    expect(error.fieldErrors.nominalIds).toMatch(/not a record you can see/);
  });

  it('records attendance and gives the attendance rate for Responsible Authority and duty-to-co-operate agencies', async () => {
    const id = await category2(db(), practitioner, 'Attend');
    const { id: meetingId } = await schedule([id], { date: '2026-11-02' });
    await recordAttendance(db(), administrator, meetingId, {
      agencyId: policeAgency,
      personName: 'DS Kay',
      attendance: 'attended',
    });
    await recordAttendance(db(), administrator, meetingId, {
      agencyId: housingAgency.id,
      personName: 'Sam Lee',
      attendance: 'substitute',
      substituteFor: 'Jo Green',
    });
    await recordAttendance(db(), administrator, meetingId, {
      agencyId: socialCare.id,
      personName: 'Ali Khan',
      attendance: 'apologies',
    });
    const missingFor = await rejection(
      recordAttendance(db(), administrator, meetingId, {
        agencyId: housingAgency.id,
        personName: 'X',
        attendance: 'substitute',
      }),
      ValidationError,
    );
    expect(missingFor.fieldErrors.substituteFor).toBeDefined();
    const meeting = await getMeeting(db(), coordinator, meetingId);
    expect(meeting.attendanceRate.responsibleAuthority).toEqual({ invited: 1, attended: 1, percent: 100 });
    expect(meeting.attendanceRate.dutyToCooperate).toEqual({ invited: 2, attended: 1, percent: 50 });
    const summary = await attendanceSummary(db().db, AREA, '2026-11-01', '2026-11-03');
    expect(summary).toEqual({
      meetings: 1,
      responsibleAuthority: { invited: 1, attended: 1, percent: 100 },
      dutyToCooperate: { invited: 2, attended: 1, percent: 50 },
    });
  });

  it('saves minutes with optimistic versions, refuses approval without disclosure considered, locks approved minutes and corrects them as a new version', async () => {
    const id = await category2(db(), practitioner, 'Minutes');
    const { id: meetingId } = await schedule([id]);
    const first = await saveMinutes(db(), administrator, meetingId, id, {
      rowVersion: 0,
      'item-victimLiaison': 'VLO: the victim asks for an exclusion zone around her street.',
    });
    expect(first).toEqual({ version: 1, rowVersion: 1 });
    const second = await saveMinutes(db(), coordinator, meetingId, id, {
      rowVersion: 1,
      'item-victimLiaison': 'VLO: exclusion zone requested.',
      decisions: 'Police to visit monthly.',
    });
    expect(second.rowVersion).toBe(2);
    const stale = await rejection(
      saveMinutes(db(), administrator, meetingId, id, { rowVersion: 1, decisions: 'Lost update' }),
      ConflictError,
    );
    expect(stale.message).toContain(coordinator.actor.displayName);

    // The chair cannot approve until disclosure has been considered, with why.
    const refused = await rejection(
      approveMinutes(db(), chair, meetingId, id, { rowVersion: 2 }),
      ValidationError,
    );
    expect(Object.keys(refused.fieldErrors)).toEqual(['disclosureConsidered', 'disclosureReason']);
    await saveMinutes(db(), administrator, meetingId, id, {
      rowVersion: 2,
      'item-victimLiaison': 'VLO: exclusion zone requested.',
      decisions: 'Police to visit monthly.',
      disclosureConsidered: 'no',
      disclosureReason: 'No new partner or children in contact; keep under review.',
    });
    // Only the meeting's chair approves.
    await rejection(approveMinutes(db(), otherChair, meetingId, id, { rowVersion: 3 }), ForbiddenError);
    await rejection(approveMinutes(db(), coordinator, meetingId, id, { rowVersion: 3 }), ForbiddenError);
    expect(await approveMinutes(db(), chair, meetingId, id, { rowVersion: 3 })).toMatchObject({
      version: 1,
      status: 'approved',
    });

    const locked = await rejection(
      saveMinutes(db(), administrator, meetingId, id, { rowVersion: 4, decisions: 'Changed afterwards' }),
      MinutesLockedError,
    );
    expect(locked.message).toMatch(/approved and are locked/);

    await rejection(correctMinutes(db(), administrator, meetingId, id, { reason: '' }), ValidationError);
    const correction = await correctMinutes(db(), administrator, meetingId, id, {
      reason: 'The VLO update named the wrong street.',
    });
    expect(correction).toMatchObject({ version: 2, status: 'draft' });
    // The coordinator corrects it: an administrator may not see (or change) minutes about victims.
    await saveMinutes(db(), coordinator, meetingId, id, {
      rowVersion: correction.rowVersion,
      'item-victimLiaison': 'VLO: exclusion zone requested (corrected street).',
      decisions: 'Police to visit monthly.',
      disclosureConsidered: 'no',
      disclosureReason: 'No new partner or children in contact; keep under review.',
    });
    let minutes = await getMinutes(db(), coordinator, meetingId, id);
    expect(minutes.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    expect(minutes.versions[0]!.correctionReason).toBe('The VLO update named the wrong street.');
    const v1 = await getMinutes(db(), coordinator, meetingId, id, 1);
    expect(v1.minutes!.content.items.victimLiaison).toBe('VLO: exclusion zone requested.');

    await approveMinutes(db(), chair, meetingId, id, { rowVersion: minutes.versions[0]!.rowVersion });
    minutes = await getMinutes(db(), coordinator, meetingId, id);
    expect(minutes.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(minutes.minutes!.content.items.victimLiaison).toContain('corrected street');
  });

  it('withholds minutes about victims from an administrator, and keeps them when the administrator saves', async () => {
    const id = await category2(db(), practitioner, 'Victims');
    const { id: meetingId } = await schedule([id]);
    await saveMinutes(db(), coordinator, meetingId, id, {
      rowVersion: 0,
      'item-victimLiaison': 'The victim now works at the Co-op on Mill Lane.',
      'item-victimSafetyPlanning': 'Exclusion zone to include Mill Lane.',
    });
    const seen = await getMinutes(db(), administrator, meetingId, id);
    expect(seen.victimsWithheld).toBe(true);
    expect(seen.minutes!.content.items).not.toHaveProperty('victimLiaison');
    expect(JSON.stringify(minutesDocument(seen))).not.toContain('Mill Lane');
    // The administrator completes the rest, sending (say) blanks for the items they cannot see.
    await saveMinutes(db(), administrator, meetingId, id, {
      rowVersion: 1,
      'item-victimLiaison': '',
      decisions: 'Police to visit monthly.',
    });
    const full = await getMinutes(db(), coordinator, meetingId, id);
    expect(full.victimsWithheld).toBe(false);
    expect(full.minutes!.content.items).toMatchObject({
      victimLiaison: 'The victim now works at the Co-op on Mill Lane.',
      victimSafetyPlanning: 'Exclusion zone to include Mill Lane.',
    });
    expect(full.minutes!.content.decisions).toBe('Police to visit monthly.');
    // The agenda's victim safety pillar is withheld from the administrator too, not from the coordinator.
    const pillar = async (ctx: UseCaseContext) =>
      (await getAgenda(db(), ctx, meetingId, id)).items.find((i) => i.key === 'victimSafetyPlanning')!;
    expect((await pillar(administrator)).withheld.join(' ')).toContain('Victim safety planning is withheld');
    expect((await pillar(coordinator)).withheld).toEqual([]);
  });

  it('closing sends each action owner their actions at once, while the minutes are still a draft; closing twice is harmless', async () => {
    const id = await category2(db(), practitioner, 'Close');
    const { id: meetingId } = await schedule([id]);
    await saveMinutes(db(), administrator, meetingId, id, { rowVersion: 0, decisions: 'Two actions.' });
    await addMinutesAction(db(), administrator, meetingId, id, {
      description: 'Home visit within 7 days',
      pillar: 'monitoring_and_control',
      ownerAgencyId: policeAgency,
      ownerUserId: police.actor.userId,
      dueOn: addDays(TODAY, 7),
    });
    await addMinutesAction(db(), administrator, meetingId, id, {
      description: 'Check the tenancy for children in the household',
      pillar: 'victim_safety_planning',
      safeguarding: true,
      ownerAgencyId: housingAgency.id,
      ownerUserId: housing.actor.userId,
      dueOn: addDays(TODAY, 14),
    });
    const inboxOf = (userId: string) =>
      db().db.selectFrom('notifications').select(['subject', 'body']).where('user_id', '=', userId).execute();
    const bodies = async (userId: string) => (await inboxOf(userId)).map((n) => n.body).join('\n');
    expect(await bodies(police.actor.userId)).not.toContain('Home visit within 7 days');

    await recordAttendance(db(), administrator, meetingId, {
      agencyId: policeAgency,
      personName: 'DS Kay',
      attendance: 'attended',
    });
    const closed = await closeMeeting(db(), coordinator, meetingId);
    expect(closed).toMatchObject({ closed: true, alreadyClosed: false, ownersNotified: 2 });
    expect(await bodies(police.actor.userId)).toContain('Home visit within 7 days');
    expect(await bodies(police.actor.userId)).not.toContain('tenancy');
    expect(await bodies(housing.actor.userId)).toContain('Check the tenancy for children in the household');
    const minutes = await getMinutes(db(), coordinator, meetingId, id);
    expect(minutes.latestStatus).toBe('draft');
    expect(minutes.newActions.every((a) => a.distributedAt !== null)).toBe(true);

    const before = (await inboxOf(police.actor.userId)).length;
    expect(await closeMeeting(db(), coordinator, meetingId)).toMatchObject({
      alreadyClosed: true,
      ownersNotified: 0,
    });
    expect((await inboxOf(police.actor.userId)).length).toBe(before);
    expect((await getMeeting(db(), coordinator, meetingId)).status).toBe('closed');
    // An action added while the minutes are completed after the close goes to its owner at once.
    await addMinutesAction(db(), administrator, meetingId, id, {
      description: 'Late action agreed in the meeting',
      pillar: 'supervision',
      ownerAgencyId: policeAgency,
      ownerUserId: police.actor.userId,
      dueOn: addDays(TODAY, 7),
    });
    expect(await bodies(police.actor.userId)).toContain('Late action agreed in the meeting');
  });

  it('a Level 2 panel escalates to Level 3 from the minutes in one step', async () => {
    const id = await category2(db(), practitioner, 'Escalate');
    await decideLevel(db(), practitioner, id, {
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'High RoSH; housing and police must co-ordinate.',
    });
    const { id: meetingId } = await schedule([id]);
    await recordPanelDecision(db(), chair, meetingId, id, {
      level: '3',
      criteria: ['senior_resources_at_short_notice'],
      rationale: 'Threats to a new partner: senior resources needed at short notice.',
    });
    const history = await getLevelHistory(db(), practitioner, id);
    expect(history.obligations.level).toBe(3);
    expect(history.decisions[0]).toMatchObject({ level: 3, kind: 'escalation' });
    const row = await db()
      .db.selectFrom('level_decisions')
      .select(['meeting_id', 'screening_id'])
      .where('id', '=', history.decisions[0]!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ meeting_id: meetingId, screening_id: null });
    expect((await getMinutes(db(), coordinator, meetingId, id)).levelDecisions).toMatchObject([
      { level: 3, kind: 'escalation' },
    ]);
    // An administrator never sets a level.
    await rejection(
      recordPanelDecision(db(), administrator, meetingId, id, { level: '2', rationale: 'x' }),
      ForbiddenError,
    );
  });

  it('a reduction from the minutes with an open safeguarding action is refused, unless the chair overrides with a reason', async () => {
    const id = await category2(db(), practitioner, 'Reduce');
    await decideLevel(db(), practitioner, id, {
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'High RoSH.',
    });
    const { id: meetingId } = await schedule([id]);
    await addMinutesAction(db(), administrator, meetingId, id, {
      description: 'Safeguarding referral for the children',
      pillar: 'victim_safety_planning',
      safeguarding: true,
      ownerAgencyId: socialCare.id,
      dueOn: addDays(TODAY, 7),
    });
    const reduce = {
      level: '1',
      rationale: 'Risk has reduced.',
      continuesAtLowerLevel: 'Professionals’ meeting in 6 weeks.',
    };
    const refused = await rejection(recordPanelDecision(db(), chair, meetingId, id, reduce), ValidationError);
    expect(refused.fieldErrors.overrideReason).toMatch(/safeguarding/i);
    await recordPanelDecision(db(), chair, meetingId, id, {
      ...reduce,
      overrideReason: 'Children’s social care will keep the referral open at Level 1.',
    });
    const decisions = (await getMinutes(db(), coordinator, meetingId, id)).levelDecisions;
    expect(decisions).toMatchObject([
      {
        level: 1,
        kind: 'reduction',
        overrideReason: 'Children’s social care will keep the referral open at Level 1.',
        continuesAtLowerLevel: 'Professionals’ meeting in 6 weeks.',
      },
    ]);
  });

  it('generates the agenda from the record and lists every open action; the PDF of the minutes keeps new actions apart from updates on earlier ones', async () => {
    const id = await category2(db(), practitioner, 'Agenda');
    const earlier = await schedule([id], { date: '2026-10-01' });
    await addMinutesAction(db(), administrator, earlier.id, id, {
      description: 'Refer to the accommodation panel',
      pillar: 'interventions_and_treatment',
      ownerAgencyId: housingAgency.id,
      dueOn: addDays(TODAY, 3),
    });
    await recordAttendance(db(), administrator, earlier.id, {
      agencyId: policeAgency,
      personName: 'DS Kay',
      attendance: 'attended',
    });
    await closeMeeting(db(), coordinator, earlier.id);
    const { id: meetingId } = await schedule([id]);
    const agenda = await getAgenda(db(), coordinator, meetingId, id);
    expect(agenda.items.map((i) => i.key).slice(0, 3)).toEqual([
      'confidentiality',
      'victimLiaison',
      'personsViews',
    ]);
    expect(agenda.previousMeetingOn).toBe('2026-10-01');
    const previous = agenda.items.find((i) => i.key === 'previousActions')!;
    expect(previous.table!.rows.map((r) => r[0])).toEqual(['Refer to the accommodation panel']);
    const contingency = agenda.items.find((i) => i.key === 'contingency')!;
    expect(contingency.table!.rows[0]).toContain('1 June 2028');
    // A duty-to-co-operate agency's user sees no victim details.
    const theirs = await getAgenda(db(), housing, meetingId, id);
    expect(theirs.items.find((i) => i.key === 'victimLiaison')!.withheld.length).toBe(1);

    const earlierAction = (await getMinutes(db(), coordinator, meetingId, id)).earlierActions[0]!;
    await addMinutesActionUpdate(db(), administrator, meetingId, id, earlierAction.id, {
      note: 'Referral made; panel sits next week.',
      status: 'open',
      version: earlierAction.version,
    });
    await addMinutesAction(db(), administrator, meetingId, id, {
      description: 'Apply for an exclusion zone licence condition',
      pillar: 'victim_safety_planning',
      ownerAgencyId: policeAgency,
      ownerUserId: police.actor.userId,
      dueOn: addDays(TODAY, 10),
    });
    await saveMinutes(db(), administrator, meetingId, id, {
      rowVersion: 0,
      decisions: 'Exclusion zone to be sought.',
    });
    const m = await getMinutes(db(), coordinator, meetingId, id);
    const pdf = await readPdf(await renderPdf(minutesDocument(m)));
    expect(pdf.pages.length).toBeGreaterThan(0);
    for (const page of pdf.pages) expect(page).toContain('OFFICIAL-SENSITIVE');
    const text = pdf.pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('MAPPA B: Minutes of the Level 2 meeting');
    const newAt = text.indexOf('New actions from this meeting');
    const updatesAt = text.indexOf('Updates on earlier actions');
    expect(newAt).toBeGreaterThan(-1);
    expect(updatesAt).toBeGreaterThan(newAt);
    const between = text.slice(newAt, updatesAt);
    const after = text.slice(updatesAt);
    expect(between).toContain('Apply for an exclusion zone licence condition');
    expect(between).not.toContain('Referral made');
    expect(after).toContain('Referral made; panel sits next week.');
    expect(after).not.toContain('Apply for an exclusion zone');
  });

  it('over the API: a stale row version is a 409 problem, approved minutes are locked (409), approval without disclosure is a 400', async () => {
    const id = await category2(db(), practitioner, 'Api');
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const bearer = async (ctx: UseCaseContext) => ({
        authorization: `Bearer ${await createServiceToken(db(), testMoment(), ctx.actor.userId, 'meetings test', null, { readOnly: false })}`,
      });
      const admin = await bearer(administrator);
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/meetings',
        headers: admin,
        payload: {
          level: 2,
          date: TODAY,
          time: '14:00',
          format: 'online',
          onlineLink: 'https://meet.example.gov.uk/a',
          chairUserId: chair.actor.userId,
          nominalIds: [id],
        },
      });
      expect(created.statusCode).toBe(201);
      const meetingId = created.json<{ id: string }>().id;
      const minutesUrl = `/api/v1/meetings/${meetingId}/nominals/${id}/minutes`;
      const put = (rowVersion: number, extra: Record<string, unknown> = {}) =>
        app.inject({
          method: 'PUT',
          url: minutesUrl,
          headers: admin,
          payload: { rowVersion, decisions: 'Agreed.', ...extra },
        });
      expect((await put(0)).json()).toEqual({ version: 1, rowVersion: 1 });
      expect((await put(1)).statusCode).toBe(200);
      const stale = await put(1);
      expect(stale.statusCode).toBe(409);
      expect(stale.headers['content-type']).toContain('application/problem+json');

      const chairHeaders = await bearer(chair);
      const refused = await app.inject({
        method: 'POST',
        url: `${minutesUrl}/approve`,
        headers: chairHeaders,
        payload: { rowVersion: 2 },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(
        'disclosureConsidered',
      );
      await put(2, { disclosure: { considered: 'yes', reason: 'The new partner is to be told.' } });
      const approved = await app.inject({
        method: 'POST',
        url: `${minutesUrl}/approve`,
        headers: chairHeaders,
        payload: { rowVersion: 3 },
      });
      expect(approved.statusCode).toBe(200);
      const locked = await put(4);
      expect(locked.statusCode).toBe(409);
      expect(locked.json<{ detail: string }>().detail).toMatch(/approved and are locked/);
      // Junk bodies on every write route of a real meeting: never a 500.
      const earlier = await addMinutesAction(db(), administrator, meetingId, id, {
        description: 'Earlier',
        pillar: 'supervision',
        ownerAgencyId: policeAgency,
        dueOn: addDays(TODAY, 5),
      }).catch(() => null);
      const junk: unknown[] = [
        null,
        [],
        'x',
        42,
        { items: 5, disclosure: [], nextMeetingOn: {}, rowVersion: 'x' },
        { items: { victimLiaison: {} }, decisions: [1], rowVersion: Number.POSITIVE_INFINITY },
        { level: {}, date: [], time: 5, nominalIds: 'x', vigilRefs: [{}], agencyIds: [1], onlineLink: {} },
        { agencyId: [], personName: {}, attendance: {}, substituteFor: 1 },
        { description: {}, pillar: 7, dueOn: 5, ownerAgencyId: 7, ownerUserId: {}, safeguarding: 'x' },
        { note: [], status: {}, version: 'x', reason: {} },
        { level: 'end', rationale: {}, criteria: {}, overrideReason: [] },
      ];
      const writes = [
        ['POST', '/api/v1/meetings'],
        ['POST', `/api/v1/meetings/${meetingId}/attendance`],
        ['PUT', minutesUrl],
        ['POST', `${minutesUrl}/correction`],
        ['POST', `${minutesUrl}/actions`],
        ['POST', `${minutesUrl}/actions/${earlier?.id ?? meetingId}/updates`],
        ['POST', `${minutesUrl}/level-decision`],
      ] as const;
      const coordinatorHeaders = await bearer(coordinator);
      for (const [method, url] of writes)
        for (const payload of junk) {
          const response = await app.inject({
            method,
            url,
            headers: { ...coordinatorHeaders, 'content-type': 'application/json' },
            payload: JSON.stringify(payload),
          });
          expect(response.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBeLessThan(500);
        }
      const got = await app.inject({ method: 'GET', url: minutesUrl, headers: admin });
      expect(
        got.json<{ minutes: { status: string; content: { disclosure: { considered: string } } } }>().minutes,
      ).toMatchObject({
        status: 'approved',
        content: { disclosure: { considered: 'yes' } },
      });
    } finally {
      await app.close();
    }
  });
});
