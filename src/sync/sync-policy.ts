import { ApiError } from './api-client';
import type { SyncStatus } from './status-store';

/** Failures retrying cannot mend: a person must update the app, sign in, or was blocked. */
const NEEDS_A_PERSON: ReadonlySet<string> = new Set([
  'update_required',
  'protocol_unsupported',
  'revoked',
  'unauthorized',
  'session_expired',
]);

/** The sync server's explicit answer (problem+json, code `revoked`) for a blocked device or user. */
export const isRevocation = (e: unknown): boolean =>
  e instanceof ApiError && e.status === 403 && e.code === 'revoked';

export type FailureOutcome = {
  /** What the sync status shows. */
  status: Partial<SyncStatus>;
  /** Tried again after a back-off. */
  retry: boolean;
  /** The device's data must go (docs/security.md item 4). */
  revoked: boolean;
  /** The session ended: the user signs in again. */
  expired: boolean;
};

/**
 * What a failed sync means. Only the server's own answer for a revoked device or a disabled
 * user wipes: a 403 from a proxy, a firewall or a captive portal is an error like any other,
 * retried with the outbox kept. A server that could not be reached at all is, for the
 * worker, being offline, whatever `navigator.onLine` claims (it says online on a network
 * without internet, and in some browsers right after an offline reload).
 */
export const failureOutcome = (e: unknown): FailureOutcome => {
  const code = e instanceof ApiError ? e.code : 'internal';
  return {
    status:
      code === 'offline'
        ? { online: false, phase: 'idle', error: null }
        : { phase: 'error', error: code },
    retry: !NEEDS_A_PERSON.has(code),
    revoked: isRevocation(e),
    expired: code === 'session_expired' || code === 'unauthorized',
  };
};
