import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import type { Role } from '../../src/domain/codes.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import { addAction } from '../../src/modules/actions/index.ts';
import { decideLevel } from '../../src/modules/levels/index.ts';
import { scheduleMeeting } from '../../src/modules/meetings/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { createReport } from '../../src/modules/prison-reports/index.ts';
import { saveReferralDraft, startReferral, submitReferral } from '../../src/modules/referrals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';
import { TODAY } from '../support/clock.ts';

/**
 * Each role's start page in a real browser (issue 13: "Browser tests walk each role's start page"):
 * signing in lands on it, its numbers link to the lists they count, and axe finds nothing. The
 * counts themselves: tests/integration/start.test.ts.
 */

const ui = new BrowserPage();
const { visit, check, signInAs } = ui;
let database: Database;
let page: Page;

const USERS: { key: string; role: Role; agencyType: string; name: string }[] = [
  { key: 'practitioner', role: 'probation_practitioner', agencyType: 'probation', name: 'Pat Practitioner' },
  { key: 'police', role: 'police_offender_manager', agencyType: 'police', name: 'Pip Police' },
  { key: 'coordinator', role: 'mappa_coordinator', agencyType: 'probation', name: 'Cass Coordinator' },
  { key: 'chair', role: 'meeting_chair', agencyType: 'police', name: 'Chris Chair' },
  { key: 'dtc', role: 'dtc_representative', agencyType: 'housing', name: 'Dee Housing' },
  { key: 'prison', role: 'prison_offender_manager', agencyType: 'prison', name: 'Paz Prison' },
  { key: 'administrator', role: 'mappa_administrator', agencyType: 'probation', name: 'Ash Admin' },
];
const users = new Map<string, UseCaseContext>();
const emailOf = (key: string) => users.get(key)!.actor.email;

beforeAll(async () => {
  database = await openBrowserDatabase();
  for (const u of USERS)
    users.set(
      u.key,
      await namedUser(
        database,
        { email: `${u.key}.start@example.gov.uk`, name: u.name },
        [u.role],
        u.agencyType,
      ),
    );
  const practitioner = users.get('practitioner')!;
  const coordinator = users.get('coordinator')!;
  const police = users.get('police')!;

  // A Category 2 person on licence, managed by the practitioner and the police, a Level 1 review overdue.
  const { id } = await createNominal(
    database,
    practitioner,
    identity({ forename: 'Robin', surname: 'Start' }),
  );
  await addSectionRow(database, practitioner, id, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    convictionDate: addMonths(TODAY, -30),
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart: addMonths(TODAY, -30),
    conditionalReleaseDate: addMonths(TODAY, -12),
    licenceExpiryDate: addMonths(TODAY, 6),
    sentenceExpiryDate: addMonths(TODAY, 6),
  });
  for (const [manager, role] of [
    [practitioner, 'community_offender_manager'],
    [police, 'police_offender_manager'],
  ] as const)
    await addSectionRow(database, practitioner, id, 'managers', {
      role,
      name: manager.actor.displayName,
      agencyId: manager.actor.agencyId,
      userEmail: manager.actor.email,
      fromDate: addMonths(TODAY, -12),
    });
  await decideLevel(database, practitioner, id, {
    level: 1,
    rationale: 'Stable in the community.',
    decidedOn: addMonths(TODAY, -7),
  });

  // A meeting next week chaired by the chair, the housing agency invited; an action for the police.
  const housing = users.get('dtc')!.actor.agencyId;
  await scheduleMeeting(database, coordinator, {
    level: 2,
    date: addDays(TODAY, 7),
    time: '10:00',
    format: 'in_person',
    location: 'Bristol probation office',
    chairUserId: users.get('chair')!.actor.userId,
    nominalIds: [id],
    agencyIds: [housing],
  });
  await addAction(database, coordinator, id, {
    description: 'Visit the new address with the housing officer',
    pillar: 'supervision',
    ownerAgencyId: police.actor.agencyId,
    ownerUserId: police.actor.userId,
    dueOn: addDays(TODAY, 4),
  });
  // A referral awaiting screening, and a prison report draft in the prison.
  const draft = await startReferral(database, practitioner, id);
  const saved = await saveReferralDraft(database, practitioner, draft.id, {
    requestedLevel: 2,
    emergency: false,
    category3: false,
    reason: 'New partner with children; risk rising.',
    valueAdded: 'Housing and police must plan together.',
    version: draft.version,
  });
  await submitReferral(database, practitioner, draft.id, { version: saved.version });
  const prisoner = await createNominal(
    database,
    users.get('prison')!,
    identity({ forename: 'Kit', surname: 'Custody' }),
  );
  await createReport(database, users.get('prison')!, prisoner.id, {
    behaviour: 'Settled on the wing.',
  });

  page = await ui.start(database);
});

afterAll(() => ui.close());

describe('each role’s start page', () => {
  it.each(USERS.map((u) => [u.key, u] as const))(
    'signs the %s in to their start page, which passes axe',
    async (key) => {
      await signInAs(emailOf(key));
      expect(new URL(page.url()).pathname).toBe('/start');
      const response = await visit('/start');
      expect(response?.status()).toBe(200);
      await check(response, `${key}'s start page`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Home');
      await expect
        .poll(() => page.getByRole('link', { name: /overdue on my caseload/ }).getAttribute('href'))
        .toBe('/worklists/mine?due=overdue');
      expect(await page.getByRole('link', { name: 'Home', exact: true }).count()).toBe(1);
    },
  );

  it('shows the practitioner the overdue review and the meeting about their person', async () => {
    await signInAs(emailOf('practitioner'));
    const overdue = page.getByRole('link', { name: /overdue on my caseload/ });
    expect((await overdue.textContent())!.replace(/\s+/g, ' ').trim()).toBe('1 overdue on my caseload');
    const meetings = page.getByRole('table', { name: /Meetings in the next 4 weeks/ });
    expect(await meetings.textContent()).toContain('Robin Start');
    expect(await meetings.textContent()).toContain('Someone you manage is on the agenda');
  });

  it('shows the police offender manager what they owe the meeting', async () => {
    await signInAs(emailOf('police'));
    const meetings = page.getByRole('table', { name: /Meetings in the next 4 weeks/ });
    expect(await meetings.textContent()).toContain('Visit the new address with the housing officer');
  });

  it('shows the coordinator the referral to screen and the area worklists, each a link to its list', async () => {
    await signInAs(emailOf('coordinator'));
    const screening = page.getByRole('link', { name: /1 referral awaiting screening/ });
    expect(await screening.getAttribute('href')).toBe('/referrals');
    const review = page.getByRole('link', { name: /Level 1 reviews overdue/ });
    expect(await review.getAttribute('href')).toBe('/worklists/area?list=level1-review-overdue');
    expect((await review.textContent())!.trim()).toMatch(/^1/);
  });

  it('shows the duty-to-co-operate representative the meeting their agency is invited to', async () => {
    await signInAs(emailOf('dtc'));
    const meetings = page.getByRole('table', { name: /Meetings in the next 4 weeks/ });
    expect(await meetings.textContent()).toContain('Your agency is invited');
  });

  it('shows the prison offender manager their prison report draft', async () => {
    await signInAs(emailOf('prison'));
    expect(await page.getByRole('link', { name: 'Prison report (MAPPA F) on Kit Custody' }).count()).toBe(1);
  });
});
