import { describe, expect, it } from 'vitest';
import {
  enrolmentProblems as problemsOf,
  OSTRAVA_PROGRAMMES,
  programmeInfo,
} from '../../../src/core';
import { anEnrolment } from '../../factories/records';

const id = '00000000-0000-4000-8000-000000000099';

/** The problems, with the enrolment's programme as Ostrava's list has it. */
const enrolmentProblems = (e: ReturnType<typeof anEnrolment>) =>
  problemsOf(e, programmeInfo(OSTRAVA_PROGRAMMES, e.programme));

describe('enrolmentProblems', () => {
  it('accepts a well-formed social housing enrolment', () => {
    const e = anEnrolment(id, {
      lease: { flat: 'Hornická 1, byt 2', start: '2026-01-05', end: null },
    });
    expect(enrolmentProblems(e)).toEqual([]);
  });

  it('needs a flat for the housing tiers, not for family prevention', () => {
    expect(enrolmentProblems(anEnrolment(id, { lease: null }))).toEqual([
      { path: 'lease.flat', code: 'required' },
    ]);
    expect(
      enrolmentProblems(anEnrolment(id, { programme: 'family_prevention', lease: null })),
    ).toEqual([]);
  });

  it('limits a crisis lease to 6 months and requires its end', () => {
    const lease = (end: string | null) => ({ flat: 'X 1', start: '2026-01-15', end });
    const crisis = (end: string | null) =>
      anEnrolment(id, { programme: 'crisis_housing', lease: lease(end) });
    expect(enrolmentProblems(crisis('2026-07-15'))).toEqual([]);
    expect(enrolmentProblems(crisis('2026-07-16'))).toEqual([
      { path: 'lease.end', code: 'lease_too_long', max: '2026-07-15' },
    ]);
    expect(enrolmentProblems(crisis(null))).toEqual([{ path: 'lease.end', code: 'required' }]);
    expect(enrolmentProblems(crisis('2026-01-01'))).toEqual([
      { path: 'lease.end', code: 'before_start' },
    ]);
  });

  it('takes the lease rules from the programme, so another city sets its own', () => {
    const e = anEnrolment(id, {
      programme: 'emergency_flats',
      lease: { flat: 'X 1', start: '2026-01-15', end: '2026-05-01' },
    });
    expect(problemsOf(e, { housing: true, leaseMaxMonths: 3 })).toEqual([
      { path: 'lease.end', code: 'lease_too_long', max: '2026-04-15' },
    ]);
    expect(problemsOf(e, { housing: true, leaseMaxMonths: null })).toEqual([]);
    expect(problemsOf({ ...e, lease: null }, { housing: false, leaseMaxMonths: null })).toEqual([]);
    // A code the list does not hold is a plain programme: no flat asked for.
    expect(enrolmentProblems({ ...e, lease: null })).toEqual([]);
  });

  it('asks a closed enrolment for its date and reason, and consent for its date', () => {
    const base = { programme: 'field_work' as const, lease: null };
    expect(enrolmentProblems(anEnrolment(id, { ...base, status: 'closed' }))).toEqual([
      { path: 'closeReason', code: 'close_needs_reason' },
    ]);
    expect(
      enrolmentProblems(
        anEnrolment(id, { ...base, consent: { given: true, date: null, legalBasis: 'consent' } }),
      ),
    ).toEqual([{ path: 'consent.date', code: 'consent_needs_date' }]);
  });
});
