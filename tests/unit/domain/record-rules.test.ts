import { describe, expect, it } from 'vitest';
import {
  checkAddress,
  checkCivilOrder,
  checkConviction,
  checkTerrorismRisk,
} from '../../../src/domain/record-rules.ts';

/** The record's cross-field rules for sentences, civil orders and the Category 4 decision. */

const custody = { outcome: 'custody', convictionDate: '2024-01-10', lengthMonths: 24 };

describe('checkConviction: sentence kinds and their terms', () => {
  it.each([
    ['a determinate term in months', {}, {}],
    ['a term in days only (weeks as days)', { lengthMonths: null, lengthDays: 112 }, {}],
    ['a life sentence with no length', { sentenceType: 'life', lengthMonths: null }, {}],
    ['HMP with no length', { sentenceType: 'hmp', lengthMonths: null }, {}],
    ['an EDS with its extension', { sentenceType: 'extended', extensionMonths: 60 }, {}],
    ['a SOPC with its 12 months', { sentenceType: 'sopc', extensionMonths: 12 }, {}],
    ['a SOPC without the extension', { sentenceType: 'sopc' }, {}],
    ['a DTO of 24 months', { sentenceType: 'dto', lengthMonths: 24 }, {}],
    [
      'a SOPC with another further licence period',
      { sentenceType: 'sopc', extensionMonths: 24 },
      { extensionMonths: 'The further licence period of a SOPC is 12 months' },
    ],
    [
      'a DTO given in days',
      { sentenceType: 'dto', lengthMonths: 4, lengthDays: 10 },
      { lengthMonths: 'A detention and training order’s term must be 4, 6, 8, 10, 12, 18 or 24 months' },
    ],
    [
      'an IPP with a length in days',
      { sentenceType: 'ipp', lengthMonths: null, lengthDays: 30 },
      { lengthDays: 'Leave the length blank for an indeterminate sentence: it has no fixed term' },
    ],
  ] as const)('%s', (_what, change, expected) => {
    expect(checkConviction({ ...custody, ...change })).toEqual(expected);
  });

  it('bounds a suspended sentence order’s periods (SA 2020 s.288)', () => {
    const suspended = { outcome: 'suspended_sentence', convictionDate: '2024-01-10', lengthMonths: 6 };
    expect(checkConviction({ ...suspended, operationalMonths: 24, supervisionMonths: 24 })).toEqual({});
    expect(checkConviction({ ...suspended, operationalMonths: 3 })).toEqual({
      operationalMonths: 'The operational period must be between 6 and 24 months',
    });
    expect(checkConviction({ ...suspended, operationalMonths: 30 })).toEqual({
      operationalMonths: 'The operational period must be between 6 and 24 months',
    });
  });

  it('needs no length for an absolute discharge, and refuses early ends before the conviction', () => {
    expect(
      checkConviction({
        outcome: 'absolute_discharge',
        convictionDate: '2024-01-10',
        disposalEndedOn: '2024-01-09',
      }),
    ).toEqual({
      disposalEndedOn: 'The date the order or licence ended must be on or after the conviction date',
    });
  });
});

describe('checkCivilOrder', () => {
  it('takes an SHPO until further order, and a notification order with a non-custodial outcome abroad', () => {
    expect(checkCivilOrder({ kind: 'shpo', madeOn: '2025-01-01', endsOn: null })).toEqual({});
    expect(
      checkCivilOrder({
        kind: 'interim_notification_order',
        madeOn: '2025-01-01',
        foreignConvictionDate: '2024-06-01',
        foreignOutcome: 'caution',
      }),
    ).toEqual({});
  });

  it('refuses a conviction abroad after the order', () => {
    expect(
      checkCivilOrder({
        kind: 'notification_order',
        madeOn: '2025-01-01',
        foreignConvictionDate: '2025-06-01',
        foreignOutcome: 'fine',
      }),
    ).toEqual({
      foreignConvictionDate: 'The conviction abroad must be on or before the date the order was made',
    });
  });
});

describe('checkTerrorismRisk', () => {
  it('needs the acceptance before an end', () => {
    expect(checkTerrorismRisk({ terrorismRiskAcceptedOn: null, terrorismRiskEndedOn: '2025-01-01' })).toEqual(
      {
        terrorismRiskAcceptedOn: 'Enter the date the person was accepted into Category 4',
      },
    );
    expect(
      checkTerrorismRisk({ terrorismRiskAcceptedOn: '2024-01-01', terrorismRiskEndedOn: '2025-01-01' }),
    ).toEqual({});
  });
});

describe('checkAddress: plausible dates', () => {
  const home = { type: 'home', line1: '1 High Street', postcode: 'BS1 1AA', fromDate: '2020-01-01' };
  const today = '2026-12-05';

  it('accepts a move out today, in the past, or planned within 6 months', () => {
    for (const toDate of ['2026-12-05', '2024-03-01', '2027-06-05', undefined])
      expect(checkAddress({ ...home, toDate }, today)).toEqual({});
  });

  it('refuses "lived here until" further ahead than a planned move', () => {
    expect(checkAddress({ ...home, toDate: '2099-01-01' }, today).toDate).toMatch(/at most 6 months ahead/);
    expect(checkAddress({ ...home, toDate: '2027-06-06' }, today).toDate).toMatch(/at most 6 months ahead/);
  });

  it('keeps the range rule first: an end before the start says so', () => {
    expect(checkAddress({ ...home, toDate: '2019-01-01' }, today).toDate).not.toMatch(/months ahead/);
  });
});
