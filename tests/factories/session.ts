import type { StoredSession } from '../../src/data/session';

/** A worker's stored session, as the app keeps it after signing in (fake data). */
export const aStoredSession = (): StoredSession => ({
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
