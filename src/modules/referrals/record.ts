import { MAPPA_CATEGORY, MANAGER_ROLE, labelOf } from '../../domain/codes.ts';
import type { PlanView } from '../risk-management-plan/index.ts';
import { findSection, IDENTITY_FIELDS, displayValue, type NominalOverview } from '../nominals/index.ts';

/**
 * What a referral carries from the record: everything MAPPA A asks for that Vigil already holds,
 * assembled here so the referrer types none of it. Stored with the referral at submission
 * (`record_snapshot`) so the document shows exactly what the screeners saw. Values are kept as
 * words ready to show; each part says which record section it came from, so a viewer who may not
 * see that section (an invited agency) or health information is shown less.
 */
export interface RecordRow {
  label: string;
  value: string;
  /** Health information: shown only to those who may see it. */
  health?: boolean;
}

export interface ReferralRecord {
  assembledOn: string;
  name: string;
  vigilRef: string;
  personal: RecordRow[];
  identifiers: RecordRow[];
  addresses: { current: string | null; proposedRelease: string | null };
  indexOffence: { offence: string; rows: RecordRow[] } | null;
  otherConvictions: string[][];
  relevantDates: RecordRow[];
  mappa: {
    category: number | null;
    categoryLabel: string;
    categoryReason: string | null;
    level: number | null;
    leadAgency: string | null;
    area: string;
    inCustody: boolean;
    earliestReleaseOn: string | null;
  };
  riskAssessment: { roshOverall: string; rows: RecordRow[] } | null;
  riskManagementPlan: {
    version: number;
    rows: RecordRow[];
    conditions: string[];
    changedOn: string;
    changedBy: string;
  } | null;
  markers: { type: string; label: string; startDate: string; notes: string; health: boolean }[];
  managers: { role: string; name: string; agency: string }[];
}

const rowsOf = (sectionName: string, row: Record<string, unknown>, skip: string[] = []): RecordRow[] =>
  (findSection(sectionName)?.fields ?? [])
    .filter((f) => !skip.includes(f.key))
    .map((f) => ({ label: f.label, value: displayValue(f, row[f.key]) }))
    .filter((r) => r.value !== '');

export function addressText(row: Record<string, unknown> | null): string | null {
  if (!row) return null;
  if (row.type === 'no_fixed_abode') return 'No fixed abode';
  const lines = [row.line1, row.line2, row.town, row.postcode].filter((v) => typeof v === 'string' && v);
  const type = displayValue(findSection('addresses')!.fields[0]!, row.type);
  return lines.length ? `${lines.join(', ')} (${type.toLowerCase()})` : type;
}

/** The current risk management plan, as the risk-management-plan module reads it. */
export type CurrentPlan = PlanView;

export interface ObligationsForReferral {
  category: number | null;
  category_reason: string | null;
  level: number | null;
  in_custody: boolean;
  earliest_release_on: string | null;
}

const DATE_FIELDS = [
  'sentenceStart',
  'conditionalReleaseDate',
  'paroleEligibilityDate',
  'hdcEligibilityDate',
  'licenceExpiryDate',
  'sentenceExpiryDate',
  'actualReleaseDate',
];

/** Assembles MAPPA A's record parts from the record as the referrer sees it. */
export function assembleRecord(
  nominal: NominalOverview,
  obligations: ObligationsForReferral,
  plan: CurrentPlan | null,
  today: string,
): ReferralRecord {
  const identity = nominal.identity;
  const name = [identity.forename, identity.middleNames, identity.surname].filter(Boolean).join(' ');
  const personal: RecordRow[] = IDENTITY_FIELDS.filter((f) => f.key !== 'sexualOrientation')
    .map((f) => ({
      label: f.label,
      value: displayValue(f, identity[f.key]),
      ...(f.key === 'disability' ? { health: true } : {}),
    }))
    .filter((r) => r.value !== '');
  if (nominal.age !== null && nominal.age !== undefined)
    personal.splice(4, 0, { label: 'Age', value: String(nominal.age) });
  const aliases = nominal.aliases.map((a) => `${a.forename} ${a.surname}`);
  if (aliases.length) personal.push({ label: 'Also known as', value: aliases.join('; ') });

  const index = nominal.convictions.find((c) => c.isIndexOffence) ?? null;
  const category = obligations.category;
  return {
    assembledOn: today,
    name,
    vigilRef: nominal.vigilRef,
    personal,
    identifiers: nominal.identifiers.map((i) => {
      const [row] = rowsOf('identifiers', i, ['value']);
      return { label: row?.value ?? String(i.type), value: String(i.value) };
    }),
    addresses: {
      current: addressText(nominal.currentAddress),
      proposedRelease: addressText(nominal.proposedReleaseAddress),
    },
    indexOffence: index
      ? {
          offence: String(index.offence),
          rows: rowsOf('convictions', index, ['isIndexOffence', ...DATE_FIELDS]),
        }
      : null,
    otherConvictions: nominal.convictions
      .filter((c) => c !== index)
      .map((c) => {
        const rows = rowsOf('convictions', c);
        const get = (label: string) => rows.find((r) => r.label === label)?.value ?? '';
        return [String(c.offence), get('Conviction date'), get('Outcome')];
      }),
    relevantDates: index
      ? findSection('convictions')!
          .fields.filter((f) => DATE_FIELDS.includes(f.key))
          .map((f) => ({ label: f.label, value: displayValue(f, index[f.key]) }))
          .filter((r) => r.value !== '')
      : [],
    mappa: {
      category,
      categoryLabel: category
        ? `${labelOf(MAPPA_CATEGORY, category)}: ${MAPPA_CATEGORY.find((c) => c.code === category)?.description ?? ''}`
        : 'Not eligible under Category 1, 2 or 4',
      categoryReason: obligations.category_reason,
      level: obligations.level,
      leadAgency: nominal.leadAgencyName ?? null,
      area: nominal.areaName,
      inCustody: obligations.in_custody,
      earliestReleaseOn: obligations.earliest_release_on,
    },
    riskAssessment: nominal.latestRiskAssessment
      ? {
          roshOverall: String(nominal.latestRiskAssessment.roshOverall),
          rows: rowsOf('risk-assessments', nominal.latestRiskAssessment),
        }
      : null,
    riskManagementPlan: plan
      ? {
          version: plan.version,
          rows: [
            { label: 'Supervision', value: plan.supervision },
            { label: 'Monitoring and control', value: plan.monitoringAndControl },
            { label: 'Interventions and treatment', value: plan.interventionsAndTreatment },
            { label: 'Victim safety planning', value: plan.victimSafetyPlanning },
            { label: 'Contingency', value: plan.contingency },
          ],
          conditions: plan.conditions,
          changedOn: plan.changedAt.toISOString().slice(0, 10),
          changedBy: plan.changedByName,
        }
      : null,
    markers: nominal.markers
      .filter((m) => m.isActive)
      .map((m) => ({
        type: String(m.type),
        label: rowsOf('markers', m)[0]?.value ?? String(m.type),
        startDate: String(m.startDate ?? ''),
        notes: String(m.notes ?? ''),
        health: m.type === 'mental_health',
      })),
    managers: nominal.managers
      .filter((m) => m.isCurrent)
      .map((m) => ({
        role: labelOf(MANAGER_ROLE, String(m.role)),
        name: String(m.name),
        agency: String(m.agencyName ?? ''),
      })),
  };
}

export interface RecordVisibility {
  health: boolean;
  victims: boolean;
  section(name: string): boolean;
}

/** The record as this viewer may see it: sections not shared with their agency, and health, left out. */
export function visibleRecord(record: ReferralRecord, visible: RecordVisibility): ReferralRecord {
  const shown = (name: string) => visible.section(name);
  return {
    ...record,
    personal: record.personal.filter((r) => !r.health || visible.health),
    identifiers: shown('identifiers') ? record.identifiers : [],
    addresses: shown('addresses') ? record.addresses : { current: null, proposedRelease: null },
    indexOffence: shown('convictions') ? record.indexOffence : null,
    otherConvictions: shown('convictions') ? record.otherConvictions : [],
    relevantDates: shown('convictions') ? record.relevantDates : [],
    riskAssessment: shown('risk-assessments') ? record.riskAssessment : null,
    markers: shown('markers') ? record.markers.filter((m) => !m.health || visible.health) : [],
    managers: shown('managers') ? record.managers : [],
    // Victim safety planning can say where a victim lives or works: only for those who see victims.
    riskManagementPlan:
      record.riskManagementPlan && !visible.victims
        ? {
            ...record.riskManagementPlan,
            rows: record.riskManagementPlan.rows.map((r) =>
              r.label === 'Victim safety planning' ? { ...r, value: VICTIMS_WITHHELD } : r,
            ),
          }
        : record.riskManagementPlan,
  };
}

export const VICTIMS_WITHHELD = 'Withheld: visible only to those who plan victim safety.';
