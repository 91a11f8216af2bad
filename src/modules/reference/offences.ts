import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config.ts';
import type { OffenceKind } from '../../domain/eligibility.ts';

/**
 * The offence reference list (data-reference/offences.json): each offence with its Schedule 3
 * entry and condition (SOA 2003), Schedule 15 flag (CJA 2003 / Sentencing Act 2020 Sch.18) and
 * terrorism flag (CTA 2008 s.41). Read once; it changes only with a release.
 */
export interface OffenceEntry {
  offence: string;
  act: string;
  schedule3: boolean;
  /** A condition code of src/domain/schedule3.ts; null = notifiable whatever the facts. */
  schedule3Condition?: string | null;
  schedule15: boolean;
  terrorism: boolean;
  kind: OffenceKind;
  note: string | null;
}

let offences: OffenceEntry[] | undefined;
let longestFirst: OffenceEntry[] | undefined;

/** Every offence on the list, in the list's order (for the conviction form's autocomplete). */
export function offenceList(): readonly OffenceEntry[] {
  offences ??= (
    JSON.parse(readFileSync(path.join(projectRoot, 'data-reference/offences.json'), 'utf8')) as {
      offences: OffenceEntry[];
    }
  ).offences;
  return offences;
}

/**
 * The list's entry for a recorded offence: the exact name, or a name that begins with one on the
 * list ("Rape of a female aged 16 or over (count 2)"). Undefined: the offence needs classifying.
 */
export function offenceByName(offence: string): OffenceEntry | undefined {
  longestFirst ??= [...offenceList()].sort((a, b) => b.offence.length - a.offence.length);
  const wanted = offence.trim().toLowerCase();
  return longestFirst.find((o) => wanted.startsWith(o.offence.toLowerCase()));
}
