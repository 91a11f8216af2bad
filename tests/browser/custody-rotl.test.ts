import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { receiveIntoCustody } from '../../src/modules/custody/index.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';

/**
 * ROTL in a real browser (issue 14): a prison offender manager records a ROTL application on the
 * Custody tab (an error first), approves it and records a failed return (an error first). Every
 * page passes axe.
 */

const POM = { email: 'rita.rotl@prison.example.gov.uk', name: 'Rita Rotl' };

let database: Database;
let nominalId: string;
const ui = new BrowserPage();
const { visit, check, navigation, text, fillDate } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  const pom = await namedUser(database, POM, ['prison_offender_manager'], 'prison');
  nominalId = (await createNominal(database, pom, identity({ forename: 'Owen', surname: 'Outing' }))).id;
  await receiveIntoCustody(database, pom, nominalId, {
    establishmentAgencyId: pom.actor.agencyId,
    receivedOn: '2026-01-10',
    recall: false,
  });
  await ui.start(database);
  await ui.signInAs(POM.email);
});

afterAll(async () => {
  await ui.close();
});

describe('ROTL pages', () => {
  it('records an application, its approval and a failed return', async () => {
    const { page } = ui;
    const tab = await visit(`/nominals/${nominalId}/custody`);
    await check(tab, 'custody tab, no ROTL');
    expect(await text('main')).toContain('No ROTL is recorded.');

    const form = await navigation(() =>
      page.getByRole('button', { name: 'Record a ROTL application' }).click(),
    );
    await check(form, 'ROTL application form');
    await page.getByLabel('Type of ROTL').selectOption('resettlement_day_release');
    await fillDate(/^Planned start/, '2026-11-20');
    await fillDate(/^Planned return/, '2026-11-19');
    await page.getByLabel('Address: first line').fill('4 Mill Lane');
    await page.getByLabel('Town or city').fill('Derby');
    await page.getByLabel('Postcode').fill('DE1 1AA');
    await page.getByRole('group', { name: 'Escorted' }).getByLabel('No').check();
    const refused = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(refused?.status()).toBe(400);
    await check(refused, 'ROTL application form, refused');
    expect(await text('.govuk-error-summary')).toContain(
      'Planned return must be on or after the planned start',
    );
    await fillDate(/^Planned return/, '2026-11-20');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(saved?.status()).toBe(200);
    await check(saved, 'custody tab, ROTL pending');
    expect(await text('main')).toContain('Resettlement day release (RDR): 20 November 2026');
    expect(await text('main')).toContain('Not decided yet');

    await navigation(() => page.getByRole('link', { name: /^Record the decision/ }).click());
    await check(await navigation(() => page.reload()), 'ROTL decision form');
    await page.getByLabel('Decision').selectOption('approved');
    await page.getByLabel('Decided by').fill('Gail Grey, governor');
    await fillDate(/^Date decided/, '2026-11-18');
    const decided = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(decided?.status()).toBe(200);
    expect(await text('main')).toContain('Approved by Gail Grey, governor on 18 November 2026');

    await navigation(() => page.getByRole('link', { name: /^Record the outcome/ }).click());
    await check(await navigation(() => page.reload()), 'ROTL outcome form');
    await page.getByLabel('Outcome').selectOption('failed_to_return');
    const noDetail = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(noDetail?.status()).toBe(400);
    await check(noDetail, 'ROTL outcome form, refused');
    expect(await text('.govuk-error-summary')).toContain('Say what happened');
    await page.getByLabel('What went wrong').fill('Did not return by 19:00; returned by police at 23:00.');
    const ended = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    await check(ended, 'custody tab, ROTL failed');
    expect(await text('main')).toContain('Failed to return: Did not return by 19:00');
  });
});
