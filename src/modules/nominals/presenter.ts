import { labelOf } from '../../domain/codes.ts';
import { formatDateLong } from '../../domain/dates.ts';
import type { FieldSpec } from '../../validation/fields.ts';
import type { OffenceClassification } from './offence-classification.ts';
import { SECTIONS, findSection } from './sections.ts';
import type { NominalOverview } from './use-cases/overview.ts';
import type { SectionRow } from './use-cases/section-rows.ts';

/**
 * Turns the record into what the overview page shows: one card per row, values in words. Another
 * conviction is named by `convictionName` when the caller knows the person's convictions.
 */
export function displayValue(
  field: FieldSpec,
  value: unknown,
  convictionName?: (id: string) => string | undefined,
): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.kind) {
    case 'conviction':
      return convictionName?.(String(value)) ?? 'Another conviction on this record';
    case 'date':
      return formatDateLong(String(value));
    case 'code':
      return labelOf(field.codes, String(value));
    case 'boolean':
      return value ? 'Yes' : 'No';
    default:
      return String(value);
  }
}

export interface SectionCard {
  title: string;
  status: { text: string; colour: string } | null;
  rows: { key: { text: string }; value: { text: string } }[];
  changeHref: string | null;
  /** Further links on the card (a relationship's addresses). */
  links?: { href: string; text: string }[];
}

export interface SectionView {
  name: string;
  label: string;
  singular: string;
  hint: string | null;
  addHref: string | null;
  cards: SectionCard[];
  /** Identifiers read best as one list: type, value, change. */
  compact: boolean;
}

function statusOf(sectionName: string, row: SectionRow): SectionCard['status'] {
  if (sectionName === 'addresses') {
    if (row.type === 'proposed_release' && !row.toDate) return { text: 'Proposed', colour: 'blue' };
    return row.isCurrent ? { text: 'Current', colour: 'green' } : { text: 'Previous', colour: 'grey' };
  }
  if (sectionName === 'risk-assessments')
    return row.isLatest ? { text: 'Latest', colour: 'green' } : { text: 'Superseded', colour: 'grey' };
  if (sectionName === 'markers')
    return row.isActive ? { text: 'Active', colour: 'red' } : { text: 'Ended', colour: 'grey' };
  if (sectionName === 'managers' || sectionName === 'relationships') {
    return row.isCurrent ? { text: 'Current', colour: 'green' } : { text: 'Ended', colour: 'grey' };
  }
  if (sectionName === 'orders')
    return row.isInForce ? { text: 'In force', colour: 'green' } : { text: 'Ended', colour: 'grey' };
  if (sectionName === 'convictions' && row.isIndexOffence) return { text: 'Index offence', colour: 'purple' };
  return null;
}

export function presentSections(nominal: NominalOverview, canEdit: boolean): SectionView[] {
  const rowsBySection: Record<string, SectionRow[]> = {
    aliases: nominal.aliases,
    identifiers: nominal.identifiers,
    addresses: nominal.addresses,
    relationships: nominal.relationships,
    convictions: nominal.convictions,
    orders: nominal.orders,
    'risk-assessments': nominal.riskAssessments,
    markers: nominal.markers,
    managers: nominal.managers,
  };
  const convictions = new Map(
    nominal.convictions.map((c) => [c.id, findSection('convictions')!.describe(c)]),
  );
  const convictionName = (id: string) => convictions.get(id);
  return SECTIONS.map((section) => ({
    name: section.name,
    label: section.label,
    singular: section.singular,
    hint: section.hint ?? null,
    addHref: canEdit ? `/nominals/${nominal.id}/${section.name}/new` : null,
    compact: section.name === 'identifiers',
    cards: (rowsBySection[section.name] ?? []).map((row) => ({
      title: section.describe(row),
      status: statusOf(section.name, row),
      rows: [
        ...section.fields
          .filter((f) => displayValue(f, row[f.key]) !== '')
          .map((f) => ({
            key: { text: f.label },
            value: { text: displayValue(f, row[f.key], convictionName) },
          })),
        ...(row.offenceClassification
          ? [
              {
                key: { text: 'Offence list' },
                value: { text: (row.offenceClassification as OffenceClassification).text },
              },
            ]
          : []),
        ...(section.name === 'relationships'
          ? [
              {
                key: { text: 'Lives at' },
                value: {
                  text: row.livesAt
                    ? `${String(row.livesAt)} (from ${formatDateLong(String(row.livesAtFrom))})`
                    : 'No current address recorded',
                },
              },
              ...(Number(row.earlierAddresses) > 0
                ? [
                    {
                      key: { text: 'Other addresses' },
                      value: { text: `${Number(row.earlierAddresses)} recorded` },
                    },
                  ]
                : []),
            ]
          : []),
        ...(section.name === 'managers' && row.agencyName
          ? [{ key: { text: 'Agency name' }, value: { text: String(row.agencyName) } }]
          : []),
      ].filter((r) => !(section.name === 'managers' && r.key.text === 'Agency')),
      changeHref:
        section.appendOnly || !canEdit ? null : `/nominals/${nominal.id}/${section.name}/${row.id}/edit`,
      links:
        section.name === 'relationships'
          ? [{ href: `/nominals/${nominal.id}/relationships/${row.id}/addresses`, text: 'Addresses' }]
          : [],
    })),
  }));
}

export function describeRow(sectionName: string, row: SectionRow | null): string {
  if (!row) return '';
  return findSection(sectionName)?.describe(row) ?? '';
}
