import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import {
  custodyWorklist,
  getRotl,
  receiveIntoCustody,
  recordRotlApplication,
  recordRotlStep,
  rotlEpisodesOf,
} from '../../src/modules/custody/index.ts';
import {
  addSectionRow,
  createNominal,
  getNominalSection,
  getTimeline,
} from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { areaWorklist } from '../../src/modules/worklists/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { accessLogFor, identity, rejection } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

/**
 * ROTL (issue 14): an application, its decision and its outcome on the person's custody; the first
 * approved ROTL of a MAPPA case with no level puts them on the area's "on ROTL, no level" list;
 * pending decisions reach the custody worklist; bad input and stale versions write nothing.
 */
describeEachDatabase('custody ROTL', (getDb) => {
  const db = () => getDb().database;
  let pom: UseCaseContext;
  let practitioner: UseCaseContext;
  let coordinator: UseCaseContext;
  let dtc: UseCaseContext;
  let elsewhere: UseCaseContext;

  beforeAll(async () => {
    pom = await makeActor(db(), {
      roles: ['prison_offender_manager'],
      areaCode: 'DER',
      agencyType: 'prison',
    });
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'DER' });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'DER' });
    dtc = await makeActor(db(), { roles: ['dtc_representative'], areaCode: 'DER' });
    elsewhere = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'CUM' });
  });

  /** A Category 2 prisoner (wounding with intent, 3 years) with no level, received into custody. */
  const prisoner = async (surname: string, received = true) => {
    const { id } = await createNominal(db(), practitioner, identity({ forename: 'Rory', surname }));
    await addSectionRow(db(), practitioner, id, 'convictions', {
      offence: 'Wounding or causing grievous bodily harm with intent',
      convictionDate: '2025-06-01',
      outcome: 'custody',
      lengthMonths: 36,
      isIndexOffence: true,
      sentenceStart: '2025-06-01',
      conditionalReleaseDate: addDays(TODAY, 400),
      licenceExpiryDate: '2028-06-01',
      sentenceExpiryDate: '2028-06-01',
    });
    if (received)
      await receiveIntoCustody(db(), pom, id, {
        establishmentAgencyId: pom.actor.agencyId,
        receivedOn: '2025-06-01',
        recall: false,
      });
    return id;
  };

  const application = (start: string, extra: Record<string, unknown> = {}) => ({
    type: 'resettlement_day_release',
    plannedStartOn: start,
    plannedEndOn: start,
    addressLine1: '4 Mill Lane',
    addressTown: 'Derby',
    addressPostcode: 'de1 1aa',
    escorted: false,
    ...extra,
  });
  const approve = (ctx: UseCaseContext, id: string, rotlId: string, version: number) =>
    recordRotlStep(db(), ctx, id, rotlId, 'decision', {
      decision: 'approved',
      decidedBy: 'Gail Grey, governor',
      decidedOn: addDays(TODAY, -5),
      version,
    });
  const firstRotl = async (id: string) =>
    ((await getNominalSection(db(), practitioner, id, 'case-dates')) as { rotlFirstReleaseOn?: unknown })
      .rotlFirstReleaseOn;
  const listIds = async (list: string) =>
    (await areaWorklist(db(), coordinator, { list })).rows.map((r) => r.nominalId);

  it('records an application, its approval and a failed return; the first approved ROTL of a MAPPA case with no level puts them on the ROTL list', async () => {
    const id = await prisoner('Walk');
    const start = addDays(TODAY, -3);
    const rotl = await recordRotlApplication(db(), pom, id, application(start));
    expect(rotl.version).toBe(1);

    // Pending: the custody worklist asks for the decision, and says the level must come first.
    const row = (await custodyWorklist(db(), pom)).rows.find(
      (r) => r.nominalId === id && r.kind === 'rotl_decision',
    );
    expect(row).toMatchObject({ dueOn: start, late: true });
    expect(row?.reason).toMatch(
      /^ROTL decision due: resettlement day release \(RDR\) from .* decide the MAPPA level before it$/,
    );
    expect(await listIds('rotl-no-level')).not.toContain(id);

    const approved = await approve(pom, id, rotl.id, rotl.version);
    expect(approved.version).toBe(2);
    expect(await listIds('rotl-no-level')).toContain(id);
    expect(await firstRotl(id)).toBe(start);
    expect(
      (await custodyWorklist(db(), pom)).rows.some((r) => r.nominalId === id && r.kind === 'rotl_decision'),
    ).toBe(false);

    // A later ROTL approved does not move the first one.
    const later = await recordRotlApplication(
      db(),
      pom,
      id,
      application(addDays(TODAY, 10), {
        type: 'resettlement_overnight_release',
        plannedEndOn: addDays(TODAY, 12),
        escorted: true,
        escortDetails: 'Two officers from the establishment',
      }),
    );
    await approve(pom, id, later.id, later.version);
    expect(await firstRotl(id)).toBe(start);

    const failed = await recordRotlStep(db(), practitioner, id, rotl.id, 'outcome', {
      outcome: 'failed_to_return',
      failures: 'Did not return by 19:00; found at his mother’s address at 23:00 and returned by police.',
      version: approved.version,
    });
    expect(failed.version).toBe(3);
    const events = await db()
      .db.selectFrom('significant_events')
      .select(['type', 'description'])
      .where('nominal_id', '=', id)
      .execute();
    expect(events).toEqual([
      { type: 'rotl_failure', description: 'ROTL (resettlement day release (RDR)): failed to return.' },
    ]);

    const { episodes, inCustody, mayEdit } = await getRotl(db(), coordinator, id);
    expect({ inCustody, mayEdit }).toEqual({ inCustody: true, mayEdit: true });
    expect(episodes.map((e) => e.id)).toEqual([later.id, rotl.id]);
    expect(episodes[1]).toMatchObject({
      type: { code: 'resettlement_day_release', label: 'Resettlement day release (RDR)' },
      address: { line1: '4 Mill Lane', town: 'Derby', postcode: 'DE1 1AA' },
      escorted: false,
      escortDetails: null,
      decision: { status: 'approved', decidedBy: 'Gail Grey, governor', decidedOn: addDays(TODAY, -5) },
      outcome: { code: 'failed_to_return', label: 'Failed to return', failure: true },
    });
    expect(episodes[0]?.escortDetails).toBe('Two officers from the establishment');
    expect(await rotlEpisodesOf(db().db, id)).toEqual(episodes);

    const summaries = (await getTimeline(db(), practitioner, id)).entries.map(
      (t: { summary: string }) => t.summary,
    );
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ROTL applied for: resettlement day release \(RDR\), \d+ November 2026$/),
        expect.stringMatching(/^ROTL approved: resettlement day release \(RDR\)/),
        expect.stringMatching(/^ROTL outcome: failed to return \(resettlement day release/),
        'Case dates updated: first release on temporary licence (ROTL), from the approved ROTL episodes',
      ]),
    );
    const log = await accessLogFor(db(), id);
    const rotlLog = log.filter((l) => l.section === 'custody ROTL');
    expect(rotlLog.map((l) => l.operation)).toEqual(
      expect.arrayContaining(['collection', 'alteration', 'consultation']),
    );
    expect(log.some((l) => l.section === 'case-dates' && l.operation === 'alteration')).toBe(true);
  });

  it('refuses bad input, a person not in custody, a stale version and a second decision, writing nothing', async () => {
    const id = await prisoner('Refused');
    const bad = await rejection(
      recordRotlApplication(
        db(),
        pom,
        id,
        application(addDays(TODAY, 5), {
          plannedEndOn: addDays(TODAY, 4),
          escorted: true,
          addressPostcode: 'nope',
        }),
      ),
      ValidationError,
    );
    expect(bad.fieldErrors).toEqual({
      plannedEndOn: 'Planned return must be on or after the planned start',
      addressPostcode: expect.any(String),
      escortDetails: 'Say who escorts the person (agency and number of staff)',
    });
    expect(Object.keys(bad.fieldErrors)).toEqual(['plannedEndOn', 'addressPostcode', 'escortDetails']);
    expect((await getRotl(db(), pom, id)).episodes).toEqual([]);

    const outside = await prisoner('Outside', false);
    const notIn = await rejection(
      recordRotlApplication(db(), pom, outside, application(TODAY)),
      ValidationError,
    );
    expect(notIn.fieldErrors).toEqual({
      type: 'This person is not in custody: record a reception into custody first',
    });
    expect(await rotlEpisodesOf(db().db, outside)).toEqual([]);

    const rotl = await recordRotlApplication(db(), pom, id, application(addDays(TODAY, 5)));
    const early = await rejection(
      recordRotlStep(db(), pom, id, rotl.id, 'outcome', { outcome: 'completed', version: 1 }),
      ValidationError,
    );
    expect(early.fieldErrors).toEqual({ outcome: 'Only an approved ROTL has an outcome' });
    const noReason = await rejection(
      recordRotlStep(db(), pom, id, rotl.id, 'decision', {
        decision: 'refused',
        decidedBy: 'Gail Grey',
        decidedOn: TODAY,
        version: 1,
      }),
      ValidationError,
    );
    expect(noReason.fieldErrors).toEqual({ reason: 'Say why ROTL was refused' });
    const refused = await recordRotlStep(db(), pom, id, rotl.id, 'decision', {
      decision: 'refused',
      decidedBy: 'Gail Grey',
      decidedOn: TODAY,
      reason: 'The address is near the victim’s workplace',
      version: 1,
    });
    await rejection(approve(pom, id, rotl.id, 1), ConflictError);
    const twice = await rejection(approve(pom, id, rotl.id, refused.version), ValidationError);
    expect(twice.fieldErrors).toEqual({ decision: 'This ROTL has been decided already' });
    await rejection(
      recordRotlStep(db(), pom, id, '00000000-0000-4000-8000-000000000000', 'decision', {}),
      NotFoundError,
    );

    const [stored] = await getRotl(db(), pom, id).then((r) => r.episodes);
    expect(stored).toMatchObject({
      version: 2,
      decision: { status: 'refused', reason: 'The address is near the victim’s workplace' },
      outcome: null,
    });
    // A refusal sets no first ROTL date.
    expect(await firstRotl(id)).toBeNull();
  });

  it('keeps ROTL within scope: a duty-to-co-operate user may not see or record it, another area finds nothing', async () => {
    const id = await prisoner('Scope');
    const rotl = await recordRotlApplication(db(), pom, id, application(addDays(TODAY, 5)));
    await rejection(getRotl(db(), dtc, id), ForbiddenError);
    await rejection(recordRotlApplication(db(), dtc, id, application(TODAY)), ForbiddenError);
    await rejection(approve(dtc, id, rotl.id, 1), ForbiddenError);
    await rejection(getRotl(db(), elsewhere, id), NotFoundError);
    // Out of scope is "not found" whatever the input: the rules across fields are not even read.
    await rejection(recordRotlApplication(db(), elsewhere, id, { plannedStartOn: 'soon' }), NotFoundError);
    await rejection(approve(elsewhere, id, rotl.id, 99), NotFoundError);
    expect((await getRotl(db(), pom, id)).episodes.map((e) => e.version)).toEqual([1]);
  });

  it('serves the same over the API: 400 problems for bad bodies, 201, 409 on a stale version', async () => {
    const id = await prisoner('Api');
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const token = await createServiceToken(db(), testMoment(), pom.actor.userId, 'rotl test', null, {
        readOnly: false,
      });
      const headers = { authorization: `Bearer ${token}` };
      const base = `/api/v1/nominals/${id}/custody/rotl`;
      const bad = await app.inject({
        method: 'POST',
        url: base,
        headers,
        payload: { plannedStartOn: 'soon' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      const created = await app.inject({ method: 'POST', url: base, headers, payload: application(TODAY) });
      expect(created.statusCode, created.body).toBe(201);
      const { id: rotlId, version } = created.json() as { id: string; version: number };
      const decision = {
        decision: 'approved',
        decidedBy: 'Gail Grey, governor',
        decidedOn: TODAY,
      };
      const stale = await app.inject({
        method: 'POST',
        url: `${base}/${rotlId}/decision`,
        headers,
        payload: { ...decision, version: version + 5 },
      });
      expect(stale.statusCode).toBe(409);
      const decided = await app.inject({
        method: 'POST',
        url: `${base}/${rotlId}/decision`,
        headers,
        payload: { ...decision, version },
      });
      expect(decided.statusCode, decided.body).toBe(200);
      const got = await app.inject({ url: base, headers });
      expect(got.statusCode).toBe(200);
      expect(got.json()).toMatchObject({
        episodes: [{ id: rotlId, version: 2, decision: { status: 'approved' } }],
        inCustody: true,
        mayEdit: true,
      });
    } finally {
      await app.close();
    }
  });
});
