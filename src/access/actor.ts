import { momentOf, type Clock, type Moment } from '../clock.ts';
import { daysBetween } from '../domain/dates.ts';
import type { Role } from '../domain/codes.ts';

/** The person (or service account) on whose behalf a use case runs. Every use case receives one. */
export interface Actor {
  userId: string;
  displayName: string;
  email: string;
  agencyId: string;
  agencyName: string;
  agencyType: string;
  areaCode: string;
  roles: Role[];
  /** Set when the actor is a machine client using a bearer token. */
  serviceAccountId?: string;
  /** A token's limits: read-only tokens never write; area-limited tokens see only those areas. */
  tokenScope?: TokenScope;
}

export interface TokenScope {
  readOnly: boolean;
  /** null = the user's own scope, unnarrowed. */
  areaCodes: string[] | null;
}

/** Where a request came from, for the access log. */
export interface RequestOrigin {
  sourceAddress: string | null;
  requestId: string | null;
}

/**
 * Who, from where, and when: `now` is the instant the use case runs at, from the one injected clock
 * (src/clock.ts), and every timestamp it writes; `today` is the same instant's date in Europe/London.
 * Rules never read the clock themselves.
 */
export interface UseCaseContext extends Moment {
  actor: Actor;
  origin: RequestOrigin;
}

/** The context of a use case run now by `clock`: "now" and "today" are read once, so they agree. */
export function contextAt(actor: Actor, origin: RequestOrigin, clock: Clock): UseCaseContext {
  return { actor, origin, ...momentOf(clock) };
}

/** The same actor's context as if run on `day` at the same time of day (demo data, back-dated work). */
export function contextOnDay(ctx: UseCaseContext, day: string): UseCaseContext {
  const now = new Date(ctx.now.getTime() + daysBetween(ctx.today, day) * 86_400_000);
  return { ...ctx, now, today: day };
}
