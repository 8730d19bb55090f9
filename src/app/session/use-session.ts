import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { vault } from '../../data/crypto/vault';
import { getDb } from '../../data/db';
import type { Services } from '../../widgets/services';
import type { ApiClient } from '../../sync/api-client';
import { startSyncRunner, type SyncRunner } from '../../sync/sync-runner';
import { useInactivityLock } from '../use-inactivity-lock';
import { useRevocationCheck } from '../use-revocation-check';
import { revoke, signIn, signOut, startSession, unlock } from './session-actions';
import { nextPhase, type Phase, type SessionEvent } from './session-phase';

/** The running sync loop of the signed-in session; one app per page, so one per page. */
let runner: SyncRunner | null = null;
const syncNow = () => runner?.syncNow() ?? Promise.resolve();

/** Runs sync while the session is open; stopped when it closes, and at a revocation. */
const useSyncWhileOpen = (
  phase: Phase,
  api: ApiClient,
  dispatch: (e: SessionEvent) => void,
  revoked: (unsent: number) => void,
) => {
  const session = phase.kind === 'open' ? phase.session : null;
  useEffect(() => {
    if (!session) return;
    const r = startSyncRunner(getDb(), api, {
      onRevoked: (unsent) => {
        r.stop();
        revoked(unsent);
      },
      onSessionExpired: () => {
        vault.lock();
        dispatch({ type: 'expired' });
      },
    });
    runner = r;
    return () => {
      r.stop();
      runner = null;
    };
  }, [session, api, dispatch, revoked]);
};

/**
 * The app's session: the phase (session-phase.ts), the actions that move it
 * (session-actions.ts), and what runs in each phase: sync while open, the inactivity lock,
 * the revocation check while locked.
 */
export const useSession = (api: ApiClient) => {
  const [phase, dispatch] = useReducer(nextPhase, { kind: 'loading' });
  useEffect(() => {
    void startSession(getDb()).then(dispatch);
  }, []);
  const lock = useCallback(() => {
    vault.lock();
    dispatch({ type: 'inactive' });
  }, []);
  const open = phase.kind === 'open' ? phase.session : null;
  useInactivityLock(!!open, lock, open?.policy.inactivityMinutes);
  const revoked = useCallback((unsent: number) => void revoke(getDb(), unsent).then(dispatch), []);
  useRevocationCheck(phase.kind === 'locked', api, revoked);
  useSyncWhileOpen(phase, api, dispatch, revoked);

  const end = useCallback(async () => {
    // A sync still running must not store anything once the device is wiped.
    runner?.stop();
    dispatch(await signOut(getDb(), api));
  }, [api]);
  const actions = useMemo(
    () => ({
      login: async (form: { username: string; password: string }) =>
        dispatch(await signIn(getDb, api, form)),
      unlock: async (password: string) => {
        const { outcome, event } = await unlock(getDb(), password);
        if (event) dispatch(event);
        return outcome;
      },
      switchUser: () => dispatch({ type: 'switchUser' }),
    }),
    [api],
  );
  const services: Services | null = useMemo(
    () => (open ? { api, session: open, syncNow, signOut: end } : null),
    [open, api, end],
  );
  return { phase, services, ...actions };
};
