import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { SHAREABLE_SECTIONS } from '../../src/access/policy.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { listInbox } from '../../src/modules/notifications/index.ts';
import {
  SECURITY_INTELLIGENCE_WITHHELD,
  createReport,
  decideReport,
  getReport,
  listReports,
  saveReport,
  submitReport,
} from '../../src/modules/prison-reports/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { readPdf } from '../support/pdf.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock } from '../support/clock.ts';

const CONTENT = {
  behaviour: 'Settled on the wing; works in the kitchens.',
  adjudications: 'One proven adjudication (threatening behaviour), March 2026.',
  securityIntelligence: 'Intelligence that he asked another prisoner to find his ex-partner’s new address.',
  offenceParalleling: 'Controlling behaviour towards his cell mate.',
  rotl: 'Not eligible for ROTL.',
  communicationsMonitoring: '40 calls in a month to a new partner; two contained threats.',
};
const ANALYSIS =
  'The calls and the intelligence show the controlling behaviour of the index offence continuing in custody: the risk to a new partner is high and imminent on release.';

describeEachDatabase('prison report (MAPPA F)', (getDb) => {
  const db = () => getDb().database;
  let author: UseCaseContext;
  let manager: UseCaseContext;
  let otherPrison: UseCaseContext;
  let practitioner: UseCaseContext;
  let housing: UseCaseContext;
  let notPrisonStaff: UseCaseContext;
  let chair: UseCaseContext;

  beforeAll(async () => {
    author = await makeActor(db(), {
      roles: ['prison_offender_manager'],
      areaCode: 'DER',
      displayName: 'Ann Author',
    });
    manager = await makeActor(db(), {
      roles: ['prison_offender_manager'],
      areaCode: 'DER',
      displayName: 'Max Manager',
    });
    // Another prison in the same area: a different establishment.
    otherPrison = await makeActor(db(), { roles: ['prison_offender_manager'], areaCode: 'DER' });
    const hmpOther = await db()
      .db.insertInto('agencies')
      .values({ area_code: 'DER', type: 'prison', name: 'HMP Elsewhere (test)' })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    await db()
      .db.updateTable('users')
      .set({ agency_id: hmpOther.id })
      .where('id', '=', otherPrison.actor.userId)
      .execute();
    otherPrison.actor.agencyId = hmpOther.id;
    otherPrison.actor.agencyName = hmpOther.name;
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'DER' });
    housing = await makeActor(db(), {
      roles: ['dtc_representative'],
      areaCode: 'DER',
      agencyType: 'housing',
    });
    notPrisonStaff = await makeActor(db(), {
      roles: ['prison_offender_manager'],
      areaCode: 'DER',
      agencyType: 'probation',
    });
    chair = await makeActor(db(), { roles: ['meeting_chair'], areaCode: 'DER' });
  });

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

  async function meetingAbout(nominalId: string) {
    const meeting = await db()
      .db.insertInto('meetings')
      .values({
        created_at: testClock.now(),
        area_code: 'DER',
        level: 2,
        starts_at: new Date(`${TODAY}T14:00:00Z`),
        format: 'online',
        online_link: 'https://meet.example.gov.uk/f',
        created_by: chair.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .db.insertInto('meeting_nominals')
      .values({ meeting_id: meeting.id, nominal_id: nominalId })
      .execute();
    return meeting.id;
  }

  const reportCount = async (id: string) =>
    (await db().db.selectFrom('prison_reports').select('id').where('nominal_id', '=', id).execute()).length;

  it('only prison staff write it, and the analysis is required to submit', async () => {
    const id = await prisoner('Analysis');
    await rejection(createReport(db(), notPrisonStaff, id, CONTENT), ForbiddenError);
    await rejection(createReport(db(), practitioner, id, CONTENT), ForbiddenError);
    const refused = await rejection(
      createReport(db(), author, id, { ...CONTENT, submit: true }),
      ValidationError,
    );
    expect(refused.fieldErrors).toEqual({
      analysis: 'Enter the analysis of what the information means for risk before submitting',
    });
    expect(await reportCount(id)).toBe(0);

    const draft = await createReport(db(), author, id, CONTENT);
    expect(draft).toMatchObject({ version: 1, status: 'draft' });
    await rejection(submitReport(db(), author, id, draft.id, { expectedVersion: 1 }), ValidationError);
    const saved = await saveReport(db(), author, id, draft.id, {
      ...CONTENT,
      analysis: ANALYSIS,
      expectedVersion: 1,
    });
    expect(saved).toMatchObject({ version: 2, status: 'draft' });
    // A save from the version before is refused, and writes nothing.
    await rejection(
      saveReport(db(), author, id, draft.id, { ...CONTENT, expectedVersion: 1 }),
      ConflictError,
    );
    const submitted = await submitReport(db(), author, id, draft.id, { expectedVersion: 2 });
    expect(submitted).toMatchObject({ version: 3, status: 'submitted' });
    expect((await getReport(db(), author, id, draft.id)).parts.analysis).toBe(ANALYSIS);
  });

  it('drafts stay in the establishment; the author cannot approve; approved, it is shared (DTC without security intelligence)', async () => {
    const id = await prisoner('Shared');
    const meetingId = await meetingAbout(id);
    const report = await createReport(db(), author, id, {
      ...CONTENT,
      analysis: ANALYSIS,
      meetingId,
      submit: true,
    });
    expect(report.status).toBe('submitted');
    // The manager was told it awaits approval.
    const inbox = (await listInbox(db(), manager)).notifications;
    expect(inbox[0]).toMatchObject({ subject: 'A prison report (MAPPA F) is awaiting your approval' });

    // Not shared yet: the practitioner and another prison see nothing.
    expect((await listReports(db(), practitioner, id)).reports).toEqual([]);
    await rejection(getReport(db(), practitioner, id, report.id), NotFoundError);
    expect((await listReports(db(), otherPrison, id)).reports).toEqual([]);
    expect((await listReports(db(), manager, id)).reports.map((r) => r.id)).toEqual([report.id]);

    // The author cannot approve their own report.
    const own = await rejection(
      decideReport(db(), author, id, report.id, 'approve', { expectedVersion: 1 }),
      ValidationError,
    );
    expect(own.fieldErrors.status).toMatch(/report you wrote/);
    expect((await getReport(db(), manager, id, report.id)).mayApprove).toBe(true);
    expect((await getReport(db(), author, id, report.id)).mayApprove).toBe(false);
    // Nor can another prison's manager (it is not theirs to see).
    await rejection(
      decideReport(db(), otherPrison, id, report.id, 'approve', { expectedVersion: 1 }),
      NotFoundError,
    );

    const approved = await decideReport(db(), manager, id, report.id, 'approve', { expectedVersion: 1 });
    expect(approved.status).toBe('approved');
    const seen = await getReport(db(), practitioner, id, report.id);
    expect(seen).toMatchObject({
      status: 'approved',
      approvedBy: 'Max Manager',
      meeting: { id: meetingId, level: 2 },
      securityIntelligenceWithheld: false,
    });
    expect(seen.parts.securityIntelligence).toBe(CONTENT.securityIntelligence);
    expect(seen.parts.analysis).toBe(ANALYSIS);
    expect((await listInbox(db(), author)).notifications[0]).toMatchObject({
      subject: 'Your prison report (MAPPA F) has been approved',
    });

    // An agency invited to the meeting sees it, but never the prison's security intelligence.
    await db()
      .db.insertInto('agency_involvements')
      .values({
        created_at: testClock.now(),
        nominal_id: id,
        agency_id: housing.actor.agencyId,
        reason: 'meeting_invitation',
        sections: [...SHAREABLE_SECTIONS],
        from_date: '2026-01-01',
        created_by: practitioner.actor.userId,
      })
      .execute();
    const invited = (await listReports(db(), housing, id)).reports;
    expect(invited).toHaveLength(1);
    expect(invited[0]!.parts.securityIntelligence).toBe(SECURITY_INTELLIGENCE_WITHHELD);
    expect(invited[0]!.parts.securityIntelligence).not.toContain('ex-partner');
    expect(invited[0]!.parts.communicationsMonitoring).toBe(CONTENT.communicationsMonitoring);

    // Approved reports are locked.
    await rejection(
      saveReport(db(), author, id, report.id, { ...CONTENT, expectedVersion: 2 }),
      ValidationError,
    );
  });

  it('returned with a reason, edited and resubmitted; whoever edited it cannot approve it', async () => {
    const id = await prisoner('Returned');
    const report = await createReport(db(), author, id, {
      ...CONTENT,
      analysis: 'A list of events.',
      submit: true,
    });
    const noReason = await rejection(
      decideReport(db(), manager, id, report.id, 'return', { expectedVersion: 1, reason: '' }),
      ValidationError,
    );
    expect(noReason.fieldErrors.reason).toBe('Enter why the report is being returned');
    await decideReport(db(), manager, id, report.id, 'return', {
      expectedVersion: 1,
      reason: 'The analysis lists events: say what they mean for risk.',
    });
    const returned = await getReport(db(), author, id, report.id);
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: 'The analysis lists events: say what they mean for risk.',
      mayEdit: true,
    });
    // The manager edits it themselves, so someone else must approve it.
    await saveReport(db(), manager, id, report.id, {
      ...CONTENT,
      analysis: ANALYSIS,
      expectedVersion: 2,
      submit: true,
    });
    const selfEdited = await rejection(
      decideReport(db(), manager, id, report.id, 'approve', { expectedVersion: 3 }),
      ValidationError,
    );
    expect(selfEdited.fieldErrors.status).toMatch(/report you wrote/);
  });

  it('serves the report as a page, an HTML document and a PDF with the marking', async () => {
    const id = await prisoner('Pdf');
    const report = await createReport(db(), author, id, { ...CONTENT, analysis: ANALYSIS, submit: true });
    await decideReport(db(), manager, id, report.id, 'approve', { expectedVersion: 1 });
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const signedIn = await signInWithPages(app, {
        email: practitioner.actor.email,
        password: TEST_PASSWORD,
      });
      const headers = { cookie: signedIn.cookie };
      const base = `/nominals/${id}/prison-reports`;
      const list = await app.inject({ url: base, headers });
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Approved and shared');
      const page = await app.inject({ url: `${base}/${report.id}`, headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Analysis: what this means for risk');
      const html = await app.inject({ url: `${base}/${report.id}/document`, headers });
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('MAPPA F: Prison information-sharing report');
      expect(html.body).toContain('OFFICIAL-SENSITIVE');
      const pdf = await app.inject({ url: `${base}/${report.id}/document.pdf`, headers });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const read = await readPdf(pdf.rawPayload);
      expect(read.title).toBe('MAPPA F: Prison information-sharing report');
      const text = read.pages.join(' ');
      expect(text).toContain('OFFICIAL-SENSITIVE');
      expect(text).toContain('Max Manager');
      expect(text.replace(/\s+/g, ' ')).toContain('the risk to a new partner is high');
      // A draft is not there for the practitioner, as a page or a PDF.
      const draft = await createReport(db(), author, id, CONTENT);
      expect((await app.inject({ url: `${base}/${draft.id}`, headers })).statusCode).toBe(404);
      expect((await app.inject({ url: `${base}/${draft.id}/document.pdf`, headers })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
