import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { todayBy } from '../../src/clock.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays, addMonths, formatDateLong } from '../../src/domain/dates.ts';
import { NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import { decideLevel } from '../../src/modules/levels/index.ts';
import {
  addMinutesAction,
  approveMinutes,
  closeMeeting,
  recordAttendance,
  saveMinutes,
  scheduleMeeting,
} from '../../src/modules/meetings/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import {
  deliverEmails,
  listInbox,
  notify,
  unreadCount,
  type Mailer,
} from '../../src/modules/notifications/index.ts';
import { createReport, decideReport, getReport, saveReport } from '../../src/modules/prison-reports/index.ts';
import {
  decideReferral,
  saveReferralDraft,
  startReferral,
  submitReferral,
} from '../../src/modules/referrals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { readPdf } from '../support/pdf.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

const AREA = 'NOR';
const ANALYSIS = 'The calls show the controlling behaviour of the index offence continuing in custody.';

/** A Category 2 man on licence at Level 1, with what a referral (MAPPA A) needs from the record. */
async function level1Case(db: Database, ctx: UseCaseContext, surname: string) {
  const { id } = await createNominal(db, ctx, identity({ forename: 'Liam', surname }));
  const sentenceStart = addMonths(TODAY, -20);
  await addSectionRow(db, ctx, id, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    convictionDate: sentenceStart,
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart,
    conditionalReleaseDate: addMonths(sentenceStart, 18),
    licenceExpiryDate: addMonths(sentenceStart, 36),
    sentenceExpiryDate: addMonths(sentenceStart, 36),
  });
  await addSectionRow(db, ctx, id, 'managers', {
    role: 'community_offender_manager',
    name: ctx.actor.displayName,
    agencyId: ctx.actor.agencyId,
    userEmail: ctx.actor.email,
    fromDate: addMonths(TODAY, -2),
  });
  await decideLevel(db, ctx, id, { level: 1, rationale: 'Managed by probation alone for now.' });
  return id;
}

const REFERRAL = {
  requestedLevel: 2,
  emergency: false,
  category3: false,
  reason: 'New partner with two children; police attended three incidents this month.',
  valueAdded: 'Children’s social care and police need to share information and plan together.',
};

describeEachDatabase(
  'inbox items resolved when the work is done; inbox, documents and today over the API',
  (getDb) => {
    const db = () => getDb().database;
    let app: FastifyInstance;
    let practitioner: UseCaseContext;
    let coordinator: UseCaseContext;
    let otherCoordinator: UseCaseContext;
    let outsider: UseCaseContext;
    let chair: UseCaseContext;
    let police: UseCaseContext;
    let administrator: UseCaseContext;
    let author: UseCaseContext;
    let head: UseCaseContext;
    let otherHead: UseCaseContext;

    beforeAll(async () => {
      practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: AREA });
      coordinator = await makeActor(db(), {
        roles: ['mappa_coordinator'],
        areaCode: AREA,
        displayName: 'Cora Screener',
      });
      otherCoordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: AREA });
      outsider = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'GLO' });
      chair = await makeActor(db(), { roles: ['meeting_chair'], areaCode: AREA, agencyType: 'police' });
      police = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: AREA });
      administrator = await makeActor(db(), { roles: ['mappa_administrator'], areaCode: AREA });
      author = await makeActor(db(), {
        roles: ['prison_offender_manager'],
        areaCode: AREA,
        displayName: 'Ann Author',
      });
      head = await makeActor(db(), {
        roles: ['head_of_offender_management_unit'],
        areaCode: AREA,
        agencyType: 'prison',
        displayName: 'Hana Head',
      });
      // The head of another establishment's offender management unit.
      otherHead = await makeActor(db(), {
        roles: ['head_of_offender_management_unit'],
        areaCode: AREA,
        agencyType: 'prison',
      });
      const elsewhere = await db()
        .db.insertInto('agencies')
        .values({ area_code: AREA, type: 'prison', name: 'HMP Elsewhere (inbox test)' })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      await db()
        .db.updateTable('users')
        .set({ agency_id: elsewhere.id })
        .where('id', '=', otherHead.actor.userId)
        .execute();
      otherHead.actor.agencyId = elsewhere.id;
      otherHead.actor.agencyName = elsewhere.name;
      app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    });
    afterAll(async () => {
      await app?.close();
    });

    const token = (ctx: UseCaseContext, options: { readOnly?: boolean; areaCodes?: string[] } = {}) =>
      createServiceToken(db(), testMoment(), ctx.actor.userId, 'inbox test', null, {
        readOnly: options.readOnly ?? false,
        ...(options.areaCodes ? { areaCodes: options.areaCodes } : {}),
      });
    const bearer = async (ctx: UseCaseContext, options?: { readOnly?: boolean; areaCodes?: string[] }) => ({
      authorization: `Bearer ${await token(ctx, options)}`,
    });

    async function submittedReferral(nominalId: string) {
      const draft = await startReferral(db(), practitioner, nominalId);
      const saved = await saveReferralDraft(db(), practitioner, draft.id, {
        ...REFERRAL,
        version: draft.version,
      });
      await submitReferral(db(), practitioner, draft.id, { version: saved.version });
      return draft.id;
    }

    async function prisoner(surname: string) {
      const { id } = await createNominal(db(), practitioner, identity({ forename: 'Kevin', surname }));
      await addSectionRow(db(), practitioner, id, 'managers', {
        role: 'prison_offender_manager',
        name: author.actor.displayName,
        agencyId: author.actor.agencyId,
        fromDate: '2026-01-01',
      });
      return id;
    }

    const itemAbout = async (ctx: UseCaseContext, link: string) =>
      (await listInbox(db(), ctx)).notifications.find((n) => n.link === link);

    const disclosures = async (userId: string, section: string) =>
      db()
        .db.selectFrom('access_log')
        .select(['record_ids', 'recipients'])
        .where('user_id', '=', userId)
        .where('operation', '=', 'disclosure')
        .where('section', '=', section)
        .execute();

    it('a referral screened by one coordinator is done in every coordinator’s inbox; the referrer’s news stays unread', async () => {
      const id = await level1Case(db(), practitioner, 'Screened');
      const referralId = await submittedReferral(id);
      const link = `/referrals/${referralId}`;
      const waiting = await itemAbout(otherCoordinator, link);
      // Named, not a bare reference, and about the referral, with links to both.
      expect(waiting).toMatchObject({
        subject: expect.stringMatching(
          /^Referral to Level 2 for Liam Screened \(VGL-[0-9A-Z]+\) awaits screening$/,
        ),
        person: { name: 'Liam Screened', link: `/nominals/${id}` },
        about: { type: 'referral', link },
        readAt: null,
        resolved: null,
      });
      const unreadBefore = await unreadCount(db(), otherCoordinator.actor.userId);

      await decideReferral(db(), coordinator, referralId, {
        outcome: 'rejected',
        rationale: 'Level 1 with a police domestic abuse check meets the need.',
      });
      // Someone else did the work: the other coordinator's item is done and no longer unread.
      expect(await itemAbout(otherCoordinator, link)).toMatchObject({
        resolved: { by: 'Cora Screener' },
        readAt: expect.any(Date),
      });
      expect(await unreadCount(db(), otherCoordinator.actor.userId)).toBe(unreadBefore - 1);
      expect(await itemAbout(coordinator, link)).toMatchObject({ resolved: { by: 'Cora Screener' } });
      // The referrer's decision, sent after, is news to read, not work done.
      expect(await itemAbout(practitioner, link)).toMatchObject({
        subject: expect.stringMatching(/was rejected/),
        readAt: null,
        resolved: null,
      });

      // The page shows it done, by whom, and names the person with links (never an id as text).
      const signedIn = await signInWithPages(app, {
        email: otherCoordinator.actor.email,
        password: TEST_PASSWORD,
      });
      const page = await app.inject({ url: '/inbox', headers: { cookie: signedIn.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Done by Cora Screener on');
      expect(page.body).toContain(`<a class="govuk-link" href="/nominals/${id}">Liam Screened</a>`);
      expect(page.body).toContain(`href="${link}">Referral (MAPPA A)</a>`);
      expect(page.body.replace(/(href|action)="[^"]*"/g, '')).not.toContain(referralId);
    });

    it('the head of the offender management unit approves a prison report; a manager who wrote one cannot', async () => {
      const id = await prisoner('Approved');
      const report = await createReport(db(), author, id, { analysis: ANALYSIS, submit: true });
      const link = `/nominals/${id}/prison-reports/${report.id}`;
      // The head is asked; the head of another establishment neither is asked nor may approve.
      expect(await itemAbout(head, link)).toMatchObject({
        subject: 'A prison report (MAPPA F) is awaiting your approval',
        about: { type: 'prison-report' },
        resolved: null,
      });
      expect(await itemAbout(otherHead, link)).toBeUndefined();
      await rejection(
        decideReport(db(), otherHead, id, report.id, 'approve', { expectedVersion: 1 }),
        NotFoundError,
      );
      expect((await getReport(db(), head, id, report.id)).mayApprove).toBe(true);
      await decideReport(db(), head, id, report.id, 'approve', { expectedVersion: 1 });
      expect(await getReport(db(), practitioner, id, report.id)).toMatchObject({
        status: 'approved',
        approvedBy: 'Hana Head',
      });
      expect(await itemAbout(head, link)).toMatchObject({ resolved: { by: 'Hana Head' } });

      // The head wrote this one: another prison offender manager of the establishment approves it.
      const own = await createReport(db(), head, id, { analysis: ANALYSIS, submit: true });
      const ownLink = `/nominals/${id}/prison-reports/${own.id}`;
      const refused = await rejection(
        decideReport(db(), head, id, own.id, 'approve', { expectedVersion: 1 }),
        ValidationError,
      );
      expect(refused.fieldErrors.status).toMatch(/report you wrote/);
      expect(await itemAbout(author, ownLink)).toMatchObject({ resolved: null });
      await decideReport(db(), author, id, own.id, 'return', {
        expectedVersion: 1,
        reason: 'Say what it means.',
      });
      // Returning is the decision too: the request is done; the head's "returned" item is done on resubmission.
      expect(await itemAbout(author, ownLink)).toMatchObject({ resolved: { by: 'Ann Author' } });
      expect(await itemAbout(head, ownLink)).toMatchObject({
        subject: 'Your prison report (MAPPA F) has been returned',
        resolved: null,
      });
      await saveReport(db(), head, id, own.id, {
        analysis: `${ANALYSIS} Risk is high.`,
        expectedVersion: 2,
        submit: true,
      });
      expect(await itemAbout(head, ownLink)).toMatchObject({ resolved: { by: 'Hana Head' } });
      await decideReport(db(), author, id, own.id, 'approve', { expectedVersion: 3 });
      expect((await getReport(db(), practitioner, id, own.id)).approvedBy).toBe('Ann Author');
    });

    it('the user administration form offers the head of offender management unit role', async () => {
      const admin = await makeActor(db(), { roles: ['admin'], areaCode: AREA });
      const signedIn = await signInWithPages(app, { email: admin.actor.email, password: TEST_PASSWORD });
      const form = await app.inject({ url: '/admin/users/new', headers: { cookie: signedIn.cookie } });
      expect(form.statusCode).toBe(200);
      expect(form.body).toMatch(
        /value="head_of_offender_management_unit"[^>]*>[\s\S]*?Head of offender management unit/,
      );
      // The head was made through the same createUser the form calls: the role is held and listed.
      const users = await app.inject({ url: '/admin/users', headers: { cookie: signedIn.cookie } });
      expect(users.body).toContain('Head of offender management unit');
    });

    it('closing a meeting resolves its invitations; approving minutes resolves what asked for them; actions say their due date', async () => {
      const id = await level1Case(db(), practitioner, 'Met');
      const { id: meetingId } = await scheduleMeeting(db(), coordinator, {
        level: 2,
        date: TODAY,
        time: '10:30',
        format: 'in_person',
        location: 'Police HQ, room 4',
        chairUserId: chair.actor.userId,
        nominalIds: [id],
      });
      const meetingLink = `/meetings/${meetingId}`;
      expect(await itemAbout(chair, meetingLink)).toMatchObject({
        subject: `Invitation to a Level 2 MAPPA meeting on ${formatDateLong(TODAY)} at 10:30`,
        about: { type: 'meeting' },
        resolved: null,
      });
      const dueOn = addDays(TODAY, 7);
      await addMinutesAction(db(), administrator, meetingId, id, {
        description: 'Home visit within 7 days',
        pillar: 'monitoring_and_control',
        ownerAgencyId: police.actor.agencyId,
        ownerUserId: police.actor.userId,
        dueOn,
      });
      // Something asking the chair for the minutes (e.g. a reminder): resolved when they are approved.
      const minutesLink = `/meetings/${meetingId}/nominals/${id}/minutes`;
      await db().transaction((tx) =>
        notify(tx, administrator, {
          userIds: [chair.actor.userId],
          nominalId: id,
          subject: 'Minutes ready for your approval',
          body: 'Please approve the minutes.',
          link: minutesLink,
        }),
      );

      // A meeting closes only once its attendance is recorded (issue 13's guard rails).
      const invited = await db()
        .db.selectFrom('meeting_invitations')
        .select('agency_id')
        .where('meeting_id', '=', meetingId)
        .executeTakeFirstOrThrow();
      await recordAttendance(db(), administrator, meetingId, {
        agencyId: invited.agency_id,
        personName: 'DS Kay',
        attendance: 'attended',
      });
      await closeMeeting(db(), coordinator, meetingId);
      expect(await itemAbout(chair, meetingLink)).toMatchObject({
        resolved: { by: coordinator.actor.displayName },
      });
      expect(await itemAbout(chair, minutesLink)).toMatchObject({ resolved: null });
      const action = (await listInbox(db(), police)).notifications.find((n) => n.about?.type === 'action')!;
      expect(action.subject).toBe(`Action due ${formatDateLong(dueOn)} assigned to you`);
      expect(action.body).toContain('Home visit within 7 days');
      expect(action.body).not.toMatch(/\/actions\//);
      expect(action.person?.name).toBe('Liam Met');

      await saveMinutes(db(), administrator, meetingId, id, {
        rowVersion: 0,
        decisions: 'A home visit.',
        disclosure: { considered: 'no', reason: 'No one to tell yet.' },
      });
      await approveMinutes(db(), chair, meetingId, id, { rowVersion: 1 });
      expect(await itemAbout(chair, minutesLink)).toMatchObject({
        about: { type: 'minutes' },
        resolved: { by: chair.actor.displayName },
      });
    });

    it('marks one’s own item read over the API: another’s is not found, a read-only token may not', async () => {
      const id = await level1Case(db(), practitioner, 'Readable');
      const referralId = await submittedReferral(id);
      const item = (await itemAbout(coordinator, `/referrals/${referralId}`))!;
      const other = (await itemAbout(otherCoordinator, `/referrals/${referralId}`))!;
      const url = (n: { id: string }) => `/api/v1/inbox/${n.id}/read`;

      const refused = await app.inject({
        method: 'POST',
        url: url(item),
        headers: await bearer(coordinator, { readOnly: true }),
      });
      expect(refused.statusCode).toBe(403);
      const limited = await app.inject({
        method: 'POST',
        url: url(item),
        headers: await bearer(coordinator, { areaCodes: ['GLO'] }),
      });
      expect(limited.statusCode).toBe(404);
      const headers = await bearer(coordinator);
      const notMine = await app.inject({ method: 'POST', url: url(other), headers });
      expect(notMine.statusCode).toBe(404);
      expect(notMine.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await itemAbout(otherCoordinator, `/referrals/${referralId}`))!.readAt).toBeNull();
      expect((await itemAbout(coordinator, `/referrals/${referralId}`))!.readAt).toBeNull();

      const read = await app.inject({ method: 'POST', url: url(item), headers });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id: item.id, link: `/referrals/${referralId}` });
      expect((await itemAbout(coordinator, `/referrals/${referralId}`))!.readAt).not.toBeNull();
      // The list says so too, with the person named.
      const inbox = (await app.inject({ url: '/api/v1/inbox', headers })).json() as {
        notifications: { id: string; readAt: string | null; person: { name: string } | null }[];
      };
      expect(inbox.notifications.find((n) => n.id === item.id)).toMatchObject({
        readAt: expect.any(String),
        person: { name: 'Liam Readable' },
      });
    });

    it('serves MAPPA A, B and F over the API as HTML and PDF, each logged as a disclosure', async () => {
      const id = await level1Case(db(), practitioner, 'Documented');
      const referralId = await submittedReferral(id);
      const { id: meetingId } = await scheduleMeeting(db(), coordinator, {
        level: 2,
        date: TODAY,
        time: '11:00',
        format: 'online',
        onlineLink: 'https://meet.example.gov.uk/b',
        chairUserId: chair.actor.userId,
        nominalIds: [id],
      });
      await saveMinutes(db(), administrator, meetingId, id, {
        rowVersion: 0,
        decisions: 'Refer to housing.',
      });
      const prisonerId = await prisoner('Reported');
      const report = await createReport(db(), author, prisonerId, { analysis: ANALYSIS, submit: true });
      await decideReport(db(), head, prisonerId, report.id, 'approve', { expectedVersion: 1 });

      const headers = await bearer(coordinator);
      const documents = [
        {
          path: `/api/v1/referrals/${referralId}/document`,
          title: 'MAPPA A',
          section: 'MAPPA A referral',
          ids: [referralId, id],
        },
        {
          path: `/api/v1/meetings/${meetingId}/nominals/${id}/minutes/document`,
          title: 'MAPPA B',
          section: `MAPPA B minutes of the meeting on ${TODAY}`,
          ids: [id],
        },
        {
          path: `/api/v1/nominals/${prisonerId}/prison-reports/${report.id}/document`,
          title: 'MAPPA F',
          section: 'MAPPA F prison report',
          ids: [prisonerId],
        },
      ];
      for (const document of documents) {
        const html = await app.inject({ url: document.path, headers });
        expect(html.statusCode, document.path).toBe(200);
        expect(html.headers['content-type']).toMatch(/^text\/html/);
        expect(html.body).toContain(document.title);
        expect(html.body).toContain('OFFICIAL-SENSITIVE');
        const pdf = await app.inject({ url: `${document.path}.pdf`, headers });
        expect(pdf.statusCode, `${document.path}.pdf`).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect((await readPdf(pdf.rawPayload)).pages.join(' ')).toContain('OFFICIAL-SENSITIVE');
        for (const format of ['HTML', 'PDF'])
          expect(await disclosures(coordinator.actor.userId, `${document.section} (${format})`)).toEqual([
            {
              record_ids: document.ids,
              recipients: [`${coordinator.actor.displayName} (${coordinator.actor.agencyName})`],
            },
          ]);
      }
      // Outside the token's reach: not found, and nothing disclosed.
      const outside = await bearer(outsider);
      for (const document of documents)
        for (const suffix of ['', '.pdf'])
          expect((await app.inject({ url: `${document.path}${suffix}`, headers: outside })).statusCode).toBe(
            404,
          );
      expect(
        await db()
          .db.selectFrom('access_log')
          .select('id')
          .where('user_id', '=', outsider.actor.userId)
          .where('operation', '=', 'disclosure')
          .execute(),
      ).toEqual([]);
    });

    it('every answer carries the service’s London date: pages, the API, errors', async () => {
      const today = todayBy(testClock);
      expect(today).toBe(TODAY);
      const headers = await bearer(coordinator);
      const answers = [
        await app.inject({ url: '/sign-in' }),
        await app.inject({ url: '/api/v1/inbox', headers }),
        await app.inject({ url: '/api/v1/inbox' }),
        await app.inject({ url: '/no-such-page' }),
        await app.inject({ method: 'POST', url: '/api/v1/inbox/not-an-id/read', headers }),
      ];
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 401, 404, expect.any(Number)]);
      for (const answer of answers) expect(answer.headers['vigil-today']).toBe(today);
    });

    it('emails only that there is a new item, and where: never the person or what happened', async () => {
      const id = await level1Case(db(), practitioner, 'Unmailed');
      await submittedReferral(id);
      const sent: { to: string; subject: string; text: string }[] = [];
      const mailer: Mailer = { send: async (message) => void sent.push(message) };
      const result = await deliverEmails(db(), mailer, 'https://vigil.test', testClock);
      expect(result.failed).toBe(0);
      const mail = sent.find((m) => m.to === coordinator.actor.email && m.text.includes('/referrals/'));
      expect(mail).toMatchObject({ subject: 'You have a new item in Vigil' });
      expect(mail!.text).toMatch(
        /^You have a new item in Vigil: https:\/\/vigil\.test\/referrals\/[0-9a-f-]{36}\n/,
      );
      for (const m of sent) {
        expect(m.subject).toBe('You have a new item in Vigil');
        const withoutAddress = m.text.replace(/https:\/\/vigil\.test\S*/, '');
        expect(`${m.subject} ${withoutAddress}`).not.toMatch(/Unmailed|Liam|VGL-|Level 2|referr|meeting/i);
      }
    });
  },
);
