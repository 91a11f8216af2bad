import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { RULES_VERSION } from '../../src/domain/eligibility.ts';
import { addDays, addMonths, formatDateLong } from '../../src/domain/dates.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';
import { TODAY } from '../support/clock.ts';

/**
 * The law behind each obligation, in a real browser: a police offender manager reads a registered
 * sex offender's legal basis and notification duties, records a change of home address and that it
 * was notified; a MAPPA coordinator reviews a change made by a rule correction and reads the
 * "offence needs classifying" list. Every page is checked with axe (WCAG 2.2 AA), for its
 * Content-Security-Policy and for console errors.
 */

const OLLIE = { email: 'ollie.law@police.example.gov.uk', name: 'Ollie Officer' };
const CORA = { email: 'cora.law@probation.example.gov.uk', name: 'Cora Coordinator' };

let database: Database;
let page: Page;
let regId: string;

const ui = new BrowserPage();
const { url, visit, check, navigation, text, fillDate, signInAs } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  const ollie = await namedUser(database, OLLIE, ['police_offender_manager'], 'police', TODAY);
  await namedUser(database, CORA, ['mappa_coordinator'], 'probation', TODAY);

  // Reg: rape, 3 years (30 months or more: indefinite notification, SOA 2003 s.82(1)), released.
  regId = (
    await createNominal(
      database,
      ollie,
      identity({ forename: 'Reg', surname: 'Lawful', dateOfBirth: '1975-05-12' }),
    )
  ).id;
  await addSectionRow(database, ollie, regId, 'convictions', {
    offence: 'Rape of a female aged 16 or over',
    convictionDate: addMonths(TODAY, -40),
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart: addMonths(TODAY, -40),
    conditionalReleaseDate: addMonths(TODAY, -22),
    actualReleaseDate: addMonths(TODAY, -22),
    licenceExpiryDate: addMonths(TODAY, -4),
    sentenceExpiryDate: addMonths(TODAY, -4),
  });
  // A correction of the rules moved Reg from Category 2 to Category 1, as the rules record it.
  await database.db
    .insertInto('rule_corrections')
    .values({
      nominal_id: regId,
      area_code: 'AVS',
      rules_version: RULES_VERSION,
      old_category: 2,
      new_category: 1,
      old_ends_on: addMonths(TODAY, -4),
      new_ends_on: null,
      old_reason: 'On licence for a Schedule 15 offence.',
      new_reason: 'Subject to sex offender notification for rape, indefinitely.',
      new_basis: 'SOA 2003 s.82(1)',
      detected_on: TODAY,
    })
    .execute();

  page = await ui.start(database);
});

afterAll(() => ui.close());

describe('obligations with their legal basis', () => {
  it('shows a police offender manager the category’s legal basis and the notification duties', async () => {
    await signInAs(OLLIE.email);
    const response = await visit(`/nominals/${regId}/levels`);
    const status = await text('#status');
    expect(status).toContain('Category 1 with no fixed end date');
    expect(status).toContain('Subject to notification');
    const duties = await text('#notification-duties');
    expect(duties).toContain('Initial notification');
    expect(duties).toContain('SOA 2003 s.83');
    await check(response, 'MAPPA level page with the legal basis');
  });

  it('records a change of home address, then that it was notified', async () => {
    const form = await navigation(() =>
      page.getByRole('button', { name: 'Record a change, stay or travel' }).click(),
    );
    expect(page.url()).toBe(url(`/nominals/${regId}/notification-events/new`));
    await check(form, 'notification event form');
    await page.getByLabel('Change of home address').check();
    await fillDate('When did it happen?', addDays(TODAY, -1));
    await page.getByLabel(/Details/).fill('Moved to 4 Harbour Road, Bristol');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('Change, stay or travel recorded');
    const duties = await text('#notification-duties');
    expect(duties).toContain('Change of home address');
    expect(duties).toContain('Moved to 4 Harbour Road');
    await check(saved, 'MAPPA level page after a notification event');

    const notifiedForm = await navigation(() =>
      page
        .getByRole('link', { name: /Record notified/ })
        .first()
        .click(),
    );
    expect(new URL(page.url()).pathname).toMatch(/\/notification-events\/[\w-]+\/notified\/new$/);
    await check(notifiedForm, 'notified form');
    await fillDate('When did they notify the police?', TODAY);
    await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('notified the police');
    expect(await text('#notification-duties')).toContain(formatDateLong(TODAY));
  });

  it('as a MAPPA coordinator, reviews a change made by a rule correction', async () => {
    await signInAs(CORA.email);
    const list = await visit('/worklists/rule-corrections');
    const row = page.locator('table.govuk-table tbody tr', { hasText: 'Reg Lawful' });
    expect(await row.count()).toBe(1);
    const rowText = (await row.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(rowText).toContain('Category 2 until');
    expect(rowText).toContain('Category 1 with no fixed end date');
    expect(rowText).toContain('SOA 2003 s.82(1)');
    await check(list, 'rule corrections worklist');
    const reviewed = await navigation(() => row.getByRole('button', { name: /Mark the change/ }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('Marked as reviewed');
    expect(await page.locator('table.govuk-table tbody tr', { hasText: 'Reg Lawful' }).count()).toBe(0);
    await check(reviewed, 'rule corrections worklist after a review');
  });

  it('lists the offence that needs classifying, with what to record', async () => {
    // As the rules store it when a Schedule 3 condition's fact is missing.
    await database.db
      .updateTable('nominal_obligations')
      .set({ classification_needed: ['Record the victim’s age at the offence (Schedule 3 condition)'] })
      .where('nominal_id', '=', regId)
      .execute();
    const response = await visit('/worklists/classification');
    const row = page.locator('table.govuk-table tbody tr', { hasText: 'Reg Lawful' });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('victim’s age');
    await check(response, 'offence needs classifying worklist');
  });
});
