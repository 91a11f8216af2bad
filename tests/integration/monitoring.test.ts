import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import { receiveIntoCustody } from '../../src/modules/custody/index.ts';
import {
  acknowledgeFlag,
  addMonitoredContact,
  getMonitoring,
  importCallRecords,
  recordCommunication,
  releaseFlag,
  reviewMonitoring,
  startMonitoring,
  custodyWorklist,
} from '../../src/modules/custody/index.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { listInbox } from '../../src/modules/notifications/index.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';

/**
 * Communications monitoring (issue 14): a month of call records imported with a preview (a bad file
 * writes nothing), each kind of flag raised with its evidence and told to the POM and security,
 * acknowledged with an outcome; the security compartment is invisible to community managers until
 * security releases a flag, and to duty-to-co-operate agencies always.
 */
describeEachDatabase('communications monitoring', (getDb) => {
  const db = () => getDb().database;
  let pom: UseCaseContext;
  let security: UseCaseContext;
  let practitioner: UseCaseContext;
  let dtc: UseCaseContext;
  let nominalId: string;
  let caseId: string;

  const PIN = `PIN-${Math.random().toString(36).slice(2, 8)}`;
  const PARTNER = '07700 900123';
  const VICTIM = '+44 7700 900999';

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

  beforeAll(async () => {
    pom = await makeActor(db(), { roles: ['prison_offender_manager'], areaCode: 'LAN' });
    security = await makeActor(db(), { roles: ['prison_security'], areaCode: 'LAN' });
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'LAN' });
    dtc = await makeActor(db(), { roles: ['dtc_representative'], areaCode: 'LAN' });
    expect(security.actor.agencyId).toBe(pom.actor.agencyId);
    nominalId = (await createNominal(db(), practitioner, identity({ forename: 'Kevin', surname: 'Caller' })))
      .id;
    await receiveIntoCustody(db(), pom, nominalId, {
      establishmentAgencyId: pom.actor.agencyId,
      receivedOn: '2026-01-10',
      recall: false,
      conditionalReleaseDate: '2027-09-01',
    });
  });

  it('starts monitoring a prisoner, and refuses a second case on the same PIN account', async () => {
    const refused = await rejection(
      startMonitoring(db(), pom, nominalId, {
        pinAccount: '',
        reasons: [],
        authorisedBy: '',
        authorisedOn: 'x',
      }),
      ValidationError,
    );
    expect(Object.keys(refused.fieldErrors).sort()).toEqual([
      'authorisedBy',
      'authorisedOn',
      'pinAccount',
      'reasons',
    ]);
    const started = await startMonitoring(db(), security, nominalId, {
      pinAccount: PIN,
      reasons: ['harassment', 'victim_contact'],
      authorisedBy: 'Governor J. Smith (Head of Security)',
      authorisedOn: '2026-10-01',
    });
    caseId = started.id;
    const again = await rejection(
      startMonitoring(db(), security, nominalId, {
        pinAccount: PIN,
        reasons: ['terrorism'],
        authorisedBy: 'X',
        authorisedOn: '2026-10-02',
      }),
      ValidationError,
    );
    expect(again.fieldErrors.pinAccount).toBe('Another open monitoring case has this PIN account');
    await addMonitoredContact(db(), security, nominalId, caseId, {
      counterpart: VICTIM,
      link: 'victim',
      source: 'Relationship: victim (Jane Doe)',
    });
  });

  it('previews a bad file with each row’s problem and writes nothing', async () => {
    const file = csv([
      ...calls(2, '2026-11-20', PARTNER),
      ['yesterday', PARTNER, '60', PIN],
      ['2026-11-21 10:00', PARTNER, 'long', ''],
    ]);
    const preview = await importCallRecords(db(), security, {
      fileName: 'calls.csv',
      csv: file,
      confirm: true,
    });
    expect(preview.imported).toBe(false);
    expect(preview.problems.map((p) => p.row)).toEqual([4, 5]);
    expect(preview.problems[1]!.message).toBe(
      'Row 5: the duration “long” is not seconds or h:mm:ss; the PIN account is blank',
    );
    const monitoring = await getMonitoring(db(), security, nominalId);
    expect(monitoring.compartment && monitoring.cases[0]!.communications).toEqual([]);
    const noHeader = await importCallRecords(db(), security, {
      fileName: 'x.csv',
      csv: 'a,b\n1,2',
      confirm: false,
    });
    expect(noHeader.problems[0]!.message).toMatch(
      /^The header row needs the columns: timestamp, number called, duration, pin account/,
    );
  });

  it('imports a month of calls, raising each kind of flag with its evidence, and tells the POM and security', async () => {
    const month = Array.from({ length: 25 }, (_, i) => addDays('2026-10-27', i)).filter(
      (d) => d !== '2026-11-20',
    );
    const file = csv([
      ...calls(43, '2026-11-20', PARTNER),
      ...month.flatMap((d) => calls(3, d, PARTNER)),
      ...calls(1, '2026-11-10', '07700900999'),
      // Another prisoner's calls: not on monitoring, never stored.
      ...calls(5, '2026-11-20', '07700900555', 'PIN-NOT-MONITORED'),
    ]);
    const preview = await importCallRecords(db(), security, {
      fileName: 'calls.csv',
      csv: file,
      confirm: false,
    });
    expect(preview).toMatchObject({
      imported: false,
      matched: 43 + 72 + 1,
      notMonitored: 5,
      problemCount: 0,
    });
    const done = await importCallRecords(db(), security, { fileName: 'calls.csv', csv: file, confirm: true });
    expect(done.imported).toBe(true);
    await recordCommunication(db(), pom, nominalId, caseId, {
      kind: 'mail',
      occurredOn: '2026-11-01',
      counterpart: 'Letter to an address in Lancaster',
      language: 'Polish',
      translationRequestedOn: '2026-11-02',
    });
    const monitoring = await getMonitoring(db(), security, nominalId);
    if (!monitoring.compartment) throw new Error('security sees the compartment');
    const flags = monitoring.cases[0]!.flags;
    const kinds = new Set(flags.map((f) => f.kind));
    for (const kind of [
      'daily_volume',
      'monthly_volume',
      'linked_contact',
      'listening_backlog',
      'translation_outstanding',
    ])
      expect(kinds, kind).toContain(kind);
    expect(flags.find((f) => f.kind === 'daily_volume')!.evidence).toBe(
      '43 calls to 07700900123 on 20 November 2026 (area setting: more than 10 a day)',
    );
    expect(flags.find((f) => f.kind === 'linked_contact')!.evidence).toBe(
      '1 contact with 07700900999, linked to a victim — Relationship: victim (Jane Doe)',
    );
    const inbox = await listInbox(db(), security);
    expect(JSON.stringify(inbox)).toContain('Communications monitoring: ');
    // The same calls scanned again raise nothing new.
    const before = flags.length;
    await recordCommunication(db(), pom, nominalId, caseId, {
      kind: 'visit',
      occurredOn: TODAY,
      counterpart: 'Visitor: a friend',
    });
    const again = await getMonitoring(db(), security, nominalId);
    expect(again.compartment && again.cases[0]!.flags.length).toBe(before);
  });

  it('keeps the compartment: community managers see only released flags, DTC nothing; outcomes are versioned', async () => {
    const whole = await getMonitoring(db(), pom, nominalId);
    if (!whole.compartment) throw new Error('the POM sees the compartment');
    const flag = whole.cases[0]!.flags.find((f) => f.kind === 'daily_volume')!;
    expect(await getMonitoring(db(), practitioner, nominalId)).toEqual({
      compartment: false,
      releasedFlags: [],
    });
    await rejection(getMonitoring(db(), dtc, nominalId), ForbiddenError);
    await rejection(
      releaseFlag(db(), pom, nominalId, flag.id, { summary: 'x', version: flag.version }),
      ForbiddenError,
    );

    const acknowledged = await acknowledgeFlag(db(), pom, nominalId, flag.id, {
      outcome: 'intelligence_report',
      note: 'IR 1234 submitted',
      version: flag.version,
    });
    await rejection(
      acknowledgeFlag(db(), security, nominalId, flag.id, { outcome: 'no_concern', version: flag.version }),
      ConflictError,
    );
    await releaseFlag(db(), security, nominalId, flag.id, {
      summary: 'Many calls to his new partner in one day: speak to her before release.',
      version: acknowledged.version,
    });
    expect(await getMonitoring(db(), practitioner, nominalId)).toEqual({
      compartment: false,
      releasedFlags: [
        {
          kind: 'Many calls to one number in a day',
          raisedOn: TODAY,
          summary: 'Many calls to his new partner in one day: speak to her before release.',
        },
      ],
    });
  });

  it('lists the monthly review and open flags to the compartment only, and records the review', async () => {
    // Authorised 1 October: the review was due 1 November.
    const forSecurity = (await custodyWorklist(db(), security)).rows.filter((r) => r.nominalId === nominalId);
    expect(forSecurity.find((r) => r.kind === 'monitoring_review')).toMatchObject({
      dueOn: '2026-11-01',
      late: true,
    });
    expect(forSecurity.some((r) => r.kind === 'monitoring_flag')).toBe(true);
    const forPractitioner = (await custodyWorklist(db(), practitioner)).rows.filter(
      (r) => r.nominalId === nominalId,
    );
    expect(forPractitioner.some((r) => r.kind.startsWith('monitoring'))).toBe(false);

    const monitoring = await getMonitoring(db(), security, nominalId);
    const version = monitoring.compartment ? monitoring.cases[0]!.version : 0;
    const ending = await rejection(
      reviewMonitoring(db(), security, nominalId, caseId, { reviewedOn: TODAY, continue: false, version }),
      ValidationError,
    );
    expect(ending.fieldErrors).toEqual({ reason: 'Say why monitoring ends' });
    await reviewMonitoring(db(), security, nominalId, caseId, { reviewedOn: TODAY, continue: true, version });
    const after = (await custodyWorklist(db(), security)).rows.filter((r) => r.nominalId === nominalId);
    expect(after.some((r) => r.kind === 'monitoring_review')).toBe(false);
    await rejection(
      reviewMonitoring(db(), security, nominalId, caseId, { reviewedOn: TODAY, continue: true, version }),
      ConflictError,
    );
  });
});
