/**
 * Hybrid logical clocks (Kulkarni et al., "Logical Physical Clocks", 2014): a timestamp is
 * wall-clock milliseconds plus a counter and the node that made it, so timestamps follow
 * real time where clocks agree, stay ordered where they do not, and never go backwards on a
 * node. Encoded so that string order is time order: "000001732358400000:0000:<node>".
 */
export type Hlc = string;

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;

export const encodeHlc = (wall: number, counter: number, node: string): Hlc =>
  `${String(wall).padStart(WALL_DIGITS, '0')}:${String(counter).padStart(COUNTER_DIGITS, '0')}:${node}`;

export const decodeHlc = (h: Hlc): { wall: number; counter: number; node: string } => {
  const [wall = '0', counter = '0', ...node] = h.split(':');
  return { wall: Number(wall), counter: Number(counter), node: node.join(':') };
};

export const HLC_PATTERN = /^\d{15}:\d{4}:[A-Za-z0-9-]{1,64}$/;

/** Where a clock stands: the last time it gave or saw. */
export type ClockState = { wall: number; counter: number };

const isLater = (a: ClockState, b: ClockState) =>
  a.wall > b.wall || (a.wall === b.wall && a.counter > b.counter);

/** A node's clock. `now` is injectable so tests can skew it. */
export const createClock = (node: string, now: () => number = Date.now) => {
  let last: ClockState = { wall: 0, counter: 0 };
  return {
    /** Where it stands, to be kept across restarts (a clock that forgets runs backwards). */
    state: (): ClockState => ({ ...last }),
    /** Takes up a kept state; never moves the clock back. */
    restore: (kept: ClockState) => {
      if (isLater(kept, last)) last = { wall: kept.wall, counter: kept.counter };
    },
    /** A timestamp for a local change: never earlier than any this clock gave or saw. */
    tick: (): Hlc => {
      const wall = Math.max(now(), last.wall);
      last = wall > last.wall ? { wall, counter: 0 } : { wall, counter: last.counter + 1 };
      return encodeHlc(last.wall, last.counter, node);
    },
    /** Moves this clock past a time seen from elsewhere (the server's), so a lagging clock catches up. */
    receive: (remoteWall: number) => {
      if (remoteWall > last.wall) last = { wall: remoteWall, counter: 0 };
    },
  };
};

/**
 * The server never lets a device's clock run ahead of its own by more than `toleranceMs`:
 * a timestamp from the far future is pulled back, so one bad clock cannot win every
 * conflict from then on.
 */
export const clampHlc = (
  h: Hlc,
  serverNow: number,
  toleranceMs: number,
): { hlc: Hlc; clamped: boolean } => {
  const { wall, counter, node } = decodeHlc(h);
  return wall > serverNow + toleranceMs
    ? { hlc: encodeHlc(serverNow, counter, node), clamped: true }
    : { hlc: h, clamped: false };
};
