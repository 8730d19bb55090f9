import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBand,
  ANONYMISED,
  anonymiseRecord,
  caseClosedOn,
  RECORD_SCHEMAS,
  retentionUntil,
} from '../../../src/core';
import { aContact, aHousehold, anEnrolment, aPerson, aPlan } from '../../factories/records';

const h = aHousehold({
  label: 'Zkušební',
  street: 'Tajná 1',
  note: 'dluhy',
  phone: '+420 777 000 111',
});

describe('retention', () => {
  it('dates a case from its last closing, and never while an enrolment is open', () => {
    const a = anEnrolment(h.id, { status: 'closed', closedOn: '2016-02-29' });
    const b = anEnrolment(h.id, { status: 'closed', closedOn: '2015-07-01' });
    expect(caseClosedOn([a, b])).toBe('2016-02-29');
    expect(retentionUntil([a, b], 10)).toBe('2026-02-28');
    expect(retentionUntil([a, anEnrolment(h.id)], 10)).toBeNull();
    expect(retentionUntil([], 10)).toBeNull();
    // A deleted enrolment does not keep a case open.
    expect(caseClosedOn([a, anEnrolment(h.id, { deleted: true })])).toBe('2016-02-29');
  });

  it('gives age bands, not ages', () => {
    expect(ageBand(2010, 2026)).toBe('0-17');
    expect(ageBand(2008, 2026)).toBe('18-25');
    expect(ageBand(1961, 2026)).toBe('65+');
    expect(ageBand(null, 2026)).toBe('');
  });
});

describe('anonymiseRecord', () => {
  it('removes what identifies a person and keeps what indicators need', () => {
    const person = aPerson(h.id, {
      firstName: 'Zdeňka',
      birthYear: 1987,
      email: 'z@example.invalid',
    });
    const e = anEnrolment(h.id, {
      lease: { flat: 'Tajná 1, byt 3', start: '2026-01-01', end: null },
    });
    const c = aContact(h.id, e.id, {
      note: 'zdraví',
      nextStep: 'zavolat',
      otherParticipants: ['soused'],
    });
    expect(anonymiseRecord('household', { ...h, fromNewerApp: 'jméno' })).toEqual({
      ...h,
      label: ANONYMISED,
      street: '',
      note: '',
      phone: '',
      anonymised: true,
    });
    expect(anonymiseRecord('person', person)).toMatchObject({
      firstName: ANONYMISED,
      email: '',
      birthYear: 1980,
      relation: person.relation,
    });
    expect(anonymiseRecord('enrolment', e).lease).toEqual({
      flat: '',
      start: '2026-01-01',
      end: null,
    });
    expect(anonymiseRecord('contact', c)).toEqual({
      ...c,
      note: '',
      nextStep: '',
      otherParticipants: [],
    });
    const plan = anonymiseRecord('plan', aPlan(e));
    expect(plan.goals.every((g) => g.text === ANONYMISED)).toBe(true);
  });

  it('always leaves a record its schema accepts', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1900, max: 2026 }),
        (text, year) => {
          const p = aPerson(h.id, { firstName: text.trim() || 'x', birthYear: year });
          const c = aContact(h.id, anEnrolment(h.id).id, { note: text });
          expect(RECORD_SCHEMAS.person.safeParse(anonymiseRecord('person', p)).success).toBe(true);
          expect(RECORD_SCHEMAS.contact.safeParse(anonymiseRecord('contact', c)).success).toBe(
            true,
          );
        },
      ),
    );
  });
});
