import { beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import { addAction } from '../../src/modules/actions/index.ts';
import { decideLevel } from '../../src/modules/levels/index.ts';
import { approveMinutes, saveMinutes, scheduleMeeting } from '../../src/modules/meetings/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { unreadCount } from '../../src/modules/notifications/index.ts';
import { saveReferralDraft, startReferral, submitReferral } from '../../src/modules/referrals/index.ts';
import { startPage, type StartPage } from '../../src/modules/start/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { areaWorklist, myObligationSummary } from '../../src/modules/worklists/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { apiClient } from '../support/api-client.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/** The same person on another day (dates through ctx.today, never the clock). */
const on = (ctx: UseCaseContext, today: string): UseCaseContext => ({ ...ctx, today });

/**
 * A Category 2 person on licence in the manager's area, with the manager named on the record and a
 * Level 1 decision on `decidedOn` (the Level 1 review falls due 6 months later).
 */
async function level1Case(db: Database, manager: UseCaseContext, surname: string, decidedOn: string) {
  const { id } = await createNominal(db, manager, identity({ forename: 'Sam', surname }));
  await addSectionRow(db, manager, id, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    convictionDate: addMonths(TODAY, -30),
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart: addMonths(TODAY, -30),
    conditionalReleaseDate: addMonths(TODAY, -12),
    licenceExpiryDate: addMonths(TODAY, 6),
    sentenceExpiryDate: addMonths(TODAY, 6),
  });
  await addSectionRow(db, manager, id, 'managers', {
    role: 'community_offender_manager',
    name: manager.actor.displayName,
    agencyId: manager.actor.agencyId,
    userEmail: manager.actor.email,
    fromDate: addMonths(TODAY, -12),
  });
  await decideLevel(db, manager, id, { level: 1, rationale: 'Stable in the community.', decidedOn });
  return id;
}

const REFERRAL = {
  requestedLevel: 2,
  emergency: false,
  category3: false,
  reason: 'New partner with two children; police attended three incidents this month.',
  valueAdded: 'Children’s social care and police need to share information and plan together.',
};

async function submitted(db: Database, by: UseCaseContext, nominalId: string) {
  const draft = await startReferral(db, by, nominalId);
  const saved = await saveReferralDraft(db, by, draft.id, { ...REFERRAL, version: draft.version });
  await submitReferral(db, by, draft.id, { version: saved.version });
  return draft.id;
}

describeEachDatabase('the start page', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let coordinator: UseCaseContext;
  let chair: UseCaseContext;
  let elsewhere: { practitioner: UseCaseContext; coordinator: UseCaseContext; chair: UseCaseContext };
  /** Review overdue (decided 7 months ago); review due in 3 days; in another area. */
  const people = { overdue: '', dueSoon: '', otherArea: '' };
  const ids = { meeting: '', otherMeeting: '', ownedAction: '', lateAction: '', submitted: '', draft: '' };

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOR' });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'NOR' });
    chair = await makeActor(db(), { roles: ['meeting_chair'], areaCode: 'NOR', agencyType: 'police' });
    elsewhere = {
      practitioner: await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'GLO' }),
      coordinator: await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'GLO' }),
      chair: await makeActor(db(), { roles: ['meeting_chair'], areaCode: 'GLO', agencyType: 'police' }),
    };
    people.overdue = await level1Case(db(), practitioner, 'Overdue', addMonths(TODAY, -7));
    people.dueSoon = await level1Case(db(), practitioner, 'Soon', addMonths(addDays(TODAY, 3), -6));
    people.otherArea = await level1Case(db(), elsewhere.practitioner, 'Elsewhere', addMonths(TODAY, -7));

    ids.meeting = (
      await scheduleMeeting(db(), coordinator, {
        level: 2,
        date: addDays(TODAY, 7),
        time: '10:00',
        format: 'in_person',
        location: 'Norwich police station',
        chairUserId: chair.actor.userId,
        nominalIds: [people.overdue],
        agencyIds: [],
      })
    ).id;
    ids.otherMeeting = (
      await scheduleMeeting(db(), elsewhere.coordinator, {
        level: 2,
        date: addDays(TODAY, 8),
        time: '10:00',
        format: 'online',
        onlineLink: 'https://meet.example.gov.uk/glo',
        nominalIds: [people.otherArea],
        chairUserId: elsewhere.chair.actor.userId,
        agencyIds: [],
      })
    ).id;
    // What the practitioner owes the meeting, and an action already late on the other person.
    ids.ownedAction = (
      await addAction(db(), coordinator, people.overdue, {
        description: 'Bring the latest home visit notes',
        pillar: 'supervision',
        ownerAgencyId: practitioner.actor.agencyId,
        ownerUserId: practitioner.actor.userId,
        dueOn: addDays(TODAY, 5),
      })
    ).id;
    ids.lateAction = (
      await addAction(db(), on(coordinator, addDays(TODAY, -10)), people.dueSoon, {
        description: 'Check the curfew with the electronic monitoring provider',
        pillar: 'monitoring_and_control',
        ownerAgencyId: practitioner.actor.agencyId,
        ownerUserId: practitioner.actor.userId,
        dueOn: addDays(TODAY, -2),
      })
    ).id;
    ids.submitted = await submitted(db(), practitioner, people.overdue);
    ids.draft = (await startReferral(db(), practitioner, people.dueSoon)).id;
    await submitted(db(), elsewhere.practitioner, people.otherArea);
  });

  describe('for a practitioner', () => {
    let start: StartPage;
    beforeAll(async () => {
      start = await startPage(db(), practitioner);
    });

    it('counts my caseload’s overdue and due-this-week obligations, as the worklist contract does', async () => {
      expect(start.obligations).toEqual(await myObligationSummary(db(), practitioner));
      expect(start.obligations).toEqual({ overdue: 1, dueThisWeek: 1, overdueActions: 1 });
    });

    it('shows the meeting that discusses someone I manage, and what I owe it', () => {
      expect(start.meetings?.map((m) => m.id)).toEqual([ids.meeting]);
      const [meeting] = start.meetings!;
      expect(meeting).toMatchObject({
        level: 2,
        day: addDays(TODAY, 7),
        chairName: chair.actor.displayName,
        why: ['manager'],
        people: [{ id: people.overdue, name: 'Sam Overdue' }],
      });
      expect(meeting!.owed.actions.map((a) => a.id)).toEqual([ids.ownedAction]);
    });

    it('counts my open actions, soonest first, the overdue one flagged', () => {
      expect(start.actions).toMatchObject({ open: 2, overdue: 1 });
      expect(start.actions!.soonest.map((a) => [a.id, a.overdue])).toEqual([
        [ids.lateAction, true],
        [ids.ownedAction, false],
      ]);
    });

    it('counts my unread inbox and lists my draft referrals, with nothing to screen', async () => {
      expect(start.inbox.unread).toBe(await unreadCount(db(), practitioner.actor.userId));
      expect(start.inbox.unread).toBeGreaterThan(0);
      expect(start.referrals?.awaitingScreening).toBeNull();
      expect(start.referrals?.drafts.map((r) => [r.id, r.person.name])).toEqual([[ids.draft, 'Sam Soon']]);
      expect(start.area).toBeNull();
      expect(start.prisonReports).toBeNull();
    });

    it('logs a consultation of the people it names', async () => {
      const logged = await db()
        .db.selectFrom('access_log')
        .select(['record_ids', 'operation'])
        .where('user_id', '=', practitioner.actor.userId)
        .where('section', '=', 'start page')
        .execute();
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.at(-1)!.operation).toBe('consultation');
      expect([...logged.at(-1)!.record_ids].sort()).toEqual([people.overdue, people.dueSoon].sort());
    });
  });

  describe('for a coordinator', () => {
    let start: StartPage;
    beforeAll(async () => {
      start = await startPage(db(), coordinator);
    });

    it('counts the referrals awaiting screening in my area only', () => {
      expect(start.referrals?.awaitingScreening?.count).toBe(1);
      expect(start.referrals?.awaitingScreening?.next.map((r) => [r.id, r.person.id])).toEqual([
        [ids.submitted, people.overdue],
      ]);
    });

    it('counts each area worklist as the area worklists do', async () => {
      const area = await areaWorklist(db(), coordinator, undefined);
      expect(start.area?.lists).toEqual(
        area.lists.map((l) => ({ key: l.key, label: l.label, count: l.count })),
      );
      expect(start.area?.lists).toHaveLength(10);
      expect(start.area?.lists.find((l) => l.key === 'level1-review-overdue')?.count).toBe(1);
    });

    it('reads the area counts without naming or logging a page of people it does not show', async () => {
      const before = await db()
        .db.selectFrom('access_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', coordinator.actor.userId)
        .where('section', 'like', 'area worklist%')
        .executeTakeFirstOrThrow();
      await startPage(db(), coordinator);
      const after = await db()
        .db.selectFrom('access_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', coordinator.actor.userId)
        .where('section', 'like', 'area worklist%')
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('shows every meeting of my area, and nothing of another area', () => {
      expect(start.meetings?.map((m) => [m.id, m.why])).toEqual([[ids.meeting, ['area']]]);
      expect(JSON.stringify(start)).not.toContain(people.otherArea);
      expect(JSON.stringify(start)).not.toContain(ids.otherMeeting);
      expect(start.obligations).toEqual({ overdue: 0, dueThisWeek: 0, overdueActions: 0 });
    });

    it('shows the other area’s coordinator only their own', async () => {
      const other = await startPage(db(), elsewhere.coordinator);
      expect(other.referrals?.awaitingScreening?.count).toBe(1);
      expect(other.meetings?.map((m) => m.id)).toEqual([ids.otherMeeting]);
      expect(JSON.stringify(other)).not.toContain(people.overdue);
    });
  });

  it('shows the chair the meeting they chair, and nothing after 4 weeks', async () => {
    const start = await startPage(db(), chair);
    expect(start.meetings?.map((m) => [m.id, m.why])).toEqual([[ids.meeting, ['chair']]]);
    expect((await startPage(db(), on(chair, addDays(TODAY, -30)))).meetings).toEqual([]);
    expect(start.referrals?.awaitingScreening?.count).toBe(1);
  });

  it('lists the minutes awaiting the chair’s approval until they are approved', async () => {
    // A meeting held a fortnight ago (scheduled before it, as a coordinator would have).
    const held = await scheduleMeeting(db(), on(coordinator, addDays(TODAY, -20)), {
      level: 2,
      date: addDays(TODAY, -14),
      time: '10:00',
      format: 'in_person',
      location: 'Norwich police station',
      chairUserId: chair.actor.userId,
      nominalIds: [people.dueSoon],
      agencyIds: [],
    });
    expect((await startPage(db(), chair)).minutesToApprove).toEqual([]);
    const saved = await saveMinutes(db(), coordinator, held.id, people.dueSoon, {
      rowVersion: 0,
      disclosureConsidered: 'no',
      disclosureReason: 'No one new to tell.',
    });
    const waiting = await startPage(db(), chair);
    expect(waiting.minutesToApprove).toMatchObject([
      { meetingId: held.id, level: 2, person: { id: people.dueSoon, name: 'Sam Soon' } },
    ]);
    // Only the chair approves: others are not asked.
    expect((await startPage(db(), coordinator)).minutesToApprove).toBeNull();
    await approveMinutes(db(), chair, held.id, people.dueSoon, { rowVersion: saved.rowVersion });
    expect((await startPage(db(), chair)).minutesToApprove).toEqual([]);
  });

  it('gives a victim liaison officer, with no caseload of their own, a start page without referrals', async () => {
    const vlo = await makeActor(db(), { roles: ['victim_liaison_officer'], areaCode: 'NOR' });
    const start = await startPage(db(), vlo);
    expect(start.obligations).toEqual({ overdue: 0, dueThisWeek: 0, overdueActions: 0 });
    expect(start.referrals).toBeNull();
    expect(start.meetings).toEqual([]);
    expect(start.actions).toEqual({ open: 0, overdue: 0, soonest: [] });
  });

  it('answers GET /api/v1/start with the same summary, and serves the page as the signed-in home', async () => {
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const token = await createServiceToken(db(), testMoment(), coordinator.actor.userId, 'start', null, {
        readOnly: true,
      });
      const { data, response } = await apiClient(app, token).GET('/api/v1/start');
      expect(response.status).toBe(200);
      const expected = await startPage(db(), coordinator);
      expect(data?.area).toEqual(expected.area);
      expect(data?.referrals?.awaitingScreening?.count).toBe(1);
      expect(data?.meetings?.map((m) => m.id)).toEqual([ids.meeting]);
      expect(data?.today).toBe(TODAY);

      // A token limited to another area names nobody of this one, and counts nothing of it.
      const limited = await createServiceToken(
        db(),
        testMoment(),
        coordinator.actor.userId,
        'GLO only',
        null,
        {
          readOnly: true,
          areaCodes: ['GLO'],
        },
      );
      const outside = await apiClient(app, limited).GET('/api/v1/start');
      expect(outside.response.status).toBe(200);
      expect(outside.data).toMatchObject({
        meetings: [],
        area: null,
        referrals: { awaitingScreening: null },
      });
      expect(JSON.stringify(outside.data)).not.toContain(people.overdue);

      const session = await signInWithPages(app, {
        email: practitioner.actor.email,
        password: TEST_PASSWORD,
      });
      const home = await app.inject({ method: 'GET', url: '/', headers: { cookie: session.cookie } });
      expect(home.headers.location).toBe('/start');
      const page = await app.inject({ method: 'GET', url: '/start', headers: { cookie: session.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('href="/worklists/mine?due=overdue"');
      expect(page.body).toContain('Sam Overdue');
      expect(page.body).toContain('Bring the latest home visit notes');
      expect(page.body).not.toContain('Sam Elsewhere');
    } finally {
      await app.close();
    }
  });
});
