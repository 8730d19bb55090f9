import { MAX_CATCH_UP, type PullPart, type PullResponse } from '../core';
import { digestCutoff } from '../data/digest';
import {
  applyPulledPage,
  CURSOR_KEY,
  HISTORY_KEY,
  RECENT_KEY,
  type PullPartState,
} from '../data/apply-pulled';
import { deviceClock, type DeviceClock } from '../data/clock';
import { markScopeLoaded, reconcileScope } from '../data/scope';
import type { TerenDb } from '../data/db';
import { readMeta, writeMeta } from '../data/meta';
import { RULES_SERVER_VERSION_KEY } from '../data/rules';
import type { ApiClient } from './api-client';

export type PullProgress = (received: number, part: PullPart | null) => void;

/**
 * Pulls every change after the stored cursor, page by page. Each page is stored with its
 * cursor in one transaction, so an interrupted pull resumes where it stopped; the next page
 * is fetched while the current one is stored. Yields to the event loop between pages so a
 * large first sync never freezes the UI.
 *
 * A device that never synced takes it in parts (protocol/pull.ts): first everything but
 * contacts older than the digests reach (the caseload and the agenda are right as soon as
 * that is stored), then the ordinary pull from where that ended, then the older contacts.
 * What is left of the history is kept in `meta` and fetched after every later pull until
 * it is complete.
 */
export const pullAll = async (
  db: TerenDb,
  api: ApiClient,
  token: string,
  onProgress: PullProgress = () => undefined,
  pageSize = 5000,
  clock: DeviceClock = deviceClock,
): Promise<number> => {
  let received = 0;
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
      before: digestCutoff(new Date()),
    };
    const { before } = recent;
    const end = await pages(
      (from) => api.pull(token, from, pageSize, { part: 'recent', before }),
      recent.cursor,
      (page) => {
        // A server older than the parts sent an ordinary page: go on as an ordinary pull.
        if (page.part !== 'recent')
          return applyPulledPage(db, page.changes, page.cursor, { [RECENT_KEY]: null });
        if (page.hasMore)
          return applyPulledPage(db, page.changes, null, {
            [RECENT_KEY]: { cursor: page.cursor, before },
          });
        const history: PullPartState | null =
          page.cursor === '0' ? null : { cursor: '0', before, upTo: page.cursor };
        return applyPulledPage(db, page.changes, page.cursor, {
          [RECENT_KEY]: null,
          [HISTORY_KEY]: history,
        });
      },
    );
    // After an older server's ordinary pages, the ordinary pull is done already.
    if (end.part === 'recent') cursor = end.cursor;
    else last = end;
  }

  last ??= await pages(
    (from) => api.pull(token, from, pageSize),
    cursor,
    (page) => applyPulledPage(db, page.changes, page.cursor),
  );
  if (last.rulesVersion) await writeMeta(db, RULES_SERVER_VERSION_KEY, last.rulesVersion);
  if (last.scope) {
    const { missing } = await reconcileScope(db, last.scope);
    // Households that entered scope: their older changes are behind our cursor.
    for (let i = 0; i < missing.length; i += MAX_CATCH_UP) {
      const { changes } = await api.catchUp(token, missing.slice(i, i + MAX_CATCH_UP));
      await applyPulledPage(db, changes, null);
      received += changes.length;
      onProgress(received, null);
    }
    await markScopeLoaded(db, last.scope);
  }

  const history = await readMeta<PullPartState>(db, HISTORY_KEY);
  if (history?.upTo) {
    const { before, upTo } = history;
    // Everything but older visits is stored: the caseload and the agenda are complete.
    onProgress(received, 'history');
    await pages(
      (from) => api.pull(token, from, pageSize, { part: 'history', before, upTo }),
      history.cursor,
      (page) =>
        applyPulledPage(db, page.changes, null, {
          [HISTORY_KEY]: page.hasMore ? { cursor: page.cursor, before, upTo } : null,
        }),
    );
  }
  return received;
};
