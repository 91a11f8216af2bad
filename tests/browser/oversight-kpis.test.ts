import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import type { Role } from '../../src/domain/codes.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import {
  approveMinutes,
  recordAttendance,
  saveMinutes,
  scheduleMeeting,
} from '../../src/modules/meetings/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import {
  decideReferral,
  saveReferralDraft,
  startReferral,
  submitReferral,
} from '../../src/modules/referrals/index.ts';
import { agencyFor, openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage } from '../support/browser-page.ts';
import { makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { TODAY } from '../support/clock.ts';

/**
 * The SMB's multi-agency KPIs in a real browser (MAPPA.md §3 step 16): an SMB member reads the
 * attendance rates, disclosure recorded, referrals and the ethnicity comparison on the MAPPA
 * population page and chooses a period. Checked with axe. What a wrong date is told:
 * tests/integration/page-errors.test.ts.
 */

const SAM = { email: 'sam.smb@probation.example.gov.uk', name: 'Sam Board' };

let database: Database;
let page: Page;
let today: string;

const ui = new BrowserPage();
const { visit, check, navigation, fillDate, signInAs } = ui;

async function actor(roles: Role[], agencyType: string, who?: { email: string; name: string }) {
  const ctx = await makeActor(database, {
    roles,
    areaCode: 'AVS',
    agencyType,
    ...(who ? { email: who.email, displayName: who.name } : {}),
  });
  return { ...ctx, today };
}

async function category2(ctx: UseCaseContext, surname: string) {
  const { id } = await createNominal(database, ctx, identity({ forename: 'Lee', surname }));
  await addSectionRow(database, ctx, id, 'convictions', {
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
  return id;
}

beforeAll(async () => {
  database = await openBrowserDatabase();
  today = TODAY;
  await actor(['smb_member'], 'probation', SAM);
  const coordinator = await actor(['mappa_coordinator'], 'probation');
  const chair = await actor(['meeting_chair'], 'police');
  const practitioner = await actor(['probation_practitioner'], 'probation');
  const socialCare = await agencyFor(database, 'AVS', 'childrens_social_care');
  const housing = await agencyFor(database, 'AVS', 'housing');
  const health = await agencyFor(database, 'AVS', 'health');

  await database.transaction((tx) =>
    tx
      .insertInto('standing_panel_members')
      .values([
        { area_code: 'AVS', agency_id: chair.actor.agencyId },
        { area_code: 'AVS', agency_id: socialCare.id },
      ])
      .execute(),
  );
  // A meeting a week ago: the police came; of three duty-to-co-operate agencies, two came.
  const person = await category2(practitioner, 'Kpi');
  // Scheduled a fortnight before it was held (never in the past).
  const meeting = await scheduleMeeting(
    database,
    { ...coordinator, today: addDays(today, -21) },
    {
      level: 2,
      date: addDays(today, -7),
      time: '10:00',
      format: 'in_person',
      location: 'Bristol probation office',
      chairUserId: chair.actor.userId,
      nominalIds: [person],
      agencyIds: [housing.id, health.id],
    },
  );
  const attend = (agencyId: string, attendance: string) =>
    recordAttendance(database, coordinator, meeting.id, { agencyId, personName: 'A Person', attendance });
  await attend(chair.actor.agencyId, 'attended');
  await attend(socialCare.id, 'attended');
  await attend(housing.id, 'attended');
  await attend(health.id, 'apologies');
  const saved = await saveMinutes(database, coordinator, meeting.id, person, {
    rowVersion: 0,
    disclosureConsidered: 'no',
    disclosureReason: 'No one new to tell.',
  });
  await approveMinutes(database, chair, meeting.id, person, { rowVersion: saved.rowVersion });

  // A referral accepted at Level 2.
  const referred = await category2(practitioner, 'Referred');
  const draft = await startReferral(database, practitioner, referred);
  const ready = await saveReferralDraft(database, practitioner, draft.id, {
    requestedLevel: 2,
    emergency: false,
    category3: false,
    reason: 'New partner with children.',
    valueAdded: 'Police and children’s social care must plan together.',
    version: draft.version,
  });
  await submitReferral(database, practitioner, draft.id, { version: ready.version });
  await decideReferral(database, coordinator, draft.id, {
    outcome: 'accepted',
    level: 2,
    criteria: ['rosh_high_or_very_high'],
    rationale: 'High RoSH to a known adult.',
  });

  page = await ui.start(database);
  await signInAs(SAM.email);
});

afterAll(() => ui.close());

describe('the multi-agency KPIs on the MAPPA population page', () => {
  it('shows the last 12 months: attendance rates, disclosure, referrals and the ethnicity comparison, and no names', async () => {
    const response = await visit('/oversight');
    expect(response?.status()).toBe(200);
    await check(response, 'oversight KPIs');
    await expect
      .poll(() =>
        page.getByRole('heading', { name: 'Multi-agency management: key performance indicators' }).count(),
      )
      .toBe(1);
    const attendance = page.getByRole('table', {
      name: /Attendance at Level 2 and 3 meetings \(1 meeting\)/,
    });
    const dtc = attendance.getByRole('row', { name: /Duty-to-co-operate agencies/ });
    expect((await dtc.textContent())!.replace(/\s+/g, ' ')).toMatch(/3 2 67%/);
    const ra = attendance.getByRole('row', { name: /Responsible Authority/ });
    expect((await ra.textContent())!.replace(/\s+/g, ' ')).toMatch(/1 1 100%/);
    const summary = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
    expect(summary).toContain('Minutes recording whether disclosure was considered, and why 100% (1 of 1)');
    expect(summary).toContain('Accepted at Level 2 1');
    // One referral: too few to show beside an ethnic group.
    const ethnicity = page.getByRole('table', { name: /Referrals by ethnic group/ });
    const white = ethnicity.getByRole('row', { name: /^White/ });
    expect((await white.textContent())!.replace(/\s+/g, ' ')).toContain('Not shown: [low]');
    expect(await page.content()).not.toMatch(/Kpi|Referred|Lee /);
  });

  it('takes a period', async () => {
    // What a date that is not one is told: tests/integration/page-errors.test.ts.
    // A period with no meetings: nothing was invited, so no rate.
    const before = addDays(today, -30);
    await fillDate('Start of the period', addMonths(before, -1));
    await fillDate('End of the period', before);
    const response = await navigation(() => page.getByRole('button', { name: 'Show these dates' }).click());
    expect(response?.status()).toBe(200);
    await check(response, 'oversight KPIs for a chosen period');
    const attendance = page.getByRole('table', {
      name: /Attendance at Level 2 and 3 meetings \(0 meetings\)/,
    });
    expect((await attendance.textContent())!.replace(/\s+/g, ' ')).toContain('None invited');
  });
});
