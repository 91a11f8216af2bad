import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import { decideLevel } from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { saveReferralDraft } from '../../src/modules/referrals/index.ts';
import { agencyFor, openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';
import { TODAY } from '../support/clock.ts';

/**
 * The "done when" for referrals, in a real browser: a probation practitioner refers a
 * Level 1 nominal filling in only what the record cannot know (the draft saves itself as they
 * type), the MAPPA coordinator accepts it with a reason, and the practitioner sees the decision in
 * their inbox and on the referral. Every page is checked with axe, for its CSP and console errors.
 * What a referral submitted too early and a screening without a rationale are told:
 * tests/integration/page-errors.test.ts.
 */

const PAT = { email: 'pat.referrals@probation.example.gov.uk', name: 'Pat Practitioner' };
const CASEY = { email: 'casey.referrals@probation.example.gov.uk', name: 'Casey Coordinator' };
const OFFENCE = 'Wounding or causing grievous bodily harm with intent';

let database: Database;
let page: Page;
let today: string;
let nominalId: string;
let referralId: string;
let pat: UseCaseContext;

const ui = new BrowserPage();
const { url, visit, check, navigation, text, signInAs, inboxLabel } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  today = TODAY;
  pat = await namedUser(database, PAT, ['probation_practitioner'], 'probation', today);
  await namedUser(database, CASEY, ['mappa_coordinator'], 'probation', today);
  await agencyFor(database, 'AVS', 'childrens_social_care');

  // Liam: Category 2, released on licence, Level 1; a new partner with children brings new risk.
  nominalId = (
    await createNominal(
      database,
      pat,
      identity({ forename: 'Liam', surname: 'Porter', dateOfBirth: '1985-02-11' }),
    )
  ).id;
  const sentenceStart = addMonths(today, -20);
  await addSectionRow(database, pat, nominalId, 'convictions', {
    offence: OFFENCE,
    convictionDate: sentenceStart,
    court: 'Bristol Crown Court',
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart,
    conditionalReleaseDate: addMonths(sentenceStart, 18),
    actualReleaseDate: addMonths(sentenceStart, 18),
    licenceExpiryDate: addMonths(sentenceStart, 36),
    sentenceExpiryDate: addMonths(sentenceStart, 36),
  });
  await addSectionRow(database, pat, nominalId, 'addresses', {
    type: 'home',
    line1: '4 Quay Street',
    town: 'Bristol',
    postcode: 'BS1 4DJ',
    fromDate: addMonths(today, -2),
  });
  await addSectionRow(database, pat, nominalId, 'risk-assessments', {
    assessedOn: addDays(today, -7),
    assessor: PAT.name,
    roshOverall: 'HIGH',
    roshChildren: 'HIGH',
  });
  await addSectionRow(database, pat, nominalId, 'markers', {
    type: 'domestic_abuse',
    startDate: addMonths(today, -1),
  });
  await addSectionRow(database, pat, nominalId, 'managers', {
    role: 'community_offender_manager',
    name: PAT.name,
    agencyId: pat.actor.agencyId,
    userEmail: PAT.email,
    fromDate: addMonths(today, -2),
  });
  await decideLevel(database, pat, nominalId, { level: 1, rationale: 'Stable on licence.' });

  page = await ui.start(database);
});

afterAll(() => ui.close());

describe('referral to Level 2, screening and the decision back to the referrer', () => {
  it('the practitioner starts a referral from the record’s Referrals tab', async () => {
    await signInAs(PAT.email);
    const tab = await visit(`/nominals/${nominalId}/referrals`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Liam Porter');
    const recordNavigation = page.getByRole('navigation', { name: 'Record navigation' });
    expect(await recordNavigation.getByRole('link', { name: 'Referrals' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await check(tab, 'record referrals tab');
    const draft = await navigation(() => page.getByRole('button', { name: 'Refer to Level 2 or 3' }).click());
    referralId = /\/referrals\/([0-9a-f-]+)\/edit$/.exec(page.url())![1]!;
    // Everything the record holds is already there.
    const record = await text('section[aria-labelledby="record-heading"]');
    expect(record).toContain(OFFENCE);
    expect(record).toContain('4 Quay Street, Bristol, BS1 4DJ');
    expect(record).toContain('High');
    expect(record).toContain('Domestic abuse');
    expect(record).toContain(PAT.name);
    expect(record).toContain('Category 2');
    await check(draft, 'referral draft');
  });

  it('saves the draft as the practitioner types, refuses a stale copy, then submits it', async () => {
    await page.getByLabel('Level 2', { exact: true }).check();
    await page
      .getByLabel('Reason for referral')
      .fill('New partner with two young children; police attended twice.');
    const saved = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/referrals/${referralId}`) && r.request().method() === 'POST' && r.status() === 200,
    );
    await page
      .getByLabel('What would multi-agency management add?')
      .fill('Children’s social care and police can plan safety for the children with probation.');
    await page.getByRole('group', { name: 'Children’s social care' }).getByRole('checkbox').first().check();
    await saved;
    await expect.poll(() => text('#draft-status')).toMatch(/^Draft saved at \d\d:\d\d$/);
    await expect
      .poll(
        async () =>
          (
            await database.db
              .selectFrom('referrals')
              .select('value_added')
              .where('id', '=', referralId)
              .executeTakeFirst()
          )?.value_added,
      )
      .toContain('plan safety for the children');

    // Meanwhile the draft is saved from another tab: submitting this page's older copy is refused,
    // and the page says how to get the newer one.
    const { version } = await database.db
      .selectFrom('referrals')
      .select('version')
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    await saveReferralDraft(database, pat, referralId, {
      reason: 'New partner with two young children; police attended twice.',
      version,
    });
    const conflict = await navigation(() => page.getByRole('button', { name: 'Submit referral' }).click());
    expect(conflict?.status()).toBe(409);
    expect(await text('h1')).toBe('This draft was changed after you opened it');
    const stillDraft = await database.db
      .selectFrom('referrals')
      .select('status')
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    expect(stillDraft.status).toBe('draft');
    await check(conflict, 'referral draft changed elsewhere');
    await navigation(() => page.getByRole('link', { name: 'Reload the draft' }).click());
    expect(page.url()).toBe(url(`/referrals/${referralId}/edit`));
    expect(await page.getByLabel('What would multi-agency management add?').inputValue()).toContain(
      'plan safety for the children',
    );

    const submitted = await navigation(() => page.getByRole('button', { name: 'Submit referral' }).click());
    expect(await text('.govuk-notification-banner')).toContain('Referral submitted');
    expect(await text('h1')).toContain('Awaiting screening');
    await check(submitted, 'submitted referral');
    const document = await navigation(() =>
      page.getByRole('link', { name: 'View the referral document (MAPPA A)' }).click(),
    );
    expect(await text('h1')).toContain('MAPPA A: Referral to Level 2 or 3 management');
    expect(await text('main')).toContain('police attended twice');
    await check(document, 'referral document');
  });

  it('the coordinator sees it awaiting screening and accepts it at Level 2 with a reason', async () => {
    await signInAs(CASEY.email);
    const list = await visit('/referrals');
    expect(await text('#awaiting')).toContain('Liam Porter');
    await check(list, 'referrals page (coordinator)');
    await navigation(() => page.locator('#awaiting').getByRole('link', { name: 'Liam Porter' }).click());
    const form = await navigation(() => page.getByRole('button', { name: 'Screen this referral' }).click());
    await check(form, 'screening form');
    await page.getByLabel('Accept at Level 2').check();
    await page.getByLabel('Assessed as posing a high or very high risk of serious harm').check();
    await page
      .getByLabel('Rationale')
      .fill('High RoSH to children in the new household: multi-agency planning is needed.');
    const decided = await navigation(() => page.getByRole('button', { name: 'Record decision' }).click());
    expect(await text('#decision')).toContain('accepted at Level 2');
    await check(decided, 'decided referral');
    // The inbox item that asked for the screening is done, naming the person, not waiting to be opened.
    const inbox = await visit('/inbox');
    const row = page.locator('table.govuk-table tbody tr', { hasText: 'awaits screening' });
    expect(await row.textContent()).toMatch(/Done.*Liam Porter/s);
    expect(await row.textContent()).not.toContain('Unread');
    await check(inbox, 'inbox with the screening done');
  });

  it('the practitioner sees the decision at once, in their inbox and on the referral', async () => {
    await signInAs(PAT.email);
    expect(await inboxLabel()).toBe('Inbox 1 unread');
    const inbox = await navigation(() => ui.inboxLink.click());
    expect(await text('main')).toContain('accepted at Level 2');
    await check(inbox, 'inbox');
    const referral = await navigation(() => page.getByRole('button', { name: /^Open/ }).first().click());
    expect(page.url()).toBe(url(`/referrals/${referralId}`));
    expect(await text('#decision')).toContain('accepted at Level 2');
    expect(await text('main')).toContain('multi-agency planning is needed');
    await check(referral, 'referral with its decision (referrer)');
    const mine = await visit('/referrals');
    expect(await text('#mine')).toContain('Accepted');
    await check(mine, 'referrals page (referrer)');
    const levels = await visit(`/nominals/${nominalId}/levels`);
    expect(await text('main')).toContain('Level 2');
    expect(levels?.status()).toBe(200);
  });
});
