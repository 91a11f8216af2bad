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
}

/** Where a request came from, for the access log. */
export interface RequestOrigin {
  sourceAddress: string | null;
  requestId: string | null;
}

export interface UseCaseContext {
  actor: Actor;
  origin: RequestOrigin;
  /** "Today" as an ISO date: rules never read the clock themselves. */
  today: string;
}
