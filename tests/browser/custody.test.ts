import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { addRelationshipAddress, addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';

/**
 * Custody in a real browser (issue 14), the whole walk: a prison offender manager records a
 * reception (an error first), allocates the offender managers, records the handover and a
 * pre-release check; the custody worklist lists what is late; a ROTL is applied for, approved and
 * completed; an HDC address next to the victim is proposed, the conflict shown, set aside with a
 * reason by the community offender manager and the address found suitable; then release on HDC.
 * Every page passes axe.
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
  const pom = await namedUser(database, POM, ['prison_offender_manager'], 'prison');
  prisonName = pom.actor.agencyName;
  const com = await namedUser(database, COM, ['probation_practitioner'], 'probation');
  nominalId = (await createNominal(database, pom, identity({ forename: 'Ivan', surname: 'Inside' }))).id;
  const victim = await addSectionRow(database, com, nominalId, 'relationships', {
    type: 'victim',
    personName: 'Vera Victim',
    isChild: false,
    inHousehold: false,
  });
  await addRelationshipAddress(database, com, nominalId, victim.id, {
    line1: '7 Quarry Lane',
    postcode: 'DE22 1AB',
    fromDate: '2024-05-01',
  });
  await ui.start(database);
  await ui.signInAs(POM.email);
});

afterAll(async () => {
  await ui.close();
});

describe('custody pages', () => {
  it('walks reception, allocation, handover, a check, a ROTL, an HDC address with a conflict and release', async () => {
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

    // A ROTL: applied for, approved, completed.
    await visit(`/nominals/${nominalId}/custody`);
    await navigation(() => page.getByRole('button', { name: 'Record a ROTL application' }).click());
    await page.getByLabel('Type of ROTL').selectOption('resettlement_day_release');
    await fillDate(/^Planned start/, '2026-11-10');
    await fillDate(/^Planned return/, '2026-11-10');
    await page.getByLabel('Address: first line').fill('4 Mill Lane');
    await page.getByLabel('Town or city').fill('Derby');
    await page.getByLabel('Postcode').fill('DE1 1AA');
    await page.getByRole('group', { name: 'Escorted' }).getByLabel('No').check();
    expect((await navigation(() => page.getByRole('button', { name: 'Save' }).click()))?.status()).toBe(200);
    await navigation(() => page.getByRole('link', { name: /^Record the decision/ }).click());
    await page.getByLabel('Decision').selectOption('approved');
    await page.getByLabel('Decided by').fill('Gail Grey, governor');
    await fillDate(/^Date decided/, '2026-11-05');
    expect((await navigation(() => page.getByRole('button', { name: 'Save' }).click()))?.status()).toBe(200);
    await navigation(() => page.getByRole('link', { name: /^Record the outcome/ }).click());
    await page.getByLabel('Outcome').selectOption('completed');
    const rotl = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(rotl?.status()).toBe(200);
    await check(rotl, 'custody tab, ROTL completed');
    expect(await text('main')).toContain('Completed');

    // The HDC address is in the victim's postcode: the prison offender manager sees the conflict
    // without the victim's details, and cannot set it aside.
    await navigation(() => page.getByRole('button', { name: 'Propose an address' }).click());
    await page.getByLabel('What the address is for').selectOption({ label: 'Home detention curfew (HDC)' });
    await page.getByLabel('Address line 1').fill('30 Quarry Lane');
    await page.getByLabel('Postcode').fill('de22 1ab');
    const proposed = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(proposed?.status()).toBe(200);
    await check(proposed, 'address check with a conflict, as the prison offender manager');
    expect(await text('main')).toContain('A victim lives at or near this address');
    expect(await text('main')).not.toContain('Vera Victim');
    const checkUrl = page.url();

    // The community offender manager sees the source, and sets it aside only with a reason.
    await ui.signInAs(COM.email);
    await visit(new URL(checkUrl).pathname);
    expect(await text('main')).toContain(
      'Victim Vera Victim lives in the same postcode (relationship, at this address from 1 May 2024)',
    );
    const noReason = await navigation(() =>
      page.getByRole('button', { name: 'Set this conflict aside' }).click(),
    );
    expect(noReason?.status()).toBe(400);
    await page
      .getByLabel('Why can this conflict be set aside?')
      .fill('Number 30 is a mile up the lane, on the far side of the quarry.');
    expect(
      (
        await navigation(() => page.getByRole('button', { name: 'Set this conflict aside' }).click())
      )?.status(),
    ).toBe(200);
    await page
      .getByRole('group', { name: 'Is the address suitable?' })
      .getByLabel('Suitable', { exact: true })
      .check();
    const decided = await navigation(() => page.getByRole('button', { name: 'Record the decision' }).click());
    expect(decided?.status()).toBe(200);
    expect(await text('main')).toContain('Suitable (Cath Com');

    // Released on home detention curfew.
    await ui.signInAs(POM.email);
    await visit(`/nominals/${nominalId}/custody`);
    await navigation(() => page.getByRole('link', { name: 'Record the release' }).click());
    await fillDate(/^Date released/, '2026-11-20');
    await page.getByLabel('Type of release').selectOption('hdc');
    const released = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    await check(released, 'custody tab, released');
    expect(await text('main')).toContain('Custody from 1 June 2026 to 20 November 2026');
    expect(await text('main')).toContain('Home detention curfew');
  });
});
