import type { UseCaseContext } from '../../access/actor.ts';
import { can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database } from '../../db/database.ts';
import {
  AGENDA,
  CONFIDENTIALITY_STATEMENT,
  newInformationSince,
  type AgendaItemKey,
} from '../../domain/agenda.ts';
import { labelOf } from '../../domain/codes.ts';
import { compareDates, formatDateLong } from '../../domain/dates.ts';
import { SIGNIFICANT_EVENT_TYPE } from '../../domain/deadlines.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { listActionsForNominal } from '../actions/index.ts';
import { currentPlan } from '../risk-management-plan/index.ts';
import {
  displayValue,
  loadInScope,
  IDENTITY_FIELDS,
  SECTIONS,
  getNominal,
  type SectionRow,
} from '../nominals/index.ts';
import { loadMeeting, londonTime, meetingDay } from './use-cases.ts';

/**
 * The aide-memoire for one person at one meeting, GENERATED from the record rather than typed:
 * each agenda item (src/domain/agenda.ts) with the facts the panel needs to discuss it. What the
 * viewer may not see (victims, health, intelligence, unshared sections) is left out with a note,
 * exactly as on the record itself.
 */
export interface AgendaEntry {
  key: AgendaItemKey;
  heading: string;
  prompt: string;
  rows: { label: string; value: string }[];
  paragraphs: string[];
  table?: { head: string[]; rows: string[][]; empty: string };
  links: { href: string; text: string }[];
  withheld: string[];
}

const field = (section: string, key: string) =>
  SECTIONS.find((s) => s.name === section)!.fields.find((f) => f.key === key)!;
const show = (section: string, row: SectionRow, key: string) => displayValue(field(section, key), row[key]);
const identityValue = (values: Record<string, unknown>, key: string) =>
  displayValue(
    IDENTITY_FIELDS.find((f) => f.key === key)!,
    values[key],
  );

const PILLAR_ITEMS = [
  { key: 'supervision', plan: 'supervision' },
  { key: 'monitoringAndControl', plan: 'monitoringAndControl' },
  { key: 'interventionsAndTreatment', plan: 'interventionsAndTreatment' },
  { key: 'victimSafetyPlanning', plan: 'victimSafetyPlanning' },
] as const;

export async function getAgenda(
  database: Database,
  ctx: UseCaseContext,
  meetingId: string,
  nominalId: string,
) {
  // The record as this viewer may see it (its own consultation entry in the access log).
  const record = await getNominal(database, ctx, nominalId);
  return database.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, ctx, meetingId, 'meeting.view');
    const inMeeting = await tx
      .selectFrom('meeting_nominals')
      .select('nominal_id')
      .where('meeting_id', '=', meetingId)
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst();
    if (!inMeeting) throw new NotFoundError();
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const day = meetingDay(meeting.starts_at);

    const previous = await tx
      .selectFrom('meeting_nominals as mn')
      .innerJoin('meetings as m', 'm.id', 'mn.meeting_id')
      .select('m.starts_at')
      .where('mn.nominal_id', '=', nominalId)
      .where('m.id', '!=', meetingId)
      .where('m.status', '!=', 'cancelled')
      .where('m.starts_at', '<', new Date(meeting.starts_at))
      .orderBy('m.starts_at', 'desc')
      .executeTakeFirst();
    const previousOn = previous ? meetingDay(previous.starts_at) : null;
    const since = newInformationSince(previousOn, compareDates(day, ctx.today) < 0 ? day : ctx.today);

    const told = scope.visible.section('levels')
      ? await tx
          .selectFrom('status_notifications')
          .select(['told_on', 'invited_to_contribute', 'their_views'])
          .where('nominal_id', '=', nominalId)
          .orderBy('told_on', 'desc')
          .orderBy('recorded_at', 'desc')
          .executeTakeFirst()
      : undefined;

    // New information: the timeline and significant events since then, as the timeline filters them.
    const hidden = (['victims', 'health', 'intelligence'] as const).filter((kind) => !scope.visible[kind]);
    const unshared = SECTIONS.filter((s) => !scope.visible.section(s.name)).map((s) => s.name);
    let changesQuery = tx
      .selectFrom('nominal_changes as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select(['c.at', 'c.summary', 'c.section', 'u.display_name'])
      .where('c.nominal_id', '=', nominalId)
      .where('c.at', '>=', new Date(`${since}T00:00:00Z`))
      .where('c.section', '!=', 'meetings');
    if (hidden.length)
      changesQuery = changesQuery.where((eb) =>
        eb.or([eb('c.sensitivity', 'is', null), eb('c.sensitivity', 'not in', hidden)]),
      );
    if (unshared.length) changesQuery = changesQuery.where('c.section', 'not in', unshared);
    const changes = await changesQuery.orderBy('c.id', 'desc').limit(100).execute();
    const events = scope.visible.section('levels')
      ? await tx
          .selectFrom('significant_events')
          .select(['type', 'occurred_on', 'description'])
          .where('nominal_id', '=', nominalId)
          .where('occurred_on', '>=', since)
          .orderBy('occurred_on', 'desc')
          .execute()
      : [];

    // Every open action, whichever meeting (or none) set it.
    const openActions = (await listActionsForNominal(tx, ctx, nominalId)).filter((a) => a.status === 'open');

    const plan = can(ctx.actor, 'rmp.view') ? await currentPlan(tx, nominalId) : null;
    const obligations = scope.visible.section('levels')
      ? await tx
          .selectFrom('nominal_obligations')
          .select(['category', 'level', 'review_due_on', 'earliest_release_on'])
          .where('nominal_id', '=', nominalId)
          .executeTakeFirst()
      : undefined;

    await logAccess(tx, ctx, {
      operation: 'combination',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `agenda for meeting ${meetingId}`,
    });

    const entries: AgendaEntry[] = AGENDA.map((item) => ({
      key: item.key,
      heading: item.heading,
      prompt: item.prompt,
      rows: [],
      paragraphs: [],
      links: [],
      withheld: [],
    }));
    const entry = (key: AgendaItemKey) => entries.find((e) => e.key === key)!;

    entry('confidentiality').paragraphs.push(CONFIDENTIALITY_STATEMENT);

    const vlo = entry('victimLiaison');
    if (scope.visible.victims) {
      const victims = record.relationships.filter((r) => r.type === 'victim');
      vlo.rows.push({
        label: 'Victims recorded',
        value: victims.length ? victims.map((v) => String(v.personName ?? '')).join(', ') : 'None recorded',
      });
    } else vlo.withheld.push('Victim details are withheld: only those who plan victim safety can see them.');

    const views = entry('personsViews');
    if (told) {
      views.rows.push(
        { label: 'Told of their MAPPA status', value: formatDateLong(String(told.told_on).slice(0, 10)) },
        { label: 'Invited to contribute', value: told.invited_to_contribute ? 'Yes' : 'No' },
        { label: 'Their views', value: told.their_views ?? 'None recorded' },
      );
    } else if (scope.visible.section('levels'))
      views.rows.push({ label: 'Told of their MAPPA status', value: 'No record that they have been told' });
    else views.withheld.push('Their MAPPA status is not shared with your agency.');

    const diversity = entry('diversity');
    const id = record.identity as Record<string, unknown>;
    diversity.rows.push({ label: 'Age', value: String(record.age) });
    for (const key of [
      'sex',
      'genderIdentity',
      'ethnicity',
      'nationality',
      'religion',
      'sexualOrientation',
      'disability',
      'language',
      'interpreterNeeded',
    ]) {
      if (key === 'disability' && !scope.visible.health) continue;
      const value = identityValue(id, key);
      diversity.rows.push({
        label: IDENTITY_FIELDS.find((f) => f.key === key)!.label,
        value: value || 'Not recorded',
      });
    }
    if (!scope.visible.health)
      diversity.withheld.push('Health information is withheld: it is visible only to roles that need it.');
    if (record.currentAddress)
      diversity.rows.push({
        label: 'Current address',
        value: `${SECTIONS.find((s) => s.name === 'addresses')!.describe(record.currentAddress)}`,
      });
    if (record.proposedReleaseAddress)
      diversity.rows.push({
        label: 'Proposed release address',
        value: SECTIONS.find((s) => s.name === 'addresses')!.describe(record.proposedReleaseAddress),
      });
    diversity.rows.push({
      label: 'Children in the household',
      value: record.childrenInHousehold ? 'Yes' : 'No',
    });
    const markers = record.markers.filter((m) => m.isActive);
    if (markers.length)
      diversity.rows.push({
        label: 'Active markers',
        value: markers.map((m) => show('markers', m, 'type')).join(', '),
      });

    const news = entry('newInformation');
    news.paragraphs.push(
      previousOn
        ? `Since the last meeting on ${formatDateLong(previousOn)}.`
        : `This is the first meeting about them: the last three months, since ${formatDateLong(since)}.`,
    );
    news.table = {
      head: ['Date', 'What', 'By'],
      rows: [
        ...events.map((e) => [
          formatDateLong(String(e.occurred_on).slice(0, 10)),
          `Significant event: ${labelOf(SIGNIFICANT_EVENT_TYPE, e.type)}. ${e.description}`,
          '',
        ]),
        ...changes.map((c) => [
          formatDateLong(new Date(c.at).toISOString().slice(0, 10)),
          c.summary,
          c.display_name,
        ]),
      ],
      empty: 'Nothing new recorded.',
    };

    const actions = entry('previousActions');
    actions.table = {
      head: ['Action', 'Pillar', 'Owner', 'Due', 'Latest update'],
      rows: openActions.map((a) => {
        const last = [...a.updates].sort((x, y) => x.createdAt.localeCompare(y.createdAt)).pop();
        return [
          `${a.description}${a.safeguarding ? ' (safeguarding)' : ''}`,
          a.pillarLabel,
          a.ownerLabel,
          `${formatDateLong(a.dueOn)}${a.overdue ? ' (overdue)' : ''}`,
          last?.note ?? '',
        ];
      }),
      empty: 'No open actions.',
    };

    const risk = entry('riskAssessment');
    const latest = record.latestRiskAssessment;
    if (!scope.visible.section('risk-assessments'))
      risk.withheld.push('Risk assessments are not shared with your agency.');
    else if (latest) {
      for (const key of [
        'assessedOn',
        'assessor',
        'roshOverall',
        'roshChildren',
        'roshPublic',
        'roshKnownAdult',
        'roshStaff',
        'roshPrisoners',
        'ospBand',
        'rsrBand',
      ]) {
        const value = show('risk-assessments', latest, key);
        if (value) risk.rows.push({ label: field('risk-assessments', key).label, value });
      }
    } else risk.rows.push({ label: 'Latest assessment', value: 'None recorded' });

    const planLink = can(ctx.actor, 'rmp.edit')
      ? {
          href: `/nominals/${nominalId}/risk-management-plan/edit?meeting=${meetingId}`,
          text: 'Update the risk management plan',
        }
      : { href: `/nominals/${nominalId}/risk-management-plan`, text: 'The risk management plan' };
    for (const pillar of PILLAR_ITEMS) {
      const e = entry(pillar.key);
      if (!can(ctx.actor, 'rmp.view')) e.withheld.push('The risk management plan is not shared with you.');
      else if (pillar.key === 'victimSafetyPlanning' && !scope.visible.victims)
        e.withheld.push(
          'Victim safety planning is withheld: it is visible only to those who plan victim safety.',
        );
      else
        e.paragraphs.push(
          plan ? plan[pillar.plan] || 'Nothing recorded in the plan.' : 'No risk management plan yet.',
        );
      e.links.push(planLink);
    }
    if (plan)
      entry('supervision').rows.push({
        label: 'Plan version',
        value: `${plan.version}, ${formatDateLong(new Date(plan.changedAt).toISOString().slice(0, 10))} by ${plan.changedByName}`,
      });

    const contingency = entry('contingency');
    if (plan) {
      contingency.paragraphs.push(plan.contingency || 'No contingency recorded in the plan.');
      if (plan.conditions.length)
        contingency.rows.push({ label: 'Current conditions', value: plan.conditions.join('; ') });
    }
    if (scope.visible.section('convictions')) {
      const sentences = record.convictions.filter(
        (c) => c.licenceExpiryDate || c.sentenceExpiryDate || c.conditionalReleaseDate,
      );
      contingency.table = {
        head: ['Sentence', 'Release', 'Licence expiry', 'Sentence expiry'],
        rows: sentences.map((c) => [
          SECTIONS.find((s) => s.name === 'convictions')!.describe(c),
          show('convictions', c, 'actualReleaseDate') || show('convictions', c, 'conditionalReleaseDate'),
          show('convictions', c, 'licenceExpiryDate'),
          show('convictions', c, 'sentenceExpiryDate'),
        ]),
        empty: 'No licence or sentence expiry dates recorded.',
      };
    } else contingency.withheld.push('Convictions are not shared with your agency.');
    contingency.links.push(planLink, {
      href: `/nominals/${nominalId}/prison-reports`,
      text: 'Prison reports (MAPPA F)',
    });

    entry('disclosure').paragraphs.push(
      'The minutes must record whether disclosure was considered, and why it is or is not needed, before they can be approved.',
    );

    const level = entry('levelAndNextMeeting');
    if (obligations) {
      level.rows.push(
        {
          label: 'Category',
          value: obligations.category ? `Category ${obligations.category}` : 'Not eligible',
        },
        { label: 'Current level', value: obligations.level ? `Level ${obligations.level}` : 'No level set' },
      );
      if (obligations.review_due_on)
        level.rows.push({
          label: 'Review due',
          value: formatDateLong(String(obligations.review_due_on).slice(0, 10)),
        });
      if (obligations.earliest_release_on)
        level.rows.push({
          label: 'Earliest release',
          value: formatDateLong(String(obligations.earliest_release_on).slice(0, 10)),
        });
    } else level.withheld.push('MAPPA status is not shared with your agency.');

    return {
      meeting: {
        id: meeting.id,
        level: meeting.level,
        day,
        time: londonTime(meeting.starts_at),
        status: meeting.status,
        format: meeting.format,
      },
      person: { id: nominalId, name: `${id.forename} ${id.surname}`, vigilRef: record.vigilRef },
      previousMeetingOn: previousOn,
      newInformationSince: since,
      items: entries,
      withheld: record.withheld,
    };
  });
}
