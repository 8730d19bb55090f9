import type { Enrolment } from '../../core';
import { readable } from '../read-model/facts';
import { decodeAllHeld } from '../read-model/decoded';

/** What screens pick enrolments by; kept readable on the rows this app seals. */
const PICKED_BY = ['householdId', 'status', 'workerId', 'deleted'] as const;

/**
 * Whether a stored enrolment can be picked without decrypting. Every app version so far
 * kept these fields readable; a row without them would be opened rather than misjudged.
 */
export const legible = (row: Enrolment): boolean => PICKED_BY.every((f) => readable(row, f));

/**
 * The stored enrolments `wanted` picks, decrypted; the others are never opened. Closed
 * cases pile up over the years on a supervisor's device, and each costs a WebCrypto call.
 */
export const openEnrolments = async (
  rows: readonly Enrolment[],
  wanted: (e: Enrolment) => boolean,
): Promise<Enrolment[]> =>
  (await decodeAllHeld<Enrolment>(rows.filter((e) => !legible(e) || wanted(e)))).filter(wanted);
