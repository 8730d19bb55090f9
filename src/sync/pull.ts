import { MAX_CATCH_UP, type PullPart, type PullResponse } from '../core';
import { heldContactsFrom } from '../data/read-model/facts';
import {
  applyPulledPage,
  CURSOR_KEY,
  HISTORY_KEY,
  householdOfChange,
  RECENT_KEY,
  type PullPartState,
} from '../data/apply-pulled';
import { deviceClock, type DeviceClock } from '../data/clock';
import { REFETCH_KEY, type Refetch } from '../data/refused';
import { replacedCursor, saveReplaced } from '../data/sync-notices';
import { loadedScope, markScopeLoaded, reconcileScope } from '../data/scope';
import type { TerenDb } from '../data/db';
import { readMeta, writeMeta } from '../data/meta';
import { RULES_SERVER_VERSION_KEY } from '../data/rules';
import type { ApiClient } from './api-client';

export type PullProgress = (received: number, part: PullPart | null) => void;

/**
 * Forgets the households just fetched again (or gone from the scope), unless another change
 * of theirs was settled meanwhile: its record was kept local during this fetch.
 */
const clearRefetched = (db: TerenDb, fetched: Refetch) =>
  db.transaction('rw', db.meta, async () => {
    const now = (await readMeta<Refetch>(db, REFETCH_KEY)) ?? {};
    const left = Object.fromEntries(Object.entries(now).filter(([id, n]) => fetched[id] !== n));
    await writeMeta(db, REFETCH_KEY, left);
  });

/**
 * Pulls every change after the stored cursor, page by page. Each page is stored with its
 * cursor in one transaction, so an interrupted pull resumes where it stopped; the next page
 * is fetched while the current one is stored. Yields to the event loop between pages so a
 * large first sync never freezes the UI.
 *
 * A device that never synced takes it in parts (protocol/pull.ts): first everything but
 * contacts older than the read model holds (the caseload and the agenda are right as soon as
 * that is stored), then the ordinary pull from where that ended, then the older contacts.
 * What is left of the history is kept in `meta` and fetched after every later pull until
 * it is complete.
 */
export const pullAll = async (
  db: TerenDb,
  api: ApiClient,
  token: string,
  {
    onProgress = () => undefined,
    pageSize = 5000,
    clock = deviceClock,
    signal,
  }: {
    onProgress?: PullProgress;
    pageSize?: number;
    clock?: DeviceClock;
    /** Aborted on sign-out and revocation: nothing is stored after that (the device is wiped). */
    signal?: AbortSignal;
  } = {},
): Promise<number> => {
  let received = 0;
  const apply = (
    changes: PullResponse['changes'],
    cursor: string | null,
    progress: Record<string, unknown> = {},
  ) => applyPulledPage(db, changes, cursor, progress, signal, clock);
  /** Fetches one page ahead of the one being stored; gives the last page. */
  const pages = async (
    fetchPage: (cursor: string) => Promise<PullResponse>,
    from: string,
    store: (page: PullResponse) => Promise<unknown>,
  ): Promise<PullResponse> => {
    const ahead = (cursor: string) => {
      const page = fetchPage(cursor);
      // Awaited in the loop; one left behind because storing the previous page failed must
      // not surface as an unhandled rejection.
      page.catch(() => undefined);
      return page;
    };
    let next = ahead(from);
    for (;;) {
      const page = await next;
      // The next page travels while this one is stored: a first sync spends about as long
      // fetching and parsing pages as storing them (issue 8). Its cursor is only stored with
      // it, after this page, so an interruption still resumes from the last stored page.
      if (page.hasMore) next = ahead(page.cursor);
      if (page.serverTime) clock.receive(page.serverTime);
      signal?.throwIfAborted();
      await store(page);
      received += page.changes.length;
      onProgress(received, page.part ?? null);
      if (!page.hasMore) return page;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };

  const stored = await readMeta<string>(db, CURSOR_KEY);
  let last: PullResponse | undefined;
  let cursor = stored ?? '0';
  if (stored === undefined) {
    const recent = (await readMeta<PullPartState>(db, RECENT_KEY)) ?? {
      cursor: '0',
      before: heldContactsFrom(new Date()),
    };
    const { before } = recent;
    /** How far the recent part got: older contacts up to there are still to fetch. */
    let recentUpTo = recent.cursor;
    const history = (): PullPartState | null =>
      recentUpTo === '0' ? null : { cursor: '0', before, upTo: recentUpTo };
    // A server that does not know the parts (an older one, or an older instance answering
    // meanwhile) sends ordinary pages: from then on this is an ordinary pull.
    let ordinary = false;
    const end = await pages(
      (from) =>
        ordinary
          ? api.pull(token, from, pageSize)
          : api.pull(token, from, pageSize, { part: 'recent', before }).then((page) => {
              if (page.part !== 'recent') ordinary = true;
              return page;
            }),
      recent.cursor,
      (page) => {
        // Decided by the page itself: the flag may already be set by the page fetched ahead.
        if (page.part !== 'recent')
          return apply(page.changes, page.cursor, {
            [RECENT_KEY]: null,
            [HISTORY_KEY]: history(),
          });
        recentUpTo = page.cursor;
        if (page.hasMore)
          return apply(page.changes, null, { [RECENT_KEY]: { cursor: page.cursor, before } });
        return apply(page.changes, page.cursor, { [RECENT_KEY]: null, [HISTORY_KEY]: history() });
      },
    );
    // After an older server's ordinary pages, the ordinary pull is done already.
    if (end.part === 'recent') cursor = end.cursor;
    else last = end;
  }

  const replacedAfter = await replacedCursor(db);
  last ??= await pages(
    (from) => api.pull(token, from, pageSize, { replacedAfter }),
    cursor,
    (page) => apply(page.changes, page.cursor),
  );
  signal?.throwIfAborted();
  if (last.replaced) await saveReplaced(db, last.replaced);
  if (last.rulesVersion) await writeMeta(db, RULES_SERVER_VERSION_KEY, last.rulesVersion);
  if (last.scope) {
    const { missing } = await reconcileScope(db, last.scope);
    // Households that entered scope: their older changes are behind our cursor. So are the
    // server's versions of records a refused change kept local until it was settled.
    const refetch = (await readMeta<Refetch>(db, REFETCH_KEY)) ?? {};
    const inScope = new Set(last.scope);
    const again = Object.keys(refetch).filter((id) => inScope.has(id));
    const wanted = [...new Set([...missing, ...again])];
    for (let i = 0; i < wanted.length; i += MAX_CATCH_UP) {
      const { changes } = await api.catchUp(token, wanted.slice(i, i + MAX_CATCH_UP));
      await apply(changes, null);
      received += changes.length;
      onProgress(received, null);
    }
    await markScopeLoaded(db, last.scope);
    await clearRefetched(db, refetch);
  }

  const history = await readMeta<PullPartState>(db, HISTORY_KEY);
  if (history?.upTo) {
    const { before, upTo } = history;
    // Everything but older visits is stored: the caseload and the agenda are complete.
    onProgress(received, 'history');
    // Only households the device holds now: one that left the scope since must not come
    // back through its history, and one that enters it later is caught up whole. The scope
    // was settled by the ordinary pull above and does not change while this one runs.
    const scope = await loadedScope(db);
    const held = scope && new Set(scope);
    await pages(
      (from) => api.pull(token, from, pageSize, { part: 'history', before, upTo }),
      history.cursor,
      (page) =>
        apply(
          held ? page.changes.filter((c) => held.has(householdOfChange(c))) : page.changes,
          null,
          { [HISTORY_KEY]: page.hasMore ? { cursor: page.cursor, before, upTo } : null },
        ),
    );
  }
  return received;
};
