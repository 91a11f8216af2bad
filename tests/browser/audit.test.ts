import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { grantJustifiedAccess } from '../../src/modules/justified-access/index.ts';
import { createNominal, getNominal, setMappaStatus } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';

/**
 * A data protection officer's pages in a real browser: who viewed a record, what a user did, the
 * review of a justified access, and the export of a person's access history. Every page is checked
 * with axe (WCAG 2.2 AA), for its CSP and console errors. What the forms say when something is
 * missing or not found: tests/integration/page-errors.test.ts.
 */

const DPO = { email: 'fiona.dpo@police.example.gov.uk', name: 'Fiona Grant' };
const PRACTITIONER = { email: 'pat.practitioner@probation.example.gov.uk', name: 'Pat Practitioner' };

let database: Database;
let page: Page;
let nominal: { id: string; vigilRef: string };
let grantId: string;
let centenarian: { id: string; vigilRef: string };

const ui = new BrowserPage();
const { url, visit, check, navigation, signInAs } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  const practitioner = await namedUser(database, PRACTITIONER, ['probation_practitioner'], 'probation');
  await namedUser(database, DPO, ['data_protection_officer'], 'police');
  nominal = await createNominal(
    database,
    practitioner,
    identity({ forename: 'Norman', surname: 'Watched', dateOfBirth: '1971-04-09' }),
  );
  await getNominal(database, practitioner, nominal.id);
  // A MAPPA nominal whose 100th birthday has come: due for review for deletion.
  centenarian = await createNominal(
    database,
    practitioner,
    identity({ forename: 'Cyril', surname: 'Centenary', dateOfBirth: '1920-02-01' }),
  );
  await database.transaction((tx) => setMappaStatus(tx, centenarian.id, { category: 2, level: 1 }));
  grantId = (
    await grantJustifiedAccess(
      database,
      practitioner,
      nominal.id,
      'Covering for a colleague on leave this week',
    )
  ).id;
  page = await ui.start(database);
});

afterAll(() => ui.close());

describe('a data protection officer reading the access log', () => {
  it('signs in and opens the access log', async () => {
    await signInAs(DPO.email);
    const response = await visit('/audit');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Access log');
    await check(response, 'access log start page');
  });

  it('shows who viewed or changed a record', async () => {
    await page.getByLabel('Vigil reference or record id').fill(nominal.vigilRef);
    const response = await navigation(() =>
      page.getByRole('button', { name: 'Show who viewed or changed it' }).click(),
    );
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      `Norman Watched (${nominal.vigilRef})`,
    );
    const rows = page.locator('table.govuk-table tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain(PRACTITIONER.name);
    expect(await rows.last().textContent()).toContain('Collected');
    await check(response, 'who viewed a record');
  });

  it('shows what a user viewed or changed', async () => {
    const response = await visit(`/audit/user?email=${encodeURIComponent(PRACTITIONER.email)}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `What ${PRACTITIONER.name} viewed or changed`,
    );
    expect(await page.locator('table.govuk-table').textContent()).toContain(nominal.vigilRef);
    await check(response, 'what a user did');
  });

  it('reviews a justified access', async () => {
    let response = await visit('/audit/justified-accesses');
    expect(await page.locator('table.govuk-table tbody').textContent()).toContain('Covering for a colleague');
    await check(response, 'justified accesses awaiting review');

    response = await navigation(() =>
      page
        .getByRole('link', { name: /^Review/ })
        .first()
        .click(),
    );
    expect(page.url()).toBe(url(`/audit/justified-accesses/${grantId}`));
    await check(response, 'review form');

    await page.getByLabel('Appropriate', { exact: true }).check();
    response = await navigation(() => page.getByRole('button', { name: 'Save review' }).click());
    expect(page.url()).toBe(url('/audit/justified-accesses?reviewed=appropriate'));
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('found appropriate');
    await check(response, 'justified accesses after a review');
    const row = await database.db
      .selectFrom('justified_accesses')
      .select(['review_outcome', 'reviewed_at'])
      .where('id', '=', grantId)
      .executeTakeFirstOrThrow();
    expect(row.review_outcome).toBe('appropriate');
  });

  it('reviews the records due for deletion and erases one, with a reason', async () => {
    let response = await visit('/retention');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Records due for review for deletion',
    );
    expect(await page.locator('table.govuk-table tbody').textContent()).toContain('Cyril Centenary');
    await check(response, 'records due for review for deletion');

    response = await visit(`/retention/${centenarian.id}`);
    await check(response, 'erase form');
    response = await navigation(() => page.getByRole('button', { name: 'Erase personal data' }).click());
    expect(response?.status()).toBe(400);
    await check(response, 'erase form with errors');

    await page.getByLabel('Why is this record no longer needed?').fill('Reviewed at 100: no longer needed');
    await page.getByLabel('I confirm this person’s personal data is to be erased').check();
    response = await navigation(() => page.getByRole('button', { name: 'Erase personal data' }).click());
    expect(page.url()).toBe(url(`/retention?erased=${centenarian.vigilRef}`));
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('has been erased');
    await check(response, 'records due for review after an erasure');
  });

  it('exports a person’s access history as CSV, recorded as a disclosure', async () => {
    const response = await visit(`/audit/export?q=${encodeURIComponent(nominal.vigilRef)}`);
    await check(response, 'export form');

    await page.getByLabel('Subject access request').check();
    await page.getByLabel('Who will receive it').fill('Norman Watched (the data subject)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the access history' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^access-history-${nominal.vigilRef}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Entry,When (UTC),User');
    expect(csv).toContain('Norman Watched (the data subject)');
    const logged = await sql<{ operation: string; recipients: string[] }>`
      SELECT operation, recipients FROM access_log ORDER BY id DESC LIMIT 1`.execute(database.db);
    // A disclosure to the data subject, and to the officer who downloaded it.
    expect(logged.rows[0]).toEqual({
      operation: 'disclosure',
      recipients: ['Norman Watched (the data subject)', expect.stringMatching(/, downloaded as a CSV$/)],
    });
  });
});
