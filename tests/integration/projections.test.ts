import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { Role } from '../../src/domain/codes.ts';
import {
  addMinutesAction,
  getMinutes,
  saveMinutes,
  scheduleMeeting,
} from '../../src/modules/meetings/index.ts';
import { addSectionRow, createNominal, getTimeline } from '../../src/modules/nominals/index.ts';
import { saveReferralDraft, startReferral, submitReferral } from '../../src/modules/referrals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, ensureAgency, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { readPdf } from '../support/pdf.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/**
 * One projection per audience (docs/security.md): what a duty-to-co-operate agency, a lay adviser
 * or an analyst may not see is withheld from the data every page, document and API answer is made
 * from, not template by template. Planted on a person a housing representative may see: another
 * agency's safeguarding action in the victim safety planning pillar, and the index offence's victim
 * recorded twice (as "victim", and again as an "ex-partner" with a date of birth).
 */

const AREA = 'NOR';
const SAFEGUARDING_ACTION = 'Fit a panic alarm at the flat of the person harmed';
const HOUSING_ACTION = 'Review the tenancy at the current address';
const VICTIM = 'Vera Victimson';
const VICTIM_DOB = '1990-03-04';
/** What the housing representative, the lay adviser and the analyst must never be given. */
const SECRETS = [SAFEGUARDING_ACTION, 'panic alarm', 'Victimson', VICTIM_DOB, '4 March 1990', '04/03/1990'];

describeEachDatabase('one projection per audience', (getDb) => {
  const db = (): Database => getDb().database;
  let app: FastifyInstance;
  const ctx = {} as Record<
    | 'practitioner'
    | 'police'
    | 'coordinator'
    | 'administrator'
    | 'chair'
    | 'housing'
    | 'prison'
    | 'lay'
    | 'analyst',
    UseCaseContext
  >;
  const ids = {
    nominal: '',
    meeting: '',
    safeguardingAction: '',
    housingAction: '',
    referral: '',
    exPartner: '',
  };
  const cookies = new Map<string, string>();
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    const actor = (roles: Role[], agencyType?: string) =>
      makeActor(db(), { roles, areaCode: AREA, agencyType });
    ctx.practitioner = await actor(['probation_practitioner']);
    ctx.police = await actor(['police_offender_manager']);
    ctx.coordinator = await actor(['mappa_coordinator']);
    ctx.administrator = await actor(['mappa_administrator']);
    ctx.chair = await actor(['meeting_chair'], 'police');
    ctx.housing = await actor(['dtc_representative'], 'housing');
    ctx.prison = await actor(['prison_offender_manager'], 'prison');
    ctx.lay = await actor(['lay_adviser']);
    ctx.analyst = await actor(['national_analyst']);
    await ensureAgency(db(), AREA, 'childrens_social_care');

    const { id } = await createNominal(
      db(),
      ctx.practitioner,
      identity({ forename: 'Pat', surname: 'Projection' }),
    );
    ids.nominal = id;
    await addSectionRow(db(), ctx.practitioner, id, 'convictions', {
      offence: 'Wounding or causing grievous bodily harm with intent',
      convictionDate: '2025-06-01',
      outcome: 'custody',
      lengthMonths: 36,
      isIndexOffence: true,
      sentenceStart: '2025-06-01',
      conditionalReleaseDate: addDays(TODAY, -100),
      licenceExpiryDate: '2028-06-01',
      sentenceExpiryDate: '2028-06-01',
    });
    // The index offence's victim, recorded as an ex-partner (with a date of birth) and as the victim.
    ids.exPartner = (
      await addSectionRow(db(), ctx.practitioner, id, 'relationships', {
        type: 'ex_partner',
        personName: VICTIM,
        dateOfBirth: VICTIM_DOB,
        isChild: false,
        inHousehold: false,
        fromDate: '2019-01-01',
        toDate: '2025-01-01',
      })
    ).id;
    await addSectionRow(db(), ctx.practitioner, id, 'relationships', {
      type: 'victim',
      personName: 'vera  VICTIMSON',
      isChild: false,
      inHousehold: false,
      fromDate: '2025-01-01',
      notes: 'Victim of the index offence.',
    });
    await addSectionRow(db(), ctx.practitioner, id, 'relationships', {
      type: 'partner',
      personName: 'Paula Partner',
      isChild: false,
      inHousehold: true,
      fromDate: '2025-09-01',
    });

    ids.meeting = (
      await scheduleMeeting(db(), ctx.coordinator, {
        level: 2,
        date: TODAY,
        time: '10:30',
        format: 'in_person',
        location: 'Police HQ, room 4',
        chairUserId: ctx.chair.actor.userId,
        nominalIds: [id],
        agencyIds: [ctx.housing.actor.agencyId],
      })
    ).id;
    ids.safeguardingAction = (
      await addMinutesAction(db(), ctx.administrator, ids.meeting, id, {
        description: SAFEGUARDING_ACTION,
        pillar: 'victim_safety_planning',
        safeguarding: true,
        ownerAgencyId: ctx.police.actor.agencyId,
        ownerUserId: ctx.police.actor.userId,
        dueOn: addDays(TODAY, 7),
      })
    ).id;
    ids.housingAction = (
      await addMinutesAction(db(), ctx.administrator, ids.meeting, id, {
        description: HOUSING_ACTION,
        pillar: 'monitoring_and_control',
        ownerAgencyId: ctx.housing.actor.agencyId,
        dueOn: addDays(TODAY, 14),
      })
    ).id;
    await saveMinutes(db(), ctx.administrator, ids.meeting, id, {
      rowVersion: 0,
      decisions: 'Two actions agreed.',
    });

    const draft = await startReferral(db(), ctx.practitioner, id);
    const saved = await saveReferralDraft(db(), ctx.practitioner, draft.id, {
      requestedLevel: 2,
      emergency: false,
      category3: false,
      reason: 'Stalking behaviour since release; needs multi-agency management.',
      valueAdded: 'Housing and police need to share information and plan together.',
      version: draft.version,
    });
    await submitReferral(db(), ctx.practitioner, draft.id, { version: saved.version });
    ids.referral = draft.id;

    app = await buildApp({
      clock: testClock,
      database: db(),
      config: { trustProxy: false },
      sleep: async () => undefined,
    });
    await app.ready();
    let n = 0;
    for (const who of ['housing', 'police', 'lay', 'analyst'] as const) {
      const signedIn = await signInWithPages(app, {
        email: ctx[who].actor.email,
        password: TEST_PASSWORD,
        remoteAddress: `10.77.${n++}.1`,
      });
      cookies.set(who, signedIn.cookie);
    }
    for (const who of ['housing', 'police', 'prison', 'lay', 'analyst'] as const)
      tokens.set(
        who,
        await createServiceToken(db(), testMoment(), ctx[who].actor.userId, 'projections', null, {
          readOnly: true,
        }),
      );
  });
  afterAll(async () => {
    await app?.close();
  });

  const m = () => `/meetings/${ids.meeting}/nominals/${ids.nominal}`;
  const pageUrls = () => [
    `/nominals/${ids.nominal}`,
    `/nominals/${ids.nominal}/timeline`,
    `/nominals/${ids.nominal}/meetings`,
    `${m()}/agenda`,
    `${m()}/minutes`,
    `${m()}/minutes/document`,
    `/referrals/${ids.referral}`,
    `/referrals/${ids.referral}/document`,
  ];
  const apiUrls = () => [
    `/api/v1/nominals/${ids.nominal}`,
    `/api/v1/nominals/${ids.nominal}/timeline`,
    `/api/v1/nominals/${ids.nominal}/relationships`,
    `/api/v1/nominals/${ids.nominal}/meetings`,
    `/api/v1${m()}/agenda`,
    `/api/v1${m()}/minutes`,
    `/api/v1/referrals/${ids.referral}`,
  ];
  const pdfUrls = () => [`${m()}/minutes/document.pdf`, `/referrals/${ids.referral}/document.pdf`];

  const page = (who: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: cookies.get(who)! } });
  const api = (who: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.get(who)!}` } });
  const textOf = async (response: LightMyRequestResponse) =>
    response.headers['content-type']?.toString().startsWith('application/pdf')
      ? (await readPdf(response.rawPayload)).pages.join(' ').replace(/\s+/g, ' ')
      : response.body;
  const leaks = (text: string) => SECRETS.filter((s) => text.toLowerCase().includes(s.toLowerCase()));

  it('a housing representative gets the record, agenda, minutes, MAPPA B and referral without the other agency’s safeguarding action or the victim', async () => {
    const found: string[] = [];
    const answers: Record<string, string> = {};
    for (const [url, response] of [
      ...(await Promise.all(pageUrls().map(async (u) => [u, await page('housing', u)] as const))),
      ...(await Promise.all(pdfUrls().map(async (u) => [u, await page('housing', u)] as const))),
      ...(await Promise.all(apiUrls().map(async (u) => [u, await api('housing', u)] as const))),
    ]) {
      expect(response.statusCode, url).toBe(200);
      const text = await textOf(response);
      answers[url] = text;
      for (const secret of leaks(text)) found.push(`${url}: ${secret}`);
    }
    expect(found).toEqual([]);
    // The pages did show the record: their own action, and a relationship that is not a victim.
    expect(answers[`/nominals/${ids.nominal}`]).toContain('Paula Partner');
    expect(answers[`/api/v1/nominals/${ids.nominal}/relationships`]).toContain('Paula Partner');
    for (const url of [`${m()}/minutes`, `${m()}/minutes/document.pdf`, `/api/v1${m()}/minutes`])
      expect(answers[url], url).toContain(HOUSING_ACTION);
    expect(answers[`/nominals/${ids.nominal}/timeline`]).toContain(HOUSING_ACTION);
    // The action itself and the victim's row are "not found", as before.
    expect((await page('housing', `/actions/${ids.safeguardingAction}`)).statusCode).toBe(404);
    expect((await api('housing', `/api/v1/actions/${ids.safeguardingAction}`)).statusCode).toBe(404);
    expect(
      (await api('housing', `/api/v1/nominals/${ids.nominal}/relationships/${ids.exPartner}`)).statusCode,
    ).toBe(404);
  });

  it('the owning agency (police) still sees its safeguarding action and the victim everywhere', async () => {
    const expectations: [string, 'page' | 'api', string][] = [
      [`/nominals/${ids.nominal}`, 'page', VICTIM],
      [`/nominals/${ids.nominal}/timeline`, 'page', SAFEGUARDING_ACTION],
      [`${m()}/agenda`, 'page', SAFEGUARDING_ACTION],
      [`${m()}/minutes`, 'page', SAFEGUARDING_ACTION],
      [`${m()}/minutes/document.pdf`, 'page', SAFEGUARDING_ACTION],
      [`/api/v1/nominals/${ids.nominal}/relationships`, 'api', VICTIM_DOB],
      [`/api/v1/nominals/${ids.nominal}/timeline`, 'api', VICTIM],
      [`/api/v1${m()}/minutes`, 'api', SAFEGUARDING_ACTION],
      [`/api/v1${m()}/agenda`, 'api', SAFEGUARDING_ACTION],
      [`/api/v1/actions/${ids.safeguardingAction}`, 'api', SAFEGUARDING_ACTION],
      [`/nominals/${ids.nominal}/meetings`, 'page', SAFEGUARDING_ACTION],
    ];
    for (const [url, kind, expected] of expectations) {
      const response = kind === 'page' ? await page('police', url) : await api('police', url);
      expect(response.statusCode, url).toBe(200);
      expect((await textOf(response)).replace(/\s+/g, ' '), url).toContain(expected);
    }
    expect((await page('police', `/actions/${ids.safeguardingAction}`)).statusCode).toBe(200);
  });

  it('victim safety planning: withheld from a prison offender manager of the area, kept for the MAPPA unit', async () => {
    const forPrison = await getMinutes(db(), ctx.prison, ids.meeting, ids.nominal);
    expect(forPrison.newActions.map((a) => a.description)).toEqual([HOUSING_ACTION]);
    const prisonTimeline = await getTimeline(db(), ctx.prison, ids.nominal);
    expect(JSON.stringify(prisonTimeline)).not.toContain('panic alarm');
    expect(JSON.stringify(prisonTimeline)).not.toContain('Victimson');
    const forAdministrator = await getMinutes(db(), ctx.administrator, ids.meeting, ids.nominal);
    expect(forAdministrator.newActions.map((a) => a.description)).toEqual([
      SAFEGUARDING_ACTION,
      HOUSING_ACTION,
    ]);
  });

  it('a lay adviser and an analyst get no case content from any page, document or API answer', async () => {
    const found: string[] = [];
    for (const who of ['lay', 'analyst'] as const) {
      for (const [url, response] of [
        ...(await Promise.all(
          [...pageUrls(), ...pdfUrls()].map(async (u) => [u, await page(who, u)] as const),
        )),
        ...(await Promise.all(apiUrls().map(async (u) => [u, await api(who, u)] as const))),
        [
          `/actions/${ids.safeguardingAction}`,
          await page(who, `/actions/${ids.safeguardingAction}`),
        ] as const,
      ]) {
        if (![403, 404].includes(response.statusCode)) found.push(`${who} ${url}: ${response.statusCode}`);
        for (const secret of [
          ...leaks(response.body),
          ...(response.body.includes('Projection') ? ['name'] : []),
        ])
          found.push(`${who} ${url}: ${secret}`);
      }
    }
    expect(found).toEqual([]);
  });
});
