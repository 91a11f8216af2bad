import type { VigilDocument } from '../../web/documents/document.ts';
import { REPORT_PARTS, type ReportView } from './reports.ts';

/** The report as the national form, for the HTML document page and the PDF. */
export function reportDocument(report: ReportView, personName: string, vigilRef: string): VigilDocument {
  const when = (d: Date) =>
    d.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
  return {
    title: 'MAPPA F: Prison information-sharing report',
    subtitle: `${personName} (${vigilRef})`,
    marking: 'OFFICIAL-SENSITIVE',
    reference: `Report ${report.id.slice(0, 8)} · version ${report.version} · ${report.statusLabel}`,
    sections: [
      {
        heading: 'About this report',
        rows: [
          { label: 'Establishment', value: report.establishment.name },
          { label: 'Written by', value: report.writtenBy.name },
          {
            label: 'For the meeting',
            value: report.meeting
              ? `Level ${report.meeting.level} meeting, ${when(report.meeting.startsAt)}`
              : 'Not linked to a meeting',
          },
          { label: 'Status', value: report.statusLabel },
          {
            label: 'Approved by',
            value:
              report.approvedBy && report.approvedAt
                ? `${report.approvedBy}, ${when(report.approvedAt)}`
                : 'Not yet approved: not for sharing outside the establishment',
          },
        ],
      },
      ...REPORT_PARTS.map((p) => ({
        heading: p.label,
        paragraphs: [report.parts[p.key] || 'Nothing to report.'],
      })),
    ],
  };
}
