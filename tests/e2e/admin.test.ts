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
    page.once('dialog', (d) => void d.accept());
    await device.getByRole('button', { name: 'Odebrat přístup' }).click();
    await device.getByText(/přístup odebrán/).waitFor();

    await phone.page.getByTestId('sync-indicator').click();
    await phone.page.getByRole('button', { name: 'Přihlásit se' }).waitFor();
    await expect.poll(() => countRecords(phone.page, 'households')).toBe(0);
    expect(await countRecords(phone.page, 'contacts')).toBe(0);
    expect(await countRecords(phone.page, 'outbox')).toBe(0);
    // Signing in again on the revoked phone is refused, with a reason.
    await phone.page.getByLabel('Uživatelské jméno').fill('pracovnik2');
    await phone.page.getByLabel('Heslo').fill(DEMO_PASSWORD);
    await phone.page.getByRole('button', { name: 'Přihlásit se' }).click();
    await phone.page
      .getByText('Toto zařízení nebo účet byl zablokován. Obraťte se na správce.')
      .waitFor();
  });
});
