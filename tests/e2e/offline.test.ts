import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRecords,
  launchBrowser,
  loginAs,
  reloadAndUnlock,
  startServer,
  waitForServiceWorker,
} from './helpers/harness';

describe('a worker offline', () => {
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

  it('signs in online and gets their caseload onto the device', async () => {
    const { page } = browser;
    await loginAs(page, server.baseUrl, 'pracovnik1');
    await page.getByText('15 domácností').waitFor();
    await expect
      .poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'))
      .toBe('idle');
    expect(await countRecords(page, 'households')).toBe(15);
    await waitForServiceWorker(page);
  });

  it('reloads with no connection and still shows the app and its data', async () => {
    const { page, context } = browser;
    await context.setOffline(true);
    await reloadAndUnlock(page);
    await page.getByTestId('caseload').waitFor();
    await page.getByText('15 domácností').waitFor();
    expect(await page.locator('.case-item').count()).toBeGreaterThan(3);
    await expect
      .poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'))
      .toBe('offline');
    await expect.poll(() => page.getByTestId('sync-indicator').textContent()).toContain('Offline');
  });

  it('opens a household and a deep link offline', async () => {
    const { page } = browser;
    await page.locator('.case-item').first().click();
    await page.getByRole('heading', { name: 'Členové domácnosti' }).waitFor();
    const url = page.url();
    await reloadAndUnlock(page);
    await page.getByRole('heading', { name: 'Členové domácnosti' }).waitFor();
    expect(page.url()).toBe(url);
    await page.getByRole('link', { name: 'Agenda' }).click();
    await page.getByTestId('agenda-overdue').waitFor();
  });

  it('syncs again when the connection returns', async () => {
    const { page, context } = browser;
    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'), {
        timeout: 15_000,
      })
      .toBe('idle');
    await expect
      .poll(() => page.getByTestId('sync-indicator').textContent())
      .toContain('Synchronizováno');
  });
});
