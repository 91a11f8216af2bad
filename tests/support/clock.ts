import { momentOf, runningClock, type Moment } from '../../src/clock.ts';

/** "Today" in every test, so date rules are deterministic whatever the machine's date. */
export const TODAY = '2026-11-23';

/**
 * The suites' one clock, injected into every app and use-case context they make: noon in London on
 * TODAY, running on from there so that each write still has its own instant. It never reads the
 * machine's date, so the suites pass under `faketime` a year ahead. Tests that need a time step to
 * pass (a fresh two-factor code, an idle session) move it with `advance` instead of waiting.
 */
export const testClock = runningClock(`${TODAY}T12:00:00Z`);

/** One reading of the test clock, for use cases that take a moment rather than a user's context. */
export const testMoment = (): Moment => momentOf(testClock);

/** `env` with `now` read from the test clock at each use (as each request reads the real one). */
export function onTestClock<T extends object>(env: T): T & { readonly now: Date } {
  return Object.defineProperty({ ...env }, 'now', { get: () => testClock.now(), enumerable: true }) as T & {
    readonly now: Date;
  };
}
