import { describe, expect, it } from 'vitest';
import { Contact, Household, groupBy, householdIdOf, isRealContact } from '../../../src/core';
import { aContact, aHousehold } from '../../factories/records';

describe('record schemas', () => {
  it('keeps fields this version does not know, so a newer app loses nothing', () => {
    const parsed = Household.parse({ ...aHousehold(), futureField: { x: 1 } });
    expect(parsed).toMatchObject({ futureField: { x: 1 } });
  });

  it('fills defaults for optional fields', () => {
    const { note: _note, phone: _phone, ...bare } = aHousehold();
    const parsed = Household.parse(bare);
    expect(parsed.note).toBe('');
    expect(parsed.phone).toBe('');
  });

  it('refuses a contact without an enrolment or with negative minutes', () => {
    const h = aHousehold();
    expect(Contact.safeParse({ ...aContact(h.id, h.id), enrolmentIds: [] }).success).toBe(false);
    expect(Contact.safeParse({ ...aContact(h.id, h.id), minutes: -5 }).success).toBe(false);
  });

  it('refuses a timestamp without an offset', () => {
    const h = aHousehold();
    expect(Contact.safeParse({ ...aContact(h.id, h.id), at: '2026-01-12T10:00:00' }).success).toBe(
      false,
    );
  });

  it('does not count a failed attempt as a real contact', () => {
    expect(isRealContact({ kind: 'failed_attempt' })).toBe(false);
    expect(isRealContact({ kind: 'phone' })).toBe(true);
  });

  it('knows the household of every record type', () => {
    const h = aHousehold();
    const c = aContact(h.id, h.id);
    expect(householdIdOf('household', h)).toBe(h.id);
    expect(householdIdOf('contact', c)).toBe(h.id);
  });
});

describe('groupBy', () => {
  it('groups in input order', () => {
    const groups = groupBy([1, 2, 3, 4, 5], (n) => n % 2);
    expect(groups.get(1)).toEqual([1, 3, 5]);
    expect(groups.get(0)).toEqual([2, 4]);
  });
});
