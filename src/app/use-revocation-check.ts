import { useEffect } from 'react';
import { getDb } from '../data/db';
import { deviceCheck } from '../data/session';
import { ApiError, type ApiClient } from '../sync/api-client';
import { retryDelay } from '../sync/backoff';

/**
 * How often a locked device asks; also whenever the connection comes back, and sooner after
 * an answer that did not come (the browser may think it is online when it is not).
 */
const EVERY_MS = 60_000;

/**
 * While the app is locked its session token is sealed, so no sync runs. A stolen, locked
 * tablet must still wipe itself once it reaches the server: it asks with its check
 * key alone, and a `revoked` answer (the server's own code, nothing else) wipes it. Gets how
 * many changes were unsent, counted before asking: the answer makes the browser clear the
 * storage itself.
 */
export const useRevocationCheck = (
  active: boolean,
  api: ApiClient,
  onRevoked: (unsent: number) => void,
) => {
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let failures = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      clearTimeout(retry);
      const db = getDb();
      const asking = await deviceCheck(db).catch(() => null);
      if (!asking || !navigator.onLine) return;
      const unsent = await db.outbox.count().catch(() => 0);
      try {
        await api.deviceStatus(asking);
        failures = 0;
      } catch (e) {
        if (stopped) return;
        if (e instanceof ApiError && e.code === 'revoked') onRevoked(unsent);
        else retry = setTimeout(() => void check(), retryDelay(failures++));
      }
    };
    void check();
    const timer = setInterval(() => void check(), EVERY_MS);
    const online = () => void check();
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(retry);
      window.removeEventListener('online', online);
    };
  }, [active, api, onRevoked]);
};
