import { decodeValue, encodeValue } from './crypto/vault';
import type { TerenDb } from './db';

/**
 * Drafts of forms, saved as the user types, so leaving the page, a reload or a killed app
 * never loses what was typed. Keys name the form and the record, e.g. "contact:new:<household>".
 */
export const saveDraft = async (db: TerenDb, key: string, value: unknown): Promise<void> => {
  await db.drafts.put({
    key,
    value: await encodeValue(value),
    updatedAt: new Date().toISOString(),
  });
};

export const loadDraft = async <T>(db: TerenDb, key: string): Promise<T | undefined> => {
  const draft = await db.drafts.get(key);
  return draft ? decodeValue<T>(draft.value) : undefined;
};

export const clearDraft = async (db: TerenDb, key: string): Promise<void> => {
  await db.drafts.delete(key);
};
