import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planChanges, withStepDone, type Plan } from '../../../src/core';
import { aPlan, anEnrolment } from '../../factories/records';

const HH = '00000000-0000-4000-8000-000000000111';
const step = (id: string, what: string, done = false) => ({ id, what, who: '', due: null, done });
const base: Plan = aPlan(anEnrolment(HH), {
  goals: [
    { id: 'g1', area: 'housing', text: 'Udržet bydlení', steps: [step('s1', 'Platit nájem')] },
    { id: 'g2', area: 'debt', text: 'Splatit dluh', steps: [step('s2', 'Sepsat věřitele')] },
  ],
  reviewDate: '2027-03-01',
});

describe('planChanges', () => {
  it('names each change goal by goal and step by step', () => {
    const [housing, debt] = base.goals as [Plan['goals'][number], Plan['goals'][number]];
    const next: Plan = {
      ...base,
      goals: [
        {
          ...housing,
          steps: [{ ...step('s1', 'Platit nájem včas'), done: true }, step('s3', 'Zajít na úřad')],
        },
        { id: 'g3', area: 'employment', text: 'Najít práci', steps: [] },
      ],
      reviewDate: '2027-04-01',
      clientAgreed: !base.clientAgreed,
    };
    expect(planChanges(base, next)).toEqual([
      { kind: 'step_changed', step: 'Platit nájem včas', before: 'Platit nájem' },
      { kind: 'step_done', step: 'Platit nájem včas' },
      { kind: 'step_added', step: 'Zajít na úřad' },
      { kind: 'goal_added', goal: 'Najít práci' },
      { kind: 'goal_removed', goal: debt.text },
      { kind: 'review_date', before: '2027-03-01', after: '2027-04-01' },
      { kind: 'agreed', after: next.clientAgreed },
    ]);
    expect(planChanges(null, next)).toEqual([]);
  });

  it('finds nothing between a revision and a copy, and one tick when a step is ticked', () => {
    fc.assert(
      fc.property(fc.constantFrom('s1', 's2'), fc.boolean(), (id, done) => {
        expect(planChanges(base, { ...base, id: 'copy' })).toEqual([]);
        const ticked = withStepDone(base, id, done, {
          id: 'next',
          revision: base.revision + 1,
          authorId: base.authorId ?? '',
          now: '2027-01-10T10:00:00.000Z',
        });
        expect(ticked).toMatchObject({ basedOn: base.id, revision: base.revision + 1 });
        const what = id === 's1' ? 'Platit nájem' : 'Sepsat věřitele';
        expect(planChanges(base, ticked)).toEqual(done ? [{ kind: 'step_done', step: what }] : []);
      }),
    );
  });
});
