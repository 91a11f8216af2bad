import type { UseCaseContext } from '../../../access/actor.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { ageOn, compareDates } from '../../../domain/dates.ts';
import { agenciesByIds, areaNames } from '../../reference/index.ts';
import { offenceClassification } from '../offence-classification.ts';
import { loadInScope, type InScope } from '../scope.ts';
import { IDENTITY_FIELDS, SECTIONS } from '../sections.ts';
import { toValues, type Values } from './record-values.ts';
import { currentRelationshipAddresses } from './relationship-addresses.ts';
import { loadVisibleSection, type SectionRow } from './section-rows.ts';

/** The whole shared record of one person, as the overview page and `GET /api/v1/nominals/{id}` show it. */
export async function getNominal(database: Database, ctx: UseCaseContext, nominalId: string) {
  return database.transaction((tx) => readNominal(tx, ctx, nominalId));
}

/** `getNominal` inside the caller's transaction (e.g. a referral's snapshot taken as it is submitted). */
export async function readNominal(tx: Tx, ctx: UseCaseContext, nominalId: string) {
  const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
  const row = await loadNominal(tx, nominalId);
  const sections: Record<string, SectionRow[]> = {};
  const withheld: Record<string, number> = {};
  let withheldRelationships: Values[] = [];
  for (const section of SECTIONS) {
    const loaded = await loadVisibleSection(tx, scope, section, nominalId);
    sections[section.name] = loaded.rows;
    withheld[section.name] = loaded.withheld;
    // Only if the section is shared at all: a child in the household is a fact that names nobody.
    if (section.name === 'relationships' && scope.visible.section(section.name))
      withheldRelationships = loaded.withheldValues;
  }
  // Where each person they may see lives now (release and HDC address checks read the history).
  const livesAt = await currentRelationshipAddresses(
    tx,
    sections.relationships!.map((r) => r.id),
    ctx.today,
  );
  for (const r of sections.relationships!) {
    const address = livesAt.get(r.id);
    r.livesAt = address?.text || null;
    r.livesAtFrom = address?.fromDate || null;
    r.earlierAddresses = address?.earlier ?? 0;
  }
  if (!scope.visible.health) row.disability = null;
  // The names of the area, the lead agency and the managers' agencies: one lookup each.
  const [areas, agencies] = await Promise.all([
    areaNames(tx, [row.area_code]),
    agenciesByIds(tx, [row.lead_agency_id, ...sections.managers!.map((m) => m.agencyId as string)]),
  ]);
  for (const m of sections.managers!) m.agencyName = agencies.get(m.agencyId as string)?.name ?? null;
  await logAccess(tx, ctx, {
    operation: 'consultation',
    recordType: 'nominal',
    recordIds: [nominalId],
  });
  const names = {
    areaName: areas.get(row.area_code) ?? row.area_code,
    leadAgencyName: row.lead_agency_id ? (agencies.get(row.lead_agency_id)?.name ?? null) : null,
  };
  const overview = presentNominal(row, names, sections, ctx.today);
  overview.childrenInHousehold ||= withheldRelationships.some((r) => childInHousehold(r, ctx.today));
  return { ...overview, withheld: withheldNotes(scope, withheld) };
}

/** Tells the viewer that something is withheld, and why, without saying what. */
function withheldNotes(scope: InScope, withheld: Record<string, number>): string[] {
  const notes: string[] = [];
  for (const section of SECTIONS) {
    if (!scope.visible.section(section.name)) notes.push(`${section.label} are not shared with your agency.`);
  }
  if ((withheld.relationships ?? 0) > 0 && !scope.visible.victims) {
    notes.push('Victim details are withheld: only those who plan victim safety can see them.');
  }
  if (!scope.visible.health)
    notes.push('Health information is withheld: it is visible only to roles that need it.');
  return notes;
}

const isCurrent = (row: Values, today: string, from = 'fromDate', to = 'toDate') =>
  (!row[from] || compareDates(row[from] as string, today) <= 0) &&
  (!row[to] || compareDates(row[to] as string, today) >= 0);

const childInHousehold = (r: Values, today: string) =>
  Boolean(isCurrent(r, today) && r.isChild && r.inHousehold);

type NominalRow = Awaited<ReturnType<typeof loadNominal>>;
const loadNominal = (tx: Tx, id: string) =>
  tx.selectFrom('nominals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function presentNominal(
  row: NominalRow,
  names: { areaName: string; leadAgencyName: string | null },
  sections: Record<string, SectionRow[]>,
  today: string,
) {
  const identity = toValues(IDENTITY_FIELDS, row as unknown as Values);
  const addresses = sections.addresses!.map((a): SectionRow => ({
    ...a,
    isCurrent: a.type !== 'proposed_release' && isCurrent(a, today),
  }));
  const markers = sections.markers!.map((m): SectionRow => ({
    ...m,
    isActive: isCurrent(m, today, 'startDate', 'endDate'),
  }));
  const managers = sections.managers!.map((m): SectionRow => ({ ...m, isCurrent: isCurrent(m, today) }));
  const relationships = sections.relationships!.map((r): SectionRow => ({
    ...r,
    isCurrent: isCurrent(r, today),
  }));
  const riskAssessments = sections['risk-assessments']!.map((r, i): SectionRow => ({
    ...r,
    isLatest: i === 0,
  }));
  return {
    id: row.id,
    vigilRef: row.vigil_ref,
    version: row.version,
    areaCode: row.area_code,
    areaName: names.areaName,
    leadAgencyId: row.lead_agency_id,
    leadAgencyName: names.leadAgencyName,
    mappaCategory: row.mappa_category,
    mappaLevel: row.mappa_level,
    age: ageOn(row.date_of_birth, today),
    identity,
    aliases: sections.aliases!,
    identifiers: sections.identifiers!,
    addresses,
    currentAddress: addresses.find((a) => a.isCurrent) ?? null,
    proposedReleaseAddress: addresses.find((a) => a.type === 'proposed_release' && !a.toDate) ?? null,
    relationships,
    childrenInHousehold: relationships.some((r) => childInHousehold(r, today)),
    convictions: sections.convictions!.map((c): SectionRow => ({
      ...c,
      offenceClassification: offenceClassification(String(c.offence)),
    })),
    orders: sections.orders!.map((o): SectionRow => ({
      ...o,
      isInForce: isCurrent(o, today, 'madeOn', 'endsOn'),
    })),
    terrorismRisk: { acceptedOn: row.terrorism_risk_accepted_on, endedOn: row.terrorism_risk_ended_on },
    riskAssessments,
    latestRiskAssessment: riskAssessments[0] ?? null,
    markers,
    managers,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export type NominalOverview = ReturnType<typeof presentNominal>;
