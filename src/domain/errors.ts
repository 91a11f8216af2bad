/** Field name → message, in the order the fields appear on the form. */
export type FieldErrors = Record<string, string>;

/** Input that breaks a rule. Nothing has been written. */
export class ValidationError extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = 'There is a problem with the information you entered',
  ) {
    super(message);
  }
}

/** Someone else saved this first; `changes` says what they changed so nothing is lost on either side. */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly changes: ConflictingChange[] = [],
    /** Further members of the API's problem+json (RFC 9457 §3.2), e.g. a possible duplicate's candidates. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ConflictingChange {
  at: string;
  by: string;
  summary: string;
  fields: { label: string; before: string; after: string }[];
}

/** Missing, or out of the user's scope: the two are deliberately indistinguishable to the user. */
export class NotFoundError extends Error {
  constructor(
    message = 'Page not found',
    /** A refused attempt on a record, kept for the access log (the user is told only "not found"). */
    readonly attempt?: { recordType: string; recordIds: string[]; section?: string },
  ) {
    super(message);
  }
}

export class ForbiddenError extends Error {
  constructor(
    message = 'You do not have permission to do that',
    /** Why, for the access log (every refusal is logged); the message when not given. */
    readonly reason: string = message,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends Error {
  constructor(message = 'Sign in to continue') {
    super(message);
  }
}
