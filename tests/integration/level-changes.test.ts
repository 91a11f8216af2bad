import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays } from '../../src/domain/dates.ts';
import { NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import { decideLevel, getLevelHistory } from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal, getNominal, getTimeline } from '../../src/modules/nominals/index.ts';
import { listInbox } from '../../src/modules/notifications/index.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { testClock } from '../support/clock.ts';

/** A Category 2 offender (wounding with intent, 3 years) released `releasedDaysAgo` days ago. */
async function category2(db: Database, ctx: UseCaseContext, surname: string, releasedDaysAgo: number) {
  const { id } = await createNominal(db, ctx, identity({ forename: 'Lee', surname }));
  await addSectionRow(db, ctx, id, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    convictionDate: '2024-06-01',
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart: '2024-06-01',
    conditionalReleaseDate: addDays(TODAY, -releasedDaysAgo),
    licenceExpiryDate: '2028-06-01',
    sentenceExpiryDate: '2028-06-01',
  });
  return id;
}

const LEVEL_2 = {
  level: 2,
  criteria: ['rosh_high_or_very_high'],
  rationale: 'High RoSH to children; children’s services and housing must act together.',
};
const TO_LEVEL_1 = {
  level: 1,
  criteria: [],
  rationale: 'The plan is working; the lead agency can manage the risk.',
  continuesAtLowerLevel: 'Professionals’ meeting on 14 January 2027; monthly police home visits.',
};

describeEachDatabase('changing level: escalation, guarded reduction, chair’s override', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let chair: UseCaseContext;
  let coordinator: UseCaseContext;
  let otherAreaCoordinator: UseCaseContext;

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'DUR' });
    chair = await makeActor(db(), {
      roles: ['meeting_chair'],
      areaCode: 'DUR',
      displayName: 'Chair Dana Cole',
    });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'DUR' });
    otherAreaCoordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'GLO' });
  });

  async function meetingAbout(nominalId: string, level = 2) {
    const meeting = await db()
      .db.insertInto('meetings')
      .values({
        created_at: testClock.now(),
        area_code: 'DUR',
        level,
        starts_at: new Date(`${TODAY}T10:00:00Z`),
        format: 'online',
        online_link: 'https://meet.example.gov.uk/abc',
        chair_user_id: chair.actor.userId,
        created_by: coordinator.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .db.insertInto('meeting_nominals')
      .values({ meeting_id: meeting.id, nominal_id: nominalId })
      .execute();
    return meeting.id;
  }

  async function openAction(nominalId: string, safeguarding: boolean) {
    await db()
      .db.insertInto('actions')
      .values({
        created_at: testClock.now(),
        nominal_id: nominalId,
        description: safeguarding
          ? 'Children’s services to visit the new partner’s home'
          : 'Police home visit',
        pillar: safeguarding ? 'victim_safety_planning' : 'monitoring_and_control',
        safeguarding,
        owner_agency_id: practitioner.actor.agencyId,
        due_on: addDays(TODAY, 14),
        created_by: coordinator.actor.userId,
      })
      .execute();
  }

  const decisionCount = async (id: string) =>
    (await db().db.selectFrom('level_decisions').select('id').where('nominal_id', '=', id).execute()).length;

  it('a Level 2 panel escalates straight to Level 3 at its meeting: no referral, no screening', async () => {
    const id = await category2(db(), practitioner, 'Escalate', 200);
    await decideLevel(db(), practitioner, id, LEVEL_2);
    const meetingId = await meetingAbout(id);
    const escalated = await decideLevel(db(), chair, id, {
      level: 3,
      criteria: ['rosh_high_or_very_high', 'senior_resources_at_short_notice'],
      rationale: 'New intelligence: needs senior police resources at short notice.',
      meetingId,
    });
    expect(escalated).toMatchObject({ kind: 'escalation', level: 3, warnings: [], overridden: false });
    const history = await getLevelHistory(db(), practitioner, id);
    expect(history.obligations.level).toBe(3);
    expect(history.decisions[0]).toMatchObject({ kind: 'escalation', level: 3, meetingId, answers: null });
    const referrals = await db()
      .db.selectFrom('referrals')
      .select('id')
      .where('nominal_id', '=', id)
      .execute();
    expect(referrals).toEqual([]);
  });

  it('refuses a meeting that did not discuss the person', async () => {
    const id = await category2(db(), practitioner, 'Elsewhere', 200);
    const other = await category2(db(), practitioner, 'Discussed', 200);
    const meetingId = await meetingAbout(other);
    const error = await rejection(
      decideLevel(db(), practitioner, id, { ...LEVEL_2, meetingId }),
      ValidationError,
    );
    expect(error.fieldErrors.meetingId).toMatch(/meeting that discussed this person/);
    expect(await decisionCount(id)).toBe(0);
  });

  it('refuses to reduce Level 2 with an open safeguarding action, names the actions, and writes nothing', async () => {
    const id = await category2(db(), practitioner, 'Vik', 200);
    await decideLevel(db(), practitioner, id, LEVEL_2);
    await openAction(id, true);
    await openAction(id, false);
    const error = await rejection(decideLevel(db(), practitioner, id, TO_LEVEL_1), ValidationError);
    expect(error.fieldErrors.overrideReason).toContain('2 actions are open, 1 of them a safeguarding action');
    expect(await decisionCount(id)).toBe(1);
    expect((await getLevelHistory(db(), practitioner, id)).obligations.level).toBe(2);

    // A practitioner's reason is not an override.
    const notChair = await rejection(
      decideLevel(db(), practitioner, id, { ...TO_LEVEL_1, overrideReason: 'I think it is fine.' }),
      ValidationError,
    );
    expect(notChair.fieldErrors.overrideReason).toMatch(/^Only the meeting chair can override/);
    expect(await decisionCount(id)).toBe(1);

    // Ending MAPPA management is refused the same way.
    const ending = await rejection(
      decideLevel(db(), practitioner, id, { deregister: true, rationale: 'Licence ended.' }),
      ValidationError,
    );
    expect(ending.fieldErrors.overrideReason).toMatch(/cannot end MAPPA management/);
    expect(await decisionCount(id)).toBe(1);
  });

  it('the chair overrides with a reason; the override is visible in the level history and on the timeline', async () => {
    const id = await category2(db(), practitioner, 'Override', 200);
    await decideLevel(db(), practitioner, id, LEVEL_2);
    await openAction(id, true);
    const meetingId = await meetingAbout(id);

    const noReason = await rejection(
      decideLevel(db(), chair, id, { ...TO_LEVEL_1, meetingId }),
      ValidationError,
    );
    expect(noReason.fieldErrors.overrideReason).toMatch(/1 action is open, a safeguarding action/);
    const noContinuation = await rejection(
      decideLevel(db(), chair, id, { ...TO_LEVEL_1, continuesAtLowerLevel: '', overrideReason: 'Owned.' }),
      ValidationError,
    );
    expect(noContinuation.fieldErrors.continuesAtLowerLevel).toMatch(/what continues at the lower level/);
    expect(await decisionCount(id)).toBe(1);

    const reason = 'The home visit is booked and owned by children’s services; the panel adds nothing more.';
    const reduced = await decideLevel(db(), chair, id, { ...TO_LEVEL_1, overrideReason: reason, meetingId });
    expect(reduced).toMatchObject({ kind: 'reduction', level: 1, overridden: true });

    const history = await getLevelHistory(db(), practitioner, id);
    expect(history.obligations.level).toBe(1);
    expect(history.decisions[0]).toMatchObject({
      kind: 'reduction',
      overrideReason: reason,
      overrideByName: 'Chair Dana Cole',
      continuesAtLowerLevel: TO_LEVEL_1.continuesAtLowerLevel,
      meetingId,
    });
    const timeline = await getTimeline(db(), practitioner, id);
    const entry = timeline.entries.find((e) => e.section === 'levels' && e.summary.includes('reduced'))!;
    expect(entry.summary).toContain('chair’s override by Chair Dana Cole');
    expect(entry.summary).toContain(reason);
  });

  it('a reduction with nothing open needs no override, but still says what continues', async () => {
    const id = await category2(db(), practitioner, 'Clean', 200);
    await decideLevel(db(), practitioner, id, LEVEL_2);
    const missing = await rejection(
      decideLevel(db(), practitioner, id, { ...TO_LEVEL_1, continuesAtLowerLevel: ' ' }),
      ValidationError,
    );
    expect(Object.keys(missing.fieldErrors)).toEqual(['continuesAtLowerLevel']);
    const reduced = await decideLevel(db(), practitioner, id, TO_LEVEL_1);
    expect(reduced).toMatchObject({ kind: 'reduction', overridden: false, warnings: [] });
    const decision = (await getLevelHistory(db(), practitioner, id)).decisions[0]!;
    expect(decision.overrideReason).toBeNull();
    expect(decision.continuesAtLowerLevel).toBe(TO_LEVEL_1.continuesAtLowerLevel);
  });

  it('ends the sight a meeting invitation gave an agency once the person is back at Level 1', async () => {
    const id = await category2(db(), practitioner, 'Invited', 200);
    await decideLevel(db(), practitioner, id, LEVEL_2);
    const housing = await makeActor(db(), {
      roles: ['dtc_representative'],
      areaCode: 'AVS',
      agencyType: 'housing',
    });
    await db()
      .db.insertInto('agency_involvements')
      .values({
        created_at: testClock.now(),
        nominal_id: id,
        agency_id: housing.actor.agencyId,
        reason: 'meeting_invitation',
        sections: ['identity'],
        from_date: TODAY,
        created_by: coordinator.actor.userId,
      })
      .execute();
    expect((await getNominal(db(), housing, id)).id).toBe(id);
    await decideLevel(db(), practitioner, id, TO_LEVEL_1);
    // Still today (the day of the decision), not from tomorrow.
    expect((await getNominal(db(), housing, id)).id).toBe(id);
    await rejection(getNominal(db(), { ...housing, today: addDays(TODAY, 1) }, id), NotFoundError);
  });

  it('a reduction within 28 days of release is flagged for the area’s coordinators, in their inbox at once', async () => {
    const id = await category2(db(), practitioner, 'Released', 12);
    await decideLevel(db(), practitioner, id, LEVEL_2);
    const before = (await listInbox(db(), coordinator)).notifications.length;
    const reduced = await decideLevel(db(), practitioner, id, TO_LEVEL_1);
    expect(reduced.warnings.join(' ')).toMatch(/12 days after release/);
    const inbox = (await listInbox(db(), coordinator)).notifications;
    expect(inbox.length).toBe(before + 1);
    expect(inbox[0]).toMatchObject({ subject: 'Level reduced near release: Level 1 (from Level 2)' });
    expect(inbox[0]!.link).toBe(`/nominals/${id}/levels#decisions`);
    expect((await listInbox(db(), otherAreaCoordinator)).notifications).toEqual([]);
    const flagged = await db()
      .db.selectFrom('nominal_obligations')
      .select('reduced_near_release')
      .where('nominal_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(flagged.reduced_near_release).toBe(true);
  });

  it('a reduction long after release tells nobody', async () => {
    const id = await category2(db(), practitioner, 'LongAgo', 200);
    await decideLevel(db(), practitioner, id, LEVEL_2);
    const before = (await listInbox(db(), coordinator)).notifications.length;
    await decideLevel(db(), practitioner, id, TO_LEVEL_1);
    expect((await listInbox(db(), coordinator)).notifications.length).toBe(before);
  });
});
