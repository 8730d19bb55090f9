import { describe, expect, it } from 'vitest';
import { nextRevisionNumber, planState, type Plan } from '../../../src/core';

const rev = (
  id: string,
  revision: number,
  createdAt = `2026-01-0${revision}T10:00:00.000Z`,
): Plan => ({
  id,
  householdId: '00000000-0000-4000-8000-000000000011',
  enrolmentId: '00000000-0000-4000-8000-000000000012',
  revision,
  personId: null,
  basedOn: null,
  authorId: null,
  goals: [],
  reviewDate: null,
  clientAgreed: false,
  evaluation: '',
  createdAt,
  updatedAt: createdAt,
  deleted: false,
});

describe('planState', () => {
  it('has no plan before the first revision', () => {
    expect(planState([])).toEqual({ current: null, competing: [], history: [] });
    expect(nextRevisionNumber([])).toBe(1);
  });

  it('takes the highest revision as current and keeps every revision, newest first', () => {
    const state = planState([rev('a', 1), rev('c', 3), rev('b', 2)]);
    expect(state.current?.id).toBe('c');
    expect(state.history.map((p) => p.id)).toEqual(['c', 'b', 'a']);
    expect(state.competing).toEqual([]);
    expect(nextRevisionNumber(state.history)).toBe(4);
  });

  it('shows two revisions with the same number as two versions to resolve, in any order', () => {
    const x = rev('x', 2, '2026-01-05T10:00:00.000Z');
    const y = rev('y', 2, '2026-01-06T10:00:00.000Z');
    const one = planState([rev('a', 1), x, y]);
    const two = planState([y, rev('a', 1), x]);
    expect(one.current?.id).toBe('y');
    expect(one.competing.map((p) => p.id)).toEqual(['x']);
    expect(two).toEqual(one);
  });
});
