import type { Tx } from '../../db/database.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parseVigilReference } from '../../domain/identifiers.ts';
import { isUuid } from '../../validation/fields.ts';
import { nominalByVigilRef, nominalHeadlines, type NominalHeadline } from '../nominals/index.ts';

/** Whose history is asked for: a person by Vigil reference or id, or any record by id. */
export interface Subject {
  recordId: string;
  vigilRef: string | null;
  name: string | null;
  areaCode: string | null;
}

export async function findSubject(tx: Tx, raw: unknown): Promise<Subject> {
  const q = typeof raw === 'string' ? raw.trim() : '';
  if (!q) throw new ValidationError({ q: 'Enter a Vigil reference, like VGL-0000001Y, or a record id' });
  let nominal: NominalHeadline | undefined;
  if (isUuid(q)) {
    const id = q.toLowerCase();
    nominal = (await nominalHeadlines(tx, [id])).get(id);
    // Any record's id will do: the log also names justified accesses, users and records since erased.
    if (!nominal) return { recordId: id, vigilRef: null, name: null, areaCode: null };
  } else {
    const ref = parseVigilReference(q);
    if (!ref.ok) throw new ValidationError({ q: `${ref.error}, or give a record id` });
    nominal = await nominalByVigilRef(tx, ref.value);
    if (!nominal) throw new ValidationError({ q: `No person has the Vigil reference ${ref.value}` });
  }
  return { recordId: nominal.id, vigilRef: nominal.vigilRef, name: nominal.name, areaCode: nominal.areaCode };
}
