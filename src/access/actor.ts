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

export interface UseCaseContext {
  actor: Actor;
  origin: RequestOrigin;
  /** "Today" as an ISO date: rules never read the clock themselves. */
  today: string;
}
