import { describe, expect, it } from 'vitest';
import {
  compareActions,
  isOverdue,
  mayChangeStatus,
  validateActionUpdate,
  validateNewAction,
} from '../../../src/domain/actions.ts';

const TODAY = '2026-11-23';

describe('a new action', () => {
  const valid = {
    description: 'Visit the proposed address with housing',
    pillar: 'monitoring_and_control',
    dueOn: '2026-12-01',
  };

  it('is accepted with what, pillar and a due date today or later', () => {
    expect(validateNewAction(valid, TODAY)).toEqual({
      errors: {},
      value: {
        description: valid.description,
        pillar: 'monitoring_and_control',
        safeguarding: false,
        ownerName: null,
        dueOn: '2026-12-01',
      },
    });
    expect(validateNewAction({ ...valid, dueOn: TODAY, safeguarding: 'yes' }, TODAY).value).toMatchObject({
      dueOn: TODAY,
      safeguarding: true,
    });
  });

  it('says what is missing or wrong, field by field', () => {
    const { errors, value } = validateNewAction(
      { description: '  ', pillar: 'hope', dueOn: '2026-02-30' },
      TODAY,
    );
    expect(value).toBeNull();
    expect(Object.keys(errors)).toEqual(['description', 'pillar', 'dueOn']);
    expect(validateNewAction({ ...valid, dueOn: '' }, TODAY).errors.dueOn).toBe(
      'Enter the date the action is due',
    );
  });

  it('refuses a due date already past', () => {
    expect(validateNewAction({ ...valid, dueOn: '2026-11-22' }, TODAY).errors).toEqual({
      dueOn: 'Due date must be today or in the future',
    });
  });

  it('refuses an over-long description, and junk types', () => {
    expect(validateNewAction({ ...valid, description: 'x'.repeat(2001) }, TODAY).errors.description).toMatch(
      /2000 characters/,
    );
    expect(
      validateNewAction({ description: 42, pillar: ['supervision'], dueOn: {} }, TODAY).value,
    ).toBeNull();
  });
});

describe('overdue', () => {
  it('is an open action due before today; due today is not yet overdue; closed actions never are', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-11-22' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'completed', dueOn: '2026-01-01' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2026-01-01' }, TODAY)).toBe(false);
  });
});

describe('status changes', () => {
  it.each([
    ['open', 'completed', true],
    ['open', 'cancelled', true],
    ['open', 'open', true],
    ['completed', 'open', true],
    ['cancelled', 'open', true],
    ['completed', 'cancelled', false],
    ['cancelled', 'completed', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(mayChangeStatus(from, to)).toBe(allowed);
  });

  it('an update is a note, a change of status, or both; never empty', () => {
    expect(validateActionUpdate('open', { note: 'Visited; address suitable' }).value).toEqual({
      note: 'Visited; address suitable',
      status: 'open',
    });
    expect(validateActionUpdate('open', { status: 'completed' }).value).toEqual({
      note: '',
      status: 'completed',
    });
    expect(validateActionUpdate('open', { note: ' ', status: 'open' }).errors.note).toMatch(
      /Enter an update/,
    );
    expect(validateActionUpdate('completed', { status: 'cancelled' }).errors.status).toMatch(
      /only be reopened/,
    );
    expect(validateActionUpdate('open', { status: 'done' }).errors.status).toBe(
      'Select the status of the action',
    );
  });
});

describe('order', () => {
  it('puts open actions first, soonest due, then closed ones, latest due first', () => {
    const actions = [
      { id: 'c1', status: 'completed', dueOn: '2026-10-01' },
      { id: 'o2', status: 'open', dueOn: '2026-12-10' },
      { id: 'c2', status: 'cancelled', dueOn: '2026-11-01' },
      { id: 'o1', status: 'open', dueOn: '2026-11-01' },
    ];
    expect([...actions].sort(compareActions).map((a) => a.id)).toEqual(['o1', 'o2', 'c2', 'c1']);
  });
});
