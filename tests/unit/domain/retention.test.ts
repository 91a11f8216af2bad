import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_SCHEDULE,
  NATIONAL,
  isDueForReview,
  latestDueBirthDate,
  retentionReview,
  scheduleFor,
} from '../../../src/domain/retention.ts';

const schedule = DEFAULT_RETENTION_SCHEDULE;

describe('retention review', () => {
  it('reviews a MAPPA nominal at their 100th birthday, whether or not still managed', () => {
    const facts = { dateOfBirth: '1926-03-15', mappaCategory: 1, managementEndedOn: null };
    expect(retentionReview(facts, schedule)).toEqual({ basis: 'mappa_review_age', dueOn: '2026-03-15' });
    expect(isDueForReview(facts, schedule, '2026-03-14')).toBe(false);
    expect(isDueForReview(facts, schedule, '2026-03-15')).toBe(true);
    expect(isDueForReview({ ...facts, managementEndedOn: '1990-01-01' }, schedule, '2026-03-14')).toBe(false);
  });

  it('reviews someone born on 29 February on 28 February of a non-leap 100th year (never later)', () => {
    expect(
      retentionReview({ dateOfBirth: '1927-02-28', mappaCategory: 2, managementEndedOn: null }, schedule)
        .dueOn,
    ).toBe('2027-02-28');
    expect(
      retentionReview({ dateOfBirth: '1928-02-29', mappaCategory: 2, managementEndedOn: null }, schedule)
        .dueOn,
    ).toBe('2028-02-29');
    expect(
      retentionReview(
        { dateOfBirth: '1924-02-29', mappaCategory: 2, managementEndedOn: null },
        { ...schedule, mappaReviewAge: 101 },
      ).dueOn,
    ).toBe('2025-02-28');
  });

  it('reviews an ended non-MAPPA person 6 years after their management ended', () => {
    const facts = { dateOfBirth: '1990-01-01', mappaCategory: null, managementEndedOn: '2020-06-30' };
    expect(retentionReview(facts, schedule)).toEqual({ basis: 'ended_non_mappa', dueOn: '2026-06-30' });
    expect(isDueForReview(facts, schedule, '2026-06-29')).toBe(false);
    expect(isDueForReview(facts, schedule, '2026-06-30')).toBe(true);
  });

  it('never makes a person still managed (and not MAPPA) due', () => {
    const facts = { dateOfBirth: '1900-01-01', mappaCategory: null, managementEndedOn: null };
    expect(retentionReview(facts, schedule)).toEqual({ basis: 'still_managed', dueOn: null });
    expect(isDueForReview(facts, schedule, '2099-01-01')).toBe(false);
  });

  it('takes the area schedule, else the national one, else the defaults', () => {
    const settings = new Map([
      [NATIONAL, { mappaReviewAge: 90, endedNonMappaYears: 7 }],
      ['AVS', { mappaReviewAge: 95, endedNonMappaYears: 3 }],
    ]);
    expect(scheduleFor('AVS', settings)).toEqual({ mappaReviewAge: 95, endedNonMappaYears: 3 });
    expect(scheduleFor('BED', settings)).toEqual({ mappaReviewAge: 90, endedNonMappaYears: 7 });
    expect(scheduleFor('BED', new Map())).toEqual({ mappaReviewAge: 100, endedNonMappaYears: 6 });
    const facts = { dateOfBirth: '1990-01-01', mappaCategory: null, managementEndedOn: '2020-06-30' };
    expect(isDueForReview(facts, scheduleFor('AVS', settings), '2023-06-30')).toBe(true);
    expect(isDueForReview(facts, scheduleFor('BED', settings), '2023-06-30')).toBe(false);
  });

  it('gives the latest date of birth a MAPPA nominal can have and be due', () => {
    expect(latestDueBirthDate(schedule, '2026-11-23')).toBe('1926-11-23');
  });
});
