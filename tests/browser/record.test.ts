import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import {
  addSectionRow,
  createNominal,
  getTimeline,
  updateNominalSection,
} from '../../src/modules/nominals/index.ts';
import { agencyFor, openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity, newPnc } from '../support/fixtures.ts';

/**
 * The record as a practitioner reads and prints it (issue 13): a contents list beside the sections,
 * each with its count; the timeline filtered by type, agency and dates, 50 a page; printing without
 * the service's navigation and with OFFICIAL-SENSITIVE on every page; the search's date of birth as
 * a GOV.UK date input. Every page is checked with axe.
 */

const PAT = { email: 'pat.record@probation.example.gov.uk', name: 'Pat Recorder' };
const PETE = { email: 'pete.record@police.example.gov.uk', name: 'Pete Police' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const MARKERS = 52;

let database: Database;
let page: Page;
let nominalId: string;
let pnc: string;
let police: { id: string; name: string };
let pat: UseCaseContext;
let pete: UseCaseContext;

const ui = new BrowserPage();
const { visit, check, navigation, text, signInAs, fillDate } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  pat = await namedUser(database, PAT, ['probation_practitioner'], 'probation');
  pete = await namedUser(database, PETE, ['police_offender_manager'], 'police');
  police = await agencyFor(database, 'AVS', 'police');
  pnc = newPnc();
  nominalId = (
    await createNominal(database, pat, {
      ...identity({ forename: 'Rita', surname: 'Record', dateOfBirth: '1979-12-05' }),
      identifiers: [{ type: 'pnc', value: pnc }],
    })
  ).id;
  await updateNominalSection(database, pete, nominalId, 'lead-agency', { leadAgencyId: police.id }, 1);
  for (const line1 of ['1 Old Road', '2 New Road'])
    await addSectionRow(database, pat, nominalId, 'addresses', {
      type: 'home',
      line1,
      town: 'Bristol',
      postcode: 'BS1 4DJ',
      fromDate: '2024-01-01',
    });
  // Enough changes for a second page of the timeline.
  for (let i = 0; i < MARKERS; i++)
    await addSectionRow(database, pat, nominalId, 'markers', {
      type: 'weapons',
      startDate: '2025-01-01',
      notes: `Marker ${i + 1}`,
    });
  page = await ui.start(database);
  await signInAs(PAT.email);
});

afterAll(() => ui.close());

describe('the record, section by section', () => {
  it('keeps the person at the top and lists the sections with their counts', async () => {
    const response = await visit(`/nominals/${nominalId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Rita Record');
    const header = await text('.vigil-person-header');
    expect(header).toContain('5 December 1979');
    expect(header).toContain(pnc);
    const contents = page.getByRole('navigation', { name: 'Contents' });
    expect(await contents.getByRole('link').count()).toBeGreaterThan(10);
    expect(
      (await contents.getByRole('link', { name: /^Addresses/ }).textContent())?.replace(/\s+/g, ' '),
    ).toBe('Addresses (2)');
    expect(await contents.getByRole('link', { name: /^Markers/ }).textContent()).toContain(`(${MARKERS})`);
    await check(response, 'record with its contents');
  });

  it('goes to a section from the contents, with its count and its own Add link', async () => {
    await contentsLink('Addresses').click();
    expect(new URL(page.url()).hash).toBe('#addresses');
    const section = page.locator('#addresses');
    expect(await section.locator('.vigil-section__count').textContent()).toBe('2 recorded');
    expect(await section.getByRole('link', { name: 'Add an address' }).count()).toBe(1);
    expect(await section.getByRole('link', { name: /Change/ }).count()).toBe(2);
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe('Addresses');
  });
});

describe('the timeline, filtered and paged', () => {
  it('shows 50 changes a page with the total and GOV.UK pagination', async () => {
    const response = await visit(`/nominals/${nominalId}/timeline`);
    // Created, PNC, lead agency, the addresses (and the old home's ending), the markers.
    const { total } = await getTimeline(database, pat, nominalId);
    expect(total).toBeGreaterThan(MARKERS + 4);
    expect(await text('#timeline-count')).toBe(`Showing 1 to 50 of ${total} changes.`);
    expect(await page.locator('.moj-timeline__item').count()).toBe(50);
    await check(response, 'timeline, first page');
    const second = await navigation(() =>
      page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Next/ }).click(),
    );
    expect(await text('#timeline-count')).toBe(`Showing 51 to ${total} of ${total} changes.`);
    await check(second, 'timeline, second page');
  });

  it('filters by type and agency, naming the lead agency rather than its id', async () => {
    await page.getByLabel('Type of change').selectOption({ label: 'Lead agency' });
    await page.getByLabel('Made by a user of').selectOption({ label: pete.actor.agencyName });
    const filtered = await navigation(() => page.getByRole('button', { name: 'Apply filters' }).click());
    expect(await text('#timeline-count')).toBe('Showing 1 to 1 of 1 change matching these filters.');
    const entry = await text('.moj-timeline__item');
    expect(entry).toContain(`→ ${police.name}`);
    expect(entry).toContain(`by ${PETE.name}`);
    expect(entry).not.toMatch(UUID);
    await check(filtered, 'timeline filtered by type and agency');
  });

  it('filters by dates typed in GOV.UK date inputs, and says when a date is not one', async () => {
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.waitForLoadState('load');
    await fillDate('Changes from', { day: '1', month: '1', year: '2030' });
    const none = await navigation(() => page.getByRole('button', { name: 'Apply filters' }).click());
    expect(await text('#timeline-count')).toBe('No changes match these filters.');
    await check(none, 'timeline with no matching changes');
    await fillDate('Changes from', { day: '30', month: '2', year: '2026' });
    const wrong = await navigation(() => page.getByRole('button', { name: 'Apply filters' }).click());
    expect(wrong?.status()).toBe(400);
    expect(await text('.govuk-error-summary')).toContain('Changes from must be a real date');
    await check(wrong, 'timeline with a wrong date');
  });
});

describe('printing', () => {
  it('prints the record without the navigation, with the marking on every page', async () => {
    await visit(`/nominals/${nominalId}`);
    expect(await page.locator('.vigil-print-marking--top').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      for (const selector of [
        '.govuk-header',
        '.govuk-service-navigation',
        '.govuk-footer',
        '.govuk-skip-link',
        '.moj-sub-navigation',
        '.moj-side-navigation',
        '.govuk-button',
      ])
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      for (const where of ['top', 'bottom']) {
        const marking = page.locator(`.vigil-print-marking--${where}`);
        expect(await marking.isVisible(), where).toBe(true);
        expect(await marking.textContent()).toBe('OFFICIAL-SENSITIVE');
        // Fixed, so the browser repeats it on each printed page.
        expect(await style(marking, 'position')).toBe('fixed');
      }
      // Links print as plain text: no colour, no underline, no address after them.
      const link = page.locator('#addresses a.govuk-link').first();
      expect(await style(link, 'textDecorationLine')).toBe('none');
      expect(await style(link, 'content', '::after')).toMatch(/^(none|normal)$/);
      expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
      // A form page: the back link is left off too.
      await visit(`/nominals/${nominalId}/addresses/new`);
      expect(await page.locator('.govuk-back-link').isVisible()).toBe(false);
      expect(await page.locator('.vigil-print-marking--top').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      // Back on screen the page fetches its screen-only fonts and crest: let them arrive, or the
      // next navigation aborts them and the next page's check counts the aborted requests.
      await page.waitForLoadState('networkidle');
    }
  });
});

describe('finding a person by date of birth', () => {
  it('takes the date of birth as day, month and year', async () => {
    await visit('/search');
    await page.getByLabel('Name or identifier').fill('Rita Record');
    await fillDate('Date of birth (optional)', { day: '5', month: '12', year: '1979' });
    const results = await navigation(() => page.getByRole('button', { name: 'Search', exact: true }).click());
    expect(await text('table.govuk-table tbody tr')).toContain('Rita Record');
    expect(
      await page.getByRole('group', { name: 'Date of birth (optional)' }).getByLabel('Year').inputValue(),
    ).toBe('1979');
    await check(results, 'search by date of birth');
  });
});

function contentsLink(name: string) {
  return page
    .getByRole('navigation', { name: 'Contents' })
    .getByRole('link', { name: new RegExp(`^${name}`) });
}

/** A computed style of an element (or its pseudo-element) as the browser applies it now. */
function style(locator: Locator, property: string, pseudo?: string): Promise<string> {
  type Window = { getComputedStyle(e: unknown, pseudo?: string): Record<string, string> };
  return locator.evaluate(
    (e, [name, after]) =>
      (e as unknown as { ownerDocument: { defaultView: Window } }).ownerDocument.defaultView.getComputedStyle(
        e,
        after || undefined,
      )[name]!,
    [property, pseudo ?? ''] as const,
  );
}
