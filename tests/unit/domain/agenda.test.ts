import { describe, expect, it } from 'vitest';
import {
  AGENDA,
  AGENDA_ITEM_KEYS,
  agencyAttended,
  approvalErrors,
  attendanceRate,
  newInformationSince,
  readMinutesContent,
  validateMinutesInput,
} from '../../../src/domain/agenda.ts';

describe('the aide-memoire', () => {
  it('has every item once, in the national order: statement first, the victim liaison officer early, level decision last', () => {
    expect(AGENDA.map((i) => i.key)).toEqual([...AGENDA_ITEM_KEYS]);
    expect(new Set(AGENDA_ITEM_KEYS).size).toBe(AGENDA_ITEM_KEYS.length);
    expect(AGENDA[0]!.key).toBe('confidentiality');
    expect(AGENDA[1]!.key).toBe('victimLiaison');
    expect(AGENDA.at(-1)!.key).toBe('levelAndNextMeeting');
    const keys = AGENDA.map((i) => i.key);
    expect(keys.indexOf('victimLiaison')).toBeLessThan(keys.indexOf('riskAssessment'));
  });

  it('discusses the plan under the Four Pillars', () => {
    expect(AGENDA.filter((i) => i.pillar).map((i) => i.pillar)).toEqual([
      'supervision',
      'monitoring_and_control',
      'interventions_and_treatment',
      'victim_safety_planning',
    ]);
  });

  it('takes new information since the previous meeting, or the last three months at a first meeting', () => {
    expect(newInformationSince('2026-09-14', '2026-11-23')).toBe('2026-09-14');
    expect(newInformationSince(null, '2026-11-23')).toBe('2026-08-23');
  });
});

describe('minutes', () => {
  it('reads the form’s flat fields and the API’s nested object alike', () => {
    const flat = validateMinutesInput(
      {
        'item-victimLiaison': ' Exclusion zone ',
        disclosureConsidered: 'yes',
        disclosureReason: 'Partner told',
        nextMeetingOn: '2027-01-10',
      },
      '2026-11-23',
    );
    const nested = validateMinutesInput(
      {
        items: { victimLiaison: 'Exclusion zone' },
        disclosure: { considered: 'yes', reason: 'Partner told' },
        nextMeetingOn: '2027-01-10',
      },
      '2026-11-23',
    );
    expect(flat.errors).toEqual({});
    expect(flat.content).toEqual(nested.content);
    expect(flat.content.items).toEqual({ victimLiaison: 'Exclusion zone' });
  });

  it('refuses malformed minutes: a next meeting not after this one, a bad disclosure answer, a non-text minute', () => {
    const { errors } = validateMinutesInput(
      { nextMeetingOn: '2026-11-23', disclosureConsidered: 'maybe', items: { riskAssessment: 42 } },
      '2026-11-23',
    );
    expect(Object.keys(errors).sort()).toEqual([
      'disclosureConsidered',
      'item-riskAssessment',
      'nextMeetingOn',
    ]);
  });

  it('needs disclosure considered, yes or no, and why, before approval', () => {
    const blank = readMinutesContent({});
    expect(Object.keys(approvalErrors(blank))).toEqual(['disclosureConsidered', 'disclosureReason']);
    const noReason = readMinutesContent({ disclosure: { considered: 'no' } });
    expect(Object.keys(approvalErrors(noReason))).toEqual(['disclosureReason']);
    expect(
      approvalErrors(readMinutesContent({ disclosure: { considered: 'no', reason: 'No one to tell' } })),
    ).toEqual({});
  });

  it('reads stored content given as JSON text, ignoring unknown keys', () => {
    const content = readMinutesContent(
      JSON.stringify({ items: { contingency: 'Recall', other: 'x' }, decisions: 'D' }),
    );
    expect(content).toEqual({
      items: { contingency: 'Recall' },
      decisions: 'D',
      disclosure: { considered: null, reason: '' },
      nextMeetingOn: null,
    });
  });
});

describe('attendance', () => {
  it('counts an agency as attending when someone came for it, in person or as a substitute', () => {
    expect(agencyAttended([{ attendance: 'apologies' }, { attendance: 'substitute' }])).toBe(true);
    expect(agencyAttended([{ attendance: 'apologies' }, { attendance: 'absent' }])).toBe(false);
    expect(agencyAttended([])).toBe(false);
  });

  it('gives the rate in whole percent, and none when nobody of the kind was invited', () => {
    expect(attendanceRate(3, 2)).toEqual({ invited: 3, attended: 2, percent: 67 });
    expect(attendanceRate(0, 0)).toEqual({ invited: 0, attended: 0, percent: null });
  });
});
