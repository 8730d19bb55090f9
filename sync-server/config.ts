import { resolve } from 'node:path';
import { DEFAULT_RETENTION_YEARS } from '../src/core';
import { DEFAULT_LEDGER_RETENTION_DAYS } from './sync/ledger';

/** Everything the operator can set, from the environment, with safe defaults. */
export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  staticDir: string;
  /** NODE_ENV=production: no demo data, no demo passwords (startup-checks.ts). */
  production: boolean;
  /** Demo data only when asked for (SEED_DEMO=1; `npm start` asks). */
  seedDemo: boolean;
  hsts: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  sessionHours: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
  maxFailedPerAddress: number;
  /** Days a device may work without reaching the server before an online sign-in. */
  offlineDays: number;
  /** Minutes without use before the app locks itself. */
  inactivityMinutes: number;
  bodyLimitBytes: number;
  /** Years a closed case is kept before it is listed for shredding. */
  retentionYears: number;
  /**
   * Days the exactly-once ledger keeps a device's mutation and its result; older entries are
   * pruned. Longer than any device may stay offline (OFFLINE_DAYS is at most 90).
   */
  ledgerRetentionDays: number;
  /** Key of the evaluators' pseudonyms; generated and kept in the database when unset. */
  pseudonymKey: string | undefined;
};

const int = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const configFromEnv = (env: NodeJS.ProcessEnv = process.env): ServerConfig => ({
  port: int(env.PORT, 8080),
  host: env.HOST ?? '127.0.0.1',
  dataDir: resolve(env.DATA_DIR ?? 'data'),
  databaseUrl: env.DATABASE_URL || undefined,
  staticDir: resolve(env.STATIC_DIR ?? 'dist'),
  production: env.NODE_ENV === 'production',
  seedDemo: env.SEED_DEMO === '1',
  hsts: env.HSTS === '1',
  trustProxy: env.TRUST_PROXY === '1',
  sessionHours: int(env.SESSION_HOURS, 24 * 14),
  maxFailedLogins: int(env.MAX_FAILED_LOGINS, 5),
  lockoutMinutes: int(env.LOCKOUT_MINUTES, 15),
  maxFailedPerAddress: int(env.MAX_FAILED_PER_ADDRESS, 30),
  offlineDays: int(env.OFFLINE_DAYS, 14),
  inactivityMinutes: int(env.INACTIVITY_MINUTES, 15),
  bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 2 * 1024 * 1024),
  retentionYears: int(env.RETENTION_YEARS, DEFAULT_RETENTION_YEARS),
  pseudonymKey: env.PSEUDONYM_KEY || undefined,
  ledgerRetentionDays: int(env.LEDGER_RETENTION_DAYS, DEFAULT_LEDGER_RETENTION_DAYS),
});
