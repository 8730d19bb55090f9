import { describe, expect, it } from 'vitest';
import { nextPhase, type Phase, type SessionEvent } from '../../../src/app/session/session-phase';
import type { StoredSession } from '../../../src/data/session';

const session = { token: 't', user: { name: 'Jana Terénní' } } as unknown as StoredSession;
const loading: Phase = { kind: 'loading' };
const signedOut: Phase = { kind: 'signedOut', notice: null };
const locked: Phase = { kind: 'locked', userName: 'Jana Terénní' };
const open: Phase = { kind: 'open', session };
const all = [loading, signedOut, locked, open];

const after = (phase: Phase, ...events: SessionEvent[]) => events.reduce(nextPhase, phase);

describe('the session’s transitions', () => {
  it('starts locked for a kept session, signed out otherwise, and only once', () => {
    expect(after(loading, { type: 'started', lockedAs: 'Jana Terénní' })).toEqual(locked);
    expect(after(loading, { type: 'started', lockedAs: null })).toEqual(signedOut);
    expect(after(open, { type: 'started', lockedAs: null })).toBe(open);
  });

  it('opens by signing in or unlocking, and locks after inactivity', () => {
    expect(after(signedOut, { type: 'signedIn', session })).toEqual(open);
    expect(after(locked, { type: 'unlocked', session })).toEqual(open);
    expect(after(open, { type: 'inactive' })).toEqual(locked);
    // An inactivity lock or an unlock that comes late changes nothing elsewhere.
    for (const p of [loading, signedOut, locked]) expect(after(p, { type: 'inactive' })).toBe(p);
    expect(after(signedOut, { type: 'unlocked', session })).toBe(signedOut);
    expect(after(open, { type: 'signedIn', session })).toBe(open);
  });

  it('signs out, with the reason, when unlocking is refused for good or the session expired', () => {
    const wiped = { key: 'unlock.wiped', count: 2 } as const;
    expect(after(locked, { type: 'unlockRefused', notice: wiped })).toEqual({
      kind: 'signedOut',
      notice: wiped,
    });
    expect(after(open, { type: 'expired' })).toEqual({
      kind: 'signedOut',
      notice: { key: 'unlock.expired' },
    });
    // An expiry reported after the app was locked leaves it locked: the key is not in memory.
    expect(after(locked, { type: 'expired' })).toBe(locked);
    expect(after(locked, { type: 'switchUser' })).toEqual(signedOut);
  });

  it('ends in the signed-out screen with the unsent count after a revocation, from any phase', () => {
    for (const p of all)
      expect(after(p, { type: 'revoked', unsent: 3 })).toEqual({
        kind: 'signedOut',
        notice: { key: 'unlock.revoked', count: 3 },
      });
    // Nothing that comes late opens a revoked device again without a new sign-in.
    expect(after(open, { type: 'revoked', unsent: 0 }, { type: 'unlocked', session })).toEqual({
      kind: 'signedOut',
      notice: { key: 'unlock.revoked', count: 0 },
    });
  });

  it('signs out from every phase', () => {
    for (const p of all) expect(after(p, { type: 'signedOut' })).toEqual(signedOut);
  });
});
