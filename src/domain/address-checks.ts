import { compareDates, formatDateLong, type IsoDate } from './dates.ts';
import { normalisePostcode } from './postcode.ts';

/**
 * Release and home detention curfew (HDC) address checks (issue 14): a proposed address is
 * checked against what the record holds — where victims, partners and children live, a domestic
 * abuse marker, a restraining order or an exclusion zone. Each conflict names its source; the
 * decision maker sees them all and cannot dismiss one without a recorded reason. Nothing is
 * decided here beyond finding the conflict. Pure: "today" is a parameter.
 */

export interface PlaceAddress {
  line1: string;
  postcode: string;
}

/** Someone on the record and where they live (relationships carry an address, with history). */
export interface RelatedPerson {
  name: string;
  type: 'partner' | 'ex_partner' | 'child' | 'household_member' | 'associate' | 'victim';
  /** Under 18 on `today` (null: not known). */
  isChild: boolean | null;
  address: PlaceAddress | null;
  /** The address is current from/to (null: open). */
  livesThereFrom: IsoDate | null;
  livesThereUntil: IsoDate | null;
}

export interface Restriction {
  kind: 'restraining_order' | 'exclusion_zone' | 'non_contact_condition';
  /** Full postcodes, districts ("SW1A") or sectors ("SW1A 1") the person may not enter or live in. */
  postcodes: string[];
  /** The order and whom it protects, in words: "Restraining order (Harrow Crown Court, 2024)". */
  source: string;
  endsOn: IsoDate | null;
}

export interface AddressCheckFacts {
  related: readonly RelatedPerson[];
  domesticAbuseMarker: boolean;
  restrictions: readonly Restriction[];
}

export const ADDRESS_CONFLICT = [
  { code: 'victim_address', label: 'A victim lives at or near this address' },
  { code: 'partner_address', label: 'A partner or ex-partner lives at this address' },
  { code: 'children_in_household', label: 'Children live at this address' },
  { code: 'domestic_abuse', label: 'Domestic abuse marker and a partner at this address' },
  { code: 'restriction', label: 'An order or exclusion zone covers this address' },
] as const;
export type AddressConflictKind = (typeof ADDRESS_CONFLICT)[number]['code'];

export interface AddressConflict {
  kind: AddressConflictKind;
  /** Where on the record it comes from, for the decision maker. */
  source: string;
  detail: string;
}

/** "12, High St." and "12 high street" meet: lower case, no punctuation, common words spelt out. */
export function normaliseAddressLine(line: string): string {
  return line
    .toLowerCase()
    .replace(/[.,'’]/g, ' ')
    .replace(/\bst\b/g, 'street')
    .replace(/\brd\b/g, 'road')
    .replace(/\bave?\b/g, 'avenue')
    .replace(/\s+/g, ' ')
    .trim();
}

function sameAddress(a: PlaceAddress, b: PlaceAddress): 'same' | 'same_postcode' | null {
  const pa = normalisePostcode(a.postcode);
  const pb = normalisePostcode(b.postcode);
  if (!pa || !pb || pa !== pb) return null;
  return normaliseAddressLine(a.line1) === normaliseAddressLine(b.line1) ? 'same' : 'same_postcode';
}

/** A postcode inside an area given as a full postcode, a sector ("SW1A 1") or a district ("SW1A"). */
export function postcodeWithin(postcode: string, area: string): boolean {
  const full = normalisePostcode(postcode);
  const zone = area.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!full || !zone) return false;
  if (full === zone) return true;
  const [outward, inward = ''] = full.split(' ');
  const [zoneOutward, zoneInward] = zone.split(' ');
  if (zoneOutward !== outward) return false;
  return zoneInward === undefined || inward.startsWith(zoneInward);
}

const DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const SECTOR = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]$/;

/**
 * An order's exclusion zone as people write it ("SW1A 1AA, SW1A 1, HA1"): each full postcode,
 * sector or district in the form `postcodeWithin` compares; null when an entry is none of these.
 */
export function readPostcodeAreas(text: string): string[] | null {
  const entries = text
    .split(/[,;\n]+/)
    .map((e) => e.trim().toUpperCase().replace(/\s+/g, ' '))
    .filter(Boolean);
  const areas: string[] = [];
  for (const entry of entries) {
    const full = normalisePostcode(entry);
    if (full) areas.push(full);
    else if (DISTRICT.test(entry) || SECTOR.test(entry)) areas.push(entry);
    else return null;
  }
  return areas.length ? areas : null;
}

const livesThereOn = (p: RelatedPerson, today: IsoDate) =>
  (p.livesThereFrom === null || compareDates(p.livesThereFrom, today) <= 0) &&
  (p.livesThereUntil === null || compareDates(p.livesThereUntil, today) >= 0);

/** Every conflict between a proposed address and the record, each with its source. */
export function addressConflicts(
  proposed: PlaceAddress,
  facts: AddressCheckFacts,
  today: IsoDate,
): AddressConflict[] {
  const conflicts: AddressConflict[] = [];
  const there = facts.related.flatMap((p) => {
    const match = p.address && livesThereOn(p, today) ? sameAddress(proposed, p.address) : null;
    return match ? [{ person: p, match }] : [];
  });
  for (const { person, match } of there) {
    const source = `Relationship: ${person.type.replace('_', '-')} (${person.name})`;
    if (person.type === 'victim') {
      conflicts.push({
        kind: 'victim_address',
        source,
        detail:
          match === 'same'
            ? `${person.name}, a victim, lives at this address`
            : `${person.name}, a victim, lives in the same postcode`,
      });
    } else if ((person.type === 'partner' || person.type === 'ex_partner') && match === 'same') {
      conflicts.push({ kind: 'partner_address', source, detail: `${person.name} lives at this address` });
      if (facts.domesticAbuseMarker) {
        conflicts.push({
          kind: 'domestic_abuse',
          source: `Marker: domestic abuse; ${source}`,
          detail: `The record has a domestic abuse marker and ${person.name} lives at this address`,
        });
      }
    }
    if (person.isChild && match === 'same') {
      conflicts.push({
        kind: 'children_in_household',
        source,
        detail: `${person.name}, a child, lives at this address`,
      });
    }
  }
  for (const r of facts.restrictions) {
    if (r.endsOn !== null && compareDates(r.endsOn, today) < 0) continue;
    const zone = r.postcodes.find((area) => postcodeWithin(proposed.postcode, area));
    if (zone)
      conflicts.push({ kind: 'restriction', source: r.source, detail: `The address is inside ${zone}` });
  }
  return conflicts;
}

/**
 * When a proposed address needs its decision: an HDC address by the HDC eligibility date, a
 * release address by the conditional release date (null when the date is not known).
 */
export function addressDecisionDue(
  purpose: 'hdc' | 'release',
  dates: { hdcEligibilityDate: IsoDate | null; conditionalReleaseDate: IsoDate | null },
  today: IsoDate,
): { dueOn: IsoDate | null; late: boolean } {
  const dueOn = purpose === 'hdc' ? dates.hdcEligibilityDate : dates.conditionalReleaseDate;
  return { dueOn, late: dueOn !== null && compareDates(dueOn, today) < 0 };
}

/**
 * MAPPA F's HDC and release address results, for the author to edit: each check's purpose, day,
 * conflicts found and set aside, and the decision. No addresses, sources or reasons: a conflict's
 * source or a decision's reason may speak of a victim, and the report's author may not see victims.
 */
export function addressCheckResultsText(
  checks: readonly {
    purposeLabel: string;
    checkedOn: IsoDate;
    conflicts: number;
    setAside: number;
    outcome: 'suitable' | 'unsuitable' | null;
  }[],
): string {
  return [...checks]
    .sort((a, b) => compareDates(a.checkedOn, b.checkedOn))
    .map((c) => {
      const found =
        c.conflicts === 0
          ? 'no conflicts with the record'
          : `${c.conflicts} conflict${c.conflicts === 1 ? '' : 's'} with the record, ${c.setAside} set aside with a reason`;
      const decided = c.outcome ? `found ${c.outcome}` : 'awaiting a decision';
      return `${c.purposeLabel} address checked ${formatDateLong(c.checkedOn)}: ${found}; ${decided}.`;
    })
    .join('\n');
}
