import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { ValidationError } from '../../src/domain/errors.ts';
import {
  addSectionRow,
  createNominal,
  getTimeline,
  updateNominalSection,
  updateSectionRow,
} from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { testClock, testMoment } from '../support/clock.ts';
import { describeEachDatabase, ensureAgency, makeActor, TEST_PASSWORD } from '../support/databases.ts';
import { identity, newCrn, rejection } from '../support/fixtures.ts';
import { signInWithPages, type SignedIn } from '../support/sign-in.ts';

/**
 * The record's timeline (issue 13): filtered by type of change, by the agency of whoever made it and
 * by a range of dates, 50 a page with the total, the same on the page and the API; and every value in
 * words — agencies, users and convictions by name, dates as "5 December 2026", never an id.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

describeEachDatabase('timeline filters, paging and names', (getDb) => {
  const db = () => getDb().database;
  let officer: UseCaseContext;
  let police: UseCaseContext;
  let nominalId: string;
  let policeAgency: { id: string; name: string };
  let app: FastifyInstance;

  /** The context of `ctx` on another day: the change is stamped at noon, London time. */
  const on = (ctx: UseCaseContext, day: string): UseCaseContext => ({
    ...ctx,
    today: day,
    now: new Date(`${day}T12:00:00Z`),
  });

  beforeAll(async () => {
    process.env.VIGIL_LOG = 'silent';
    officer = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    police = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'AVS' });
    policeAgency = await ensureAgency(db(), 'AVS', 'police');
    const created = await createNominal(db(), on(officer, '2026-03-02'), {
      ...identity({ forename: 'Terence', surname: 'Timeline' }),
      identifiers: [{ type: 'crn', value: newCrn() }],
    });
    nominalId = created.id;
    // The police set the lead agency in June; the probation officer adds markers in September.
    await updateNominalSection(
      db(),
      on(police, '2026-06-10'),
      nominalId,
      'lead-agency',
      { leadAgencyId: policeAgency.id },
      1,
    );
    for (let i = 0; i < 3; i++)
      await addSectionRow(db(), on(officer, '2026-09-01'), nominalId, 'markers', {
        type: 'weapons',
        startDate: `2025-01-0${i + 1}`,
      });
    // A manager named with their Vigil account, then ended: user and agency by name, dates in full.
    const manager = await addSectionRow(db(), on(police, '2026-10-05'), nominalId, 'managers', {
      role: 'police_offender_manager',
      name: 'Petra Police',
      agencyId: policeAgency.id,
      userEmail: police.actor.email,
      fromDate: '2026-10-01',
    });
    await updateSectionRow(
      db(),
      on(police, '2026-10-20'),
      nominalId,
      'managers',
      manager.id,
      {
        role: 'police_offender_manager',
        name: 'Petra Police',
        agencyId: policeAgency.id,
        userEmail: '',
        fromDate: '2026-10-01',
        toDate: '2026-10-19',
      },
      1,
    );
    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The officer signed in through the pages, once (a second sign-in needs their two-factor key). */
  let signedIn: Promise<SignedIn> | undefined;
  const session = () =>
    (signedIn ??= signInWithPages(app, { email: officer.actor.email, password: TEST_PASSWORD }));

  it('counts every change and pages them, newest first', async () => {
    const all = await getTimeline(db(), officer, nominalId);
    // Created, its identifier, lead agency, 3 markers, manager added, manager changed.
    expect(all.total).toBe(8);
    expect(all.pageSize).toBe(50);
    expect(all.hasMore).toBe(false);
    const first = await getTimeline(db(), officer, nominalId, 1, 3);
    const third = await getTimeline(db(), officer, nominalId, 3, 3);
    expect(first).toMatchObject({ total: 8, hasMore: true, page: 1 });
    expect(third).toMatchObject({ total: 8, hasMore: false, page: 3 });
    expect(third.entries).toHaveLength(2);
    expect(first.entries[0]!.section).toBe('managers');
    expect(third.entries.at(-1)!.section).toBe('identity');
  });

  it('filters by type of change, agency and dates', async () => {
    const markers = await getTimeline(db(), officer, nominalId, { type: 'markers' });
    expect(markers.total).toBe(3);
    expect(markers.entries.every((e) => e.section === 'markers')).toBe(true);

    const byPolice = await getTimeline(db(), officer, nominalId, { agency: policeAgency.id });
    expect(byPolice.entries.map((e) => e.section)).toEqual(['managers', 'managers', 'lead-agency']);
    expect(byPolice.agencies.map((a) => a.id)).toEqual(
      expect.arrayContaining([policeAgency.id, officer.actor.agencyId]),
    );

    const summer = await getTimeline(db(), officer, nominalId, { from: '2026-06-01', to: '2026-09-01' });
    expect(summer.entries.map((e) => e.section)).toEqual(['markers', 'markers', 'markers', 'lead-agency']);
    const both = await getTimeline(db(), officer, nominalId, {
      from: '2026-06-01',
      to: '2026-09-30',
      agency: officer.actor.agencyId,
      type: 'markers',
      page: '1',
    });
    expect(both.total).toBe(3);
  });

  it('refuses a filter that is not one, naming the field', async () => {
    const error = await rejection(
      getTimeline(db(), officer, nominalId, { from: '2026-02-30', to: '2026-01-01', type: 'gossip' }),
      ValidationError,
    );
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['from', 'type']);
    const reversed = await rejection(
      getTimeline(db(), officer, nominalId, { from: '2026-05-01', to: '2026-04-01' }),
      ValidationError,
    );
    expect(reversed.fieldErrors.to).toMatch(/after/);
  });

  it('names the agency and gives dates in words, never an id or an ISO date', async () => {
    const { entries } = await getTimeline(db(), officer, nominalId);
    const lead = entries.find((e) => e.section === 'lead-agency')!;
    expect(lead.changes).toEqual([{ field: 'Lead agency', before: null, after: policeAgency.name }]);
    const ended = entries.find((e) => e.section === 'managers' && e.action !== 'created')!;
    expect(ended.changes).toEqual(
      expect.arrayContaining([
        { field: 'Vigil user email', before: police.actor.email, after: null },
        { field: 'Manager until', before: null, after: '19 October 2026' },
      ]),
    );
    const words = JSON.stringify(entries.map((e) => e.changes));
    expect(words).not.toMatch(UUID);
    expect(words).not.toMatch(ISO_DATE);
  });

  it('serves the same filters on the API, with the total, and refuses a bad one with a problem', async () => {
    const token = await createServiceToken(db(), testMoment(), officer.actor.userId, 'timeline', null, {
      readOnly: true,
    });
    const response = await app.inject({
      url: `/api/v1/nominals/${nominalId}/timeline?type=managers&agency=${policeAgency.id}&from=2026-10-01`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 50, hasMore: false });
    expect(JSON.stringify(body.entries)).not.toMatch(UUID);
    const bad = await app.inject({
      url: `/api/v1/nominals/${nominalId}/timeline?from=yesterday`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'from' })]);
  });

  it('filters on the page with GOV.UK date inputs, shows the count and names the agency', async () => {
    const signedIn = await session();
    const page = await app.inject({
      url: `/nominals/${nominalId}/timeline?type=lead-agency&from-day=1&from-month=6&from-year=2026&to-day=30&to-month=6&to-year=2026`,
      headers: { cookie: signedIn.cookie },
    });
    expect(page.statusCode).toBe(200);
    const html = page.body.replace(/\s+/g, ' ');
    expect(html).toContain('Showing 1 to 1 of 1 change matching these filters');
    expect(html).toContain(`Lead agency: (blank) → ${policeAgency.name}`);
    expect(html).toMatch(/name="from-day"[^>]*value="1"/);
    const wrong = await app.inject({
      url: `/nominals/${nominalId}/timeline?from-day=31&from-month=2&from-year=2026`,
      headers: { cookie: signedIn.cookie },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('href="#from-day"');
    expect(wrong.body).toContain('Changes from must be a real date');
    const partial = await app.inject({
      url: `/nominals/${nominalId}/timeline?from-day=1&from-month=&from-year=2026`,
      headers: { cookie: signedIn.cookie },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('Changes from must include a month');
  });

  it('shows what someone else saved first in words on the form: the agency by name, dates in full', async () => {
    const signedIn = await session();
    const manager = await addSectionRow(db(), police, nominalId, 'managers', {
      role: 'police_offender_manager',
      name: 'Quentin Quick',
      agencyId: officer.actor.agencyId,
      fromDate: '2026-10-01',
    });
    await updateSectionRow(
      db(),
      police,
      nominalId,
      'managers',
      manager.id,
      {
        role: 'police_offender_manager',
        name: 'Quentin Quick',
        agencyId: policeAgency.id,
        fromDate: '2026-10-02',
      },
      1,
    );
    const stale = await app.inject({
      method: 'POST',
      url: `/nominals/${nominalId}/managers/${manager.id}`,
      headers: { cookie: signedIn.cookie },
      payload: {
        _csrf: signedIn.csrfToken,
        version: '1',
        role: 'police_offender_manager',
        name: 'Quentin Slow',
        agencyId: officer.actor.agencyId,
        'fromDate-day': '1',
        'fromDate-month': '10',
        'fromDate-year': '2026',
      },
    });
    expect(stale.statusCode).toBe(409);
    const table = /<table class="govuk-table vigil-conflict-table">[\s\S]*?<\/table>/.exec(stale.body)![0];
    const text = table.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(`Agency ${officer.actor.agencyName} ${policeAgency.name}`);
    expect(text).toContain('Manager from 1 October 2026 2 October 2026');
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ISO_DATE);
  });
});
