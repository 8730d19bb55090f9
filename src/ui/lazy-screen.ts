import { lazy, type ComponentType } from 'react';

const RELOADED_KEY = 'teren.reloadedForMissingScreen';
/** A second failure this soon after reloading for one is not a deploy: it is shown. */
const GUARD_MS = 30_000;

type Env = {
  reload: () => void;
  online: () => boolean;
  now: () => number;
  store: Pick<Storage, 'getItem' | 'setItem'>;
};

const browserEnv = (): Env => ({
  reload: () => window.location.reload(),
  online: () => navigator.onLine,
  now: () => Date.now(),
  store: window.sessionStorage,
});

/**
 * Loads a screen's code. After a deploy (or a sign-out that cleared the cache) the running,
 * older page asks for a file the new build no longer has: instead of a blank screen, the
 * page reloads once and gets the new version. Offline, or failing again right after such a
 * reload, the error stands, for the error screen to show.
 */
export const loadScreen = async <T>(
  load: () => Promise<T>,
  env: Env = browserEnv(),
): Promise<T> => {
  try {
    return await load();
  } catch (error) {
    const last = Number(env.store.getItem(RELOADED_KEY) ?? 0);
    if (!env.online() || env.now() - last < GUARD_MS) throw error;
    env.store.setItem(RELOADED_KEY, String(env.now()));
    env.reload();
    // The page is going away; rendering nothing until it does.
    return new Promise<T>(() => undefined);
  }
};

/** A lazily loaded screen: one named export of a module, reloaded for as above. */
export const lazyScreen = <K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) => lazy(async () => ({ default: (await loadScreen(load))[name] }));
