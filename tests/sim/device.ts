import Dexie from 'dexie';
import type { FastifyInstance } from 'fastify';
import { createClock, newId } from '../../src/core';
import { restoreClock, type DeviceClock } from '../../src/data/clock';
import { decodeRecord, vault } from '../../src/data/crypto/vault';
import { TerenDb } from '../../src/data/db';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../../src/data/schema';
import { ApiError, createApiClient } from '../../src/sync/api-client';
import { pullAll } from '../../src/sync/pull';
import { pushAll } from '../../src/sync/push';
import { FaultyNetwork, type Fault } from './network';

/** Who a simulated device is signed in as (signed in once per backend: scrypt is slow). */
export type Identity = { username: string; token: string; userId: string; teamId: string };

/** A simulated device: its own IndexedDB (fake-indexeddb), the real sync code, a faulty network. */
export class SimDevice {
  db: TerenDb;
  readonly net: FaultyNetwork;
  readonly api: ReturnType<typeof createApiClient>;
  /** Days this device's clock is off; records it writes carry skewed timestamps. */
  skewDays = 0;
  /** Its hybrid logical clock runs on the skewed wall clock; rebuilt at every restart. */
  clock: DeviceClock = this.newClock();

  constructor(
    readonly name: string,
    readonly who: Identity,
    app: FastifyInstance,
  ) {
    this.db = new TerenDb(`sim-${name}-${Math.random()}`);
    this.net = new FaultyNetwork(app);
    this.api = createApiClient('http://sim.invalid', this.net.fetch);
  }

  get userId() {
    return this.who.userId;
  }
  get teamId() {
    return this.who.teamId;
  }

  private newClock() {
    return createClock(newId().slice(-12), () => Date.now() + this.skewDays * 86_400_000);
  }

  now(): Date {
    return new Date(Date.now() + this.skewDays * 86_400_000);
  }

  /** One sync as the app runs it: push, then pull; a network fault just ends it early. */
  async sync(fault: Fault = 'none'): Promise<void> {
    this.net.fault = fault;
    try {
      await pushAll(this.db, this.api, this.who.token);
      await pullAll(this.db, this.api, this.who.token, { pageSize: 1000, clock: this.clock });
    } catch (e) {
      // A lost or cut-off request is a network fault: the device keeps its outbox and retries.
      if (!(e instanceof ApiError) || (e.code !== 'offline' && e.code !== 'invalid_request'))
        throw e;
    } finally {
      this.net.fault = 'none';
    }
  }

  /** Schema versions of the app now installed on this device. */
  private versions: SchemaVersion[] = [...SCHEMA_VERSIONS];

  /**
   * The app is closed and opened again (a killed tab): IndexedDB persists, memory does not.
   * The clock starts anew from what it kept, decrypted texts are forgotten with the key.
   */
  async restart() {
    const name = this.db.name;
    this.db.close();
    this.db = new TerenDb(name, this.versions);
    await this.db.open();
    this.clock = this.newClock();
    await restoreClock(this.db, this.clock);
  }

  /**
   * A newer app version is installed while the outbox is full: it opens the database at a
   * higher schema version with an upgrade step that touches every outbox entry.
   */
  async upgradeApp() {
    const next = (this.versions.at(-1)?.version ?? 1) + 1;
    this.versions = [
      ...this.versions,
      {
        version: next,
        stores: {},
        upgrade: async (tx) => {
          await tx
            .table('outbox')
            .toCollection()
            .modify((entry: { attempts?: number }) => {
              entry.attempts = entry.attempts ?? 0;
            });
        },
      },
    ];
    await this.restart();
  }

  /** A table's records as the app reads them (decrypted). */
  async records<T>(table: string): Promise<T[]> {
    const rows = await this.db.table(table).toArray();
    return Promise.all(rows.map((r) => decodeRecord<T>(r)));
  }

  async destroy() {
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}

/** Encryption at rest on, as in the app: one data key for the simulated devices. */
export const openVault = async () => {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  vault.open(key);
  return () => vault.open(key);
};
