import type { FastifyReply } from 'fastify';
import type { ConflictError, FieldErrors } from '../../../domain/errors.ts';
import type { FieldSpec } from '../../../validation/fields.ts';
import { errorList } from '../../../web/forms.ts';

/**
 * A custody step's form (reception, dates, allocation…, a ROTL's application, decision, outcome):
 * blank, or what was typed with what is wrong (400), or who saved first (409).
 */
export function renderStepForm(
  reply: FastifyReply,
  page: {
    title: string;
    personName: string;
    fields: readonly FieldSpec[];
    values: Record<string, unknown>;
    problem: { errors?: FieldErrors; conflict?: ConflictError };
    version: number | undefined;
    action: string;
    backLink: string;
    agencies?: readonly unknown[];
  },
) {
  const errors = page.problem.errors ?? {};
  return reply
    .code(page.problem.conflict ? 409 : page.problem.errors ? 400 : 200)
    .render('custody/views/step-form.njk', {
      title: page.title,
      caption: page.personName,
      fields: page.fields,
      values: page.values,
      errors,
      errorList: errorList(page.fields, errors),
      conflict: page.problem.conflict,
      options: { agencies: page.agencies ?? [], convictions: [] },
      version: page.version,
      action: page.action,
      backLink: page.backLink,
    });
}
