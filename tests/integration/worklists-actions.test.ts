import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays } from '../../src/domain/dates.ts';
import { addAction, updateAction } from '../../src/modules/actions/index.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { areaWorklist, myWorklist, worklistCsv } from '../../src/modules/worklists/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { fixedClock } from '../../src/clock.ts';

describeEachDatabase('overdue actions on worklists', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let police: UseCaseContext;
  let otherOfficer: UseCaseContext;
  let coordinator: UseCaseContext;
  let otherCoordinator: UseCaseContext;
  let nominalId: string;
  let actionId: string;
  const DUE = addDays(TODAY, 3);
  /** The same people on a later day (dates via ctx.today, never the clock). */
  const on = (ctx: UseCaseContext, today: string): UseCaseContext => ({ ...ctx, today });

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOR' });
    police = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'NOR' });
    otherOfficer = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'NOR' });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'NOR' });
    otherCoordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'GLO' });
    nominalId = (await createNominal(db(), practitioner, identity({ forename: 'Olly', surname: 'Overdue' })))
      .id;
    actionId = (
      await addAction(db(), coordinator, nominalId, {
        description: 'Check the exclusion zone with the victim liaison officer',
        pillar: 'victim_safety_planning',
        safeguarding: true,
        ownerAgencyId: police.actor.agencyId,
        ownerUserId: police.actor.userId,
        dueOn: DUE,
      })
    ).id;
  });

  const mineOn = async (ctx: UseCaseContext, today: string) =>
    (await myWorklist(db(), on(ctx, today))).overdueActions.map((r) => r.actionId);
  const areaOn = async (ctx: UseCaseContext, today: string) => {
    const result = await areaWorklist(db(), on(ctx, today), { list: 'overdue-actions' });
    return {
      ids: result.rows.map((r) => r.actionId),
      count: result.lists.find((l) => l.key === 'overdue-actions')!.count,
      total: result.total,
      rows: result.rows,
    };
  };

  it('is not on any worklist before it is overdue, nor on its due date', async () => {
    expect(await mineOn(police, TODAY)).not.toContain(actionId);
    expect(await mineOn(police, DUE)).not.toContain(actionId);
    expect((await areaOn(coordinator, DUE)).ids).not.toContain(actionId);
  });

  it('appears on its owner’s worklist, and nobody else’s, the day after it was due', async () => {
    const after = addDays(DUE, 1);
    expect(await mineOn(police, after)).toEqual([actionId]);
    const row = (await myWorklist(db(), on(police, after))).overdueActions[0]!;
    expect(row).toMatchObject({ nominalId, kind: 'action', dueOn: DUE, overdue: true, name: 'Olly Overdue' });
    expect(row.reason).toBe(
      `Overdue action (safeguarding): Check the exclusion zone with the victim liaison officer – owner ${police.actor.displayName} (${police.actor.agencyName})`,
    );
    expect(await mineOn(otherOfficer, after)).toEqual([]);
    expect(await mineOn(practitioner, after)).toEqual([]);
  });

  it('appears on the area’s “Overdue actions” list, counted, and in its CSV; not in another area', async () => {
    const after = addDays(DUE, 1);
    const before = await areaOn(coordinator, DUE);
    const area = await areaOn(coordinator, after);
    expect(area.ids).toContain(actionId);
    expect(area.count).toBe(before.count + 1);
    expect(area.total).toBe(area.count);
    const csv = worklistCsv(area.rows);
    expect(csv.split('\r\n')[0]).toBe(
      '"Vigil reference","Name","Date of birth","Category","Level","In custody","Obligation","Due","Overdue","Why","Legal basis","Managers"',
    );
    expect(csv).toContain('"Overdue action (safeguarding): Check the exclusion zone');
    expect((await areaOn(otherCoordinator, after)).ids).not.toContain(actionId);
    // The other nine lists still count as before.
    const lists = (await areaWorklist(db(), on(coordinator, after), { list: 'no-level' })).lists.map(
      (l) => l.key,
    );
    expect(lists).toHaveLength(10);
    expect(lists.at(-1)).toBe('overdue-actions');
  });

  it('puts a duty-to-co-operate agency’s unassigned overdue action on its representatives’ worklists', async () => {
    const rep = await makeActor(db(), {
      roles: ['dtc_representative'],
      areaCode: 'NOR',
      agencyType: 'housing',
    });
    const { id } = await addAction(db(), coordinator, nominalId, {
      description: 'Confirm the hostel place',
      pillar: 'contingency',
      ownerAgencyId: rep.actor.agencyId,
      dueOn: DUE,
    });
    expect(await mineOn(rep, DUE)).toEqual([]);
    expect(await mineOn(rep, addDays(DUE, 1))).toEqual([id]);
    // A probation practitioner is not told of every unassigned action of their agency.
    expect(await mineOn(practitioner, addDays(DUE, 1))).toEqual([]);
    await updateAction(db(), rep, id, { status: 'completed', version: 1 });
    expect(await mineOn(rep, addDays(DUE, 1))).toEqual([]);
  });

  it('leaves both worklists once the action is completed', async () => {
    const after = addDays(DUE, 2);
    await updateAction(db(), on(police, after), actionId, {
      note: 'Zone checked and agreed',
      status: 'completed',
      version: 1,
    });
    expect(await mineOn(police, after)).toEqual([]);
    expect((await areaOn(coordinator, after)).ids).not.toContain(actionId);
  });

  it('shows overdue actions on the pages and CSVs of both worklists', async () => {
    process.env.VIGIL_LOG = 'silent';
    const id = (await createNominal(db(), practitioner, identity({ forename: 'Paige', surname: 'Pages' })))
      .id;
    const late = await addAction(db(), coordinator, id, {
      description: 'Share the licence conditions with the school',
      pillar: 'supervision',
      ownerAgencyId: police.actor.agencyId,
      ownerUserId: police.actor.userId,
      dueOn: TODAY,
    });
    const later = new Date(`${addDays(TODAY, 5)}T12:00:00Z`);
    const app = await buildApp({ clock: fixedClock(later), database: db(), config: { trustProxy: false } });
    try {
      const owner = await signInWithPages(app, {
        email: police.actor.email,
        password: TEST_PASSWORD,
        now: () => later,
      });
      const mine = await app.inject({ url: '/worklists/mine', headers: { cookie: owner.cookie } });
      expect(mine.statusCode).toBe(200);
      expect(mine.body).toContain('Your overdue actions');
      expect(mine.body).toContain(`href="/actions/${late.id}"`);
      const mineCsv = await app.inject({ url: '/worklists/mine.csv', headers: { cookie: owner.cookie } });
      expect(mineCsv.body).toContain('Share the licence conditions with the school');
      const unit = await signInWithPages(app, {
        email: coordinator.actor.email,
        password: TEST_PASSWORD,
        now: () => later,
      });
      const area = await app.inject({
        url: '/worklists/area?list=overdue-actions',
        headers: { cookie: unit.cookie },
      });
      expect(area.statusCode).toBe(200);
      expect(area.body).toMatch(/Overdue actions \(\d+\)/);
      expect(area.body).toContain(`href="/actions/${late.id}"`);
      const areaCsv = await app.inject({
        url: '/worklists/area.csv?list=overdue-actions',
        headers: { cookie: unit.cookie },
      });
      expect(areaCsv.statusCode).toBe(200);
      expect(areaCsv.headers['content-disposition']).toMatch(/area-worklist-overdue-actions-/);
      expect(areaCsv.body).toContain('Share the licence conditions with the school');
    } finally {
      await app.close();
    }
  });
});
