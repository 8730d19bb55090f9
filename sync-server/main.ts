import { mkdirSync } from 'node:fs';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo';
import { productionRefusals } from './startup-checks';
import { pruneLedger } from './sync/ledger';

const config = configFromEnv();
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrate(db);
if (applied.length) console.info(`Migrations applied: ${applied.join(', ')}`);
const refusals = await productionRefusals(db, config);
if (refusals.length) {
  for (const r of refusals) console.error(`Refusing to start: ${r}`);
  await db.close();
  process.exit(1);
}
const seeded = config.seedDemo ? await seedDemo(db) : null;
if (seeded) {
  console.info(`Demo data created: ${seeded.households} households, ${seeded.contacts} contacts.`);
}

const app = await buildApp(db, { ...config, logger: process.env.LOG_REQUESTS === '1' });

// Housekeeping: the exactly-once ledger keeps LEDGER_RETENTION_DAYS, pruned at start and
// every six hours (each instance does it; deleting what is gone already costs nothing).
const prune = () =>
  pruneLedger(db, config.ledgerRetentionDays).catch((e: unknown) => {
    console.warn('ledger pruning failed:', e instanceof Error ? e.message : 'unknown');
  });
await prune();
setInterval(() => void prune(), 6 * 3600_000).unref();
await app.listen({ port: config.port, host: config.host });

const where = config.databaseUrl
  ? 'PostgreSQL (DATABASE_URL)'
  : `embedded database in ${config.dataDir}`;
console.info(
  `\nTerén is running on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`,
);
console.info(`Data: ${where}`);
if (config.seedDemo) {
  console.info(`Demo logins (password "${DEMO_PASSWORD}"):`);
  for (const u of DEMO_USERS) console.info(`  ${u.username.padEnd(12)} ${u.role}`);
}

const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
