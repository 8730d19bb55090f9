import { newId, type RecordType } from '../core';
import type { TerenDb } from './db';

/** Notes that this user opened a record here, offline too; uploaded at the next sync. */
export const recordView = async (
  db: TerenDb,
  recordType: RecordType,
  recordId: string,
): Promise<void> => {
  await db.audit.add({
    id: newId(),
    action: 'view',
    recordType,
    recordId,
    at: new Date().toISOString(),
  });
};
