import {
  AGENDA,
  CONFIDENTIALITY_STATEMENT,
  VICTIM_ITEMS,
  VICTIM_MINUTES_WITHHELD,
} from '../../domain/agenda.ts';
import { PILLAR, labelOf } from '../../domain/codes.ts';
import { formatDateLong } from '../../domain/dates.ts';
import type { DocumentSection, VigilDocument } from '../../web/documents/document.ts';
import type { getMinutes } from './use-cases/minutes.ts';

type Minutes = Awaited<ReturnType<typeof getMinutes>>;

const KIND: Record<string, string> = {
  initial: 'First level decision',
  review: 'Level confirmed on review',
  escalation: 'Escalation',
  reduction: 'Reduction',
  deregistration: 'MAPPA management ended',
};

const day = (iso: string | null) => (iso ? formatDateLong(iso.slice(0, 10)) : '');

/**
 * MAPPA B as a document: this meeting's minutes standing alone. Decisions and new actions are
 * kept apart from the updates on earlier actions, so nobody has to dig this meeting's actions out
 * of old ones.
 */
export function minutesDocument(m: Minutes): VigilDocument {
  const shown = m.minutes;
  const content = shown?.content;
  const status = !shown
    ? 'No minutes recorded yet'
    : shown.status === 'approved'
      ? `Approved (version ${shown.version}) by ${shown.approvedBy ?? ''} on ${day(shown.approvedAt)}`
      : shown.status === 'superseded'
        ? `Superseded (version ${shown.version}): a later version was approved`
        : `Draft (version ${shown.version}), not yet approved`;
  const sections: DocumentSection[] = [
    {
      heading: 'Meeting',
      rows: [
        { label: 'Person discussed', value: `${m.person.name} (${m.person.vigilRef})` },
        { label: 'Date and time', value: `${formatDateLong(m.meeting.day)} at ${m.meeting.time}` },
        { label: 'Level', value: `Level ${m.meeting.level}` },
        { label: 'Chair', value: m.meeting.chairName ?? 'Not recorded' },
        { label: 'Status of these minutes', value: status },
        ...(shown?.correctionReason
          ? [{ label: 'Reason for correction', value: shown.correctionReason }]
          : []),
      ],
    },
    {
      heading: 'Attendance',
      table: {
        head: ['Agency', 'Name', 'Attendance', 'Substitute for'],
        rows: [
          ...m.invitations.flatMap((agency) =>
            agency.records.length
              ? agency.records.map((r) => [
                  agency.name,
                  r.personName,
                  r.attendanceLabel,
                  r.substituteFor ?? '',
                ])
              : [[agency.name, '', 'Not recorded', '']],
          ),
        ],
        empty: 'No agencies were invited.',
      },
    },
  ];
  for (const item of AGENDA) {
    const minute = content?.items[item.key] ?? '';
    const paragraphs: string[] = [];
    if (item.key === 'confidentiality') paragraphs.push(CONFIDENTIALITY_STATEMENT);
    const withheld = m.victimsWithheld && (VICTIM_ITEMS as readonly string[]).includes(item.key);
    paragraphs.push(withheld ? VICTIM_MINUTES_WITHHELD : minute || 'No minute recorded.');
    const section: DocumentSection = { heading: item.heading, paragraphs };
    if (item.key === 'disclosure')
      section.rows = [
        {
          // The section's heading is "Disclosure considered": the row answers it, not repeats it.
          label: 'Was it considered?',
          value:
            content?.disclosure.considered === 'yes'
              ? 'Yes'
              : content?.disclosure.considered === 'no'
                ? 'No'
                : 'Not recorded',
        },
        { label: 'Why', value: content?.disclosure.reason || 'Not recorded' },
      ];
    if (item.key === 'levelAndNextMeeting')
      section.rows = [
        {
          label: 'Next meeting',
          value: content?.nextMeetingOn ? formatDateLong(content.nextMeetingOn) : 'Not set',
        },
      ];
    sections.push(section);
  }
  sections.push(
    {
      heading: 'Decisions at this meeting',
      paragraphs: [content?.decisions || 'No other decisions recorded.'],
      rows: m.levelDecisions.map((d) => ({
        label: `Level decision (${KIND[d.kind] ?? d.kind})`,
        value: [
          d.level ? `Level ${d.level}` : 'MAPPA management ended',
          d.rationale,
          d.overrideReason ? `Chair’s override: ${d.overrideReason}` : '',
          d.continuesAtLowerLevel ? `Continues at the lower level: ${d.continuesAtLowerLevel}` : '',
        ]
          .filter(Boolean)
          .join('. '),
      })),
    },
    {
      heading: 'New actions from this meeting',
      table: {
        head: ['Action', 'Pillar', 'Owner', 'Due'],
        rows: m.newActions.map((a) => [
          `${a.description}${a.safeguarding ? ' (safeguarding)' : ''}`,
          labelOf(PILLAR, a.pillar),
          [a.ownerName, a.ownerAgency].filter(Boolean).join(', '),
          formatDateLong(a.dueOn),
        ]),
        empty: 'No new actions were agreed at this meeting.',
      },
    },
    {
      heading: 'Updates on earlier actions',
      table: {
        head: ['Action', 'Owner', 'Update', 'Status'],
        rows: m.updates.map((u) => [
          u.description,
          u.ownerAgency,
          u.note,
          labelOf(ACTION_STATUS_LABELS, u.status),
        ]),
        empty: 'No earlier actions were updated at this meeting.',
      },
    },
    {
      heading: 'Risk management plan',
      rows: [
        {
          label: 'Updated at this meeting',
          value: m.planVersions.length
            ? m.planVersions.map((p) => `Version ${p.version}: ${p.reason}`).join('; ')
            : 'The plan was not changed at this meeting',
        },
      ],
    },
  );
  return {
    title: `MAPPA B: Minutes of the Level ${m.meeting.level} meeting`,
    subtitle: `${m.person.name}, ${formatDateLong(m.meeting.day)}`,
    marking: 'OFFICIAL-SENSITIVE',
    // The meeting by its name (level, area, day), never its id: the reader knows meetings by these.
    reference: `Level ${m.meeting.level} meeting of ${m.meeting.areaName} on ${formatDateLong(m.meeting.day)} · ${shown ? `version ${shown.version}, ${shown.status}` : 'no minutes yet'}`,
    sections,
  };
}

const ACTION_STATUS_LABELS = [
  { code: 'open', label: 'Still open' },
  { code: 'completed', label: 'Completed' },
  { code: 'cancelled', label: 'Cancelled' },
] as const;
