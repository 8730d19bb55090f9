import type { Enrolment, Household, Person, Plan } from '../../src/core';
import { saveAllWithOutbox, saveWithOutbox } from '../../src/data/outbox';
import {
  aContact,
  aHousehold,
  anEnrolment,
  aPerson,
  aPlan,
  aPlanReview,
} from '../factories/records';
import type { SimDevice } from './device';
import type { IntentLog } from './oracle';
import { SUPERVISOR, type Op } from './ops';

export type World = {
  devices: SimDevice[];
  workerIds: string[];
  intent: IntentLog;
  /** Numbers every value an edit writes, so no two edits write the same one by chance. */
  edits: number;
};

const sorted = <T extends { id: string }>(items: T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id));
const pick = <T>(items: T[], n: number): T | undefined => items[n % Math.max(1, items.length)];

const activeEnrolments = async (d: SimDevice) =>
  sorted((await d.records<Enrolment>('enrolments')).filter((e) => e.status === 'active'));

const register = async (w: World, d: SimDevice, index: number) => {
  const stamp = d.now().toISOString();
  const times = { createdAt: stamp, updatedAt: stamp };
  const h = aHousehold({ teamId: d.teamId, label: `Sim ${d.name}`, ...times });
  const p = aPerson(h.id, { firstName: 'Simulovaný', lastName: 'Klient', ...times });
  const e = anEnrolment(h.id, {
    programme: 'field_work',
    startDate: stamp.slice(0, 10),
    workerId: index === SUPERVISOR ? (w.workerIds[0] as string) : d.userId,
    consent: { given: true, date: stamp.slice(0, 10), legalBasis: 'consent' },
    ...times,
  });
  const writes = [
    { type: 'household', record: h },
    { type: 'person', record: p },
    { type: 'enrolment', record: e },
  ] as const;
  await saveAllWithOutbox(d.db, writes, d.clock);
  const created = (v: unknown) => ({ value: v });
  await w.intent.changed(d, 'enrolment', e.id, { workerId: created(e.workerId) });
  await w.intent.changed(d, 'household', h.id, {
    note: created(h.note),
    street: created(h.street),
    phone: created(h.phone),
  });
};

const contact = async (w: World, d: SimDevice, op: Extract<Op, { kind: 'contact' }>) => {
  const e = pick(await activeEnrolments(d), op.pick);
  if (!e) return;
  const stamp = d.now().toISOString();
  const c = aContact(e.householdId, e.id, {
    workerId: d.userId,
    at: stamp,
    kind: op.failed ? 'failed_attempt' : 'home_visit',
    createdAt: stamp,
    updatedAt: stamp,
  });
  await saveWithOutbox(d.db, 'contact', c, d.clock);
  w.intent.appendedOne('contact', c.id);
};

const edit = async (w: World, d: SimDevice, op: Extract<Op, { kind: 'edit' }>) => {
  const h = pick(sorted(await d.records<Household>('households')), op.pick);
  if (!h) return;
  // Unique, so the oracle never takes one edit's value for another's (op.value only varies).
  const n = ++w.edits * 1000 + op.value;
  const value =
    op.field === 'phone' ? `+420 ${String(n).padStart(9, '0')}` : `${op.field} ${d.name}-${n}`;
  const updatedAt = d.now().toISOString();
  await saveWithOutbox(d.db, 'household', { ...h, [op.field]: value, updatedAt }, d.clock);
  await w.intent.changed(d, 'household', h.id, { [op.field]: { before: h[op.field], value } });
};

const removePerson = async (w: World, d: SimDevice, n: number) => {
  const p = pick(sorted((await d.records<Person>('people')).filter((x) => !x.deleted)), n);
  if (!p) return;
  await saveWithOutbox(
    d.db,
    'person',
    { ...p, deleted: true, updatedAt: d.now().toISOString() },
    d.clock,
  );
  await w.intent.changed(d, 'person', p.id, { deleted: { before: false, value: true } });
};

/** A new plan revision based on the newest one this device holds (offline: maybe stale). */
const revisePlan = async (w: World, d: SimDevice, op: Extract<Op, { kind: 'plan' }>) => {
  const e = pick(await activeEnrolments(d), op.pick);
  if (!e) return;
  const plans = (await d.records<Plan>('plans')).filter((p) => p.enrolmentId === e.id);
  const base = plans.reduce<Plan | undefined>(
    (a, b) => (!a || b.revision > a.revision ? b : a),
    undefined,
  );
  const stamp = d.now().toISOString();
  const goal = {
    id: `0199a000-0000-7000-8000-${String(op.value).padStart(12, '0')}`,
    area: 'housing' as const,
    text: `Cíl ${op.value}`,
    steps: [],
  };
  const plan = aPlan(e, {
    revision: (base?.revision ?? 0) + 1,
    basedOn: base?.id ?? null,
    authorId: d.userId,
    goals: [...(base?.goals ?? []).filter((g) => g.id !== goal.id), goal],
    createdAt: stamp,
    updatedAt: stamp,
  });
  await saveWithOutbox(d.db, 'plan', plan, d.clock);
  w.intent.appendedOne('plan', plan.id);
};

const review = async (w: World, op: Extract<Op, { kind: 'review' }>) => {
  const d = w.devices[SUPERVISOR] as SimDevice;
  const plan = pick(sorted(await d.records<Plan>('plans')), op.pick);
  if (!plan) return;
  const stamp = d.now().toISOString();
  const r = aPlanReview(plan, d.userId, {
    signedOff: op.signOff,
    createdAt: stamp,
    updatedAt: stamp,
  });
  await saveWithOutbox(d.db, 'planReview', r, d.clock);
  w.intent.appendedOne('planReview', r.id);
};

const reassign = async (w: World, op: Extract<Op, { kind: 'reassign' }>) => {
  const d = w.devices[SUPERVISOR] as SimDevice;
  const e = pick(await activeEnrolments(d), op.pick);
  const to = w.workerIds[op.to] as string;
  if (!e) return;
  await saveWithOutbox(
    d.db,
    'enrolment',
    { ...e, workerId: to, updatedAt: d.now().toISOString() },
    d.clock,
  );
  await w.intent.changed(d, 'enrolment', e.id, { workerId: { before: e.workerId, value: to } });
};

/** Carries out one operation of a history. */
export const applyOp = async (w: World, op: Op): Promise<void> => {
  if (op.kind === 'review') return review(w, op);
  if (op.kind === 'reassign') return reassign(w, op);
  if (op.kind === 'syncAll') {
    await Promise.all(w.devices.map((d, i) => d.sync(op.faults[i] ?? 'none')));
    return;
  }
  const d = w.devices[op.device] as SimDevice;
  switch (op.kind) {
    case 'register':
      return register(w, d, op.device);
    case 'contact':
      return contact(w, d, op);
    case 'edit':
      return edit(w, d, op);
    case 'removePerson':
      return removePerson(w, d, op.pick);
    case 'plan':
      return revisePlan(w, d, op);
    case 'sync':
      return d.sync(op.fault);
    case 'restart':
      return d.restart();
    case 'upgrade':
      return d.upgradeApp();
    case 'flush':
      return d.net.flushDelayed();
    case 'skew':
      d.skewDays = op.days;
  }
};
