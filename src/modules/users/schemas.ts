import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';

/**
 * One zod schema per input of sign-in, the account pages and user administration. These are forms
 * (and query strings) only, with no JSON equivalent; the schemas say what each carries and turn
 * what a browser may send into plain strings, never refusing: the checks with their messages are the
 * use cases' (sessions.ts, account.ts, administration.ts), which the command line and tests also call.
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A form's fields; a body (or query) that is not an object of fields reads as an empty form. */
const form = <S extends z.ZodRawShape>(shape: S) =>
  z.preprocess((body) => (isObject(body) ? body : {}), z.object(shape));

/** A sign-in field: what was typed; the first value if the field came more than once; else ''. */
const firstText = z.preprocess(
  (v) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : ''),
  z.string(),
);

/** An administration field: what was typed, or '' for anything that is not one piece of text. */
const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());

/** Checkboxes: none, one (a string) or several. */
const choices = z.preprocess(
  (v) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []),
  z.array(z.string()),
);

// --- Signing in and the account ----------------------------------------------------------------

export const SignInForm = form({ email: firstText, password: firstText });
export const CodeForm = form({ code: firstText });
export const RecoveryCodeForm = form({ recoveryCode: firstText });
export const PasswordForm = form({
  currentPassword: firstText,
  newPassword: firstText,
  confirmPassword: firstText,
});
/** `next` is where to go back to: checked to be a path on this site (sameOriginPath) before use. */
export const ReauthenticateForm = form({ code: firstText, next: firstText });
export const ReauthenticateQuery = form({ next: z.unknown() });
export const SignedOutQuery = form({ reason: text });
export const AccountQuery = form({ recoveryCodesLeft: text, passwordChanged: text });

// --- User administration -------------------------------------------------------------------------

export const UserParams = z.object({ id: pathId });
export const TokenParams = z.object({ id: pathId, tokenId: pathId });
export const AdminUserQuery = form({ done: text });
/** Issuing an API token from the user's page (the same checks as `vigil token add`). */
export const TokenForm = form({ name: text, access: text, areas: text, expiresDays: text });

/** A GOV.UK date input's three boxes. */
const dateBoxes = <K extends string>(key: K) =>
  ({ [`${key}-day`]: text, [`${key}-month`]: text, [`${key}-year`]: text }) as Record<
    `${K}-${'day' | 'month' | 'year'}`,
    typeof text
  >;

/** Adding a user, or changing one's roles, vetting and training (`version` then). */
export const UserForm = form({
  email: text,
  displayName: text,
  agencyId: text,
  password: text,
  roles: choices,
  vettingLevel: text,
  ...dateBoxes('vettingExpiresOn'),
  ...dateBoxes('trainingCompletedOn'),
  version: text,
});
export type UserFormValues = z.output<typeof UserForm>;
