import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  leaseLatestEnd,
  dayOf,
  daysBetween,
  pragueDate,
  pragueDay,
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
    expect(leaseLatestEnd('2026-01-15', 6)).toBe('2026-07-15');
  });
});

describe('calendar arithmetic by day numbers', () => {
  // The reference: the same operations through Date in UTC, slow but obviously right.
  const viaDate = {
    addDays: (d: string, n: number) =>
      new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10),
    daysBetween: (a: string, b: string) =>
      Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000),
    weekday: (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay(),
    addMonths: (date: string, months: number) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const first = new Date(Date.UTC(y, m - 1 + months, 1));
      const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
      return new Date(
        Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last.getUTCDate())),
      )
        .toISOString()
        .slice(0, 10);
    },
  };
  const date = fc
    .date({
      min: new Date('1901-01-01T00:00:00Z'),
      max: new Date('2199-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('agrees with Date for adding days and months, counting days and finding Mondays', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: -5000, max: 5000 }), (a, b, n) => {
        expect(addDays(a, n)).toBe(viaDate.addDays(a, n));
        expect(addMonths(a, n % 300)).toBe(viaDate.addMonths(a, n % 300));
        expect(daysBetween(a, b)).toBe(viaDate.daysBetween(a, b));
        const monday = weekStart(a);
        expect(viaDate.weekday(monday)).toBe(1);
        expect(daysBetween(monday, a)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(monday, a)).toBeLessThan(7);
      }),
      { numRuns: 2000 },
    );
  });
});

const pragueFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Prague',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const viaIntl = (ms: number) => pragueFormat.format(new Date(ms));

describe('pragueDay', () => {
  it('is the day number of the Prague date, whatever form the moment is written in', () => {
    const forms = (ms: number) => {
      const z = new Date(ms).toISOString();
      const wall = (offsetMin: number) => {
        const t = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
        const sign = offsetMin < 0 ? '-' : '+';
        const abs = Math.abs(offsetMin);
        return `${t}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      };
      return [z, `${z.slice(0, 19)}Z`, wall(60), wall(-300), wall(330)];
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2120, 11, 31) }), (ms) => {
        const whole = ms - (ms % 1000);
        for (const at of forms(whole)) {
          expect(pragueDay(at)).toBe(daysBetween('1970-01-01', viaIntl(whole)));
          expect(pragueDate(at)).toBe(viaIntl(whole));
        }
        expect(dayOf(pragueDate(new Date(ms).toISOString()))).toBe(
          pragueDay(new Date(ms).toISOString()),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pragueDate by the summer-time rule', () => {
  it('agrees with the time-zone database at any moment, and around every switch', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        expect(pragueDate(new Date(ms).toISOString())).toBe(viaIntl(ms));
      }),
      { numRuns: 3000 },
    );
    // Around midnight on the switch days (22:00-01:00 UTC on either side of the change).
    for (let year = 1997; year <= 2060; year++) {
      for (const month of [2, 9]) {
        const last = Date.UTC(year, month + 1, 0);
        const sunday = last - new Date(last).getUTCDay() * 86_400_000;
        for (let m = -26 * 60; m <= 26 * 60; m += 30) {
          const ms = sunday + m * 60_000;
          expect(pragueDate(new Date(ms))).toBe(viaIntl(ms));
          expect(pragueDate(new Date(ms).toISOString())).toBe(viaIntl(ms));
        }
        // The switch itself (01:00 UTC) and a millisecond either side, as the app writes them.
        for (const ms of [sunday + 3_600_000 - 1, sunday + 3_600_000, sunday + 3_600_001])
          expect(pragueDate(new Date(ms).toISOString())).toBe(viaIntl(ms));
      }
    }
  });
});
