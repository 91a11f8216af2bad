import { formatDateLong } from '../../domain/dates.ts';
import type { DocumentSection, VigilDocument } from '../../web/documents/document.ts';
import type { getAgenda } from './use-cases/agenda.ts';

type Agenda = Awaited<ReturnType<typeof getAgenda>>;

/**
 * One person's agenda as a document (PDF): the same items, facts and notes of what is withheld as
 * the agenda page, since it is generated from the record as its reader may see it. Links are left
 * out: a printed page cannot follow them.
 */
export function agendaDocument(agenda: Agenda): VigilDocument {
  const sections: DocumentSection[] = agenda.items.map((item, index) => {
    const section: DocumentSection = {
      heading: `${index + 1}. ${item.heading}`,
      paragraphs: [item.prompt, ...item.paragraphs, ...item.withheld],
    };
    if (item.rows.length) section.rows = item.rows;
    if (item.table) section.table = item.table;
    return section;
  });
  if (agenda.withheld.length)
    sections.unshift({ heading: 'Withheld from this agenda', paragraphs: agenda.withheld });
  const { meeting } = agenda;
  return {
    title: `Agenda: Level ${meeting.level} MAPPA meeting`,
    subtitle: `${agenda.person.name} (${agenda.person.vigilRef}), ${formatDateLong(meeting.day)} at ${meeting.time}`,
    marking: 'OFFICIAL-SENSITIVE',
    reference: `Level ${meeting.level} meeting of ${meeting.areaName} on ${formatDateLong(meeting.day)} · new information since ${formatDateLong(agenda.newInformationSince)}`,
    sections,
  };
}
