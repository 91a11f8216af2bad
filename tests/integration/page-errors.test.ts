import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import { CATEGORY_3_LEVEL_MESSAGE } from '../../src/domain/levels.ts';
import { grantJustifiedAccess } from '../../src/modules/justified-access/index.ts';
import { decideLevel } from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { REPORT_PARTS } from '../../src/modules/prison-reports/index.ts';
import { saveReferralDraft, startReferral, submitReferral } from '../../src/modules/referrals/index.ts';
import { PLAN_PARTS } from '../../src/modules/risk-management-plan/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, ensureAgency, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { signInWithPages, type SignedIn } from '../support/sign-in.ts';
import { testClock } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/**
 * The HTML pages' field errors, refusals and content, through `app.inject`: what the browser suites
 * (tests/browser) checked by submitting forms in Chromium and needs no browser. The browser suites
 * follow the journeys and show every template to axe; these say, page by page, what a person is
 * told when something is missing or not allowed, and that nothing was written.
 */

// --- Reading a page ------------------------------------------------------------------------------

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The GOV.UK error summary's links, in order: where each goes and what it says. */
function summaryLinks(html: string): { href: string; text: string }[] {
  const list = /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<a href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: m[1]!,
    text: decode(m[2]!),
  }));
}

/** What the error summary says, one line a link. */
const summaryText = (html: string) =>
  summaryLinks(html)
    .map((l) => l.text)
    .join('\n');

/** The text of the element with this id (its own text and its children's). */
function textOfId(html: string, id: string): string {
  const start = html.search(new RegExp(`<(\\w+)[^>]*\\sid="${id}"`));
  if (start < 0) return '';
  const tag = /^<(\w+)/.exec(html.slice(start))![1]!;
  const end = html.indexOf(`</${tag}>`, start);
  return decode(html.slice(start, end));
}

/** Every error summary link lands on a field of the page (as a click on it would). */
function expectSummaryLinksLand(html: string) {
  const links = summaryLinks(html);
  expect(links.length).toBeGreaterThan(0);
  for (const { href } of links) expect(html, `error summary link ${href}`).toContain(`id="${href.slice(1)}"`);
}

/** The value a text input of that name shows. */
const inputValue = (html: string, name: string) =>
  /value="([^"]*)"/.exec(new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? '')?.[1];

/** Whether the radio or checkbox `name`=`value` is ticked. */
const isChecked = (html: string, name: string, value: string) =>
  new RegExp(`<input[^>]*name="${name}"[^>]*value="${value}"[^>]*\\schecked`).test(html);

const title = (html: string) => decode(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '');

describeEachDatabase('pages: field errors, refusals and what they say', (getDb) => {
  const db = () => getDb().database;
  let app: FastifyInstance;
  const today = TODAY;
  const people: Record<string, UseCaseContext> = {};
  const sessions = new Map<string, SignedIn>();
  const ids: Record<string, string> = {};

  /** The signed-in session of one of `people` (signing in through the pages the first time). */
  async function as(who: string): Promise<SignedIn> {
    const known = sessions.get(who);
    if (known) return known;
    const signedIn = await signInWithPages(app, { email: people[who]!.actor.email, password: TEST_PASSWORD });
    sessions.set(who, signedIn);
    return signedIn;
  }
  const get = async (who: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: (await as(who)).cookie } });
  const post = async (who: string, url: string, fields: Record<string, string | string[]>) => {
    const session = await as(who);
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(
        Object.entries({ _csrf: session.csrfToken, ...fields }).flatMap(([k, v]): [string, string][] =>
          Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]],
        ),
      ).toString(),
    });
  };
  const rowsOf = async (
    table: 'level_decisions' | 'referral_decisions' | 'meetings',
    column: string,
    id: string,
  ) =>
    db()
      .db.selectFrom(table)
      .selectAll()
      .where(column as never, '=', id as never)
      .execute();

  beforeAll(async () => {
    const actor = (
      key: string,
      roles: UseCaseContext['actor']['roles'],
      agencyType: string,
      areaCode = 'AVS',
    ) => makeActor(db(), { roles, areaCode, agencyType }).then((ctx) => (people[key] = ctx));
    await actor('practitioner', ['probation_practitioner'], 'probation');
    await actor('coordinator', ['mappa_coordinator'], 'probation');
    await actor('chair', ['meeting_chair'], 'police');
    await actor('prison', ['prison_offender_manager'], 'prison');
    await actor('dpo', ['data_protection_officer'], 'police');
    await actor('lay', ['lay_adviser'], 'probation');
    await actor('smb', ['smb_member'], 'probation');
    await actor('outsider', ['police_offender_manager'], 'police', 'GLO');
    const pat = people.practitioner!;

    // Daniel: Category 2, released in four weeks, no level yet.
    ids.daniel = (await createNominal(db(), pat, identity({ forename: 'Daniel', surname: 'Pages' }))).id;
    const release = addDays(today, 28);
    const start = addMonths(release, -18);
    await addSectionRow(db(), pat, ids.daniel, 'convictions', {
      offence: 'Wounding or causing grievous bodily harm with intent',
      convictionDate: start,
      outcome: 'custody',
      lengthMonths: 36,
      isIndexOffence: true,
      sentenceStart: start,
      conditionalReleaseDate: release,
      licenceExpiryDate: addMonths(start, 36),
      sentenceExpiryDate: addMonths(start, 36),
    });
    // Craig: no category of his own; high RoSH and a domestic abuse marker (a Category 3 candidate).
    ids.craig = (await createNominal(db(), pat, identity({ forename: 'Craig', surname: 'Pages' }))).id;
    await addSectionRow(db(), pat, ids.craig, 'risk-assessments', {
      assessedOn: addDays(today, -20),
      assessor: 'Pat Practitioner',
      roshOverall: 'HIGH',
    });
    await addSectionRow(db(), pat, ids.craig, 'markers', {
      type: 'domestic_abuse',
      startDate: addMonths(today, -3),
    });
    // Kevin: Level 2, with an open safeguarding action and a prison offender manager.
    ids.kevin = (await createNominal(db(), pat, identity({ forename: 'Kevin', surname: 'Pages' }))).id;
    await addSectionRow(db(), pat, ids.kevin, 'convictions', {
      offence: 'Wounding or causing grievous bodily harm with intent',
      convictionDate: addMonths(today, -30),
      outcome: 'custody',
      lengthMonths: 48,
      isIndexOffence: true,
      sentenceStart: addMonths(today, -30),
      conditionalReleaseDate: addDays(today, -200),
      licenceExpiryDate: addMonths(today, 18),
      sentenceExpiryDate: addMonths(today, 18),
    });
    await addSectionRow(db(), pat, ids.kevin, 'managers', {
      role: 'prison_offender_manager',
      name: 'Priya Prison',
      agencyId: people.prison!.actor.agencyId,
      fromDate: addMonths(today, -6),
    });
    await decideLevel(db(), pat, ids.kevin, {
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'High RoSH to a new partner.',
    });
    await db().transaction((tx) =>
      tx
        .insertInto('actions')
        .values({
          created_at: testClock.now(),
          nominal_id: ids.kevin!,
          description: 'Children’s social care to visit the partner’s household',
          pillar: 'victim_safety_planning',
          safeguarding: true,
          owner_agency_id: people.chair!.actor.agencyId,
          due_on: addDays(today, 10),
          created_by: people.chair!.actor.userId,
        })
        .execute(),
    );
    // John: an address lived at since 15 January 2020.
    ids.john = (await createNominal(db(), pat, identity({ forename: 'John', surname: 'Pages' }))).id;
    ids.johnAddress = (
      await addSectionRow(db(), pat, ids.john, 'addresses', {
        type: 'home',
        line1: '1 High Street',
        town: 'Bristol',
        postcode: 'BS1 4DJ',
        fromDate: '2020-01-15',
      })
    ).id;
    // Wesley: a record of Avon and Somerset with an address.
    ids.wesley = (
      await createNominal(
        db(),
        pat,
        identity({ forename: 'Wesley', surname: 'Arrival', dateOfBirth: '1984-06-02' }),
      )
    ).id;
    await addSectionRow(db(), pat, ids.wesley, 'addresses', {
      type: 'home',
      line1: '3 Harbour Walk',
      town: 'Bristol',
      postcode: 'BS1 5TY',
      fromDate: '2025-03-01',
    });
    // Liam: Level 1; one referral left as a draft, one submitted and awaiting screening.
    ids.liam = (await createNominal(db(), pat, identity({ forename: 'Liam', surname: 'Pages' }))).id;
    await addSectionRow(db(), pat, ids.liam, 'convictions', {
      offence: 'Wounding or causing grievous bodily harm with intent',
      convictionDate: addMonths(today, -20),
      outcome: 'custody',
      lengthMonths: 36,
      isIndexOffence: true,
      sentenceStart: addMonths(today, -20),
      conditionalReleaseDate: addMonths(today, -2),
      actualReleaseDate: addMonths(today, -2),
      licenceExpiryDate: addMonths(today, 16),
      sentenceExpiryDate: addMonths(today, 16),
    });
    await decideLevel(db(), pat, ids.liam, { level: 1, rationale: 'Stable on licence.' });
    ids.draft = (await startReferral(db(), pat, ids.liam)).id;
    ids.lee = (await createNominal(db(), pat, identity({ forename: 'Lee', surname: 'Pages' }))).id;
    await addSectionRow(db(), pat, ids.lee, 'convictions', {
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
    const submitted = await startReferral(db(), pat, ids.lee);
    const ready = await saveReferralDraft(db(), pat, submitted.id, {
      requestedLevel: 2,
      emergency: false,
      category3: false,
      reason: 'New partner with children.',
      valueAdded: 'Police and children’s social care must plan together.',
      version: submitted.version,
    });
    await submitReferral(db(), pat, submitted.id, { version: ready.version });
    ids.submitted = submitted.id;
    // A justified access awaiting the data protection officer's review.
    ids.grant = (
      await grantJustifiedAccess(db(), pat, ids.wesley, 'Covering for a colleague on leave this week')
    ).id;
    await ensureAgency(db(), 'AVS', 'police');

    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  // --- Levels (tests/browser/levels.test.ts) -------------------------------------------------

  it('a level decision with nothing filled in says what is missing, links each error to its field, and writes nothing', async () => {
    const form = await get('practitioner', `/nominals/${ids.daniel}/levels/new`);
    expect(form.statusCode).toBe(200);
    const refused = await post('practitioner', `/nominals/${ids.daniel}/levels`, {});
    expect(refused.statusCode).toBe(400);
    expect(summaryText(refused.body)).toContain('Select the level');
    expectSummaryLinksLand(refused.body);
    expect(await rowsOf('level_decisions', 'nominal_id', ids.daniel!)).toEqual([]);
  });

  it('refuses Category 3 at Level 1 with the rule, linked to the level, keeping what was typed, and writes nothing', async () => {
    const accepted = addDays(today, -3);
    const refused = await post('practitioner', `/nominals/${ids.craig}/levels`, {
      level: '1',
      rationale: 'The panel accepted the referral; Level 1 is enough.',
      'category3AcceptedOn-day': String(Number(accepted.slice(8, 10))),
      'category3AcceptedOn-month': String(Number(accepted.slice(5, 7))),
      'category3AcceptedOn-year': accepted.slice(0, 4),
    });
    expect(refused.statusCode).toBe(400);
    expect(title(refused.body)).toMatch(/^Error: /);
    expect(summaryLinks(refused.body)).toContainEqual({ href: '#level', text: CATEGORY_3_LEVEL_MESSAGE });
    expect(textOfId(refused.body, 'level-error')).toContain(CATEGORY_3_LEVEL_MESSAGE);
    expect(isChecked(refused.body, 'level', '1')).toBe(true);
    expect(inputValue(refused.body, 'category3AcceptedOn-year')).toBe(today.slice(0, 4));
    expect(await rowsOf('level_decisions', 'nominal_id', ids.craig!)).toEqual([]);
    const craig = await db()
      .db.selectFrom('nominals')
      .select('category3_accepted_on')
      .where('id', '=', ids.craig!)
      .executeTakeFirstOrThrow();
    expect(craig.category3_accepted_on).toBeNull();
  });

  it('a Category 3 consideration with no answer asks whether to refer', async () => {
    const refused = await post('coordinator', `/nominals/${ids.craig}/category-3/consider`, {});
    expect(refused.statusCode).toBe(400);
    expect(decode(refused.body)).toContain('Select whether to refer or not');
    expectSummaryLinksLand(refused.body);
  });

  // --- Referrals (tests/browser/referrals.test.ts) -------------------------------------------

  it('a referral submitted too early says what is missing, and stays a draft', async () => {
    const page = await get('practitioner', `/referrals/${ids.draft}/edit`);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const refused = await post('practitioner', `/referrals/${ids.draft}`, { version, intent: 'submit' });
    expect(refused.statusCode).toBe(400);
    const summary = summaryText(refused.body);
    expect(summary).toContain('Select whether you are referring for Level 2 or Level 3');
    expect(summary).toContain('Enter the reason for the referral');
    expectSummaryLinksLand(refused.body);
    const row = await db()
      .db.selectFrom('referrals')
      .select('status')
      .where('id', '=', ids.draft!)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
  });

  it('a screening decision without a rationale is refused, and nothing is decided', async () => {
    const form = await get('coordinator', `/referrals/${ids.submitted}/decision`);
    expect(form.statusCode).toBe(200);
    const refused = await post('coordinator', `/referrals/${ids.submitted}/decision`, {});
    expect(refused.statusCode).toBe(400);
    expect(summaryText(refused.body)).toContain('Enter the rationale for the decision');
    expectSummaryLinksLand(refused.body);
    const row = await db()
      .db.selectFrom('referrals')
      .select('status')
      .where('id', '=', ids.submitted!)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
  });

  // --- Meetings (tests/browser/meetings.test.ts) ---------------------------------------------

  it('an online meeting without a link or anyone to discuss is refused, and not scheduled', async () => {
    const before = await db().db.selectFrom('meetings').select('id').execute();
    const refused = await post('coordinator', '/meetings', { format: 'online' });
    expect(refused.statusCode).toBe(400);
    const summary = summaryText(refused.body);
    expect(summary).toContain('Enter the link to join the online meeting');
    expect(summary).toContain('Select at least one person to discuss');
    expectSummaryLinksLand(refused.body);
    expect(isChecked(refused.body, 'format', 'online')).toBe(true);
    expect(await db().db.selectFrom('meetings').select('id').execute()).toEqual(before);
  });

  // --- The risk management plan, level changes, the prison report (risk-management-plan.test.ts)

  it('a plan without the reason for the change is refused, keeping every condition typed', async () => {
    const part = (label: string) => PLAN_PARTS.find((p) => p.label === label)!.key;
    const refused = await post('practitioner', `/nominals/${ids.kevin}/risk-management-plan`, {
      expectedVersion: '0',
      [part('Supervision')]: 'Weekly appointments at the Bristol office.',
      [part('Monitoring and control')]: 'Curfew 19:00 to 07:00, electronically monitored.',
      [part('Victim safety planning')]: 'Exclusion zone around the partner’s street.',
      [part('Contingency plan')]: 'Recall on any breach of the exclusion zone.',
      conditions: [
        'Reside at the approved premises',
        'No contact with the partner',
        'Do not enter the exclusion zone',
      ],
      reason: '',
      save: 'plan',
    });
    expect(refused.statusCode).toBe(400);
    expect(summaryText(refused.body)).toContain('Enter why the plan is changing');
    expectSummaryLinksLand(refused.body);
    expect(inputValue(refused.body.slice(refused.body.indexOf('id="condition-3"') - 200), 'conditions')).toBe(
      'Do not enter the exclusion zone',
    );
    const plans = await db()
      .db.selectFrom('risk_management_plans')
      .select('nominal_id')
      .where('nominal_id', '=', ids.kevin!)
      .execute();
    expect(plans).toEqual([]);
  });

  it('refuses a practitioner’s reduction while a safeguarding action is open, saying so on the form first', async () => {
    const form = await get('practitioner', `/nominals/${ids.kevin}/levels/new`);
    expect(decode(form.body)).toContain('1 action is open, a safeguarding action');
    const before = await rowsOf('level_decisions', 'nominal_id', ids.kevin!);
    const refused = await post('practitioner', `/nominals/${ids.kevin}/levels`, {
      level: '1',
      rationale: 'Stable for six months.',
      continuesAtLowerLevel: 'Professionals’ meeting in six weeks.',
      // The date the form offers: today.
      'decidedOn-day': String(Number(today.slice(8, 10))),
      'decidedOn-month': String(Number(today.slice(5, 7))),
      'decidedOn-year': today.slice(0, 4),
    });
    expect(refused.statusCode).toBe(400);
    expect(decode(refused.body)).toContain(
      'You cannot reduce the level while actions are open: 1 action is open, a safeguarding action',
    );
    expectSummaryLinksLand(refused.body);
    expect(await rowsOf('level_decisions', 'nominal_id', ids.kevin!)).toEqual(before);
  });

  it('a prison report submitted without the analysis is refused, and none is written', async () => {
    const part = (label: string) => REPORT_PARTS.find((p) => p.label === label)!.key;
    const refused = await post('prison', `/nominals/${ids.kevin}/prison-reports`, {
      [part('Behaviour in custody')]: 'Settled; works in the kitchens.',
      [part('Communications monitoring findings')]: '40 calls in a month to a new partner.',
      intent: 'submit',
    });
    expect(refused.statusCode).toBe(400);
    expect(summaryText(refused.body)).toContain('Enter the analysis');
    expectSummaryLinksLand(refused.body);
    expect(decode(refused.body)).toContain('40 calls in a month to a new partner.');
    const reports = await db()
      .db.selectFrom('prison_reports')
      .select('id')
      .where('nominal_id', '=', ids.kevin!)
      .execute();
    expect(reports).toEqual([]);
  });

  // --- A record (tests/browser/journey.test.ts) ----------------------------------------------

  it('an address that ends before it began is refused with one error, linked to the first date field', async () => {
    const form = await get('practitioner', `/nominals/${ids.john}/addresses/${ids.johnAddress}/edit`);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1];
    const refused = await post('practitioner', `/nominals/${ids.john}/addresses/${ids.johnAddress}`, {
      ...(version ? { version } : {}),
      type: 'home',
      line1: '1 High Street',
      town: 'Bristol',
      postcode: 'BS8 1TH',
      'fromDate-day': '15',
      'fromDate-month': '1',
      'fromDate-year': '2020',
      'toDate-day': '1',
      'toDate-month': '1',
      'toDate-year': '2019',
    });
    expect(refused.statusCode).toBe(400);
    expect(summaryLinks(refused.body)).toEqual([
      { href: '#toDate-day', text: 'Lived here until must be the same as or after the start date' },
    ]);
    expect(refused.body).toContain('id="toDate-day"');
    const address = await db()
      .db.selectFrom('addresses')
      .select(['postcode', 'to_date'])
      .where('id', '=', ids.johnAddress!)
      .executeTakeFirstOrThrow();
    expect(address).toEqual({ postcode: 'BS1 4DJ', to_date: null });
  });

  // --- Need to know (tests/browser/access.test.ts) -------------------------------------------

  it('refuses a lay adviser a record, with nothing of the person on the page', async () => {
    const counts = await get('lay', '/oversight');
    expect(counts.statusCode).toBe(200);
    expect(counts.body).not.toMatch(/Arrival|Wesley|BS1 5TY/);
    const record = await get('lay', `/nominals/${ids.wesley}`);
    expect(record.statusCode).toBe(403);
    expect(record.body).not.toMatch(/Arrival|Wesley|BS1 5TY/);
  });

  it('answers an officer of another area "not found" for the record and for a search, and asks a real reason to open it', async () => {
    const direct = await get('outsider', `/nominals/${ids.wesley}`);
    expect(direct.statusCode).toBe(404);
    expect(direct.body).not.toMatch(/Arrival|BS1 5TY/);
    const search = await get('outsider', '/search?q=Wesley+Arrival');
    expect(search.statusCode).toBe(200);
    expect(decode(search.body)).toMatch(/0 people found/);
    expect(search.body).not.toContain(`/nominals/${ids.wesley}`);
    const short = await post('outsider', `/nominals/${ids.wesley}/justify`, { reason: 'short' });
    expect(short.statusCode).toBe(400);
    expect(decode(short.body)).toContain('There is a problem');
    expectSummaryLinksLand(short.body);
    expect((await get('outsider', `/nominals/${ids.wesley}`)).statusCode).toBe(404);
  });

  // --- The access log (tests/browser/audit.test.ts) ------------------------------------------

  it('the access log explains a reference it cannot find', async () => {
    const response = await get('dpo', '/audit/record?q=VGL-NOPE');
    expect(response.statusCode).toBe(400);
    expect(textOfId(response.body, 'q-error') || decode(response.body)).toContain('Vigil reference');
    expectSummaryLinksLand(response.body);
  });

  it('a review of a justified access needs an outcome, and records nothing without one', async () => {
    const refused = await post('dpo', `/audit/justified-accesses/${ids.grant}`, {});
    expect(refused.statusCode).toBe(400);
    expectSummaryLinksLand(refused.body);
    const grant = await db()
      .db.selectFrom('justified_accesses')
      .select(['review_outcome'])
      .where('id', '=', ids.grant!)
      .executeTakeFirstOrThrow();
    expect(grant.review_outcome).toBeNull();
  });

  it('an export of access history needs to say why, and gives no file without it', async () => {
    const wesleyRef = (
      await db()
        .db.selectFrom('nominals')
        .select('vigil_ref')
        .where('id', '=', ids.wesley!)
        .executeTakeFirstOrThrow()
    ).vigil_ref;
    const refused = await post('dpo', '/audit/export', { q: wesleyRef, recipient: 'Wesley Arrival' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(summaryText(refused.body)).toContain('Select why');
    expectSummaryLinksLand(refused.body);
  });

  // --- The MAPPA population page (tests/browser/oversight-kpis.test.ts) ----------------------

  it('the KPIs page says plainly that 31 February is not a date', async () => {
    const response = await get(
      'smb',
      '/oversight?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=3&to-year=2026',
    );
    expect(response.statusCode).toBe(400);
    expect(summaryText(response.body)).toContain('Start of the period must be a real date');
    expectSummaryLinksLand(response.body);
  });
});
