import Dexie from 'dexie';
import type { FastifyInstance } from 'fastify';
import { createClock, newId } from '../../src/core';
import { TerenDb } from '../../src/data/db';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../../src/data/schema';
import { deviceId } from '../../src/data/session';
import { ApiError, createApiClient } from '../../src/sync/api-client';
import { pullAll } from '../../src/sync/pull';
import { pushAll } from '../../src/sync/push';
import { FaultyNetwork, type Fault } from './network';

/** A simulated device: its own IndexedDB (fake-indexeddb), the real sync code, a faulty network. */
export class SimDevice {
  db: TerenDb;
  readonly net: FaultyNetwork;
  readonly api: ReturnType<typeof createApiClient>;
  token = '';
  userId = '';
  teamId = '';
  /** Days this device's clock is off; records it writes carry skewed timestamps. */
  skewDays = 0;
  /** Its hybrid logical clock runs on the skewed wall clock. */
  readonly clock = createClock(newId().slice(-12), () => Date.now() + this.skewDays * 86_400_000);

  constructor(
    readonly name: string,
    readonly username: string,
    app: FastifyInstance,
  ) {
    this.db = new TerenDb(`sim-${name}-${Math.random()}`);
    this.net = new FaultyNetwork(app);
    this.api = createApiClient('http://sim.invalid', this.net.fetch);
  }

  async login(password: string) {
    this.net.fault = 'none';
    const res = await this.api.login({
      username: this.username,
      password,
      deviceId: await deviceId(this.db),
      deviceName: this.name,
    });
    this.token = res.token;
    this.userId = res.user.id;
    this.teamId = res.user.teamId ?? '';
  }

  now(): Date {
    return new Date(Date.now() + this.skewDays * 86_400_000);
  }

  /** One sync as the app runs it: push, then pull; a network fault just ends it early. */
  async sync(fault: Fault = 'none'): Promise<void> {
    this.net.fault = fault;
    try {
      await pushAll(this.db, this.api, this.token);
      await pullAll(this.db, this.api, this.token, { pageSize: 1000, clock: this.clock });
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

  /** The app is closed and opened again (a killed tab): IndexedDB persists. */
  async restart() {
    const name = this.db.name;
    this.db.close();
    this.db = new TerenDb(name, this.versions);
    await this.db.open();
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

  async destroy() {
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}
