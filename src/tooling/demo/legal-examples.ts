import { addDays, addMonths, compareDates } from '../../domain/dates.ts';
import type { PlannedNominal } from './plan.ts';

/**
 * A few demo people who show the sentences and orders of docs/legal-rules.md, so a demo user sees
 * each on a record and in the worklists: an extended determinate sentence (custodial term plus
 * extension, Category 2 until the extended licence ends), a detention and training order passed
 * at 17 (Category 2 for the full term, CJA 2003 s.327(4)), a sexual harm prevention order (SOA 2003
 * s.103A-103G) and a Category 4 person who is also a registered sex offender and keeps their
 * notification duties. Pure: it changes the planned values of people chosen by their plan, so the
 * same seed gives the same examples.
 */

export interface LegalExamples {
  /** Plan indices of the people changed, for what is recorded after they are written. */
  extended: number | null;
  dto: number | null;
  shpo: number | null;
  categoryFour: number | null;
}

type Values = Record<string, unknown>;

const index = (plan: PlannedNominal): Values | undefined =>
  plan.convictions.find((c) => c.isIndexOffence === true);

const str = (value: unknown) => (typeof value === 'string' ? value : null);

function pick(
  plans: readonly PlannedNominal[],
  taken: Set<number>,
  fits: (plan: PlannedNominal, conviction: Values) => boolean,
): number | null {
  const at = plans.findIndex((p, k) => {
    const c = index(p);
    return !taken.has(k) && c !== undefined && fits(p, c);
  });
  if (at < 0) return null;
  taken.add(at);
  return at;
}

export function applyLegalExamples(plans: PlannedNominal[], today: string): LegalExamples {
  const taken = new Set<number>();
  const determinate = (c: Values) =>
    c.outcome === 'custody' && str(c.sentenceStart) !== null && !/^murder/i.test(String(c.offence));

  // An EDS: custodial term as planned, an extension of 3 years on licence after it (Sentencing Act
  // 2020 s.279-280); parole eligibility at two-thirds of the custodial term.
  const extended = pick(
    plans,
    taken,
    (p, c) =>
      p.category === 2 && p.status === 'licence' && determinate(c) && str(c.licenceExpiryDate) !== null,
  );
  if (extended !== null) {
    const c = index(plans[extended]!)!;
    const start = str(c.sentenceStart)!;
    const term = Number(c.lengthMonths);
    Object.assign(c, {
      sentenceType: 'extended',
      extensionMonths: 36,
      paroleEligibilityDate: addMonths(start, Math.round((term * 2) / 3)),
      licenceExpiryDate: addDays(addMonths(start, term + 36), -1),
      sentenceExpiryDate: addDays(addMonths(start, term + 36), -1),
    });
  }

  // A DTO passed at 17 for a violent offence: in detention until the half-way point, then
  // supervised; in custody or on licence as the person was planned.
  const dto = pick(
    plans,
    taken,
    (p, c) => p.category === 2 && (p.status === 'custody' || p.status === 'licence') && determinate(c),
  );
  if (dto !== null) {
    const plan = plans[dto]!;
    const c = index(plan)!;
    const inside = plan.status === 'custody';
    const start = addDays(today, inside ? -210 : -420);
    Object.assign(c, {
      sentenceType: 'dto',
      lengthMonths: 24,
      offenceDate: addDays(start, -75),
      convictionDate: start,
      sentenceStart: start,
      conditionalReleaseDate: addMonths(start, 12),
      paroleEligibilityDate: null,
      hdcEligibilityDate: null,
      licenceExpiryDate: addDays(addMonths(start, 24), -1),
      sentenceExpiryDate: addDays(addMonths(start, 24), -1),
      actualReleaseDate: inside ? null : addMonths(start, 12),
    });
    // Born so that they were 17 when sentenced; no convictions as an adult before it.
    plan.identity.dateOfBirth = addDays(start, -(17 * 365 + 120));
    plan.convictions = [c];
    plan.aliases = plan.aliases.map((a) => ({ ...a, dateOfBirth: null }));
    plan.addresses = plan.addresses.filter(
      (a) => str(a.fromDate) === null || compareDates(str(a.fromDate)!, str(plan.identity.dateOfBirth)!) > 0,
    );
  }

  // An SHPO made at sentencing, until further order, on a registered sex offender in the community.
  const shpo = pick(plans, taken, (p) => p.category === 1 && p.status === 'community');
  if (shpo !== null) {
    const c = index(plans[shpo]!)!;
    plans[shpo]!.orders = [
      {
        kind: 'shpo',
        madeOn: c.convictionDate,
        court: c.court,
        endsOn: null,
        notes: 'No unsupervised contact with children under 16; devices to be made available for inspection.',
      },
    ];
  }

  // Category 4 and a registered sex offender: a terrorism offence after an earlier notifiable one.
  const categoryFour = pick(plans, taken, (p) => p.category === 1 && p.status === 'ended');
  if (categoryFour !== null) {
    const plan = plans[categoryFour]!;
    for (const c of plan.convictions) c.isIndexOffence = false;
    const start = addDays(today, -540);
    plan.convictions.push({
      offence: 'Dissemination of terrorist publications',
      offenceDate: addDays(start, -120),
      convictionDate: start,
      court: plan.convictions.at(-1)?.court ?? null,
      outcome: 'custody',
      lengthMonths: 30,
      isIndexOffence: true,
      sentenceStart: start,
      conditionalReleaseDate: addMonths(start, 15),
      licenceExpiryDate: addDays(addMonths(start, 30), -1),
      sentenceExpiryDate: addDays(addMonths(start, 30), -1),
      actualReleaseDate: addMonths(start, 15),
    });
    plan.category = 4;
  }
  return { extended, dto, shpo, categoryFour };
}
