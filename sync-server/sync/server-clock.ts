import { decodeHlc, encodeHlc, type Hlc } from '../../src/core';

/**
 * A clock for a change the server makes itself (a supervisor's decision, an anonymisation):
 * later than the field's last accepted change, so an older edit arriving afterwards loses.
 */
export const laterThan = (previous: Hlc | undefined): Hlc => {
  const now = encodeHlc(Date.now(), 0, 'server');
  if (!previous || now > previous) return now;
  const { wall, counter } = decodeHlc(previous);
  return encodeHlc(wall, counter + 1, 'server');
};
