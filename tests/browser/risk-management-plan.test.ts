import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import type { Role } from '../../src/domain/codes.ts';
import { addDays, addMonths, londonDateAt } from '../../src/domain/dates.ts';
import { decideLevel } from '../../src/modules/levels/use-cases.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/use-cases.ts';
import { revisePlan } from '../../src/modules/risk-management-plan/use-cases.ts';
import {
  agencyFor,
  checkPage,
  launchBrowser,
  openBrowserDatabase,
  signInInBrowser,
  startServer,
  watchConsole,
  type BrowserServer,
} from '../support/browser.ts';
import { TEST_PASSWORD, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';

/**
 * The one risk management plan, level changes, area settings and the prison report (MAPPA F) in a
 * real browser: a practitioner writes and revises the plan (and meets a conflict), the record shows
 * the plan a meeting updated; a practitioner is refused a reduction with a safeguarding action open
 * and the chair overrides it; the coordinator sets the screening route and standing panel; a prison
 * offender manager writes a MAPPA F that a second manager approves. Every page is checked with axe.
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

interface As {
  page: Page;
  console: ReturnType<typeof watchConsole>;
}
const sessions = new Map<string, As>();

const url = (path: string) => `${server.baseUrl}${path}`;

/** A signed-in browser context per person, kept for the suite. */
async function as(who: { email: string }): Promise<As> {
  const existing = sessions.get(who.email);
  if (existing) return existing;
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const console = watchConsole(page);
  await signInInBrowser(page, server.baseUrl, { email: who.email, password: TEST_PASSWORD });
  await page.waitForLoadState('networkidle');
  console.take();
  const session = { page, console };
  sessions.set(who.email, session);
  return session;
}

async function navigation(page: Page, action: () => Promise<unknown>): Promise<Response | null> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) =>
        r.request().isNavigationRequest() &&
        r.frame() === page.mainFrame() &&
        (r.status() < 300 || r.status() >= 400),
    ),
    action(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

async function user(who: { email: string; name: string }, roles: Role[], agencyType: string) {
  const ctx = await makeActor(database, {
    roles,
    areaCode: 'AVS',
    agencyType,
    email: who.email,
    displayName: who.name,
  });
  return { ...ctx, today };
}

beforeAll(async () => {
  database = await openBrowserDatabase();
  today = londonDateAt(Date.now());
  pat = await user(PAT, ['probation_practitioner'], 'probation');
  chair = await user(CHAIR, ['meeting_chair'], 'police');
  await user(CASEY, ['mappa_coordinator'], 'probation');
  const priya = await user(PRIYA, ['prison_offender_manager'], 'prison');
  await user(MO, ['prison_offender_manager'], 'prison');

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
      area_code: 'AVS',
      level: 2,
      starts_at: new Date(),
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
  it('a practitioner writes the plan, with conditions, after being told the reason is missing', async () => {
    const { page, console } = await as(PAT);
    const empty = await page.goto(url(`/nominals/${nominalId}/risk-management-plan`), { waitUntil: 'load' });
    expect(await text(page, '#plan')).toContain('No risk management plan has been written');
    await checkPage(page, empty, console, 'plan page, no plan');

    const form = await navigation(page, () => page.getByRole('button', { name: 'Write the plan' }).click());
    await checkPage(page, form, console, 'plan form');
    await page.getByLabel('Supervision').fill('Weekly appointments at the Bristol office.');
    await page.getByLabel('Monitoring and control').fill('Curfew 19:00 to 07:00, electronically monitored.');
    await page.getByLabel('Victim safety planning').fill('Exclusion zone around the partner’s street.');
    await page.getByLabel('Contingency plan').fill('Recall on any breach of the exclusion zone.');
    await page.getByLabel('Condition 1').fill('Reside at the approved premises');
    await page.getByLabel('Condition 2').fill('No contact with the partner');
    const added = await navigation(page, () =>
      page.getByRole('button', { name: 'Add another condition' }).click(),
    );
    await page.getByLabel('Condition 3').fill('Do not enter the exclusion zone');
    await checkPage(page, added, console, 'plan form with another condition');

    const refused = await navigation(page, () => page.getByRole('button', { name: 'Save the plan' }).click());
    expect(refused?.status()).toBe(400);
    expect(await text(page, '.govuk-error-summary')).toContain('Enter why the plan is changing');
    expect(await page.getByLabel('Condition 3').inputValue()).toBe('Do not enter the exclusion zone');
    await checkPage(page, refused, console, 'plan form with errors');

    await page.getByLabel('Why is the plan changing?').fill('First plan after the Level 2 decision.');
    const saved = await navigation(page, () => page.getByRole('button', { name: 'Save the plan' }).click());
    expect(page.url()).toBe(url(`/nominals/${nominalId}/risk-management-plan?saved=yes`));
    const plan = await text(page, '#plan');
    expect(plan).toContain('Do not enter the exclusion zone');
    expect(plan).toContain('Pat Practitioner');
    await checkPage(page, saved, console, 'plan page after saving');
  });

  it('a stale save shows who changed what, and keeps the editor’s text', async () => {
    const { page, console } = await as(PAT);
    await page.goto(url(`/nominals/${nominalId}/risk-management-plan/edit`), { waitUntil: 'load' });
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
    const conflict = await navigation(page, () =>
      page.getByRole('button', { name: 'Save the plan' }).click(),
    );
    expect(conflict?.status()).toBe(409);
    const banner = await text(page, '.govuk-notification-banner');
    expect(banner).toContain('Chris Chair saved a newer version of the plan (version 2)');
    expect(banner).toContain('Twice-weekly appointments.');
    expect(await page.getByLabel('Interventions and treatment').inputValue()).toBe(
      'Building Better Relationships programme.',
    );
    await checkPage(page, conflict, console, 'plan form with a conflict');
  });

  it('the record shows the plan the meeting updated', async () => {
    const { page, console } = await as(PAT);
    const record = await page.goto(url(`/nominals/${nominalId}`), { waitUntil: 'load' });
    const section = await text(page, '#risk-management-plan');
    expect(section).toContain('Version 2');
    expect(section).toContain('Chris Chair');
    expect(section).toContain('Level 2 meeting');
    expect(section).toContain('Panel decision: more frequent supervision.');
    await checkPage(page, record, console, 'record overview with the plan');
    const plan = await navigation(page, () =>
      page.getByRole('link', { name: /View the risk management plan/ }).click(),
    );
    expect(await text(page, '#history')).toContain('Version 2: Chris Chair');
    await checkPage(page, plan, console, 'plan page with history');
  });
});

describe('changing level', () => {
  it('refuses a practitioner’s reduction while a safeguarding action is open', async () => {
    const { page, console } = await as(PAT);
    const form = await page.goto(url(`/nominals/${nominalId}/levels/new`), { waitUntil: 'load' });
    expect(await text(page, 'main')).toContain('1 action is open, a safeguarding action');
    await checkPage(page, form, console, 'level decision form with open actions');
    await page.getByLabel('Level 1', { exact: true }).check();
    await page.getByLabel('Rationale').fill('Stable for six months.');
    await page.getByLabel('What continues at the lower level').fill('Professionals’ meeting in six weeks.');
    const refused = await navigation(page, () => page.getByRole('button', { name: 'Save decision' }).click());
    expect(refused?.status()).toBe(400);
    expect(await text(page, '.govuk-error-summary')).toContain(
      'You cannot reduce the level while actions are open: 1 action is open, a safeguarding action',
    );
    await checkPage(page, refused, console, 'level decision refused');
  });

  it('the chair overrides with a reason, and the levels page shows it', async () => {
    const { page, console } = await as(CHAIR);
    await page.goto(url(`/nominals/${nominalId}/levels/new?meeting=${meetingId}`), { waitUntil: 'load' });
    await page.getByLabel('Level 1', { exact: true }).check();
    await page.getByLabel('Rationale').fill('Purpose of Level 2 achieved.');
    await page.getByLabel('What continues at the lower level').fill('Professionals’ meeting in six weeks.');
    await page
      .getByLabel(/Chair’s reason for overriding/)
      .fill('The visit is booked and owned by children’s social care.');
    const saved = await navigation(page, () => page.getByRole('button', { name: 'Save decision' }).click());
    expect(page.url()).toContain(`/nominals/${nominalId}/levels?decision=`);
    const decisions = await text(page, '#decisions');
    expect(decisions).toContain('Overridden by the chair');
    expect(decisions).toContain('Chris Chair reduced the level while actions were open');
    expect(decisions).toContain('The visit is booked and owned by children’s social care.');
    expect(decisions).toContain('Professionals’ meeting in six weeks.');
    await checkPage(page, saved, console, 'levels page with an override');
    const timeline = await page.goto(url(`/nominals/${nominalId}/timeline`), { waitUntil: 'load' });
    expect(await page.locator('main').textContent()).toContain('chair’s override by Chris Chair');
    await checkPage(page, timeline, console, 'timeline with an override');
  });
});

describe('area settings', () => {
  it('the coordinator chooses the screening route and the standing panel', async () => {
    const { page, console } = await as(CASEY);
    const settings = await page.goto(url('/area-settings'), { waitUntil: 'load' });
    expect(await page.locator('main').textContent()).toContain('has not chosen its panel yet');
    await checkPage(page, settings, console, 'area settings');
    await page.getByLabel('The coordinator jointly with a police detective inspector').check();
    const saved = await navigation(page, () => page.getByRole('button', { name: 'Save settings' }).click());
    expect(page.url()).toContain('/area-settings?saved=');
    expect(
      await page.getByLabel('The coordinator jointly with a police detective inspector').isChecked(),
    ).toBe(true);
    expect(await page.locator('main').textContent()).not.toContain('has not chosen its panel yet');
    await checkPage(page, saved, console, 'area settings saved');
  });
});

describe('the prison report (MAPPA F)', () => {
  let reportPath: string;

  it('prison staff write it; submitting needs the analysis', async () => {
    const { page, console } = await as(PRIYA);
    const list = await page.goto(url(`/nominals/${nominalId}/prison-reports`), { waitUntil: 'load' });
    await checkPage(page, list, console, 'prison reports, none');
    const form = await navigation(page, () =>
      page.getByRole('button', { name: 'Write a prison report' }).click(),
    );
    await checkPage(page, form, console, 'prison report form');
    await page.getByLabel('Behaviour in custody').fill('Settled; works in the kitchens.');
    await page.getByLabel('Communications monitoring findings').fill('40 calls in a month to a new partner.');
    const refused = await navigation(page, () =>
      page.getByRole('button', { name: 'Submit for approval' }).click(),
    );
    expect(refused?.status()).toBe(400);
    expect(await text(page, '.govuk-error-summary')).toContain('Enter the analysis');
    await checkPage(page, refused, console, 'prison report form with errors');
    await page
      .getByLabel('Analysis: what this means for risk')
      .fill(
        'The calls show the controlling behaviour of the offence continuing: risk to a new partner is high.',
      );
    const submitted = await navigation(page, () =>
      page.getByRole('button', { name: 'Submit for approval' }).click(),
    );
    reportPath = new URL(page.url()).pathname;
    expect(await text(page, 'main')).toContain('Awaiting approval');
    expect(await page.getByRole('button', { name: 'Approve and share' }).count()).toBe(0);
    await checkPage(page, submitted, console, 'prison report submitted');
  });

  it('a second manager approves it; then the practitioner sees it, as a page and a document', async () => {
    const mo = await as(MO);
    const pending = await mo.page.goto(url(reportPath), { waitUntil: 'load' });
    await checkPage(mo.page, pending, mo.console, 'prison report awaiting approval');
    const approved = await navigation(mo.page, () =>
      mo.page.getByRole('button', { name: 'Approve and share' }).click(),
    );
    expect(await text(mo.page, 'main')).toContain('Approved and shared');
    await checkPage(mo.page, approved, mo.console, 'prison report approved');

    const { page, console } = await as(PAT);
    const list = await page.goto(url(`/nominals/${nominalId}/prison-reports`), { waitUntil: 'load' });
    expect(await text(page, 'main')).toContain('Approved and shared');
    await checkPage(page, list, console, 'prison reports, approved');
    const documentPage = await page.goto(url(`${reportPath}/document`), { waitUntil: 'load' });
    expect(await text(page, 'h1')).toContain('MAPPA F: Prison information-sharing report');
    expect(await text(page, 'main')).toContain('Mo Manager');
    await checkPage(page, documentPage, console, 'prison report document');
  });
});
