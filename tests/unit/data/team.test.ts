import { describe, expect, it } from 'vitest';
import { complianceGrid, pastWeeks } from '../../../src/data/queries/team';

describe('compliance by worker and week', () => {
  it('lists the past weeks, Mondays, oldest first', () => {
    expect(pastWeeks('2026-11-25', 3)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });

  it('counts the periods that ended in each week, met or not, ignoring open and empty ones', () => {
    const weeks = ['2026-11-02', '2026-11-09'];
    const grid = complianceGrid(
      [
        {
          workerId: 'a',
          periods: [
            { end: '2026-11-09', required: 1, complete: true, status: 'met' }, // week of 2 Nov
            { end: '2026-11-16', required: 1, complete: true, status: 'missed' }, // week of 9 Nov
            { end: '2026-11-16', required: 0, complete: true, status: 'met' }, // required nothing
            { end: '2026-11-23', required: 1, complete: false, status: 'due' }, // still open
          ],
        },
        {
          workerId: 'a',
          periods: [{ end: '2026-11-16', required: 2, complete: true, status: 'met' }],
        },
        {
          workerId: 'b',
          periods: [{ end: '2026-10-26', required: 1, complete: true, status: 'met' }],
        },
      ],
      weeks,
    );
    expect(grid).toEqual({
      weeks,
      rows: [
        {
          workerId: 'a',
          cells: [
            { met: 1, total: 1 },
            { met: 1, total: 2 },
          ],
        },
        {
          workerId: 'b',
          cells: [
            { met: 0, total: 0 },
            { met: 0, total: 0 },
          ],
        },
      ],
    });
  });
});
