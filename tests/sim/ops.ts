import fc from 'fast-check';
import type { Fault } from './network';

/** The simulated users, one device each: two field workers and their supervisor. */
export const USERS = ['pracovnik1', 'pracovnik2', 'vedouci'] as const;
export const SUPERVISOR = 2;

export const FAULTS: Fault[] = [
  'none',
  'none',
  'drop_request',
  'drop_response',
  'duplicate',
  'replay_later',
  'truncate',
];

export type HouseholdField = 'note' | 'street' | 'phone';

export type Op =
  | { kind: 'register'; device: number }
  | { kind: 'contact'; device: number; pick: number; failed: boolean }
  | { kind: 'edit'; device: number; pick: number; field: HouseholdField; value: number }
  | { kind: 'removePerson'; device: number; pick: number }
  | { kind: 'plan'; device: number; pick: number; value: number }
  | { kind: 'review'; pick: number; signOff: boolean }
  | { kind: 'reassign'; pick: number; to: number }
  | { kind: 'sync'; device: number; fault: Fault }
  /** Every device syncs at the same moment, each through its own faults. */
  | { kind: 'syncAll'; faults: Fault[] }
  | { kind: 'restart'; device: number }
  | { kind: 'upgrade'; device: number }
  | { kind: 'flush'; device: number }
  | { kind: 'skew'; device: number; days: number };

const device = fc.integer({ min: 0, max: USERS.length - 1 });
const fault = fc.constantFrom(...FAULTS);
const op = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const kind = <K extends string>(k: K) => fc.constant(k);

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  op(3, fc.record({ kind: kind('register'), device })),
  op(4, fc.record({ kind: kind('contact'), device, pick: fc.nat(), failed: fc.boolean() })),
  op(
    4,
    fc.record({
      kind: kind('edit'),
      device,
      pick: fc.nat(),
      field: fc.constantFrom<HouseholdField>('note', 'street', 'phone'),
      value: fc.integer({ min: 100, max: 999 }),
    }),
  ),
  op(1, fc.record({ kind: kind('removePerson'), device, pick: fc.nat() })),
  op(2, fc.record({ kind: kind('plan'), device, pick: fc.nat(), value: fc.nat({ max: 999 }) })),
  op(1, fc.record({ kind: kind('review'), pick: fc.nat(), signOff: fc.boolean() })),
  op(1, fc.record({ kind: kind('reassign'), pick: fc.nat(), to: fc.integer({ min: 0, max: 1 }) })),
  op(4, fc.record({ kind: kind('sync'), device, fault })),
  op(
    2,
    fc.record({ kind: kind('syncAll'), faults: fc.array(fault, { minLength: 3, maxLength: 3 }) }),
  ),
  op(1, fc.record({ kind: kind('restart'), device })),
  op(1, fc.record({ kind: kind('upgrade'), device })),
  op(1, fc.record({ kind: kind('flush'), device })),
  op(1, fc.record({ kind: kind('skew'), device, days: fc.integer({ min: -5, max: 5 }) })),
);
