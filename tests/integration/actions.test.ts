import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import {
  addAction,
  addActionUpdate,
  createAction,
  distributeMeetingActions,
  getAction,
  listActionsForNominal,
  listMyActions,
  openActionsFor,
  updateAction,
} from '../../src/modules/actions/index.ts';
import { createNominal, getNominal } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, ensureAgency, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock, testMoment } from '../support/clock.ts';
import { apiClient } from '../support/api-client.ts';

type Db = Parameters<typeof createNominal>[0];

/** Rows in the tables an action touches: proves "nothing was written". */
async function actionRowCounts(db: Db, nominalId: string) {
  const count = async (table: 'actions' | 'agency_involvements' | 'nominal_changes') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('nominal_id', '=', nominalId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    actions: await count('actions'),
    involvements: await count('agency_involvements'),
    changes: await count('nominal_changes'),
  };
}

/** A meeting in the area discussing the person (the meetings module's own tables, written directly). */
async function meetingFor(db: Db, ctx: UseCaseContext, nominalId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const meeting = await tx
      .insertInto('meetings')
      .values({
        created_at: testClock.now(),
        area_code: ctx.actor.areaCode,
        level: 2,
        starts_at: new Date(`${TODAY}T10:00:00Z`),
        format: 'in_person',
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('meeting_nominals')
      .values({ meeting_id: meeting.id, nominal_id: nominalId })
      .execute();
    return meeting.id;
  });
}

async function inboxOf(db: Db, userId: string) {
  return db.db
    .selectFrom('notifications')
    .select(['subject', 'body', 'link', 'nominal_id'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

describeEachDatabase('actions', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let colleague: UseCaseContext;
  let police: UseCaseContext;
  let coordinator: UseCaseContext;
  let housingRep: UseCaseContext;
  let housingRep2: UseCaseContext;
  let otherArea: UseCaseContext;
  let housing: { id: string; name: string };

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOR' });
    colleague = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOR' });
    police = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'NOR' });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'NOR' });
    housingRep = await makeActor(db(), {
      roles: ['dtc_representative'],
      areaCode: 'NOR',
      agencyType: 'housing',
    });
    housingRep2 = await makeActor(db(), {
      roles: ['dtc_representative'],
      areaCode: 'NOR',
      agencyType: 'housing',
    });
    otherArea = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'GLO' });
    housing = await ensureAgency(db(), 'NOR', 'housing');
  });

  const person = async (surname: string) =>
    (await createNominal(db(), practitioner, identity({ forename: 'Alex', surname }))).id;

  const policeAction = (overrides: Record<string, unknown> = {}) => ({
    description: 'Home visit to check the new address',
    pillar: 'monitoring_and_control',
    ownerAgencyId: police.actor.agencyId,
    ownerUserId: police.actor.userId,
    dueOn: addDays(TODAY, 14),
    ...overrides,
  });

  it('refuses a bad action field by field, and writes nothing', async () => {
    const id = await person('Invalid');
    const before = await actionRowCounts(db(), id);
    const error = await rejection(
      db().transaction((tx) =>
        createAction(
          tx,
          coordinator,
          id,
          {
            description: '',
            pillar: 'wishful_thinking',
            ownerAgencyId: police.actor.agencyId,
            ownerUserId: practitioner.actor.userId,
            dueOn: addDays(TODAY, -1),
          },
          null,
        ),
      ),
      ValidationError,
    );
    expect(error.fieldErrors).toEqual({
      description: 'Enter what the action is',
      pillar: 'Select the pillar of the risk management plan the action belongs to',
      ownerUserId: `The person who owns the action must work for ${police.actor.agencyName}`,
      dueOn: 'Due date must be today or in the future',
    });
    const missingAgency = await rejection(
      addAction(db(), coordinator, id, policeAction({ ownerAgencyId: 'not-a-uuid', ownerUserId: undefined })),
      ValidationError,
    );
    expect(Object.keys(missingAgency.fieldErrors)).toEqual(['ownerAgencyId']);
    expect(await actionRowCounts(db(), id)).toEqual(before);
  });

  it('gives a duty-to-co-operate owner agency access to the record, and tells its people once', async () => {
    const id = await person('Housing');
    await rejection(getNominal(db(), housingRep, id), NotFoundError);
    const { id: actionId } = await addAction(db(), coordinator, id, {
      description: 'Find supported accommodation away from the victim’s area',
      pillar: 'victim_safety_planning',
      safeguarding: true,
      ownerAgencyId: housing.id,
      dueOn: addDays(TODAY, 21),
    });
    const involvement = await db()
      .db.selectFrom('agency_involvements')
      .select(['agency_id', 'reason', 'source_id', 'sections', 'from_date'])
      .where('nominal_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(involvement).toMatchObject({
      agency_id: housing.id,
      reason: 'action',
      source_id: actionId,
      from_date: TODAY,
    });
    expect(involvement.sections).toContain('identity');
    // Now the housing representative can see whom the action is about, and the action itself.
    expect((await getNominal(db(), housingRep, id)).id).toBe(id);
    const { action, mayUpdate } = await getAction(db(), housingRep, actionId);
    expect(action).toMatchObject({
      safeguarding: true,
      ownerLabel: `Unassigned (${housing.name})`,
      status: 'open',
    });
    expect(mayUpdate).toBe(true);
    expect((await listMyActions(db(), housingRep)).map((a) => a.id)).toContain(actionId);
    // Both housing representatives were told (no named owner): one notification each.
    for (const rep of [housingRep, housingRep2]) {
      const inbox = (await inboxOf(db(), rep.actor.userId)).filter((n) => n.link === `/actions/${actionId}`);
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.body).toContain('Find supported accommodation');
    }
    // An RA owner gets no involvement: they reach the record through their area.
    const before = await actionRowCounts(db(), id);
    await addAction(db(), coordinator, id, policeAction());
    const after = await actionRowCounts(db(), id);
    expect(after.involvements).toBe(before.involvements);
    expect(after.actions).toBe(before.actions + 1);
  });

  it('ends the access an action gave once the action is closed, and restores it when reopened', async () => {
    const id = await person('Closing');
    const { id: actionId } = await addAction(db(), coordinator, id, {
      description: 'Check the tenancy conditions',
      pillar: 'monitoring_and_control',
      ownerAgencyId: housing.id,
      dueOn: addDays(TODAY, 7),
    });
    await updateAction(db(), housingRep, actionId, { status: 'completed', note: 'Checked', version: 1 });
    // Still visible on the day it was closed, so the owner can read what they recorded…
    expect((await getNominal(db(), housingRep, id)).id).toBe(id);
    // …but not the day after.
    const tomorrow = { ...housingRep, today: addDays(TODAY, 1) };
    await rejection(getNominal(db(), tomorrow, id), NotFoundError);
    await updateAction(db(), coordinator, actionId, {
      status: 'open',
      note: 'Reopened: not done',
      version: 2,
    });
    expect((await getNominal(db(), tomorrow, id)).id).toBe(id);
  });

  it('shows an agency involved only by invitation its own actions, not other agencies’', async () => {
    const id = await person('Invited');
    const health = await makeActor(db(), {
      roles: ['dtc_representative'],
      areaCode: 'NOR',
      agencyType: 'health',
    });
    await db().transaction((tx) =>
      tx
        .insertInto('agency_involvements')
        .values({
          created_at: testClock.now(),
          nominal_id: id,
          agency_id: health.actor.agencyId,
          reason: 'meeting_invitation',
          source_id: null,
          sections: ['identity'],
          from_date: TODAY,
          to_date: null,
          created_by: coordinator.actor.userId,
        })
        .execute(),
    );
    const police1 = await addAction(db(), coordinator, id, policeAction());
    const theirs = await addAction(db(), coordinator, id, {
      description: 'Mental health assessment before release',
      pillar: 'interventions_and_treatment',
      ownerAgencyId: health.actor.agencyId,
      dueOn: addDays(TODAY, 30),
    });
    expect((await listActionsForNominal(db(), health, id)).map((a) => a.id)).toEqual([theirs.id]);
    await rejection(getAction(db(), health, police1.id), NotFoundError);
    expect((await getAction(db(), health, theirs.id)).mayUpdate).toBe(true);
    // Those who reach the record through their area see every action.
    expect((await listActionsForNominal(db(), colleague, id)).map((a) => a.id).sort()).toEqual(
      [police1.id, theirs.id].sort(),
    );
  });

  it('refuses a stale update with a conflict naming who changed it, and keeps every update', async () => {
    const id = await person('Stale');
    const { id: actionId } = await addAction(db(), coordinator, id, policeAction());
    await updateAction(db(), police, actionId, { note: 'Visit booked for Friday', version: 1 });
    // Someone who read version 1 tries to complete it.
    const conflict = await rejection(
      updateAction(db(), coordinator, actionId, { status: 'completed', version: '1' }),
      ConflictError,
    );
    expect(conflict.changes.map((c) => c.by)).toEqual([police.actor.displayName]);
    expect((await getAction(db(), police, actionId)).action).toMatchObject({ status: 'open', version: 2 });
    const done = await updateAction(db(), police, actionId, {
      note: 'Visited: address suitable, no children in the household',
      status: 'completed',
      version: 2,
    });
    expect(done).toMatchObject({ status: 'completed', version: 3 });
    const { action } = await getAction(db(), police, actionId);
    expect(action).toMatchObject({ status: 'completed', completedOn: TODAY, overdue: false });
    expect(action.updates.map((u) => [u.note, u.status])).toEqual([
      ['Visit booked for Friday', 'open'],
      ['Visited: address suitable, no children in the household', 'completed'],
    ]);
    // An empty update and a missing version are refused; a closed action can only be reopened.
    await rejection(updateAction(db(), police, actionId, { note: ' ', version: 3 }), ValidationError);
    await rejection(updateAction(db(), police, actionId, { note: 'x' }), ValidationError);
    const switched = await rejection(
      updateAction(db(), police, actionId, { status: 'cancelled', version: 3 }),
      ValidationError,
    );
    expect(switched.fieldErrors.status).toMatch(/only be reopened/);
    // The timeline says what happened.
    const timeline = await db()
      .db.selectFrom('nominal_changes')
      .select('summary')
      .where('entity_id', '=', actionId)
      .orderBy('id')
      .execute();
    expect(timeline.map((t) => t.summary)).toEqual([
      expect.stringMatching(/^Action agreed: Home visit/),
      'Action updated: Home visit to check the new address',
      'Action completed: Home visit to check the new address',
    ]);
  });

  it('lets only owners and the MAPPA unit update; out of scope is not found', async () => {
    const id = await person('Scope');
    const { id: actionId } = await addAction(db(), coordinator, id, policeAction());
    // A probation practitioner in the area sees it, but it is not theirs to update.
    expect((await getAction(db(), colleague, actionId)).mayUpdate).toBe(false);
    await rejection(
      updateAction(db(), colleague, actionId, { note: 'Not mine', version: 1 }),
      ForbiddenError,
    );
    // Someone in another area learns nothing.
    await rejection(getAction(db(), otherArea, actionId), NotFoundError);
    await rejection(updateAction(db(), otherArea, actionId, { note: 'Hello', version: 1 }), NotFoundError);
    await rejection(getAction(db(), otherArea, '00000000-0000-0000-0000-000000000000'), NotFoundError);
    await rejection(getAction(db(), otherArea, 'nonsense'), NotFoundError);
    // A housing representative with no involvement in this record cannot see it either.
    await rejection(getAction(db(), housingRep, actionId), NotFoundError);
    expect((await listMyActions(db(), otherArea)).map((a) => a.id)).not.toContain(actionId);
    // The coordinator (MAPPA unit) may update it.
    await updateAction(db(), coordinator, actionId, { note: 'Chased at the panel', version: 1 });
    // Only meeting managers and plan editors add actions outside a meeting.
    await rejection(addAction(db(), housingRep, id, policeAction()), ForbiddenError);
    await rejection(addAction(db(), otherArea, id, policeAction()), NotFoundError);
  });

  it('distributes a meeting’s actions once, each owner getting one notification with all their actions', async () => {
    const id = await person('Meeting');
    const second = await person('Meeting Two');
    const meetingId = await meetingFor(db(), coordinator, id);
    await db().transaction((tx) =>
      tx.insertInto('meeting_nominals').values({ meeting_id: meetingId, nominal_id: second }).execute(),
    );
    const ids = await db().transaction(async (tx) => [
      (await createAction(tx, coordinator, id, policeAction({ description: 'Visit address' }), meetingId)).id,
      (
        await createAction(
          tx,
          coordinator,
          second,
          policeAction({ description: 'Check phone', pillar: 'supervision', dueOn: addDays(TODAY, 7) }),
          meetingId,
        )
      ).id,
      (
        await createAction(
          tx,
          coordinator,
          id,
          {
            description: 'Attend strategy meeting',
            pillar: 'victim_safety_planning',
            ownerAgencyId: housing.id,
            dueOn: addDays(TODAY, 3),
          },
          meetingId,
        )
      ).id,
    ]);
    // Creating does not notify: distribution does, at the close.
    expect(
      (await inboxOf(db(), police.actor.userId)).filter((n) => /Visit address|Check phone/.test(n.body)),
    ).toHaveLength(0);
    const sent = await db().transaction((tx) => distributeMeetingActions(tx, coordinator, meetingId));
    expect(sent).toBe(3); // police officer, and the two housing representatives
    const policeInbox = (await inboxOf(db(), police.actor.userId)).filter((n) =>
      /Visit address|Check phone/.test(n.body),
    );
    expect(policeInbox).toHaveLength(1);
    expect(policeInbox[0]).toMatchObject({
      subject: '2 MAPPA actions for you',
      link: '/actions',
      nominal_id: null,
    });
    // Soonest due first, each with its due date (the item links to "My actions": no address in the text).
    expect(policeInbox[0]!.body.split('\n')).toEqual([
      expect.stringMatching(/^Check phone .* – due 30 November 2026$/),
      expect.stringMatching(/^Visit address .* – due 7 December 2026$/),
    ]);
    const housingInbox = (await inboxOf(db(), housingRep.actor.userId)).filter((n) =>
      n.body.includes('Attend strategy'),
    );
    expect(housingInbox).toHaveLength(1);
    expect(housingInbox[0]!.body).not.toContain('Visit address');
    // Again: nothing more is sent.
    expect(await db().transaction((tx) => distributeMeetingActions(tx, coordinator, meetingId))).toBe(0);
    expect(
      (await inboxOf(db(), police.actor.userId)).filter((n) => /Visit address|Check phone/.test(n.body)),
    ).toHaveLength(1);
    const distributed = await db()
      .db.selectFrom('actions')
      .select('distributed_at')
      .where('meeting_id', '=', meetingId)
      .execute();
    expect(distributed.every((d) => d.distributed_at !== null)).toBe(true);
    // An update recorded at the meeting names it.
    await db().transaction((tx) =>
      addActionUpdate(tx, coordinator, ids[0]!, { note: 'Reported at the meeting', version: 1 }, meetingId),
    );
    const listed = await listActionsForNominal(db(), coordinator, id);
    expect(listed.find((a) => a.id === ids[0])!.updates[0]).toMatchObject({
      meetingId,
      note: 'Reported at the meeting',
    });
  });

  it('counts open actions and safeguarding ones for the level-reduction rule', async () => {
    const id = await person('Counting');
    const first = await addAction(db(), coordinator, id, policeAction());
    await addAction(
      db(),
      coordinator,
      id,
      policeAction({ safeguarding: 'yes', description: 'Refer to children’s services' }),
    );
    await addAction(
      db(),
      coordinator,
      id,
      policeAction({ safeguarding: true, description: 'Safety plan for the school' }),
    );
    expect(await openActionsFor(db().db, id)).toEqual({ total: 3, safeguarding: 2 });
    await updateAction(db(), police, first.id, { status: 'cancelled', note: 'No longer needed', version: 1 });
    expect(await openActionsFor(db().db, id)).toEqual({ total: 2, safeguarding: 2 });
  });

  it('lists a person’s actions open first with overdue flagged, then closed', async () => {
    const id = await person('Listing');
    const late = await addAction(
      db(),
      coordinator,
      id,
      policeAction({ description: 'Late one', dueOn: TODAY }),
    );
    const soon = await addAction(
      db(),
      coordinator,
      id,
      policeAction({ description: 'Soon one', dueOn: addDays(TODAY, 2) }),
    );
    const closed = await addAction(
      db(),
      coordinator,
      id,
      policeAction({ description: 'Closed one', dueOn: addDays(TODAY, 1) }),
    );
    await updateAction(db(), police, closed.id, { status: 'completed', version: 1 });
    // A day later the first is overdue (dates through ctx.today, never the clock).
    const tomorrow = { ...coordinator, today: addDays(TODAY, 1) };
    const listed = await listActionsForNominal(db(), tomorrow, id);
    expect(listed.map((a) => [a.id, a.overdue])).toEqual([
      [late.id, true],
      [soon.id, false],
      [closed.id, false],
    ]);
    await rejection(listActionsForNominal(db(), otherArea, id), NotFoundError);
    // My actions: the owner sees theirs; the police officer's colleague in probation does not.
    expect((await listMyActions(db(), police)).map((a) => a.id)).toEqual(
      expect.arrayContaining([late.id, soon.id, closed.id]),
    );
    expect((await listMyActions(db(), colleague)).map((a) => a.id)).not.toContain(late.id);
  });

  it('serves the API: mine, one action, updates with 409 on a stale version, and new actions', async () => {
    process.env.VIGIL_LOG = 'silent';
    const app: FastifyInstance = await buildApp({
      clock: testClock,
      database: db(),
      config: { trustProxy: false },
    });
    try {
      const policeToken = await createServiceToken(db(), testMoment(), police.actor.userId, 'police', null, {
        readOnly: false,
      });
      const coordinatorToken = await createServiceToken(
        db(),
        testMoment(),
        coordinator.actor.userId,
        'coordinator',
        null,
        {
          readOnly: false,
        },
      );
      const outsiderToken = await createServiceToken(
        db(),
        testMoment(),
        otherArea.actor.userId,
        'outsider',
        null,
        {
          readOnly: false,
        },
      );
      // The typed client (generated from the OpenAPI document): these calls compile only while the
      // document offers them, with these parameters and bodies.
      const coordinatorApi = apiClient(app, coordinatorToken);
      const policeApi = apiClient(app, policeToken);
      const outsiderApi = apiClient(app, outsiderToken);
      const id = await person('Api');
      const created = await coordinatorApi.POST('/api/v1/nominals/{id}/actions', {
        params: { path: { id } },
        body: {
          description: 'Home visit to check the new address',
          pillar: 'monitoring_and_control',
          ownerAgencyId: police.actor.agencyId,
          ownerUserId: police.actor.userId,
          dueOn: addDays(TODAY, 14),
        },
      });
      expect(created.response.status, JSON.stringify(created.error)).toBe(201);
      const actionId = created.data!.id;
      const bad = await coordinatorApi.POST('/api/v1/nominals/{id}/actions', {
        params: { path: { id } },
        // Deliberately wrong: what a broken client might send.
        body: { pillar: 1 } as never,
      });
      expect(bad.response.status).toBe(400);
      expect(bad.error!.errors!.map((e) => e.field)).toEqual([
        'description',
        'pillar',
        'ownerAgencyId',
        'dueOn',
      ]);
      const mine = await policeApi.GET('/api/v1/actions');
      expect(mine.data!.actions.map((a) => a.id)).toContain(actionId);
      const one = await policeApi.GET('/api/v1/actions/{actionId}', { params: { path: { actionId } } });
      expect(one.data).toMatchObject({ action: { id: actionId, version: 1 }, mayUpdate: true });
      const first = await policeApi.POST('/api/v1/actions/{actionId}/updates', {
        params: { path: { actionId } },
        body: { note: 'Booked', version: 1 },
      });
      expect(first.response.status, JSON.stringify(first.error)).toBe(201);
      expect(first.data).toMatchObject({ version: 2, status: 'open' });
      const stale = await coordinatorApi.POST('/api/v1/actions/{actionId}/updates', {
        params: { path: { actionId } },
        body: { status: 'completed', version: 1 },
      });
      expect(stale.response.status).toBe(409);
      expect(stale.response.headers.get('content-type')).toMatch(/problem\+json/);
      expect((stale.error!.changes![0] as { by: string }).by).toBe(police.actor.displayName);
      const hidden = await outsiderApi.GET('/api/v1/actions/{actionId}', { params: { path: { actionId } } });
      expect(hidden.response.status).toBe(404);
      const hiddenUpdate = await outsiderApi.POST('/api/v1/actions/{actionId}/updates', {
        params: { path: { actionId } },
        body: { note: 'x', version: 2 },
      });
      expect(hiddenUpdate.response.status).toBe(404);
      const junk = await policeApi.POST('/api/v1/actions/{actionId}/updates', {
        params: { path: { actionId } },
        body: [1, 2] as never,
      });
      expect(junk.response.status).toBe(400);
      // Logged: the update is an alteration of the person's record.
      const logged = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM access_log
        WHERE section = 'action update' AND ${id}::uuid = ANY(record_ids)`.execute(db().db);
      expect(logged.rows[0]!.n).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('serves the pages: a stale update is a 409 page saying who changed it, keeping what was typed', async () => {
    process.env.VIGIL_LOG = 'silent';
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const id = await person('Pages');
      const { id: actionId } = await addAction(db(), coordinator, id, policeAction());
      // Codes by the app's own clock (testClock), as an authenticator app beside it would give.
      const owner = await signInWithPages(app, { email: police.actor.email, password: TEST_PASSWORD });
      const headers = { cookie: owner.cookie };
      const page = await app.inject({ url: `/actions/${actionId}`, headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="version" value="1"');
      await updateAction(db(), coordinator, actionId, { note: 'Chased by the coordinator', version: 1 });
      const stale = await app.inject({
        method: 'POST',
        url: `/actions/${actionId}/updates`,
        headers,
        payload: { _csrf: owner.csrfToken, version: '1', note: 'My late note', status: 'open' },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain('Someone else updated this action');
      expect(stale.body).toMatch(
        new RegExp(`<li>${coordinator.actor.displayName}, [^<]+: Action updated: Home visit`),
      );
      expect(stale.body).toContain('My late note');
      expect(stale.body).toContain('name="version" value="2"');
      const empty = await app.inject({
        method: 'POST',
        url: `/actions/${actionId}/updates`,
        headers,
        payload: { _csrf: owner.csrfToken, version: '2', note: '', status: 'open' },
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('govuk-error-summary');
      expect(empty.body).toMatch(/href="#note">Enter an update on progress/);
      const outsider = await signInWithPages(app, { email: otherArea.actor.email, password: TEST_PASSWORD });
      const hidden = await app.inject({ url: `/actions/${actionId}`, headers: { cookie: outsider.cookie } });
      expect(hidden.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
