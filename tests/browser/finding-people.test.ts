import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Database } from '../../src/db/database.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { launchBrowser, openBrowserDatabase, startServer, type BrowserServer } from '../support/browser.ts';
import { BrowserPage } from '../support/browser-page.ts';
import { makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';

/**
 * Finding people (issue 13): Add a person warns of a possible duplicate before anything is written,
 * and search results tell people of the same name apart. Every page passes axe.
 */
let database: Database;
let server: BrowserServer;
let browser: Browser;
let email: string;

beforeAll(async () => {
  database = await openBrowserDatabase();
  const practitioner = await makeActor(database, { roles: ['mappa_coordinator'], areaCode: 'AVS' });
  email = practitioner.actor.email;
  for (const [dateOfBirth, town] of [
    ['1971-09-09', 'Bath'],
    ['1985-01-20', 'Bristol'],
  ] as const) {
    const { id } = await createNominal(
      database,
      practitioner,
      identity({ forename: 'Morris', surname: 'Lookalike', dateOfBirth }),
    );
    await addSectionRow(database, practitioner, id, 'addresses', {
      type: 'home',
      line1: '1 Any Street',
      town,
      postcode: 'BS1 4DJ',
      fromDate: '2024-01-01',
    });
  }
  server = await startServer(database);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe('finding people in the browser', () => {
  it('warns of a possible duplicate on Add a person, and saves once "a different person" is ticked', async () => {
    const user = new BrowserPage();
    await user.open(server, browser);
    try {
      await user.signInAs(email);
      await user.visit('/nominals/new');
      await user.page.getByLabel('First name').fill('Maurice');
      await user.page.getByLabel('Last name').fill('Lookalike');
      await user.fillDate('Date of birth', '1971-09-09');
      await user.page.getByLabel('Sex', { exact: true }).selectOption('male');
      const warned = await user.navigation(() => user.page.getByRole('button', { name: 'Save' }).click());
      expect(warned?.status()).toBe(409);
      expect(
        await user.page.getByRole('heading', { name: 'This person may already be recorded' }).count(),
      ).toBe(1);
      expect(await user.page.getByRole('link', { name: 'Morris Lookalike' }).count()).toBe(1);
      expect(await user.page.getByText('Bath').count()).toBeGreaterThan(0);
      await user.check(warned, 'add a person: possible duplicate');
      await user.page.getByLabel('This is a different person').check();
      await user.navigation(() => user.page.getByRole('button', { name: 'Save' }).click());
      expect(await user.page.getByRole('heading', { level: 1 }).textContent()).toContain('Maurice Lookalike');
    } finally {
      await user.close();
    }
  });

  it('shows what tells two people of the same name apart, with one control for where to look', async () => {
    const user = new BrowserPage();
    await user.open(server, browser);
    try {
      await user.signInAs(
        (await makeActor(database, { roles: ['mappa_coordinator'], areaCode: 'AVS' })).actor.email,
      );
      const results = await user.visit('/search?q=Morris+Lookalike');
      const rows = user.page.locator('table.govuk-table tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
      expect(await rows.filter({ hasText: 'Bath' }).count()).toBe(1);
      expect(await rows.filter({ hasText: 'Bristol' }).count()).toBe(1);
      expect(await rows.filter({ hasText: 'Bath' }).filter({ hasText: '9 September 1971' }).count()).toBe(1);
      await user.check(results, 'search results that tell people apart');
      // "Another area" reveals the area and the reason it needs.
      await user.page.getByLabel('Another area', { exact: true }).check();
      await user.page.getByLabel('Area (for another area)').selectOption('GLO');
      await user.page
        .getByLabel('Why do you need to search outside your area?')
        .fill('Moving to Gloucester next week');
      const other = await user.navigation(() => user.page.getByRole('button', { name: 'Search' }).click());
      expect(user.page.url()).toContain('areaChoice=other');
      expect(await user.page.getByRole('heading', { level: 2, name: /found/ }).textContent()).toContain(
        '0 people',
      );
      await user.check(other, 'search another area');
    } finally {
      await user.close();
    }
  });

  it('lets the coordinator name an agency’s single point of contact for actions of people without an account', async () => {
    const housingRep = await makeActor(database, {
      roles: ['dtc_representative'],
      areaCode: 'AVS',
      agencyType: 'housing',
    });
    const user = new BrowserPage();
    await user.open(server, browser);
    try {
      await user.signInAs(
        (await makeActor(database, { roles: ['mappa_coordinator'], areaCode: 'AVS' })).actor.email,
      );
      const settings = await user.visit('/area-settings');
      expect(await user.page.getByRole('heading', { name: 'Single points of contact' }).count()).toBe(1);
      await user.page
        .getByLabel(`Contact for ${housingRep.actor.agencyName}`)
        .selectOption(housingRep.actor.userId);
      await user.check(settings, 'area settings with single points of contact');
      const saved = await user.navigation(() =>
        user.page.getByRole('button', { name: 'Save settings' }).click(),
      );
      expect(user.page.url()).toContain('/area-settings?saved=');
      expect(await user.page.getByLabel(`Contact for ${housingRep.actor.agencyName}`).inputValue()).toBe(
        housingRep.actor.userId,
      );
      await user.check(saved, 'area settings saved with a single point of contact');
    } finally {
      await user.close();
    }
  });
});
