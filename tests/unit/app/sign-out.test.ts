import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { signOut } from '../../../src/app/session/session-actions';
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
    await saveSession(db, {
      token: 'token-token-token-token',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: {
        id: '00000000-0000-4000-8000-0000000000a1',
        name: 'Tereza Zkušební',
        username: 'pracovnik1',
        role: 'worker',
        teamId: '00000000-0000-4000-8000-000000000001',
        teamName: 'Tým',
      },
      team: [],
      policy: { offlineDays: 14, inactivityMinutes: 15, retentionYears: 10 },
    });
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
