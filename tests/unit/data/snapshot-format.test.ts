import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_KINDS, type ContactFacts, type PlanFacts } from '../../../src/core';
import {
  contactGroup,
  contactsOfGroup,
  planGroup,
  plansOfGroup,
} from '../../../src/data/read-model/facts';

const household = '00000000-0000-4000-8000-0000000000a1';
const at = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
const contact: fc.Arbitrary<ContactFacts> = fc.record({
  id: fc.uuid(),
  householdId: fc.constant(household),
  // Few enrolments, so contacts share them as in a household.
  enrolmentIds: fc.array(fc.constantFrom('e1', 'e2', 'e3', 'ž-ü'), { maxLength: 3 }),
  at,
  kind: fc.constantFrom(...CONTACT_KINDS),
  amends: fc.option(fc.uuid(), { nil: null }),
  deleted: fc.boolean(),
  nextDate: fc.option(fc.constant('2026-12-24'), { nil: null }),
});
const plan: fc.Arbitrary<PlanFacts> = fc.record({
  id: fc.uuid(),
  householdId: fc.constant(household),
  enrolmentId: fc.uuid(),
  revision: fc.nat(),
  createdAt: at,
  reviewDate: fc.option(fc.constant('2027-01-31'), { nil: null }),
  deleted: fc.boolean(),
});

/** What a start reads back: the snapshot's JSON, parsed. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const none = { from: '', changed: new Set<string>() };

describe('the read model\u2019s snapshot of a household', () => {
  it('gives back every contact\u2019s facts as they were, in order', () => {
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 12 }), (contacts) => {
        expect(contactsOfGroup(household, throughJson(contactGroup(contacts)), none)).toEqual(
          contacts,
        );
      }),
    );
  });

  it('gives back every plan revision\u2019s facts as they were, in order', () => {
    fc.assert(
      fc.property(fc.array(plan, { maxLength: 12 }), (plans) => {
        expect(plansOfGroup(household, throughJson(planGroup(plans)), none)).toEqual(plans);
      }),
    );
  });

  it('leaves out contacts dated before the window and rows changed since, and only those', () => {
    fc.assert(
      fc.property(
        fc.array(contact, { maxLength: 12 }),
        fc.array(plan, { maxLength: 6 }),
        fc.integer({ min: 0, max: 12 }),
        at,
        (contacts, plans, k, from) => {
          const changed = new Set(
            [...contacts, ...plans].filter((_, i) => i % 3 === k % 3).map((r) => r.id),
          );
          const skip = { from, changed };
          expect(contactsOfGroup(household, throughJson(contactGroup(contacts)), skip)).toEqual(
            contacts.filter((c) => c.at >= from && !changed.has(c.id)),
          );
          expect(plansOfGroup(household, throughJson(planGroup(plans)), skip)).toEqual(
            plans.filter((p) => !changed.has(p.id)),
          );
        },
      ),
    );
  });

  it('writes each enrolment id once per household', () => {
    const c = (id: string, enrolmentIds: string[]): ContactFacts => ({
      id,
      householdId: household,
      enrolmentIds,
      at: '2026-11-30T10:00:00.000Z',
      kind: 'home_visit',
      amends: null,
      deleted: false,
      nextDate: null,
    });
    const [enrolments] = contactGroup([c('a', ['e1', 'e2']), c('b', ['e2']), c('c', ['e1'])]);
    expect(enrolments).toEqual(['e1', 'e2']);
  });
});
