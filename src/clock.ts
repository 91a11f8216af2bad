import { londonDateAt } from './domain/dates.ts';

/**
 * The one clock. Every use case, rule, query and template takes "now" and "today" from the clock
 * injected at the edge (the web app, the CLI, a test) and carried in the use case context; nothing
 * else reads the machine's clock or the database's `now()` (eslint refuses it outside this file).
 * Production runs on the real time; "today" is the calendar date in Europe/London.
 */
export interface Clock {
  now(): Date;
}

/** The machine's real time: the only wall-clock read in Vigil. */
export const systemClock: Clock = { now: () => new Date() };

/** Today's date in Europe/London by this clock, as an ISO date. */
export function todayBy(clock: Clock): string {
  return londonDateAt(clock.now().getTime());
}

/** One reading of the clock: the instant and its London date, so the two always agree. */
export interface Moment {
  now: Date;
  today: string;
}

export function momentOf(clock: Clock): Moment {
  const now = clock.now();
  return { now, today: londonDateAt(now.getTime()) };
}

/** A clock tests set and move by hand. */
export interface SettableClock extends Clock {
  set(at: Date | string): void;
  advance(milliseconds: number): void;
}

/** A clock that stands still at `at` until moved. */
export function fixedClock(at: Date | string): SettableClock {
  let current = new Date(at).getTime();
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next).getTime();
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}

/** A clock that runs with real time from `at` (for tests whose waits must pass, e.g. a moving two-factor window). */
export function runningClock(at: Date | string, base: Clock = systemClock): SettableClock {
  let offset = new Date(at).getTime() - base.now().getTime();
  return {
    now: () => new Date(base.now().getTime() + offset),
    set: (next) => {
      offset = new Date(next).getTime() - base.now().getTime();
    },
    advance: (milliseconds) => {
      offset += milliseconds;
    },
  };
}
