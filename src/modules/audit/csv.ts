import { ROLE, labelOf } from '../../domain/codes.ts';

/** One access-log entry as the DPO's pages, API and exports show it. */
export interface AccessLogRow {
  seq: number;
  /** UTC, ISO 8601 with microseconds. */
  at: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  agencyName: string | null;
  roles: string[];
  serviceAccountId: string | null;
  operation: string;
  recordType: string;
  recordIds: string[];
  section: string | null;
  purpose: string | null;
  recipients: string[];
  /** The recipients as people read them: users and agencies by name. */
  recipientNames: string[];
  sourceAddress: string | null;
  requestId: string | null;
}

const HEADER = [
  'Entry',
  'When (UTC)',
  'User',
  'User email',
  'Agency',
  'Roles',
  'Operation',
  'Record type',
  'Record ids',
  'Section',
  'Purpose',
  'Recipients',
  'Source address',
  'Request id',
];

/**
 * RFC 4180 CSV (CRLF, quoted where needed) with a byte-order mark so spreadsheet programs read it
 * as UTF-8. A cell starting with = + - @ or a control character is prefixed with ' so a spreadsheet
 * never runs it as a formula (OWASP "CSV injection").
 */
export function accessHistoryCsv(entries: readonly AccessLogRow[]): string {
  const lines = [
    HEADER,
    ...entries.map((e) => [
      String(e.seq),
      e.at,
      e.userName ?? '',
      e.userEmail ?? '',
      e.agencyName ?? '',
      e.roles.map((r) => labelOf(ROLE, r)).join('; '),
      e.operation,
      e.recordType,
      e.recordIds.join(' '),
      e.section ?? '',
      e.purpose ?? '',
      e.recipients.join('; '),
      e.sourceAddress ?? '',
      e.requestId ?? '',
    ]),
  ];
  return `\ufeff${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
