#!/usr/bin/env node
// Validates the reference data files in this folder and prints their counts.
// Run: node data-reference/validate.mjs   (exit code 1 on any problem)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areas } from './build-reference.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const load = (f) => JSON.parse(readFileSync(join(here, f), 'utf8'));
const problems = [];
const check = (ok, msg) => {
  if (!ok) problems.push(msg);
};

const codes = new Set(areas.map((a) => a.code));
const areaName = new Map(areas.map((a) => [a.code, a.area]));
check(codes.size === 42, `expected 42 areas in the CSV, found ${codes.size}`);

// agencies.json
const AGENCY_TYPES = new Set([
  'police',
  'probation',
  'prison',
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
const agencies = load('agencies.json');
const agencyKeys = Object.keys(agencies.areas);
check(agencyKeys.length === 42, `agencies: ${agencyKeys.length} areas`);
const byType = {};
let agencyTotal = 0;
const prisonNames = new Set();
for (const [code, list] of Object.entries(agencies.areas)) {
  check(codes.has(code), `agencies: unknown area ${code}`);
  const seen = new Set();
  const types = new Set();
  for (const ag of list) {
    agencyTotal++;
    check(ag.area === code, `agencies: ${ag.name} has area ${ag.area} under ${code}`);
    check(AGENCY_TYPES.has(ag.type), `agencies: bad type ${ag.type}`);
    check(typeof ag.name === 'string' && ag.name.length > 2, `agencies: bad name in ${code}`);
    check(!seen.has(ag.name), `agencies: duplicate ${ag.name} in ${code}`);
    seen.add(ag.name);
    types.add(ag.type);
    byType[ag.type] = (byType[ag.type] ?? 0) + 1;
    if (ag.type === 'prison') {
      check(/^(HMP|HMP & YOI|HMYOI) /.test(ag.name), `agencies: prison name ${ag.name}`);
      check(!prisonNames.has(ag.name), `agencies: prison ${ag.name} in two areas`);
      prisonNames.add(ag.name);
    }
    if (ag.type === 'jobcentre_plus') check(ag.name.endsWith(areaName.get(code)), `agencies: ${ag.name}`);
  }
  for (const t of AGENCY_TYPES) {
    if (t !== 'prison') check(types.has(t), `agencies: ${code} has no ${t}`);
  }
  const pdus = list.filter((a) => a.type === 'probation').length;
  check(pdus >= 1 && pdus <= (code === 'LON' ? 12 : 6), `agencies: ${code} has ${pdus} PDUs`);
}
const police = Object.values(agencies.areas)
  .flat()
  .filter((a) => a.type === 'police');
for (const a of areas) {
  for (const f of a.police_forces.split(';').map((s) => s.trim())) {
    check(
      police.some((p) => p.area === a.code && p.name === f),
      `agencies: police force ${f} missing in ${a.code}`,
    );
  }
}
check(prisonNames.size >= 100 && prisonNames.size <= 125, `agencies: ${prisonNames.size} prisons`);

// names.json
const names = load('names.json');
const checkPool = (key, min) => {
  const p = names[key];
  check(Array.isArray(p) && p.length >= min, `names: ${key} has ${p?.length} (< ${min})`);
  const seen = new Set();
  for (const e of p ?? []) {
    check(
      Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && e[0].length > 0,
      `names: ${key} entry ${JSON.stringify(e)}`,
    );
    check(Number.isFinite(e[1]) && e[1] > 0, `names: ${key} weight ${JSON.stringify(e)}`);
    check(!seen.has(e[0]), `names: ${key} duplicate ${e[0]}`);
    seen.add(e[0]);
  }
  return p?.length ?? 0;
};
const nMale = checkPool('maleForenames', 200);
const nFemale = checkPool('femaleForenames', 150);
const nSurname = checkPool('surnames', 500);
const top = names.surnames.slice(0, 10).map((e) => e[0]);
for (const s of ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown'])
  check(top.includes(s), `names: ${s} not in top 10 surnames`);

// places.json
const places = load('places.json');
check(Array.isArray(places.streets) && places.streets.length >= 150, `places: ${places.streets?.length} streets`);
check(Object.keys(places.areas).length === 42, `places: ${Object.keys(places.areas).length} areas`);
let townTotal = 0;
let districtTotal = 0;
const allDistricts = new Map();
for (const [code, p] of Object.entries(places.areas)) {
  check(codes.has(code), `places: unknown area ${code}`);
  check(p.towns.length >= 3, `places: ${code} has ${p.towns.length} towns`);
  check(Array.isArray(p.streets) && p.streets.length >= 5, `places: ${code} has few streets`);
  for (const town of p.towns) {
    townTotal++;
    check(typeof town.town === 'string' && town.postcodeAreas.length >= 1, `places: ${code} ${town.town}`);
    for (const d of town.postcodeAreas) {
      districtTotal++;
      check(/^[A-Z]{1,2}[0-9][0-9A-Z]?$/.test(d), `places: bad outward code ${d}`);
      check(
        !allDistricts.has(d) || allDistricts.get(d) === code,
        `places: ${d} in ${allDistricts.get(d)} and ${code}`,
      );
      allDistricts.set(d, code);
    }
  }
}

// offences.json
const off = load('offences.json');
const KINDS = new Set(['sexual', 'violent', 'terrorism', 'other']);
// Kept in step with SCHEDULE3_CONDITIONS in src/domain/schedule3.ts (tests/unit/legal-rules.test.ts checks).
const SCHEDULE3_CONDITIONS = new Set([
  'victim_under_18_or_sentence',
  'sentence',
  'custody_or_hospital',
  'abuse_of_trust',
  'adult_or_12_months',
  'sentence_12_months',
  'child_under_16_and_adult_or_12_months',
  'indecent_images',
  'extreme_pornography',
  'victim_under_18_or_30_months',
  'victim_under_18',
  'offender_20_or_over',
]);
check(off.offences.length >= 60, `offences: ${off.offences.length}`);
const kindCount = {};
const offNames = new Set();
for (const x of off.offences) {
  check(typeof x.offence === 'string' && typeof x.act === 'string', `offences: ${JSON.stringify(x)}`);
  check(!offNames.has(x.offence), `offences: duplicate ${x.offence}`);
  offNames.add(x.offence);
  for (const f of ['schedule3', 'schedule15', 'terrorism']) check(typeof x[f] === 'boolean', `offences: ${x.offence} ${f}`);
  check(KINDS.has(x.kind), `offences: ${x.offence} kind ${x.kind}`);
  check(x.note === null || typeof x.note === 'string', `offences: ${x.offence} note`);
  // Each conditional Schedule 3 entry carries the code of its condition (src/domain/schedule3.ts).
  check(
    x.schedule3Condition === null || SCHEDULE3_CONDITIONS.has(x.schedule3Condition),
    `offences: ${x.offence} schedule3Condition ${x.schedule3Condition}`,
  );
  check(x.schedule3 || x.schedule3Condition === null, `offences: ${x.offence} condition but not Sch.3`);
  check(
    !(x.schedule3 && /^(If the offender|Schedule 3 (if|only))/.test(x.note ?? '')) || x.schedule3Condition !== null,
    `offences: ${x.offence} has a conditional note but no schedule3Condition`,
  );
  check(!x.schedule3 || x.kind === 'sexual', `offences: ${x.offence} Sch.3 but not sexual`);
  check(x.terrorism === (x.kind === 'terrorism'), `offences: ${x.offence} terrorism flag vs kind`);
  check(x.kind !== 'other' || (!x.schedule3 && !x.schedule15), `offences: ${x.offence} other but flagged`);
  kindCount[x.kind] = (kindCount[x.kind] ?? 0) + 1;
}
check(off.courts.length >= 40, `courts: ${off.courts.length}`);
const courtAreas = new Set();
for (const c of off.courts) {
  check(codes.has(c.area), `courts: ${c.name} unknown area ${c.area}`);
  check(c.type === 'crown' || c.type === 'magistrates', `courts: ${c.name} type ${c.type}`);
  courtAreas.add(c.area);
}
check(courtAreas.size === 42, `courts: cover ${courtAreas.size} areas`);

console.log(
  JSON.stringify(
    {
      agencies: { areas: agencyKeys.length, total: agencyTotal, prisons: prisonNames.size, byType },
      names: { maleForenames: nMale, femaleForenames: nFemale, surnames: nSurname, top10Surnames: top },
      places: {
        areas: Object.keys(places.areas).length,
        towns: townTotal,
        postcodeDistricts: districtTotal,
        avsTowns: places.areas.AVS.towns.length,
        genericStreets: places.streets.length,
      },
      offences: { total: off.offences.length, byKind: kindCount, courts: off.courts.length, courtAreas: courtAreas.size },
    },
    null,
    2,
  ),
);
if (problems.length) {
  console.error(`${problems.length} problem(s):\n - ${problems.join('\n - ')}`);
  process.exit(1);
}
console.log('OK');
