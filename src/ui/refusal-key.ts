import { REJECT_CODES, REJECT_REASONS, type RejectCode, type RejectReason } from '../core';

const isReason = (r: string | null): r is RejectReason =>
  (REJECT_REASONS as readonly string[]).includes(r ?? '');
const isCode = (c: string): c is RejectCode => (REJECT_CODES as readonly string[]).includes(c);

/** Why a change was refused, in words: by its reason, or by its code from an older server. */
export const refusalKey = (code: string, reason: string | null) =>
  isReason(reason)
    ? (`syncChanges.reasons.${reason}` as const)
    : isCode(code)
      ? (`syncChanges.codes.${code}` as const)
      : ('syncChanges.codes.invalid' as const);
