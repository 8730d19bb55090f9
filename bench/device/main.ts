/**
 * The bench page: runs the app's own device code (src/data, src/sync) in Chromium and
 * returns timings to the runner (bench/device/driver.ts) through `window.bench`. Records are
 * sealed with a data key exactly as the app does once unlocked. Logs nothing.
 */
import Dexie from 'dexie';
import {
  ruleFor,
  addDays,
  evaluateEnrolment,
  groupBy,
  isRecordType,
  matchesQuery,
  pragueDate,
  type Enrolment,
  type Household,
  type PulledChange,
} from '../../src/core';
import { applyPulledPage } from '../../src/data/apply-pulled';
import { decodeAll, vault } from '../../src/data/crypto/vault';
import { RECORD_TABLES, TerenDb } from '../../src/data/db';
import { loadCaseload } from '../../src/data/queries/caseload';
import { filterCaseload } from '../../src/data/queries/caseload-filter';
import { evaluateAll } from '../../src/data/queries/evaluations';
import { recentFacts } from '../../src/data/queries/recent-facts';
import { saveWithOutbox } from '../../src/data/outbox';
import { loadRules, saveRules } from '../../src/data/rules';
import { createApiClient } from '../../src/sync/api-client';
import { pullAll } from '../../src/sync/pull';
import { pushAll } from '../../src/sync/push';
import { uploadAudit } from '../../src/sync/upload-audit';
import type { ContactRule } from '../../src/core';
import { generateOrg, newContact, workloadRandom, type OpenCase } from '../lib/generate';
import { median, now, quantile } from '../lib/stats';
import type { BenchApi, Latencies } from './api';
import { measureScroll } from './scroll';

let currentKey: CryptoKey | undefined;
const openKey = async () => {
  currentKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  vault.open(currentKey);
};

/** A fetch that counts requests by path, to count a sync's round trips. */
const countingFetch = (log: string[]): typeof fetch => {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    log.push(new URL(url, location.href).pathname);
    return fetch(input, init);
  };
};

const latencies = (samples: number[]): Latencies => ({
  n: samples.length,
  p50: median(samples),
  p95: quantile(samples, 0.95),
  max: Math.max(...samples),
});

const fresh = async (name: string) => {
  await Dexie.delete(name);
  const db = new TerenDb(name);
  await db.open();
  return db;
};

/** Raw baseline: the same records put as they are, one transaction per page. */
const rawPut = async (db: TerenDb, changes: readonly PulledChange[], cursor: string) => {
  const byType = groupBy(changes, (c) => c.type);
  const tables = Object.values(RECORD_TABLES).map((n) => db.table(n));
  await db.transaction('rw', [...tables, db.meta], async () => {
    for (const [type, list] of byType)
      if (isRecordType(type))
        await db.table(RECORD_TABLES[type]).bulkPut(list.map((c) => c.record));
    await db.meta.put({ key: 'sync.cursor', value: cursor });
  });
};

let workerDb: TerenDb | null = null;
let uiDb: TerenDb | null = null;
let uiCases: OpenCase[] = [];
const api = createApiClient('');

const bench: BenchApi = {
  async firstSync({ token, pageSize }) {
    const [sealed, plain, raw] = await Promise.all([
      fresh('bench-first-sealed'),
      fresh('bench-first-plain'),
      fresh('bench-first-raw'),
    ]);
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    let cursor = '0';
    const t = { fetch: 0, sealed: 0, plain: 0, raw: 0 };
    let records = 0;
    let pages = 0;
    for (;;) {
      let started = now();
      const page = await api.pull(token, cursor, pageSize);
      t.fetch += now() - started;
      pages++;
      records += page.changes.length;
      // The three stores take turns going first, so none always meets a warmer cache.
      const runs = [
        async () => {
          vault.open(key);
          started = now();
          await applyPulledPage(sealed, page.changes, page.cursor);
          t.sealed += now() - started;
        },
        async () => {
          vault.disable();
          started = now();
          await applyPulledPage(plain, page.changes, page.cursor);
          t.plain += now() - started;
        },
        async () => {
          started = now();
          await rawPut(raw, page.changes, page.cursor);
          t.raw += now() - started;
        },
      ];
      for (let i = 0; i < runs.length; i++)
        await (runs[(i + pages) % runs.length] as () => Promise<void>)();
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    vault.disable();
    for (const db of [sealed, plain, raw]) db.close();
    return { records, pages, fetchMs: t.fetch, sealedMs: t.sealed, plainMs: t.plain, rawMs: t.raw };
  },

  async workerSync({ token, workerId }) {
    workerDb?.close();
    const db = await fresh('bench-worker');
    workerDb = db;
    await openKey();
    const requests: string[] = [];
    const counted = createApiClient('', countingFetch(requests));
    const started = now();
    let readyMs: number | null = null;
    let shown: Promise<{ at: number; rows: number }> | undefined;
    const caseload = async () => {
      const rows = await loadCaseload(db, { workerId });
      return { at: now() - started, rows: rows.length };
    };
    const received = await pullAll(db, counted, token, {
      onProgress: (_n, part) => {
        // From here only older visits arrive: the app's caseload, which reads again as pages
        // are stored, is complete; it is read while the history is being stored.
        if (part === 'history' && !shown) {
          readyMs = now() - started;
          shown = caseload();
        }
      },
    });
    const syncMs = now() - started;
    const { at: usableMs, rows } = await (shown ?? caseload());
    // Baseline: the same pages fetched and parsed, nothing stored.
    const bStarted = now();
    let cursor = '0';
    for (;;) {
      const page = await api.pull(token, cursor, 1000);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const fetchOnlyMs = now() - bStarted;
    return {
      records: received,
      requests: requests.length,
      syncMs,
      readyMs: readyMs ?? syncMs,
      caseloadMs: usableMs - (readyMs ?? syncMs),
      usableMs,
      rows,
      fetchOnlyMs,
    };
  },

  async localChanges({ n, cases }) {
    const db = workerDb as TerenDb;
    const rnd = workloadRandom(77);
    const lat: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = rnd.pick(cases);
      const contact = newContact(rnd, c, Date.now() - rnd.int(1, 72 * 60) * 60_000);
      const started = now();
      await saveWithOutbox(db, 'contact', contact);
      lat.push(now() - started);
    }
    return latencies(lat);
  },

  async syncNow({ token }) {
    const db = workerDb as TerenDb;
    const requests: string[] = [];
    const counted = createApiClient('', countingFetch(requests));
    const started = now();
    // The order of the app's sync runner (src/sync/sync-runner.ts runOnce).
    const pushed = await pushAll(db, counted, token);
    await uploadAudit(db, counted, token);
    const received = await pullAll(db, counted, token);
    await saveRules(db, (await counted.rules(token)) as ContactRule[]);
    return {
      ms: now() - started,
      requests,
      pushed: pushed.applied,
      rejected: pushed.rejected,
      received,
    };
  },

  async uiSetup({ households, contactsPerHousehold }) {
    uiDb?.close();
    const db = await fresh('bench-ui');
    uiDb = db;
    await openKey();
    const org = generateOrg({
      seed: 2000,
      teams: 1,
      workersPerTeam: 20,
      households,
      contacts: households * contactsPerHousehold,
      activeShare: 1,
      historyDays: 540,
      now: Date.now(),
    });
    uiCases = org.openCases;
    const all = [...org.records.values()].flat();
    const started = now();
    for (let i = 0; i < all.length; i += 1000)
      await applyPulledPage(db, all.slice(i, i + 1000) as PulledChange[], String(i));
    return {
      records: all.length,
      households: org.counts.household,
      enrolments: org.counts.enrolment,
      contacts: org.counts.contact,
      storeMs: now() - started,
    };
  },

  async uiCaseload({ query, runs }) {
    const db = uiDb as TerenDb;
    const full: number[] = [];
    const filtered: number[] = [];
    const raw: number[] = [];
    const inMemory: number[] = [];
    let rows = 0;
    let matched = 0;
    const today = pragueDate(new Date());
    const since = `${addDays(today, -258)}T00:00:00.000Z`;
    // Unlocked again: nothing decrypted is in memory, as right after the unlock form.
    vault.open(currentKey as CryptoKey);
    const unlockedAt = now();
    await loadCaseload(db, {});
    const firstMs = now() - unlockedAt;
    for (let i = 0; i < runs; i++) {
      let started = now();
      const all = await loadCaseload(db, {});
      full.push(now() - started);
      rows = all.length;
      started = now();
      matched = filterCaseload(await loadCaseload(db, {}), query).length;
      filtered.push(now() - started);
      // Baselines: the same rows read without decryption or logic; the filter in memory.
      started = now();
      await Promise.all([
        db.enrolments.toArray(),
        db.households.toArray(),
        db.people.toArray(),
        db.contacts.where('at').aboveOrEqual(since).toArray(),
      ]);
      raw.push(now() - started);
      started = now();
      all.filter((r) =>
        matchesQuery(
          [r.household.label, r.household.street, ...r.people.map((p) => p.lastName)].join(' '),
          query,
        ),
      );
      inMemory.push(now() - started);
    }
    return {
      rows,
      matched,
      firstMs,
      fullMs: median(full),
      filteredMs: median(filtered),
      rawReadMs: median(raw),
      inMemoryFilterMs: median(inMemory),
    };
  },

  async uiAgenda({ runs }) {
    const db = uiDb as TerenDb;
    const rnd = workloadRandom(98);
    const today = pragueDate(new Date());
    const rules = await loadRules(db);
    const enrolments = (await decodeAll<Enrolment>(await db.enrolments.toArray())).filter(
      (e) => e.status !== 'closed',
    );
    const since = `${addDays(today, -258)}T00:00:00.000Z`;
    const cold: number[] = [];
    const snapshotRead: number[] = [];
    const snapshotParse: number[] = [];
    const afterWrite: number[] = [];
    const unchanged: number[] = [];
    const engine: number[] = [];
    const raw: number[] = [];
    const contacts = await db.contacts.where('at').aboveOrEqual(since).count();
    // The engine alone gets the facts the app gives it (held by the read model), grouped.
    const facts = await recentFacts(db, since);
    const byHousehold = groupBy(facts.contacts, (c) => c.householdId);
    const byEnrolment = groupBy(facts.plans, (p) => p.enrolmentId);
    for (let i = 0; i < runs; i++) {
      // A new connection holds nothing in memory: the first agenda after the app starts.
      const opened = new TerenDb(db.name);
      await opened.open();
      let started = now();
      await evaluateAll(opened, enrolments, rules, today);
      cold.push(now() - started);
      opened.close();
      // Where that goes: reading the read model's snapshots on a new connection, then parsing.
      const again = new TerenDb(db.name);
      await again.open();
      started = now();
      const rows = await again.snapshots.toArray();
      snapshotRead.push(now() - started);
      again.close();
      started = now();
      for (const r of rows) JSON.parse(r.value);
      snapshotParse.push(now() - started);
      // The screen again after the worker saved a contact: one household's contacts changed.
      await evaluateAll(db, enrolments, rules, today);
      await saveWithOutbox(db, 'contact', newContact(rnd, rnd.pick(uiCases), Date.now()));
      started = now();
      await evaluateAll(db, enrolments, rules, today);
      afterWrite.push(now() - started);
      started = now();
      await evaluateAll(db, enrolments, rules, today);
      unchanged.push(now() - started);
      started = now();
      await db.contacts.where('at').aboveOrEqual(since).toArray();
      raw.push(now() - started);
    }
    // The engine alone, warmed up as on a screen in use (evaluateAll above mostly answers
    // from what it remembers, so it no longer warms the engine up).
    const engineRun = () => {
      for (const e of enrolments)
        evaluateEnrolment(
          e,
          byHousehold.get(e.householdId) ?? [],
          byEnrolment.get(e.id) ?? [],
          ruleFor(rules, e.programme),
          today,
        );
    };
    for (let i = 0; i < runs + 4; i++) {
      const started = now();
      engineRun();
      if (i >= 2) engine.push(now() - started);
    }
    return {
      enrolments: enrolments.length,
      contacts,
      coldMs: median(cold),
      snapshotReadMs: median(snapshotRead),
      snapshotParseMs: median(snapshotParse),
      afterWriteMs: median(afterWrite),
      unchangedMs: median(unchanged),
      engineMs: median(engine),
      rawReadMs: median(raw),
    };
  },

  async uiWrites({ n }) {
    const db = uiDb as TerenDb;
    const rnd = workloadRandom(99);
    const rawDb = await fresh('bench-ui-raw-writes');
    const contact: number[] = [];
    const edit: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = rnd.pick(uiCases);
      const record = newContact(rnd, c, Date.now() - rnd.int(1, 600) * 60_000);
      let started = now();
      await saveWithOutbox(db, 'contact', record);
      contact.push(now() - started);
      started = now();
      await rawDb.contacts.put(record);
      raw.push(now() - started);
      // An edit of a household: reads and unseals the base, seals both into the outbox.
      const household: Household = {
        ...c.household,
        note: `Poznámka ${i}`,
        updatedAt: new Date().toISOString(),
      };
      started = now();
      await saveWithOutbox(db, 'household', household);
      edit.push(now() - started);
    }
    rawDb.close();
    return { contact: latencies(contact), edit: latencies(edit), raw: latencies(raw) };
  },

  async uiScroll() {
    const db = uiDb as TerenDb;
    const rows = await loadCaseload(db, {});
    return measureScroll(rows);
  },
};

(window as unknown as { bench: BenchApi }).bench = bench;
document.title = 'bench ready';
