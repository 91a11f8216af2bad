import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';

/**
 * Custody in a real browser (issue 14): a prison offender manager records a reception (an error
 * first), allocates the offender managers, records the handover and a pre-release check, then the
 * release; the custody worklist lists what is late. Every page passes axe.
 */

const POM = { email: 'pat.pom@prison.example.gov.uk', name: 'Pat Pom' };
const COM = { email: 'cath.com@probation.example.gov.uk', name: 'Cath Com' };

let database: Database;
let nominalId: string;
let prisonName: string;
const ui = new BrowserPage();
const { visit, check, navigation, text, fillDate } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  await namedUser(database, COM, ['probation_practitioner'], 'probation');
  const pom = await namedUser(database, POM, ['prison_offender_manager'], 'prison');
  prisonName = pom.actor.agencyName;
  nominalId = (await createNominal(database, pom, identity({ forename: 'Ivan', surname: 'Inside' }))).id;
  await ui.start(database);
  await ui.signInAs(POM.email);
});

afterAll(async () => {
  await ui.close();
});

describe('custody pages', () => {
  it('walks reception, allocation, handover, a check and release', async () => {
    const { page } = ui;
    const tab = await visit(`/nominals/${nominalId}/custody`);
    await check(tab, 'custody tab, nothing recorded');
    expect(await text('main')).toContain('No time in custody is recorded.');

    const form = await navigation(() =>
      page.getByRole('button', { name: 'Record a reception into custody' }).click(),
    );
    await check(form, 'reception form');
    await page.getByLabel('Establishment').selectOption({ label: prisonName });
    await fillDate(/^Date received/, '2026-06-01');
    await page.getByRole('group', { name: 'Recalled to custody' }).getByLabel('No').check();
    await fillDate(/^Sentence start date/, '2026-06-01');
    await fillDate(/^Conditional release date/, '2026-05-01');
    const refused = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(refused?.status()).toBe(400);
    await check(refused, 'reception form, refused');
    expect(await text('.govuk-error-summary')).toContain(
      'Conditional release date (CRD) must be on or after the sentence start date',
    );
    await fillDate(/^Conditional release date/, '2027-06-15');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(saved?.status()).toBe(200);
    await check(saved, 'custody tab, in custody');
    expect(await text('main')).toContain('In custody since 1 June 2026');
    expect(await text('main')).toContain('15 June 2027 (conditional release date)');

    await navigation(() => page.getByRole('link', { name: 'Allocate the offender managers' }).click());
    await check(await navigation(() => page.reload()), 'allocation form');
    await page.getByLabel('Prison offender manager’s email').fill(POM.email);
    await fillDate(/^POM allocated on/, '2026-06-05');
    await page.getByLabel('Community offender manager’s email').fill(COM.email);
    await fillDate(/^COM allocated on/, '2026-09-01');
    expect((await navigation(() => page.getByRole('button', { name: 'Save' }).click()))?.status()).toBe(200);

    await navigation(() => page.getByRole('link', { name: 'Record the handover' }).click());
    await fillDate(/^Handed over on/, '2026-09-20');
    await page
      .getByRole('group', { name: /three-way meeting/ })
      .getByLabel('Yes')
      .check();
    expect((await navigation(() => page.getByRole('button', { name: 'Save' }).click()))?.status()).toBe(200);
    expect(await text('main')).toContain('20 September 2026 (three-way meeting)');

    await navigation(() =>
      page.getByRole('link', { name: 'Record release accommodation confirmed' }).click(),
    );
    await check(await navigation(() => page.reload()), 'pre-release check form');
    await page.getByLabel('Outcome').selectOption('done');
    await fillDate(/^Done on/, '2026-11-01');
    expect((await navigation(() => page.getByRole('button', { name: 'Save' }).click()))?.status()).toBe(200);

    const worklist = await visit('/custody/worklist');
    await check(worklist, 'custody worklist');
    expect(await text('main')).toContain('Ivan Inside');
    expect(await text('main')).toContain('Licence conditions proposed: No licence conditions proposed');

    await visit(`/nominals/${nominalId}/custody`);
    await navigation(() => page.getByRole('link', { name: 'Record the release' }).click());
    await fillDate(/^Date released/, '2026-11-20');
    await page.getByLabel('Type of release').selectOption('conditional_release');
    const released = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    await check(released, 'custody tab, released');
    expect(await text('main')).toContain('Custody from 1 June 2026 to 20 November 2026');
  });
});
