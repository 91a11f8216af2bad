import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { getLevelHistory } from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal, getTimeline } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { considerCategory3 } from '../../src/modules/worklists/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/** A Category 3 consideration is read back: on the timeline, in the level history, over the API. */
describeEachDatabase('Category 3 considerations, readable', (getDb) => {
  let app: FastifyInstance;
  let coordinator: UseCaseContext;
  let token: string;
  let id: string;
  const reason = 'MARAC is managing it well; reconsider if anything changes.';

  beforeAll(async () => {
    const { database } = getDb();
    const practitioner = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'NOR' });
    coordinator = await makeActor(database, { roles: ['mappa_coordinator'], areaCode: 'NOR' });
    token = await createServiceToken(database, testMoment(), coordinator.actor.userId, 'test', null, {
      readOnly: true,
    });
    id = (await createNominal(database, practitioner, identity({ forename: 'Dana', surname: 'Considered' })))
      .id;
    await addSectionRow(database, practitioner, id, 'markers', {
      type: 'domestic_abuse',
      startDate: '2025-01-01',
    });
    await addSectionRow(database, practitioner, id, 'risk-assessments', {
      assessedOn: '2026-10-01',
      assessor: 'OASys',
      roshOverall: 'HIGH',
      roshKnownAdult: 'HIGH',
    });
    await considerCategory3(database, coordinator, id, { outcome: 'not_needed', reason });
    app = await buildApp({ clock: testClock, database, config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('puts the consideration on the person’s timeline, with who made it', async () => {
    const timeline = await getTimeline(getDb().database, coordinator, id);
    const entry = timeline.entries.find((e) => e.summary.startsWith('Category 3 considered'));
    expect(entry?.summary).toBe('Category 3 considered: category 3 not needed');
    expect(entry?.by).toBe(coordinator.actor.displayName);
  });

  it('shows it in the level history, which the levels page shows', async () => {
    const history = await getLevelHistory(getDb().database, coordinator, id);
    expect(history.category3Considerations).toEqual([
      expect.objectContaining({
        outcome: 'not_needed',
        outcomeLabel: 'Category 3 not needed',
        reason,
        consideredBy: coordinator.actor.displayName,
      }),
    ]);
  });

  it('answers it over the API, in its own list and in the level history', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/nominals/${id}/category-3-considerations`,
      headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().considerations).toEqual([
      expect.objectContaining({ outcome: 'not_needed', reason, consideredBy: coordinator.actor.displayName }),
    ]);
    const levels = await app.inject({ method: 'GET', url: `/api/v1/nominals/${id}/levels`, headers });
    expect(levels.json().category3Considerations[0].reason).toBe(reason);
  });
});
