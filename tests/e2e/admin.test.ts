import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../sync-server/seed/demo';
import { countRecords, launchBrowser, loginAs, startServer } from './helpers/harness';

describe('an admin revokes a lost phone', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let phone: Awaited<ReturnType<typeof launchBrowser>>;
  let office: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startServer();
    phone = await launchBrowser();
    office = await launchBrowser();
  });
  afterAll(async () => {
    await phone.close();
    await office.close();
    await server.close();
  });

  it('and the phone wipes its data at its next contact with the server', async () => {
    await loginAs(phone.page, server.baseUrl, 'pracovnik2');
    await expect.poll(() => countRecords(phone.page, 'households')).toBe(15);

    const { page } = office;
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('Uživatelské jméno').fill('spravce');
    await page.getByLabel('Heslo').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await page.getByRole('heading', { name: 'Správa' }).waitFor();
    const device = page.getByTestId('admin-device').filter({ hasText: 'Marek Terénní' });
    // Named by browser and system, not by the raw user-agent string.
    expect(await device.getByTestId('device-kind').textContent()).toMatch(/^Chrome \d+ · Linux$/);
    page.once('dialog', (d) => void d.accept());
    await device.getByRole('button', { name: 'Odebrat přístup' }).click();
    // Revoked, it goes among the earlier devices, with its state.
    await page.getByText(/^Dřívější zařízení \(\d+\)/).click();
    await page
      .getByTestId('admin-earlier-devices')
      .getByTestId('admin-device')
      .filter({ hasText: 'Marek Terénní' })
      .getByText(/přístup odebrán/)
      .waitFor();

    // A tap while the phone's first sync still runs joins that run, which may ask the server
    // nothing more: tap until the server has been asked (and the sign-in form shows).
    const indicator = phone.page.getByTestId('sync-indicator');
    const signIn = phone.page.getByRole('button', { name: 'Přihlásit se' });
    for (let tap = 0; tap < 10 && !(await signIn.isVisible()); tap++) {
      await indicator.click({ timeout: 2_000 }).catch(() => undefined);
      await signIn.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await signIn.waitFor();
    await expect.poll(() => countRecords(phone.page, 'households')).toBe(0);
    expect(await countRecords(phone.page, 'contacts')).toBe(0);
    expect(await countRecords(phone.page, 'outbox')).toBe(0);
    // The phone says why, and that nothing unsent was lost.
    await phone.page
      .getByText(/Toto zařízení nebo váš účet byl zablokován.*Neodeslané změny nebyly žádné/)
      .waitFor();
    // The revocation's answer made the browser forget the device too (Clear-Site-Data): a
    // new sign-in needs the password and is a new device, which the admin sees apart.
    const [row] = await server.db.query<{ revoked: number }>(
      `SELECT count(*)::int AS revoked FROM devices d JOIN users u ON u.id = d.user_id
        WHERE u.username = 'pracovnik2' AND d.revoked_at IS NOT NULL`,
    );
    expect(row?.revoked).toBe(1);
    await expect.poll(() => phone.page.evaluate(() => localStorage.length)).toBe(0);
  });
});
