import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import {
  addMinutesAction,
  closeMeeting,
  recordAttendance,
  scheduleMeeting,
} from '../../src/modules/meetings/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';
import { TODAY } from '../support/clock.ts';

/**
 * A Level 2 meeting cycle in a real browser (MAPPA.md §3 step 5; issue 13): the coordinator
 * schedules it (a past date first, refused in the error summary), records attendance (and removes
 * an entry made in error), minutes the discussion, a new action and the panel's level decision,
 * records an update on an earlier action and closes the meeting; the action's owner finds it in
 * their inbox at once. The chair approves the minutes, which are then read-only, and a correction
 * is started. Another meeting is rescheduled and then cancelled, each with its reason. Every page
 * is checked with axe.
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
let chris: UseCaseContext;
let casey: UseCaseContext;
const CASEY_AGENCY = () => casey.actor.agencyName;

const ui = new BrowserPage();
const { url, visit, check, navigation, text, fillDate, signInAs } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  today = TODAY;
  casey = await namedUser(database, CASEY, ['mappa_coordinator'], 'probation', today);
  chris = await namedUser(database, CHRIS, ['meeting_chair'], 'police', today);
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
  // (Scheduled a fortnight ahead of it, as nothing is scheduled in the past.)
  const earlier = await scheduleMeeting(
    database,
    { ...casey, today: addDays(today, -70) },
    {
      level: 2,
      date: addDays(today, -56),
      time: '10:00',
      format: 'in_person',
      location: 'Bristol probation office',
      chairUserId: chris.actor.userId,
      nominalIds: [danielId],
    },
  );
  await addMinutesAction(database, casey, earlier.id, danielId, {
    description: 'Find approved premises in North Somerset',
    pillar: 'interventions_and_treatment',
    ownerAgencyId: pat.actor.agencyId,
    ownerUserId: pat.actor.userId,
    dueOn: addDays(today, 5),
  });
  await recordAttendance(database, casey, earlier.id, {
    agencyId: paul.actor.agencyId,
    personName: 'DS Paul Police',
    attendance: 'attended',
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
    // No level is chosen for the user: a level is a decision.
    expect(await page.getByLabel('Level 2', { exact: true }).isChecked()).toBe(false);
    await page.getByLabel('In person', { exact: true }).check();
    await page.getByLabel('Level 2', { exact: true }).check();
    // A date in the past is refused, in the error summary, and nothing is scheduled.
    await fillDate('Date of the meeting', '2020-03-02');
    await page.getByLabel('Start time').fill('09:30');
    await page.getByLabel('Where (in person)').fill('Trinity Road police station, room 2');
    await page.getByLabel('Chair').selectOption({ label: CHRIS.name });
    await page.getByLabel(/Others, by Vigil reference/).fill(danielRef);
    const refused = await navigation(() =>
      page.getByRole('button', { name: 'Schedule the meeting' }).click(),
    );
    expect(refused?.status()).toBe(400);
    expect(await text('.govuk-error-summary')).toContain(
      'The date of the meeting must be today or in the future',
    );
    await check(refused, 'schedule form: a past date');
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

    // An entry made in error (the wrong agency) is removed, with why, before the close.
    await page.getByLabel('Agency', { exact: true }).selectOption({ label: CASEY_AGENCY() });
    await page.getByLabel('Name of the person').fill('DS Paul Police');
    await page.getByLabel('Attended', { exact: true }).check();
    await navigation(() => page.getByRole('button', { name: 'Record attendance' }).click());
    expect(await text('main')).toContain('Responsible Authority agencies 2 of 2 (100%)');
    const remove = await navigation(() =>
      page.getByRole('link', { name: `Remove the entry for DS Paul Police, ${CASEY_AGENCY()}` }).click(),
    );
    await check(remove, 'remove an attendance entry');
    const noReason = await navigation(() => page.getByRole('button', { name: 'Remove the entry' }).click());
    expect(await text('.govuk-error-summary')).toContain('Enter why this attendance entry is being removed');
    await check(noReason, 'remove an attendance entry: no reason');
    await page.getByLabel('Why is this entry being removed?').fill('Recorded against the wrong agency');
    await navigation(() => page.getByRole('button', { name: 'Remove the entry' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('Attendance entry removed');
    expect(await text('main')).toContain('Responsible Authority agencies 1 of 2 (50%)');
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
    await page.getByLabel('Level 2', { exact: true }).check();
    await page.getByLabel(/Formal multi-agency meetings would add value/).check();
    await page
      .getByLabel('Rationale', { exact: true })
      .fill('The new household needs police, probation and children’s services to plan together.');
    const decided = await navigation(() => page.getByRole('button', { name: 'Record the decision' }).click());
    expect(await text('.govuk-notification-banner--success')).toContain('Level decision recorded');
    expect(await text('main')).toContain('Level 2 (');
    await check(decided, 'minutes with a level decision');

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
      logged.some((l) =>
        /^MAPPA B minutes of the Level 2 meeting on \d+ \w+ \d{4} \(PDF\)$/.test(l.section ?? ''),
      ),
    ).toBe(true);
    // The agenda too, as a document.
    const agendaPdf = await page.request.get(url(`/meetings/${meetingId}/nominals/${danielId}/agenda.pdf`));
    expect(agendaPdf.headers()['content-type']).toBe('application/pdf');
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
    // Read-only: no decision or approval offered; disclosure shown once, under its heading.
    expect(await page.getByRole('link', { name: 'Record the panel’s level decision' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Approve the minutes' }).count()).toBe(0);
    expect((await text('main')).match(/Disclosure considered/g)?.length).toBe(1);
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

describe('another meeting: rescheduled, then cancelled, each with its reason', () => {
  let otherId: string;

  it('reschedules the meeting: the reason is required, and the change is in its history', async () => {
    otherId = (
      await scheduleMeeting(database, casey, {
        level: 2,
        date: addDays(today, 7),
        time: '10:00',
        format: 'in_person',
        location: 'Bristol probation office',
        chairUserId: chris.actor.userId,
        nominalIds: [danielId],
      })
    ).id;
    await signInAs(CASEY.email);
    await visit(`/meetings/${otherId}`);
    const form = await navigation(() => page.getByRole('link', { name: 'Reschedule the meeting' }).click());
    await check(form, 'reschedule form');
    await fillDate('New date of the meeting', addDays(today, 9));
    await page.getByLabel('New start time').fill('14:00');
    const refused = await navigation(() =>
      page.getByRole('button', { name: 'Reschedule the meeting' }).click(),
    );
    expect(await text('.govuk-error-summary')).toContain('Enter why the meeting is being rescheduled');
    await check(refused, 'reschedule form: no reason');
    await page.getByLabel('Why is the meeting being moved?').fill('The chair is at court that day');
    const moved = await navigation(() =>
      page.getByRole('button', { name: 'Reschedule the meeting' }).click(),
    );
    expect(await text('.govuk-notification-banner--success')).toContain('Meeting rescheduled');
    expect(await text('#history + ul')).toContain('The chair is at court that day');
    expect(await text('h1')).toContain('Level 2 meeting on');
    await check(moved, 'meeting rescheduled');
  });

  it('cancels the meeting with a reason: it can then be neither closed nor minuted', async () => {
    const form = await navigation(() => page.getByRole('link', { name: 'Cancel the meeting' }).click());
    await check(form, 'cancel form');
    await page.getByLabel('Why is the meeting being cancelled?').fill('Recalled to prison');
    const cancelled = await navigation(() =>
      page.getByRole('button', { name: 'Cancel the meeting' }).click(),
    );
    expect(await text('.govuk-notification-banner--success')).toContain('Meeting cancelled');
    expect(await page.getByRole('button', { name: 'Close the meeting' }).count()).toBe(0);
    expect(await text('#history + ul')).toContain('cancelled: Recalled to prison');
    await check(cancelled, 'meeting cancelled');
    const minutes = await visit(`/meetings/${otherId}/nominals/${danielId}/minutes`);
    expect(await page.getByRole('button', { name: 'Save the minutes' }).count()).toBe(0);
    await check(minutes, 'minutes of a cancelled meeting');
  });
});
