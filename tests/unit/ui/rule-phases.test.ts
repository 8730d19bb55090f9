import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../src/core';
import {
  chain,
  withLastPhaseRemoved,
  withPhaseAdded,
} from '../../../src/features/admin/rules/rule-phases';

const weekly: Phase['requirement'] = { kind: 'min_per_period', period: 'iso_week', min: 1 };
const twice: Phase['requirement'] = { kind: 'avg_per_week', perWeek: 2, windowWeeks: 4 };

/** Phases as an editor leaves them: 0 to the first end, each on from the last, open at the end. */
const followsOn = (phases: Phase[]) =>
  phases.every((p, i) => p.fromDay === (i === 0 ? 0 : phases[i - 1]?.toDay)) &&
  phases.at(-1)?.toDay === null;

const phasesArb = fc
  .array(fc.integer({ min: 1, max: 200 }), { minLength: 0, maxLength: 5 })
  .map((lengths) => {
    let from = 0;
    const closed = lengths.map((n) => {
      const p: Phase = { fromDay: from, toDay: from + n, requirement: weekly };
      from += n;
      return p;
    });
    return [...closed, { fromDay: from, toDay: null, requirement: twice }];
  });

describe('editing a rule\u2019s phases', () => {
  it('adds a phase 90 days after the open-ended one starts, with the same requirement', () => {
    const phases: Phase[] = [
      { fromDay: 0, toDay: 91, requirement: weekly },
      { fromDay: 91, toDay: null, requirement: twice },
    ];
    expect(withPhaseAdded(phases)).toEqual([
      { fromDay: 0, toDay: 91, requirement: weekly },
      { fromDay: 91, toDay: 181, requirement: twice },
      { fromDay: 181, toDay: null, requirement: twice },
    ]);
  });

  it('removes the last phase and leaves the one before open-ended; one phase stays', () => {
    const one: Phase[] = [{ fromDay: 0, toDay: null, requirement: weekly }];
    expect(withLastPhaseRemoved(one)).toEqual(one);
    expect(withLastPhaseRemoved(withPhaseAdded(one))).toEqual(one);
  });

  it('chains phases so that each starts where the one before ends', () => {
    expect(
      chain([
        { fromDay: 5, toDay: 30, requirement: weekly },
        { fromDay: 7, toDay: null, requirement: twice },
      ]).map((p) => p.fromDay),
    ).toEqual([0, 30]);
  });

  it('keeps phases following on after any adds and removes', () => {
    fc.assert(
      fc.property(phasesArb, fc.array(fc.boolean(), { maxLength: 8 }), (start, steps) => {
        let phases = start;
        for (const add of steps)
          phases = add ? withPhaseAdded(phases) : withLastPhaseRemoved(phases);
        expect(followsOn(phases)).toBe(true);
        expect(phases.length).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
