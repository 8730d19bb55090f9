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

/** Records received so far, the part of a first sync, and how many were not this device's own changes coming back. */
export type PullProgress = (received: number, part: PullPart | null, fromOthers: number) => void;

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

/** One pull: what its steps share, and how many records it received so far. */
type PullRun = {
  db: TerenDb;
  api: ApiClient;
  token: string;
  pageSize: number;
  clock: DeviceClock;
  signal: AbortSignal | undefined;
  onProgress: PullProgress;
  received: number;
  /** Records this device has just sent: their server versions coming back are not news. */
  echoes: ReadonlySet<string>;
  fromOthers: number;
};

/** Counts a stored page (or the history part starting) and tells the progress. */
const counted = (run: PullRun, changes: PullResponse['changes'], part: PullPart | null) => {
  run.received += changes.length;
  for (const c of changes) if (!run.echoes.has(String(c.record.id))) run.fromOthers++;
  run.onProgress(run.received, part, run.fromOthers);
};

type PageStore = (page: PullResponse) => Promise<unknown>;

/** Stores a page with its cursor (null: keep the stored one) and other progress. */
const storePage = (
  run: PullRun,
  changes: PullResponse['changes'],
  cursor: string | null,
  progress: Record<string, unknown> = {},
) => applyPulledPage(run.db, changes, cursor, progress, run.signal, run.clock);

/**
 * Fetches pages from `from` until the last, storing each with `store`; gives the last page.
 * The next page travels while this one is stored: a first sync spends about as long
 * fetching and parsing pages as storing them. Its cursor is only stored with it, after
 * this page, so an interruption still resumes from the last stored page.
 */
const pages = async (
  run: PullRun,
  fetchPage: (cursor: string) => Promise<PullResponse>,
  from: string,
  store: PageStore,
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
    if (page.hasMore) next = ahead(page.cursor);
    if (page.serverTime) run.clock.receive(page.serverTime);
    run.signal?.throwIfAborted();
    await store(page);
    counted(run, page.changes, page.part ?? null);
    if (!page.hasMore) return page;
    // Yields to the event loop, so a large first sync never freezes the screen.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
};

/**
 * How a first sync's recent part stores its pages: the cursor only with the last one (the
 * ordinary pull starts there), and what is left of the history once it ends. A page that is
 * not of the recent part (an older server, or an older instance answering meanwhile) ends
 * it: from then on this is an ordinary pull.
 */
const recentPageStore = (run: PullRun, recent: PullPartState): PageStore => {
  const { before } = recent;
  /** How far the recent part got: older contacts up to there are still to fetch. */
  let upTo = recent.cursor;
  const history = (): PullPartState | null => (upTo === '0' ? null : { cursor: '0', before, upTo });
  return (page) => {
    if (page.part !== 'recent')
      return storePage(run, page.changes, page.cursor, {
        [RECENT_KEY]: null,
        [HISTORY_KEY]: history(),
      });
    upTo = page.cursor;
    if (page.hasMore)
      return storePage(run, page.changes, null, { [RECENT_KEY]: { cursor: page.cursor, before } });
    return storePage(run, page.changes, page.cursor, {
      [RECENT_KEY]: null,
      [HISTORY_KEY]: history(),
    });
  };
};

/**
 * A first sync's first part: everything but the contacts older than the read model holds,
 * so the caseload and the agenda are right as soon as it is stored. Gives where the
 * ordinary pull starts, or its last page when an older server answered ordinary pages.
 */
const pullRecentPart = async (
  run: PullRun,
): Promise<{ cursor: string } | { last: PullResponse }> => {
  const recent = (await readMeta<PullPartState>(run.db, RECENT_KEY)) ?? {
    cursor: '0',
    before: heldContactsFrom(new Date()),
  };
  let ordinary = false;
  const fetchPage = (from: string) =>
    ordinary
      ? run.api.pull(run.token, from, run.pageSize)
      : run.api
          .pull(run.token, from, run.pageSize, { part: 'recent', before: recent.before })
          .then((page) => {
            if (page.part !== 'recent') ordinary = true;
            return page;
          });
  const end = await pages(run, fetchPage, recent.cursor, recentPageStore(run, recent));
  return end.part === 'recent' ? { cursor: end.cursor } : { last: end };
};

/**
 * Households that entered the scope: their older changes are behind the cursor. So are the
 * server's versions of records a refused change kept local until it was settled.
 */
const catchUpScope = async (run: PullRun, scope: readonly string[]): Promise<void> => {
  const { missing } = await reconcileScope(run.db, scope);
  const refetch = (await readMeta<Refetch>(run.db, REFETCH_KEY)) ?? {};
  const inScope = new Set(scope);
  const again = Object.keys(refetch).filter((id) => inScope.has(id));
  const wanted = [...new Set([...missing, ...again])];
  for (let i = 0; i < wanted.length; i += MAX_CATCH_UP) {
    const { changes } = await run.api.catchUp(run.token, wanted.slice(i, i + MAX_CATCH_UP));
    await storePage(run, changes, null);
    counted(run, changes, null);
  }
  await markScopeLoaded(run.db, scope);
  await clearRefetched(run.db, refetch);
};

/** What the last page of the ordinary pull carries besides changes. */
const settleLastPage = async (run: PullRun, last: PullResponse): Promise<void> => {
  run.signal?.throwIfAborted();
  if (last.replaced) await saveReplaced(run.db, last.replaced);
  if (last.rulesVersion) await writeMeta(run.db, RULES_SERVER_VERSION_KEY, last.rulesVersion);
  if (last.scope) await catchUpScope(run, last.scope);
};

/**
 * What is left of a first sync's history: the older contacts, fetched after every pull
 * until complete. Only of households the device holds now: one that left the scope since
 * must not come back through its history, and one that enters it later is caught up whole.
 */
const pullHistory = async (run: PullRun): Promise<void> => {
  const history = await readMeta<PullPartState>(run.db, HISTORY_KEY);
  if (!history?.upTo) return;
  const { before, upTo } = history;
  // Everything but older visits is stored: the caseload and the agenda are complete.
  counted(run, [], 'history');
  // The scope was settled by the ordinary pull and does not change while this one runs.
  const scope = await loadedScope(run.db);
  const held = scope && new Set(scope);
  await pages(
    run,
    (from) => run.api.pull(run.token, from, run.pageSize, { part: 'history', before, upTo }),
    history.cursor,
    (page) =>
      storePage(
        run,
        held ? page.changes.filter((c) => held.has(householdOfChange(c))) : page.changes,
        null,
        { [HISTORY_KEY]: page.hasMore ? { cursor: page.cursor, before, upTo } : null },
      ),
  );
};

/**
 * Pulls every change after the stored cursor, page by page. Each page is stored with its
 * cursor in one transaction, so an interrupted pull resumes where it stopped.
 *
 * A device that never synced takes it in parts (protocol/pull.ts): first everything but
 * contacts older than the read model holds (`pullRecentPart`), then the ordinary pull from
 * where that ended, then the older contacts (`pullHistory`). What is left of the history is
 * kept in `meta` and fetched after every later pull until it is complete.
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
    echoes = new Set(),
  }: {
    onProgress?: PullProgress;
    pageSize?: number;
    clock?: DeviceClock;
    /** Records this device has just sent (see PullRun). */
    echoes?: ReadonlySet<string>;
    /** Aborted on sign-out and revocation: nothing is stored after that (the device is wiped). */
    signal?: AbortSignal;
  } = {},
): Promise<number> => {
  const run: PullRun = {
    ...{ db, api, token, pageSize, clock, signal, onProgress, echoes },
    received: 0,
    fromOthers: 0,
  };
  const stored = await readMeta<string>(db, CURSOR_KEY);
  const first = stored === undefined ? await pullRecentPart(run) : { cursor: stored };
  const replacedAfter = await replacedCursor(db);
  const last =
    'last' in first
      ? first.last
      : await pages(
          run,
          (from) => api.pull(token, from, pageSize, { replacedAfter }),
          first.cursor,
          (page) => storePage(run, page.changes, page.cursor),
        );
  await settleLastPage(run, last);
  await pullHistory(run);
  return run.received;
};
