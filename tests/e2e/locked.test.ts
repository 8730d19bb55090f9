import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../sync-server/seed/demo';
import {
  launchBrowser,
  loginAs,
  startServer,
  unlock,
  waitForServiceWorker,
  type WithAppDb,
} from './helpers/harness';

/** What a lost, switched-off phone holds: ciphertext, and a lock that works offline. */
describe('data on the device is encrypted and locked', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('stores no client name, street or phone in plain text', async () => {
    const { page } = browser;
    await loginAs(page, server.baseUrl, 'pracovnik1');
    await page.getByText('15 domácností').waitFor();
    const people = await server.db.query<{
      first: string;
      last: string;
      phone: string;
      street: string;
      household: string;
    }>(
      `SELECT p.data ->> 'firstName' AS first, p.data ->> 'lastName' AS last, p.data ->> 'phone' AS phone,
              h.data ->> 'street' AS street, h.id AS household
         FROM records p JOIN records h ON h.id = p.household_id
         JOIN records e ON e.household_id = h.id AND e.type = 'enrolment'
         JOIN users u ON u.id = (e.data ->> 'workerId')::uuid AND u.username = 'pracovnik1'
        WHERE p.type = 'person' AND p.data ->> 'phone' <> '' LIMIT 3`,
    );
    expect(people.length).toBeGreaterThan(0);
    const dump = await page.evaluate(async () => {
      const idb = await (window as unknown as WithAppDb).openAppDb();
      if (!idb) return '';
      // One transaction over every store: what they hold at one moment, however the app
      // goes on writing meanwhile.
      const tx = idb.transaction(Array.from(idb.objectStoreNames));
      const rows = await Promise.all(
        Array.from(
          idb.objectStoreNames,
          (name) =>
            new Promise<unknown>((resolve, reject) => {
              const q = tx.objectStore(name).getAll();
              q.onsuccess = () => resolve(q.result);
              q.onerror = () => reject(new Error(`${name}: ${String(q.error)}`));
            }),
        ),
      );
      idb.close();
      return rows.map((r) => JSON.stringify(r)).join('\n');
    });
    for (const p of people) {
      expect(dump, 'the household is on the device').toContain(p.household);
      expect(dump).not.toContain(p.phone);
      expect(dump).not.toContain(p.street);
      expect(dump).not.toContain(`"${p.first}"`);
    }
  });

  it('asks for the password after a reload offline, counting wrong ones', async () => {
    const { page, context } = browser;
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Aplikace je zamčená' }).waitFor();
    await page.getByLabel('Heslo').fill('tohle není ono');
    await page.getByRole('button', { name: 'Odemknout' }).click();
    await page
      .getByText('Nesprávné heslo. Zbývají 4 pokusy, pak se data v zařízení smažou.')
      .waitFor();
    await unlock(page, DEMO_PASSWORD);
    await page.getByText('15 domácností').waitFor();
  });
});
