import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import {
  custodyWorklist,
  internalRiskMeetings,
  markIrmmActionDone,
  receiveIntoCustody,
  recordInternalRiskMeeting,
} from '../../src/modules/custody/index.ts';
import { createNominal, getTimeline } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { accessLogFor, identity, rejection } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

/**
 * Internal risk management meetings (issue 14): recorded with attendees, outcome and actions; an
 * action marked done at the version read (409 when stale); bad input writes nothing; overdue
 * actions reach the custody worklist; duty-to-co-operate users never see them; every read and
 * write is in the access log.
 */
describeEachDatabase('internal risk management meetings', (getDb) => {
  const db = () => getDb().database;
  let pom: UseCaseContext;
  let practitioner: UseCaseContext;
  let dtc: UseCaseContext;
  let elsewhere: UseCaseContext;
  let prisonId: string;

  beforeAll(async () => {
    pom = await makeActor(db(), { roles: ['prison_offender_manager'], areaCode: 'NTH' });
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NTH' });
    dtc = await makeActor(db(), { roles: ['dtc_representative'], areaCode: 'NTH' });
    elsewhere = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'CUM' });
    prisonId = pom.actor.agencyId;
  });

  const prisoner = async (surname: string) => {
    const id = (await createNominal(db(), practitioner, identity({ forename: 'Ian', surname }))).id;
    await receiveIntoCustody(db(), pom, id, {
      establishmentAgencyId: prisonId,
      receivedOn: '2026-03-01',
      recall: false,
    });
    return id;
  };

  const meeting = (extra: Record<string, unknown> = {}) => ({
    heldOn: addDays(TODAY, -10),
    establishmentAgencyId: prisonId,
    attendees: [
      { name: 'Gail Governor', role: 'Governor, HMP', attended: true },
      { name: 'Sam Security', role: 'Security department', attended: true },
      { name: 'Cath Com', role: 'Community offender manager, probation', attended: false },
    ],
    custodyBehaviour: 'Two proven adjudications for threatening staff.',
    riskConcerns: 'Letters to the victim’s sister.',
    decisions: 'Refer to the public protection lead; review mail monitoring.',
    actions: [
      { description: 'Check the mail log', ownerName: 'Sam Security', dueOn: addDays(TODAY, -2) },
      { description: 'Tell the COM', ownerName: 'Gail Governor', dueOn: addDays(TODAY, 14) },
    ],
    ...extra,
  });

  it('records a meeting with attendees, outcome and actions, on the timeline and in the access log', async () => {
    const id = await prisoner('Recorded');
    const { id: meetingId } = await recordInternalRiskMeeting(db(), pom, id, meeting());
    const seen = await internalRiskMeetings(db(), practitioner, id);
    expect(seen.mayEdit).toBe(true);
    expect(seen.meetings).toHaveLength(1);
    const m = seen.meetings[0]!;
    expect(m).toMatchObject({
      id: meetingId,
      heldOn: addDays(TODAY, -10),
      establishment: { id: prisonId },
      decisions: 'Refer to the public protection lead; review mail monitoring.',
    });
    expect(m.attendees.map((a) => [a.name, a.attended])).toEqual([
      ['Gail Governor', true],
      ['Sam Security', true],
      ['Cath Com', false],
    ]);
    expect(m.actions.map((a) => [a.description, a.overdue, a.doneOn])).toEqual([
      ['Check the mail log', true, null],
      ['Tell the COM', false, null],
    ]);

    // The overdue action is on the custody worklist of the establishment.
    const worklist = await custodyWorklist(db(), pom);
    const rows = worklist.rows.filter((r) => r.nominalId === id && r.kind === 'irmm_action');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dueOn: addDays(TODAY, -2), late: true });
    expect(rows[0]!.reason).toMatch(/Sam Security: Check the mail log$/);

    const overdue = m.actions[0]!;
    const done = await markIrmmActionDone(db(), pom, id, meetingId, overdue.id, { version: overdue.version });
    expect(done.version).toBe(overdue.version + 1);
    const after = (await internalRiskMeetings(db(), pom, id)).meetings[0]!.actions[0]!;
    expect(after).toMatchObject({ doneOn: TODAY, overdue: false });
    expect(
      (await custodyWorklist(db(), pom)).rows.some((r) => r.nominalId === id && r.kind === 'irmm_action'),
    ).toBe(false);

    const summaries = (await getTimeline(db(), practitioner, id)).entries.map(
      (t: { summary: string }) => t.summary,
    );
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Internal risk management meeting held at .* recorded \(2 actions agreed\)$/),
        'Internal risk management meeting action done: Check the mail log',
      ]),
    );
    const log = (await accessLogFor(db(), id)).filter(
      (l) => l.section === 'internal risk management meetings',
    );
    expect(log.map((l) => l.operation)).toEqual(
      expect.arrayContaining(['collection', 'consultation', 'alteration']),
    );
  });

  it('refuses a stale version (409) and an action already done', async () => {
    const id = await prisoner('Stale');
    const { id: meetingId } = await recordInternalRiskMeeting(db(), pom, id, meeting());
    const action = (await internalRiskMeetings(db(), pom, id)).meetings[0]!.actions[1]!;
    await rejection(
      markIrmmActionDone(db(), pom, id, meetingId, action.id, { version: action.version + 1 }),
      ConflictError,
    );
    await markIrmmActionDone(db(), practitioner, id, meetingId, action.id, { version: action.version });
    await rejection(
      markIrmmActionDone(db(), pom, id, meetingId, action.id, { version: action.version }),
      ConflictError,
    );
    const again = await rejection(
      markIrmmActionDone(db(), pom, id, meetingId, action.id, { version: action.version + 1 }),
      ValidationError,
    );
    expect(again.fieldErrors.version).toBe('This action is already done');
    // Another person's meeting does not hold this action.
    const other = await prisoner('Other');
    await rejection(
      markIrmmActionDone(db(), pom, other, meetingId, action.id, { version: action.version + 1 }),
      NotFoundError,
    );
  });

  it('writes nothing on bad input, each problem named', async () => {
    const id = await prisoner('Bad');
    const bad = await rejection(
      recordInternalRiskMeeting(db(), pom, id, {
        heldOn: 'yesterday',
        establishmentAgencyId: prisonId,
        attendees: [{ name: '', role: 'Governor', attended: true }],
        decisions: '',
      }),
      ValidationError,
    );
    expect(bad.fieldErrors).toMatchObject({
      heldOn: 'Date of the meeting must be a real date',
      'attendees.0.name': 'Enter the name',
      decisions: 'Enter the decisions',
    });
    const none = await rejection(
      recordInternalRiskMeeting(db(), pom, id, meeting({ attendees: [] })),
      ValidationError,
    );
    expect(none.fieldErrors.attendees).toBe('Add at least one person who attended or sent apologies');
    const rules = await rejection(
      recordInternalRiskMeeting(
        db(),
        pom,
        id,
        meeting({
          heldOn: addDays(TODAY, 1),
          establishmentAgencyId: practitioner.actor.agencyId,
          actions: [{ description: 'Too soon', ownerName: 'A', dueOn: addDays(TODAY, -30) }],
        }),
      ),
      ValidationError,
    );
    expect(rules.fieldErrors).toEqual({
      heldOn: 'Date of the meeting must be today or in the past',
      establishmentAgencyId: 'Select a prison establishment',
      'actions.0.dueOn': 'Due date must be on or after the date of the meeting',
    });
    expect((await internalRiskMeetings(db(), pom, id)).meetings).toEqual([]);
    const rowsOf = async (table: 'internal_risk_meetings') =>
      (await db().db.selectFrom(table).select('id').where('nominal_id', '=', id).execute()).length;
    expect(await rowsOf('internal_risk_meetings')).toBe(0);
  });

  it('is never shown to duty-to-co-operate users, and is out of scope elsewhere', async () => {
    const id = await prisoner('Scope');
    const { id: meetingId } = await recordInternalRiskMeeting(db(), pom, id, meeting());
    await rejection(internalRiskMeetings(db(), dtc, id), ForbiddenError);
    await rejection(recordInternalRiskMeeting(db(), dtc, id, meeting()), ForbiddenError);
    await rejection(internalRiskMeetings(db(), elsewhere, id), NotFoundError);
    // Out of scope is "not found" whatever the input.
    await rejection(
      recordInternalRiskMeeting(db(), elsewhere, id, meeting({ heldOn: '2099-01-01' })),
      NotFoundError,
    );
    await rejection(
      markIrmmActionDone(db(), elsewhere, id, meetingId, meetingId, { version: 1 }),
      NotFoundError,
    );
  });

  it('serves the same over the API: 201, 400 problems, 409 on a stale version, 403 for DTC', async () => {
    const id = await prisoner('Api');
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const tokenOf = async (ctx: UseCaseContext) =>
        createServiceToken(db(), testMoment(), ctx.actor.userId, 'irmm test', null, { readOnly: false });
      const headers = { authorization: `Bearer ${await tokenOf(pom)}` };
      const base = `/api/v1/nominals/${id}/custody/irmm`;
      const bad = await app.inject({ method: 'POST', url: base, headers, payload: { heldOn: 'soon' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      const created = await app.inject({ method: 'POST', url: base, headers, payload: meeting() });
      expect(created.statusCode, created.body).toBe(201);
      const got = await app.inject({ url: base, headers });
      expect(got.statusCode).toBe(200);
      const view = got.json() as { meetings: { id: string; actions: { id: string; version: number }[] }[] };
      const m = view.meetings[0]!;
      const action = m.actions[0]!;
      const doneUrl = `${base}/${m.id}/actions/${action.id}/done`;
      const stale = await app.inject({
        method: 'POST',
        url: doneUrl,
        headers,
        payload: { version: action.version + 3 },
      });
      expect(stale.statusCode).toBe(409);
      const done = await app.inject({
        method: 'POST',
        url: doneUrl,
        headers,
        payload: { version: action.version },
      });
      expect(done.statusCode, done.body).toBe(200);
      const dtcHeaders = { authorization: `Bearer ${await tokenOf(dtc)}` };
      expect((await app.inject({ url: base, headers: dtcHeaders })).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});
