import { AGENDA, CONFIDENTIALITY_STATEMENT, type AgendaItemKey } from '../../domain/agenda.ts';
import { labelOf } from '../../domain/codes.ts';
import { formatDateLong } from '../../domain/dates.ts';
import { SIGNIFICANT_EVENT_TYPE } from '../../domain/deadlines.ts';
import type { listActionsForNominal } from '../actions/index.ts';
import {
  displayValue,
  IDENTITY_FIELDS,
  SECTIONS,
  type InScope,
  type NominalOverview,
  type SectionRow,
} from '../nominals/index.ts';
import type { PlanView } from '../risk-management-plan/index.ts';

/**
 * The agenda's items laid out from the facts its use case gathered (use-cases/agenda.ts): no
 * reading here, so each item's wording can be read (and changed) on its own.
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

/** What the agenda for one person at one meeting is made from, each from its owner. */
export interface AgendaFacts {
  meetingId: string;
  nominalId: string;
  /** The record as the viewer may see it. */
  record: NominalOverview;
  visible: InScope['visible'];
  mayViewPlan: boolean;
  mayEditPlan: boolean;
  previousOn: string | null;
  /** New information is what was recorded from this day. */
  since: string;
  told: { toldOn: string; invitedToContribute: boolean; theirViews: string | null } | undefined;
  events: { type: string; occurredOn: string; description: string }[];
  changes: { at: Date | string; summary: string; by: string }[];
  openActions: Awaited<ReturnType<typeof listActionsForNominal>>;
  plan: PlanView | null;
  obligations:
    | {
        category: number | null;
        level: number | null;
        reviewDueOn: string | null;
        earliestReleaseOn: string | null;
      }
    | undefined;
}

const field = (section: string, key: string) =>
  SECTIONS.find((s) => s.name === section)!.fields.find((f) => f.key === key)!;
const show = (section: string, row: SectionRow, key: string) => displayValue(field(section, key), row[key]);
const describe = (section: string, row: SectionRow) =>
  SECTIONS.find((s) => s.name === section)!.describe(row);
const longDate = (value: unknown) => formatDateLong(String(value).slice(0, 10));

const PILLAR_ITEMS = [
  { key: 'supervision', plan: 'supervision' },
  { key: 'monitoringAndControl', plan: 'monitoringAndControl' },
  { key: 'interventionsAndTreatment', plan: 'interventionsAndTreatment' },
  { key: 'victimSafetyPlanning', plan: 'victimSafetyPlanning' },
] as const;

const DIVERSITY_FIELDS = [
  'sex',
  'genderIdentity',
  'ethnicity',
  'nationality',
  'religion',
  'sexualOrientation',
  'disability',
  'language',
  'interpreterNeeded',
];

const RISK_FIELDS = [
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
];

export function agendaItems(facts: AgendaFacts): AgendaEntry[] {
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
  victimLiaison(entry('victimLiaison'), facts);
  personsViews(entry('personsViews'), facts);
  diversity(entry('diversity'), facts);
  newInformation(entry('newInformation'), facts);
  previousActions(entry('previousActions'), facts);
  riskAssessment(entry('riskAssessment'), facts);
  const planLink = facts.mayEditPlan
    ? {
        href: `/nominals/${facts.nominalId}/risk-management-plan/edit?meeting=${facts.meetingId}`,
        text: 'Update the risk management plan',
      }
    : { href: `/nominals/${facts.nominalId}/risk-management-plan`, text: 'The risk management plan' };
  for (const pillar of PILLAR_ITEMS) planPillar(entry(pillar.key), pillar.plan, planLink, facts);
  if (facts.plan)
    entry('supervision').rows.push({
      label: 'Plan version',
      value: `${facts.plan.version}, ${formatDateLong(new Date(facts.plan.changedAt).toISOString().slice(0, 10))} by ${facts.plan.changedByName}`,
    });
  contingency(entry('contingency'), planLink, facts);
  entry('disclosure').paragraphs.push(
    'The minutes must record whether disclosure was considered, and why it is or is not needed, before they can be approved.',
  );
  levelAndNextMeeting(entry('levelAndNextMeeting'), facts);
  return entries;
}

function victimLiaison(e: AgendaEntry, { record, visible }: AgendaFacts) {
  if (!visible.victims) {
    e.withheld.push('Victim details are withheld: only those who plan victim safety can see them.');
    return;
  }
  const victims = record.relationships.filter((r) => r.type === 'victim');
  e.rows.push({
    label: 'Victims recorded',
    value: victims.length ? victims.map((v) => String(v.personName ?? '')).join(', ') : 'None recorded',
  });
}

function personsViews(e: AgendaEntry, { told, visible }: AgendaFacts) {
  if (told)
    e.rows.push(
      { label: 'Told of their MAPPA status', value: longDate(told.toldOn) },
      { label: 'Invited to contribute', value: told.invitedToContribute ? 'Yes' : 'No' },
      { label: 'Their views', value: told.theirViews ?? 'None recorded' },
    );
  else if (visible.section('levels'))
    e.rows.push({ label: 'Told of their MAPPA status', value: 'No record that they have been told' });
  else e.withheld.push('Their MAPPA status is not shared with your agency.');
}

function diversity(e: AgendaEntry, { record, visible }: AgendaFacts) {
  const identity = record.identity as Record<string, unknown>;
  e.rows.push({ label: 'Age', value: String(record.age) });
  for (const key of DIVERSITY_FIELDS) {
    if (key === 'disability' && !visible.health) continue;
    const spec = IDENTITY_FIELDS.find((f) => f.key === key)!;
    e.rows.push({ label: spec.label, value: displayValue(spec, identity[key]) || 'Not recorded' });
  }
  if (!visible.health)
    e.withheld.push('Health information is withheld: it is visible only to roles that need it.');
  if (record.currentAddress)
    e.rows.push({ label: 'Current address', value: `${describe('addresses', record.currentAddress)}` });
  if (record.proposedReleaseAddress)
    e.rows.push({
      label: 'Proposed release address',
      value: describe('addresses', record.proposedReleaseAddress),
    });
  e.rows.push({ label: 'Children in the household', value: record.childrenInHousehold ? 'Yes' : 'No' });
  const markers = record.markers.filter((m) => m.isActive);
  if (markers.length)
    e.rows.push({
      label: 'Active markers',
      value: markers.map((m) => show('markers', m, 'type')).join(', '),
    });
}

function newInformation(e: AgendaEntry, { previousOn, since, events, changes }: AgendaFacts) {
  e.paragraphs.push(
    previousOn
      ? `Since the last meeting on ${formatDateLong(previousOn)}.`
      : `This is the first meeting about them: the last three months, since ${formatDateLong(since)}.`,
  );
  e.table = {
    head: ['Date', 'What', 'By'],
    rows: [
      ...events.map((event) => [
        longDate(event.occurredOn),
        `Significant event: ${labelOf(SIGNIFICANT_EVENT_TYPE, event.type)}. ${event.description}`,
        '',
      ]),
      ...changes.map((c) => [formatDateLong(new Date(c.at).toISOString().slice(0, 10)), c.summary, c.by]),
    ],
    empty: 'Nothing new recorded.',
  };
}

function previousActions(e: AgendaEntry, { openActions }: AgendaFacts) {
  e.table = {
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
}

function riskAssessment(e: AgendaEntry, { record, visible }: AgendaFacts) {
  const latest = record.latestRiskAssessment;
  if (!visible.section('risk-assessments'))
    e.withheld.push('Risk assessments are not shared with your agency.');
  else if (!latest) e.rows.push({ label: 'Latest assessment', value: 'None recorded' });
  else
    for (const key of RISK_FIELDS) {
      const value = show('risk-assessments', latest, key);
      if (value) e.rows.push({ label: field('risk-assessments', key).label, value });
    }
}

type Link = AgendaEntry['links'][number];

function planPillar(
  e: AgendaEntry,
  part: (typeof PILLAR_ITEMS)[number]['plan'],
  planLink: Link,
  facts: AgendaFacts,
) {
  if (!facts.mayViewPlan) e.withheld.push('The risk management plan is not shared with you.');
  else if (part === 'victimSafetyPlanning' && !facts.visible.victims)
    e.withheld.push(
      'Victim safety planning is withheld: it is visible only to those who plan victim safety.',
    );
  else
    e.paragraphs.push(
      facts.plan ? facts.plan[part] || 'Nothing recorded in the plan.' : 'No risk management plan yet.',
    );
  e.links.push(planLink);
}

function contingency(e: AgendaEntry, planLink: Link, { record, visible, plan, nominalId }: AgendaFacts) {
  if (plan) {
    e.paragraphs.push(plan.contingency || 'No contingency recorded in the plan.');
    if (plan.conditions.length)
      e.rows.push({ label: 'Current conditions', value: plan.conditions.join('; ') });
  }
  if (visible.section('convictions')) {
    const sentences = record.convictions.filter(
      (c) => c.licenceExpiryDate || c.sentenceExpiryDate || c.conditionalReleaseDate,
    );
    e.table = {
      head: ['Sentence', 'Release', 'Licence expiry', 'Sentence expiry'],
      rows: sentences.map((c) => [
        describe('convictions', c),
        show('convictions', c, 'actualReleaseDate') || show('convictions', c, 'conditionalReleaseDate'),
        show('convictions', c, 'licenceExpiryDate'),
        show('convictions', c, 'sentenceExpiryDate'),
      ]),
      empty: 'No licence or sentence expiry dates recorded.',
    };
  } else e.withheld.push('Convictions are not shared with your agency.');
  e.links.push(planLink, { href: `/nominals/${nominalId}/prison-reports`, text: 'Prison reports (MAPPA F)' });
}

function levelAndNextMeeting(e: AgendaEntry, { obligations }: AgendaFacts) {
  if (!obligations) {
    e.withheld.push('MAPPA status is not shared with your agency.');
    return;
  }
  e.rows.push(
    { label: 'Category', value: obligations.category ? `Category ${obligations.category}` : 'Not eligible' },
    { label: 'Current level', value: obligations.level ? `Level ${obligations.level}` : 'No level set' },
  );
  if (obligations.reviewDueOn) e.rows.push({ label: 'Review due', value: longDate(obligations.reviewDueOn) });
  if (obligations.earliestReleaseOn)
    e.rows.push({ label: 'Earliest release', value: longDate(obligations.earliestReleaseOn) });
}
