import { describe, expect, it } from 'vitest';
import { awaitsSignOff, reviewsOf } from '../../../src/core';
import { aHousehold, anEnrolment, aPlan, aPlanReview } from '../../factories/records';

const supervisor = '00000000-0000-4000-8000-0000000000b1';
const enrolment = anEnrolment(aHousehold().id);
const first = aPlan(enrolment);
const second = aPlan(enrolment, { revision: 2, basedOn: first.id });

describe('reviewsOf', () => {
  it('lists a revision’s comments oldest first and finds its sign-off', () => {
    const late = aPlanReview(first, supervisor, {
      signedOff: true,
      createdAt: '2026-02-02T10:00:00.000Z',
    });
    const early = aPlanReview(first, enrolment.workerId, { createdAt: '2026-02-01T10:00:00.000Z' });
    const other = aPlanReview(second, supervisor);
    const r = reviewsOf([late, other, early], first.id);
    expect(r.entries.map((e) => e.id)).toEqual([early.id, late.id]);
    expect(r.signOff?.id).toBe(late.id);
    expect(reviewsOf([late, early], second.id)).toEqual({ signOff: null, entries: [] });
  });

  it('ignores deleted entries', () => {
    const gone = aPlanReview(first, supervisor, { signedOff: true, deleted: true });
    expect(reviewsOf([gone], first.id).signOff).toBeNull();
  });
});

describe('awaitsSignOff', () => {
  it('waits for a sign-off of the current revision; an older sign-off does not cover it', () => {
    const signedFirst = aPlanReview(first, supervisor, { signedOff: true });
    expect(awaitsSignOff(null, [])).toBe(false);
    expect(awaitsSignOff(first, [])).toBe(true);
    expect(awaitsSignOff(first, [signedFirst])).toBe(false);
    expect(awaitsSignOff(second, [signedFirst])).toBe(true);
    expect(awaitsSignOff(second, [aPlanReview(second, supervisor)])).toBe(true);
  });
});
