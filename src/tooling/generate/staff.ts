import type { Role } from '../../domain/codes.ts';
import { Random, hashSeed } from '../demo/random.ts';
import { KIND, rowId, type AreaPlan } from './plan.ts';
import type { GenerationReference } from './reference.ts';

/**
 * The staff of each area: users for every agency with the roles MAPPA work needs. Each user has a
 * fixed number within their area, so a person's managers are found by arithmetic, not a lookup.
 */

export interface AreaAgencies {
  police: string[];
  probation: string[];
  prison: string[];
  /** Duty-to-co-operate agencies, each with its type. */
  dtc: { id: string; type: string }[];
  /** The standing panel (recommendation 9): children's social care, health, housing, first of each. */
  standing: string[];
}

/** Numbering within an area: specials, then blocks per role. */
const BLOCK = {
  coordinator: 0,
  administrator: 1,
  chair: 3,
  victimLiaison: 5,
  smb: 7,
  layAdviser: 8,
  dpo: 10,
  admin: 11,
  practitioner: 1_000,
  senior: 200_000,
  police: 300_000,
  pom: 400_000,
  dtc: 500_000,
} as const;

const PER_AREA = 1_000_000;

export function staffId(seed: number, areaIndex: number, number: number): string {
  return rowId(seed, KIND.user, areaIndex * PER_AREA + number);
}

export const coordinatorId = (seed: number, a: number) => staffId(seed, a, BLOCK.coordinator);
export const chairId = (seed: number, a: number, k: number) => staffId(seed, a, BLOCK.chair + (k % 2));
export const practitionerId = (seed: number, a: number, k: number) =>
  staffId(seed, a, BLOCK.practitioner + k);
export const policeManagerId = (seed: number, a: number, k: number) => staffId(seed, a, BLOCK.police + k);
export const pomId = (seed: number, a: number, k: number) => staffId(seed, a, BLOCK.pom + k);
export const dpoId = (seed: number, a: number) => staffId(seed, a, BLOCK.dpo);

export interface StaffRow {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
}

/** The agency a practitioner (by number) works in: practitioners are spread over the PDUs. */
export const practitionerAgency = (agencies: AreaAgencies, k: number) =>
  agencies.probation[k % agencies.probation.length]!;
export const pomAgency = (agencies: AreaAgencies, k: number) =>
  agencies.prison.length ? agencies.prison[k % agencies.prison.length]! : agencies.probation[0]!;

export function areaStaff(
  seed: number,
  areaIndex: number,
  area: AreaPlan,
  agencies: AreaAgencies,
  reference: GenerationReference,
): StaffRow[] {
  const rng = new Random(hashSeed(seed, 'staff', area.code));
  const rows: StaffRow[] = [];
  const domain = `${area.code.toLowerCase()}.vigil.test`;
  const add = (number: number, agencyId: string, roles: Role[], kind: string) => {
    const forename = (rng.chance(0.5) ? reference.femaleForenames : reference.maleForenames).draw(rng);
    const surname = reference.surnames.draw(rng);
    const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
    rows.push({
      id: staffId(seed, areaIndex, number),
      // The number keeps addresses unique when two staff share a name, as real directories do.
      email: `${slug(forename)}.${slug(surname)}.${number}@${kind}.${domain}`,
      displayName: `${forename} ${surname}`,
      agencyId,
      roles,
    });
  };
  const probation = agencies.probation[0]!;
  const police = agencies.police[0] ?? probation;
  add(BLOCK.coordinator, probation, ['mappa_coordinator'], 'probation');
  add(BLOCK.administrator, probation, ['mappa_administrator'], 'probation');
  add(BLOCK.administrator + 1, probation, ['mappa_administrator'], 'probation');
  add(BLOCK.chair, probation, ['meeting_chair', 'senior_probation_officer'], 'probation');
  add(BLOCK.chair + 1, police, ['meeting_chair'], 'police');
  add(BLOCK.victimLiaison, probation, ['victim_liaison_officer'], 'probation');
  add(BLOCK.victimLiaison + 1, probation, ['victim_liaison_officer'], 'probation');
  add(BLOCK.smb, police, ['smb_member'], 'police');
  add(BLOCK.layAdviser, probation, ['lay_adviser'], 'probation');
  add(BLOCK.layAdviser + 1, probation, ['lay_adviser'], 'probation');
  add(BLOCK.dpo, probation, ['data_protection_officer'], 'probation');
  add(BLOCK.admin, probation, ['admin'], 'probation');
  for (let k = 0; k < area.practitioners; k++)
    add(BLOCK.practitioner + k, practitionerAgency(agencies, k), ['probation_practitioner'], 'probation');
  for (let k = 0; k < Math.ceil(area.practitioners / 8); k++)
    add(BLOCK.senior + k, practitionerAgency(agencies, k), ['senior_probation_officer'], 'probation');
  for (let k = 0; k < area.policeOffenderManagers; k++)
    add(BLOCK.police + k, police, ['police_offender_manager'], 'police');
  for (let k = 0; k < area.prisonOffenderManagers; k++)
    add(BLOCK.pom + k, pomAgency(agencies, k), ['prison_offender_manager'], 'prison');
  agencies.dtc.forEach((a, k) => add(BLOCK.dtc + k, a.id, ['dtc_representative'], a.type.replace(/_/g, '-')));
  return rows;
}
