import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { ValidationError } from '../../src/domain/errors.ts';
import {
  getAreaSettings,
  screeningRoute,
  standingPanel,
  updateAreaSettings,
} from '../../src/modules/levels/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, describeEachDatabase, makeActor } from '../support/databases.ts';
import { rejection } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock, testMoment } from '../support/clock.ts';

const SETTINGS = {
  level2ReviewWeeks: 16,
  level3ReviewWeeks: 8,
  significantEventReviewDays: 10,
  countersignatureRequired: false,
};

describeEachDatabase('area settings: screening route and standing panel', (getDb) => {
  const db = () => getDb().database;
  let coordinator: UseCaseContext;

  beforeAll(async () => {
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'AVS' });
  });

  const agencyOf = async (area: string, name: string) =>
    (
      await db()
        .db.selectFrom('agencies')
        .select('id')
        .where('area_code', '=', area)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;

  it('without a configured panel, the default is one agency of each recommendation 9 type (mental health for health)', async () => {
    expect(await screeningRoute(db().db, 'BED')).toBe('coordinator');
    const panel = await standingPanel(db().db, 'AVS');
    expect(panel.map((a) => a.type)).toEqual([
      'police',
      'probation',
      'prison',
      'childrens_social_care',
      'health',
      'housing',
    ]);
    expect(panel.find((a) => a.type === 'health')!.name).toBe(
      'Avon and Wiltshire Mental Health Partnership NHS Trust',
    );
    expect(panel.find((a) => a.type === 'police')!.name).toBe('Avon and Somerset Constabulary');
  });

  it('saves the screening route and the standing panel with the other settings', async () => {
    const police = await agencyOf('AVS', 'Avon and Somerset Constabulary');
    const mentalHealth = await agencyOf('AVS', 'Avon and Wiltshire Mental Health Partnership NHS Trust');
    const saved = await updateAreaSettings(db(), coordinator, {
      ...SETTINGS,
      screeningRoute: 'joint',
      standingPanelAgencyIds: [mentalHealth, police],
    });
    expect(saved).toMatchObject({ screeningRoute: 'joint', standingPanelConfigured: true });
    expect(await screeningRoute(db().db, 'AVS')).toBe('joint');
    expect((await standingPanel(db().db, 'AVS')).map((a) => a.agencyId)).toEqual([police, mentalHealth]);

    // Omitted (an older API client): both kept.
    await updateAreaSettings(db(), coordinator, { ...SETTINGS, level2ReviewWeeks: 12 });
    const kept = await getAreaSettings(db(), coordinator);
    expect(kept).toMatchObject({
      level2ReviewWeeks: 12,
      screeningRoute: 'joint',
      standingPanelConfigured: true,
    });

    // Bad input: nothing written.
    const elsewhere = await agencyOf('GLO', 'Gloucestershire Constabulary');
    const error = await rejection(
      updateAreaSettings(db(), coordinator, {
        ...SETTINGS,
        screeningRoute: 'whoever',
        standingPanelAgencyIds: [elsewhere],
      }),
      ValidationError,
    );
    expect(error.fieldErrors).toMatchObject({
      screeningRoute: 'Select how referrals are screened',
      standingPanelAgencyIds: 'Select agencies of your own area from the list',
    });
    expect((await standingPanel(db().db, 'AVS')).map((a) => a.agencyId)).toEqual([police, mentalHealth]);

    // An empty panel means the default again.
    await updateAreaSettings(db(), coordinator, {
      ...SETTINGS,
      screeningRoute: 'coordinator',
      standingPanelAgencyIds: [],
    });
    expect((await getAreaSettings(db(), coordinator)).standingPanelConfigured).toBe(false);
    expect(await standingPanel(db().db, 'AVS')).toHaveLength(6);
  });

  it('the settings page saves the route and the ticked agencies; the API reads them back', async () => {
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const signedIn = await signInWithPages(app, {
        email: coordinator.actor.email,
        password: TEST_PASSWORD,
      });
      const headers = { cookie: signedIn.cookie };
      const page = await app.inject({ url: '/area-settings', headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Who screens referrals to Level 2 and 3?');
      expect(page.body).toContain('Children’s social care');
      const housing = await agencyOf('AVS', 'Bristol City Council – Housing Options');
      const saved = await app.inject({
        method: 'POST',
        url: '/area-settings',
        headers,
        payload: {
          _csrf: signedIn.csrfToken,
          level2ReviewWeeks: '16',
          level3ReviewWeeks: '8',
          significantEventReviewDays: '10',
          countersignatureRequired: 'no',
          screeningRoute: 'panel',
          standingPanelAgencyIds: housing,
        },
      });
      expect(saved.statusCode).toBe(303);
      expect(await screeningRoute(db().db, 'AVS')).toBe('panel');
      const token = await createServiceToken(db(), testMoment(), coordinator.actor.userId, 'settings', null, {
        readOnly: false,
      });
      const api = await app.inject({
        url: '/api/v1/area-settings',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(api.json()).toMatchObject({
        screeningRoute: 'panel',
        standingPanelConfigured: true,
        standingPanel: [{ agencyId: housing, type: 'housing' }],
      });
      const again = await app.inject({ url: '/area-settings', headers });
      expect(again.body).toMatch(new RegExp(`value="${housing}" checked`));
      const bad = await app.inject({
        method: 'POST',
        url: '/area-settings',
        headers,
        payload: {
          _csrf: signedIn.csrfToken,
          ...SETTINGS,
          countersignatureRequired: 'no',
          screeningRoute: 'x',
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Select how referrals are screened');
    } finally {
      await updateAreaSettings(db(), coordinator, {
        ...SETTINGS,
        screeningRoute: 'coordinator',
        standingPanelAgencyIds: [],
      });
      await app.close();
    }
  });
});
