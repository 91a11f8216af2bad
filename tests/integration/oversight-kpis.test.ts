import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import { decideLevel } from '../../src/modules/levels/index.ts';
import {
  addMinutesAction,
  approveMinutes,
  correctMinutes,
  londonInstant,
  recordAttendance,
  recordPanelDecision,
  saveMinutes,
  scheduleMeeting,
} from '../../src/modules/meetings/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { multiAgencyKpis } from '../../src/modules/oversight/index.ts';
import {
  decideReferral,
  saveReferralDraft,
  startReferral,
  submitReferral,
} from '../../src/modules/referrals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TODAY, describeEachDatabase, ensureAgency, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

const AREA = 'NOR';
/** On a given day, as the people who did it then saw it. */
const on = (ctx: UseCaseContext, today: string): UseCaseContext => ({ ...ctx, today });

/**
 * One area's year, seeded through the real use cases (TODAY is 23 November 2026; the default period
 * is 24 November 2025 to 23 November 2026):
 * - meetings on 1 Oct 2025 (before the period), 5 Oct 2026 and 10 Nov 2026, with attendance;
 * - minutes: approved with disclosure (then corrected), a draft, and minutes imported approved
 *   without the disclosure item;
 * - nine referrals with their decisions on known days, one before the period, and a draft;
 * - two reductions at a meeting, one with the chair's override of an open safeguarding action;
 * - actions due before today and after it; a Level 2 case whose review is overdue.
 */
describeEachDatabase('oversight: multi-agency KPIs', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let coordinator: UseCaseContext;
  let administrator: UseCaseContext;
  let chair: UseCaseContext;
  let smb: UseCaseContext;
  let layAdviser: UseCaseContext;
  let analyst: UseCaseContext;
  let smbElsewhere: UseCaseContext;
  const surnames: string[] = [];

  /** A Category 2 person on licence, with the given ethnicity. */
  async function person(database: Database, ctx: UseCaseContext, surname: string, ethnicity = 'W1') {
    surnames.push(surname);
    const { id } = await createNominal(database, ctx, {
      ...identity({ forename: 'Kim', surname }),
      ethnicity,
    });
    await addSectionRow(database, ctx, id, 'convictions', {
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
    return id;
  }

  /** A referral submitted on `submittedOn` and, if `decision` is given, decided on `decidedOn`. */
  async function referral(
    surname: string,
    ethnicity: string,
    submittedOn: string,
    decision?: { outcome: 'accepted'; level: 2 | 3; on: string } | { outcome: 'rejected'; on: string },
  ) {
    const id = await person(db(), practitioner, surname, ethnicity);
    const draft = await startReferral(db(), practitioner, id);
    const saved = await saveReferralDraft(db(), practitioner, draft.id, {
      requestedLevel: decision?.outcome === 'accepted' ? decision.level : 2,
      emergency: false,
      category3: false,
      reason: 'New partner with children; police called twice this month.',
      valueAdded: 'Police and children’s social care need to plan together.',
      version: draft.version,
    });
    await submitReferral(db(), practitioner, draft.id, { version: saved.version });
    if (decision?.outcome === 'accepted')
      await decideReferral(db(), coordinator, draft.id, {
        outcome: 'accepted',
        level: decision.level,
        criteria: decision.level === 3 ? ['senior_resources_at_short_notice'] : ['rosh_high_or_very_high'],
        rationale: 'High RoSH to a known adult: needs active multi-agency management.',
      });
    if (decision?.outcome === 'rejected')
      await decideReferral(db(), coordinator, draft.id, {
        outcome: 'rejected',
        rationale: 'Managed well by probation alone; police to share intelligence at Level 1.',
      });
    // The clock stamps submission and decision with the real instant: put them on the days the story says.
    await db().transaction(async (tx) => {
      await tx
        .updateTable('referrals')
        .set({ submitted_at: londonInstant(submittedOn, '11:00') })
        .where('id', '=', draft.id)
        .execute();
      if (decision)
        await tx
          .updateTable('referral_decisions')
          .set({ decided_at: londonInstant(decision.on, '15:00') })
          .where('referral_id', '=', draft.id)
          .execute();
    });
    return draft.id;
  }

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: AREA });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: AREA });
    administrator = await makeActor(db(), { roles: ['mappa_administrator'], areaCode: AREA });
    chair = await makeActor(db(), { roles: ['meeting_chair'], areaCode: AREA, agencyType: 'police' });
    smb = await makeActor(db(), { roles: ['smb_member'], areaCode: AREA });
    layAdviser = await makeActor(db(), { roles: ['lay_adviser'], areaCode: AREA });
    analyst = await makeActor(db(), { roles: ['national_analyst'], areaCode: AREA });
    smbElsewhere = await makeActor(db(), { roles: ['smb_member'], areaCode: 'GLO' });
    const elsewhere = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'GLO' });
    await person(db(), elsewhere, 'Gloucester');

    const police = chair.actor.agencyId;
    const probation = practitioner.actor.agencyId;
    const socialCare = (await ensureAgency(db(), AREA, 'childrens_social_care')).id;
    const housing = (await ensureAgency(db(), AREA, 'housing')).id;
    const health = (await ensureAgency(db(), AREA, 'health')).id;
    await db().transaction((tx) =>
      tx
        .insertInto('standing_panel_members')
        .values([
          { area_code: AREA, agency_id: police },
          { area_code: AREA, agency_id: socialCare },
        ])
        .execute(),
    );

    // --- Meetings and attendance -------------------------------------------------------------
    const a = await person(db(), practitioner, 'Ashdown');
    const b = await person(db(), practitioner, 'Birchall');
    const c = await person(db(), practitioner, 'Carrow');
    for (const id of [a, b])
      await decideLevel(db(), on(practitioner, '2026-09-01'), id, {
        level: 2,
        criteria: ['rosh_high_or_very_high'],
        rationale: 'High RoSH; housing and police must co-ordinate.',
      });
    const schedule = (date: string, nominalIds: string[], agencyIds: string[]) =>
      // Scheduled ahead (a meeting is never scheduled in the past): as the coordinator saw it then.
      scheduleMeeting(db(), on(coordinator, addDays(date, -14)), {
        level: 2,
        date,
        time: '10:00',
        format: 'in_person',
        location: 'Police HQ, room 4',
        chairUserId: chair.actor.userId,
        nominalIds,
        agencyIds,
      });
    const attend = (meetingId: string, agencyId: string, attendance: string, extra = {}) =>
      recordAttendance(db(), administrator, meetingId, {
        agencyId,
        personName: 'A Representative',
        attendance,
        ...extra,
      });
    // Before the period: everyone came, and none of it counts.
    const m0 = await schedule('2025-10-01', [c], []);
    await attend(m0.id, police, 'attended');
    await attend(m0.id, socialCare, 'attended');
    // 5 October 2026: RA police came, probation did not (1 of 2); DTC housing came, children's
    // social care sent a substitute, health sent apologies (2 of 3).
    const m1 = await schedule('2026-10-05', [a, b], [housing, health, probation]);
    await attend(m1.id, police, 'attended');
    await attend(m1.id, probation, 'absent');
    await attend(m1.id, housing, 'attended');
    await attend(m1.id, socialCare, 'substitute', { substituteFor: 'J Green' });
    await attend(m1.id, health, 'apologies');
    // 10 November 2026: the standing panel; the police came, children's social care came.
    const m2 = await schedule('2026-11-10', [c], []);
    await attend(m2.id, police, 'attended');
    await attend(m2.id, socialCare, 'attended');

    // --- Actions and reductions (agreed while the minutes are open) ------------------------------------------------------------------
    const atMeeting = on(administrator, '2026-10-05');
    await addMinutesAction(db(), atMeeting, m1.id, a, {
      description: 'Safeguarding referral for the children',
      pillar: 'victim_safety_planning',
      safeguarding: true,
      ownerAgencyId: socialCare,
      dueOn: '2026-10-19',
    });
    await addMinutesAction(db(), on(administrator, '2026-11-10'), m2.id, c, {
      description: 'Home visit',
      pillar: 'monitoring_and_control',
      ownerAgencyId: police,
      dueOn: '2026-11-20',
    });
    await addMinutesAction(db(), administrator, m2.id, c, {
      description: 'Check the tenancy',
      pillar: 'interventions_and_treatment',
      ownerAgencyId: housing,
      dueOn: addDays(TODAY, 7),
    });
    await recordPanelDecision(db(), chair, m1.id, a, {
      level: '1',
      rationale: 'Risk has reduced.',
      continuesAtLowerLevel: 'Professionals’ meeting in 6 weeks.',
      overrideReason: 'Children’s social care keep the referral open at Level 1.',
    });
    await recordPanelDecision(db(), chair, m1.id, b, {
      level: '1',
      rationale: 'Stable for six months.',
      continuesAtLowerLevel: 'Monthly probation appointments.',
    });

    // --- Minutes --------------------------------------------------------------------------------
    const disclosed = {
      decisions: 'Police to visit monthly.',
      disclosureConsidered: 'yes',
      disclosureReason: 'The new partner is to be told under the disclosure scheme.',
    };
    const saved = await saveMinutes(db(), administrator, m1.id, a, { rowVersion: 0, ...disclosed });
    await approveMinutes(db(), chair, m1.id, a, { rowVersion: saved.rowVersion });
    // A correction approved later: still one set of minutes for this meeting and person.
    const correction = await correctMinutes(db(), administrator, m1.id, a, {
      reason: 'Wrong visit frequency.',
    });
    const corrected = await saveMinutes(db(), administrator, m1.id, a, {
      rowVersion: correction.rowVersion,
      ...disclosed,
      decisions: 'Police to visit fortnightly.',
    });
    await approveMinutes(db(), chair, m1.id, a, { rowVersion: corrected.rowVersion });
    await saveMinutes(db(), administrator, m1.id, b, { rowVersion: 0, decisions: 'Still being written up.' });
    // Minutes brought over from the previous system, approved there without the disclosure item.
    await db().transaction((tx) =>
      tx
        .insertInto('minutes')
        .values({
          updated_at: testClock.now(),
          meeting_id: m2.id,
          nominal_id: c,
          status: 'approved',
          content: JSON.stringify({ items: {}, decisions: 'Imported.' }),
          updated_by: administrator.actor.userId,
          approved_by: chair.actor.userId,
          approved_at: testClock.now(),
        })
        .execute(),
    );

    // A Level 2 case last reviewed in January: its review is overdue.
    const d = await person(db(), practitioner, 'Dunmore');
    await decideLevel(db(), on(practitioner, '2026-01-12'), d, {
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'High RoSH.',
    });

    // --- Referrals -------------------------------------------------------------------------------
    await referral('Ellison', 'W1', '2026-10-01', { outcome: 'accepted', level: 2, on: '2026-10-03' }); // 2 days
    await referral('Fairley', 'W1', '2026-09-01', { outcome: 'accepted', level: 3, on: '2026-09-11' }); // 10 days
    await referral('Garside', 'B1', '2026-08-01', { outcome: 'rejected', on: '2026-08-05' }); // 4 days
    await referral('Holroyd', 'A1', '2026-11-20');
    await referral('Ingham', 'B2', '2026-01-10', { outcome: 'rejected', on: '2026-03-01' }); // 50 days
    await referral('Jessop', 'W1', '2025-06-01', { outcome: 'accepted', level: 2, on: '2025-06-03' }); // before
    await referral('Kitson', 'W2', '2026-11-18');
    await referral('Lowther', 'W3', '2026-11-19');
    await referral('Mellor', 'W1', '2026-11-21');
    const draftOf = await person(db(), practitioner, 'Naylor');
    await startReferral(db(), practitioner, draftOf);

    // The rest of the area's MAPPA population.
    for (let i = 0; i < 4; i++)
      await createNominal(db(), practitioner, { ...identity({ surname: `Okafor${i}` }), ethnicity: 'B1' });
    for (let i = 0; i < 4; i++)
      await createNominal(db(), practitioner, { ...identity({ surname: `Patel${i}` }), ethnicity: 'A1' });
  });

  it('attendance at Level 2/3 meetings: Responsible Authority and duty-to-co-operate agencies, as rates', async () => {
    const october = await multiAgencyKpis(db(), smb, { from: '2026-10-01', to: '2026-10-31' });
    expect(october.attendance).toEqual({
      meetings: 1,
      responsibleAuthority: { invited: 2, attended: 1, percent: 50 },
      dutyToCooperate: { invited: 3, attended: 2, percent: 67 },
    });
    // The last 12 months: both 2026 meetings, not the one in October 2025.
    const year = await multiAgencyKpis(db(), smb);
    expect(year.period).toEqual({ from: '2025-11-24', to: TODAY });
    expect(year.attendance).toEqual({
      meetings: 2,
      responsibleAuthority: { invited: 3, attended: 2, percent: 67 },
      dutyToCooperate: { invited: 4, attended: 3, percent: 75 },
    });
  });

  it('disclosure considered and recorded: the share of approved minutes with yes or no and why', async () => {
    const year = await multiAgencyKpis(db(), smb);
    // Three people discussed; two approved minutes (the corrected one counted once); one records disclosure.
    expect(year.disclosure).toEqual({
      discussions: 3,
      approvedMinutes: 2,
      recorded: { count: 1, of: 2, percent: 50 },
    });
    const october = await multiAgencyKpis(db(), smb, { from: '2026-10-01', to: '2026-10-31' });
    expect(october.disclosure).toEqual({
      discussions: 2,
      approvedMinutes: 1,
      recorded: { count: 1, of: 1, percent: 100 },
    });
  });

  it('referrals submitted in the period: accepted by level, rejected, awaiting, the median days to a decision, and the rejections to review', async () => {
    const { referrals } = await multiAgencyKpis(db(), layAdviser);
    expect(referrals).toEqual({
      submitted: 8,
      accepted: { level2: 1, level3: 1, total: 2 },
      rejected: 2,
      awaitingScreening: 4,
      // 2, 4, 10 and 50 days.
      medianDaysToDecision: 7,
      // Only the rejection of 5 August falls in the six months to today.
      rejectedForReview: { from: '2026-05-24', to: TODAY, count: 1 },
    });
    const summer = await multiAgencyKpis(db(), layAdviser, { from: '2026-08-01', to: '2026-09-30' });
    expect(summer.referrals).toMatchObject({
      submitted: 2,
      accepted: { level2: 0, level3: 1, total: 1 },
      rejected: 1,
      awaitingScreening: 0,
      medianDaysToDecision: 7,
      rejectedForReview: { from: '2026-04-01', to: '2026-09-30', count: 1 },
    });
  });

  it('referrals by ethnic group beside the MAPPA population, with small numbers not shown', async () => {
    const { ethnicity } = await multiAgencyKpis(db(), smb);
    expect(ethnicity.threshold).toBe(5);
    expect(ethnicity.referralsTotal).toBe(8);
    // Everyone on the area's record: 11 White, 6 Black, 5 Asian.
    expect(ethnicity.populationTotal).toBe(22);
    const row = (group: string) => ethnicity.rows.find((r) => r.group === group);
    // White: 5 of 8 referrals (63%) against 11 of 22 people (50%): 1.25 times its share.
    expect(row('white')).toEqual({
      group: 'white',
      label: 'White',
      referrals: 5,
      referralPercent: 63,
      population: 11,
      populationPercent: 50,
      ratio: 1.25,
    });
    // Two Black and one Asian referral: not shown, nor their shares or ratios.
    expect(row('black')).toMatchObject({
      referrals: null,
      referralPercent: null,
      population: 6,
      ratio: null,
    });
    expect(row('asian')).toMatchObject({
      referrals: null,
      referralPercent: null,
      population: 5,
      ratio: null,
    });
    expect(row('mixed')).toMatchObject({ referrals: 0, population: 0, ratio: null });
  });

  it('reductions with the chair’s override in the period; overdue actions and reviews now', async () => {
    const year = await multiAgencyKpis(db(), coordinator);
    expect(year.levelReductions).toEqual({ total: 2, withOverride: 1 });
    expect(year.actions).toEqual({ overdue: 2, overdueSafeguarding: 1 });
    expect(year.reviewsOverdue).toEqual({ level1: 0, level2: 1, level3: 0, total: 1 });
    const before = await multiAgencyKpis(db(), coordinator, { from: '2026-06-01', to: '2026-09-30' });
    expect(before.levelReductions).toEqual({ total: 0, withOverride: 0 });
  });

  it('counts only: no name, and each area sees its own; a national analyst sees England and Wales', async () => {
    const year = await multiAgencyKpis(db(), smb);
    expect(year.scope).toBe(AREA);
    const text = JSON.stringify(year);
    for (const surname of surnames) expect(text).not.toContain(surname);
    const elsewhere = await multiAgencyKpis(db(), smbElsewhere);
    expect(elsewhere).toMatchObject({
      scope: 'GLO',
      attendance: { meetings: 0 },
      referrals: { submitted: 0 },
      ethnicity: { referralsTotal: 0, populationTotal: 1 },
    });
    const national = await multiAgencyKpis(db(), analyst);
    expect(national).toMatchObject({
      scope: 'England and Wales',
      attendance: year.attendance,
      referrals: year.referrals,
      ethnicity: { referralsTotal: 8, populationTotal: 23 },
    });
  });

  it('refuses a practitioner, and a period that is not one', async () => {
    await rejection(multiAgencyKpis(db(), practitioner), ForbiddenError);
    const error = await rejection(
      multiAgencyKpis(db(), smb, { from: '2026-12-01', to: '2026-11-01' }),
      ValidationError,
    );
    expect(error.fieldErrors).toEqual({ from: 'Start of the period must be before its end' });
    const future = await rejection(multiAgencyKpis(db(), smb, { to: addDays(TODAY, 1) }), ValidationError);
    expect(future.fieldErrors.to).toMatch(/today or in the past/);
  });

  it('over the API: the same numbers; a bad period is a 400 problem; documented in OpenAPI', async () => {
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const headers = {
        authorization: `Bearer ${await createServiceToken(db(), testMoment(), smb.actor.userId, 'oversight test', null, { readOnly: true })}`,
      };
      const got = await app.inject({ method: 'GET', url: '/api/v1/oversight/kpis', headers });
      expect(got.statusCode).toBe(200);
      expect(got.json()).toEqual(JSON.parse(JSON.stringify(await multiAgencyKpis(db(), smb))));
      const october = await app.inject({
        method: 'GET',
        url: '/api/v1/oversight/kpis?from=2026-10-01&to=2026-10-31',
        headers,
      });
      expect(october.json().attendance.dutyToCooperate).toEqual({ invited: 3, attended: 2, percent: 67 });
      const bad = await app.inject({
        method: 'GET',
        url: '/api/v1/oversight/kpis?from=1%20October',
        headers,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.json().errors).toEqual([
        { field: 'from', message: 'Start of the period must be in the format 2024-03-01' },
      ]);
      const junk = await app.inject({
        method: 'GET',
        url: '/api/v1/oversight/kpis?to=2026-01-01&to=2026-02-01',
        headers,
      });
      expect(junk.statusCode).toBe(400);
      const practitionerHeaders = {
        authorization: `Bearer ${await createServiceToken(db(), testMoment(), practitioner.actor.userId, 'oversight test', null, { readOnly: true })}`,
      };
      const refused = await app.inject({
        method: 'GET',
        url: '/api/v1/oversight/kpis',
        headers: practitionerHeaders,
      });
      expect(refused.statusCode).toBe(403);
      const openApi = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      const path = openApi.json().paths['/api/v1/oversight/kpis'];
      expect(path.get.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to']);
      expect(Object.keys(path.get.responses['200'].content['application/json'].schema.properties)).toContain(
        'ethnicity',
      );
    } finally {
      await app.close();
    }
  });
});
