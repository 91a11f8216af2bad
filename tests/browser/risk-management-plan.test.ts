import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import { decideLevel } from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { revisePlan } from '../../src/modules/risk-management-plan/index.ts';
import {
  agencyFor,
  launchBrowser,
  openBrowserDatabase,
  startServer,
  type BrowserServer,
} from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';
import { testClock, TODAY } from '../support/clock.ts';

/**
 * The one risk management plan, level changes, area settings and the prison report (MAPPA F) in a
 * real browser: a practitioner writes and revises the plan (and meets a conflict), the record shows
 * the plan a meeting updated; the chair reduces the level with a safeguarding action open, overriding
 * it; the coordinator sets the screening route and standing panel; a prison offender manager writes
 * a MAPPA F that a second manager approves. Every page is checked with axe. What a practitioner's
 * reduction with the action open, a plan without its reason and a report without its analysis are
 * told: tests/integration/page-errors.test.ts.
 */

const PAT = { email: 'pat.rmp@probation.example.gov.uk', name: 'Pat Practitioner' };
const CHAIR = { email: 'chris.rmp@police.example.gov.uk', name: 'Chris Chair' };
const CASEY = { email: 'casey.rmp@probation.example.gov.uk', name: 'Casey Coordinator' };
const PRIYA = { email: 'priya.rmp@prison.example.gov.uk', name: 'Priya Prison' };
const MO = { email: 'mo.rmp@prison.example.gov.uk', name: 'Mo Manager' };

let database: Database;
let server: BrowserServer;
let browser: Browser;
let today: string;
let nominalId: string;
let meetingId: string;
let pat: UseCaseContext;
let chair: UseCaseContext;

const sessions = new Map<string, BrowserPage>();

/** A signed-in browser context per person, kept for the suite. */
async function as(who: { email: string }): Promise<BrowserPage> {
  const existing = sessions.get(who.email);
  if (existing) return existing;
  const person = new BrowserPage();
  await person.open(server, browser);
  await person.signInAs(who.email);
  sessions.set(who.email, person);
  return person;
}

beforeAll(async () => {
  database = await openBrowserDatabase();
  today = TODAY;
  pat = await namedUser(database, PAT, ['probation_practitioner'], 'probation', today);
  chair = await namedUser(database, CHAIR, ['meeting_chair'], 'police', today);
  await namedUser(database, CASEY, ['mappa_coordinator'], 'probation', today);
  const priya = await namedUser(database, PRIYA, ['prison_offender_manager'], 'prison', today);
  await namedUser(database, MO, ['prison_offender_manager'], 'prison', today);

  nominalId = (
    await createNominal(
      database,
      pat,
      identity({ forename: 'Kevin', surname: 'Marsh', dateOfBirth: '1985-02-11' }),
    )
  ).id;
  const sentenceStart = addMonths(today, -30);
  await addSectionRow(database, pat, nominalId, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    convictionDate: sentenceStart,
    outcome: 'custody',
    lengthMonths: 48,
    isIndexOffence: true,
    sentenceStart,
    conditionalReleaseDate: addDays(today, -200),
    licenceExpiryDate: addMonths(sentenceStart, 48),
    sentenceExpiryDate: addMonths(sentenceStart, 48),
  });
  await addSectionRow(database, pat, nominalId, 'managers', {
    role: 'prison_offender_manager',
    name: PRIYA.name,
    agencyId: priya.actor.agencyId,
    fromDate: addMonths(today, -6),
  });
  await decideLevel(database, pat, nominalId, {
    level: 2,
    criteria: ['rosh_high_or_very_high'],
    rationale: 'High RoSH to a new partner; children’s services must act with police and probation.',
  });
  const meeting = await database.db
    .insertInto('meetings')
    .values({
      created_at: testClock.now(),
      area_code: 'AVS',
      level: 2,
      starts_at: testClock.now(),
      format: 'online',
      online_link: 'https://meet.example.gov.uk/rmp',
      chair_user_id: chair.actor.userId,
      created_by: chair.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  meetingId = meeting.id;
  await database.db
    .insertInto('meeting_nominals')
    .values({ meeting_id: meetingId, nominal_id: nominalId })
    .execute();
  await database.db
    .insertInto('actions')
    .values({
      created_at: testClock.now(),
      nominal_id: nominalId,
      meeting_id: meetingId,
      description: 'Children’s social care to visit the partner’s household',
      pillar: 'victim_safety_planning',
      safeguarding: true,
      owner_agency_id: (await agencyFor(database, 'AVS', 'childrens_social_care')).id,
      due_on: addDays(today, 10),
      created_by: chair.actor.userId,
    })
    .execute();

  server = await startServer(database);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe('the risk management plan', () => {
  it('a practitioner writes the plan, with conditions', async () => {
    const { page, visit, check, navigation, text, url } = await as(PAT);
    const empty = await visit(`/nominals/${nominalId}/risk-management-plan`);
    expect(await text('#plan')).toContain('No risk management plan has been written');
    await check(empty, 'plan page, no plan');

    const form = await navigation(() => page.getByRole('button', { name: 'Write the plan' }).click());
    await check(form, 'plan form');
    await page.getByLabel('Supervision').fill('Weekly appointments at the Bristol office.');
    await page.getByLabel('Monitoring and control').fill('Curfew 19:00 to 07:00, electronically monitored.');
    await page.getByLabel('Victim safety planning').fill('Exclusion zone around the partner’s street.');
    await page.getByLabel('Contingency plan').fill('Recall on any breach of the exclusion zone.');
    await page.getByLabel('Condition 1').fill('Reside at the approved premises');
    await page.getByLabel('Condition 2').fill('No contact with the partner');
    const added = await navigation(() => page.getByRole('button', { name: 'Add another condition' }).click());
    await page.getByLabel('Condition 3').fill('Do not enter the exclusion zone');
    await check(added, 'plan form with another condition');

    await page.getByLabel('Why is the plan changing?').fill('First plan after the Level 2 decision.');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save the plan' }).click());
    expect(page.url()).toBe(url(`/nominals/${nominalId}/risk-management-plan?saved=yes`));
    const plan = await text('#plan');
    expect(plan).toContain('Do not enter the exclusion zone');
    expect(plan).toContain('Pat Practitioner');
    await check(saved, 'plan page after saving');
  });

  it('a stale save shows who changed what, and keeps the editor’s text', async () => {
    const { page, visit, check, navigation, text } = await as(PAT);
    await visit(`/nominals/${nominalId}/risk-management-plan/edit`);
    // Meanwhile the chair revises the plan at the meeting.
    await revisePlan(database, chair, nominalId, {
      expectedVersion: 1,
      supervision: 'Twice-weekly appointments.',
      monitoringAndControl: 'Curfew 19:00 to 07:00, electronically monitored.',
      victimSafetyPlanning: 'Exclusion zone around the partner’s street.',
      contingency: 'Recall on any breach of the exclusion zone.',
      conditions: [
        'Reside at the approved premises',
        'No contact with the partner',
        'Do not enter the exclusion zone',
      ],
      reason: 'Panel decision: more frequent supervision.',
      meetingId,
    });
    await page.getByLabel('Interventions and treatment').fill('Building Better Relationships programme.');
    await page.getByLabel('Why is the plan changing?').fill('Programme place confirmed.');
    const conflict = await navigation(() => page.getByRole('button', { name: 'Save the plan' }).click());
    expect(conflict?.status()).toBe(409);
    const banner = await text('.govuk-notification-banner');
    expect(banner).toContain('Chris Chair saved a newer version of the plan (version 2)');
    expect(banner).toContain('Twice-weekly appointments.');
    expect(await page.getByLabel('Interventions and treatment').inputValue()).toBe(
      'Building Better Relationships programme.',
    );
    await check(conflict, 'plan form with a conflict');
  });

  it('the record shows the plan the meeting updated', async () => {
    const { page, visit, check, navigation, text } = await as(PAT);
    const record = await visit(`/nominals/${nominalId}`);
    const section = await text('#risk-management-plan');
    expect(section).toContain('Version 2');
    expect(section).toContain('Chris Chair');
    expect(section).toContain('Level 2 meeting');
    expect(section).toContain('Panel decision: more frequent supervision.');
    await check(record, 'record overview with the plan');
    const plan = await navigation(() =>
      page.getByRole('link', { name: /View the risk management plan/ }).click(),
    );
    expect(await text('#history')).toContain('Version 2: Chris Chair');
    await check(plan, 'plan page with history');
  });
});

describe('changing level', () => {
  it('the chair overrides with a reason, and the levels page shows it', async () => {
    const { page, visit, check, navigation, text } = await as(CHAIR);
    await visit(`/nominals/${nominalId}/levels/new?meeting=${meetingId}`);
    await page.getByLabel('Level 1', { exact: true }).check();
    await page.getByLabel('Rationale').fill('Purpose of Level 2 achieved.');
    await page.getByLabel('What continues at the lower level').fill('Professionals’ meeting in six weeks.');
    await page
      .getByLabel(/Chair’s reason for overriding/)
      .fill('The visit is booked and owned by children’s social care.');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save decision' }).click());
    expect(page.url()).toContain(`/nominals/${nominalId}/levels?decision=`);
    const decisions = await text('#decisions');
    expect(decisions).toContain('Overridden by the chair');
    expect(decisions).toContain('Chris Chair reduced the level while actions were open');
    expect(decisions).toContain('The visit is booked and owned by children’s social care.');
    expect(decisions).toContain('Professionals’ meeting in six weeks.');
    await check(saved, 'levels page with an override');
    const timeline = await visit(`/nominals/${nominalId}/timeline`);
    expect(await page.locator('main').textContent()).toContain('chair’s override by Chris Chair');
    await check(timeline, 'timeline with an override');
  });
});

describe('area settings', () => {
  it('the coordinator chooses the screening route and the standing panel', async () => {
    const { page, visit, check, navigation } = await as(CASEY);
    const settings = await visit('/area-settings');
    expect(await page.locator('main').textContent()).toContain('has not chosen its panel yet');
    await check(settings, 'area settings');
    await page.getByLabel('The coordinator jointly with a police detective inspector').check();
    const saved = await navigation(() => page.getByRole('button', { name: 'Save settings' }).click());
    expect(page.url()).toContain('/area-settings?saved=');
    expect(
      await page.getByLabel('The coordinator jointly with a police detective inspector').isChecked(),
    ).toBe(true);
    expect(await page.locator('main').textContent()).not.toContain('has not chosen its panel yet');
    await check(saved, 'area settings saved');
  });
});

describe('the prison report (MAPPA F)', () => {
  let reportPath: string;

  it('prison staff write it and submit it for approval', async () => {
    const { page, visit, check, navigation, text } = await as(PRIYA);
    const list = await visit(`/nominals/${nominalId}/prison-reports`);
    await check(list, 'prison reports, none');
    const form = await navigation(() => page.getByRole('button', { name: 'Write a prison report' }).click());
    await check(form, 'prison report form');
    await page.getByLabel('Behaviour in custody').fill('Settled; works in the kitchens.');
    await page.getByLabel('Communications monitoring findings').fill('40 calls in a month to a new partner.');
    await page
      .getByLabel('Analysis: what this means for risk')
      .fill(
        'The calls show the controlling behaviour of the offence continuing: risk to a new partner is high.',
      );
    const submitted = await navigation(() =>
      page.getByRole('button', { name: 'Submit for approval' }).click(),
    );
    reportPath = new URL(page.url()).pathname;
    expect(await text('main')).toContain('Awaiting approval');
    expect(await page.getByRole('button', { name: 'Approve and share' }).count()).toBe(0);
    await check(submitted, 'prison report submitted');
  });

  it('a second manager approves it; then the practitioner sees it, as a page and a document', async () => {
    const mo = await as(MO);
    const pending = await mo.visit(reportPath);
    await mo.check(pending, 'prison report awaiting approval');
    const approved = await mo.navigation(() =>
      mo.page.getByRole('button', { name: 'Approve and share' }).click(),
    );
    expect(await mo.text('main')).toContain('Approved and shared');
    await mo.check(approved, 'prison report approved');

    const { visit, check, text } = await as(PAT);
    const list = await visit(`/nominals/${nominalId}/prison-reports`);
    expect(await text('main')).toContain('Approved and shared');
    await check(list, 'prison reports, approved');
    const documentPage = await visit(`${reportPath}/document`);
    expect(await text('h1')).toContain('MAPPA F: Prison information-sharing report');
    expect(await text('main')).toContain('Mo Manager');
    await check(documentPage, 'prison report document');
  });
});
