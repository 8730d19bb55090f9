/** The longest wait between two tries, however many failed. */
export const MAX_RETRY_MS = 5 * 60_000;
const FIRST_RETRY_MS = 2_500;

/**
 * How long to wait after this many failures in a row: doubling from a few seconds up to
 * five minutes, spread by a random half either way so that devices cut off together (a
 * server restart) do not come back together.
 */
export const retryDelay = (failures: number, random: () => number = Math.random): number =>
  Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(Math.max(failures, 0), 7)) *
  (0.5 + random());
