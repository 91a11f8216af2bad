import type { UseCaseContext } from '../../access/actor.ts';
import type { Database } from '../../db/database.ts';
import { addDays } from '../../domain/dates.ts';
import {
  addMinutesAction,
  approveMinutes,
  closeMeeting,
  getMeeting,
  recordAttendance,
  saveMinutes,
  scheduleMeeting,
} from '../../modules/meetings/index.ts';
import { updateAction } from '../../modules/actions/index.ts';
import { saveReferralDraft, startReferral, submitReferral } from '../../modules/referrals/index.ts';
import { revisePlan } from '../../modules/risk-management-plan/index.ts';

/**
 * The demo's Levels 2 and 3 work, made through the same use cases as the pages: a risk management
 * plan for everyone at Level 2 or 3; for the first Level 2 person a meeting four weeks ago with
 * attendance, actions (one safeguarding action now overdue), approved minutes and the plan revised
 * at the meeting; an upcoming online meeting; and a Level 1 person's referral awaiting screening.
 */
export interface MultiAgencyDemoInput {
  today: string;
  practitioner: UseCaseContext;
  coordinator: UseCaseContext;
  chair: UseCaseContext;
  /** The housing agency of the demo's duty-to-co-operate representative. */
  housingAgencyId: string;
}

export async function loadMultiAgencyDemo(database: Database, input: MultiAgencyDemoInput): Promise<void> {
  const { today, practitioner, coordinator, chair, housingAgencyId } = input;
  const areaCode = coordinator.actor.areaCode;
  // Made once: a demo that already has meetings is left as it is.
  const existing = await database.db
    .selectFrom('meetings')
    .select('id')
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
  if (existing) return;

  const people = await database.db
    .selectFrom('nominal_obligations as o')
    .innerJoin('nominals as n', 'n.id', 'o.nominal_id')
    .select(['n.id', 'o.level'])
    .where('o.area_code', '=', areaCode)
    .where('o.level', 'is not', null)
    .orderBy('n.vigil_ref')
    .execute();
  const atLevel = (level: number) => people.filter((p) => p.level === level).map((p) => p.id);
  const managed = [...atLevel(2), ...atLevel(3)];

  for (const nominalId of managed) {
    await revisePlan(database, practitioner, nominalId, {
      expectedVersion: 0,
      ...PLAN,
      reason: 'Plan agreed with the lead agency when the level was set',
    });
  }

  const [discussed] = atLevel(2);
  if (discussed) await pastMeeting(database, input, discussed);

  const upcoming = atLevel(3)[0] ?? atLevel(2)[1];
  if (upcoming)
    await scheduleMeeting(database, coordinator, {
      level: atLevel(3).includes(upcoming) ? 3 : 2,
      date: addDays(today, 14),
      time: '14:00',
      format: 'online',
      onlineLink: 'https://meet.example.gov.uk/mappa-panel',
      chairUserId: chair.actor.userId,
      nominalIds: [upcoming],
      agencyIds: [housingAgencyId],
    });

  const [referred] = atLevel(1);
  if (referred) {
    const draft = await startReferral(database, practitioner, referred);
    const saved = await saveReferralDraft(database, practitioner, draft.id, {
      version: draft.version,
      requestedLevel: '2',
      reason:
        'Police report two call-outs to a new partner’s address in the last month; the partner has a child aged 4.',
      valueAdded:
        'Children’s social care and housing need to share what they know and agree safety planning with police.',
      invitedAgencyIds: [housingAgencyId],
    });
    await submitReferral(database, practitioner, draft.id, { version: saved.version });
  }
}

/** A Level 2 meeting four weeks ago, held, minuted, closed and approved. */
async function pastMeeting(database: Database, input: MultiAgencyDemoInput, nominalId: string) {
  const held = addDays(input.today, -28);
  // The meeting's work is done as of its day, so due dates and "today" agree with it.
  const then = (ctx: UseCaseContext): UseCaseContext => ({ ...ctx, today: held });
  const coordinator = then(input.coordinator);
  const { id: meetingId } = await scheduleMeeting(database, coordinator, {
    level: 2,
    date: held,
    time: '10:00',
    format: 'in_person',
    location: 'Police headquarters, conference room 2',
    chairUserId: input.chair.actor.userId,
    nominalIds: [nominalId],
    agencyIds: [input.housingAgencyId],
  });
  const meeting = await getMeeting(database, coordinator, meetingId);
  for (const invitation of meeting.invitations) {
    const attendee = ATTENDEES[invitation.type] ?? { name: 'Alex Jordan', attendance: 'attended' };
    await recordAttendance(database, coordinator, meetingId, {
      agencyId: invitation.agencyId,
      personName: attendee.name,
      attendance: attendee.attendance,
    });
  }
  const agencyOfType = (type: string) =>
    meeting.invitations.find((i) => i.type === type)?.agencyId ?? input.housingAgencyId;
  const actions = [
    {
      description: 'Check with children’s social care whether the new partner’s child is known to them',
      pillar: 'victim_safety_planning',
      safeguarding: true,
      ownerAgencyId: agencyOfType('police'),
      dueOn: addDays(held, 21), // a week overdue now
    },
    {
      description: 'Confirm the tenancy and whether the address is near a school',
      pillar: 'monitoring_and_control',
      ownerAgencyId: input.housingAgencyId,
      dueOn: addDays(held, 42),
    },
    {
      description: 'Weekly reporting to the probation office; home visit within two weeks',
      pillar: 'supervision',
      ownerAgencyId: input.practitioner.actor.agencyId,
      ownerUserId: input.practitioner.actor.userId,
      dueOn: addDays(held, 14),
    },
  ];
  const actionIds: string[] = [];
  for (const action of actions)
    actionIds.push((await addMinutesAction(database, coordinator, meetingId, nominalId, action)).id);
  const minutes = await saveMinutes(database, coordinator, meetingId, nominalId, {
    rowVersion: 0,
    'item-victimLiaison':
      'The victim has opted in to the Victim Contact Scheme and asked for an exclusion zone.',
    'item-personsViews': 'He knows he is managed under MAPPA and says he wants to keep his tenancy.',
    'item-newInformation': 'Two police call-outs to a new partner’s address since the level was set.',
    'item-riskAssessment':
      'RoSH high to a known adult and to children; imminence increased by the new relationship.',
    decisions: 'Remain at Level 2. Police to check the partner’s child with children’s social care.',
    disclosureConsidered: 'yes',
    disclosureReason:
      'Disclosure to the new partner considered: police to make it jointly with probation once the checks are back.',
    nextMeetingOn: addDays(input.today, 14),
  });
  await revisePlan(database, then(input.chair), nominalId, {
    expectedVersion: 1,
    ...PLAN,
    monitoringAndControl: `${PLAN.monitoringAndControl} Police to visit the new partner’s address monthly.`,
    reason: 'Reviewed at the Level 2 meeting after the new relationship was found',
    meetingId,
  });
  await closeMeeting(database, coordinator, meetingId);
  await approveMinutes(database, then(input.chair), meetingId, nominalId, { rowVersion: minutes.rowVersion });
  // The practitioner's own action was done on time.
  await updateAction(database, { ...input.practitioner, today: addDays(held, 10) }, actionIds[2]!, {
    status: 'completed',
    note: 'Home visit done; address suitable; weekly reporting in place.',
    version: 1,
  });
}

/** Who came for each kind of agency; children's social care sent apologies. */
const ATTENDEES: Record<string, { name: string; attendance: string }> = {
  police: { name: 'DS Karen Walsh', attendance: 'attended' },
  probation: { name: 'Sam Turner', attendance: 'attended' },
  prison: { name: 'Grace Okafor', attendance: 'attended' },
  health: { name: 'Dr Paul Ahmed', attendance: 'attended' },
  childrens_social_care: { name: 'Lisa Morgan', attendance: 'apologies' },
  housing: { name: 'Nadia Hussain', attendance: 'attended' },
};

const PLAN = {
  supervision: 'Weekly reporting to the probation office; monthly joint home visit with police.',
  monitoringAndControl: 'Licence conditions: residence, curfew 19:00–07:00 with electronic monitoring.',
  interventionsAndTreatment: 'Building Better Relationships programme; substance misuse key work.',
  victimSafetyPlanning: 'Exclusion zone around the victim’s home area; VLO keeps the victim informed.',
  contingency:
    'Breach of curfew or contact with the victim: recall considered the same day. At licence end, police ' +
    'keep the case under review through ARMS.',
  conditions: [
    'Reside at the address approved by the supervising officer',
    'Curfew 19:00 to 07:00, electronically monitored',
    'Not to contact the victim directly or indirectly',
    'Not to enter the exclusion zone shown on the map',
  ],
};
