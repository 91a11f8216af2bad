import { parse } from 'csv-parse/sync';
import { normalisePhoneNumber } from '../../domain/communications-monitoring.ts';
import { isRealDate, londonDateAt } from '../../domain/dates.ts';
import { londonInstant } from '../meetings/index.ts';

/**
 * Reads a prison phone system's call records (CSV: timestamp, number called, duration, PIN
 * account), row by row, so an import can show a preview with each row's problem and write nothing
 * while any row is wrong. Header names vary between systems: a few spellings of each are accepted.
 * Times without an offset are London wall-clock times (as the phone system prints them).
 */

export interface CallRecord {
  /** The row in the file (the header is row 1). */
  row: number;
  calledAt: Date;
  /** The London day of the call. */
  on: string;
  number: string;
  durationSeconds: number;
  pinAccount: string;
}

export interface RowProblem {
  row: number;
  message: string;
}

/** The most rows one file may hold: a month of an establishment's calls. */
export const MOST_CALL_RECORDS = 200_000;

const COLUMNS = {
  timestamp: ['timestamp', 'date time', 'datetime', 'call start', 'start time', 'date and time'],
  number: ['number called', 'number', 'dialled number', 'called number', 'destination'],
  duration: ['duration', 'duration seconds', 'duration (seconds)', 'call duration'],
  pinAccount: ['pin account', 'pin', 'pin number', 'account'],
} as const;
type Column = keyof typeof COLUMNS;

const squash = (s: string) => s.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');

function timestampOf(raw: string): Date | null {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const parts = iso
    ? { y: iso[1]!, m: iso[2]!, d: iso[3]!, hh: iso[4]!, mm: iso[5]!, ss: iso[6] }
    : uk
      ? {
          y: uk[3]!,
          m: uk[2]!.padStart(2, '0'),
          d: uk[1]!.padStart(2, '0'),
          hh: uk[4]!,
          mm: uk[5]!,
          ss: uk[6],
        }
      : null;
  if (!parts) return null;
  const date = `${parts.y}-${parts.m}-${parts.d}`;
  if (!isRealDate(date) || Number(parts.hh) > 23) return null;
  const at = londonInstant(date, `${parts.hh.padStart(2, '0')}:${parts.mm}`);
  return new Date(at.getTime() + Number(parts.ss ?? 0) * 1000);
}

function durationOf(raw: string): number | null {
  const text = raw.trim();
  if (/^\d{1,6}$/.test(text)) return Number(text);
  const hms = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (!hms) return null;
  return Number(hms[1] ?? 0) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
}

/** Every row's call record, or its problem; the file's own problem (no header, too long) as row 1. */
export function readCallRecords(text: string, now: Date): { records: CallRecord[]; problems: RowProblem[] } {
  let table: string[][];
  try {
    table = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    return {
      records: [],
      problems: [{ row: 1, message: `The file is not readable as CSV: ${(error as Error).message}` }],
    };
  }
  const [header, ...rows] = table;
  if (!header) return { records: [], problems: [{ row: 1, message: 'The file is empty' }] };
  const index = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const at = header.findIndex((h) => (COLUMNS[column] as readonly string[]).includes(squash(h)));
    if (at < 0) missing.push(COLUMNS[column][0]);
    index[column] = at;
  }
  if (missing.length)
    return {
      records: [],
      problems: [{ row: 1, message: `The header row needs the columns: ${missing.join(', ')}` }],
    };
  if (rows.length > MOST_CALL_RECORDS)
    return {
      records: [],
      problems: [
        {
          row: 1,
          message: `The file has ${rows.length} rows: import at most ${MOST_CALL_RECORDS} at a time`,
        },
      ],
    };

  const records: CallRecord[] = [];
  const problems: RowProblem[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: Column) => cells[index[c]] ?? '';
    const wrong: string[] = [];
    const calledAt = timestampOf(cell('timestamp'));
    if (!calledAt)
      wrong.push(`the timestamp “${cell('timestamp')}” is not a date and time (like 2026-11-20 14:05)`);
    else if (calledAt.getTime() > now.getTime()) wrong.push('the timestamp is in the future');
    const number = normalisePhoneNumber(cell('number'));
    if (number.replace('+', '').length < 3)
      wrong.push(`the number called “${cell('number')}” has too few digits`);
    const durationSeconds = durationOf(cell('duration'));
    if (durationSeconds === null) wrong.push(`the duration “${cell('duration')}” is not seconds or h:mm:ss`);
    const pinAccount = cell('pinAccount').trim();
    if (!pinAccount) wrong.push('the PIN account is blank');
    if (wrong.length) problems.push({ row, message: `Row ${row}: ${wrong.join('; ')}` });
    else
      records.push({
        row,
        calledAt: calledAt!,
        on: londonDateAt(calledAt!.getTime()),
        number,
        durationSeconds: durationSeconds!,
        pinAccount,
      });
  });
  return { records, problems };
}
