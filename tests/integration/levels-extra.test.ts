import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays, addYears } from '../../src/domain/dates.ts';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import {
  countersignLevelDecision,
  decideLevel,
  getAreaSettings,
  getLevelHistory,
  recordOffenderNotification,
  updateAreaSettings,
} from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { testClock } from '../support/clock.ts';

type Db = Parameters<typeof createNominal>[0];

/** A person convicted of a sexual offence with a custodial sentence served: Category 1. */
async function category1Person(db: Db, ctx: UseCaseContext, surname: string) {
  const { id } = await createNominal(db, ctx, identity({ forename: 'Reg', surname }));
  await addSectionRow(db, ctx, id, 'convictions', {
    offence: 'Sexual assault on a female',
    convictionDate: '2024-03-01',
    outcome: 'custody',
    lengthMonths: 24,
    isIndexOffence: true,
    sentenceStart: '2024-03-01',
    conditionalReleaseDate: '2025-03-01',
    actualReleaseDate: '2025-03-01',
    licenceExpiryDate: '2026-03-01',
    sentenceExpiryDate: '2026-03-01',
  });
  return id;
}

/** A Category 2 person in the community with a first appointment recorded. */
async function category2Person(db: Db, ctx: UseCaseContext, surname: string) {
  const { id } = await createNominal(db, ctx, identity({ forename: 'Sam', surname }));
  await addSectionRow(db, ctx, id, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    convictionDate: '2025-06-01',
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart: '2025-06-01',
    conditionalReleaseDate: addDays(TODAY, 200),
    licenceExpiryDate: '2028-06-01',
    sentenceExpiryDate: '2028-06-01',
  });
  return id;
}

const SETTINGS = {
  level2ReviewWeeks: 16,
  level3ReviewWeeks: 8,
  significantEventReviewDays: 10,
  countersignatureRequired: false,
};

describeEachDatabase('notifications to the police, area settings and countersignature', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let police: UseCaseContext;
  let coordinator: UseCaseContext;
  let senior: UseCaseContext;
  let chair: UseCaseContext;
  let otherAreaCoordinator: UseCaseContext;

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOR' });
    police = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'NOR' });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'NOR' });
    senior = await makeActor(db(), { roles: ['senior_probation_officer'], areaCode: 'NOR' });
    chair = await makeActor(db(), { roles: ['meeting_chair'], areaCode: 'NOR' });
    otherAreaCoordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'GLO' });
  });

  it('a periodic notification to the police moves the next notification a year on', async () => {
    const id = await category1Person(db(), practitioner, 'Periodic');
    const before = await getLevelHistory(db(), police, id);
    expect(before.obligations.category).toBe(1);
    expect(before.obligations.notification_due_on).not.toBeNull();
    const notifiedOn = addDays(TODAY, -10);
    const recorded = await recordOffenderNotification(db(), police, id, { kind: 'periodic', notifiedOn });
    expect(recorded.nextDueOn).toBe(addYears(notifiedOn, 1));
    const after = await getLevelHistory(db(), practitioner, id);
    expect(after.obligations.notification_due_on).toBe(addYears(notifiedOn, 1));
    expect(after.offenderNotifications).toEqual([
      expect.objectContaining({ kind: 'periodic', notifiedOn, recordedBy: police.actor.displayName }),
    ]);
  });

  it('refuses a notification dated in the future or of no known kind, and writes nothing', async () => {
    const id = await category1Person(db(), practitioner, 'Future');
    const due = (await getLevelHistory(db(), police, id)).obligations.notification_due_on;
    const error = await rejection(
      recordOffenderNotification(db(), police, id, { kind: 'periodic', notifiedOn: addDays(TODAY, 1) }),
      ValidationError,
    );
    expect(error.fieldErrors.notifiedOn).toMatch(/today or in the past/);
    const badKind = await rejection(
      recordOffenderNotification(db(), police, id, { kind: 'monthly', notifiedOn: '2026-02-30' }),
      ValidationError,
    );
    expect(Object.keys(badKind.fieldErrors).sort()).toEqual(['kind', 'notifiedOn']);
    const after = await getLevelHistory(db(), police, id);
    expect(after.offenderNotifications).toEqual([]);
    expect(after.obligations.notification_due_on).toBe(due);
    await rejection(
      recordOffenderNotification(db(), senior, id, { kind: 'periodic', notifiedOn: TODAY }),
      ForbiddenError,
    );
  });

  it('area settings change the Level 2 review due date of the area’s cases', async () => {
    const id = await category2Person(db(), practitioner, 'Settings');
    await decideLevel(db(), practitioner, id, {
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'High RoSH; multi-agency planning needed.',
    });
    expect(await getAreaSettings(db(), coordinator)).toMatchObject({ areaCode: 'NOR', ...SETTINGS });
    const before = (await getLevelHistory(db(), practitioner, id)).obligations.review_due_on;
    expect(before).toBe(addDays(TODAY, 16 * 7));
    const saved = await updateAreaSettings(db(), coordinator, { ...SETTINGS, level2ReviewWeeks: 4 });
    expect(saved).toMatchObject({ level2ReviewWeeks: 4 });
    expect(saved.recomputed).toBeGreaterThanOrEqual(1);
    const after = (await getLevelHistory(db(), practitioner, id)).obligations.review_due_on;
    expect(after).toBe(addDays(TODAY, 4 * 7));
    // Another area's settings are its own.
    expect(await getAreaSettings(db(), otherAreaCoordinator)).toMatchObject({ areaCode: 'GLO', ...SETTINGS });
    await updateAreaSettings(db(), coordinator, SETTINGS);
    expect((await getLevelHistory(db(), practitioner, id)).obligations.review_due_on).toBe(before);
  });

  it('refuses invalid area settings, and changes nothing', async () => {
    const error = await rejection(
      updateAreaSettings(db(), coordinator, {
        level2ReviewWeeks: 0,
        level3ReviewWeeks: 53,
        significantEventReviewDays: 2.5,
        countersignatureRequired: 'maybe',
      }),
      ValidationError,
    );
    expect(Object.keys(error.fieldErrors).sort()).toEqual([
      'countersignatureRequired',
      'level2ReviewWeeks',
      'level3ReviewWeeks',
      'significantEventReviewDays',
    ]);
    expect(await getAreaSettings(db(), coordinator)).toMatchObject(SETTINGS);
    await rejection(updateAreaSettings(db(), practitioner, SETTINGS), ForbiddenError);
    await rejection(getAreaSettings(db(), senior), ForbiddenError);
  });

  it('flags a practitioner’s decision as awaiting countersignature when the area requires it, until a senior colleague countersigns', async () => {
    const id = await category2Person(db(), practitioner, 'Countersign');
    const unsigned = await decideLevel(db(), practitioner, id, {
      level: 1,
      rationale: 'Managed by probation alone.',
    });
    // Not required: nothing extra.
    let history = await getLevelHistory(db(), practitioner, id);
    expect(history.decisions[0]).toMatchObject({ awaitingCountersignature: false, countersignedAt: null });
    await rejection(countersignLevelDecision(db(), senior, id, unsigned.id), ValidationError);

    await updateAreaSettings(db(), coordinator, { ...SETTINGS, countersignatureRequired: true });
    const decision = await decideLevel(db(), practitioner, id, {
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'Risk has risen; multi-agency planning needed.',
    });
    history = await getLevelHistory(db(), practitioner, id);
    // The level takes effect at once.
    expect(history.obligations.level).toBe(2);
    expect(history.decisions[0]).toMatchObject({ id: decision.id, awaitingCountersignature: true });

    // A senior decision needs no countersignature.
    const own = await decideLevel(db(), chair, id, {
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'Confirmed at the meeting.',
    });
    history = await getLevelHistory(db(), practitioner, id);
    expect(history.decisions.find((d) => d.id === own.id)).toMatchObject({ awaitingCountersignature: false });
    const self = await rejection(countersignLevelDecision(db(), chair, id, own.id), ValidationError);
    expect(self.fieldErrors.decisionId).toMatch(/your own/);

    await rejection(countersignLevelDecision(db(), practitioner, id, decision.id), ForbiddenError);
    await rejection(countersignLevelDecision(db(), police, id, decision.id), ForbiddenError);
    const signed = await countersignLevelDecision(db(), senior, id, decision.id);
    expect(signed.id).toBe(decision.id);
    history = await getLevelHistory(db(), practitioner, id);
    expect(history.decisions.find((d) => d.id === decision.id)).toMatchObject({
      awaitingCountersignature: false,
      countersignedBy: senior.actor.displayName,
    });
    await rejection(countersignLevelDecision(db(), coordinator, id, decision.id), ValidationError);
    // Out of area: not found, and never written.
    await rejection(countersignLevelDecision(db(), otherAreaCoordinator, id, decision.id), Error);
    await updateAreaSettings(db(), coordinator, SETTINGS);
  });

  it('serves the pages: notification form with its error summary, area settings, and countersignature on the levels page', async () => {
    process.env.VIGIL_LOG = 'silent';
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const id = await category1Person(db(), practitioner, 'Pages');
      const signedIn = await signInWithPages(app, {
        email: coordinator.actor.email,
        password: TEST_PASSWORD,
      });
      const headers = { cookie: signedIn.cookie };
      const levels = await app.inject({ url: `/nominals/${id}/levels`, headers });
      expect(levels.statusCode).toBe(200);
      expect(levels.body).toContain('Record a notification to the police');
      const form = await app.inject({ url: `/nominals/${id}/offender-notifications/new`, headers });
      expect(form.statusCode).toBe(200);
      const refused = await app.inject({
        method: 'POST',
        url: `/nominals/${id}/offender-notifications`,
        headers,
        payload: {
          _csrf: signedIn.csrfToken,
          'notifiedOn-day': '1',
          'notifiedOn-month': '1',
          'notifiedOn-year': '2099',
        },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('There is a problem');
      const saved = await app.inject({
        method: 'POST',
        url: `/nominals/${id}/offender-notifications`,
        headers,
        payload: {
          _csrf: signedIn.csrfToken,
          kind: 'initial',
          'notifiedOn-day': '2',
          'notifiedOn-month': '3',
          'notifiedOn-year': '2025',
        },
      });
      expect(saved.statusCode).toBe(303);
      const settings = await app.inject({ url: '/area-settings', headers });
      expect(settings.statusCode).toBe(200);
      const bad = await app.inject({
        method: 'POST',
        url: '/area-settings',
        headers,
        payload: {
          _csrf: signedIn.csrfToken,
          level2ReviewWeeks: '0',
          level3ReviewWeeks: '8',
          significantEventReviewDays: '10',
          countersignatureRequired: 'no',
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('There is a problem');
      const on = await app.inject({
        method: 'POST',
        url: '/area-settings',
        headers,
        payload: {
          _csrf: signedIn.csrfToken,
          level2ReviewWeeks: '16',
          level3ReviewWeeks: '8',
          significantEventReviewDays: '10',
          countersignatureRequired: 'yes',
        },
      });
      expect(on.statusCode).toBe(303);
      const decided = await decideLevel(db(), practitioner, id, { level: 1, rationale: 'Probation alone.' });
      const awaiting = await app.inject({ url: `/nominals/${id}/levels`, headers });
      expect(awaiting.body).toContain('Awaiting countersignature');
      const signed = await app.inject({
        method: 'POST',
        url: `/nominals/${id}/levels/${decided.id}/countersignature`,
        headers,
        payload: { _csrf: signedIn.csrfToken },
      });
      expect(signed.statusCode).toBe(303);
      const after = await app.inject({ url: `/nominals/${id}/levels`, headers });
      expect(after.body).toContain('Countersigned by');
      expect(after.body).not.toContain('Awaiting countersignature');
    } finally {
      await updateAreaSettings(db(), coordinator, SETTINGS);
      await app.close();
    }
  });
});
