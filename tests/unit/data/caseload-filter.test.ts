import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LOCALITY_KINDS,
  URGENCIES,
  type EnrolmentEvaluation,
  type Urgency,
} from '../../../src/core';
import type { CaseloadRow } from '../../../src/data/queries/caseload';
import {
  activeFilters,
  CASE_NEEDS,
  filterCaseload,
  NO_FILTERS,
  type CaseloadFilters,
} from '../../../src/data/queries/caseload-filter';
import { aHousehold, anEnrolment, aPerson } from '../../factories/records';

const W1 = '00000000-0000-4000-8000-0000000000a1';
const W2 = '00000000-0000-4000-8000-0000000000a2';

type Case = {
  urgency: Urgency;
  programme: string;
  workerId: string;
  planLate: boolean;
  leaseEnding: boolean;
  signOff: boolean;
};

const evaluationOf = (c: Case): EnrolmentEvaluation => ({
  urgency: c.urgency,
  current: null,
  previous: null,
  nextDue: null,
  late: null,
  plan: { status: c.planLate ? 'overdue' : 'in_place', due: null },
  lease: c.leaseEnding ? { end: '2027-01-01', daysLeft: 20, warning: true } : null,
});

const aCase = (over: Partial<Case> = {}): Case => ({
  urgency: 'met',
  programme: 'social_housing',
  workerId: W1,
  planLate: false,
  leaseEnding: false,
  signOff: false,
  ...over,
});

const aRow = (
  over: {
    district?: string;
    localityKind?: (typeof LOCALITY_KINDS)[number];
    phone?: string;
    memberPhone?: string;
    cases?: Case[];
  } = {},
): CaseloadRow => {
  const household = aHousehold({
    district: over.district ?? 'poruba',
    localityKind: over.localityKind ?? 'ordinary',
    phone: over.phone ?? '',
  });
  const cases = over.cases ?? [aCase()];
  const enrolments = cases.map((c) =>
    anEnrolment(household.id, { programme: c.programme, workerId: c.workerId }),
  );
  return {
    household,
    people: [aPerson(household.id, { phone: over.memberPhone ?? '' })],
    enrolments,
    evaluations: new Map(enrolments.map((e, i) => [e.id, evaluationOf(cases[i] as Case)])),
    urgency: 'met',
    lastContactAt: null,
    nextDate: null,
    signOffDue: enrolments.filter((_, i) => cases[i]?.signOff).map((e) => e.id),
  };
};

const caseArb: fc.Arbitrary<Case> = fc.record({
  urgency: fc.constantFrom(...URGENCIES),
  programme: fc.constantFrom('social_housing', 'crisis_housing', 'field_work'),
  workerId: fc.constantFrom(W1, W2),
  planLate: fc.boolean(),
  leaseEnding: fc.boolean(),
  signOff: fc.boolean(),
});

const rowArb = fc
  .record({
    district: fc.constantFrom('poruba', 'vitkovice'),
    localityKind: fc.constantFrom(...LOCALITY_KINDS),
    cases: fc.array(caseArb, { minLength: 1, maxLength: 3 }),
  })
  .map((r) => ({ ...r, row: aRow(r) }));

const filtersArb: fc.Arbitrary<CaseloadFilters> = fc.record({
  urgency: fc.constantFrom('', 'attention', ...URGENCIES),
  programme: fc.constantFrom('', 'social_housing', 'field_work'),
  district: fc.constantFrom('', 'poruba'),
  localityKind: fc.constantFrom('', ...LOCALITY_KINDS),
  workerId: fc.constantFrom('', W2),
  need: fc.constantFrom('', ...CASE_NEEDS),
});

/** The filters' meaning, written out plainly over the generated cases. */
const casePasses = (c: Case, f: CaseloadFilters) =>
  (!f.urgency ||
    (f.urgency === 'attention'
      ? ['overdue', 'at_risk'].includes(c.urgency)
      : c.urgency === f.urgency)) &&
  (!f.programme || c.programme === f.programme) &&
  (!f.workerId || c.workerId === f.workerId) &&
  (!f.need ||
    (f.need === 'plan_late' ? c.planLate : f.need === 'sign_off' ? c.signOff : c.leaseEnding));

describe('filterCaseload', () => {
  it('keeps exactly the rows that pass every filter set, one enrolment meeting all of its own', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), filtersArb, (generated, f) => {
        const passes = (g: (typeof generated)[number]) =>
          (!f.district || g.district === f.district) &&
          (!f.localityKind || g.localityKind === f.localityKind) &&
          g.cases.some((c) => casePasses(c, f));
        const rows = generated.map((g) => g.row);
        expect(filterCaseload(rows, '', f)).toEqual(generated.filter(passes).map((g) => g.row));
      }),
    );
  });

  it('does not take one colleague’s overdue case for another’s in the same household', () => {
    const shared = aRow({
      cases: [aCase({ workerId: W1, urgency: 'overdue' }), aCase({ workerId: W2, urgency: 'met' })],
    });
    expect(
      filterCaseload([shared], '', { ...NO_FILTERS, workerId: W2, urgency: 'overdue' }),
    ).toEqual([]);
    expect(
      filterCaseload([shared], '', { ...NO_FILTERS, workerId: W1, urgency: 'overdue' }),
    ).toEqual([shared]);
  });

  it('finds a household by any part of its own or a member’s phone, however written', () => {
    const home = aRow({ phone: '+420 777 123 456' });
    const member = aRow({ memberPhone: '602-111-222' });
    const none = aRow();
    const rows = [home, member, none];
    expect(filterCaseload(rows, '777 123')).toEqual([home]);
    expect(filterCaseload(rows, '+420777')).toEqual([home]);
    expect(filterCaseload(rows, '111 222')).toEqual([member]);
    // Two digits are too few to mean a phone; letters make it a name search.
    expect(filterCaseload(rows, '60')).toEqual([]);
    expect(filterCaseload(rows, 'Hornická 12')).toEqual([]);
  });

  it('counts the filters set', () => {
    expect(activeFilters(NO_FILTERS)).toBe(0);
    expect(activeFilters({ ...NO_FILTERS, urgency: 'overdue', district: 'poruba' })).toBe(2);
  });
});
