import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  crisisLeaseLatestEnd,
  daysBetween,
  pragueDate,
  pragueTime,
  pragueToIso,
  weekStart,
} from '../../../src/core';

describe('Prague calendar', () => {
  it('converts wall-clock time in winter and summer', () => {
    expect(pragueToIso('2026-01-15', '09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(pragueToIso('2026-07-15', '09:30')).toBe('2026-07-15T07:30:00.000Z');
  });

  it('handles the daylight-saving switch days', () => {
    // 29 March 2026: 02:00 jumps to 03:00. 25 October 2026: 03:00 goes back to 02:00.
    expect(pragueToIso('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(pragueToIso('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(pragueToIso('2026-10-25', '12:00')).toBe('2026-10-25T11:00:00.000Z');
  });

  it('gives the Prague date of a late-evening UTC moment', () => {
    expect(pragueDate('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    expect(pragueTime('2026-06-30T22:30:00.000Z')).toBe('00:30');
  });

  it('round-trips any wall-clock time outside the spring gap', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (d) => {
          const at = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
          const iso = pragueToIso(pragueDate(at), pragueTime(at));
          // In the repeated autumn hour both moments show the same wall clock; we pick the first.
          expect(Math.abs(Date.parse(iso) - at.getTime())).toBeLessThanOrEqual(3600_000);
          expect(pragueDate(iso)).toBe(pragueDate(at));
          expect(pragueTime(iso)).toBe(pragueTime(at));
        },
      ),
    );
  });

  it('does date arithmetic on calendar days', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
  });

  it('ends a crisis lease at most 6 months after it starts', () => {
    expect(crisisLeaseLatestEnd('2026-01-15')).toBe('2026-07-15');
  });
});
