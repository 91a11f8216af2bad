import { z, type ZodType } from 'zod';
import { ValidationError, type FieldErrors } from '../domain/errors.ts';

/**
 * One zod schema per input: the same object checks an HTML form (here, in the route), a JSON body
 * (handed to Fastify as the route's schema, see web/api.ts) and becomes the OpenAPI document. Its
 * messages are written for people, in the GOV.UK style ("Enter…", "Select…").
 */

/** The value, or a ValidationError naming each bad field (the first problem of each). */
export function parseInput<S extends ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new ValidationError(fieldErrorsOf(result.error));
}

/** Field name → message, in the order zod found them; nested fields are named `a.b`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : 'body';
    errors[key] ??= friendly(issue, key);
  }
  return errors;
}

/** zod's own wording ("Invalid input: expected string…") is for developers: say it plainly instead. */
function friendly(issue: z.core.$ZodIssue, key: string): string {
  if (!issue.message.startsWith('Invalid input') && !issue.message.startsWith('Unrecognized key'))
    return issue.message;
  if (issue.code === 'unrecognized_keys')
    return `Remove the unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  if (key === 'body') return 'Send a JSON object';
  return `Enter a valid ${key}`;
}

/**
 * Text as a form or JSON sends it: trimmed, NUL refused (PostgreSQL cannot store it), at most `max`
 * characters. `label` names the field in messages.
 */
export function text(label: string, max: number) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .max(max, { error: `${capitalised(label)} must be ${max} characters or fewer` })
    .refine((v) => !v.includes('\0'), { error: `${capitalised(label)} must not contain a NUL character` });
}

/** A version number sent back with an edit (from a hidden form field, or JSON). */
export const version = z.coerce
  .number({ error: 'Reload the page: the version is missing' })
  .int({ error: 'Reload the page: the version is missing' })
  .describe('The version you read: a stale one is refused with 409');

/** An id in the address: any string, so a malformed one is "not found" (404), like an unknown one. */
export const pathId = z.string().describe('An id (UUID)');

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
