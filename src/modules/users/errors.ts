import type { SuspensionReason } from './access-status.ts';

/** Too many failed attempts in the sliding window, for the account or the source address. */
export class TooManyAttemptsError extends Error {
  constructor() {
    super('You have tried too many times. Wait 5 minutes, then try again.');
  }
}

/** The user proved who they are, but may not use Vigil now (vetting lapsed, no training recorded). */
export class AccessSuspendedError extends Error {
  constructor(readonly reason: SuspensionReason) {
    super(`Access suspended: ${reason}`);
  }
}
