import { describe, expect, it } from 'vitest';
import { mergePlans, type Plan } from '../../../src/core';

const step = (id: string, what: string, done = false) => ({ id, what, who: '', due: null, done });
const plan = (goals: Plan['goals'], over: Partial<Plan> = {}): Plan => ({
  id: 'p',
  householdId: 'h',
  enrolmentId: 'e',
  revision: 1,
  basedOn: null,
  authorId: null,
  personId: null,
  goals,
  reviewDate: null,
  clientAgreed: false,
  evaluation: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deleted: false,
  ...over,
});
const housing = {
  id: 'g1',
  area: 'housing' as const,
  text: 'Udržet bydlení',
  steps: [step('s1', 'Platit nájem')],
};
const debt = {
  id: 'g2',
  area: 'debt' as const,
  text: 'Splatit dluh',
  steps: [step('s2', 'Sepsat věřitele')],
};
const base = plan([housing, debt]);

describe('mergePlans', () => {
  it.each([
    [
      'edits to different goals combine',
      plan([{ ...housing, text: 'Udržet bydlení a platit včas' }, debt]),
      plan([housing, { ...debt, text: 'Splatit dluh na energiích' }]),
      [
        { ...housing, text: 'Udržet bydlení a platit včas' },
        { ...debt, text: 'Splatit dluh na energiích' },
      ],
    ],
    [
      'a step ticked off on one side and a goal reworded on the other',
      plan([{ ...housing, steps: [step('s1', 'Platit nájem', true)] }, debt]),
      plan([{ ...housing, text: 'Bydlet dlouhodobě' }, debt]),
      [{ ...housing, text: 'Bydlet dlouhodobě', steps: [step('s1', 'Platit nájem', true)] }, debt],
    ],
    [
      'goals added on both sides are both kept',
      plan([
        housing,
        debt,
        { id: 'g3', area: 'employment' as const, text: 'Najít práci', steps: [] },
      ]),
      plan([
        housing,
        debt,
        { id: 'g4', area: 'health' as const, text: 'Zajít k lékaři', steps: [] },
      ]),
      [
        housing,
        debt,
        { id: 'g3', area: 'employment', text: 'Najít práci', steps: [] },
        { id: 'g4', area: 'health', text: 'Zajít k lékaři', steps: [] },
      ],
    ],
    [
      'a goal removed on one side and untouched on the other goes',
      plan([housing]),
      base,
      [housing],
    ],
  ])('%s', (_name, a, b, goals) => {
    const result = mergePlans(base, a, b);
    expect(result).toEqual({
      merged: { goals, reviewDate: null, clientAgreed: false, evaluation: '', personId: null },
    });
    // Symmetric: who arrived first does not change the content.
    expect(mergePlans(base, b, a)).toMatchObject({
      merged: { goals: expect.arrayContaining(goals) },
    });
  });

  it.each([
    [
      'the same goal reworded differently',
      plan([{ ...housing, text: 'A' }, debt]),
      plan([{ ...housing, text: 'B' }, debt]),
    ],
    [
      'a goal removed on one side and changed on the other',
      plan([debt]),
      plan([{ ...housing, text: 'Jinak' }, debt]),
    ],
    [
      'the evaluation written differently',
      plan([housing, debt], { evaluation: 'Dobře' }),
      plan([housing, debt], { evaluation: 'Špatně' }),
    ],
  ])('%s is a conflict for a person', (_name, a, b) => {
    expect(mergePlans(base, a, b)).toEqual({ conflict: true });
  });
});
