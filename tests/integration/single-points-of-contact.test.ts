import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { ValidationError } from '../../src/domain/errors.ts';
import { addAction } from '../../src/modules/actions/index.ts';
import { getAreaSettings, updateAreaSettings } from '../../src/modules/levels/index.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, ensureAgency, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock } from '../support/clock.ts';
import { addDays } from '../../src/domain/dates.ts';

process.env.VIGIL_LOG = 'silent';

const SETTINGS = {
  level2ReviewWeeks: 16,
  level3ReviewWeeks: 8,
  significantEventReviewDays: 10,
  countersignatureRequired: false,
};

/** Actions for people without a Vigil account reach their agency's single point of contact, or are refused (issue 13). */
describeEachDatabase('single points of contact', (getDb) => {
  const db = () => getDb().database;
  let app: FastifyInstance;
  let coordinator: UseCaseContext;
  let housingRep: UseCaseContext;
  let probationOfficer: UseCaseContext;
  let housing: { id: string; name: string };

  beforeAll(async () => {
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'CUM' });
    probationOfficer = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'CUM' });
    housingRep = await makeActor(db(), {
      roles: ['dtc_representative'],
      areaCode: 'CUM',
      agencyType: 'housing',
    });
    housing = await ensureAgency(db(), 'CUM', 'housing');
    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  const forTenancyOfficer = (ownerName = 'Pat Tenancy') => ({
    description: 'Check the tenancy conditions with the landlord',
    pillar: 'supervision',
    ownerAgencyId: housing.id,
    ownerName,
    dueOn: addDays(TODAY, 14),
  });
  const inbox = (userId: string) =>
    db().db.selectFrom('notifications').select(['subject', 'body']).where('user_id', '=', userId).execute();

  it('refuses an action for a person without an account when their agency has no single point of contact', async () => {
    const { id } = await createNominal(
      db(),
      coordinator,
      identity({ forename: 'Ned', surname: 'Nocontact' }),
    );
    const refused = await rejection(addAction(db(), coordinator, id, forTenancyOfficer()), ValidationError);
    expect(refused.fieldErrors).toEqual({
      ownerName: `${housing.name} has no single point of contact in this area: assign the action to a Vigil user, or ask the coordinator to set one`,
    });
    const written = await db().db.selectFrom('actions').select('id').where('nominal_id', '=', id).execute();
    expect(written).toEqual([]);
  });

  it('sets an agency’s single point of contact in the area settings, refusing someone of another agency', async () => {
    const wrong = await rejection(
      updateAreaSettings(db(), coordinator, {
        ...SETTINGS,
        singlePointsOfContact: [{ agencyId: housing.id, userId: probationOfficer.actor.userId }],
      }),
      ValidationError,
    );
    expect(wrong.fieldErrors[`singlePointsOfContact.${housing.id}`]).toBe(
      `The single point of contact must be a Vigil user of ${housing.name}`,
    );
    await updateAreaSettings(db(), coordinator, {
      ...SETTINGS,
      singlePointsOfContact: [{ agencyId: housing.id, userId: housingRep.actor.userId }],
    });
    expect((await getAreaSettings(db(), coordinator)).singlePointsOfContact).toEqual([
      {
        agencyId: housing.id,
        agencyName: housing.name,
        userId: housingRep.actor.userId,
        userName: housingRep.actor.displayName,
      },
    ]);
    // Settings saved without the list keep it.
    await updateAreaSettings(db(), coordinator, SETTINGS);
    expect((await getAreaSettings(db(), coordinator)).singlePointsOfContact).toHaveLength(1);
  });

  it('tells the single point of contact who the action is for', async () => {
    const { id } = await createNominal(db(), coordinator, identity({ forename: 'Ada', surname: 'Passedon' }));
    const before = (await inbox(housingRep.actor.userId)).length;
    await addAction(db(), coordinator, id, forTenancyOfficer('Pat Tenancy'));
    const received = (await inbox(housingRep.actor.userId)).slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toContain('For Pat Tenancy, who has no Vigil account');
    expect(received[0]!.body).toContain('Check the tenancy conditions with the landlord');
  });

  it('shows and saves the choice on the area settings page', async () => {
    const { cookie } = await signInWithPages(app, {
      email: coordinator.actor.email,
      password: TEST_PASSWORD,
    });
    const page = await app.inject({ method: 'GET', url: '/area-settings', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Single points of contact');
    expect(page.body).toMatch(new RegExp(`value="${housingRep.actor.userId}" selected`));
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cleared = await app.inject({
      method: 'POST',
      url: '/area-settings',
      headers: { cookie },
      payload: {
        _csrf: csrf,
        level2ReviewWeeks: '16',
        level3ReviewWeeks: '8',
        significantEventReviewDays: '10',
        countersignatureRequired: 'no',
        screeningRoute: 'coordinator',
        [`spoc-${housing.id}`]: '',
      },
    });
    expect(cleared.statusCode).toBe(303);
    expect((await getAreaSettings(db(), coordinator)).singlePointsOfContact).toEqual([]);
  });
});
