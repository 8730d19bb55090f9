import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALITY_KINDS, URGENCIES, type Urgency } from '../../../src/core';
import type { CaseloadRow } from '../../../src/data/queries/caseload';
import {
  activeFilters,
  filterCaseload,
  NO_FILTERS,
  type CaseloadFilters,
} from '../../../src/data/queries/caseload-filter';
import { aHousehold, anEnrolment, aPerson } from '../../factories/records';

const W1 = '00000000-0000-4000-8000-0000000000a1';
const W2 = '00000000-0000-4000-8000-0000000000a2';

const aRow = (over: {
  urgency?: Urgency;
  programme?: string;
  district?: string;
  localityKind?: (typeof LOCALITY_KINDS)[number];
  workerId?: string;
  phone?: string;
  memberPhone?: string;
}): CaseloadRow => {
  const household = aHousehold({
    district: over.district ?? 'poruba',
    localityKind: over.localityKind ?? 'ordinary',
    phone: over.phone ?? '',
  });
  return {
    household,
    people: [aPerson(household.id, { phone: over.memberPhone ?? '' })],
    enrolments: [
      anEnrolment(household.id, {
        programme: over.programme ?? 'social_housing',
        workerId: over.workerId ?? W1,
      }),
    ],
    evaluations: new Map(),
    urgency: over.urgency ?? 'met',
    lastContactAt: null,
    nextDate: null,
    signOffDue: [],
  };
};

const rowArb = fc
  .record({
    urgency: fc.constantFrom(...URGENCIES),
    programme: fc.constantFrom('social_housing', 'crisis_housing', 'field_work'),
    district: fc.constantFrom('poruba', 'vitkovice'),
    localityKind: fc.constantFrom(...LOCALITY_KINDS),
    workerId: fc.constantFrom(W1, W2),
  })
  .map(aRow);

const filtersArb: fc.Arbitrary<CaseloadFilters> = fc.record({
  urgency: fc.constantFrom('', 'attention', ...URGENCIES),
  programme: fc.constantFrom('', 'social_housing', 'field_work'),
  district: fc.constantFrom('', 'poruba'),
  localityKind: fc.constantFrom('', ...LOCALITY_KINDS),
  workerId: fc.constantFrom('', W2),
});

describe('filterCaseload', () => {
  it('keeps exactly the rows that pass every filter set, in their order', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), filtersArb, (rows, f) => {
        const passes = (r: CaseloadRow) =>
          (!f.urgency ||
            (f.urgency === 'attention'
              ? ['overdue', 'at_risk'].includes(r.urgency)
              : r.urgency === f.urgency)) &&
          (!f.programme || r.enrolments[0]?.programme === f.programme) &&
          (!f.district || r.household.district === f.district) &&
          (!f.localityKind || r.household.localityKind === f.localityKind) &&
          (!f.workerId || r.enrolments[0]?.workerId === f.workerId);
        expect(filterCaseload(rows, '', f)).toEqual(rows.filter(passes));
      }),
    );
  });

  it('finds a household by any part of its own or a member’s phone, however written', () => {
    const home = aRow({ phone: '+420 777 123 456' });
    const member = aRow({ memberPhone: '602-111-222' });
    const none = aRow({});
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
