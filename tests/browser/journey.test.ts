import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { createUser } from '../../src/modules/users/index.ts';
import { agencyFor, openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';
import { totpCode } from '../support/sign-in.ts';
import { testMoment } from '../support/clock.ts';
import { testContext } from '../support/databases.ts';

/**
 * One probation practitioner's day, in a real browser: sign in, find a misspelt name, read the
 * record, correct an address, see it on the timeline, get a form wrong, and sign out. Every page
 * on the way is checked with axe (WCAG 2.2 AA), for its Content-Security-Policy, and for console
 * errors (which is where CSP violations show).
 */

const EMAIL = 'pat.practitioner@probation.example.gov.uk';
const PASSWORD = 'a long enough passphrase 2026';
const DISPLAY_NAME = 'Pat Practitioner';

let database: Database;
let page: Page;
let johnId: string;
let addressId: string;

const ui = new BrowserPage();
const { url, visit, check, navigation } = ui;

async function addressRow() {
  return database.db
    .selectFrom('addresses')
    .selectAll()
    .where('id', '=', addressId)
    .executeTakeFirstOrThrow();
}

async function changeCount() {
  const row = await database.db
    .selectFrom('nominal_changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('nominal_id', '=', johnId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  database = await openBrowserDatabase();
  const agency = await agencyFor(database, 'AVS', 'probation');
  const user = await createUser(database, testMoment(), {
    email: EMAIL,
    displayName: DISPLAY_NAME,
    agencyId: agency.id,
    roles: ['probation_practitioner'],
    password: PASSWORD,
    vetting: { level: 'NPPV3', expiresOn: '2036-12-31' },
    trainingCompletedOn: '2025-01-06',
  });
  const actor: Actor = {
    userId: user.id,
    email: EMAIL,
    displayName: DISPLAY_NAME,
    agencyId: agency.id,
    agencyName: agency.name,
    agencyType: 'probation',
    areaCode: 'AVS',
    roles: ['probation_practitioner'],
  };
  const ctx: UseCaseContext = {
    ...testContext(actor),
    origin: { sourceAddress: '127.0.0.1', requestId: 'browser-setup' },
  };

  const john = await createNominal(
    database,
    ctx,
    identity({ forename: 'John', surname: 'Smith', dateOfBirth: '1980-05-17' }),
  );
  johnId = john.id;
  await createNominal(
    database,
    ctx,
    identity({ forename: 'Jane', surname: 'Smithson', dateOfBirth: '1975-02-03' }),
  );
  await createNominal(
    database,
    ctx,
    identity({ forename: 'Jon', surname: 'Smyth', dateOfBirth: '1990-11-30' }),
  );
  await createNominal(
    database,
    ctx,
    identity({ forename: 'Alice', surname: 'Brown', dateOfBirth: '1985-07-21' }),
  );

  addressId = (
    await addSectionRow(database, ctx, johnId, 'addresses', {
      type: 'home',
      line1: '1 High Street',
      town: 'Bristol',
      postcode: 'BS1 4DJ',
      fromDate: '2020-01-15',
    })
  ).id;
  await addSectionRow(database, ctx, johnId, 'convictions', {
    offence: 'Assault occasioning actual bodily harm',
    offenceDate: '2018-03-01',
    convictionDate: '2018-09-12',
    court: 'Bristol Crown Court',
    outcome: 'custody',
    lengthMonths: 30,
    isIndexOffence: true,
  });
  await addSectionRow(database, ctx, johnId, 'risk-assessments', {
    assessedOn: '2024-06-01',
    assessor: 'Pat Practitioner',
    roshOverall: 'HIGH',
  });
  await addSectionRow(database, ctx, johnId, 'markers', { type: 'stalking', startDate: '2023-01-01' });

  page = await ui.start(database);
});

afterAll(() => ui.close());

describe('a probation practitioner’s journey through Vigil', () => {
  it('signs in, setting up two-factor authentication', async () => {
    const response = await visit('/');
    expect(page.url()).toBe(url('/sign-in'));
    await expect.poll(() => page.title()).toBe('Sign in – Vigil');
    await check(response, 'sign-in page');

    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    const setUp = await navigation(() => page.getByRole('button', { name: 'Sign in' }).click());
    expect(page.url()).toBe(url('/sign-in/set-up-two-factor'));
    await check(setUp, 'set up two-factor authentication');
    // As an authenticator app would: codes from the key the page shows.
    const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    await page.getByLabel('Code from your authenticator app').fill(await totpCode(secret));
    const codes = await navigation(() => page.getByRole('button', { name: 'Continue' }).click());
    expect(await page.locator('#recovery-codes li').count()).toBe(10);
    await check(codes, 'recovery codes');
    const startPage = await navigation(() =>
      page.getByRole('button', { name: /I have saved my recovery codes/ }).click(),
    );
    // A practitioner starts on their start page (issue 13), and finds people from the navigation.
    expect(page.url()).toBe(url('/start'));
    await check(startPage, 'start page');
    const searchPage = await navigation(() => page.getByRole('link', { name: 'Find a person' }).click());
    expect(page.url()).toBe(url('/search'));
    const cookies = await ui.session.context.cookies();
    expect(cookies.find((c) => c.name === '__Host-vigil-session')).toMatchObject({
      secure: true,
      httpOnly: true,
    });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Find a person');
    expect(await page.getByText(DISPLAY_NAME).count()).toBeGreaterThan(0);
    await check(searchPage, 'search page');
  });

  it('finds John Smith from a misspelt name', async () => {
    await page.getByLabel('Name or identifier').fill('Jonh Smiht');
    const results = await navigation(() => page.getByRole('button', { name: 'Search', exact: true }).click());
    expect(new URL(page.url()).searchParams.get('q')).toBe('Jonh Smiht');
    const rows = page.locator('table.govuk-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect((await rows.first().locator('td').first().locator('a').first().textContent())?.trim()).toBe(
      'John Smith',
    );
    await check(results, 'search results');
  });

  it('opens the record and shows every section', async () => {
    const overview = await navigation(() =>
      page.locator('table.govuk-table tbody tr').first().getByRole('link', { name: 'John Smith' }).click(),
    );
    expect(page.url()).toBe(url(`/nominals/${johnId}`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('John Smith');
    for (const heading of [
      'Summary',
      'Identity',
      'Addresses',
      'Offences and sentences',
      'Risk assessments',
      'Markers',
    ]) {
      expect(await page.getByRole('heading', { level: 2, name: heading, exact: true }).count(), heading).toBe(
        1,
      );
    }
    const addresses = page.locator('#addresses');
    expect(await addresses.textContent()).toContain('1 High Street');
    expect(await page.locator('#convictions').textContent()).toContain(
      'Assault occasioning actual bodily harm',
    );
    expect(await page.locator('#markers').textContent()).toContain('Stalking');
    await check(overview, 'record overview');
  });

  it('changes the address, and says so', async () => {
    const form = await navigation(() =>
      page
        .locator('#addresses')
        .getByRole('link', { name: /Change address/ })
        .click(),
    );
    expect(page.url()).toBe(url(`/nominals/${johnId}/addresses/${addressId}/edit`));
    expect(await page.getByLabel('Address line 1').inputValue()).toBe('1 High Street');
    await check(form, 'change address form');

    await page.getByLabel('Address line 1').fill('22 Acacia Avenue');
    await page.getByLabel(/Postcode/).fill('bs8 1th');
    const overview = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(page.url()).toBe(url(`/nominals/${johnId}?updated=addresses#addresses`));
    const banner = page.locator('.govuk-notification-banner--success');
    expect(await banner.textContent()).toContain('Your changes have been saved');
    const addresses = await page.locator('#addresses').textContent();
    expect(addresses).toContain('22 Acacia Avenue');
    expect(addresses).toContain('BS8 1TH');
    expect(addresses).not.toContain('1 High Street');
    await check(overview, 'record overview after a change');
  });

  it('shows the change on the timeline, before and after', async () => {
    const timeline = await navigation(() =>
      page
        .getByRole('navigation', { name: 'Record navigation' })
        .getByRole('link', { name: 'Timeline' })
        .click(),
    );
    expect(page.url()).toBe(url(`/nominals/${johnId}/timeline`));
    const entry = page.locator('.moj-timeline__item', { hasText: 'Address updated' });
    expect(await entry.count()).toBe(1);
    const text = (await entry.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('Address line 1: 1 High Street → 22 Acacia Avenue');
    expect(text).toContain('Postcode: BS1 4DJ → BS8 1TH');
    expect(text).toContain(`by ${DISPLAY_NAME}`);
    await check(timeline, 'timeline');
  });

  it('refuses a wrong address with a GOV.UK error summary, and saves nothing', async () => {
    const before = await addressRow();
    const changesBefore = await changeCount();
    await visit(`/nominals/${johnId}/addresses/${addressId}/edit`);
    ui.session.console.take();

    await page.getByLabel(/Postcode/).fill('NOT A POSTCODE');
    // "Lived here until" before "Lived here from" (15 January 2020).
    const until = page.getByRole('group', { name: /Lived here until/ });
    await until.getByLabel('Day').fill('1');
    await until.getByLabel('Month').fill('1');
    await until.getByLabel('Year').fill('2019');
    const refused = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(refused?.status()).toBe(400);
    await expect.poll(() => page.title()).toMatch(/^Error: /);

    const summary = page.locator('.govuk-error-summary');
    expect(await summary.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
    const links = summary.locator('.govuk-error-summary__list a');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('#postcode');
    for (const href of hrefs) {
      // Each link must land on a real, focusable field.
      expect(await page.locator(href!).count(), `error summary link ${href}`).toBe(1);
    }
    // The field shows its own message too, and the user's entry is kept.
    expect(await page.locator('#postcode-error').textContent()).toMatch(/postcode/i);
    expect(await page.getByLabel(/Postcode/).inputValue()).toBe('NOT A POSTCODE');
    await links
      .filter({ hasText: /postcode/i })
      .first()
      .click();
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('postcode');
    await check(refused, 'change address form with errors');

    // With the postcode put right, the date range is still refused, linked to its first field:
    // tests/integration/page-errors.test.ts.
    expect(await addressRow()).toEqual(before);
    expect(await changeCount()).toBe(changesBefore);
  });

  it('offers the "Add a person" form', async () => {
    const response = await navigation(() =>
      page
        .getByRole('navigation', { name: /menu|navigation/i })
        .first()
        .getByRole('link', { name: 'Add a person' })
        .click(),
    );
    expect(page.url()).toBe(url('/nominals/new'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Add a person');
    expect(await page.getByLabel('First name').count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Date of birth' }).count()).toBe(1);
    await check(response, 'add a person form');
  });

  it('shows the API documentation', async () => {
    const response = await visit('/api/docs');
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Vigil API documentation');
    expect(await page.locator('table.govuk-table tbody tr').count()).toBeGreaterThan(0);
    await check(response, 'API documentation');
  });

  it('shows a helpful page for an address that does not exist', async () => {
    const response = await visit('/no-such-page');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await check(response, '404 page');
  });

  it('signs out, after which the record cannot be seen', async () => {
    await visit('/search');
    ui.session.console.take();
    const signedOut = await navigation(() => page.getByRole('button', { name: 'Sign out' }).click());
    expect(page.url()).toBe(url('/sign-in'));
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await check(signedOut, 'sign-in page after signing out');

    await visit(`/nominals/${johnId}`);
    expect(page.url()).toBe(url('/sign-in'));
    ui.session.console.take();
  });
});
