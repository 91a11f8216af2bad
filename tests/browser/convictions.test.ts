import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { expectNoAxeViolations, openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';

/**
 * The conviction form in a real browser: the offence field becomes an accessible autocomplete over
 * the offence list, and what the list says of the chosen offence shows under it; a sentence's kind
 * and terms are checked across fields (the error summary), and a term consecutive to another of the
 * person's convictions is chosen from them. A civil order and the Category 4 decision are recorded
 * on their own forms. Every page, and the open suggestion list, passes axe.
 */

const PAT = { email: 'pat.convictions@probation.example.gov.uk', name: 'Pat Practitioner' };

let database: Database;
let nominalId: string;
const ui = new BrowserPage();
const { visit, check, navigation, text, fillDate } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  const pat = await namedUser(database, PAT, ['probation_practitioner'], 'probation');
  nominalId = (await createNominal(database, pat, identity({ forename: 'Owen', surname: 'Sentencing' }))).id;
  await addSectionRow(database, pat, nominalId, 'convictions', {
    offence: 'Robbery',
    convictionDate: '2022-03-01',
    outcome: 'custody',
    lengthMonths: 24,
    isIndexOffence: false,
    sentenceStart: '2022-03-01',
  });
  await ui.start(database);
  await ui.signInAs(PAT.email);
});

afterAll(async () => {
  await ui.close();
});

describe('the conviction form', () => {
  it('picks the offence from the list with an accessible autocomplete, and checks the sentence', async () => {
    const { page } = ui;
    const form = await visit(`/nominals/${nominalId}/convictions/new`);
    await check(form, 'new conviction');
    // Enhanced: the plain input and its datalist are replaced by the autocomplete, same id and name.
    await expect.poll(() => page.locator('.autocomplete__wrapper #offence').count()).toBe(1);
    expect(await page.locator('datalist').count()).toBe(0);

    const offence = page.locator('#offence');
    await offence.fill('grievous bodily harm with');
    const option = page.getByRole('option', { name: 'Wounding or causing grievous bodily harm with intent' });
    await option.waitFor();
    await expectNoAxeViolations(page, 'new conviction, suggestions open');
    await option.click();
    expect(await offence.inputValue()).toBe('Wounding or causing grievous bodily harm with intent');
    await expect
      .poll(() => text('#offence-classification'))
      .toMatch(/^On the offence list \(.+\): .*Schedule 15/);

    await fillDate(/^Conviction date/, '2024-05-10');
    await page.getByLabel('Outcome', { exact: true }).selectOption('custody');
    await page.locator('#sentenceType').selectOption('extended');
    await page.locator('#lengthMonths').fill('48');
    await page.getByRole('group', { name: 'Index offence' }).getByLabel('Yes').check();
    const refused = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(refused?.status()).toBe(400);
    await check(refused, 'new conviction, refused');
    expect(await text('.govuk-error-summary')).toContain(
      'Enter the extension period of the extended sentence in months',
    );
    // What was typed is kept, and the offence field is enhanced again.
    expect(await page.locator('#offence').inputValue()).toBe(
      'Wounding or causing grievous bodily harm with intent',
    );

    await page.locator('#extensionMonths').fill('36');
    await page
      .locator('#consecutiveTo')
      .selectOption({ label: 'Robbery (Custodial sentence), convicted 1 March 2022' });
    await page
      .getByRole('group', { name: /^Terrorist connection/ })
      .getByLabel('No')
      .check();
    await page.locator('#victimAge').selectOption('18_or_over');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(saved?.status()).toBe(200);
    await check(saved, 'record after adding a conviction');
    const card = page.locator('.govuk-summary-card', {
      hasText: 'Wounding or causing grievous bodily harm with intent (Extended determinate sentence (EDS))',
    });
    expect(await card.textContent()).toMatch(/Consecutive to\s*Robbery \(Custodial sentence\)/);
    expect(await card.textContent()).toMatch(/Offence list\s*On the offence list/);
  });

  it('keeps an offence that is not on the list, saying it needs classifying', async () => {
    const { page } = ui;
    await visit(`/nominals/${nominalId}/convictions/new`);
    await expect.poll(() => page.locator('.autocomplete__wrapper #offence').count()).toBe(1);
    await page.locator('#offence').fill('Keeping a dangerous wild animal without a licence');
    await expect
      .poll(() => text('#offence-classification'))
      .toBe('Not on the offence list: it needs classifying');
  });

  it('records a civil order and the Category 4 decision on their own forms', async () => {
    const { page } = ui;
    const orderForm = await visit(`/nominals/${nominalId}/orders/new`);
    await check(orderForm, 'new civil order');
    await page.getByLabel('Order', { exact: true }).selectOption('shpo');
    await fillDate(/^Date made/, '2025-02-01');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(saved?.status()).toBe(200);
    expect(await text('#orders')).toContain('Sexual harm prevention order (SHPO), made 1 February 2025');

    const decision = await visit(`/nominals/${nominalId}/terrorism-risk/edit`);
    await check(decision, 'Category 4 decision');
    await fillDate(/^Accepted into Category 4 on/, '2025-06-01');
    const done = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(done?.status()).toBe(200);
    expect(await text('#terrorism-risk')).toContain('1 June 2025');
  });
});
