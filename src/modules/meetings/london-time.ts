import { formatDateLong, londonDateAt } from '../../domain/dates.ts';

/** Meetings are held at a London wall-clock time (BST or GMT as it falls); they are stored as instants. */

function londonParts(epochMillis: number) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(epochMillis);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** The instant of a London wall-clock date and time (BST or GMT as it falls). */
export function londonInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const offsetAt = (ms: number) => {
    const p = londonParts(ms);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000;
  };
  let instant = wall - offsetAt(wall);
  const second = offsetAt(instant);
  if (wall - second !== instant) instant = wall - second;
  return new Date(instant);
}

/** 'HH:MM' in London at an instant. */
export function londonTime(instant: Date | string): string {
  const p = londonParts(new Date(instant).getTime());
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** The London day a meeting is held on. */
export const meetingDay = (startsAt: Date | string) => londonDateAt(new Date(startsAt).getTime());

/** The meeting as people know it, never by its id: "Level 2 meeting on 5 December 2026 at 10:00". */
export const meetingName = (meeting: { level: number; starts_at: Date | string }) =>
  `Level ${meeting.level} meeting on ${formatDateLong(meetingDay(meeting.starts_at))} at ${londonTime(meeting.starts_at)}`;
