import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { receiveIntoCustody } from '../../src/modules/custody/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';

/**
 * Release and HDC address checks in a real browser (issue 14): the community offender manager
 * records where a victim lives, proposes an address that conflicts with it, sees the conflict and
 * its source, is refused setting it aside without a reason, sets it aside with one, and decides.
 * Every page passes axe.
 */

const COM = { email: 'cora.com@probation.example.gov.uk', name: 'Cora Com' };
const POM = { email: 'pete.pom@prison.example.gov.uk', name: 'Pete Pom' };

let database: Database;
let nominalId: string;
const ui = new BrowserPage();
const { visit, check, navigation, text, fillDate } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  const com = await namedUser(database, COM, ['probation_practitioner'], 'probation');
  const pom = await namedUser(database, POM, ['prison_offender_manager'], 'prison');
  nominalId = (await createNominal(database, com, identity({ forename: 'Hugo', surname: 'Homeward' }))).id;
  await receiveIntoCustody(database, pom, nominalId, {
    establishmentAgencyId: pom.actor.agencyId,
    receivedOn: '2026-02-01',
    recall: false,
  });
  await addSectionRow(database, com, nominalId, 'relationships', {
    type: 'victim',
    personName: 'Jane Smith',
    isChild: false,
    inHousehold: false,
  });
  await ui.start(database);
  await ui.signInAs(COM.email);
});

afterAll(async () => {
  await ui.close();
});

describe('address check pages', () => {
  it('adds a relationship address, proposes a conflicting address, sets the conflict aside with a reason and decides', async () => {
    const { page } = ui;
    const record = await visit(`/nominals/${nominalId}`);
    await check(record, 'record with a relationship without an address');
    expect(await text('#relationships')).toContain('No current address recorded');

    const addresses = await navigation(() =>
      page.getByRole('link', { name: /^Addresses of Victim: Jane Smith/ }).click(),
    );
    await check(addresses, 'relationship addresses, none recorded');
    const refusedAddress = await navigation(() => page.getByRole('button', { name: 'Save address' }).click());
    expect(refusedAddress?.status()).toBe(400);
    await check(refusedAddress, 'relationship addresses, refused');
    expect(await text('.govuk-error-summary')).toContain('Enter an address line 1');
    await page.getByLabel('Address line 1').fill('12 High Street');
    await page.getByLabel('Postcode').fill('SW1A 1AA');
    await fillDate(/^Lives there from/, '2025-03-03');
    const savedAddress = await navigation(() => page.getByRole('button', { name: 'Save address' }).click());
    expect(savedAddress?.status()).toBe(200);
    await check(savedAddress, 'relationship addresses, one recorded');
    expect(await text('main table')).toContain('12 High Street, SW1A 1AA');

    const tab = await visit(`/nominals/${nominalId}/custody`);
    await check(tab, 'custody tab, no address checks');
    const form = await navigation(() => page.getByRole('button', { name: 'Propose an address' }).click());
    await check(form, 'address check proposal form');
    await page.getByLabel('What the address is for').selectOption({ label: 'Home detention curfew (HDC)' });
    await page.getByLabel('Address line 1').fill('40 Other Street');
    await page.getByLabel('Postcode').fill('SW1A 1AA');
    const proposed = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(proposed?.status()).toBe(200);
    await check(proposed, 'address check with a conflict');
    expect(await text('main')).toContain(
      'Victim Jane Smith lives in the same postcode (relationship, at this address from 3 March 2025)',
    );

    const refused = await navigation(() =>
      page.getByRole('button', { name: 'Set this conflict aside' }).click(),
    );
    expect(refused?.status()).toBe(400);
    await check(refused, 'address check, conflict set aside without a reason');
    expect(await text('.govuk-error-summary')).toContain('Enter why this conflict can be set aside');

    await page
      .getByRole('group', { name: 'Is the address suitable?' })
      .getByLabel('Suitable', { exact: true })
      .check();
    const tooSoon = await navigation(() => page.getByRole('button', { name: 'Record the decision' }).click());
    expect(tooSoon?.status()).toBe(400);
    await check(tooSoon, 'address check, found suitable too soon');
    expect(await text('.govuk-error-summary')).toContain('Set aside each conflict with a reason');

    await page
      .getByLabel('Why can this conflict be set aside?')
      .fill('Number 12 is a separate building at the far end of the street.');
    const dismissed = await navigation(() =>
      page.getByRole('button', { name: 'Set this conflict aside' }).click(),
    );
    expect(dismissed?.status()).toBe(200);
    await check(dismissed, 'address check, conflict set aside');
    expect(await text('main')).toContain('Number 12 is a separate building');

    await page
      .getByRole('group', { name: 'Is the address suitable?' })
      .getByLabel('Suitable', { exact: true })
      .check();
    const decided = await navigation(() => page.getByRole('button', { name: 'Record the decision' }).click());
    expect(decided?.status()).toBe(200);
    await check(decided, 'address check, decided');
    expect(await text('main')).toContain('Suitable (Cora Com');

    const back = await visit(`/nominals/${nominalId}/custody`);
    await check(back, 'custody tab with an address check');
    expect(await text('#address-checks')).toContain('40 Other Street, SW1A 1AA');
  });
});
