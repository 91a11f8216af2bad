import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import {
  custodyWorklist,
  getCustody,
  receiveIntoCustody,
  recordCustodyStep,
  saveCustodySettings,
} from '../../src/modules/custody/index.ts';
import { createNominal, getTimeline } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { accessLogFor, identity, rejection } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

/**
 * Custody (issue 14): reception → dates → allocation → handover → pre-release checks → release, on
 * the pages' and the API's use cases; late allocation and the checklist reach the custody worklist;
 * bad input and stale versions write nothing.
 */
describeEachDatabase('custody', (getDb) => {
  const db = () => getDb().database;
  let pom: UseCaseContext;
  let practitioner: UseCaseContext;
  let coordinator: UseCaseContext;
  let dtc: UseCaseContext;
  let elsewhere: UseCaseContext;
  let prisonId: string;

  beforeAll(async () => {
    pom = await makeActor(db(), {
      roles: ['prison_offender_manager'],
      areaCode: 'DER',
      displayName: 'Pat Pom',
    });
    practitioner = await makeActor(db(), {
      roles: ['probation_practitioner'],
      areaCode: 'DER',
      displayName: 'Cath Com',
    });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'DER' });
    dtc = await makeActor(db(), { roles: ['dtc_representative'], areaCode: 'DER' });
    elsewhere = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'CUM' });
    prisonId = pom.actor.agencyId;
  });

  const person = async (surname: string) =>
    (await createNominal(db(), practitioner, identity({ forename: 'Carl', surname }))).id;

  const receive = (ctx: UseCaseContext, id: string, extra: Record<string, unknown> = {}) =>
    receiveIntoCustody(db(), ctx, id, {
      establishmentAgencyId: prisonId,
      receivedOn: '2026-06-01',
      recall: false,
      securityCategory: 'C',
      sentenceStartDate: '2026-06-01',
      conditionalReleaseDate: '2027-06-15',
      licenceExpiryDate: '2028-06-01',
      sentenceExpiryDate: '2028-06-01',
      ...extra,
    });

  it('walks reception, allocation, handover, the checklist and release, each on the timeline', async () => {
    const id = await person('Walk');
    const episode = await receive(pom, id);
    let { episodes } = await getCustody(db(), practitioner, id);
    expect(episodes).toHaveLength(1);
    const e = episodes[0]!;
    expect(e.establishment?.id).toBe(prisonId);
    expect(e.earliestRelease).toEqual({ date: '2027-06-15', label: 'conditional release date' });
    // Received 1 June: the POM was due by 11 June (10 days); handover 8.5 months before 15 June 2027.
    expect(e.allocation.map((a) => [a.kind, a.dueOn, a.late])).toEqual([
      ['pom_allocation', '2026-06-11', true],
      ['com_allocation', '2026-09-30', true],
      ['handover', '2026-09-30', true],
    ]);

    const allocated = await recordCustodyStep(db(), pom, id, episode.id, 'allocation', {
      pomEmail: pom.actor.email,
      pomAllocatedOn: '2026-06-20',
      comEmail: practitioner.actor.email,
      comAllocatedOn: '2026-09-01',
      version: episode.version,
    });
    const handedOver = await recordCustodyStep(db(), practitioner, id, episode.id, 'handover', {
      handedOverOn: '2026-09-25',
      threeWay: true,
      version: allocated.version,
    });
    const checked = await recordCustodyStep(db(), practitioner, id, episode.id, 'check', {
      item: 'accommodation',
      status: 'done',
      doneOn: '2026-11-01',
      version: handedOver.version,
    });
    const apNotNeeded = await recordCustodyStep(db(), practitioner, id, episode.id, 'check', {
      item: 'approved_premises',
      status: 'not_needed',
      note: 'Returning to his mother’s home',
      version: checked.version,
    });
    ({ episodes } = await getCustody(db(), coordinator, id));
    const now = episodes[0]!;
    expect(now.pom).toMatchObject({ name: 'Pat Pom', allocatedOn: '2026-06-20' });
    expect(now.com).toMatchObject({ name: 'Cath Com', allocatedOn: '2026-09-01' });
    // The POM came late (20 June, due 11 June); the COM and handover were on time.
    expect(now.allocation.map((a) => a.late)).toEqual([true, false, false]);
    expect(now.handover).toEqual({ on: '2026-09-25', threeWay: true });
    expect(Object.fromEntries(now.checklist.map((c) => [c.item, c.status]))).toEqual({
      accommodation: 'done',
      licence_conditions: 'missing',
      approved_premises: 'not_needed',
      mappa_level: 'missing',
      risk_management_plan: 'missing',
      victim_contact: 'missing',
    });

    const released = await recordCustodyStep(db(), pom, id, episode.id, 'release', {
      releasedOn: TODAY,
      releaseType: 'conditional_release',
      version: apNotNeeded.version,
    });
    expect(released.version).toBe(apNotNeeded.version + 1);
    const after = (await getCustody(db(), practitioner, id)).episodes[0]!;
    expect(after.released).toEqual({ on: TODAY, type: 'Automatic release at the conditional release date' });
    // A released episode takes no more steps; a new reception opens a new one.
    const closed = await rejection(
      recordCustodyStep(db(), pom, id, episode.id, 'move', {
        toAgencyId: prisonId,
        movedOn: TODAY,
        version: released.version,
      }),
      ValidationError,
    );
    expect(Object.values(closed.fieldErrors)).toEqual([
      'This custody episode ended on release: record a new reception',
    ]);

    const timeline = await getTimeline(db(), practitioner, id);
    const summaries = timeline.entries.map((t: { summary: string }) => t.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Received into custody at /),
        'Offender managers allocated (prison and community)',
        'Handed over to the community at a three-way meeting',
        'Pre-release check: release accommodation confirmed — done',
        'Released: automatic release at the conditional release date',
      ]),
    );
    const log = await accessLogFor(db(), id);
    expect(log.filter((l) => l.section === 'custody').map((l) => l.operation)).toEqual(
      expect.arrayContaining(['collection', 'alteration', 'consultation']),
    );
  });

  it('refuses bad input, a second open episode, a stale version and a check that cannot be waived, writing nothing', async () => {
    const id = await person('Refused');
    const bad = await rejection(
      receive(pom, id, {
        establishmentAgencyId: practitioner.actor.agencyId,
        receivedOn: '2099-01-01',
        conditionalReleaseDate: '2026-01-01',
      }),
      ValidationError,
    );
    expect(bad.fieldErrors).toEqual({
      receivedOn: 'Date received must be today or in the past',
      conditionalReleaseDate: 'Conditional release date (CRD) must be on or after the sentence start date',
    });
    const notPrison = await rejection(
      receive(pom, id, { establishmentAgencyId: practitioner.actor.agencyId }),
      ValidationError,
    );
    expect(notPrison.fieldErrors).toEqual({ establishmentAgencyId: 'Select a prison establishment' });
    expect((await getCustody(db(), pom, id)).episodes).toEqual([]);

    const episode = await receive(pom, id);
    const twice = await rejection(receive(pom, id), ValidationError);
    expect(twice.fieldErrors.establishmentAgencyId).toMatch(/already in custody/);

    await recordCustodyStep(db(), pom, id, episode.id, 'details', {
      securityCategory: 'B',
      version: episode.version,
    });
    await rejection(
      recordCustodyStep(db(), pom, id, episode.id, 'details', {
        securityCategory: 'D',
        version: episode.version,
      }),
      ConflictError,
    );
    const waived = await rejection(
      recordCustodyStep(db(), pom, id, episode.id, 'check', {
        item: 'accommodation',
        status: 'not_needed',
        note: 'x',
        version: 2,
      }),
      ValidationError,
    );
    expect(waived.fieldErrors.status).toMatch(/^Only approved premises and victim contact/);
    const current = (await getCustody(db(), pom, id)).episodes[0]!;
    expect(current.securityCategory).toBe('Category B');
    expect(current.version).toBe(2);
  });

  it('keeps custody within scope: a duty-to-co-operate user may not see it, another area finds nothing', async () => {
    const id = await person('Scope');
    await receive(pom, id);
    await rejection(getCustody(db(), dtc, id), ForbiddenError);
    await rejection(getCustody(db(), elsewhere, id), NotFoundError);
    await rejection(receive(dtc, id), ForbiddenError);
  });

  it('lists late allocations and missing checks on the worklists, one row per obligation', async () => {
    const id = await person('Worklist');
    await receive(pom, id, { conditionalReleaseDate: '2027-03-01' });
    const forPrison = await custodyWorklist(db(), pom);
    const mine = forPrison.rows.filter((r) => r.nominalId === id);
    // Handover (1 March 2027 less 8.5 months: 16 June 2026) has passed: all three steps are late,
    // and every pre-release check not done is listed (approved premises and victim contact too,
    // until someone records them as not needed).
    expect(mine.map((r) => r.kind).sort()).toEqual(
      [
        'accommodation',
        'approved_premises',
        'com_allocation',
        'handover',
        'licence_conditions',
        'mappa_level',
        'pom_allocation',
        'risk_management_plan',
        'victim_contact',
      ].sort(),
    );
    expect(mine.find((r) => r.kind === 'handover')).toMatchObject({ dueOn: '2026-06-16', late: true });
    const forArea = await custodyWorklist(db(), coordinator);
    expect(forArea.rows.filter((r) => r.nominalId === id)).toHaveLength(mine.length);
    expect((await custodyWorklist(db(), elsewhere)).rows.some((r) => r.nominalId === id)).toBe(false);
  });

  it('uses the area’s handover setting', async () => {
    const saved = await saveCustodySettings(db(), coordinator, {
      handoverMonthsBeforeRelease: 6,
      pomAllocationDays: 5,
      version: 0,
    });
    expect(saved.version).toBe(1);
    await rejection(
      saveCustodySettings(db(), coordinator, {
        handoverMonthsBeforeRelease: 6.3,
        pomAllocationDays: 5,
        version: 1,
      }),
      ValidationError,
    );
    const id = await person('Setting');
    await receive(pom, id);
    const e = (await getCustody(db(), pom, id)).episodes[0]!;
    expect(e.allocation.map((a) => a.dueOn)).toEqual(['2026-06-06', '2026-12-15', '2026-12-15']);
    await saveCustodySettings(db(), coordinator, {
      handoverMonthsBeforeRelease: 8.5,
      pomAllocationDays: 10,
      version: 1,
    });
  });

  it('serves the same over the API and the pages: 400 problems for bad bodies, the tab and the forms', async () => {
    const id = await person('Api');
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const token = await createServiceToken(db(), testMoment(), pom.actor.userId, 'custody test', null, {
        readOnly: false,
      });
      const headers = { authorization: `Bearer ${token}` };
      const base = `/api/v1/nominals/${id}/custody`;
      const bad = await app.inject({ method: 'POST', url: base, headers, payload: { receivedOn: 'soon' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      const created = await app.inject({
        method: 'POST',
        url: base,
        headers,
        payload: {
          establishmentAgencyId: prisonId,
          receivedOn: '2026-10-01',
          recall: true,
          conditionalReleaseDate: '2027-10-01',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id: episodeId, version } = created.json() as { id: string; version: number };
      const stale = await app.inject({
        method: 'POST',
        url: `${base}/${episodeId}/handover`,
        headers,
        payload: { handedOverOn: '2026-11-01', threeWay: false, version: version + 5 },
      });
      expect(stale.statusCode).toBe(409);
      const got = await app.inject({ url: base, headers });
      expect(got.statusCode).toBe(200);
      expect(got.json()).toMatchObject({
        episodes: [{ id: episodeId, recall: true, handover: null }],
        mayEdit: true,
      });
      const worklist = await app.inject({ url: '/api/v1/custody/worklist', headers });
      expect(worklist.statusCode).toBe(200);
      expect(
        (worklist.json() as { rows: { nominalId: string }[] }).rows.some((r) => r.nominalId === id),
      ).toBe(true);
    } finally {
      await app.close();
    }
  });
});
