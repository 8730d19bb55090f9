import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { verifyPassword } from './auth/passwords';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo';

/**
 * Why a production server must not start: demo data asked for, or a demo account
 * that still opens with the published password (the admin screen cannot set one that short,
 * so only the seeded accounts are checked). Empty when it may start.
 */
export const productionRefusals = async (
  db: Database,
  config: Pick<ServerConfig, 'production' | 'seedDemo'>,
): Promise<string[]> => {
  if (!config.production) return [];
  const refusals: string[] = [];
  if (config.seedDemo)
    refusals.push(
      'SEED_DEMO=1 is refused in production: the demo accounts have a published password.',
    );
  const demo = await db.query<{ username: string; password_hash: string }>(
    'SELECT username, password_hash FROM users WHERE username = ANY($1) AND NOT disabled',
    [DEMO_USERS.map((u) => u.username)],
  );
  for (const u of demo) {
    if (await verifyPassword(DEMO_PASSWORD, u.password_hash))
      refusals.push(
        `Account "${u.username}" still has the published demo password: set another one or disable it.`,
      );
  }
  return refusals;
};
