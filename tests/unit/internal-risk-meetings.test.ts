import { describe, expect, it } from 'vitest';
import {
  custodyBehaviourText,
  isActionOverdue,
  monitoringFindingsText,
} from '../../src/domain/internal-risk-meetings.ts';

const TODAY = '2026-11-23';

describe('internal risk management meetings', () => {
  it('an action is overdue once its due date has passed and it is not done', () => {
    expect(isActionOverdue({ dueOn: '2026-11-22', doneOn: null }, TODAY)).toBe(true);
    expect(isActionOverdue({ dueOn: TODAY, doneOn: null }, TODAY)).toBe(false);
    expect(isActionOverdue({ dueOn: '2026-11-01', doneOn: '2026-11-20' }, TODAY)).toBe(false);
  });
});

describe('MAPPA F pre-fill', () => {
  it('says where the person is held, their moves, category and each meeting’s outcome', () => {
    const text = custodyBehaviourText({
      episode: {
        establishment: 'HMP Bristol',
        receivedOn: '2026-03-01',
        recall: true,
        securityCategory: 'Category C',
        releasedOn: null,
      },
      moves: [{ movedOn: '2026-05-02', from: 'HMP Exeter', to: 'HMP Bristol', reason: 'Nearer home' }],
      meetings: [
        {
          heldOn: '2026-10-01',
          establishment: 'HMP Bristol',
          custodyBehaviour: 'Settled.',
          riskConcerns: null,
          decisions: 'Continue.',
        },
      ],
    });
    expect(text).toBe(
      [
        'Held at HMP Bristol since 1 March 2026 (recall).',
        'Security category: Category C.',
        'Moved on 2 May 2026 from HMP Exeter to HMP Bristol: Nearer home.',
        '',
        'Internal risk management meeting, 1 October 2026 (HMP Bristol):',
        'Custody behaviour: Settled.',
        'Decisions: Continue.',
      ].join('\n'),
    );
    expect(custodyBehaviourText({ episode: null, moves: [], meetings: [] })).toBe('');
  });

  it('gives only released summaries and counts of outcomes', () => {
    expect(
      monitoringFindingsText(
        [{ kind: 'daily_volume', raisedOn: '2026-11-01', summary: 'Many calls to a new partner.' }],
        [
          { outcome: 'no_concern', count: 2 },
          { outcome: 'referred_to_police', count: 1 },
        ],
      ),
    ).toBe(
      [
        'Released by prison security:',
        '1 November 2026, many calls to one number in a day: Many calls to a new partner.',
        'Flags dealt with: 2 no concern; 1 referred to the police.',
      ].join('\n'),
    );
    expect(monitoringFindingsText([], [])).toBe('');
  });
});
