import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { SHAREABLE_SECTIONS } from '../../src/access/policy.ts';
import { ConflictError, ValidationError } from '../../src/domain/errors.ts';
import { createNominal, getTimeline } from '../../src/modules/nominals/index.ts';
import {
  VICTIM_PLANNING_WITHHELD,
  currentPlan,
  getPlan,
  planSummary,
  revisePlan,
} from '../../src/modules/risk-management-plan/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { accessLogFor, identity, rejection } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

const FIRST = {
  expectedVersion: 0,
  supervision: 'Weekly appointments with the probation practitioner.',
  monitoringAndControl: 'Curfew 19:00–07:00 with electronic monitoring.',
  interventionsAndTreatment: 'Accredited programme (Kaizen) from January.',
  victimSafetyPlanning: 'Exclusion zone around the victim’s home in Redland; no contact.',
  contingency: 'Recall if the curfew is breached. At licence end: police ViSOR visits continue.',
  conditions: ['Reside at the approved premises', 'No contact with the victim'],
  reason: 'First plan on release.',
};

describeEachDatabase('the one risk management plan', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let police: UseCaseContext;
  let prison: UseCaseContext;
  let housing: UseCaseContext;
  let chair: UseCaseContext;

  beforeAll(async () => {
    practitioner = await makeActor(db(), {
      roles: ['probation_practitioner'],
      areaCode: 'CUM',
      displayName: 'Priya Practitioner',
    });
    police = await makeActor(db(), {
      roles: ['police_offender_manager'],
      areaCode: 'CUM',
      displayName: 'Paul Police',
    });
    prison = await makeActor(db(), { roles: ['prison_offender_manager'], areaCode: 'CUM' });
    housing = await makeActor(db(), {
      roles: ['dtc_representative'],
      areaCode: 'CUM',
      agencyType: 'housing',
    });
    chair = await makeActor(db(), { roles: ['meeting_chair'], areaCode: 'CUM' });
  });

  const person = async (surname: string) =>
    (await createNominal(db(), practitioner, identity({ forename: 'Rae', surname }))).id;

  const versionCount = async (id: string) =>
    (
      await db()
        .db.selectFrom('risk_management_plans')
        .select('version')
        .where('nominal_id', '=', id)
        .execute()
    ).length;

  async function meetingAbout(nominalId: string) {
    const meeting = await db()
      .db.insertInto('meetings')
      .values({
        created_at: testClock.now(),
        area_code: 'CUM',
        level: 2,
        starts_at: new Date(`${TODAY}T10:00:00Z`),
        format: 'in_person',
        location: 'Carlisle police station',
        chair_user_id: chair.actor.userId,
        created_by: chair.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .db.insertInto('meeting_nominals')
      .values({ meeting_id: meeting.id, nominal_id: nominalId })
      .execute();
    return meeting.id;
  }

  it('revised twice, version 3 is current; the history says who, when, why and what changed', async () => {
    const id = await person('Plan');
    expect(await currentPlan(db().db, id)).toBeNull();
    await revisePlan(db(), practitioner, id, FIRST);
    await revisePlan(db(), police, id, {
      ...FIRST,
      expectedVersion: 1,
      monitoringAndControl: 'Curfew 20:00–07:00 with electronic monitoring; monthly police home visits.',
      reason: 'Police add home visits after new intelligence.',
    });
    const third = await revisePlan(db(), practitioner, id, {
      ...FIRST,
      expectedVersion: 2,
      monitoringAndControl: 'Curfew 20:00–07:00 with electronic monitoring; monthly police home visits.',
      conditions: ['Reside at the approved premises', 'Do not enter the exclusion zone'],
      reason: 'Parole Board varied the licence.',
    });
    expect(third.version).toBe(3);

    const current = await currentPlan(db().db, id);
    expect(current).toMatchObject({
      version: 3,
      changedByName: 'Priya Practitioner',
      reason: 'Parole Board varied the licence.',
      conditions: ['Reside at the approved premises', 'Do not enter the exclusion zone'],
      meetingId: null,
    });

    const plan = await getPlan(db(), police, id);
    expect(plan.versions.map((v) => [v.version, v.changedByName, v.reason])).toEqual([
      [3, 'Priya Practitioner', 'Parole Board varied the licence.'],
      [2, 'Paul Police', 'Police add home visits after new intelligence.'],
      [1, 'Priya Practitioner', 'First plan on release.'],
    ]);
    expect(plan.versions[1]!.changes).toEqual([
      {
        label: 'Monitoring and control',
        before: FIRST.monitoringAndControl,
        after: 'Curfew 20:00–07:00 with electronic monitoring; monthly police home visits.',
      },
    ]);
    expect(plan.versions[0]!.changes).toEqual([
      { label: 'Condition removed', before: 'No contact with the victim', after: '' },
      { label: 'Condition added', before: '', after: 'Do not enter the exclusion zone' },
    ]);

    const timeline = await getTimeline(db(), practitioner, id);
    const entries = timeline.entries.filter((e) => e.section === 'risk-management-plan');
    expect(entries.map((e) => e.summary)).toEqual([
      'Risk management plan revised (version 3): Parole Board varied the licence.',
      'Risk management plan revised (version 2): Police add home visits after new intelligence.',
      'Risk management plan written (version 1): First plan on release.',
    ]);
    const log = await accessLogFor(db(), id);
    expect(log.filter((l) => l.section === 'risk management plan').map((l) => l.operation)).toEqual([
      'collection',
      'alteration',
      'alteration',
      'consultation',
    ]);
  });

  it('a stale version is refused with who changed what, and nothing is written', async () => {
    const id = await person('Stale');
    await revisePlan(db(), practitioner, id, FIRST);
    await revisePlan(db(), police, id, {
      ...FIRST,
      expectedVersion: 1,
      supervision: 'Twice-weekly appointments.',
      reason: 'Risk rising.',
    });
    const conflict = await rejection(
      revisePlan(db(), practitioner, id, {
        ...FIRST,
        expectedVersion: 1,
        contingency: 'Mine',
        reason: 'Mine',
      }),
      ConflictError,
    );
    expect(conflict.message).toMatch(/^Paul Police saved a newer version of the plan \(version 2\)/);
    expect(conflict.changes).toMatchObject([
      {
        by: 'Paul Police',
        summary: 'Version 2: Risk rising.',
        fields: [{ label: 'Supervision', before: FIRST.supervision, after: 'Twice-weekly appointments.' }],
      },
    ]);
    expect(await versionCount(id)).toBe(2);
    expect((await currentPlan(db().db, id))!.contingency).toBe(FIRST.contingency);
  });

  it('two writers of the same version: one wins, the other gets a conflict; never two plans', async () => {
    const id = await person('Race');
    await revisePlan(db(), practitioner, id, FIRST);
    const results = await Promise.allSettled([
      revisePlan(db(), practitioner, id, { ...FIRST, expectedVersion: 1, supervision: 'A', reason: 'A' }),
      revisePlan(db(), police, id, { ...FIRST, expectedVersion: 1, supervision: 'B', reason: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(await versionCount(id)).toBe(2);
  });

  it('a revision at a meeting records the meeting, and the record shows that plan', async () => {
    const id = await person('Meeting');
    await revisePlan(db(), practitioner, id, FIRST);
    const meetingId = await meetingAbout(id);
    await revisePlan(db(), chair, id, {
      ...FIRST,
      expectedVersion: 1,
      interventionsAndTreatment: 'Kaizen brought forward to December.',
      reason: 'Panel decision at the Level 2 meeting.',
      meetingId,
    });
    const summary = await planSummary(db(), police, id);
    expect(summary).toMatchObject({
      plan: {
        version: 2,
        changedByName: chair.actor.displayName,
        reason: 'Panel decision at the Level 2 meeting.',
      },
      meeting: { id: meetingId, level: 2 },
    });
    // A meeting that did not discuss the person is refused.
    const other = await meetingAbout(await person('Other'));
    const error = await rejection(
      revisePlan(db(), chair, id, {
        ...FIRST,
        expectedVersion: 2,
        reason: 'Wrong meeting',
        meetingId: other,
      }),
      ValidationError,
    );
    expect(error.fieldErrors.meetingId).toBeTruthy();
    // Reviewed at a meeting with no change is a version too (the meeting updated the plan); without a meeting, refused.
    await rejection(
      revisePlan(db(), practitioner, id, {
        ...FIRST,
        expectedVersion: 2,
        interventionsAndTreatment: 'Kaizen brought forward to December.',
        reason: 'No change',
      }),
      ValidationError,
    );
    expect(await versionCount(id)).toBe(2);
  });

  it('refuses a revision without a reason, or with conditions that are not a list of lines', async () => {
    const id = await person('Reasonless');
    const error = await rejection(
      revisePlan(db(), practitioner, id, { ...FIRST, reason: '  ' }),
      ValidationError,
    );
    expect(error.fieldErrors.reason).toBe('Enter why the plan is changing');
    const bad = await rejection(
      revisePlan(db(), practitioner, id, { ...FIRST, conditions: [{ no: 1 }] }),
      ValidationError,
    );
    expect(bad.fieldErrors.conditions).toBeTruthy();
    expect(await versionCount(id)).toBe(0);
  });

  it('victim safety planning is withheld from those who may not see victims, and they cannot change it', async () => {
    const id = await person('Victims');
    await revisePlan(db(), practitioner, id, FIRST);
    const seen = await getPlan(db(), prison, id);
    expect(seen.current!.victimSafetyPlanning).toBe(VICTIM_PLANNING_WITHHELD);
    expect(seen.current!.supervision).toBe(FIRST.supervision);
    await revisePlan(db(), prison, id, {
      ...FIRST,
      expectedVersion: 1,
      victimSafetyPlanning: '',
      contingency: 'Release plan agreed with the prison.',
      reason: 'Pre-release planning.',
    });
    expect((await currentPlan(db().db, id))!.victimSafetyPlanning).toBe(FIRST.victimSafetyPlanning);
    // An agency invited to a meeting sees the plan, without victims' details.
    await db()
      .db.insertInto('agency_involvements')
      .values({
        created_at: testClock.now(),
        nominal_id: id,
        agency_id: housing.actor.agencyId,
        reason: 'meeting_invitation',
        sections: [...SHAREABLE_SECTIONS],
        from_date: '2026-01-01',
        created_by: practitioner.actor.userId,
      })
      .execute();
    const invited = await getPlan(db(), housing, id);
    expect(invited.current!.version).toBe(2);
    expect(invited.current!.victimSafetyPlanning).toBe(VICTIM_PLANNING_WITHHELD);
  });

  it('the API: PUT writes a version, a stale PUT is a 409 problem, GET returns the plan and its versions', async () => {
    const id = await person('Api');
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const token = await createServiceToken(
        db(),
        testMoment(),
        practitioner.actor.userId,
        'rmp test',
        null,
        {
          readOnly: false,
        },
      );
      const headers = { authorization: `Bearer ${token}` };
      const url = `/api/v1/nominals/${id}/risk-management-plan`;
      const put = await app.inject({ method: 'PUT', url, headers, payload: FIRST });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ version: 1, conditions: FIRST.conditions });
      const stale = await app.inject({ method: 'PUT', url, headers, payload: FIRST });
      expect(stale.statusCode).toBe(409);
      expect(stale.headers['content-type']).toContain('application/problem+json');
      expect(await versionCount(id)).toBe(1);
      const got = await app.inject({ url, headers });
      expect(got.json().current).toMatchObject({ version: 1, reason: FIRST.reason });
      const versions = await app.inject({ url: `${url}/versions`, headers });
      expect(versions.json().versions).toHaveLength(1);
      const junk = await app.inject({
        method: 'PUT',
        url,
        headers,
        payload: { expectedVersion: 'x', conditions: 3 },
      });
      expect(junk.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
