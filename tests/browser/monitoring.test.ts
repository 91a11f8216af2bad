import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { addDays } from '../../src/domain/dates.ts';
import { receiveIntoCustody } from '../../src/modules/custody/index.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { openBrowserDatabase } from '../support/browser.ts';
import { BrowserPage, namedUser } from '../support/browser-page.ts';
import { identity } from '../support/fixtures.ts';

/**
 * Communications monitoring in a real browser (issue 14): security starts monitoring a prisoner,
 * links a victim's and a child's numbers, previews a call-record file with a bad row (nothing
 * written), imports a clean one that raises each kind of flag with a call recorded by hand, deals
 * with one flag and releases another; the community offender manager sees only the released flag
 * and its summary, a duty-to-co-operate agency nothing. Every page passes axe. Today is 23 November
 * 2026 (the suites' clock).
 */

const SECURITY = { email: 'sam.security@prison.example.gov.uk', name: 'Sam Security' };
const POM = { email: 'pat.pom@prison.example.gov.uk', name: 'Pat Pom' };
const COM = { email: 'cora.com@probation.example.gov.uk', name: 'Cora Com' };
const DTC = { email: 'dee.dtc@housing.example.gov.uk', name: 'Dee Dtc' };

const PIN = 'PIN-448812';
const PARTNER = '07700 900123';
const VICTIM = '07700 900999';
const CHILD = '07700 900777';

/** A CSV as the phone system exports it: London wall-clock times, seconds. */
const csv = (rows: string[][]) =>
  ['Timestamp,Number Called,Duration,PIN Account', ...rows.map((r) => r.join(','))].join('\n');
const calls = (count: number, day: string, number: string, pin = PIN) =>
  Array.from({ length: count }, (_, i) => [
    `${day} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    number,
    '120',
    pin,
  ]);

let database: Database;
let nominalId: string;
const ui = new BrowserPage();
const { visit, check, navigation, text, fillDate } = ui;

beforeAll(async () => {
  database = await openBrowserDatabase();
  const com = await namedUser(database, COM, ['probation_practitioner'], 'probation');
  await namedUser(database, DTC, ['dtc_representative'], 'housing');
  await namedUser(database, SECURITY, ['prison_security'], 'prison');
  const pom = await namedUser(database, POM, ['prison_offender_manager'], 'prison');
  nominalId = (await createNominal(database, com, identity({ forename: 'Kevin', surname: 'Caller' }))).id;
  await receiveIntoCustody(database, pom, nominalId, {
    establishmentAgencyId: pom.actor.agencyId,
    receivedOn: '2026-01-10',
    recall: false,
    conditionalReleaseDate: '2027-09-01',
  });
  await ui.start(database);
  await ui.signInAs(SECURITY.email);
});

afterAll(async () => {
  await ui.close();
});

describe('communications monitoring pages', () => {
  it('starts monitoring, links numbers, imports calls with a preview, and deals with the flags', async () => {
    const { page } = ui;
    const save = () => navigation(() => page.getByRole('button', { name: 'Save' }).click());

    const custody = await visit(`/nominals/${nominalId}/custody`);
    await check(custody, 'custody tab with the monitoring card');
    const empty = await navigation(() =>
      page.getByRole('link', { name: /who is monitored and why/ }).click(),
    );
    await check(empty, 'monitoring page, not on monitoring');
    expect(await text('main')).toContain('The person is not on monitoring.');

    const start = await navigation(() => page.getByRole('button', { name: 'Start monitoring' }).click());
    await check(start, 'start monitoring form');
    const refused = await save();
    expect(refused?.status()).toBe(400);
    await check(refused, 'start monitoring form, refused');
    expect(await text('.govuk-error-summary')).toContain('Select why the person is monitored');
    await page.getByLabel('PIN account').fill(PIN);
    await page.getByLabel('Harassment').check();
    await page.getByLabel('Contact with a victim').check();
    await page.getByLabel('Authorised by').fill('Governor J. Smith (Head of Security)');
    await fillDate(/^Date authorised/, '2026-10-01');
    const started = await save();
    expect(started?.status()).toBe(200);
    await check(started, 'monitoring page, on monitoring');
    expect(await text('main')).toContain('Monitoring started');
    expect(await text('main')).toContain('Harassment, Contact with a victim');
    expect(await text('main')).toContain('Governor J. Smith (Head of Security), 1 October 2026');
    // Authorised 1 October: the monthly review was due 1 November.
    expect(await text('main')).toContain('1 November 2026 Overdue');

    for (const [number, link, source] of [
      [VICTIM, 'A victim', 'Relationship: victim (Jane Doe)'],
      [CHILD, 'A child', 'Relationship: child (Sam Doe)'],
    ] as const) {
      const form = await navigation(() =>
        page.getByRole('link', { name: 'Add a linked number or address' }).click(),
      );
      if (link === 'A victim') await check(form, 'linked number form');
      await page.getByLabel('Number or address', { exact: true }).fill(number);
      await page.getByLabel('Whose number or address it is').selectOption({ label: link });
      await page.getByLabel('Source', { exact: true }).fill(source);
      expect((await save())?.status()).toBe(200);
    }
    expect(await text('main')).toContain('07700900777 A child Relationship: child (Sam Doe)');

    // A file with a bad row: the preview names it, and nothing is written.
    const importPage = await visit('/monitoring/call-records');
    await check(importPage, 'call-record import');
    const bad = csv([...calls(2, '2026-11-20', PARTNER), ['yesterday', PARTNER, '60', PIN]]);
    await page.getByLabel('CSV file of call records').setInputFiles({
      name: 'calls-bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad),
    });
    // The file itself is uploaded (multipart): nothing is copied into the paste box.
    expect(await page.getByLabel('Or paste the call records').inputValue()).toBe('');
    const badPreview = await navigation(() =>
      page.getByRole('button', { name: 'Preview the import' }).click(),
    );
    expect(badPreview?.status()).toBe(400);
    await check(badPreview, 'call-record import, a row with a problem');
    expect(await text('.govuk-error-summary')).toContain('Row 4:');
    expect(await text('#row-4')).toContain('Row 4:');
    expect(await page.getByRole('button', { name: 'Confirm import' }).count()).toBe(0);

    // A clean month: 43 calls to one number in a day, 3 a day for weeks, the victim's and the child's numbers.
    const month = Array.from({ length: 25 }, (_, i) => addDays('2026-10-27', i)).filter(
      (d) => d !== '2026-11-20',
    );
    const clean = csv([
      ...calls(43, '2026-11-20', PARTNER),
      ...month.flatMap((d) => calls(3, d, PARTNER)),
      ...calls(1, '2026-11-10', VICTIM),
      ...calls(1, '2026-11-12', CHILD),
      // Another prisoner's calls: not on monitoring, never stored.
      ...calls(5, '2026-11-20', '07700900555', 'PIN-NOT-MONITORED'),
    ]);
    await page.getByLabel('CSV file of call records').setInputFiles({
      name: 'calls-november.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(clean),
    });
    const preview = await navigation(() => page.getByRole('button', { name: 'Preview the import' }).click());
    expect(preview?.status()).toBe(200);
    await check(preview, 'call-record import, preview');
    expect(await text('main')).toContain('Preview of calls-november.csv');
    expect(await text('main')).toContain('Calls of prisoners not on monitoring 5 (never stored)');
    expect(await text('main')).toContain(`${PIN} 117`);
    const imported = await navigation(() => page.getByRole('button', { name: 'Confirm import' }).click());
    expect(imported?.status()).toBe(200);
    await check(imported, 'call-record import, done');
    expect(await text('main')).toContain('117 calls imported');
    // The custody worklist lists the new flags, each leading to the monitoring page.
    const worklist = await visit('/custody/worklist');
    await check(worklist, 'custody worklist with monitoring flags');
    expect(await text('main')).toContain('Many calls to one number in a day');
    expect(await page.locator(`main a[href="/nominals/${nominalId}/monitoring"]`).count()).toBeGreaterThan(0);

    // A call recorded by hand, its translation requested three weeks ago and not done.
    await visit(`/nominals/${nominalId}/monitoring`);
    const byHand = await navigation(() =>
      page.getByRole('link', { name: 'Record a call, letter or visit' }).click(),
    );
    await check(byHand, 'communication form');
    await page.getByLabel('Call, letter or visit').selectOption('call');
    await fillDate(/^Date$/, '2026-11-01');
    await page.getByLabel('Number, address or visitor').fill('07700 900444');
    await page.getByLabel('Duration in seconds (optional)').fill('600');
    await fillDate(/^Date listened to/, '2026-11-02');
    await page.getByLabel('Summary (optional)').fill('Talks in Polish about money owed.');
    await page.getByLabel('Language (optional)').fill('Polish');
    await fillDate(/^Date translation requested/, '2026-11-02');
    await page.getByLabel('Concerns (optional)').fill('Possible pressure on a witness.');
    const recorded = await save();
    expect(recorded?.status()).toBe(200);

    const main = await text('main');
    for (const [label, evidence] of [
      [
        'Many calls to one number in a day',
        '43 calls to 07700900123 on 20 November 2026 (area setting: more than 10 a day)',
      ],
      ['Many calls to one number in 30 days', '07700900123'],
      ['Calls far above the person’s usual volume', 'calls in the last 7 days'],
      [
        'Contact with a linked number or address',
        '1 contact with 07700900999, linked to a victim — Relationship: victim (Jane Doe)',
      ],
      ['Contact with a linked number or address', 'linked to a child'],
      ['Calls not listened to', 'not listened to'],
      ['Translations outstanding', 'translation'],
    ]) {
      expect(main, label).toContain(label);
      expect(main, label).toContain(evidence);
    }
    // The log is paged, newest first.
    expect(main).toMatch(/118 recorded; page 1 of 5/);
    const second = await navigation(() =>
      page
        .getByRole('navigation', { name: 'Pages of the log of communications' })
        .getByRole('link', { name: 'Next' })
        .click(),
    );
    await check(second, 'monitoring page, the log’s second page');
    expect(await text('main')).toContain('page 2 of 5');
    // 1 November's call (noon, as recorded by hand) ends page 4: after it, only the calls of 27 October to 1 November's morning.
    await visit(`/nominals/${nominalId}/monitoring?page=4`);
    const last = await text('main');
    expect(last).toContain(
      '1 November 2026 Call 07700900444 600 s 2 November 2026 Talks in Polish about money owed.',
    );
    expect(last).toContain('Concerns: Possible pressure on a witness.');
    expect(last).toContain('Language: Polish; translation requested 2 November 2026, not done');

    // An outcome for the day's volume flag (an error first).
    const outcome = await navigation(() =>
      page
        .getByRole('link', { name: /^Record the outcome of the flag: many calls to one number in a day/ })
        .click(),
    );
    await check(outcome, 'flag outcome form');
    expect(await text('main')).toContain('43 calls to 07700900123 on 20 November 2026');
    const noOutcome = await save();
    expect(noOutcome?.status()).toBe(400);
    await check(noOutcome, 'flag outcome form, refused');
    expect(await text('.govuk-error-summary')).toContain('Select the outcome');
    await page
      .getByLabel('Outcome', { exact: true })
      .selectOption({ label: 'Intelligence report submitted' });
    await page.getByLabel('Note (optional)').fill('IR 1234 submitted');
    expect((await save())?.status()).toBe(200);
    expect(await text('main')).toContain('Intelligence report submitted: IR 1234 submitted');

    // Released to the community managers, with a summary written for them.
    const release = await navigation(() =>
      page.getByRole('link', { name: /^Release the flag: many calls to one number in a day/ }).click(),
    );
    await check(release, 'flag release form');
    await page
      .getByLabel('Summary for the community managers')
      .fill('Many calls to his new partner in one day: speak to her before release.');
    expect((await save())?.status()).toBe(200);
    expect(await text('main')).toContain('The flag is released to the community managers');

    // The monthly review: it continues.
    const review = await navigation(() =>
      page.getByRole('link', { name: 'Record the monthly review' }).click(),
    );
    await check(review, 'monthly review form');
    await page.getByLabel('Yes, it continues: the next review is a month on').check();
    expect((await save())?.status()).toBe(200);
    expect(await text('main')).toContain('The monthly review is recorded');
    expect(await text('main')).toContain('23 December 2026');
  });

  it('shows a community offender manager only the released flag, and a DTC agency nothing', async () => {
    const { page } = ui;
    await ui.signInAs(COM.email);
    const released = await visit(`/nominals/${nominalId}/monitoring`);
    await check(released, 'monitoring page, released flags only');
    const main = await text('main');
    expect(main).toContain('Many calls to one number in a day');
    expect(main).toContain('Many calls to his new partner in one day: speak to her before release.');
    for (const secret of ['07700900123', PIN, 'Translations outstanding', 'Talks in Polish', 'Governor'])
      expect(main, secret).not.toContain(secret);
    const custody = await visit(`/nominals/${nominalId}/custody`);
    expect(custody?.status()).toBe(200);
    expect(await page.getByRole('link', { name: /who is monitored and why/ }).count()).toBe(0);
    // The way in from the custody tab leads to what was released, and nothing more.
    await page
      .getByRole('link', { name: 'Findings prison security has released to community managers' })
      .click();
    await page.waitForURL(`**/nominals/${nominalId}/monitoring`);
    expect(await text('main')).toContain(
      'Many calls to his new partner in one day: speak to her before release.',
    );

    await ui.signInAs(DTC.email);
    const refused = await visit(`/nominals/${nominalId}/monitoring`);
    expect(refused?.status()).toBe(403);
    expect(await text('main')).not.toContain('Many calls');
  });
});
