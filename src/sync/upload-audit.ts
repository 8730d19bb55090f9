import type { TerenDb } from '../data/db';
import type { ApiClient } from './api-client';

const BATCH = 500;

/** Uploads audit events oldest first; each leaves the device once the server has it. */
export const uploadAudit = async (db: TerenDb, api: ApiClient, token: string): Promise<number> => {
  let sent = 0;
  for (;;) {
    const events = await db.audit.orderBy('at').limit(BATCH).toArray();
    if (events.length === 0) return sent;
    const { received } = await api.audit(token, events);
    await db.audit.bulkDelete(received);
    sent += received.length;
    if (received.length === 0) return sent;
  }
};
