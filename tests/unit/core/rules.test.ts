import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compliance,
  ContactRule,
  DEFAULT_RULES,
  evaluateEnrolment,
  evaluatePeriods,
  periodsBetween,
  pragueToIso,
  type Contact,
  type Enrolment,
} from '../../../src/core';
import { aContact, anEnrolment } from '../../factories/records';

const HH = '00000000-0000-4000-8000-000000000111';
const enrolledOn = (startDate: string, over: Partial<Enrolment> = {}) =>
  anEnrolment(HH, { startDate, lease: { flat: 'X 1', start: startDate, end: null }, ...over });
const visit = (e: Enrolment, date: string, over: Partial<Contact> = {}) =>
  aContact(HH, e.id, { at: pragueToIso(date, '10:00'), ...over });

const social = DEFAULT_RULES.social_housing;

describe('default rules', () => {
  it('are valid rules whose phases partition time', () => {
    for (const rule of Object.values(DEFAULT_RULES)) expect(ContactRule.parse(rule)).toEqual(rule);
  });

  it('refuse phases with a gap or an open end in the middle', () => {
    const gap = { ...social, phases: [{ ...social.phases[0], toDay: 80 }, social.phases[1]] };
    expect(ContactRule.safeParse(gap).success).toBe(false);
    const closed = { ...social, phases: [social.phases[0], { ...social.phases[1], toDay: 400 }] };
    expect(ContactRule.safeParse(closed).success).toBe(false);
  });
});

describe('evaluateEnrolment', () => {
  // Monday 2 November 2026; "today" is Thursday 12 November, 10 days after enrolment.
  const start = '2026-11-02';
  const today = '2026-11-12';

  it('shows a household enrolled 10 days ago with no contact as overdue', () => {
    const e = enrolledOn(start);
    const result = evaluateEnrolment(e, [], [], social, today);
    expect(result.previous).toMatchObject({
      start: '2026-11-02',
      end: '2026-11-09',
      status: 'missed',
    });
    expect(result.current).toMatchObject({
      start: '2026-11-09',
      status: 'due',
      required: 1,
      count: 0,
    });
    expect(result.urgency).toBe('overdue');
    // Due by the last day of the missed week, four days ago: never a day to come.
    expect(result.nextDue).toBe('2026-11-08');
    expect(result.late).toEqual({ since: '2026-11-08', days: 4, atLeast: false });
  });

  it('counts lateness from the first missed period of the run, up to two months back', () => {
    const e = enrolledOn('2026-09-07');
    // Met weekly until the week of 12 October; nothing since: late from Sunday 25 October.
    const weekly = Array.from({ length: 6 }, (_, i) => visit(e, addDays('2026-09-08', 7 * i)));
    const result = evaluateEnrolment(e, weekly, [], social, today);
    expect(result.urgency).toBe('overdue');
    expect(result.late).toEqual({ since: '2026-10-25', days: 18, atLeast: false });
    expect(result.nextDue).toBe('2026-10-25');
    // A monthly rule is looked at by whole months: October met, November short of two.
    const family = enrolledOn('2026-01-05', { programme: 'family_prevention' });
    const monthly = ['2026-10-02', '2026-10-20', '2026-11-10'].map((d) => visit(family, d));
    expect(
      evaluateEnrolment(family, monthly, [], DEFAULT_RULES.family_prevention, '2026-12-20').late,
    ).toEqual({ since: '2026-11-30', days: 20, atLeast: false });
    // Nothing at all for half a year: later than the engine looks, and it says so.
    const long = evaluateEnrolment(enrolledOn('2026-05-04'), [], [], social, today);
    expect(long.late?.atLeast).toBe(true);
    expect(long.late?.days).toBeGreaterThanOrEqual(50);
  });

  it('turns green when a contact is logged this week, and the next is due by the end of next week', () => {
    const e = enrolledOn(start);
    const result = evaluateEnrolment(e, [visit(e, today)], [], social, today);
    expect(result.urgency).toBe('met');
    expect(result.nextDue).toBe('2026-11-22');
  });

  it('does not count a failed attempt, nor a contact for another enrolment', () => {
    const e = enrolledOn(start);
    const other = enrolledOn(start);
    const contacts = [visit(e, today, { kind: 'failed_attempt' }), visit(other, today)];
    expect(evaluateEnrolment(e, contacts, [], social, today).urgency).toBe('overdue');
  });

  it('counts the corrected version of an amended contact only', () => {
    const e = enrolledOn(start);
    const original = visit(e, '2026-11-10');
    const correction = {
      ...visit(e, '2026-11-10', { kind: 'failed_attempt' }),
      amends: original.id,
    };
    expect(evaluateEnrolment(e, [original], [], social, today).urgency).toBe('met');
    expect(evaluateEnrolment(e, [original, correction], [], social, today).urgency).toBe('overdue');
  });

  it('is at risk on the last two days of an unmet week', () => {
    const e = enrolledOn(start);
    expect(evaluateEnrolment(e, [visit(e, '2026-11-03')], [], social, '2026-11-14').urgency).toBe(
      'at_risk',
    );
    expect(evaluateEnrolment(e, [visit(e, '2026-11-03')], [], social, '2026-11-12').urgency).toBe(
      'due',
    );
  });

  it('counts a late-evening contact on a Sunday in Prague for that week, across DST', () => {
    // Sunday 25 October 2026 is the day summer time ends.
    const e = enrolledOn('2026-10-19');
    const late = aContact(HH, e.id, { at: pragueToIso('2026-10-25', '23:30') });
    const [week] = evaluatePeriods(e, [late], social, '2026-10-27');
    expect(week).toMatchObject({ start: '2026-10-19', end: '2026-10-26', count: 1 });
  });

  it('switches the social-housing rule after three months to about two a week on average', () => {
    const e = enrolledOn('2026-01-05');
    const today2 = '2026-05-20';
    const weekly = Array.from({ length: 19 }, (_, i) => visit(e, addDays('2026-01-06', 7 * i)));
    const result = evaluateEnrolment(e, weekly, [], social, today2);
    expect(result.current?.requirement).toEqual({
      kind: 'avg_per_week',
      perWeek: 2,
      windowWeeks: 4,
    });
    expect(result.previous?.status).toBe('missed');
    expect(result.urgency).toBe('overdue');
    const twice = weekly.flatMap((c) => [c, visit(e, addDays(c.at.slice(0, 10), 2))]);
    expect(evaluateEnrolment(e, twice, [], social, today2).previous?.status).toBe('met');
  });

  it('asks for the plan within the first three months', () => {
    const e = enrolledOn(start);
    expect(evaluateEnrolment(e, [], [], social, today).plan).toEqual({
      status: 'pending',
      due: '2027-02-01',
    });
    expect(evaluateEnrolment(e, [], [], social, '2027-01-25').plan.status).toBe('due_soon');
    expect(evaluateEnrolment(e, [], [], social, '2027-02-02').plan.status).toBe('overdue');
    expect(
      evaluateEnrolment(
        enrolledOn(start, { programme: 'field_work' }),
        [],
        [],
        DEFAULT_RULES.field_work,
        today,
      ).plan.status,
    ).toBe('not_required');
  });

  it('counts down a crisis lease from its first day, and other leases from 60 days', () => {
    const e = enrolledOn('2026-06-01', {
      programme: 'crisis_housing',
      lease: { flat: 'K 1', start: '2026-06-01', end: '2026-12-01' },
    });
    const rule = DEFAULT_RULES.crisis_housing;
    expect(evaluateEnrolment(e, [], [], rule, '2026-06-01').lease).toEqual({
      end: '2026-12-01',
      daysLeft: 183,
      warning: true,
    });
    expect(evaluateEnrolment(e, [], [], rule, '2026-11-12').lease).toEqual({
      end: '2026-12-01',
      daysLeft: 19,
      warning: true,
    });
    const flat = enrolledOn('2026-01-05', {
      lease: { flat: 'S 2', start: '2026-01-05', end: '2027-01-04' },
    });
    expect(evaluateEnrolment(flat, [], [], social, '2026-11-04').lease?.warning).toBe(false);
    expect(evaluateEnrolment(flat, [], [], social, '2026-11-05').lease).toEqual({
      end: '2027-01-04',
      daysLeft: 60,
      warning: true,
    });
  });

  it('says nothing is due for a paused or closed enrolment', () => {
    expect(
      evaluateEnrolment(enrolledOn(start, { status: 'paused' }), [], [], social, today).urgency,
    ).toBe('none');
  });
});

describe('laws of the engine', () => {
  const dateArb = fc.integer({ min: 0, max: 400 }).map((d) => addDays('2026-01-01', d));
  const ruleArb = fc.constantFrom(...Object.values(DEFAULT_RULES));
  const scenario = fc.record({
    rule: ruleArb,
    startOffset: fc.integer({ min: 0, max: 200 }),
    days: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.boolean()), { maxLength: 60 }),
    todayOffset: fc.integer({ min: 0, max: 400 }),
  });

  const setup = (s: {
    rule: ContactRule;
    startOffset: number;
    days: [number, boolean][];
    todayOffset: number;
  }) => {
    const e = enrolledOn(addDays('2026-01-01', s.startOffset), { programme: s.rule.programme });
    const today = addDays('2026-01-01', s.startOffset + s.todayOffset);
    const contacts = s.days.map(([d, failed]) =>
      visit(e, addDays(e.startDate, d), { kind: failed ? 'failed_attempt' : 'home_visit' }),
    );
    return { e, today, contacts };
  };

  it('periods partition the time from enrolment to today, with no gap or overlap', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, fc.integer({ min: 1, max: 500 }), (rule, start, length) => {
        const end = addDays(start, length);
        const periods = periodsBetween(start, rule.phases, start, end);
        expect(periods[0]?.start).toBe(start);
        expect(periods.at(-1)?.end).toBe(end);
        periods.forEach((p, i) => {
          expect(p.start < p.end).toBe(true);
          if (i > 0) expect(p.start).toBe(periods[i - 1]?.end);
        });
      }),
    );
  });

  it('adding a real contact never lowers compliance nor worsens urgency', () => {
    const rank = { none: 0, met: 0, due: 1, at_risk: 2, overdue: 3 } as const;
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 400 }), (s, extraDay) => {
        const { e, today, contacts } = setup(s);
        const extra = visit(e, addDays(e.startDate, Math.min(extraDay, s.todayOffset)));
        const before = evaluatePeriods(e, contacts, s.rule, today);
        const after = evaluatePeriods(e, [...contacts, extra], s.rule, today);
        const c1 = compliance(before, e.startDate, addDays(today, 1));
        const c2 = compliance(after, e.startDate, addDays(today, 1));
        expect(c2.total).toBe(c1.total);
        expect(c2.met).toBeGreaterThanOrEqual(c1.met);
        const u1 = evaluateEnrolment(e, contacts, [], s.rule, today).urgency;
        const u2 = evaluateEnrolment(e, [...contacts, extra], [], s.rule, today).urgency;
        expect(rank[u2]).toBeLessThanOrEqual(rank[u1]);
      }),
    );
  });

  it('dates an overdue case in the past and says how late it is, in whole days', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { e, today, contacts } = setup(s);
        const r = evaluateEnrolment(e, contacts, [], s.rule, today);
        if (r.urgency !== 'overdue') return;
        expect(r.nextDue !== null && r.nextDue < today).toBe(true);
        expect(r.late?.since).toBe(r.nextDue);
        expect(r.late && r.late.days >= 1 && r.late.days <= 62 + 31).toBe(true);
      }),
    );
  });

  it('does not depend on the order contacts were recorded, and ignores failed attempts', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (s, seed) => {
        const { e, today, contacts } = setup(s);
        const shuffled = [...contacts].sort(
          (a, b) => ((a.id.charCodeAt(5) ^ seed) & 7) - ((b.id.charCodeAt(5) ^ seed) & 7),
        );
        expect(evaluateEnrolment(e, shuffled, [], s.rule, today)).toEqual(
          evaluateEnrolment(e, contacts, [], s.rule, today),
        );
        const real = contacts.filter((c) => c.kind !== 'failed_attempt');
        expect(evaluatePeriods(e, real, s.rule, today)).toEqual(
          evaluatePeriods(e, contacts, s.rule, today),
        );
      }),
    );
  });
});
