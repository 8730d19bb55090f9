import { MAX_CATCH_UP } from '../core';
import { applyPulledPage, CURSOR_KEY } from '../data/apply-pulled';
import { deviceClock, type DeviceClock } from '../data/clock';
import { markScopeLoaded, reconcileScope } from '../data/scope';
import type { TerenDb } from '../data/db';
import { readMeta, writeMeta } from '../data/meta';
import { RULES_SERVER_VERSION_KEY } from '../data/rules';
import type { ApiClient } from './api-client';

/**
 * Pulls every change after the stored cursor, page by page. Each page is stored with its
 * cursor in one transaction, so an interrupted pull resumes where it stopped; the next page
 * is fetched while the current one is stored. Yields to the event loop between pages so a
 * large first sync never freezes the UI.
 */
export const pullAll = async (
  db: TerenDb,
  api: ApiClient,
  token: string,
  onProgress: (received: number) => void = () => undefined,
  pageSize = 5000,
  clock: DeviceClock = deviceClock,
): Promise<number> => {
  const fetchPage = (from: string) => {
    const page = api.pull(token, from, pageSize);
    // Awaited in the loop; one left behind because storing the previous page failed must
    // not surface as an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  let next = fetchPage((await readMeta<string>(db, CURSOR_KEY)) ?? '0');
  let received = 0;
  for (;;) {
    const page = await next;
    // The next page travels while this one is stored: a first sync spends about as long
    // fetching and parsing pages as storing them (issue 8). Its cursor is only stored with
    // it, after this page, so an interruption still resumes from the last stored page.
    if (page.hasMore) next = fetchPage(page.cursor);
    if (page.serverTime) clock.receive(page.serverTime);
    await applyPulledPage(db, page.changes, page.cursor);
    received += page.changes.length;
    onProgress(received);
    if (!page.hasMore) {
      if (page.rulesVersion) await writeMeta(db, RULES_SERVER_VERSION_KEY, page.rulesVersion);
      if (page.scope) {
        const { missing } = await reconcileScope(db, page.scope);
        // Households that entered scope: their older changes are behind our cursor.
        for (let i = 0; i < missing.length; i += MAX_CATCH_UP) {
          const { changes } = await api.catchUp(token, missing.slice(i, i + MAX_CATCH_UP));
          await applyPulledPage(db, changes, null);
          received += changes.length;
          onProgress(received);
        }
        await markScopeLoaded(db, page.scope);
      }
      return received;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
};
