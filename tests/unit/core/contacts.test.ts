import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contactVersions,
  effectiveContacts,
  FUTURE_MARGIN_MINUTES,
  isFutureContact,
  splitMinutes,
} from '../../../src/core';

describe('splitMinutes', () => {
  it('splits a household visit evenly, whole minutes, summing to the total', () => {
    expect([...splitMinutes(60, ['b', 'a'])]).toEqual([
      ['a', 30],
      ['b', 30],
    ]);
    expect([...splitMinutes(50, ['c', 'a', 'b'])]).toEqual([
      ['a', 17],
      ['b', 17],
      ['c', 16],
    ]);
  });

  it('counts an enrolment once even when listed twice', () => {
    expect([...splitMinutes(30, ['a', 'a'])]).toEqual([['a', 30]]);
  });

  it('always adds up to the visit, never differs by more than a minute, and ignores order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1440 }),
        fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 6 }),
        (minutes, ids) => {
          const split = splitMinutes(minutes, ids);
          const parts = [...split.values()];
          expect(parts.reduce((a, b) => a + b, 0)).toBe(minutes);
          expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
          expect(splitMinutes(minutes, [...ids].reverse())).toEqual(split);
        },
      ),
    );
  });
});

describe('amendments', () => {
  const c = (id: string, amends: string | null = null, deleted = false) => ({
    id,
    amends,
    deleted,
  });

  it('shows the latest version of each visit and keeps the chain as history', () => {
    const all = [c('v1'), c('v2', 'v1'), c('v3', 'v2'), c('other')];
    expect(effectiveContacts(all).map((x) => x.id)).toEqual(['v3', 'other']);
    expect(contactVersions(all, 'v3').map((x) => x.id)).toEqual(['v1', 'v2', 'v3']);
  });

  it('survives a cycle in bad data', () => {
    const all = [c('a', 'b'), c('b', 'a')];
    expect(contactVersions(all, 'a').map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('leaves deleted contacts out', () => {
    expect(effectiveContacts([c('a', null, true)])).toEqual([]);
  });
});

describe('a contact dated in the future', () => {
  const now = new Date('2026-12-03T10:00:00.000Z');
  it('is one more than the margin ahead of now, not one within it or in the past', () => {
    expect(isFutureContact('2026-12-03T10:15:00.000Z', now)).toBe(false);
    expect(isFutureContact('2026-12-03T10:16:00.000Z', now)).toBe(true);
    expect(isFutureContact('2026-12-04T09:00:00.000Z', now)).toBe(true);
    expect(isFutureContact('2026-12-02T10:00:00.000Z', now)).toBe(false);
  });

  it('is ahead by more than the margin exactly when its time is', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (ms) => {
        const at = new Date(now.getTime() + ms).toISOString();
        expect(isFutureContact(at, now)).toBe(ms > FUTURE_MARGIN_MINUTES * 60_000);
      }),
    );
  });
});
