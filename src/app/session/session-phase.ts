import type { StoredSession } from '../../data/session';

/** What the sign-in screen tells the user, as a message key with its count. */
export type Notice =
  | { key: 'unlock.revoked' | 'unlock.wiped'; count: number }
  | { key: 'unlock.onlineRequired' | 'unlock.passwordChangedPending' | 'unlock.expired' }
  | null;

/** Where the app's session stands; each screen of the shell shows one phase. */
export type Phase =
  | { kind: 'loading' }
  | { kind: 'signedOut'; notice: Notice }
  | { kind: 'locked'; userName: string }
  | { kind: 'open'; session: StoredSession };

export type SessionEvent =
  /** The app started: a signed-in user with a keyring on the device unlocks it. */
  | { type: 'started'; lockedAs: string | null }
  | { type: 'signedIn'; session: StoredSession }
  | { type: 'unlocked'; session: StoredSession }
  /** Unlocking was refused for good: the device wiped itself, or must sign in online. */
  | { type: 'unlockRefused'; notice: Notice }
  /** Nobody touched the app for the policy's minutes. */
  | { type: 'inactive' }
  /** The server ended the session (expired, or signed out elsewhere). */
  | { type: 'expired' }
  /** The server revoked the device or its user: it was wiped. */
  | { type: 'revoked'; unsent: number }
  | { type: 'signedOut'; notice?: Notice }
  /** Someone else signs in on a locked device. */
  | { type: 'switchUser' };

const signedOut = (notice: Notice = null): Phase => ({ kind: 'signedOut', notice });

/**
 * The session's transitions, pure: an event that does not fit the phase (a late unlock
 * after a revocation, an inactivity lock on the sign-in screen) changes nothing.
 */
export const nextPhase = (phase: Phase, event: SessionEvent): Phase => {
  switch (event.type) {
    case 'started':
      if (phase.kind !== 'loading') return phase;
      return event.lockedAs ? { kind: 'locked', userName: event.lockedAs } : signedOut();
    case 'signedIn':
      return phase.kind === 'signedOut' ? { kind: 'open', session: event.session } : phase;
    case 'unlocked':
      return phase.kind === 'locked' ? { kind: 'open', session: event.session } : phase;
    case 'unlockRefused':
      return phase.kind === 'locked' ? signedOut(event.notice) : phase;
    case 'switchUser':
      return phase.kind === 'locked' ? signedOut() : phase;
    case 'inactive':
      return phase.kind === 'open' ? { kind: 'locked', userName: phase.session.user.name } : phase;
    case 'expired':
      return phase.kind === 'open' ? signedOut({ key: 'unlock.expired' }) : phase;
    case 'revoked':
      return signedOut({ key: 'unlock.revoked', count: event.unsent });
    case 'signedOut':
      return signedOut(event.notice ?? null);
  }
};
