import type { ContactRule } from '../core';
import { reapplyUnread } from '../data/apply-pulled';
import type { TerenDb } from '../data/db';
import { saveDueSnapshots } from '../data/read-model/read-model';
import { rulesToFetch, saveCatalog, saveRules } from '../data/rules';
import type { ApiClient } from './api-client';
import { pullAll, type PullProgress } from './pull';
import { pushAll } from './push';
import { uploadAudit } from './upload-audit';

/**
 * The rules and the city's catalogue, fetched only when the pull reported a fingerprint
 * other than this device's (they change rarely). An older server reports none: fetched
 * every time; one without a catalogue keeps the device's.
 */
export const refreshRules = async (db: TerenDb, api: ApiClient, token: string): Promise<void> => {
  const version = await rulesToFetch(db);
  if (version === null) return;
  const catalog = await api.catalog(token).catch(() => null);
  if (catalog) await saveCatalog(db, catalog);
  await saveRules(db, (await api.rules(token)) as ContactRule[], version);
};

/** What a sync did: changes the server took, records received that were not our own back. */
export type SyncCounts = { sent: number; received: number };

/**
 * One sync, in this order: pulled records an older app could not read (readable after an
 * update), the outbox, the local audit trail, every change since the cursor, then the rules.
 * Local changes go first, so the pull brings back the server's merge of them. The read
 * model's copies are written last when due, so the app's next start finds them.
 */
export const syncOnce = async (
  db: TerenDb,
  api: ApiClient,
  token: string,
  options: { onProgress: PullProgress; signal: AbortSignal },
): Promise<SyncCounts> => {
  await reapplyUnread(db);
  const pushed = await pushAll(db, api, token);
  await uploadAudit(db, api, token);
  let received = 0;
  await pullAll(db, api, token, {
    ...options,
    echoes: pushed.sentIds,
    onProgress: (all, part, fromOthers) => {
      received = fromOthers;
      options.onProgress(all, part, fromOthers);
    },
  });
  await refreshRules(db, api, token);
  await saveDueSnapshots(db);
  return { sent: pushed.applied, received };
};
