import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  loginAs,
  startServer,
  syncAndSettle,
  type WithAppDb,
} from './helpers/harness';
import { DEMO_PASSWORD } from '../../sync-server/seed/demo';
import { filesHolding } from './helpers/profile-files';

/** Strings the device stores that must not outlive a wipe: key material and ciphertext. */
const secretsOnDevice = (page: Page) =>
  page.evaluate(async () => {
    const idb = await (window as unknown as WithAppDb).openAppDb();
    if (!idb) throw new Error('no device database');
    return new Promise<string[]>((resolve) => {
      const tx = idb.transaction(['meta', 'households', 'outbox']);
      const keyring = tx.objectStore('meta').get('keyring');
      const households = tx.objectStore('households').getAll(null, 3);
      const outbox = tx.objectStore('outbox').getAll(null, 1);
      tx.oncomplete = () => {
        idb.close();
        const k = keyring.result.value as { salt: string; wrapped: string };
        const sealed = [...households.result, ...outbox.result].map((r) =>
          String((r as { enc?: string; record?: { enc?: string } }).enc ?? r.record?.enc),
        );
        // Slices long enough to be unique, short enough to sit inside one file block.
        resolve([k.salt, k.wrapped.slice(0, 40), ...sealed.map((s) => s.slice(20, 80))]);
      };
    });
  });

/** Every wipe removes the device's files, not only what the screens read. */
describe('a wipe leaves nothing in the browser profile', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  /** Signs in, syncs, keeps one change unsent; gives what a thief would look for. */
  const signedInWithWork = async (page: Page, username: string) => {
    await loginAs(page, server.baseUrl, username);
    await syncAndSettle(page);
    await page.context().setOffline(true);
    await page.getByTestId('caseload').locator('a.case-item').first().click();
    await page.getByRole('link', { name: 'Zapsat kontakt' }).click();
    await page.getByLabel('Délka (minuty)').fill('25');
    await page.getByRole('button', { name: 'Uložit' }).click();
    await page.getByTestId('contact').first().waitFor();
    const secrets = await secretsOnDevice(page);
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    return secrets;
  };
  const foundIn = (profile: string, secrets: string[]) =>
    secrets.flatMap((s) => filesHolding(profile, s));

  it('after five wrong passwords, and after an offline sign-out', async () => {
    const browser = await launchBrowser();
    const { page, profile } = browser;
    const first = await signedInWithWork(page, 'pracovnik1');
    expect(foundIn(profile, first).length).toBeGreaterThan(0); // the search can see them
    await page.reload();
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Heslo').fill(`špatně ${i}`);
      await page.getByRole('button', { name: 'Odemknout' }).click();
      await page.waitForTimeout(300);
    }
    await expect.poll(() => page.locator('body').textContent()).toContain('i 1 neodeslaná změna');
    await expect.poll(() => foundIn(profile, first), { timeout: 15_000 }).toEqual([]);

    await page.context().setOffline(false);
    const second = await signedInWithWork(page, 'pracovnik1');
    await page.getByRole('link', { name: 'Nastavení' }).click();
    page.once('dialog', (d) => void d.accept()); // "1 unsent change will be deleted: sign out?"
    await page.getByRole('button', { name: 'Odhlásit se' }).click();
    await page.getByRole('button', { name: 'Přihlásit se' }).waitFor();
    await expect.poll(() => foundIn(profile, second), { timeout: 15_000 }).toEqual([]);
    await browser.close();
  }, 120_000);

  it('when another user signs in on the device', async () => {
    const browser = await launchBrowser();
    const { page, profile } = browser;
    await loginAs(page, server.baseUrl, 'pracovnik1');
    await syncAndSettle(page);
    const first = await secretsOnDevice(page);
    await page.reload();
    await page.getByRole('button', { name: 'Přihlásit se jako někdo jiný' }).click();
    await page.getByLabel('Uživatelské jméno').fill('pracovnik2');
    await page.getByLabel('Heslo').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await page.getByTestId('caseload').waitFor();
    await syncAndSettle(page);
    await expect.poll(() => foundIn(profile, first), { timeout: 15_000 }).toEqual([]);
    await browser.close();
  }, 120_000);

  it('when a locked device learns it was revoked', async () => {
    const browser = await launchBrowser();
    const { page, profile } = browser;
    const secrets = await signedInWithWork(page, 'pracovnik2');
    await page.reload();
    await page.getByRole('heading', { name: 'Aplikace je zamčená' }).waitFor();
    await server.db.query(
      "UPDATE devices SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE username = 'pracovnik2')",
    );
    // Locked, never unlocked: the connection comes back and the device asks.
    await page.context().setOffline(false);
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 15_000 })
      .toContain('zablokován');
    expect(await page.locator('body').textContent()).toContain('i 1 neodeslaná změna');
    await expect.poll(() => foundIn(profile, secrets), { timeout: 15_000 }).toEqual([]);
    await browser.close();
  }, 120_000);
});
