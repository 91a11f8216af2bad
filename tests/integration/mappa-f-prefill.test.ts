import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays } from '../../src/domain/dates.ts';
import {
  acknowledgeFlag,
  addMonitoredContact,
  custodySummaryForReport,
  receiveIntoCustody,
  recordCommunication,
  recordInternalRiskMeeting,
  releaseFlag,
  startMonitoring,
} from '../../src/modules/custody/index.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { createReport, getReport, newReportText } from '../../src/modules/prison-reports/index.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { accessLogFor, identity } from '../support/fixtures.ts';

/**
 * MAPPA F pre-fill (issue 14): a new draft starts from custody — where the person is held, IRMM
 * outcomes, and from monitoring only what security released to the community (with the released
 * summary) and counts of flags dealt with. A flag's evidence never reaches the report, which goes
 * to the MAPPA meeting. Text the author sends is theirs and kept.
 */
describeEachDatabase('MAPPA F pre-fill', (getDb) => {
  const db = () => getDb().database;
  let pom: UseCaseContext;
  let security: UseCaseContext;
  let nominalId: string;
  const evidence: string[] = [];
  const RELEASED = 'Calls to the victim’s number: the community manager should speak to her before release.';

  beforeAll(async () => {
    pom = await makeActor(db(), { roles: ['prison_offender_manager'], areaCode: 'SUF' });
    security = await makeActor(db(), { roles: ['prison_security'], areaCode: 'SUF' });
    const practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'SUF' });
    nominalId = (await createNominal(db(), practitioner, identity({ forename: 'Fred', surname: 'Filled' })))
      .id;
    await receiveIntoCustody(db(), pom, nominalId, {
      establishmentAgencyId: pom.actor.agencyId,
      receivedOn: '2026-02-01',
      recall: false,
      securityCategory: 'C',
    });
    const monitoring = await startMonitoring(db(), security, nominalId, {
      pinAccount: 'PIN-PREFILL-1',
      reasons: ['victim_contact'],
      authorisedBy: 'Governor',
      authorisedOn: addDays(TODAY, -20),
    });
    for (const [number, source] of [
      ['07700900111', 'Relationship: victim (Vera Secret)'],
      ['07700900222', 'Relationship: victim (Wendy Hidden)'],
    ] as const) {
      await addMonitoredContact(db(), security, nominalId, monitoring.id, {
        counterpart: number,
        link: 'victim',
        source,
      });
      await recordCommunication(db(), security, nominalId, monitoring.id, {
        kind: 'call',
        occurredOn: addDays(TODAY, -2),
        counterpart: number,
        listenedOn: addDays(TODAY, -1),
        concerns: `Threats heard on the call to ${number}`,
      });
    }
    const flags = await db()
      .db.selectFrom('monitoring_flags')
      .select(['id', 'version', 'evidence', 'counterpart'])
      .where('case_id', '=', monitoring.id)
      .orderBy('counterpart')
      .execute();
    expect(flags.length).toBeGreaterThanOrEqual(2);
    evidence.push(...flags.map((f) => f.evidence));
    const [released, unreleased] = flags;
    const acknowledged = await acknowledgeFlag(db(), pom, nominalId, released!.id, {
      outcome: 'referred_to_police',
      version: released!.version,
    });
    await releaseFlag(db(), security, nominalId, released!.id, {
      summary: RELEASED,
      version: acknowledged.version,
    });
    await acknowledgeFlag(db(), pom, nominalId, unreleased!.id, {
      outcome: 'intelligence_report',
      version: unreleased!.version,
    });
    await recordInternalRiskMeeting(db(), pom, nominalId, {
      heldOn: addDays(TODAY, -5),
      establishmentAgencyId: pom.actor.agencyId,
      attendees: [{ name: 'Gail Governor', role: 'Governor', attended: true }],
      custodyBehaviour: 'Intimidating younger prisoners on the wing.',
      decisions: 'Move to a single cell; refer to the psychology team.',
    });
  });

  it('gives each MAPPA F part its text, with the ROTL and HDC slots empty for now', async () => {
    const summary = await custodySummaryForReport(db().db, nominalId, TODAY);
    expect(summary.behaviour).toContain('Security category: Category C.');
    expect(summary.behaviour).toContain('Decisions: Move to a single cell; refer to the psychology team.');
    expect(summary.communicationsMonitoring).toContain(RELEASED);
    expect(summary.communicationsMonitoring).toContain(
      '1 intelligence report submitted; 1 referred to the police',
    );
    expect(summary.rotl).toBe('');
    expect(summary.hdc).toBe('');
  });

  it('starts a new draft from custody: the released summary and the IRMM outcome, never unreleased evidence', async () => {
    const form = await newReportText(db(), pom, nominalId);
    expect(form.behaviour).toContain('Intimidating younger prisoners on the wing.');
    expect(form.communicationsMonitoring).toContain(RELEASED);

    const draft = await createReport(db(), pom, nominalId, { analysis: 'Risk to the victim remains high.' });
    const report = await getReport(db(), pom, nominalId, draft.id);
    expect(report.parts.behaviour).toContain(
      'Decisions: Move to a single cell; refer to the psychology team.',
    );
    expect(report.parts.communicationsMonitoring).toContain(RELEASED);
    expect(report.parts.analysis).toBe('Risk to the victim remains high.');
    const whole = JSON.stringify([form, report.parts]);
    for (const e of evidence) expect(whole).not.toContain(e);
    for (const secret of ['Vera Secret', 'Wendy Hidden', 'Threats heard', '07700900222', '07700 900222'])
      expect(whole).not.toContain(secret);

    const log = await accessLogFor(db(), nominalId);
    expect(log.filter((l) => l.section === 'prison report (MAPPA F): pre-filled from custody')).toHaveLength(
      2,
    );
  });

  it('keeps what the author sends, even blank, and pre-fills nothing submitted at once', async () => {
    const own = await createReport(db(), pom, nominalId, {
      behaviour: 'My own words.',
      communicationsMonitoring: '',
    });
    const mine = await getReport(db(), pom, nominalId, own.id);
    expect(mine.parts.behaviour).toBe('My own words.');
    expect(mine.parts.communicationsMonitoring).toBe('');
    const submitted = await createReport(db(), pom, nominalId, { analysis: 'Analysed.', submit: true });
    expect((await getReport(db(), pom, nominalId, submitted.id)).parts.behaviour).toBe('');
  });
});
