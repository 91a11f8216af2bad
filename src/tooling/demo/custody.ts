import type { UseCaseContext } from '../../access/actor.ts';
import type { Database } from '../../db/database.ts';
import { addDays } from '../../domain/dates.ts';
import {
  addMonitoredContact,
  importCallRecords,
  proposeAddressCheck,
  receiveIntoCustody,
  recordCustodyStep,
  recordInternalRiskMeeting,
  recordRotlApplication,
  startMonitoring,
} from '../../modules/custody/index.ts';
import { addRelationshipAddress, addSectionRow } from '../../modules/nominals/index.ts';

/**
 * The demo's custody story, made through the same use cases as the pages: one MAPPA prisoner in the
 * demo prison offender manager's establishment, five months from conditional release, so the
 * handover is late, the community offender manager not yet allocated and the pre-release checks
 * missing; a pending ROTL application; an internal risk management meeting last week with an open
 * action; an HDC address proposed in the victim's postcode (a conflict awaiting a decision); and
 * communications monitoring with two months of the phone system's call records, raising flags of
 * several kinds (many calls to a new partner, calls to the victim's number, a listening backlog).
 */
export interface CustodyDemoInput {
  today: string;
  /** The demo prison offender manager: the prisoner is held in their establishment. */
  pom: UseCaseContext;
  /** Prison security of the same establishment: starts monitoring and imports the calls. */
  security: UseCaseContext;
  /** The probation practitioner: records the victim on the person's record. */
  probation: UseCaseContext;
}

const PIN_ACCOUNT = 'PIN-AVS-40417';
const VICTIM = { name: 'Leanne Carter', phone: '07700 900871', postcode: 'BS5 9QP' };
const NEW_PARTNER_PHONE = '07700 900462';
const MOTHER_PHONE = '0117 496 0347';

export async function loadCustodyDemo(database: Database, input: CustodyDemoInput): Promise<void> {
  const { today, pom, security, probation } = input;
  // Areas without a prison give their prison staff another agency: there is no one to hold.
  if (pom.actor.agencyType !== 'prison') return;
  const prisonId = pom.actor.agencyId;
  // Made once: a demo whose prison already holds someone is left as it is.
  const existing = await database.db
    .selectFrom('custody_episodes')
    .select('id')
    .where('establishment_agency_id', '=', prisonId)
    .executeTakeFirst();
  if (existing) return;
  const nominalId = await mappaPrisonerOf(database, pom);
  if (!nominalId) return;

  // Reception 18 months ago; conditional release in about five months, HDC eligibility before it.
  const receivedOn = addDays(today, -540);
  const conditionalReleaseDate = addDays(today, 150);
  const episode = await receiveIntoCustody(database, pom, nominalId, {
    establishmentAgencyId: prisonId,
    receivedOn,
    recall: false,
    securityCategory: 'C',
    sentenceStartDate: receivedOn,
    hdcEligibilityDate: addDays(conditionalReleaseDate, -90),
    conditionalReleaseDate,
    licenceExpiryDate: addDays(conditionalReleaseDate, 690),
    sentenceExpiryDate: addDays(conditionalReleaseDate, 690),
  });
  // The POM is allocated; the COM is not yet, though the handover date has passed.
  await recordCustodyStep(database, pom, nominalId, episode.id, 'allocation', {
    pomEmail: pom.actor.email,
    pomAllocatedOn: addDays(receivedOn, 6),
    version: episode.version,
  });

  // A resettlement day release applied for, awaiting the governor's decision.
  await recordRotlApplication(database, pom, nominalId, {
    type: 'resettlement_day_release',
    plannedStartOn: addDays(today, 12),
    plannedEndOn: addDays(today, 12),
    addressLine1: 'Bristol Jobcentre Plus, Eagle House',
    addressTown: 'Bristol',
    addressPostcode: 'BS1 4JQ',
    escorted: false,
  });

  await recordInternalRiskMeeting(database, pom, nominalId, {
    heldOn: addDays(today, -7),
    establishmentAgencyId: prisonId,
    attendees: [
      { name: pom.actor.displayName, role: 'Prison offender manager', attended: true },
      { name: security.actor.displayName, role: 'Security department', attended: true },
      { name: 'Community offender manager', role: 'Probation (not yet allocated)', attended: false },
    ],
    custodyBehaviour: 'Settled on the wing; one adjudication for an abusive phone call to staff.',
    riskConcerns:
      'Call volume to a new partner has risen sharply; security suspects contact with the victim.',
    decisions:
      'Keep communications monitoring; ask probation to allocate a COM before the HDC address check.',
    actions: [
      {
        description: 'Ask the probation delivery unit to allocate a community offender manager',
        ownerName: `${pom.actor.displayName}, prison offender manager`,
        dueOn: addDays(today, -2),
      },
    ],
  });

  // The victim, with where she lives; the HDC address proposed is in her postcode.
  const victim = await addSectionRow(database, probation, nominalId, 'relationships', {
    type: 'victim',
    personName: VICTIM.name,
    isChild: false,
    inHousehold: false,
  });
  await addRelationshipAddress(database, probation, nominalId, victim.id, {
    line1: '14 Stapleton Road',
    town: 'Bristol',
    postcode: VICTIM.postcode,
    fromDate: addDays(today, -900),
  });
  await proposeAddressCheck(database, pom, nominalId, {
    purpose: 'hdc',
    line1: '52 Stapleton Road',
    town: 'Bristol',
    postcode: VICTIM.postcode,
  });

  // Communications monitoring: authorised two months ago, the victim's number linked.
  const monitoringCase = await startMonitoring(database, security, nominalId, {
    pinAccount: PIN_ACCOUNT,
    reasons: ['victim_contact', 'harassment'],
    authorisedBy: 'Head of Security',
    authorisedOn: addDays(today, -62),
  });
  await addMonitoredContact(database, security, nominalId, monitoringCase.id, {
    counterpart: VICTIM.phone,
    link: 'victim',
    source: `Relationship: victim (${VICTIM.name})`,
  });
  const file = { fileName: `pin-calls-${addDays(today, -1)}.csv`, csv: callRecordsCsv(today) };
  const preview = await importCallRecords(database, security, { ...file, confirm: false });
  if (preview.problemCount)
    throw new Error(`Demo data: the call records have problems: ${JSON.stringify(preview.problems)}`);
  await importCallRecords(database, security, { ...file, confirm: true });
}

/** The first person the demo POM manages who is MAPPA-managed (a category, preferably a level). */
async function mappaPrisonerOf(database: Database, pom: UseCaseContext): Promise<string | null> {
  const held = await database.db
    .selectFrom('nominal_managers as m')
    .innerJoin('nominals as n', 'n.id', 'm.nominal_id')
    .innerJoin('nominal_obligations as o', 'o.nominal_id', 'n.id')
    .select(['n.id', 'o.level'])
    .where('m.user_id', '=', pom.actor.userId)
    .where('m.role', '=', 'prison_offender_manager')
    .where('m.to_date', 'is', null)
    .where('n.area_code', '=', pom.actor.areaCode)
    .where('o.category', 'is not', null)
    .orderBy('n.vigil_ref')
    .execute();
  return (held.find((p) => p.level !== null) ?? held[0])?.id ?? null;
}

/**
 * The phone system's export for the last 60 days: calls to a parent every few days; from three
 * weeks ago five calls a day to a new partner, sixteen on one day (more than 10 a day, over 100 in
 * 30 days, far above his own baseline); three short calls to the victim's number. Yesterday is
 * the last day, so no call is later than now; another prisoner's calls are in the file too.
 */
function callRecordsCsv(today: string): string {
  const rows: string[] = [];
  const call = (day: string, minutes: number, number: string, seconds: number, pin = PIN_ACCOUNT) => {
    const hh = String(8 + Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    rows.push(`${day} ${hh}:${mm},${number},${seconds},${pin}`);
  };
  for (let back = 60; back >= 1; back--) {
    const day = addDays(today, -back);
    if (back % 3 === 0) call(day, 600, MOTHER_PHONE, 420 + back * 3);
    if (back <= 21) {
      const toPartner = back === 3 ? 16 : 5;
      for (let i = 0; i < toPartner; i++)
        call(day, 15 + i * 37, NEW_PARTNER_PHONE, 90 + ((back * 7 + i * 31) % 500));
    }
    if (back === 12 || back === 9 || back === 4) call(day, 690, VICTIM.phone, 20 + back);
    if (back % 10 === 0) call(day, 300, '07700 900215', 300, 'PIN-AVS-51102');
  }
  return ['Timestamp,Number Called,Duration,PIN Account', ...rows].join('\n');
}
