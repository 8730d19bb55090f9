import { createClock, newId } from '../core';

export type DeviceClock = ReturnType<typeof createClock>;

/**
 * This app's hybrid logical clock: every change in the outbox carries its time, so the
 * server orders concurrent edits by when they were made. The node id only breaks ties.
 */
export const deviceClock: DeviceClock = createClock(newId().slice(-12));
