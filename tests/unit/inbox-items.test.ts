import { describe, expect, it } from 'vitest';
import { namedSubject, readableText, subjectOfLink } from '../../src/modules/notifications/inbox-items.ts';

const M = '0b6f4c1e-4a5e-4a39-9d36-1c1f2b3a4d5e';
const N = 'c8be1d2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

describe('what an inbox item is about, read from its link', () => {
  it('names the referral, meeting, minutes, prison report or action', () => {
    expect(subjectOfLink(`/referrals/${M}`)).toEqual({ type: 'referral', id: M });
    expect(subjectOfLink(`/meetings/${M}`)).toEqual({ type: 'meeting', id: M });
    expect(subjectOfLink(`/meetings/${M}/nominals/${N}/minutes`)).toEqual({ type: 'minutes', id: M });
    expect(subjectOfLink(`/nominals/${N}/prison-reports/${M}`)).toEqual({ type: 'prison-report', id: M });
    expect(subjectOfLink(`/actions/${N}`)).toEqual({ type: 'action', id: N });
  });

  it('is nothing for a record, a list or no link', () => {
    expect(subjectOfLink(`/nominals/${N}/levels`)).toBeNull();
    expect(subjectOfLink('/actions')).toBeNull();
    expect(subjectOfLink(null)).toBeNull();
    expect(subjectOfLink(`https://evil.example/referrals/${M}`)).toBeNull();
  });
});

describe('inbox text as people read it', () => {
  it('writes dates as "5 December 2026" and never shows an address with an id', () => {
    expect(readableText(`Home visit (VGL-0001) – due 5 January 2027 – /actions/${N}`)).toBe(
      'Home visit (VGL-0001) – due 5 January 2027',
    );
    expect(readableText('Arrest recorded on 2026-12-05. Review due.')).toBe(
      'Arrest recorded on 5 December 2026. Review due.',
    );
    expect(readableText('Not a date: 2026-13-45')).toBe('Not a date: 2026-13-45');
  });

  it('names the person beside their Vigil reference, once', () => {
    const person = { name: 'John Smith', vigilRef: 'VGL-00000Z8H' };
    expect(namedSubject('New home address recorded for VGL-00000Z8H', person)).toBe(
      'New home address recorded for John Smith (VGL-00000Z8H)',
    );
    expect(namedSubject('Invitation to a meeting', person)).toBe('Invitation to a meeting');
    expect(namedSubject('John Smith (VGL-00000Z8H) moved', person)).toBe('John Smith (VGL-00000Z8H) moved');
    expect(namedSubject('Referral for VGL-00000Z8H', null)).toBe('Referral for VGL-00000Z8H');
  });
});
