import { z } from 'zod';

/** Literal error codes the app can act on; titles are for logs, the app shows its own text. */
export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'session_expired',
  'forbidden',
  /** This device was revoked or its user disabled: the one answer that wipes a device. */
  'revoked',
  'not_found',
  'conflict',
  'too_large',
  'rate_limited',
  'locked_out',
  'update_required',
  /** The app speaks a newer sync protocol than this server. */
  'protocol_unsupported',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** RFC 9457 problem details, with our code. Never carries personal data. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(ERROR_CODES),
});
export type Problem = z.infer<typeof Problem>;
