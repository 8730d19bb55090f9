import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { signOut } from '../../../src/app/session/session-actions';
import { aStoredSession } from '../../factories/session';
import { TerenDb } from '../../../src/data/db';
import { loadSession, saveSession } from '../../../src/data/session';
import type { ApiClient } from '../../../src/sync/api-client';

let db: TerenDb | undefined;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

/**
 * Signing out wipes the device even when the server does not answer: a busy embedded
 * database once held the sign-out request, and the device kept its data meanwhile.
 */
describe('signOut', () => {
  it('gives up on a server that does not answer, cuts the request off and wipes', async () => {
    db = new TerenDb(`signout-${Math.random()}`);
    await saveSession(db, aStoredSession());
    let cut: AbortSignal | undefined;
    const api = {
      // A request that never ends unless it is cut off.
      logout: (_token: string, signal?: AbortSignal) =>
        new Promise<void>((_, reject) => {
          cut = signal;
          signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    } as unknown as ApiClient;
    expect(await signOut(db, api)).toEqual({ type: 'signedOut' });
    expect(cut?.aborted).toBe(true);
    const after = new TerenDb(db.name);
    expect(await loadSession(after).catch(() => undefined)).toBeUndefined();
    after.close();
  }, 15_000);
});
