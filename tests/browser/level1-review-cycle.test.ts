import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { addMonths, formatDateLong } from '../../src/domain/dates.ts';
import { LEVEL_1_REVIEW_MONTHS } from '../../src/domain/deadlines.ts';
import { decideLevel } from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';
import { TODAY } from '../support/clock.ts';

/**
 * A full Level 1 review cycle in a real browser (issue 13): a probation practitioner opens My
 * worklist, sees the overdue Level 1 review as its own row (its own due date, reason and legal
 * basis), sorts and filters the list, follows the row to the person's MAPPA level page, records the
 * review, and the overdue row is gone: the next review is due in 6 months. Every page is checked
 * with axe (WCAG 2.2 AA), for its Content-Security-Policy and for console errors.
 */

const PRIYA = { email: 'priya.review@probation.example.gov.uk', name: 'Priya Practitioner' };

let database: Database;
let page: Page;
let leeId: string;
const today = TODAY;
/** Level 1 set 13 months ago: the review (at least every 6 months) is long overdue. */
const lastReview = addMonths(today, -13);

const ui = new BrowserPage();
const { url, visit, check, navigation, text, fillDate, signInAs } = ui;

/** The worklist's rows for Lee, as their text. */
const leeRows = async () =>
  (await page.locator('table.govuk-table tbody tr', { hasText: 'Lee Reviewed' }).allTextContents()).map((t) =>
    t.replace(/\s+/g, ' ').trim(),
  );

beforeAll(async () => {
  database = await openBrowserDatabase();
  const priya = await namedUser(database, PRIYA, ['probation_practitioner'], 'probation', today);
  // Lee: Category 2 (Schedule 15, 48 months' custody), on licence in the community, at Level 1.
  leeId = (
    await createNominal(
      database,
      priya,
      identity({ forename: 'Lee', surname: 'Reviewed', dateOfBirth: '1985-02-11' }),
    )
  ).id;
  const sentenceStart = addMonths(today, -36);
  await addSectionRow(database, priya, leeId, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    offenceDate: addMonths(sentenceStart, -6),
    convictionDate: sentenceStart,
    court: 'Leeds Crown Court',
    outcome: 'custody',
    lengthMonths: 48,
    isIndexOffence: true,
    sentenceStart,
    conditionalReleaseDate: addMonths(today, -14),
    actualReleaseDate: addMonths(today, -14),
    licenceExpiryDate: addMonths(sentenceStart, 48),
    sentenceExpiryDate: addMonths(sentenceStart, 48),
  });
  await addSectionRow(database, priya, leeId, 'managers', {
    role: 'community_offender_manager',
    name: PRIYA.name,
    agencyId: priya.actor.agencyId,
    userEmail: PRIYA.email,
    fromDate: addMonths(today, -20),
  });
  await decideLevel(database, priya, leeId, {
    level: 1,
    criteria: [],
    rationale: 'Managed well by probation alone on licence.',
    decidedOn: lastReview,
  });
  page = await ui.start(database);
});

afterAll(() => ui.close());

describe('a Level 1 review cycle, from My worklist', () => {
  it('shows the overdue review as its own row, with its due date, reason, legal basis and owner', async () => {
    await signInAs(PRIYA.email);
    const response = await visit('/worklists/mine');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My worklist');
    const rows = await leeRows();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toContain('Level review');
    expect(row).toContain(formatDateLong(addMonths(lastReview, LEVEL_1_REVIEW_MONTHS)));
    expect(row).toContain('Overdue');
    expect(row).toContain(
      `Level 1 review at least every ${LEVEL_1_REVIEW_MONTHS} months from the last review (${formatDateLong(lastReview)})`,
    );
    expect(row).toContain('MAPPA Guidance: level review');
    expect(row).toContain(PRIYA.name);
    expect(await text('main')).toMatch(/Showing 1 to \d+ of \d+ rows?/);
    await check(response, 'my worklist');
  });

  it('filters to what is overdue, and sorts by name without JavaScript', async () => {
    const filtered = await navigation(async () => {
      await page.getByLabel('Due', { exact: true }).selectOption('overdue');
      await page.getByRole('button', { name: 'Apply filters' }).click();
    });
    expect(new URL(page.url()).searchParams.get('due')).toBe('overdue');
    expect(await leeRows()).toHaveLength(1);
    await check(filtered, 'my worklist, overdue');

    const sorted = await navigation(() => page.getByRole('link', { name: /^Name/ }).click());
    const params = new URL(page.url()).searchParams;
    expect([params.get('sort'), params.get('order'), params.get('due')]).toEqual(['name', 'asc', 'overdue']);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Name');
    await check(sorted, 'my worklist, overdue, sorted by name');

    // A bad filter is explained, not obeyed.
    const bad = await visit('/worklists/mine?due=someday');
    expect(bad?.status()).toBe(400);
    expect(await text('.govuk-error-summary')).toContain(
      'Choose overdue, due within 7 days or due within 30 days',
    );
    await check(bad, 'my worklist, bad filter');
  });

  it('follows the row to the MAPPA level page and records the review', async () => {
    await visit('/worklists/mine?due=overdue');
    ui.session.console.take();
    const levels = await navigation(() =>
      page
        .locator('table.govuk-table tbody tr', { hasText: 'Lee Reviewed' })
        .getByRole('link', { name: 'Lee Reviewed' })
        .click(),
    );
    expect(page.url()).toBe(url(`/nominals/${leeId}/levels`));
    expect(await text('#status')).toContain('Level 1');
    await check(levels, 'MAPPA level page, review overdue');

    const form = await navigation(() =>
      page.getByRole('button', { name: 'Record a screening and level decision' }).click(),
    );
    await check(form, 'level decision form, review');
    for (const question of [
      /high or very high risk/,
      /other agencies need to take actions/,
      /barriers the lead agency/,
      /victim safety issues/,
      /meetings add value/,
    ]) {
      await page.getByRole('group', { name: question }).getByLabel('No').check();
    }
    await page.getByLabel('Level 1', { exact: true }).check();
    await fillDate('Date of the decision', today);
    await page
      .getByLabel('Rationale')
      .fill('Reviewed: complying with licence, no new risks; probation alone manages well.');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save decision' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('Level 1 recorded');
    expect(await text('#status')).toContain('Next review due');
    await check(saved, 'MAPPA level page after the review');
  });

  it('no longer shows the review as overdue: the next one is due in 6 months', async () => {
    const overdue = await visit('/worklists/mine?due=overdue');
    expect(await leeRows()).toEqual([]);
    await check(overdue, 'my worklist, overdue, after the review');

    const all = await visit('/worklists/mine');
    const rows = await leeRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(formatDateLong(addMonths(today, LEVEL_1_REVIEW_MONTHS)));
    expect(rows[0]).not.toContain('Overdue');
    await check(all, 'my worklist after the review');
  });
});
