/** Messages between the bench runner and the server it starts in a child process. */
import type { PushMutation } from '../../src/core';
import type { OpenCase } from '../lib/generate';

export type ChildInit = {
  type: 'init';
  backend: 'pglite' | 'postgres';
  /** Admin URL of a PostgreSQL server where a throw-away database may be created. */
  adminUrl?: string;
  scale: number;
  /** The built app (dist/), served like in production. */
  staticDir: string;
  /** The built bench page, served under /__bench/. */
  benchDir?: string;
};

export type Device = { token: string; userId: string; deviceId: string };

export type RawFigures = { rows: number; statements: number; ms: number };

export type ChildReady = {
  type: 'ready';
  port: number;
  kind: string;
  seed: { records: number; ms: number; generateMs: number; counts: Record<string, number> };
  cursor: string;
  workloads: {
    batched: { device: Device; pushes: PushMutation[][] };
    single: { device: Device; pushes: PushMutation[][] };
    /** Devices of the concurrent run, each with its own rounds of small pushes. */
    concurrent: { device: Device; pushes: PushMutation[][] }[];
  };
  /** For the device benchmarks. */
  device: {
    supervisor: Device;
    supervisorRecords: number;
    worker: Device;
    workerRecords: number;
    workerCases: OpenCase[];
    /** A second device of the supervisor: sends the remote changes of "3 days offline". */
    remote: Device;
    /** A worker who signs in through the built app's login form. */
    uiLogin: { username: string; password: string };
  };
};

export type StatementProfile = { sql: string; calls: number; ms: number };

export type ChildMessage =
  | ChildReady
  | { type: 'error'; message: string }
  | { type: 'closed' }
  | { type: 'profile'; statements: StatementProfile[] }
  | { type: 'raw'; figures: RawFigures };

/**
 * Asks the server process to insert the rows of some of a workload's pushes by plain INSERT
 * (fresh ids), timed, and remove them again: the baseline, measured between the pushes so
 * both see the same table and the same moment of the machine.
 */
export type RawRequest = {
  type: 'raw';
  workload: 'batched' | 'single';
  from: number;
  to: number;
};
