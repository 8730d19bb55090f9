/** What the bench page offers the runner (`window.bench`); all times in milliseconds. */
import type { OpenCase } from '../lib/generate';

export type Latencies = { n: number; p50: number; p95: number; max: number };

export type ScrollResult = {
  rows: number;
  firstRenderMs: number;
  frames: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  idleP50: number;
  idleP95: number;
  reachedEnd: boolean;
};

export type BenchApi = {
  firstSync(a: { token: string; pageSize: number }): Promise<{
    records: number;
    pages: number;
    fetchMs: number;
    sealedMs: number;
    plainMs: number;
    rawMs: number;
  }>;
  workerSync(a: { token: string; workerId: string }): Promise<{
    records: number;
    requests: number;
    /** The whole first sync, older visits included. */
    syncMs: number;
    /** Until everything but older visits was stored. */
    readyMs: number;
    caseloadMs: number;
    usableMs: number;
    rows: number;
    fetchOnlyMs: number;
  }>;
  localChanges(a: { n: number; cases: OpenCase[] }): Promise<Latencies>;
  syncNow(a: { token: string }): Promise<{
    ms: number;
    requests: string[];
    pushed: number;
    rejected: number;
    received: number;
  }>;
  uiSetup(a: { households: number; contactsPerHousehold: number }): Promise<{
    records: number;
    households: number;
    enrolments: number;
    contacts: number;
    storeMs: number;
  }>;
  uiCaseload(a: { query: string; runs: number }): Promise<{
    rows: number;
    matched: number;
    /** Right after unlocking: every record decrypted. */
    firstMs: number;
    fullMs: number;
    filteredMs: number;
    rawReadMs: number;
    inMemoryFilterMs: number;
  }>;
  uiAgenda(a: { runs: number }): Promise<{
    enrolments: number;
    contacts: number;
    coldMs: number;
    /** Of the first after start: the read model's snapshots read on a new connection, then parsed. */
    snapshotReadMs: number;
    snapshotParseMs: number;
    afterWriteMs: number;
    unchangedMs: number;
    engineMs: number;
    rawReadMs: number;
  }>;
  uiWrites(a: { n: number }): Promise<{ contact: Latencies; edit: Latencies; raw: Latencies }>;
  uiScroll(): Promise<ScrollResult>;
};
