import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConflictError, FieldErrors } from '../../../domain/errors.ts';
import type { FieldSpec } from '../../../validation/fields.ts';
import { errorList } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { listAgencies, offenceList } from '../../reference/index.ts';
import { offenceClassification } from '../offence-classification.ts';
import { displayValue } from '../presenter.ts';
import { IDENTIFIER_TYPE } from '../sections.ts';
import type { PossibleDuplicate } from '../use-cases/duplicates.ts';

/** What one of the record's forms shows: its fields, what was typed, and any problem with it. */
export interface SectionFormPage {
  title: string;
  caption?: string;
  fields: readonly FieldSpec[];
  values: Record<string, unknown>;
  action: string;
  backLink: string;
  version?: number;
  errors?: FieldErrors;
  conflict?: ConflictError;
  /** A new person's form also asks for their identifiers. */
  identifiers?: boolean;
  /** The person's other convictions, for a "consecutive to" choice. */
  convictions?: { id: string; name: string }[];
  /** A new person who may already be recorded: the candidates, and a "different person" confirmation. */
  possibleDuplicates?: PossibleDuplicate[];
}

/** The offence list as the form offers it, each entry with what the list says of it. */
let offenceChoices: { name: string; classification: string }[] | undefined;
const offences = () =>
  (offenceChoices ??= offenceList().map((o) => ({
    name: o.offence,
    classification: offenceClassification(o.offence).text,
  })));

/**
 * Every form of the record (a new person, a section, a row) is one template driven by the section's
 * fields: 400 with the error summary when the input was refused, 409 with the other person's changes
 * when someone saved first.
 */
export const sectionForm =
  (web: Web) => async (request: FastifyRequest, reply: FastifyReply, page: SectionFormPage) => {
    const needsAgencies = page.fields.some((f) => f.kind === 'agency');
    const agencies = needsAgencies ? await listAgencies(web.database, request.actor!.areaCode) : [];
    const errors = page.errors ?? {};
    const suggesting = page.fields.filter((f) => f.kind === 'text' && f.suggest === 'offences');
    const classifications = Object.fromEntries(
      suggesting.map((f) => {
        const typed = String(page.values[f.key] ?? '').trim();
        return [f.key, typed ? offenceClassification(typed).text : ''];
      }),
    );
    // The other person's changes in words: dates in full, codes by label, agencies and convictions by name.
    const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
    const convictionName = new Map((page.convictions ?? []).map((c) => [c.id, c.name]));
    const inWords = (label: string, value: string) => {
      const field = page.fields.find((f) => f.label === label);
      if (!field || value === '') return value;
      if (field.kind === 'agency') return agencyName.get(value) ?? 'Another agency';
      return displayValue(field, value, (id) => convictionName.get(id));
    };
    const conflict = page.conflict && {
      message: page.conflict.message,
      changes: page.conflict.changes.map((c) => ({
        ...c,
        fields: c.fields.map((f) => ({
          label: f.label,
          before: inWords(f.label, f.before),
          after: inWords(f.label, f.after),
        })),
      })),
    };
    return reply
      .code(page.conflict || page.possibleDuplicates?.length ? 409 : page.errors ? 400 : 200)
      .render('nominals/views/section-form.njk', {
        ...page,
        conflict,
        errors,
        errorList: errorList(page.fields, errors),
        options: {
          agencies,
          convictions: page.convictions ?? [],
          offences: suggesting.length ? offences() : [],
        },
        suggests: suggesting.length > 0,
        classifications,
        identifierTypes: page.identifiers ? IDENTIFIER_TYPE : [],
        otherAreaMatches: (page.possibleDuplicates ?? []).filter((c) => !c.inScope).length,
      });
  };

export const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
