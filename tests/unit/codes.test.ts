import { describe, it, expect, expectTypeOf } from 'vitest';
import { z } from 'zod';
import {
  ADDRESS_TYPE,
  AGENCY_TYPE,
  DISABILITY,
  ETHNIC_GROUP,
  ETHNICITY,
  GENDER_IDENTITY,
  MANAGER_ROLE,
  MAPPA_CATEGORY,
  MAPPA_LEVEL,
  MARKER_TYPE,
  OUTCOME,
  RELATIONSHIP_TYPE,
  RELIGION,
  RM2000_LEVEL,
  ROLE,
  ROSH_GROUPS,
  ROSH_LEVEL,
  SCORE_BAND,
  SEX,
  SEXUAL_ORIENTATION,
  codesOf,
  ethnicGroupOf,
  isCode,
  isResponsibleAuthority,
  labelOf,
  lengthRequiredFor,
  type AgencyType,
  type CodeList,
  type Ethnicity,
  type MappaCategory,
  type MappaLevel,
  type Role,
  type Sex,
} from '../../src/domain/codes.ts';

const ALL_LISTS: Record<string, CodeList> = {
  ETHNIC_GROUP,
  ETHNICITY,
  SEX,
  GENDER_IDENTITY,
  RELIGION,
  SEXUAL_ORIENTATION,
  DISABILITY,
  ADDRESS_TYPE,
  RELATIONSHIP_TYPE,
  OUTCOME,
  ROSH_LEVEL,
  ROSH_GROUPS,
  RM2000_LEVEL,
  SCORE_BAND,
  MARKER_TYPE,
  MANAGER_ROLE,
  AGENCY_TYPE,
  ROLE,
  MAPPA_CATEGORY,
  MAPPA_LEVEL,
};

describe.each(Object.entries(ALL_LISTS))('%s', (_name, list) => {
  it('has unique codes and labels, none blank', () => {
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((e) => e.code)).size).toBe(list.length);
    expect(new Set(list.map((e) => e.label)).size).toBe(list.length);
    for (const entry of list) expect(entry.label.trim()).not.toBe('');
  });

  it('uses stable code shapes', () => {
    for (const { code } of list) {
      expect(String(code)).toMatch(/^(?:[a-z][a-z0-9_]*|[A-Z][A-Z0-9_]*|[1-9])$/);
    }
  });
});

describe('isCode, labelOf and codesOf', () => {
  it('recognises codes and nothing else', () => {
    expect(isCode(SEX, 'male')).toBe(true);
    expect(isCode(SEX, 'MALE')).toBe(false);
    expect(isCode(SEX, 'label')).toBe(false);
    expect(isCode(SEX, undefined)).toBe(false);
    expect(isCode(MAPPA_LEVEL, 2)).toBe(true);
    expect(isCode(MAPPA_LEVEL, '2')).toBe(false);
    expect(isCode(MAPPA_LEVEL, 4)).toBe(false);
  });

  it('narrows the type', () => {
    const value: unknown = 'female';
    if (isCode(SEX, value)) expectTypeOf(value).toEqualTypeOf<Sex>();
  });

  it('gives labels, and shows an unknown code as itself', () => {
    expect(labelOf(ROSH_LEVEL, 'VERY_HIGH')).toBe('Very high');
    expect(labelOf(MARKER_TYPE, 'mental_health')).toBe('Mental health / restricted patient');
    expect(labelOf(MAPPA_CATEGORY, 3)).toBe('Category 3');
    expect(labelOf(SEX, 'withdrawn_code')).toBe('withdrawn_code');
  });

  it('lists codes in order, usable as a zod enum', () => {
    expect(codesOf(SEX)).toEqual(['male', 'female', 'not_known']);
    const schema = z.enum(codesOf(ROSH_LEVEL));
    expect(schema.safeParse('HIGH').success).toBe(true);
    expect(schema.safeParse('high').success).toBe(false);
  });
});

describe('ETHNICITY', () => {
  it('has the 19 ONS 2021 categories plus not stated', () => {
    expect(ETHNICITY).toHaveLength(20);
    expect(ETHNICITY.filter((e) => e.code !== 'NS')).toHaveLength(19);
  });

  it.each([
    ['asian', 5],
    ['black', 3],
    ['mixed', 4],
    ['white', 5],
    ['other', 2],
    ['not_stated', 1],
  ])('has %s categories: %d', (group, count) => {
    expect(ETHNICITY.filter((e) => e.group === group)).toHaveLength(count);
  });

  it('keeps every category in a known group, under that group’s name', () => {
    for (const entry of ETHNICITY) {
      expect(isCode(ETHNIC_GROUP, entry.group)).toBe(true);
      if (entry.code !== 'NS')
        expect(entry.label.startsWith(`${labelOf(ETHNIC_GROUP, entry.group)}: `)).toBe(true);
    }
  });

  it('uses the NOMIS / nDelius codes', () => {
    const byCode = (code: Ethnicity) => labelOf(ETHNICITY, code);
    expect(byCode('A1')).toMatch(/Indian$/);
    expect(byCode('B1')).toMatch(/Caribbean$/);
    expect(byCode('M3')).toMatch(/White and Asian$/);
    expect(byCode('W1')).toMatch(/English, Welsh, Scottish, Northern Irish or British$/);
    expect(byCode('W3')).toMatch(/Gypsy or Irish Traveller$/);
    expect(byCode('W5')).toMatch(/Roma$/);
    expect(byCode('O2')).toMatch(/Arab$/);
    expect(ethnicGroupOf('W5')).toBe('white');
    expect(ethnicGroupOf('NS')).toBe('not_stated');
  });
});

describe('OUTCOME', () => {
  it.each([
    ['custody', 'custody'],
    ['suspended_sentence', 'months'],
    ['community_order', 'months'],
    ['conditional_discharge', 'months'],
    ['hospital_order', 'none'],
    ['hospital_order_restricted', 'none'],
    ['guardianship', 'none'],
    ['caution', 'none'],
    ['absolute_discharge', 'none'],
    ['fine', 'none'],
    ['other', 'none'],
  ] as const)('%s needs length: %s', (outcome, length) => {
    expect(lengthRequiredFor(outcome)).toBe(length);
  });

  it('covers every disposal', () => {
    expect(OUTCOME).toHaveLength(11);
  });
});

describe('risk vocabularies', () => {
  it('RoSH and RM2000 share the four OASys levels', () => {
    expect(codesOf(ROSH_LEVEL)).toEqual(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']);
    expect(ROSH_LEVEL.map((e) => e.label)).toEqual(['Low', 'Medium', 'High', 'Very high']);
    expect(RM2000_LEVEL).toBe(ROSH_LEVEL);
  });

  it('has the RoSH groups, score bands and markers from the domain brief', () => {
    expect(codesOf(ROSH_GROUPS)).toEqual(['children', 'public', 'known_adult', 'staff', 'prisoners']);
    expect(codesOf(SCORE_BAND)).toEqual(['low', 'medium', 'high', 'very_high']);
    expect(codesOf(MARKER_TYPE)).toEqual([
      'domestic_abuse',
      'stalking',
      'child_safeguarding',
      'terrorism_risk',
      'mental_health',
      'gang_organised_crime',
      'weapons',
    ]);
  });
});

describe('agencies', () => {
  it.each(['police', 'probation', 'prison'] as const)('%s is a Responsible Authority agency', (type) => {
    expect(isResponsibleAuthority(type)).toBe(true);
  });

  it('every other agency has a duty to co-operate', () => {
    const dtc = AGENCY_TYPE.filter((e) => !isResponsibleAuthority(e.code)).map((e) => e.code);
    expect(dtc).toEqual([
      'childrens_social_care',
      'adult_social_care',
      'health',
      'housing',
      'yot',
      'jobcentre_plus',
      'education',
      'electronic_monitoring',
      'immigration',
    ]);
    expectTypeOf(dtc).toEqualTypeOf<AgencyType[]>();
  });
});

describe('ROLE', () => {
  it('has every user role from MAPPA.md §5', () => {
    const expected: Role[] = [
      'probation_practitioner',
      'senior_probation_officer',
      'police_offender_manager',
      'prison_offender_manager',
      'head_of_offender_management_unit',
      'prison_security',
      'prison_public_protection_lead',
      'mappa_coordinator',
      'mappa_administrator',
      'meeting_chair',
      'dtc_representative',
      'victim_liaison_officer',
      'smb_member',
      'lay_adviser',
      'national_analyst',
      'data_protection_officer',
      'admin',
    ];
    expect(codesOf(ROLE)).toEqual(expected);
  });
});

describe('MAPPA category and level', () => {
  it('has categories 1–4 and levels 1–3', () => {
    expect(codesOf(MAPPA_CATEGORY)).toEqual([1, 2, 3, 4]);
    expect(codesOf(MAPPA_LEVEL)).toEqual([1, 2, 3]);
    expectTypeOf<MappaCategory>().toEqualTypeOf<1 | 2 | 3 | 4>();
    expectTypeOf<MappaLevel>().toEqualTypeOf<1 | 2 | 3>();
    expect(MAPPA_CATEGORY.find((c) => c.code === 1)?.description).toBe('Registered sexual offenders');
    expect(labelOf(MAPPA_LEVEL, 3)).toBe('Level 3');
  });
});
