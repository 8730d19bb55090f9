/**
 * Drives the bench page and the built app in Debian's Chromium (playwright-core): first
 * sync, caseload, incremental sync after days offline, UI timings and a cold offline start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PushMutation } from '../../src/core';
import { newContact, workloadRandom } from '../lib/generate';
import { figure, type Figure } from '../lib/report';
import { median, now } from '../lib/stats';
import type { RunningServer } from '../server/ingest';
import type { BenchApi } from './api';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const launch = async (profile: string): Promise<BrowserContext> => {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
    viewport: { width: 390, height: 844 },
    locale: 'cs-CZ',
    timezoneId: 'Europe/Prague',
  });
  context.setDefaultTimeout(60_000);
  return context;
};

type Call = <K extends keyof BenchApi>(
  name: K,
  arg?: Parameters<BenchApi[K]>[0],
) => Promise<Awaited<ReturnType<BenchApi[K]>>>;

const caller =
  (page: Page): Call =>
  (name, arg) =>
    page.evaluate(
      ([n, a]) => {
        const api = (window as unknown as { bench: Record<string, (x: unknown) => unknown> }).bench;
        return api[n as string]?.(a);
      },
      [name, arg] as const,
      // The page's answers are plain JSON built by bench/device/main.ts.
    ) as never;

const rate = (n: number, ms: number) => (n / ms) * 1000;

export const runDevice = async (
  server: RunningServer,
  opts: { device: boolean; ui: boolean; scale: number; log: (s: string) => void },
): Promise<Figure[]> => {
  const { ready, baseUrl } = server;
  const out: Figure[] = [];
  const profile = mkdtempSync(join(tmpdir(), 'teren-bench-profile-'));
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30 * 60_000);
    await page.goto(`${baseUrl}/__bench/`);
    await page.waitForFunction(() => document.title === 'bench ready');
    const call = caller(page);

    if (opts.device) {
      const section = 'device (Chromium)';
      opts.log(`first sync of the supervisor's team (~${ready.device.supervisorRecords} records)`);
      const first = await call('firstSync', {
        token: ready.device.supervisor.token,
        pageSize: 1000,
      });
      out.push(
        figure(
          section,
          `first sync applied, app code sealed (${first.records} records)`,
          rate(first.records, first.sealedMs),
          'records/s',
          {
            baseline: {
              name: 'raw Dexie bulkPut, same pages',
              value: rate(first.records, first.rawMs),
            },
            target: { text: '>= 0.5x raw', test: (_, r) => (r ?? 0) >= 0.5 },
            note: `${first.pages} pages of 1,000; pull over HTTP ${(first.fetchMs / 1000).toFixed(1)} s besides`,
          },
        ),
        figure(
          section,
          'first sync applied, app code without encryption',
          rate(first.records, first.plainMs),
          'records/s',
          {
            baseline: {
              name: 'raw Dexie bulkPut, same pages',
              value: rate(first.records, first.rawMs),
            },
          },
        ),
        figure(
          section,
          'first sync: pull over HTTP (fetch + JSON + zod)',
          rate(first.records, first.fetchMs),
          'records/s',
        ),
      );

      opts.log('worker first sync and caseload');
      const worker = await call('workerSync', {
        token: ready.device.worker.token,
        workerId: ready.device.worker.userId,
      });
      out.push(
        figure(
          section,
          `worker first sync until caseload usable (${worker.records} records, ${worker.rows} households)`,
          worker.usableMs,
          'ms',
          {
            baseline: { name: 'same pages fetched only', value: worker.fetchOnlyMs },
            target: { text: '< 2,000 ms (2-5k records)', test: (v) => v < 2000 },
            note: `recent part + ordinary pull ${worker.readyMs.toFixed(0)} ms, then loadCaseload ${worker.caseloadMs.toFixed(0)} ms while older visits are stored`,
          },
        ),
        figure(section, 'worker first sync complete, older visits included', worker.syncMs, 'ms', {
          note: `${worker.requests} requests`,
        }),
      );

      opts.log('3 days offline: 500 local and 2,000 remote changes');
      const cases = ready.device.workerCases;
      const local = await call('localChanges', { n: 500, cases });
      const rnd = workloadRandom(31);
      const remote: PushMutation[] = Array.from({ length: 2000 }, (_, i) => ({
        mutationId: crypto.randomUUID(),
        type: 'contact',
        record: newContact(rnd, rnd.pick(cases), Date.now() - (2000 - i) * 120_000),
        base: null,
      }));
      for (let i = 0; i < remote.length; i += 200) {
        const res = await fetch(`${baseUrl}/api/sync/push`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ready.device.remote.token}`,
            [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
            'content-type': 'application/json',
          },
          body: JSON.stringify({ mutations: remote.slice(i, i + 200) }),
        });
        if (res.status !== 200) throw new Error(`remote push failed: ${res.status}`);
      }
      const sync = await call('syncNow', { token: ready.device.worker.token });
      const byPath = new Map<string, number>();
      for (const p of sync.requests) byPath.set(p, (byPath.get(p) ?? 0) + 1);
      out.push(
        figure(
          section,
          'incremental sync after 3 days offline: round trips',
          sync.requests.length,
          'requests',
          {
            target: { text: '<= 3', test: (v) => v <= 3 },
            note: `${[...byPath].map(([p, n]) => `${n}x ${p}`).join(', ')}; pushed ${sync.pushed}, received ${sync.received}`,
          },
        ),
        figure(section, 'incremental sync after 3 days offline: time', sync.ms, 'ms'),
        figure(
          section,
          'local write (new contact + outbox) on the synced worker device: p95',
          local.p95,
          'ms',
          {
            note: `p50 ${local.p50.toFixed(1)} ms over ${local.n}`,
          },
        ),
      );
    }

    if (opts.ui) {
      const section = 'UI (Chromium)';
      const households = Math.max(100, Math.round(2000 * opts.scale));
      opts.log(`UI: caseload of ${households} households`);
      const setup = await call('uiSetup', { households, contactsPerHousehold: 40 });
      const caseload = await call('uiCaseload', { query: 'nov', runs: 3 });
      out.push(
        figure(
          section,
          `caseload of ${caseload.rows} households: loadCaseload, first after unlock`,
          caseload.firstMs,
          'ms',
          {
            baseline: { name: 'same rows read raw, no decrypt', value: caseload.rawReadMs },
            note: `${setup.records} records (${setup.contacts} contacts) stored sealed through applyPulledPage in ${(setup.storeMs / 1000).toFixed(1)} s`,
          },
        ),
        figure(
          section,
          `caseload of ${caseload.rows} households: loadCaseload again (as after a write)`,
          caseload.fullMs,
          'ms',
          { baseline: { name: 'same rows read raw, no decrypt', value: caseload.rawReadMs } },
        ),
        figure(
          section,
          `caseload filtered ("nov", ${caseload.matched} match): loadCaseload`,
          caseload.filteredMs,
          'ms',
          {
            baseline: {
              name: 'same filter over loaded rows in memory',
              value: caseload.inMemoryFilterMs,
            },
          },
        ),
      );
      const scroll = await call('uiScroll');
      out.push(
        figure(
          section,
          `caseload list scrolled to the end (${scroll.frames} frames): frame p95`,
          scroll.frameP95,
          'ms',
          {
            baseline: { name: 'idle frame p95', value: scroll.idleP95 },
            note: `p50 ${scroll.frameP50.toFixed(1)} ms, max ${scroll.frameMax.toFixed(0)} ms, first render ${scroll.firstRenderMs.toFixed(0)} ms, end reached: ${scroll.reachedEnd}`,
          },
        ),
      );
      const agenda = await call('uiAgenda', { runs: 3 });
      const agendaTarget = { text: '< 50 ms', test: (v: number) => v < 50 };
      const rawRead = { name: 'raw read of the same contacts', value: agenda.rawReadMs };
      out.push(
        figure(
          section,
          `agenda for ${agenda.enrolments} enrolments: evaluateAll, first after start (the read model's snapshots)`,
          agenda.coldMs,
          'ms',
          {
            baseline: rawRead,
            target: agendaTarget,
            note: `${agenda.contacts} contacts in the rules' look-back window; snapshots read ${agenda.snapshotReadMs.toFixed(0)} ms, parsed ${agenda.snapshotParseMs.toFixed(0)} ms`,
          },
        ),
        figure(
          section,
          `agenda for ${agenda.enrolments} enrolments: evaluateAll after a contact was saved`,
          agenda.afterWriteMs,
          'ms',
          {
            baseline: rawRead,
            target: agendaTarget,
            note: `unchanged: ${agenda.unchangedMs.toFixed(0)} ms`,
          },
        ),
        figure(
          section,
          `agenda for ${agenda.enrolments} enrolments: rules engine only (in memory, warmed up)`,
          agenda.engineMs,
          'ms',
          { target: agendaTarget },
        ),
      );
      const writes = await call('uiWrites', { n: 100 });
      out.push(
        figure(
          section,
          'local write: new contact + outbox (saveWithOutbox), p95',
          writes.contact.p95,
          'ms',
          {
            baseline: { name: 'raw Dexie put p95', value: writes.raw.p95 },
            target: { text: 'p95 < 10 ms', test: (v) => v < 10 },
            note: `p50 ${writes.contact.p50.toFixed(1)} ms, max ${writes.contact.max.toFixed(0)} ms, n=${writes.contact.n}`,
          },
        ),
        figure(
          section,
          'local write: household edit + outbox (reads the base), p95',
          writes.edit.p95,
          'ms',
          {
            baseline: { name: 'raw Dexie put p95', value: writes.raw.p95 },
            target: { text: 'p95 < 10 ms', test: (v) => v < 10 },
            note: `p50 ${writes.edit.p50.toFixed(1)} ms`,
          },
        ),
      );
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (opts.ui) out.push(...(await coldStart(server, opts.log)));
  return out;
};

/**
 * The first sync has ended (the indicator idle, with the time of a sync): the device holds
 * the worker's data, and the read model's snapshots, as any device that went offline after
 * it was used. Closed any sooner, the offline start would measure how far the sync had got.
 */
const firstSyncDone = (page: Page) =>
  page
    .locator('[data-testid="sync-indicator"][data-state="idle"]:not([data-last-sync=""])')
    .waitFor({ timeout: 120_000 });

/** The built app started with the network off, to the unlock form, then unlocked. */
const offlineStart = async (profile: string, url: string, password: string) => {
  const context = await launch(profile);
  try {
    await context.setOffline(true);
    const page = context.pages()[0] ?? (await context.newPage());
    let started = now();
    await page.goto(url);
    await page.getByLabel('Heslo').waitFor();
    const offlineMs = now() - started;
    await page.getByLabel('Heslo').fill(password);
    started = now();
    await page.getByRole('button', { name: 'Odemknout' }).click();
    await page.getByTestId('caseload').waitFor();
    return { offlineMs, unlockMs: now() - started };
  } finally {
    await context.close();
  }
};

/** The built app: first online load, then closed and started again with the network off. */
const coldStart = async (server: RunningServer, log: (s: string) => void): Promise<Figure[]> => {
  const section = 'UI: built app (dist/)';
  const { username, password } = server.ready.device.uiLogin;
  const profile = mkdtempSync(join(tmpdir(), 'teren-bench-app-'));
  try {
    log('built app: first load and sign-in');
    const context = await launch(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    let started = now();
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('Uživatelské jméno').waitFor();
    const onlineMs = now() - started;
    await page.getByLabel('Uživatelské jméno').fill(username);
    await page.getByLabel('Heslo').fill(password);
    started = now();
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await page.getByTestId('caseload').waitFor({ timeout: 120_000 });
    const signInMs = now() - started;
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
      timeout: 30_000,
    });
    await firstSyncDone(page);
    await context.close();

    log('built app: cold start offline, three times');
    const offline: number[] = [];
    const unlock: number[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await offlineStart(profile, `${server.baseUrl}/`, password);
      offline.push(run.offlineMs);
      unlock.push(run.unlockMs);
    }
    const offlineMs = median(offline);
    const unlockMs = median(unlock);
    return [
      figure(section, 'cold start offline to interactive (unlock form)', offlineMs, 'ms', {
        baseline: { name: 'first online load to sign-in form', value: onlineMs },
      }),
      figure(section, 'unlock (PBKDF2 600k) to caseload shown, offline', unlockMs, 'ms', {
        note: `online sign-in to caseload (first sync included) ${signInMs.toFixed(0)} ms`,
      }),
    ];
  } catch (e) {
    return [
      figure(section, 'cold start offline: failed', 0, 'ms', {
        note: e instanceof Error ? e.message.split('\n')[0] : String(e),
      }),
    ];
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
};
