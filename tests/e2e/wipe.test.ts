import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecords, launchBrowser, loginAs, startServer } from './helpers/harness';

describe('local data leaves the device', () => {
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

  it('on sign-out', async () => {
    const { page } = browser;
    await loginAs(page, server.baseUrl, 'vedouci');
    await expect.poll(() => countRecords(page, 'households')).toBe(35);
    await page.getByRole('link', { name: 'Nastavení' }).click();
    await page.getByRole('button', { name: 'Odhlásit se' }).click();
    await page.getByRole('button', { name: 'Přihlásit se' }).waitFor();
    expect(await countRecords(page, 'households')).toBe(0);
    expect(await countRecords(page, 'contacts')).toBe(0);
  });

  it('when the server revokes the device, at its next contact', async () => {
    const { page } = browser;
    await loginAs(page, server.baseUrl, 'pracovnik2');
    await expect.poll(() => countRecords(page, 'households')).toBe(15);
    // The first sync fetches older visits after the households: let it finish, so that the
    // next contact with the server is the tap below (not one of those requests).
    const indicator = page.getByTestId('sync-indicator');
    await expect
      .poll(() => indicator.getAttribute('data-state'), { timeout: 30_000 })
      .not.toBe('syncing');
    await server.db.query(
      "UPDATE devices SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE username = 'pracovnik2')",
    );
    // A tap just as the first sync ends joins that run and asks nothing: tap again until the
    // server has been asked (and the sign-in form shows).
    const signIn = page.getByRole('button', { name: 'Přihlásit se' });
    for (let tap = 0; tap < 10 && !(await signIn.isVisible()); tap++) {
      await indicator.click({ timeout: 2_000 }).catch(() => undefined);
      await signIn.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await signIn.waitFor();
    await expect.poll(() => countRecords(page, 'households')).toBe(0);
    expect(await countRecords(page, 'people')).toBe(0);
  });
});
