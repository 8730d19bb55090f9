import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/sync/api-client';
import { MAX_RETRY_MS, retryDelay } from '../../../src/sync/backoff';
import { runExclusive, type Locks } from '../../../src/sync/exclusive';
import { failureOutcome } from '../../../src/sync/sync-policy';

describe('the back-off after failed syncs', () => {
  it('doubles from a few seconds, never passes five minutes, and spreads devices apart', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3].map((n) => retryDelay(n, middle))).toEqual([2_500, 5_000, 10_000, 20_000]);
    expect(retryDelay(50, middle)).toBe(MAX_RETRY_MS);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (n, r) => {
          const delay = retryDelay(n, () => r);
          expect(delay).toBeGreaterThanOrEqual(retryDelay(n, () => 0));
          expect(delay).toBeLessThan(1.5 * MAX_RETRY_MS);
          expect(retryDelay(n + 1, () => r)).toBeGreaterThanOrEqual(delay);
        },
      ),
    );
  });
});

describe('what a failed sync means', () => {
  const error = (code: ConstructorParameters<typeof ApiError>[0], status: number) =>
    failureOutcome(new ApiError(code, status));

  it('wipes only on the server’s own revocation answer', () => {
    expect(error('revoked', 403)).toMatchObject({ revoked: true, retry: false, expired: false });
    // A proxy's or a portal's 403 (no problem+json) and any other refusal keep the data.
    expect(error('forbidden', 403)).toMatchObject({ revoked: false, retry: true });
    expect(error('internal', 403).revoked).toBe(false);
    expect(failureOutcome(new Error('x')).revoked).toBe(false);
  });

  it('asks for a new sign-in on an ended session, and retries nothing a person must mend', () => {
    for (const code of ['session_expired', 'unauthorized'] as const)
      expect(error(code, 401)).toMatchObject({ expired: true, retry: false, revoked: false });
    for (const code of ['update_required', 'protocol_unsupported'] as const)
      expect(error(code, 426)).toMatchObject({ expired: false, retry: false });
  });

  it('shows an unreachable server as offline, other failures as errors, and retries both', () => {
    expect(error('offline', 0)).toEqual({
      status: { online: false, phase: 'idle', error: null },
      retry: true,
      revoked: false,
      expired: false,
    });
    expect(error('internal', 500).status).toEqual({ phase: 'error', error: 'internal' });
    expect(error('internal', 500).retry).toBe(true);
  });
});

/** Web Locks as the browser grants them with `ifAvailable`: null while another holds it. */
const fakeLocks = (): Locks => {
  const held = new Set<string>();
  return {
    request: async (name, _options, run) => {
      if (held.has(name)) return run(null);
      held.add(name);
      try {
        return await run({ name });
      } finally {
        held.delete(name);
      }
    },
  };
};

describe('one sync at a time across tabs', () => {
  it('skips the work while another tab holds the lock, and runs it once it is free', async () => {
    const locks = fakeLocks();
    let runs = 0;
    let release: () => void = () => undefined;
    const first = runExclusive(
      'teren-sync',
      () => new Promise<void>((done) => ((release = done), runs++)),
      locks,
    );
    await runExclusive('teren-sync', async () => void runs++, locks);
    expect(runs).toBe(1);
    release();
    await first;
    await runExclusive('teren-sync', async () => void runs++, locks);
    expect(runs).toBe(2);
  });

  it('runs the work without Web Locks (older browsers)', async () => {
    let ran = false;
    await runExclusive('teren-sync', async () => void (ran = true), undefined);
    expect(ran).toBe(true);
  });
});
