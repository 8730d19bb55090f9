import { createClock, decodeHlc, newId, type ClockState } from '../core';
import type { TerenDb } from './db';

export type DeviceClock = ReturnType<typeof createClock>;

/**
 * This app's hybrid logical clock: every change in the outbox carries its time, so the
 * server orders concurrent edits by when they were made. The node id only breaks ties.
 */
export const deviceClock: DeviceClock = createClock(newId().slice(-12));

/**
 * Where the clock stands is kept in `meta` with every change it stamps and every server time
 * it learns (rebuilt at each start, a clock running behind stamped an edit made
 * after a reload earlier than the one before it, and the newer value lost).
 */
export const CLOCK_KEY = 'clock';

const isClockState = (v: unknown): v is ClockState =>
  !!v &&
  typeof v === 'object' &&
  Number.isSafeInteger((v as ClockState).wall) &&
  Number.isSafeInteger((v as ClockState).counter);

/** At start, before anything is saved: the clock goes on from where it stood. */
export const restoreClock = async (db: TerenDb, clock: DeviceClock = deviceClock) => {
  const [kept, newest] = await Promise.all([
    db.meta.get(CLOCK_KEY),
    db.outbox.orderBy('seq').last(),
  ]);
  if (isClockState(kept?.value)) clock.restore(kept.value);
  if (newest?.hlc) clock.restore(decodeHlc(newest.hlc));
};

/** The meta row that keeps the clock, written in the transaction of what it stamped. */
export const clockRow = (clock: DeviceClock) => ({ key: CLOCK_KEY, value: clock.state() });
