/**
 * Server ingest over real HTTP: batched and single pushes from one device, then 200
 * simulated devices at once, against the raw INSERT baseline the server process measured
 * in the same database.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PushMutation } from '../../src/core';
import { figure, type Figure } from '../lib/report';
import { median, now, quantile } from '../lib/stats';
import type {
  ChildInit,
  ChildMessage,
  ChildReady,
  Device,
  RawFigures,
  RawRequest,
  StatementProfile,
} from './protocol';

export type RunningServer = {
  ready: ChildReady;
  baseUrl: string;
  /** SQL time by statement since the last call (the server process times every query). */
  profile: () => Promise<StatementProfile[]>;
  /** The raw INSERT baseline for some of a workload's pushes, measured now. */
  raw: (workload: RawRequest['workload'], from: number, to: number) => Promise<RawFigures>;
  close: () => Promise<void>;
};

/** Sends a request to the server process and waits for its answer of that type. */
const ask = <T extends ChildMessage['type']>(
  child: ChildProcess,
  request: object,
  type: T,
): Promise<Extract<ChildMessage, { type: T }>> =>
  new Promise((done, fail) => {
    const onMessage = (m: ChildMessage) => {
      if (m.type !== type && m.type !== 'error') return;
      child.off('message', onMessage);
      if (m.type === 'error') fail(new Error(m.message));
      else done(m as Extract<ChildMessage, { type: T }>);
    };
    child.on('message', onMessage);
    child.send(request);
  });

/** Starts bench/server/child.ts in its own Node process and waits until it serves. */
export const startServer = (init: Omit<ChildInit, 'type'>): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = fork(fileURLToPath(new URL('./child.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=6144'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'error') reject(new Error(m.message));
      if (m.type !== 'ready') return;
      child.removeAllListeners('exit');
      resolve({
        ready: m,
        baseUrl: `http://127.0.0.1:${m.port}`,
        profile: async () => (await ask(child, { type: 'profile' }, 'profile')).statements,
        raw: async (workload, from, to) =>
          (await ask(child, { type: 'raw', workload, from, to } satisfies RawRequest, 'raw'))
            .figures,
        close: () =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => {
              child.kill('SIGKILL');
              done();
            }, 30_000);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.send({ type: 'close' });
          }),
      });
    });
    child.send({ type: 'init', ...init } satisfies ChildInit);
  });

const headers = (d: Device) => ({
  authorization: `Bearer ${d.token}`,
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  'content-type': 'application/json',
});

/** One push over HTTP; returns its latency. Every mutation must come back applied. */
const push = async (baseUrl: string, d: Device, body: string, expected: number) => {
  const started = now();
  const res = await fetch(`${baseUrl}/api/sync/push`, {
    method: 'POST',
    headers: headers(d),
    body,
  });
  const json = (await res.json()) as { results?: { status: string }[] };
  const ms = now() - started;
  const applied = json.results?.filter((r) => r.status === 'applied').length ?? 0;
  if (res.status !== 200 || applied !== expected)
    throw new Error(`push failed: HTTP ${res.status}, ${applied}/${expected} applied`);
  return ms;
};

const pull = async (baseUrl: string, d: Device, cursor: string) => {
  const started = now();
  const res = await fetch(`${baseUrl}/api/sync/pull?cursor=${cursor}&limit=1000`, {
    headers: headers(d),
  });
  const json = (await res.json()) as { cursor?: string };
  if (res.status !== 200) throw new Error(`pull failed: HTTP ${res.status}`);
  return { ms: now() - started, cursor: json.cursor ?? cursor };
};

const health = async (baseUrl: string) => {
  const started = now();
  const res = await fetch(`${baseUrl}/api/health`);
  if (res.status !== 200) throw new Error(`health failed: HTTP ${res.status}`);
  await res.json();
  return now() - started;
};

const bodies = (pushes: PushMutation[][]) => pushes.map((m) => JSON.stringify({ mutations: m }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rounds of the raw baseline and of the pushes, taking turns to go first. */
const ROUNDS = 5;

/**
 * Runs a workload's pushes in rounds, each beside the raw INSERT of the same rounds' rows,
 * so the baseline sees the same table size and the same moment of a noisy machine (measured
 * once before all pushes, it varied up to 2x between runs). Returns the baseline's totals.
 */
const interleaved = async (
  server: RunningServer,
  workload: RawRequest['workload'],
  count: number,
  pushes: (from: number, to: number) => Promise<void>,
): Promise<RawFigures> => {
  const total: RawFigures = { rows: 0, statements: 0, ms: 0 };
  const add = (f: RawFigures) => {
    total.rows += f.rows;
    total.statements += f.statements;
    total.ms += f.ms;
  };
  for (let i = 0; i < ROUNDS; i++) {
    const from = Math.floor((count * i) / ROUNDS);
    const to = Math.floor((count * (i + 1)) / ROUNDS);
    if (from === to) continue;
    if (i % 2 === 0) {
      add(await server.raw(workload, from, to));
      await pushes(from, to);
    } else {
      await pushes(from, to);
      add(await server.raw(workload, from, to));
    }
  }
  return total;
};

export const runIngest = async (server: RunningServer, label: string): Promise<Figure[]> => {
  const { ready, baseUrl } = server;
  const section = `server ingest: ${label}`;
  const out: Figure[] = [];
  const seedRate = (ready.seed.records / ready.seed.ms) * 1000;
  out.push(
    figure(
      section,
      'seed: organisation stored (plain INSERT, 2,000 rows/statement)',
      seedRate,
      'rows/s',
      {
        note: `${ready.seed.records} records in ${(ready.seed.ms / 1000).toFixed(1)} s`,
      },
    ),
  );

  // Batched: one device sends its outbox in pushes of 200, one after another.
  const { batched, single } = ready.workloads;
  const bBodies = bodies(batched.pushes);
  const bSize = batched.pushes[0]?.length ?? 0;
  const bLat: number[] = [];
  await server.profile();
  let bMs = 0;
  const rawB = await interleaved(server, 'batched', bBodies.length, async (from, to) => {
    const started = now();
    for (const b of bBodies.slice(from, to))
      bLat.push(await push(baseUrl, batched.device, b, bSize));
    bMs += now() - started;
  });
  const bMutations = bBodies.length * bSize;
  const sql = (await server.profile()).sort((a, b) => b.ms - a.ms);
  const sqlMs = sql.reduce((a, p) => a + p.ms, 0);
  out.push(
    figure(
      section,
      `batched pushes (${bSize} mutations each), sequential`,
      (bBodies.length / bMs) * 1000,
      'pushes/s',
      {
        note: `p50 ${median(bLat).toFixed(0)} ms per push`,
      },
    ),
    figure(section, 'batched: mutations applied', (bMutations / bMs) * 1000, 'rows/s', {
      baseline: { name: 'raw INSERT, 200 rows/statement', value: (rawB.rows / rawB.ms) * 1000 },
      target: { text: '>= 0.25x raw', test: (_, r) => (r ?? 0) >= 0.25 },
    }),
    figure(section, 'batched: SQL time per mutation (in the server)', sqlMs / bMutations, 'ms', {
      baseline: { name: 'wall time per mutation', value: bMs / bMutations },
      note: `${(sql.reduce((a, p) => a + p.calls, 0) / bMutations).toFixed(1)} statements per mutation; top: ${sql
        .slice(0, 4)
        .map((p) => `"${p.sql.slice(0, 40)}…" ${(p.ms / bMutations).toFixed(2)} ms`)
        .join('; ')}`,
    }),
  );

  // Single: one mutation per push.
  const sBodies = bodies(single.pushes);
  const sLat: number[] = [];
  await server.profile();
  let sMs = 0;
  const rawS = await interleaved(server, 'single', sBodies.length, async (from, to) => {
    const started = now();
    for (const b of sBodies.slice(from, to)) sLat.push(await push(baseUrl, single.device, b, 1));
    sMs += now() - started;
  });
  out.push(
    figure(
      section,
      'single pushes (1 mutation each), sequential',
      (sBodies.length / sMs) * 1000,
      'rows/s',
      {
        baseline: { name: 'raw INSERT, 1 row/statement', value: (rawS.rows / rawS.ms) * 1000 },
        target: { text: '>= 0.25x raw', test: (_, r) => (r ?? 0) >= 0.25 },
      },
    ),
    figure(section, 'single push latency p50 (no other load)', median(sLat), 'ms'),
  );
  // Where a single push's time goes: its statements (BEGIN and COMMIT not counted), and
  // the floor any request pays here, an HTTP round trip to a route that does no work.
  const sSql = (await server.profile()).sort((a, b) => b.ms - a.ms);
  const perPush = (ms: number) => ms / sBodies.length;
  const quiet: number[] = [];
  for (let i = 0; i < 200; i++) quiet.push(await health(baseUrl));
  out.push(
    figure(
      section,
      'single push: SQL time per push (in the server)',
      perPush(sSql.reduce((a, p) => a + p.ms, 0)),
      'ms',
      {
        baseline: { name: 'single push latency p50', value: median(sLat) },
        // A mean (the profile sums time), beside the latency's median.
        note: sSql
          .slice(0, 4)
          .map((p) => `"${p.sql.slice(0, 40)}…" ${perPush(p.ms).toFixed(2)} ms`)
          .join('; '),
      },
    ),
    figure(section, 'HTTP round trip to a route doing no work, p50', median(quiet), 'ms', {
      baseline: { name: 'single push latency p50', value: median(sLat) },
      note: 'GET /api/health from the load process, without a body or headers: about what every push pays before any work',
    }),
  );

  // 200 devices at once. Paced: each pushes 5 new contacts and pulls every ~10 s (20
  // pushes/s offered, far above what 40 workers really send). Saturated: no pause at all.
  const devices = ready.workloads.concurrent;
  const half = Math.floor((devices[0]?.pushes.length ?? 0) / 2);
  const perDevice = devices.map((d) => ({ device: d.device, bodies: bodies(d.pushes) }));
  // Unloaded baseline: an incremental pull of one device at a time.
  const quietPull: number[] = [];
  for (const { device } of perDevice.slice(0, 20))
    quietPull.push((await pull(baseUrl, device, ready.cursor)).ms);
  const pushLat: number[] = [];
  const pullLat: number[] = [];
  const interval = 10_000;
  await server.profile();
  const pStarted = now();
  await Promise.all(
    perDevice.map(async ({ device, bodies: list }) => {
      let cursor = ready.cursor;
      await sleep(Math.random() * interval);
      for (const b of list.slice(0, half)) {
        const started = now();
        pushLat.push(await push(baseUrl, device, b, 5));
        const p = await pull(baseUrl, device, cursor);
        pullLat.push(p.ms);
        cursor = p.cursor;
        await sleep(Math.max(0, interval * (0.5 + Math.random()) - (now() - started)));
      }
    }),
  );
  const pMs = now() - pStarted;
  const pacedSql = (await server.profile()).sort((a, b) => b.ms - a.ms);
  const pacedSqlMs = pacedSql.reduce((a, p) => a + p.ms, 0);
  const top = pacedSql[0];
  out.push(
    figure(
      section,
      `200 devices paced (push 5 + pull every ~10 s): push p50`,
      median(pushLat),
      'ms',
      {
        baseline: { name: 'single push, no load', value: median(sLat) },
        note: `${pushLat.length} pushes in ${(pMs / 1000).toFixed(1)} s = ${((pushLat.length / pMs) * 1000).toFixed(0)} pushes/s`,
      },
    ),
    figure(section, '200 devices paced: push p99', quantile(pushLat, 0.99), 'ms', {
      baseline: { name: 'single push, no load', value: median(sLat) },
      target: { text: 'p99 < 100 ms', test: (v) => v < 100 },
      note: top
        ? `SQL time summed over connections = ${((pacedSqlMs / pMs) * 100).toFixed(0)}% of wall time; ${((top.ms / pacedSqlMs) * 100).toFixed(0)}% of it in "${top.sql.slice(0, 40)}…" (${(top.ms / top.calls).toFixed(1)} ms a call)`
        : '',
    }),
    figure(section, '200 devices paced: incremental pull p50', median(pullLat), 'ms', {
      baseline: { name: 'incremental pull, no load', value: median(quietPull) },
      note: `p99 ${quantile(pullLat, 0.99).toFixed(0)} ms`,
    }),
  );

  const satLat: number[] = [];
  const satStarted = now();
  await Promise.all(
    perDevice.map(async ({ device, bodies: list }) => {
      for (const b of list.slice(half)) satLat.push(await push(baseUrl, device, b, 5));
    }),
  );
  const satMs = now() - satStarted;
  out.push(
    figure(
      section,
      '200 devices saturated (no pause, 5 per push): mutations',
      (satLat.length * 5 * 1000) / satMs,
      'rows/s',
      {
        baseline: { name: 'raw INSERT, 200 rows/statement', value: (rawB.rows / rawB.ms) * 1000 },
        note: `push p50 ${median(satLat).toFixed(0)} ms, p99 ${quantile(satLat, 0.99).toFixed(0)} ms`,
      },
    ),
  );
  return out;
};
