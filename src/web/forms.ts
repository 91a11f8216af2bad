import type { FastifyRequest } from 'fastify';
import { ConflictError, ValidationError, type FieldErrors } from '../domain/errors.ts';
import type { FieldSpec } from '../validation/fields.ts';

/** Turns a submitted HTML form into use-case input: GOV.UK date inputs arrive as three parts. */
export function formToInput(
  fields: readonly FieldSpec[],
  body: Record<string, unknown>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.kind === 'date') {
      const [day, month, year] = ['day', 'month', 'year'].map((p) =>
        String(body[`${field.key}-${p}`] ?? '').trim(),
      );
      input[field.key] =
        day || month || year ? `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` : '';
    } else input[field.key] = body[field.key] ?? '';
  }
  return input;
}

/** Values to redisplay in a form: dates split back into their parts. */
export function inputToForm(
  fields: readonly FieldSpec[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const form: Record<string, unknown> = { ...values };
  for (const field of fields) {
    if (field.kind !== 'date') continue;
    const value = values[field.key];
    const match = typeof value === 'string' ? /^(\d*)-(\d*)-(\d*)$/.exec(value) : null;
    form[`${field.key}-day`] = match ? String(Number(match[3]) || match[3]) : '';
    form[`${field.key}-month`] = match ? String(Number(match[2]) || match[2]) : '';
    form[`${field.key}-year`] = match ? match[1] : '';
  }
  return form;
}

/** The GOV.UK error summary list; each entry links to its field (the first part, for dates). */
export function errorList(fields: readonly FieldSpec[], errors: FieldErrors) {
  return Object.entries(errors).map(([key, text]) => {
    const field = fields.find((f) => f.key === key);
    return { text, href: `#${field?.kind === 'date' ? `${key}-day` : key}` };
  });
}

/** A request's body as an object (a form, or JSON on the API); anything else is refused as invalid input. */
export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ValidationError({ body: 'Send a JSON object' });
  return body as Record<string, unknown>;
}

/** A file chosen in a form (multipart; set-up-forms reads it as text): its name and contents. */
export interface UploadedFile {
  name: string;
  text: string;
}

/** A form's chosen file, or null when none was chosen. */
export function uploadedFile(value: unknown): UploadedFile | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, text } = value as Partial<UploadedFile>;
  return typeof name === 'string' && typeof text === 'string' ? { name, text } : null;
}

/** An ISO date as the three values of a GOV.UK date input named `key` (nothing for no date). */
export function dateParts(key: string, iso: string | null | undefined): Record<string, string> {
  if (!iso) return {};
  const [year, month, day] = iso.split('-');
  return {
    [`${key}-day`]: String(Number(day)),
    [`${key}-month`]: String(Number(month)),
    [`${key}-year`]: year ?? '',
  };
}

/** Why a form is shown again: each field's problem (400), or someone else's change first (409). */
export interface FormProblem {
  status: 400 | 409;
  errors: FieldErrors;
  conflict?: ConflictError;
}

/**
 * Every form's submission: runs the use case; if the input is refused (ValidationError) or someone
 * else saved first (ConflictError), the form is shown again — the GOV.UK error summary, what was
 * typed kept, nothing saved — otherwise `done` answers (usually a redirect). Anything else is an
 * error for the app's handler.
 */
export async function handleForm<T>(form: {
  attempt: () => Promise<T>;
  done: (result: T) => unknown;
  redisplay: (problem: FormProblem) => unknown;
}): Promise<unknown> {
  let result: T;
  try {
    result = await form.attempt();
  } catch (error) {
    if (error instanceof ValidationError) return form.redisplay({ status: 400, errors: error.fieldErrors });
    if (error instanceof ConflictError) return form.redisplay({ status: 409, errors: {}, conflict: error });
    throw error;
  }
  return form.done(result);
}
