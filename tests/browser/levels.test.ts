import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { addDays, addMonths, formatDateLong } from '../../src/domain/dates.ts';
import { decideLevel, reportSignificantEvent } from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';
import { TODAY } from '../support/clock.ts';

/**
 * MAPPA levels in a real browser (MAPPA.md §3 steps 2 and 8, §6): a probation practitioner finds a
 * Category 2 prisoner four weeks from release with no level, records a screening and Level 1,
 * records a significant event, that the person was told of their status and a registered sex
 * offender's notification to the police, and works from their worklist and inbox; a MAPPA
 * coordinator reads the area worklists and considers a Category 3 candidate. Every page is checked
 * with axe (WCAG 2.2 AA), for its Content-Security-Policy and for console errors. What the forms say
 * when something is missing or not allowed (Category 3 at Level 1) is checked through app.inject in
 * tests/integration/page-errors.test.ts.
 */

const PAT = { email: 'pat.levels@probation.example.gov.uk', name: 'Pat Practitioner' };
const PAUL = { email: 'paul.levels@police.example.gov.uk', name: 'Paul Police' };
const CASEY = { email: 'casey.levels@probation.example.gov.uk', name: 'Casey Coordinator' };

let database: Database;
let page: Page;
let today: string;
let danielId: string;
let craigId: string;
let regId: string;

const ui = new BrowserPage();
const { url, visit, check, navigation, text, fillDate, signInAs, inboxLabel } = ui;

const decisionsOf = (nominalId: string) =>
  database.db.selectFrom('level_decisions').selectAll().where('nominal_id', '=', nominalId).execute();

beforeAll(async () => {
  database = await openBrowserDatabase();
  today = TODAY;
  const pat = await namedUser(database, PAT, ['probation_practitioner'], 'probation', today);
  const paul = await namedUser(database, PAUL, ['police_offender_manager'], 'police', today);
  await namedUser(database, CASEY, ['mappa_coordinator'], 'probation', today);

  // Daniel: Category 2 (Schedule 15, 36 months' custody), conditional release in four weeks, no level.
  danielId = (
    await createNominal(
      database,
      pat,
      identity({ forename: 'Daniel', surname: 'Hughes', dateOfBirth: '1988-04-09' }),
    )
  ).id;
  const release = addDays(today, 28);
  const sentenceStart = addMonths(release, -18);
  await addSectionRow(database, pat, danielId, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    offenceDate: addMonths(sentenceStart, -6),
    convictionDate: sentenceStart,
    court: 'Bristol Crown Court',
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart,
    conditionalReleaseDate: release,
    licenceExpiryDate: addMonths(sentenceStart, 36),
    sentenceExpiryDate: addMonths(sentenceStart, 36),
  });
  for (const [who, ctx, role] of [
    [PAT, pat, 'community_offender_manager'],
    [PAUL, paul, 'police_offender_manager'],
  ] as const) {
    await addSectionRow(database, pat, danielId, 'managers', {
      role,
      name: who.name,
      agencyId: ctx.actor.agencyId,
      userEmail: who.email,
      fromDate: addMonths(today, -6),
    });
  }
  // The police pass on new intelligence: it lands in Pat's inbox.
  await reportSignificantEvent(database, paul, danielId, {
    type: 'new_intelligence',
    occurredOn: addDays(today, -2),
    description: 'Intelligence that he has been in contact with the victim’s family from prison.',
  });

  // Craig: no category of his own; high risk of serious harm with a domestic abuse marker.
  craigId = (
    await createNominal(
      database,
      pat,
      identity({ forename: 'Craig', surname: 'Lewis', dateOfBirth: '1979-10-22' }),
    )
  ).id;
  await addSectionRow(database, pat, craigId, 'risk-assessments', {
    assessedOn: addDays(today, -20),
    assessor: PAT.name,
    roshOverall: 'HIGH',
  });
  await addSectionRow(database, pat, craigId, 'markers', {
    type: 'domestic_abuse',
    startDate: addMonths(today, -3),
  });

  // Reg: a registered sex offender (Category 1), released on licence.
  regId = (
    await createNominal(
      database,
      pat,
      identity({ forename: 'Reg', surname: 'Notifies', dateOfBirth: '1970-01-30' }),
    )
  ).id;
  await addSectionRow(database, pat, regId, 'convictions', {
    offence: 'Sexual assault on a female',
    convictionDate: addMonths(today, -30),
    outcome: 'custody',
    lengthMonths: 24,
    isIndexOffence: true,
    sentenceStart: addMonths(today, -30),
    conditionalReleaseDate: addMonths(today, -18),
    actualReleaseDate: addMonths(today, -18),
    licenceExpiryDate: addMonths(today, -6),
    sentenceExpiryDate: addMonths(today, -6),
  });
  await decideLevel(database, pat, regId, { level: 1, rationale: 'Complying with notification.' });

  page = await ui.start(database);
});

afterAll(() => ui.close());

describe('MAPPA levels, significant events, worklists and the inbox', () => {
  it('signs in as a probation practitioner, with a notification waiting', async () => {
    await signInAs(PAT.email);
    const response = await visit(`/nominals/${danielId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Daniel Hughes');
    expect(await inboxLabel()).toBe('Inbox 1 unread');
    const section = await text('#mappa-level');
    expect(section).toContain('Category 2');
    expect(section).toContain('Eligible – level not set');
    expect(section).not.toContain('Level 1');
    await check(response, 'record overview');
  });

  it('shows Daniel is eligible with no level, and the level decision overdue', async () => {
    const response = await navigation(() => page.getByRole('link', { name: /View MAPPA level/ }).click());
    expect(page.url()).toBe(url(`/nominals/${danielId}/levels`));
    const status = await text('#status');
    expect(status).toContain('Category 2: Violent offenders');
    expect(status).toContain('Eligible – level not set');
    expect(status).toContain('Level decision due');
    expect(status).toMatch(/Overdue by \d+ days/);
    expect(status).toContain('6 months before earliest release');
    expect(status).toContain(`earliest release ${formatDateLong(addDays(today, 28))}`);
    expect(await text('#events')).toContain('New intelligence');
    expect(await text('#decisions')).toContain('No level has been decided');
    await check(response, 'MAPPA level page, no level');
  });

  it('records a screening and Level 1', async () => {
    const form = await navigation(() =>
      page.getByRole('button', { name: 'Record a screening and level decision' }).click(),
    );
    expect(page.url()).toBe(url(`/nominals/${danielId}/levels/new`));
    await check(form, 'level decision form');
    // What an empty form is told, and that it writes nothing: tests/integration/page-errors.test.ts.

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
    // Decided three days ago, after the police intelligence came in: anything later prompts a review.
    await fillDate('Date of the decision', addDays(today, -3));
    await page
      .getByLabel('Rationale')
      .fill(
        'Medium risk in custody; the prison, police and probation can share information without meetings.',
      );
    const saved = await navigation(() => page.getByRole('button', { name: 'Save decision' }).click());
    expect(page.url()).toBe(
      url(`/nominals/${danielId}/levels?decision=${(await decisionsOf(danielId))[0]!.id}`),
    );
    expect(await text('.govuk-notification-banner--success')).toContain('Level 1 recorded');
    const status = await text('#status');
    expect(status).toContain('Level 1');
    expect(status).not.toContain('Eligible – level not set');
    expect(status).toContain('Next review due');
    const decisions = await text('#decisions');
    expect(decisions).toContain('Level 1 – First level decision');
    expect(decisions).toContain(PAT.name);
    expect(decisions).toContain('Is the person assessed as high or very high risk of serious harm? No');
    // The decision considered the intelligence recorded before it.
    expect(await text('#events')).toContain('Reviewed');
    await check(saved, 'MAPPA level page after a decision');
  });

  it('records a significant event, and says who was told', async () => {
    await visit(`/nominals/${danielId}/levels`);
    ui.session.console.take();
    const form = await navigation(() =>
      page.getByRole('button', { name: 'Record a significant event' }).click(),
    );
    expect(page.url()).toBe(url(`/nominals/${danielId}/events/new`));
    await check(form, 'significant event form');

    await page.getByLabel('Arrest or charge').check();
    await fillDate('When did it happen?', addDays(today, -1));
    await page
      .getByLabel('Describe what happened')
      .fill('Arrested on a prison visit for passing a threatening note.');
    const saved = await navigation(() => page.getByRole('button', { name: 'Record the event' }).click());
    expect(new URL(page.url()).pathname).toBe(`/nominals/${danielId}/levels`);
    const banner = await text('.govuk-notification-banner--success');
    expect(banner).toContain('Significant event recorded');
    expect(banner).toContain('1 other manager was notified');
    const events = await text('#events');
    expect(events).toContain('Arrest or charge');
    expect(events).toContain('Not yet reviewed');
    expect(await text('#status')).toContain('Within 10 days of a significant event');
    const paulInbox = await database.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select('n.subject')
      .where('u.email', '=', PAUL.email)
      .execute();
    expect(paulInbox.map((n) => n.subject)).toEqual([expect.stringContaining('Arrest or charge recorded')]);
    await check(saved, 'MAPPA level page after a significant event');
  });

  it('records that Daniel was told of his MAPPA status', async () => {
    const form = await navigation(() =>
      page.getByRole('button', { name: 'Record that they were told of their MAPPA status' }).click(),
    );
    await check(form, 'told of MAPPA status form');
    await fillDate('When were they told?', today);
    await page
      .getByRole('group', { name: /invited to contribute/ })
      .getByLabel('Yes')
      .check();
    await page
      .getByLabel(/Their views/)
      .fill('He said he did not know what MAPPA was and wants to be at the meeting.');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('told of their MAPPA status');
    expect(await text('#status')).toContain(`Yes, on ${formatDateLong(today)}. Invited to contribute.`);
    expect(await text('#told')).toContain('wants to be at the meeting');
    await check(saved, 'MAPPA level page after recording the person was told');
  });

  it('records a registered sex offender’s notification to the police', async () => {
    await visit(`/nominals/${regId}/levels`);
    ui.session.console.take();
    const form = await navigation(() =>
      page.getByRole('button', { name: 'Record a notification to the police' }).click(),
    );
    expect(page.url()).toBe(url(`/nominals/${regId}/offender-notifications/new`));
    await check(form, 'notification to the police form');
    await page.getByLabel('Initial notification (within 3 days)').check();
    await fillDate('When did they notify the police?', addDays(today, -2));
    await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(page.url()).toBe(url(`/nominals/${regId}/levels?notification=recorded#offender-notifications`));
    const notifications = await text('#offender-notifications');
    expect(notifications).toContain(formatDateLong(addDays(today, -2)));
    expect(notifications).toContain('Initial notification (within 3 days)');
    expect(notifications).toContain(PAT.name);
  });

  it('shows my worklist, with a CSV download', async () => {
    const response = await navigation(() =>
      page
        .getByRole('navigation', { name: /menu|navigation/i })
        .first()
        .getByRole('link', { name: 'My worklist' })
        .click(),
    );
    expect(page.url()).toBe(url('/worklists/mine'));
    const row = page.locator('table.govuk-table tbody tr', { hasText: 'Daniel Hughes' });
    expect(await row.count()).toBe(1);
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('Level 1');
    await check(response, 'my worklist');

    const csv = await page.request.get(url('/worklists/mine.csv'));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toMatch(
      /^attachment; filename="my-worklist-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Vigil reference","Name","Date of birth","Category","Level","In custody","Obligation","Due","Overdue","Why","Legal basis","Managers"',
    );
    expect(lines.some((l) => l.includes('"Daniel Hughes"'))).toBe(true);
  });

  it('opens a notification from the inbox, which marks it read', async () => {
    const inbox = await navigation(() => ui.inboxLink.click());
    expect(page.url()).toBe(url('/inbox'));
    const row = page.locator('table.govuk-table tbody tr', { hasText: 'New intelligence recorded' });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Unread');
    expect(await row.textContent()).toContain(PAUL.name);
    await check(inbox, 'inbox');

    const opened = await navigation(() => row.getByRole('button', { name: /Open/ }).click());
    expect(page.url()).toBe(url(`/nominals/${danielId}/levels`));
    expect(await inboxLabel()).toBe('Inbox');
    await check(opened, 'MAPPA level page opened from the inbox');
    await visit('/inbox');
    expect(
      await page
        .locator('table.govuk-table tbody tr', { hasText: 'New intelligence recorded' })
        .textContent(),
    ).not.toContain('Unread');
    ui.session.console.take();
  });

  it('as a MAPPA coordinator, reads the area worklists and considers a Category 3 candidate', async () => {
    await signInAs(CASEY.email);

    await visit('/search');
    ui.session.console.take();
    const lists = await navigation(() =>
      page
        .getByRole('navigation', { name: /menu|navigation/i })
        .first()
        .getByRole('link', { name: 'Area worklists' })
        .click(),
    );
    expect(page.url()).toBe(url('/worklists/area'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Eligible – level not set');
    expect(await text('main')).toContain('Nobody in your area is on this list.');
    await check(lists, 'area worklists, no level');

    const unreviewed = await navigation(() =>
      page
        .getByRole('navigation', { name: 'Worklists' })
        .getByRole('link', { name: 'Significant events not yet reviewed (1)' })
        .click(),
    );
    expect(page.url()).toBe(url('/worklists/area?list=events-unreviewed'));
    const row = page.locator('table.govuk-table tbody tr', { hasText: 'Daniel Hughes' });
    expect(await row.count()).toBe(1);
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain(
      'Within 10 days of a significant event',
    );
    await check(unreviewed, 'area worklist, significant events not yet reviewed');

    const csv = await page.request.get(url('/worklists/area.csv?list=events-unreviewed'));
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toMatch(
      /^attachment; filename="area-worklist-events-unreviewed-.*\.csv"$/,
    );
    expect(await csv.text()).toContain('"Daniel Hughes"');

    const candidates = await navigation(() =>
      page.getByRole('link', { name: 'Category 3 candidates' }).click(),
    );
    expect(page.url()).toBe(url('/worklists/category-3'));
    const candidate = page.locator('table.govuk-table tbody tr', { hasText: 'Craig Lewis' });
    expect(await candidate.count()).toBe(1);
    await check(candidates, 'Category 3 candidates');

    const consider = await navigation(() => candidate.getByRole('link', { name: /Consider/ }).click());
    expect(page.url()).toBe(url(`/nominals/${craigId}/category-3/consider`));
    await check(consider, 'Category 3 consideration form');
    await page.getByLabel('Refer for Category 3').check();
    await page
      .getByLabel('Why?')
      .fill('Escalating abuse of a new partner; police and probation both want meetings.');
    const considered = await navigation(() => page.getByRole('button', { name: 'Save' }).click());
    expect(page.url()).toBe(url('/worklists/category-3?considered=recorded'));
    expect(await text('.govuk-notification-banner--success')).toContain(
      'Your consideration has been recorded',
    );
    expect(await page.locator('table.govuk-table tbody tr', { hasText: 'Craig Lewis' }).count()).toBe(0);
    await check(considered, 'Category 3 candidates after a consideration');
  });
});
