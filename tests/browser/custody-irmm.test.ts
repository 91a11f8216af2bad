import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { receiveIntoCustody } from '../../src/modules/custody/index.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';

/**
 * Internal risk management meetings in a real browser (issue 14): a prison offender manager records
 * one from the Custody tab (an error first, then more rows), sees the overdue action on the tab and
 * the custody worklist, and marks it done. Every page passes axe.
 */

const POM = { email: 'ira.pom@prison.example.gov.uk', name: 'Ira Pom' };

let database: Database;
let nominalId: string;
const ui = new BrowserPage();
const { visit, check, navigation, text, fillDate } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  const pom = await namedUser(database, POM, ['prison_offender_manager'], 'prison');
  nominalId = (await createNominal(database, pom, identity({ forename: 'Rory', surname: 'Riskmeet' }))).id;
  await receiveIntoCustody(database, pom, nominalId, {
    establishmentAgencyId: pom.actor.agencyId,
    receivedOn: '2026-06-01',
    recall: false,
  });
  await ui.start(database);
  await ui.signInAs(POM.email);
});

afterAll(async () => {
  await ui.close();
});

describe('internal risk management meeting pages', () => {
  it('records a meeting (an error first), lists its overdue action and marks it done', async () => {
    const { page } = ui;
    const tab = await visit(`/nominals/${nominalId}/custody`);
    await check(tab, 'custody tab, no internal risk management meeting');
    expect(await text('#irmm')).toContain('No internal risk management meeting is recorded.');

    const form = await navigation(() =>
      page.getByRole('button', { name: 'Record an internal risk management meeting' }).click(),
    );
    await check(form, 'internal risk management meeting form');
    const attendee = (n: number) => page.getByRole('group', { name: `Attendee ${n}`, exact: true });
    await fillDate(/^Date of the meeting/, '2026-11-01');
    await attendee(1).getByLabel('Name').fill('Gail Governor');
    const refused = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(refused?.status()).toBe(400);
    await check(refused, 'internal risk management meeting form, refused');
    const problems = await text('.govuk-error-summary');
    expect(problems).toContain('Enter the role or agency');
    expect(problems).toContain('Select whether they attended or sent apologies');
    expect(problems).toContain('Enter the decisions');
    // What was typed is kept.
    expect(await attendee(1).getByLabel('Name').inputValue()).toBe('Gail Governor');

    const more = await navigation(() => page.getByRole('button', { name: 'Add more rows' }).click());
    expect(more?.status()).toBe(200);
    await check(more, 'internal risk management meeting form, more rows');
    await expect.poll(() => page.getByRole('group', { name: /^Attendee \d+$/ }).count()).toBe(8);
    expect(await attendee(1).getByLabel('Name').inputValue()).toBe('Gail Governor');

    await attendee(1).getByLabel('Role or agency').fill('Governor');
    await attendee(1).getByLabel('Attended', { exact: true }).check();
    await attendee(2).getByLabel('Name').fill('Cath Com');
    await attendee(2).getByLabel('Role or agency').fill('Community offender manager, probation');
    await attendee(2).getByLabel('Sent apologies').check();
    await page.getByLabel('Custody behaviour (optional)').fill('Intimidating younger prisoners.');
    await page.getByLabel('Decisions').fill('Move to a single cell.');
    const action = page.getByRole('group', { name: 'Action 1', exact: true });
    await action.getByLabel('What is to be done').fill('Check the mail log');
    await action.getByLabel('Owner').fill('Sam Security');
    await fillDate('Due date of action 1', '2026-11-10');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(saved?.status()).toBe(200);
    await check(saved, 'custody tab, an internal risk management meeting');
    const section = await text('#irmm');
    expect(section).toContain('1 November 2026');
    expect(section).toContain('Gail Governor (Governor)');
    expect(section).toContain('Cath Com (Community offender manager, probation)');
    expect(section).toContain('Overdue');

    const worklist = await visit('/custody/worklist');
    await check(worklist, 'custody worklist, an overdue IRMM action');
    expect(await text('main')).toContain('Sam Security: Check the mail log');

    await visit(`/nominals/${nominalId}/custody`);
    const done = await navigation(() =>
      page.getByRole('button', { name: /^Mark done\s+– Check the mail log$/ }).click(),
    );
    expect(done?.status()).toBe(200);
    expect(await text('#irmm')).toMatch(/Done \d+ \w+ 2026/);
    expect(await text('#irmm')).not.toContain('Overdue');
  });
});
