import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  DEFAULT_RULES,
  evaluateEnrolment,
  pragueDate,
  ruleFor,
  type Contact,
  type Enrolment,
  type Plan,
  type RuleSet,
} from '../../../src/core';
import { applyPulledPage } from '../../../src/data/apply-pulled';
import { TerenDb } from '../../../src/data/db';
import { factsOf, LOOKBACK_DAYS, planFactsOf } from '../../../src/data/read-model/facts';
import { saveWithOutbox } from '../../../src/data/outbox';
import { evaluateAll } from '../../../src/data/queries/evaluations';
import { aContact, aHousehold, anEnrolment, aPlan } from '../../factories/records';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const DAY = 86_400_000;
const TODAY = pragueDate(new Date());
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** What evaluateAll must answer: the engine on the stored records, read afresh. */
const fromRecords = async (
  db: TerenDb,
  enrolments: readonly Enrolment[],
  rules: RuleSet,
  today: string,
) => {
  const since = `${addDays(today, -LOOKBACK_DAYS)}T00:00:00.000Z`;
  const contacts = (await db.contacts.where('at').aboveOrEqual(since).toArray()).map(factsOf);
  const plans = (await db.plans.toArray()).map(planFactsOf);
  return new Map(
    enrolments.map((e) => [
      e.id,
      evaluateEnrolment(
        e,
        contacts.filter((c) => c.householdId === e.householdId),
        plans.filter((p) => p.enrolmentId === e.id),
        ruleFor(rules, e.programme),
        today,
      ),
    ]),
  );
};

describe('evaluateAll', () => {
  const households = [aHousehold(), aHousehold()];
  const start = addDays(TODAY, -120);

  const op = fc.oneof(
    fc.record({
      kind: fc.constant('contact' as const),
      enrolment: fc.integer({ min: 0, max: 3 }),
      daysAgo: fc.integer({ min: 0, max: 60 }),
      pulled: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('plan' as const),
      enrolment: fc.integer({ min: 0, max: 3 }),
      reviewIn: fc.integer({ min: -10, max: 30 }),
    }),
    fc.record({
      kind: fc.constant('enrolment' as const),
      enrolment: fc.integer({ min: 0, max: 3 }),
      startDaysAgo: fc.integer({ min: 5, max: 200 }),
      status: fc.constantFrom('active' as const, 'paused' as const),
    }),
    fc.record({ kind: fc.constant('rules' as const), min: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: -3, max: 10 }) }),
  );

  it('after any saves, pulls, edits, rule changes and days, answers as the engine does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const db = new TerenDb(`evaluations-${Math.random()}`);
        names.push(db.name);
        const enrolments: Enrolment[] = [0, 1, 2, 3].map((i) =>
          anEnrolment(households[i % 2]!.id, {
            startDate: start,
            programme: i === 3 ? 'crisis_housing' : 'social_housing',
          }),
        );
        for (const h of households)
          await applyPulledPage(db, [{ type: 'household', record: h }], '0');
        let rules: RuleSet = { ...DEFAULT_RULES };
        let today = TODAY;
        let page = 0;
        for (const o of ops) {
          // Every answer in between, so whatever is remembered must follow each change.
          expect((await evaluateAll(db, enrolments, rules, today)).evaluations).toEqual(
            await fromRecords(db, enrolments, rules, today),
          );
          if (o.kind === 'contact') {
            const e = enrolments[o.enrolment]!;
            const c: Contact = aContact(e.householdId, e.id, { at: daysAgo(o.daysAgo) });
            if (o.pulled) await applyPulledPage(db, [{ type: 'contact', record: c }], `${++page}`);
            else await saveWithOutbox(db, 'contact', c);
          } else if (o.kind === 'plan') {
            const e = enrolments[o.enrolment]!;
            const p: Plan = aPlan(e, { reviewDate: addDays(today, o.reviewIn) });
            await saveWithOutbox(db, 'plan', p);
          } else if (o.kind === 'enrolment') {
            // A new object with the same id, as a decoded record is on every read.
            enrolments[o.enrolment] = {
              ...enrolments[o.enrolment]!,
              startDate: addDays(TODAY, -o.startDaysAgo),
              status: o.status,
            };
          } else if (o.kind === 'rules') {
            // Read again from storage on every screen: equal rules, new objects.
            const phase = { fromDay: 0, toDay: null, requirement: null };
            rules = {
              ...rules,
              crisis_housing: {
                ...DEFAULT_RULES.crisis_housing,
                phases: [
                  {
                    ...phase,
                    requirement: { kind: 'min_per_period', period: 'iso_week', min: o.min },
                  },
                ],
              },
            };
          } else today = addDays(TODAY, o.days);
        }
        expect((await evaluateAll(db, enrolments, rules, today)).evaluations).toEqual(
          await fromRecords(db, enrolments, rules, today),
        );
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same evaluation again while nothing it depends on changed', async () => {
    const db = new TerenDb(`evaluations-${Math.random()}`);
    names.push(db.name);
    const [a, b] = households as [(typeof households)[0], (typeof households)[0]];
    const ea = anEnrolment(a.id, { startDate: start });
    const eb = anEnrolment(b.id, { startDate: start });
    await saveWithOutbox(db, 'contact', aContact(a.id, ea.id, { at: daysAgo(1) }));
    await saveWithOutbox(db, 'contact', aContact(b.id, eb.id, { at: daysAgo(20) }));
    const rules = { ...DEFAULT_RULES };
    const first = (await evaluateAll(db, [ea, eb], rules, TODAY)).evaluations;
    await saveWithOutbox(db, 'contact', aContact(b.id, eb.id, { at: daysAgo(0) }));
    // The same enrolment objects, as the read model gives them while their rows are unchanged.
    const second = (await evaluateAll(db, [ea, eb], { ...rules }, TODAY)).evaluations;
    // Household a is untouched: the very same object. Household b had a visit: a new one.
    expect(second.get(ea.id)).toBe(first.get(ea.id));
    expect(second.get(eb.id)).not.toBe(first.get(eb.id));
    expect(second.get(eb.id)?.current?.count).toBe((first.get(eb.id)?.current?.count ?? 0) + 1);
    // An edited enrolment is a new object: evaluated again, with what changed.
    const closed = { ...ea, status: 'closed' as const };
    const third = (await evaluateAll(db, [closed, eb], rules, TODAY)).evaluations;
    expect(third.get(ea.id)).not.toBe(first.get(ea.id));
    expect(third.get(ea.id)?.urgency).toBe('none');
    // Another day: evaluated again.
    const tomorrow = (await evaluateAll(db, [ea, eb], rules, addDays(TODAY, 1))).evaluations;
    expect(tomorrow.get(ea.id)).not.toBe(first.get(ea.id));
    db.close();
  });
});
