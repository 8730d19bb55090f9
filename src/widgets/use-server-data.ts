import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { isOffline, type ApiClient } from '../sync/api-client';
import { useServices } from './services';

/** What the online-only screens (admin, privacy, reports, supervision) show of a server read. */
export type ServerData<T> = {
  /** The last answer; kept while a reload runs, so the screen does not blank. */
  data: T | null;
  /** Why the last read failed (an `ApiError`, or the browser's offline error), else null. */
  failure: unknown;
  loading: boolean;
  /** Reads again (after a change the screen made). */
  reload: () => void;
  /** Replaces what is shown (e.g. the next page appended), until the next read. */
  update: (next: (data: T) => T) => void;
};

type Answer<T> = { key: string; data: T | null; failure: unknown };

/**
 * Reads from the server while the screen is open, and again whenever `key` changes or the
 * screen asks. An answer that arrives after the key changed (or the screen closed) is
 * dropped, so a slow old answer never replaces a newer one. Nothing is cached on the
 * device: these screens show what is on the server now.
 */
export const useServerData = <T>(
  read: (api: ApiClient, token: string) => Promise<T>,
  key = '',
): ServerData<T> => {
  const { api, session } = useServices();
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<Answer<T>>({ key: '', data: null, failure: null });
  const asked = `${session.token}\u0000${key}\u0000${round}`;
  // The screen's inline function, as of its last render; `key` says when what it reads changes.
  const latest = useRef(read);
  useLayoutEffect(() => {
    latest.current = read;
  });
  useEffect(() => {
    let live = true;
    latest.current(api, session.token).then(
      (data) => live && setAnswer({ key: asked, data, failure: null }),
      (failure: unknown) => live && setAnswer((a) => ({ ...a, key: asked, failure })),
    );
    return () => {
      live = false;
    };
  }, [api, session.token, asked]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const update = useCallback(
    (next: (data: T) => T) =>
      setAnswer((a) => (a.data === null ? a : { ...a, data: next(a.data) })),
    [],
  );
  return {
    data: answer.data,
    failure: answer.failure,
    loading: answer.key !== asked,
    reload,
    update,
  };
};

/** A change the screen asks the server for: which one runs, and why the last one failed. */
export const useServerAction = () => {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  /** Runs `action` under the name `name`; answers whether it succeeded. */
  const run = useCallback(async (name: string, action: () => Promise<unknown>) => {
    setBusy(name);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (e) {
      setFailure(e);
      return false;
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, failure, run, setFailure };
};

type NeedsConnection =
  | 'admin.needsConnection'
  | 'privacy.needsConnection'
  | 'reports.needsConnection'
  | 'syncIssues.needsConnection';

/** What a screen says of a failed server request: it needs a connection, or it failed. */
export const failureText = (t: TFunction, failure: unknown, offline: NeedsConnection) =>
  failure == null ? null : isOffline(failure) ? t(offline) : t('admin.failed');
