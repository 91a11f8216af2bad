import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import { addMinutesAction, closeMeeting, scheduleMeeting } from '../../src/modules/meetings/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';
import { TODAY } from '../support/clock.ts';

/**
 * A Level 2 meeting in a real browser (MAPPA.md §3 step 5): the coordinator schedules it, records
 * attendance, minutes the discussion and a new action, records an update on an earlier action and
 * closes the meeting; the action's owner finds it in their inbox at once. The chair approves the
 * minutes, which are then locked, and a correction is started. Every page is checked with axe.
 * What the schedule form says when something is missing: tests/integration/page-errors.test.ts.
 */

const CASEY = { email: 'casey.meetings@probation.example.gov.uk', name: 'Casey Coordinator' };
const CHRIS = { email: 'chris.chair@police.example.gov.uk', name: 'Chris Chair' };
const PAUL = { email: 'paul.meetings@police.example.gov.uk', name: 'Paul Police' };
const PAT = { email: 'pat.meetings@probation.example.gov.uk', name: 'Pat Practitioner' };

let database: Database;
let page: Page;
let today: string;
let danielId: string;
let danielRef: string;
let paul: UseCaseContext;
let meetingId: string;

const ui = new BrowserPage();
const { url, visit, check, navigation, text, fillDate, signInAs } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  today = TODAY;
  const casey = await namedUser(database, CASEY, ['mappa_coordinator'], 'probation', today);
  await namedUser(database, CHRIS, ['meeting_chair'], 'police', today);
  paul = await namedUser(database, PAUL, ['police_offender_manager'], 'police', today);
  const pat = await namedUser(database, PAT, ['probation_practitioner'], 'probation', today);
  // The standing panel: police and probation.
  await database.transaction((tx) =>
    tx
      .insertInto('standing_panel_members')
      .values([
        { area_code: 'AVS', agency_id: paul.actor.agencyId },
        { area_code: 'AVS', agency_id: casey.actor.agencyId },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute(),
  );
  const created = await createNominal(
    database,
    pat,
    identity({ forename: 'Daniel', surname: 'Meeting', dateOfBirth: '1988-04-09' }),
  );
  danielId = created.id;
  danielRef = (
    await database.db
      .selectFrom('nominals')
      .select('vigil_ref')
      .where('id', '=', danielId)
      .executeTakeFirstOrThrow()
  ).vigil_ref;
  await addSectionRow(database, pat, danielId, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    convictionDate: addMonths(today, -30),
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart: addMonths(today, -30),
    conditionalReleaseDate: addMonths(today, -12),
    licenceExpiryDate: addMonths(today, 6),
    sentenceExpiryDate: addMonths(today, 6),
  });
  // An earlier meeting left an open action, which this meeting reviews.
  const earlier = await scheduleMeeting(database, casey, {
    level: 2,
    date: addDays(today, -56),
    time: '10:00',
    format: 'in_person',
    location: 'Bristol probation office',
    nominalIds: [danielId],
  });
  await addMinutesAction(database, casey, earlier.id, danielId, {
    description: 'Find approved premises in North Somerset',
    pillar: 'interventions_and_treatment',
    ownerAgencyId: pat.actor.agencyId,
    ownerUserId: pat.actor.userId,
    dueOn: addDays(today, 5),
  });
  await closeMeeting(database, casey, earlier.id);

  page = await ui.start(database);
});

afterAll(() => ui.close());

describe('a Level 2 meeting: scheduled, held, minuted and closed', () => {
  it('the coordinator schedules a meeting', async () => {
    await signInAs(CASEY.email);
    const list = await visit('/meetings');
    expect(await text('h1')).toBe('Meetings');
    await check(list, 'meetings list');

    const form = await navigation(() => page.getByRole('button', { name: 'Schedule a meeting' }).click());
    expect(page.url()).toBe(url('/meetings/new'));
    await check(form, 'schedule form');

    // What an online meeting with no link and nobody to discuss is told: page-errors.test.ts.
    await page.getByLabel('In person', { exact: true }).check();
    await page.getByLabel('Level 2', { exact: true }).check();
    await fillDate('Date of the meeting', today);
    await page.getByLabel('Start time').fill('09:30');
    await page.getByLabel('Where (in person)').fill('Trinity Road police station, room 2');
    await page.getByLabel('Chair').selectOption({ label: CHRIS.name });
    await page.getByLabel(/Others, by Vigil reference/).fill(danielRef);
    const scheduled = await navigation(() =>
      page.getByRole('button', { name: 'Schedule the meeting' }).click(),
    );
    expect(scheduled?.status()).toBe(200);
    meetingId = /\/meetings\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    expect(await text('.govuk-notification-banner--success')).toContain('Meeting scheduled');
    expect(await text('#people + table')).toContain('Daniel Meeting');
    await check(scheduled, 'meeting page');
  });

  it('records attendance and shows the attendance rate', async () => {
    await page.getByLabel('Agency', { exact: true }).selectOption({ label: paul.actor.agencyName });
    await page.getByLabel('Name of the person').fill('DS Paul Police');
    await page.getByLabel('Attended', { exact: true }).check();
    const recorded = await navigation(() => page.getByRole('button', { name: 'Record attendance' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('Attendance recorded');
    expect(await text('main')).toContain('Responsible Authority agencies 1 of 2 (50%)');
    await check(recorded, 'meeting page after attendance');
  });

  it('shows the agenda generated from the record, with the earlier open action', async () => {
    const agenda = await navigation(() =>
      page.getByRole('link', { name: 'Agenda for Daniel Meeting' }).click(),
    );
    const main = await text('main');
    expect(main).toContain('Confidentiality and diversity statement');
    expect(main).toContain('Find approved premises in North Somerset');
    expect(main.indexOf('Victim liaison officer')).toBeLessThan(main.indexOf('Risk assessment'));
    await check(agenda, 'agenda');
  });

  it('minutes the discussion, a new action and an update on the earlier action', async () => {
    const minutes = await visit(`/meetings/${meetingId}/nominals/${danielId}/minutes`);
    await check(minutes, 'minutes form, not started');
    await page.getByLabel('Victim liaison officer’s update').fill('The victim asks for an exclusion zone.');
    await page.getByLabel('Yes', { exact: true }).check();
    await page
      .getByLabel(/Why \(what was decided/)
      .fill('His new partner has two children: disclosure to her agreed.');
    await page.getByLabel('Decisions at this meeting').fill('Disclosure to the new partner by the police.');
    const saved = await navigation(() => page.getByRole('button', { name: 'Save the minutes' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('Minutes saved');
    await check(saved, 'minutes saved');

    const actionForm = await navigation(() =>
      page.getByRole('link', { name: 'Add an action from this meeting' }).click(),
    );
    await check(actionForm, 'new action form');
    await page
      .getByLabel('What needs to be done?')
      .fill('Disclose to the new partner under the child sex offender scheme');
    await page.getByLabel('Victim safety planning').check();
    await page.getByLabel('Owner agency').selectOption({ label: paul.actor.agencyName });
    await page
      .getByLabel('Owner (a Vigil user)')
      .selectOption({ label: `${PAUL.name} (${paul.actor.agencyName})` });
    await fillDate('Due by', addDays(today, 7));
    await navigation(() => page.getByRole('button', { name: 'Add the action' }).click());
    expect(await text('#new-actions + table')).toContain('Disclose to the new partner');

    const updateForm = await navigation(() =>
      page.getByRole('link', { name: /Record an update on Find approved premises/ }).click(),
    );
    await check(updateForm, 'update on an earlier action');
    await page
      .getByLabel('Update given at this meeting')
      .fill('Two places offered; one accepted for next month.');
    await page.getByLabel('Completed').check();
    const updated = await navigation(() => page.getByRole('button', { name: 'Record the update' }).click());
    expect(await text('#earlier-actions + table')).toContain('Two places offered');
    await check(updated, 'minutes with an action and an update');

    const decision = await navigation(() =>
      page.getByRole('link', { name: 'Record the panel’s level decision' }).click(),
    );
    await check(decision, 'panel level decision form');
    await page.goBack({ waitUntil: 'load' });

    const document = await visit(`/meetings/${meetingId}/nominals/${danielId}/minutes/document`);
    const main = await text('main');
    expect(main).toContain('MAPPA B: Minutes of the Level 2 meeting');
    expect(main).toContain('OFFICIAL-SENSITIVE');
    await check(document, 'minutes document');
    const pdf = await page.request.get(
      url(`/meetings/${meetingId}/nominals/${danielId}/minutes/document.pdf`),
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // A downloaded copy leaves Vigil: logged as a disclosure to the person who downloaded it.
    const logged = await database.db
      .selectFrom('access_log')
      .select(['section'])
      .where('operation', '=', 'disclosure')
      .where(sql<boolean>`${danielId}::uuid = ANY(record_ids)`)
      .execute();
    expect(
      logged.some((l) => /^MAPPA B minutes of the meeting on [\d-]+ \(PDF\)$/.test(l.section ?? '')),
    ).toBe(true);
  });

  it('closes the meeting: the action goes to its owner before the minutes are finished', async () => {
    await visit(`/meetings/${meetingId}`);
    const closed = await navigation(() => page.getByRole('button', { name: 'Close the meeting' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain(
      'Meeting closed 1 action owner was sent their new actions',
    );
    await check(closed, 'meeting closed');
    const tab = await visit(`/nominals/${danielId}/meetings`);
    expect(await text('main')).toContain('Disclose to the new partner');
    await check(tab, 'record tab: meetings and actions');

    await signInAs(PAUL.email);
    await visit('/inbox');
    expect(await text('main')).toContain('Disclose to the new partner under the child sex offender scheme');
  });

  it('the chair approves the minutes, which are then locked; a correction is a new version', async () => {
    await signInAs(CHRIS.email);
    await visit(`/meetings/${meetingId}/nominals/${danielId}/minutes`);
    const approved = await navigation(() =>
      page.getByRole('button', { name: 'Approve the minutes' }).click(),
    );
    expect(await text('.govuk-notification-banner--success')).toContain('Minutes approved (version 1)');
    expect(await page.getByRole('button', { name: 'Save the minutes' }).count()).toBe(0);
    await check(approved, 'approved minutes');

    const correction = await navigation(() =>
      page.getByRole('link', { name: 'Correct the approved minutes' }).click(),
    );
    await check(correction, 'correction form');
    await page
      .getByLabel('Why do the minutes need correcting?')
      .fill('The partner has three children, not two.');
    await navigation(() => page.getByRole('button', { name: 'Start the correction' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('Correction started (version 2)');
    expect(await text('main')).toContain('The partner has three children, not two.');
  });
});
