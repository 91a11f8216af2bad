import type { ConflictingChange } from '../../../domain/errors.ts';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import type { FieldSpec } from '../../../validation/fields.ts';
import { findSection, type RowSection } from '../sections.ts';

/** A section's values by field key, as the API and forms name them. */
export type Values = Record<string, unknown>;

/** Values as columns of the section's table. */
export function toColumns(fields: readonly FieldSpec[], values: Values): Record<string, unknown> {
  // An unanswered yes/no question is stored as "no", as the columns are NOT NULL.
  return Object.fromEntries(
    fields.map((f) => [f.column, values[f.key] ?? (f.kind === 'boolean' ? false : null)]),
  );
}

/** A stored row as values by field key. */
export function toValues(fields: readonly FieldSpec[], row: Record<string, unknown>): Values {
  return Object.fromEntries(
    fields.map((f) => {
      const v = row[f.column];
      return [f.key, f.kind === 'decimal' && v !== null && v !== undefined ? Number(v) : (v ?? null)];
    }),
  );
}

/** Just the changed fields' values, for the timeline's before and after. */
export const pick = (values: Values, changes: { key: string }[]) =>
  Object.fromEntries(changes.map((c) => [c.key, values[c.key] ?? null]));

/** Someone else saved first: nothing is written, and they see what the other person changed. */
export function conflict(changes: ConflictingChange[]) {
  return new ConflictError(
    'Someone else changed this information after you opened it. Your changes have not been saved. Check what they changed, then make your changes again.',
    changes,
  );
}

/** A section of rows by the name in the address: an unknown one is "not found". */
export function requireSection(name: string): RowSection {
  const section = findSection(name);
  if (!section) throw new NotFoundError();
  return section;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
