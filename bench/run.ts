/**
 * `npm run bench`: the benchmarks of docs/performance.md. Prints a table and writes bench/results/
 * latest.json; every figure stands beside a baseline measured in the same run.
 *
 *   npm run bench                      full scale (40 workers, 4,000 households, 400k contacts)
 *   npm run bench -- --scale 0.1       a tenth, for development (or BENCH_SCALE=0.1)
 *   npm run bench -- --only server,ui  some parts only: generate, server, device, ui, size
 *
 * PostgreSQL is measured too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is an admin URL
 * where a throw-away database may be created and dropped.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { format } from 'prettier';
import { runDevice } from './device/driver';
import { generateOrg, orgOptions } from './lib/generate';
import { figure, renderTable, type Figure } from './lib/report';
import { now } from './lib/stats';
import { runIngest, startServer } from './server/ingest';
import { buildBenchPage, measureBundle } from './ui/build';

const PARTS = ['generate', 'server', 'device', 'ui', 'size'] as const;
type Part = (typeof PARTS)[number];

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
};

const scale = Number(arg('scale') ?? process.env.BENCH_SCALE ?? 1);
if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
const only = (arg('only') ?? process.env.BENCH_ONLY ?? PARTS.join(','))
  .split(',')
  .filter((p): p is Part => (PARTS as readonly string[]).includes(p));
const wants = (p: Part) => only.includes(p);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const distDir = resolve('dist');

const figures: Figure[] = [];
const started = Date.now();
const log = (s: string) =>
  console.info(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${s}`);

log(`scale ${scale}, parts: ${only.join(', ')}, ${cpus().length} cores`);

if (wants('generate')) {
  const t = now();
  const org = generateOrg(orgOptions(scale));
  const ms = now() - t;
  const total = Object.values(org.counts).reduce((a, b) => a + b, 0);
  figures.push(
    figure(
      'generator',
      'records generated and validated by the zod schemas',
      (total / ms) * 1000,
      'records/s',
      {
        note: `${org.teams.length} teams, ${org.teams.reduce((a, t) => a + t.workerIds.length, 0)} workers; ${Object.entries(
          org.counts,
        )
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}; ${org.openCases.length} open cases`,
      },
    ),
  );
}

const needsPage = wants('device') || wants('ui');
const benchDir = needsPage ? await buildBenchPage(log) : undefined;

if (wants('server') || needsPage) {
  log('starting the server on PGlite and seeding the organisation');
  const server = await startServer({ backend: 'pglite', scale, staticDir: distDir, benchDir });
  try {
    if (wants('server')) {
      log('ingest on PGlite');
      figures.push(...(await runIngest(server, 'PGlite (embedded)')));
    }
    if (needsPage) {
      log('device and UI in Chromium');
      figures.push(
        ...(await runDevice(server, { device: wants('device'), ui: wants('ui'), scale, log })),
      );
    }
  } finally {
    await server.close();
  }
  if (wants('server') && postgresUrl) {
    log('starting the server on PostgreSQL');
    const pgServer = await startServer({
      backend: 'postgres',
      adminUrl: postgresUrl,
      scale,
      staticDir: distDir,
    });
    try {
      log('ingest on PostgreSQL');
      figures.push(...(await runIngest(pgServer, 'PostgreSQL')));
    } finally {
      await pgServer.close();
    }
  } else if (wants('server')) {
    log('PostgreSQL skipped: set BENCH_DATABASE_URL to an admin URL');
  }
}

if (benchDir) rmSync(benchDir, { recursive: true, force: true });

if (wants('size')) figures.push(...(await measureBundle(distDir)));

const table = renderTable(figures);
console.info(`\n${table}\n`);
const missed = figures.filter((f) => f.target && !f.target.met);
console.info(
  `${figures.filter((f) => f.target?.met).length} targets met, ${missed.length} missed` +
    (scale < 1 ? ` (scale ${scale}: targets are set for full scale)` : ''),
);

const git = (args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const results = {
  at: new Date().toISOString(),
  scale,
  // The tree measured: the commit, and how many files differed from it at the time.
  commit: git(['rev-parse', '--short', 'HEAD']),
  uncommittedFiles: git(['status', '--porcelain']).split('\n').filter(Boolean).length,
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  postgres: !!postgresUrl,
  figures,
};
const dir = resolve('bench/results');
mkdirSync(dir, { recursive: true });
const json = await format(JSON.stringify(results), { parser: 'json' });
writeFileSync(resolve(dir, 'latest.json'), json);
writeFileSync(resolve(dir, `${results.at.replace(/[:.]/g, '-')}-scale-${scale}.json`), json);
log(`results written to bench/results/latest.json`);
