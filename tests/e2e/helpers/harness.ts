import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../../sync-server/app';
import type { Database } from '../../../sync-server/db/database';
import { migrate } from '../../../sync-server/db/migrate';
import { openPglite } from '../../../sync-server/db/pglite';
import { DEMO_PASSWORD, seedDemo } from '../../../sync-server/seed/demo';

const DIST = resolve('dist');

/** The real server on the embedded database with demo data, serving the built app. */
export const startServer = async () => {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: e2e tests drive the built app, run `npm run build` first');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'teren-e2e-db-'));
  const db: Database = await openPglite(dataDir);
  await migrate(db);
  await seedDemo(db);
  const app = await buildApp(db, {
    staticDir: DIST,
    hsts: false,
    sessionHours: 24,
    maxFailedLogins: 5,
    lockoutMinutes: 15,
    bodyLimitBytes: 2 * 1024 * 1024,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/**
 * For tests that look into the device database from the page: `window.openAppDb()` opens it
 * where the app keeps it (its storage bucket, else the origin's IndexedDB) and gives null
 * when there is none, creating nothing.
 */
const OPEN_APP_DB = `
  window.openAppDb = async () => {
    const nav = navigator;
    const factory = 'storageBuckets' in nav
      ? (await nav.storageBuckets.open('teren')).indexedDB
      : indexedDB;
    return new Promise((resolve, reject) => {
      const req = factory.open('teren');
      req.onupgradeneeded = () => req.transaction.abort();
      req.onerror = () => (req.error && req.error.name === 'AbortError' ? resolve(null) : reject(req.error));
      req.onsuccess = () => resolve(req.result);
    });
  };`;

/** What the init script adds to each page. */
export type WithAppDb = { openAppDb: () => Promise<IDBDatabase | null> };

/** Debian's Chromium with a fresh profile: nothing cached, nothing installed. */
export const launchBrowser = async (
  viewport = { width: 390, height: 844 },
): Promise<{
  context: BrowserContext;
  page: Page;
  /** The profile directory, whose files a test may search. */
  profile: string;
  close: () => Promise<void>;
}> => {
  const profile = mkdtempSync(join(tmpdir(), 'teren-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
    locale: 'cs-CZ',
    timezoneId: 'Europe/Prague',
  });
  context.setDefaultTimeout(10_000);
  await context.addInitScript(OPEN_APP_DB);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};

/** Fills in and sends the sign-in form with a demo login; waits for nothing after. */
export const submitLogin = async (page: Page, baseUrl: string, username: string) => {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Uživatelské jméno').fill(username);
  await page.getByLabel('Heslo').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Přihlásit se' }).click();
};

export const loginAs = async (page: Page, baseUrl: string, username: string) => {
  await submitLogin(page, baseUrl, username);
  await page.getByTestId('caseload').waitFor();
};

/** Waits until the service worker controls the page, so it can load offline. */
export const waitForServiceWorker = (page: Page) =>
  page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
    timeout: 20_000,
  });

/** Rows in a store of the device database; 0 when there is no database (wiped). */
export const countRecords = (page: Page, store: string) =>
  page.evaluate(async (name) => {
    const idb = await (window as unknown as WithAppDb).openAppDb();
    if (!idb) return 0;
    return new Promise<number>((resolvePromise) => {
      const count = idb.transaction(name).objectStore(name).count();
      count.onsuccess = () => {
        resolvePromise(count.result);
        idb.close();
      };
    });
  }, store);

/** After a reload the data key is gone from memory: the app asks for the password. */
export const unlock = async (page: Page, password = DEMO_PASSWORD) => {
  await page.getByRole('heading', { name: 'Aplikace je zamčená' }).waitFor();
  await page.getByLabel('Heslo').fill(password);
  await page.getByRole('button', { name: 'Odemknout' }).click();
  await page.getByTestId('sync-indicator').waitFor();
};

export const reloadAndUnlock = async (page: Page) => {
  await page.reload();
  await unlock(page);
};

export const gotoAndUnlock = async (page: Page, url: string) => {
  await page.goto(url);
  await unlock(page);
};

/** Taps "sync now" and waits for a sync that started after the tap to finish. */
export const syncAndSettle = async (page: Page) => {
  const indicator = page.getByTestId('sync-indicator');
  await expect
    .poll(() => indicator.getAttribute('data-state'), { timeout: 15_000 })
    .not.toBe('syncing');
  const before = await indicator.getAttribute('data-last-sync');
  await indicator.click();
  await expect
    .poll(() => indicator.getAttribute('data-last-sync'), { timeout: 15_000 })
    .not.toBe(before);
  await expect.poll(() => page.getByTestId('pending-count').count(), { timeout: 15_000 }).toBe(0);
  await expect
    .poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'), {
      timeout: 15_000,
    })
    .toBe('idle');
};

/**
 * The server, a worker's browser and their supervisor's, both signed in and able to work
 * offline, and a plan of that worker's (its page and household).
 */
export const startWorkerAndSupervisor = async () => {
  const server = await startServer();
  const worker = await launchBrowser();
  const supervisor = await launchBrowser();
  await loginAs(worker.page, server.baseUrl, 'pracovnik1');
  await loginAs(supervisor.page, server.baseUrl, 'vedouci');
  await waitForServiceWorker(worker.page);
  await waitForServiceWorker(supervisor.page);
  const [row] = await server.db.query<{ enrolment: string; household: string }>(
    `SELECT p.data ->> 'enrolmentId' AS enrolment, p.household_id AS household FROM records p
      JOIN records e ON e.id = (p.data ->> 'enrolmentId')::uuid
      JOIN users u ON u.id = (e.data ->> 'workerId')::uuid
     WHERE p.type = 'plan' AND u.username = 'pracovnik1' LIMIT 1`,
  );
  return {
    server,
    worker,
    supervisor,
    planUrl: `${server.baseUrl}/enrolments/${row?.enrolment}/plan`,
    householdId: row?.household ?? '',
    close: async () => {
      await worker.close();
      await supervisor.close();
      await server.close();
    },
  };
};
