import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, loginAs, startServer } from './helpers/harness';

/** Whether the element is wholly inside the window, and what is drawn on top at its middle. */
const inView = (page: Page, locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      inside: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      onTop: !!top && (top === el || el.contains(top)),
      bottomGap: Math.round(innerHeight - box.bottom),
    };
  });

/**
 * The quick contact from a caseload row, on a 390 x 844 phone: a sheet over the whole screen
 * (the rows are moved by the virtualised list, and once held the sheet inside one), whose
 * buttons are not under the bottom bar, and whose confirmation stays in view while the list
 * re-sorts after the save.
 */
describe('quick contact from the caseload', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ width: 390, height: 844 });
    await loginAs(browser.page, server.baseUrl, 'pracovnik1');
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('opens over the screen from a row, and its confirmation stays in view', async () => {
    const { page } = browser;
    await page.getByTestId('caseload').waitFor();
    // A row further down the list, so the sheet would sit mid-list if it were inside it.
    const buttons = page.getByRole('button', { name: /^Rychle zapsat kontakt: / });
    const third = buttons.nth(2);
    const label = ((await third.getAttribute('aria-label')) ?? '').replace(/^[^:]+: /, '');
    await third.scrollIntoViewIfNeeded();
    await third.click();
    const sheet = page.getByRole('dialog', { name: `Kontakt dnes: ${label}` });
    await sheet.waitFor();
    const placed = await inView(page, sheet);
    expect(placed).toMatchObject({ inside: true, bottomGap: 0 });
    expect(await inView(page, sheet.getByRole('link', { name: 'Celý formulář' }))).toMatchObject({
      inside: true,
      onTop: true,
    });

    const url = page.url();
    await sheet.getByRole('button', { name: 'Telefonicky' }).click();
    const saved = sheet.getByText(/^Kontakt zapsán: Telefonicky/);
    await saved.waitFor();
    // The list re-sorts under the sheet (the household was just visited): it stays in view.
    await page.waitForTimeout(600);
    expect(await inView(page, saved)).toMatchObject({ inside: true, onTop: true });
    expect(page.url()).toBe(url);
    await sheet.getByRole('button', { name: 'Hotovo' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('is three taps for a routine contact, and undo leaves the row as it was', async () => {
    const { page } = browser;
    const open = page.getByRole('button', { name: /^Rychle zapsat kontakt: / }).nth(4);
    const label = ((await open.getAttribute('aria-label')) ?? '').replace(/^[^:]+: /, '');
    const row = () =>
      page.locator('.case-row').filter({
        has: page.getByRole('button', { name: `Rychle zapsat kontakt: ${label}`, exact: true }),
      });
    const lastContact = await row().locator('.case-item__value').textContent();
    await open.scrollIntoViewIfNeeded();
    await open.click(); // 1
    const sheet = page.getByRole('dialog', { name: `Kontakt dnes: ${label}` });
    await sheet.getByRole('button', { name: 'Na pracovišti' }).click(); // 2: saved
    await sheet.getByText(/^Kontakt zapsán: Na pracovišti/).waitFor();
    await sheet.getByRole('button', { name: 'Vrátit zpět' }).click();
    await sheet.getByText('Kontakt byl vrácen zpět.').waitFor();
    await sheet.getByRole('button', { name: 'Zavřít' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => row().locator('.case-item__value').textContent()).toBe(lastContact);
  });
});
