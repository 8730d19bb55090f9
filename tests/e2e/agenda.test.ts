import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, pragueDate } from '../../src/core';
import { launchBrowser, loginAs, startServer, waitForServiceWorker } from './helpers/harness';

describe('the agenda follows the contact rules', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await loginAs(browser.page, server.baseUrl, 'pracovnik1');
    await waitForServiceWorker(browser.page);
    await browser.context.setOffline(true);
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('shows a household enrolled in social housing 10 days ago with no contact as overdue', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Nová domácnost' }).click();
    await page.getByLabel('Označení domácnosti').fill('Desetidenní');
    await page.getByLabel('Jméno', { exact: true }).fill('Radomír');
    await page.getByLabel('Příjmení', { exact: true }).fill('Desetidenní');
    await page.getByRole('button', { name: 'Uložit' }).click();
    await page.getByLabel('Program').selectOption('social_housing');
    await page.getByLabel('Datum zařazení').fill(addDays(pragueDate(new Date()), -10));
    await page.getByLabel('Byt (adresa, číslo bytu)').fill('Hornická 5, byt 1');
    await page.getByRole('button', { name: 'Uložit' }).click();
    await page.getByRole('heading', { name: 'Desetidenní' }).waitFor();

    await page.getByRole('link', { name: 'Klienti' }).click();
    await page.getByRole('searchbox').fill('desetidenni');
    const row = page.locator('.case-row').filter({ hasText: 'Desetidenní' });
    await expect
      .poll(() => row.getByTestId('urgency').getAttribute('data-urgency'))
      .toBe('overdue');
    expect(await row.getByTestId('urgency').textContent()).toBe('Po termínu');

    await page.getByRole('link', { name: 'Agenda' }).click();
    await expect
      .poll(() => page.getByTestId('agenda-overdue').textContent())
      .toContain('Desetidenní');
  });

  it('turns green as soon as a contact is logged', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Klienti' }).click();
    await page.getByRole('searchbox').fill('desetidenni');
    await page.getByRole('button', { name: 'Rychle zapsat kontakt: Desetidenní' }).click();
    await page.getByRole('button', { name: 'Návštěva v domácnosti' }).click();
    await page.getByRole('button', { name: 'Hotovo' }).click();
    const row = page.locator('.case-row').filter({ hasText: 'Desetidenní' });
    await expect
      .poll(() => row.getByTestId('urgency').getAttribute('data-urgency'), { timeout: 5000 })
      .toBe('met');
    expect(await row.getByTestId('urgency').textContent()).toBe('Splněno');

    await page.getByRole('link', { name: 'Agenda' }).click();
    await page.getByTestId('agenda-overdue').waitFor();
    expect(await page.getByTestId('agenda-overdue').textContent()).not.toContain('Desetidenní');
  });
});
