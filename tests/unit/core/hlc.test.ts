import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampHlc, createClock, decodeHlc, encodeHlc } from '../../../src/core';

describe('hybrid logical clock', () => {
  it('never goes backwards, whatever the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 2, maxLength: 50 }),
        (walls) => {
          let i = 0;
          const clock = createClock('n1', () => walls[i++ % walls.length] as number);
          const stamps = walls.map(() => clock.tick());
          for (let k = 1; k < stamps.length; k++) expect(stamps[k]! > stamps[k - 1]!).toBe(true);
        },
      ),
    );
  });

  it('orders as strings exactly as by (wall, counter)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(10 ** 13), fc.nat(9999)),
        fc.tuple(fc.nat(10 ** 13), fc.nat(9999)),
        ([w1, c1], [w2, c2]) => {
          const a = encodeHlc(w1, c1, 'x');
          const b = encodeHlc(w2, c2, 'x');
          expect(a < b).toBe(w1 < w2 || (w1 === w2 && c1 < c2));
          expect(decodeHlc(a)).toEqual({ wall: w1, counter: c1, node: 'x' });
        },
      ),
    );
  });

  it('catches up with a server clock when its own lags days behind', () => {
    const fourDaysAgo = Date.now() - 4 * 86_400_000;
    const clock = createClock('lagging', () => fourDaysAgo);
    const before = clock.tick();
    clock.receive(Date.now());
    const after = clock.tick();
    expect(decodeHlc(after).wall).toBeGreaterThan(decodeHlc(before).wall + 3 * 86_400_000);
  });

  it('is pulled back by the server when it runs far ahead', () => {
    const now = Date.now();
    const future = encodeHlc(now + 30 * 86_400_000, 3, 'fast');
    expect(clampHlc(future, now, 60_000)).toEqual({
      hlc: encodeHlc(now, 3, 'fast'),
      clamped: true,
    });
    const fine = encodeHlc(now + 1000, 0, 'ok');
    expect(clampHlc(fine, now, 60_000)).toEqual({ hlc: fine, clamped: false });
  });
});
