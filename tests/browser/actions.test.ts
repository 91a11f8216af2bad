import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays } from '../../src/domain/dates.ts';
import { createAction } from '../../src/modules/actions/index.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage } from '../support/browser-page.ts';
import { makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { TODAY } from '../support/clock.ts';

/**
 * Actions in a real browser (MAPPA.md §3 step 5): a police offender manager given two actions at a
 * MAPPA meeting finds the overdue one on their worklist, opens "My actions", records progress, then
 * completes it. Every page is checked with
 * axe (WCAG 2.2 AA), for its Content-Security-Policy and for console errors.
 */

const OWNER = { email: 'olivia.actions@police.example.gov.uk', name: 'Olivia Owner' };

let database: Database;
let page: Page;
let today: string;
let overdueId: string;
let laterId: string;

const ui = new BrowserPage();
const { url, visit, check, navigation, signInAs } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  // The server runs on the real clock (two-factor codes need it): dates are relative to its today.
  today = TODAY;
  const owner = await makeActor(database, {
    roles: ['police_offender_manager'],
    areaCode: 'AVS',
    agencyType: 'police',
    email: OWNER.email,
    displayName: OWNER.name,
  });
  const coordinator = await makeActor(database, { roles: ['mappa_coordinator'], areaCode: 'AVS' });
  const id = (
    await createNominal(
      database,
      { ...coordinator, today },
      identity({ forename: 'Martin', surname: 'Rees', dateOfBirth: '1984-02-11' }),
    )
  ).id;
  // Agreed at a meeting ten days ago: one due three days ago (so overdue now), one next week.
  const agreedOn: UseCaseContext = { ...coordinator, today: addDays(today, -10) };
  [overdueId, laterId] = await database.transaction(async (tx) => [
    (
      await createAction(
        tx,
        agreedOn,
        id,
        {
          description: 'Visit the proposed address and check for children in the household',
          pillar: 'monitoring_and_control',
          safeguarding: true,
          ownerAgencyId: owner.actor.agencyId,
          ownerUserId: owner.actor.userId,
          dueOn: addDays(today, -3),
        },
        null,
      )
    ).id,
    (
      await createAction(
        tx,
        agreedOn,
        id,
        {
          description: 'Share the licence conditions with the neighbourhood team',
          pillar: 'supervision',
          ownerAgencyId: owner.actor.agencyId,
          ownerUserId: owner.actor.userId,
          dueOn: addDays(today, 7),
        },
        null,
      )
    ).id,
  ]);
  page = await ui.start(database);
});

afterAll(() => ui.close());

describe('an action owner works through their actions', () => {
  it('finds the overdue action on their worklist, then opens My actions', async () => {
    await signInAs(OWNER.email);
    const worklist = await visit('/worklists/mine');
    const overdue = page.locator('#overdue-actions ~ table').first();
    expect(await overdue.textContent()).toContain('Visit the proposed address');
    expect(await overdue.textContent()).not.toContain('Share the licence conditions');
    await check(worklist, 'my worklist with an overdue action');

    const mine = await navigation(() => page.getByRole('link', { name: 'All your actions' }).click());
    expect(page.url()).toBe(url('/actions'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My actions');
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(2);
    // Open first, most overdue first, tagged red.
    expect(await rows.nth(0).textContent()).toContain('Visit the proposed address');
    expect(await rows.nth(0).locator('.govuk-tag--red').textContent()).toContain('Overdue');
    expect(await rows.nth(1).locator('.govuk-tag--red').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('2 open, 1 overdue');
    await check(mine, 'my actions');
  });

  it('opens the action', async () => {
    const opened = await navigation(() =>
      page
        .getByRole('link', { name: 'Visit the proposed address and check for children in the household' })
        .click(),
    );
    expect(page.url()).toBe(url(`/actions/${overdueId}`));
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Monitoring and control');
    await check(opened, 'an action');
    // An empty update is refused: tests/integration/actions.test.ts ("serves the pages").
  });

  it('records progress, then completes it; the history keeps both', async () => {
    await page.getByLabel('Update').fill('Visit booked with the landlord for Thursday');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save update' }).click());
    expect(page.url()).toBe(url(`/actions/${overdueId}?updated=recorded`));
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Update recorded');
    expect(await page.locator('.vigil-action-updates').textContent()).toContain(
      'Visit booked with the landlord',
    );
    await check(saved, 'an action after an update');

    await page.getByLabel('Update').fill('Visited: no children live there; address suitable');
    await page.getByLabel('Mark it completed').check();
    const done = await navigation(() => page.getByRole('button', { name: 'Save update' }).click());
    expect(done?.status()).toBe(200);
    expect(await page.locator('main .govuk-tag--green').first().textContent()).toContain('Completed');
    const history = (await page.locator('.vigil-action-updates li').allTextContents()).map((t) =>
      t.replace(/\s+/g, ' '),
    );
    expect(history).toHaveLength(2);
    expect(history[0]).toContain('Completed');
    expect(history[0]).toContain('Visited: no children live there');
    expect(history[1]).toContain('Visit booked with the landlord');
    // A completed action can only be reopened.
    expect(await page.getByLabel('Mark it cancelled').count()).toBe(0);
    await check(done, 'a completed action');

    const mine = await visit('/actions');
    const rows = page.locator('table tbody tr');
    expect(await rows.nth(0).textContent()).toContain('Share the licence conditions');
    expect(await rows.nth(1).textContent()).toContain('Completed');
    expect(await page.locator('main').textContent()).toContain('1 open.');
    await check(mine, 'my actions after completing one');
    const worklist = await visit('/worklists/mine');
    expect(await page.locator('main').textContent()).toContain('None of your actions is overdue');
    await check(worklist, 'my worklist with nothing overdue');
    expect(laterId).toBeTruthy();
  });
});
