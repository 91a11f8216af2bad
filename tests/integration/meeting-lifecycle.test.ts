import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ConflictError, ValidationError } from '../../src/domain/errors.ts';
import { decideLevel } from '../../src/modules/levels/index.ts';
import {
  MinutesLockedError,
  addMinutesAction,
  approveMinutes,
  cancelMeeting,
  closeMeeting,
  getMeeting,
  getMinutes,
  minutesDocument,
  recordAttendance,
  recordPanelDecision,
  removeAttendance,
  rescheduleMeeting,
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
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { renderPdf } from '../../src/web/documents/document.ts';
import { testClock, testMoment } from '../support/clock.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, ensureAgency, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { readPdf } from '../support/pdf.ts';
import { signInWithPages, type SignedIn } from '../support/sign-in.ts';

process.env.VIGIL_LOG = 'silent';

const AREA = 'NOR';

/** A Category 2 person on licence (wounding with intent, 3 years, released 100 days ago). */
async function category2(db: Database, ctx: UseCaseContext, surname: string) {
  const { id } = await createNominal(db, ctx, identity({ forename: 'Pat', surname }));
  await addSectionRow(db, ctx, id, 'convictions', {
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

/**
 * The meeting lifecycle's guard rails (issue 13): scheduling refuses a past date and a meeting
 * without a level or chair; closing refuses a meeting not yet started or without attendance;
 * rescheduling and cancelling need a reason, tell the invitees and are kept in the history; an
 * attendance entry made in error is removed with a reason before the close; a cancelled meeting
 * is neither closed nor minuted; approved minutes take no more decisions; the agenda is a PDF.
 */
describeEachDatabase('meetings: the lifecycle and its guard rails', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let coordinator: UseCaseContext;
  let administrator: UseCaseContext;
  let chair: UseCaseContext;
  let police: UseCaseContext;
  let housing: UseCaseContext;
  let policeAgency: string;
  let app: FastifyInstance;
  const sessions = new Map<UseCaseContext, SignedIn>();

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: AREA });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: AREA });
    administrator = await makeActor(db(), { roles: ['mappa_administrator'], areaCode: AREA });
    chair = await makeActor(db(), { roles: ['meeting_chair'], areaCode: AREA, agencyType: 'police' });
    police = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: AREA });
    housing = await makeActor(db(), { roles: ['dtc_representative'], areaCode: AREA, agencyType: 'housing' });
    policeAgency = police.actor.agencyId;
    await ensureAgency(db(), AREA, 'childrens_social_care');
    await db().transaction((tx) =>
      tx
        .insertInto('standing_panel_members')
        .values([{ area_code: AREA, agency_id: policeAgency }])
        .execute(),
    );
    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const valid = (nominalIds: string[], extra: Record<string, unknown> = {}) => ({
    level: 2,
    date: TODAY,
    time: '10:30',
    format: 'in_person',
    location: 'Police HQ, room 4',
    chairUserId: chair.actor.userId,
    nominalIds,
    agencyIds: [housing.actor.agencyId],
    ...extra,
  });
  const schedule = (nominalIds: string[], extra: Record<string, unknown> = {}) =>
    scheduleMeeting(db(), coordinator, valid(nominalIds, extra));
  const attend = (meetingId: string, personName = 'DS Kay') =>
    recordAttendance(db(), administrator, meetingId, {
      agencyId: policeAgency,
      personName,
      attendance: 'attended',
    });
  const count = async (table: 'meetings' | 'notifications' | 'meeting_invitations') =>
    Number(
      (
        await db()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const inbox = (ctx: UseCaseContext) =>
    db()
      .db.selectFrom('notifications')
      .select(['subject', 'body', 'link'])
      .where('user_id', '=', ctx.actor.userId)
      // In the order they arrived (an update, like resolving an item, moves a row on disk).
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  async function as(ctx: UseCaseContext): Promise<SignedIn> {
    const known = sessions.get(ctx);
    if (known) return known;
    const signedIn = await signInWithPages(app, { email: ctx.actor.email, password: TEST_PASSWORD });
    sessions.set(ctx, signedIn);
    return signedIn;
  }
  const page = async (ctx: UseCaseContext, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: (await as(ctx)).cookie } });
  const form = async (ctx: UseCaseContext, url: string, fields: Record<string, string | string[]>) => {
    const session = await as(ctx);
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
  const bearer = async (ctx: UseCaseContext) => ({
    authorization: `Bearer ${await createServiceToken(db(), testMoment(), ctx.actor.userId, 'lifecycle test', null, { readOnly: false })}`,
  });

  // --- Scheduling ---------------------------------------------------------------------------------

  it('refuses a meeting in the past, or without a level or a chair, each with its field error, and writes nothing', async () => {
    const id = await category2(db(), practitioner, 'Past');
    const before = { meetings: await count('meetings'), notifications: await count('notifications') };
    const refused = await rejection(
      scheduleMeeting(
        db(),
        coordinator,
        valid([id], { date: '2020-03-02', level: undefined, chairUserId: '' }),
      ),
      ValidationError,
    );
    expect(refused.fieldErrors.level).toBe('Select Level 2 or Level 3');
    expect(refused.fieldErrors.chairUserId).toBe('Select the chair');
    const past = await rejection(schedule([id], { date: addDays(TODAY, -1) }), ValidationError);
    expect(past.fieldErrors).toEqual({ date: 'The date of the meeting must be today or in the future' });
    expect({ meetings: await count('meetings'), notifications: await count('notifications') }).toEqual(
      before,
    );
    // Today is fine (a meeting later today); so is a later day.
    await expect(schedule([id], { date: addDays(TODAY, 7) })).resolves.toMatchObject({ nominals: 1 });
  });

  it('the page shows the past date in the error summary, with no level chosen for the user', async () => {
    const id = await category2(db(), practitioner, 'PastPage');
    const blank = await page(coordinator, '/meetings/new');
    expect(blank.statusCode).toBe(200);
    expect(blank.body).not.toMatch(/name="level" type="radio" value="2" checked/);
    const before = await count('meetings');
    const refused = await form(coordinator, '/meetings', {
      level: '2',
      'date-day': '2',
      'date-month': '3',
      'date-year': '2020',
      time: '10:00',
      format: 'in_person',
      location: 'Room 1',
      nominalIds: [],
      vigilRefs: '',
      chairUserId: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('The date of the meeting must be today or in the future');
    expect(refused.body).toContain('href="#date-day"');
    expect(refused.body).toContain('Select the chair');
    expect(await count('meetings')).toBe(before);
    expect(id).toBeTruthy();
  });

  // --- Closing ----------------------------------------------------------------------------------------

  it('refuses to close a meeting before it starts, or without attendance, and sends no action; closes once both hold', async () => {
    const id = await category2(db(), practitioner, 'Close');
    // 23 November at 12:00 London is the test clock's "now": a meeting at 14:00 has not started.
    const later = await schedule([id], { time: '14:00' });
    await attend(later.id);
    const early = await rejection(closeMeeting(db(), coordinator, later.id), ValidationError);
    expect(early.fieldErrors.close).toBe(
      'This meeting starts on 23 November 2026 at 14:00: it cannot be closed before it starts',
    );

    const held = await schedule([id], { time: '09:00' });
    await addMinutesAction(db(), administrator, held.id, id, {
      description: 'Home visit within 7 days',
      pillar: 'monitoring_and_control',
      ownerAgencyId: policeAgency,
      ownerUserId: police.actor.userId,
      dueOn: addDays(TODAY, 7),
    });
    const noAttendance = await rejection(closeMeeting(db(), coordinator, held.id), ValidationError);
    expect(noAttendance.fieldErrors.close).toBe('Record who attended before closing the meeting');
    expect((await getMeeting(db(), coordinator, held.id)).status).toBe('scheduled');
    expect((await inbox(police)).map((n) => n.body).join('\n')).not.toContain('Home visit within 7 days');
    expect((await getMinutes(db(), coordinator, held.id, id)).newActions[0]!.distributedAt).toBeNull();

    // The page shows why, in the error summary that links to the close button.
    const pageRefusal = await form(coordinator, `/meetings/${held.id}/close`, {});
    expect(pageRefusal.statusCode).toBe(400);
    expect(pageRefusal.body).toContain('Record who attended before closing the meeting');
    expect(pageRefusal.body).toContain('href="#close"');
    expect(pageRefusal.body).toContain('id="close"');

    await attend(held.id);
    expect(await closeMeeting(db(), coordinator, held.id)).toMatchObject({ closed: true, ownersNotified: 1 });
    expect((await inbox(police)).map((n) => n.body).join('\n')).toContain('Home visit within 7 days');
  });

  // --- Rescheduling and cancelling --------------------------------------------------------------------

  it('reschedules with a reason (not into the past, not from a stale version), tells the invitees and keeps the history', async () => {
    const id = await category2(db(), practitioner, 'Move');
    const { id: meetingId } = await schedule([id], { date: addDays(TODAY, 7) });
    const meeting = await getMeeting(db(), coordinator, meetingId);
    expect(meeting.version).toBe(1);
    const missing = await rejection(
      rescheduleMeeting(db(), coordinator, meetingId, {
        date: addDays(TODAY, 14),
        time: '11:00',
        version: 1,
      }),
      ValidationError,
    );
    expect(missing.fieldErrors.reason).toBe('Enter why the meeting is being rescheduled');
    const past = await rejection(
      rescheduleMeeting(db(), coordinator, meetingId, {
        date: addDays(TODAY, -1),
        time: '11:00',
        reason: 'Chair unavailable',
        version: 1,
      }),
      ValidationError,
    );
    expect(past.fieldErrors.date).toBe('The new date must be today or in the future');
    const before = (await inbox(chair)).length;

    const moved = await rescheduleMeeting(db(), coordinator, meetingId, {
      date: '2026-12-05',
      time: '14:00',
      reason: 'The chair is at court on the original day',
      version: 1,
    });
    expect(moved).toMatchObject({ day: '2026-12-05', time: '14:00', version: 2 });
    expect(moved.notified).toBeGreaterThanOrEqual(2);
    const told = (await inbox(chair)).slice(before);
    expect(told.map((n) => n.subject)).toContain(
      'MAPPA meeting moved: the Level 2 meeting on 30 November 2026 at 10:30 is now on 5 December 2026 at 14:00',
    );
    expect(told[0]!.body).toContain('The chair is at court on the original day');
    expect((await inbox(housing)).some((n) => n.subject.startsWith('MAPPA meeting moved'))).toBe(true);

    const after = await getMeeting(db(), coordinator, meetingId);
    expect(after).toMatchObject({ day: '2026-12-05', time: '14:00', version: 2 });
    expect(after.history.map((h) => h.summary)).toEqual([
      'Level 2 meeting scheduled for 30 November 2026',
      'Level 2 meeting on 30 November 2026 at 10:30 moved to 5 December 2026 at 14:00: The chair is at court on the original day',
    ]);
    // Someone who read version 1 cannot move it again without seeing the change.
    const stale = await rejection(
      rescheduleMeeting(db(), coordinator, meetingId, {
        date: '2026-12-06',
        time: '10:00',
        reason: 'Another reason',
        version: 1,
      }),
      ConflictError,
    );
    expect(stale.changes[0]?.summary).toContain('moved to 5 December 2026');
  });

  it('cancels with a reason, tells the invitees; a cancelled meeting is not closed, rescheduled, minuted or decided at', async () => {
    const id = await category2(db(), practitioner, 'Cancel');
    const { id: meetingId } = await schedule([id]);
    await attend(meetingId);
    const missing = await rejection(
      cancelMeeting(db(), coordinator, meetingId, { version: 1 }),
      ValidationError,
    );
    expect(missing.fieldErrors.reason).toBe('Enter why the meeting is being cancelled');

    const cancelled = await cancelMeeting(db(), coordinator, meetingId, {
      reason: 'The person was recalled to prison',
      version: 1,
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', version: 2 });
    expect((await inbox(chair)).map((n) => n.subject)).toContain(
      'MAPPA meeting cancelled: the Level 2 meeting on 23 November 2026 at 10:30',
    );
    const meeting = await getMeeting(db(), coordinator, meetingId);
    expect(meeting.status).toBe('cancelled');
    expect(meeting.history.at(-1)?.summary).toBe(
      'Level 2 meeting on 23 November 2026 at 10:30 cancelled: The person was recalled to prison',
    );

    const close = await rejection(closeMeeting(db(), coordinator, meetingId), ValidationError);
    expect(close.fieldErrors.close).toBe('This meeting was cancelled, so it cannot be closed');
    await rejection(
      rescheduleMeeting(db(), coordinator, meetingId, {
        date: addDays(TODAY, 7),
        time: '10:00',
        reason: 'Try again',
        version: 2,
      }),
      ValidationError,
    );
    await rejection(saveMinutes(db(), administrator, meetingId, id, { rowVersion: 0 }), MinutesLockedError);
    await rejection(
      addMinutesAction(db(), administrator, meetingId, id, {
        description: 'Anything',
        pillar: 'supervision',
        ownerAgencyId: policeAgency,
        dueOn: addDays(TODAY, 7),
      }),
      MinutesLockedError,
    );
    await rejection(
      recordPanelDecision(db(), chair, meetingId, id, { level: 2, rationale: 'x' }),
      MinutesLockedError,
    );
    // The minutes page offers no form; the meeting page offers no close.
    const minutesPage = await page(coordinator, `/meetings/${meetingId}/nominals/${id}/minutes`);
    expect(minutesPage.body).not.toContain('Save the minutes');
    const meetingPage = await page(coordinator, `/meetings/${meetingId}`);
    expect(meetingPage.body).not.toContain('Close the meeting');
    expect(meetingPage.body).toContain('The person was recalled to prison');
  });

  it('over the API: reschedule and cancel are problems without a reason (400) or with a stale version (409), and answer with the new state', async () => {
    const id = await category2(db(), practitioner, 'Api');
    const { id: meetingId } = await schedule([id], { date: addDays(TODAY, 3) });
    const headers = await bearer(coordinator);
    const post = (path: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/v1/meetings/${meetingId}/${path}`, headers, payload });
    const noReason = await post('reschedule', { date: addDays(TODAY, 4), time: '10:00', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    expect(noReason.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['reason']);
    const moved = await post('reschedule', {
      date: addDays(TODAY, 4),
      time: '10:00',
      reason: 'Room unavailable',
      version: 1,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ day: addDays(TODAY, 4), time: '10:00', version: 2 });
    const stale = await post('cancel', { reason: 'No longer needed', version: 1 });
    expect(stale.statusCode).toBe(409);
    const cancelled = await post('cancel', { reason: 'No longer needed', version: 2 });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', version: 3 });
    const shown = await app.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}`, headers });
    expect(shown.json<{ status: string; history: { summary: string }[] }>().history.length).toBe(3);
    const closed = await app.inject({ method: 'POST', url: `/api/v1/meetings/${meetingId}/close`, headers });
    expect(closed.statusCode).toBe(400);
  });

  // --- Attendance entered in error ---------------------------------------------------------------------

  it('removes an attendance entry made in error with its reason in the access log, but not after the close', async () => {
    const id = await category2(db(), practitioner, 'Remove');
    const { id: meetingId } = await schedule([id]);
    const wrong = await attend(meetingId, 'DS Wrong Name');
    await rejection(
      removeAttendance(db(), administrator, meetingId, wrong.id, { reason: ' ' }),
      ValidationError,
    );
    await removeAttendance(db(), administrator, meetingId, wrong.id, {
      reason: 'Entered against the wrong meeting',
    });
    const meeting = await getMeeting(db(), coordinator, meetingId);
    expect(meeting.attendance.map((a) => a.personName)).not.toContain('DS Wrong Name');
    const logged = await db()
      .db.selectFrom('access_log')
      .select(['operation', 'section', 'purpose'])
      .where('purpose', '=', 'Entered against the wrong meeting')
      .execute();
    expect(logged).toEqual([
      {
        operation: 'erasure',
        section: 'attendance entry removed: DS Wrong Name (' + police.actor.agencyName + '), Attended',
        purpose: 'Entered against the wrong meeting',
      },
    ]);
    const right = await attend(meetingId, 'DS Right Name');
    await closeMeeting(db(), coordinator, meetingId);
    const afterClose = await rejection(
      removeAttendance(db(), administrator, meetingId, right.id, { reason: 'Too late' }),
      ValidationError,
    );
    expect(afterClose.fieldErrors.reason).toBe(
      'The meeting has closed: its attendance can no longer be changed',
    );
    expect((await getMeeting(db(), coordinator, meetingId)).attendance.map((a) => a.personName)).toEqual([
      'DS Right Name',
    ]);
  });

  // --- From an accepted referral -----------------------------------------------------------------------

  it('"Schedule a meeting" on an accepted referral opens the form with its person, level and agencies', async () => {
    const id = await category2(db(), practitioner, 'Referred');
    await decideLevel(db(), practitioner, id, { level: 1, rationale: 'Managed by probation alone for now.' });
    const draft = await startReferral(db(), practitioner, id);
    const saved = await saveReferralDraft(db(), practitioner, draft.id, {
      requestedLevel: 2,
      emergency: false,
      category3: false,
      reason: 'New partner with two children; police attended three incidents this month.',
      valueAdded: 'Housing and police need to share information and plan together.',
      invitedAgencyIds: [housing.actor.agencyId],
      version: draft.version,
    });
    await submitReferral(db(), practitioner, draft.id, { version: saved.version });
    await decideReferral(db(), coordinator, draft.id, {
      outcome: 'accepted',
      level: 2,
      criteria: ['rosh_high_or_very_high', 'multi_agency_meetings_add_value'],
      rationale: 'High RoSH to children in the new household.',
    });
    const referralPage = await page(coordinator, `/referrals/${draft.id}`);
    expect(referralPage.body).toContain(`href="/meetings/new?referral=${draft.id}"`);
    const practitionerView = await page(practitioner, `/referrals/${draft.id}`);
    expect(practitionerView.body).not.toContain('/meetings/new?referral=');

    const prefilled = await page(coordinator, `/meetings/new?referral=${draft.id}`);
    expect(prefilled.statusCode).toBe(200);
    const checked = (name: string, value: string) =>
      new RegExp(`name="${name}" type="(?:radio|checkbox)" value="${value}" checked`).test(prefilled.body);
    expect(checked('level', '2')).toBe(true);
    expect(checked('nominalIds', id)).toBe(true);
    expect(checked('agencyIds', housing.actor.agencyId)).toBe(true);

    // Scheduled, it takes the referral up; cancelled, the referral awaits a meeting again.
    const { id: meetingId } = await schedule([id]);
    expect((await page(coordinator, '/meetings/new')).body).not.toContain(`value="${id}"`);
    await cancelMeeting(db(), coordinator, meetingId, { reason: 'Chair ill', version: 1 });
    expect((await page(coordinator, '/meetings/new')).body).toContain(`value="${id}"`);
  });

  // --- Documents and approved minutes ---------------------------------------------------------------

  it('the agenda is a PDF marked OFFICIAL-SENSITIVE on every page, logged as a disclosure, on the page and the API', async () => {
    const id = await category2(db(), practitioner, 'AgendaPdf');
    const { id: meetingId } = await schedule([id]);
    const fromPage = await page(coordinator, `/meetings/${meetingId}/nominals/${id}/agenda.pdf`);
    expect(fromPage.statusCode).toBe(200);
    expect(fromPage.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(fromPage.rawPayload);
    for (const p of pdf.pages) expect(p).toContain('OFFICIAL-SENSITIVE');
    const text = pdf.pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Agenda: Level 2 MAPPA meeting');
    expect(text).toContain('23 November 2026 at 10:30');
    expect(text).toContain('Disclosure considered');
    expect(text).not.toContain(meetingId);

    const fromApi = await app.inject({
      method: 'GET',
      url: `/api/v1/meetings/${meetingId}/nominals/${id}/agenda.pdf`,
      headers: await bearer(coordinator),
    });
    expect(fromApi.statusCode).toBe(200);
    expect(fromApi.headers['content-type']).toBe('application/pdf');
    const downloads = await db()
      .db.selectFrom('access_log')
      .select(['record_ids', 'section'])
      .where('operation', '=', 'disclosure')
      .where('section', 'like', 'Agenda for%')
      .execute();
    expect(downloads.filter((d) => d.record_ids.includes(id)).map((d) => d.section)).toEqual([
      'Agenda for the Level 2 meeting on 23 November 2026 (PDF)',
      'Agenda for the Level 2 meeting on 23 November 2026 (PDF)',
    ]);
  });

  it('approved minutes are read-only: no decision, action or save offered or accepted; disclosure shown once; the PDF names the meeting, not its id', async () => {
    const id = await category2(db(), practitioner, 'Approved');
    const { id: meetingId } = await schedule([id]);
    const saved = await saveMinutes(db(), administrator, meetingId, id, {
      rowVersion: 0,
      decisions: 'Remain at Level 2.',
      disclosure: { considered: 'yes', reason: 'The new partner is to be told.' },
    });
    const draftPage = await page(chair, `/meetings/${meetingId}/nominals/${id}/minutes`);
    expect(draftPage.body).toContain('Record the panel’s level decision');
    await approveMinutes(db(), chair, meetingId, id, { rowVersion: saved.rowVersion });

    const approved = await page(chair, `/meetings/${meetingId}/nominals/${id}/minutes`);
    expect(approved.statusCode).toBe(200);
    expect(approved.body).not.toContain('Record the panel’s level decision');
    expect(approved.body).not.toContain('Save the minutes');
    expect(approved.body).not.toContain('Approve the minutes</button>');
    const adminView = await page(administrator, `/meetings/${meetingId}/nominals/${id}/minutes`);
    expect(adminView.body).not.toContain('Add an action from this meeting');
    expect(adminView.body).toContain('Correct the approved minutes');
    expect(approved.body.match(/Disclosure considered/g)?.length).toBe(1);
    expect(approved.body).toContain('The new partner is to be told.');
    await rejection(
      recordPanelDecision(db(), chair, meetingId, id, { level: 2, rationale: 'Confirmed' }),
      MinutesLockedError,
    );
    const decisionForm = await page(chair, `/meetings/${meetingId}/nominals/${id}/minutes/level-decision`);
    expect(decisionForm.body).toContain('These minutes have been approved and are locked');
    expect(decisionForm.body).not.toContain('name="rationale"');

    const m = await getMinutes(db(), coordinator, meetingId, id);
    const text = (await readPdf(await renderPdf(minutesDocument(m)))).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).not.toContain(meetingId);
    expect(text).toContain('Level 2 meeting of');
    expect(text).toContain('on 23 November 2026');
    expect(text.match(/Disclosure considered/g)?.length).toBe(1);
  });
});
