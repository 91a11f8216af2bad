import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { POLICE_CHECK_LETTERS, croCheckCharacter, pncCheckCharacter } from '../../src/domain/identifiers.ts';

/** Valid identifiers, different on every call (random serials), in their canonical stored form. */
export function newPnc(year = 2012): string {
  const serial = randomInt(1, 9_999_999);
  return `${year}/${String(serial).padStart(7, '0')}${pncCheckCharacter(year, serial)}`;
}

/** A PNC ID whose check character is wrong. */
export function pncWithWrongCheck(year = 2012): string {
  const valid = newPnc(year);
  const check = valid.slice(-1);
  const wrong =
    POLICE_CHECK_LETTERS[(POLICE_CHECK_LETTERS.indexOf(check) + 1) % POLICE_CHECK_LETTERS.length]!;
  return valid.slice(0, -1) + wrong;
}

export function newCro(year = 21): string {
  const serial = randomInt(1, 999_999);
  return `${String(serial).padStart(6, '0')}/${String(year).padStart(2, '0')}${croCheckCharacter(serial, year)}`;
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const letter = () => LETTERS[randomInt(0, LETTERS.length)]!;
const digits = (n: number) => String(randomInt(0, 10 ** n)).padStart(n, '0');

export function newCrn(): string {
  return `${letter()}${digits(6)}`;
}

export function newPrisonNumber(): string {
  return `${letter()}${digits(4)}${letter()}${letter()}`;
}

export interface IdentitySeed {
  forename?: string;
  surname?: string;
  dateOfBirth?: string;
}

/** A complete, valid identity section. */
export function identity(seed: IdentitySeed = {}): Record<string, unknown> {
  return {
    forename: seed.forename ?? 'John',
    middleNames: null,
    surname: seed.surname ?? 'Smith',
    dateOfBirth: seed.dateOfBirth ?? '1980-05-17',
    sex: 'male',
    genderIdentity: 'same_as_sex',
    ethnicity: 'W1',
    nationality: 'British',
    disability: 'no',
    religion: 'no_religion',
    language: 'English',
    interpreterNeeded: false,
  };
}

/** Row counts of the tables a write touches: proves "nothing was written". */
export async function countRows(database: Database): Promise<Record<string, number>> {
  const tables = [
    'nominals',
    'nominal_names',
    'nominal_identifiers',
    'nominal_aliases',
    'addresses',
    'relationships',
    'convictions',
    'risk_assessments',
    'markers',
    'nominal_managers',
    'nominal_changes',
    'access_log',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * Asserts the promise rejects with an instance of `errorClass` and returns the error, so its
 * fields (fieldErrors, changes) can be checked.
 */
export async function rejection<E extends Error>(
  promise: Promise<unknown>,
  errorClass: new (...args: never[]) => E,
): Promise<E> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a ${errorClass.name}`).toBeInstanceOf(errorClass);
  return caught as E;
}

/** Access-log rows naming a record, oldest first. */
export async function accessLogFor(database: Database, recordId: string) {
  const rows = await database.db
    .selectFrom('access_log')
    .select(['user_id', 'operation', 'record_type', 'record_ids', 'section', 'source_address', 'request_id'])
    .where(sql<boolean>`${recordId}::uuid = ANY(record_ids)`)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, record_ids: parseUuidArray(r.record_ids as unknown) }));
}

/** uuid[] comes back as an array from node-postgres and PGlite; accept the text form too. */
export function parseUuidArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}
