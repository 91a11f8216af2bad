import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Role } from '../../src/domain/codes.ts';
import type { Browser } from 'playwright-core';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { launchBrowser, openBrowserDatabase, startServer, type BrowserServer } from '../support/browser.ts';
import { BrowserPage } from '../support/browser-page.ts';
import { makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';

/**
 * Who may see what, in a real browser: a lay adviser sees counts only; an officer from another
 * area finds a record only by searching all areas with a reason and opens it with a justification;
 * the owning area's coordinator sees who looked and why. Every page passes axe (WCAG 2.2 AA). The
 * refusals themselves (403, 404, a reason too short) are checked in tests/integration/page-errors.test.ts.
 */
let database: Database;
let server: BrowserServer;
let browser: Browser;
let nominalId: string;

beforeAll(async () => {
  database = await openBrowserDatabase();
  const practitioner = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
  nominalId = (
    await createNominal(
      database,
      practitioner,
      identity({ forename: 'Wesley', surname: 'Arrival', dateOfBirth: '1984-06-02' }),
    )
  ).id;
  await addSectionRow(database, practitioner, nominalId, 'addresses', {
    type: 'home',
    line1: '3 Harbour Walk',
    town: 'Bristol',
    postcode: 'BS1 5TY',
    fromDate: '2025-03-01',
  });
  server = await startServer(database);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

/** A browser context of its own, signed in as a new user with these roles. */
async function asUser(roles: Role[], areaCode: string, agencyType: string): Promise<BrowserPage> {
  const ctx = await makeActor(database, { roles, areaCode, agencyType });
  const user = new BrowserPage();
  await user.open(server, browser);
  await user.signInAs(ctx.actor.email);
  return user;
}

describe('need-to-know access in the browser', () => {
  it('shows a lay adviser counts, and no personal data anywhere', async () => {
    const lay = await asUser(['lay_adviser'], 'AVS', 'probation');
    try {
      expect(new URL(lay.page.url()).pathname).toBe('/oversight');
      const counts = await lay.visit('/oversight');
      expect(await lay.page.getByRole('heading', { level: 1 }).textContent()).toBe('MAPPA population');
      expect(await lay.page.content()).not.toMatch(/Arrival|Wesley|BS1 5TY/);
      await lay.check(counts, 'oversight counts');
      // The record refused to them (403), with nothing of the person on the page: page-errors.test.ts.
    } finally {
      await lay.close();
    }
  });

  it('makes an officer from another area give a reason, then shows the owning area who looked', async () => {
    const officer = await asUser(['police_offender_manager'], 'GLO', 'police');
    try {
      // The record and a search of their own area answer "not found": page-errors.test.ts.
      await officer.visit('/search?q=Wesley+Arrival');
      await officer.page.getByLabel('All areas').check();
      await officer.page
        .getByLabel('Why do you need to search outside your area?')
        .fill('Moved to Gloucester; first appointment tomorrow');
      await Promise.all([
        officer.page.waitForURL(/areaChoice=all/),
        officer.page.getByRole('button', { name: 'Search' }).click(),
      ]);
      await officer.check(await officer.page.reload(), 'search all areas with a reason');
      await expect.poll(() => officer.page.getByText('Outside your area', { exact: true }).count()).toBe(1);
      await Promise.all([
        officer.page.waitForURL(/\/justify/),
        officer.page.getByRole('link', { name: 'Wesley Arrival' }).click(),
      ]);
      await officer.check(await officer.page.reload(), 'justify page');
      // Too short a reason is refused: page-errors.test.ts.
      await officer.page
        .getByLabel('Why do you need to see this record?')
        .fill('Moved to Gloucester; first appointment tomorrow');
      await Promise.all([
        officer.page.waitForURL(new RegExp(`/nominals/${nominalId}$`)),
        officer.page.getByRole('button', { name: 'Open the record' }).click(),
      ]);
      expect(await officer.page.getByRole('heading', { level: 1 }).textContent()).toContain('Wesley Arrival');
    } finally {
      await officer.close();
    }
    const coordinator = await asUser(['mappa_coordinator'], 'AVS', 'probation');
    try {
      const list = await coordinator.visit('/justified-accesses');
      expect(
        await coordinator.page.getByText('Moved to Gloucester; first appointment tomorrow').count(),
      ).toBe(1);
      await coordinator.check(list, 'outside views for the owning area');
    } finally {
      await coordinator.close();
    }
  });
});
