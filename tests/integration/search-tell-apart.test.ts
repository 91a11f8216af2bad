import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { searchNominals } from '../../src/modules/search/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity, newPnc } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/** Results that tell people of the same name apart, and one control for where to look (issue 13). */
describeEachDatabase('search results that tell people apart', (getDb) => {
  let app: FastifyInstance;
  let officer: UseCaseContext;
  let inArea: string;
  let elsewhere: string;
  const pnc = newPnc(2001);

  beforeAll(async () => {
    const { database } = getDb();
    officer = await makeActor(database, { roles: ['police_offender_manager'], areaCode: 'AVS' });
    const outsider = await makeActor(database, { roles: ['police_offender_manager'], areaCode: 'BED' });
    inArea = (
      await createNominal(database, officer, {
        ...identity({ forename: 'Tobias', surname: 'Samename', dateOfBirth: '1977-04-04' }),
        identifiers: [{ type: 'pnc', value: pnc }],
      })
    ).id;
    await addSectionRow(database, officer, inArea, 'addresses', {
      type: 'home',
      line1: '2 Quay Street',
      town: 'Weston-super-Mare',
      postcode: 'BS23 1AA',
      fromDate: '2025-01-01',
    });
    await addSectionRow(database, officer, inArea, 'managers', {
      role: 'police_offender_manager',
      name: 'Someone Else',
      agencyId: officer.actor.agencyId,
      userEmail: officer.actor.email,
      fromDate: '2025-01-01',
    });
    elsewhere = (
      await createNominal(
        database,
        outsider,
        identity({ forename: 'Tobias', surname: 'Samename', dateOfBirth: '1988-08-08' }),
      )
    ).id;
    await addSectionRow(database, outsider, elsewhere, 'addresses', {
      type: 'home',
      line1: '9 Hidden Road',
      town: 'Leighton Buzzard',
      postcode: 'MK40 1AA',
      fromDate: '2025-01-01',
    });
    app = await buildApp({ clock: testClock, database, config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gives town, PNC and named managers for people in scope, and nothing of them outside it', async () => {
    const found = await searchNominals(getDb().database, officer, {
      q: 'Tobias Samename',
      allAreas: true,
      reason: 'Checking a namesake who moved here',
    });
    const mine = found.results.find((r) => r.id === inArea)!;
    expect(mine).toMatchObject({
      town: 'Weston-super-Mare',
      pnc,
      managers: [
        {
          // A Vigil user is named as the service knows them now.
          name: officer.actor.displayName,
          agencyName: officer.actor.agencyName,
          roleLabel: 'Police offender manager',
        },
      ],
    });
    const theirs = found.results.find((r) => r.id === elsewhere)!;
    expect(theirs).toMatchObject({ inScope: false, town: null, pnc: null, managers: [] });
  });

  it('looks in another area from the one control, asking the reason, and still reads older links', async () => {
    const { cookie } = await signInWithPages(app, { email: officer.actor.email, password: TEST_PASSWORD });
    const get = (query: string) =>
      app.inject({ method: 'GET', url: `/search?${query}`, headers: { cookie } });
    const q = 'q=Tobias+Samename';

    const mine = await get(`${q}&areaChoice=mine`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Weston-super-Mare');
    expect(mine.body).not.toContain(`/nominals/${elsewhere}`);

    const noReason = await get(`${q}&areaChoice=other&area=BED`);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#reason"');

    const noArea = await get(`${q}&areaChoice=other&reason=Checking+a+namesake+who+moved+here`);
    expect(noArea.statusCode).toBe(400);
    expect(noArea.body).toContain('Select the area to search');

    const other = await get(`${q}&areaChoice=other&area=BED&reason=Checking+a+namesake+who+moved+here`);
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain(`/nominals/${elsewhere}/justify`);
    expect(other.body).not.toContain(`/nominals/${inArea}"`);
    // Nothing of the out-of-area person's home before they are opened with a reason.
    expect(other.body).not.toContain('Leighton Buzzard');

    // A link made before the one control: an area and "include people managed outside my area".
    const older = await get(`${q}&area=BED&allAreas=yes&reason=Checking+a+namesake+who+moved+here`);
    expect(older.statusCode).toBe(200);
    expect(older.body).toContain(`/nominals/${elsewhere}/justify`);
    expect(older.body).toMatch(/value="other"[^>]*checked/);
  });
});
