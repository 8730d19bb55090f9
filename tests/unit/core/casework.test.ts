import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, DEFAULT_RULES, planTimeliness } from '../../../src/core';
import { aHousehold, anEnrolment } from '../../factories/records';

const h = aHousehold();
const crisis = DEFAULT_RULES.crisis_housing.planWithinDays as number;

describe('planTimeliness', () => {
  it('counts a plan made on the deadline day as on time, the day after as late', () => {
    const a = anEnrolment(h.id, { programme: 'crisis_housing', startDate: '2026-03-01' });
    const b = anEnrolment(h.id, { programme: 'crisis_housing', startDate: '2026-03-02' });
    const deadline = addDays('2026-03-01', crisis);
    const first = new Map([
      [a.id, deadline],
      [b.id, addDays(deadline, 2)],
    ]);
    expect(planTimeliness([a, b], first, DEFAULT_RULES, '2026-01-01', '2026-12-31')).toEqual([
      { programme: 'crisis_housing', due: 2, onTime: 1, late: 1, missing: 0 },
    ]);
  });

  it('leaves out programmes without a plan deadline and deadlines outside the period', () => {
    const field = anEnrolment(h.id, { programme: 'field_work', startDate: '2026-03-01' });
    const later = anEnrolment(h.id, { programme: 'crisis_housing', startDate: '2026-12-20' });
    expect(
      planTimeliness([field, later], new Map(), DEFAULT_RULES, '2026-01-01', '2026-12-31'),
    ).toEqual([]);
  });

  it('always splits the due enrolments into on time, late and missing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 400 }),
            plan: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
          }),
          { maxLength: 30 },
        ),
        (items) => {
          const enrolments = items.map((i) =>
            anEnrolment(h.id, {
              programme: 'crisis_housing',
              startDate: addDays('2025-06-01', i.start),
            }),
          );
          const first = new Map(
            items.flatMap((i, k) =>
              i.plan === null
                ? []
                : [[enrolments[k]?.id as string, addDays('2025-06-01', i.plan)] as const],
            ),
          );
          const rows = planTimeliness(enrolments, first, DEFAULT_RULES, '2025-09-01', '2026-03-31');
          for (const r of rows) expect(r.onTime + r.late + r.missing).toBe(r.due);
          expect(rows.reduce((n, r) => n + r.due, 0)).toBeLessThanOrEqual(items.length);
        },
      ),
    );
  });
});
