import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAndUnlock, launchBrowser, loginAs, startServer } from './helpers/harness';
import { filesHolding } from './helpers/profile-files';

/**
 * The browser keeps no client text of its own. Chromium saves typed form state in
 * its session files (for restoring tabs) and form entries in its autofill store, unless a
 * control opts out; a control page without the opt-out shows the search can see it.
 */
describe('client text in the browser\u2019s own stores', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await browser.page.route('http://control.invalid/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<textarea id="t"></textarea>' }),
    );
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('is not in the profile\u2019s files after typing into every client form', async () => {
    const { page, profile } = browser;
    // The control: text typed into a plain page's field lands in the session files.
    await page.goto('http://control.invalid/form');
    await page.locator('#t').fill('KONTROLA-kanarek-0');
    await loginAs(page, server.baseUrl, 'pracovnik1');
    await expect.poll(() => filesHolding(profile, 'KONTROLA-kanarek-0').length).toBeGreaterThan(0);

    const [row] = await server.db.query<{ household: string; enrolment: string }>(
      `SELECT e.household_id AS household, e.id AS enrolment FROM records e JOIN users u ON u.id = (e.data ->> 'workerId')::uuid
        WHERE e.type = 'enrolment' AND u.username = 'pracovnik1' AND e.data ->> 'status' = 'active' LIMIT 1`,
    );
    const canaries: string[] = [];
    const type = async (label: string | RegExp, n: number) => {
      const canary = `KANAREK-${n}-domacnost`;
      canaries.push(canary);
      await page.getByLabel(label).first().fill(canary);
    };
    await gotoAndUnlock(page, `${server.baseUrl}/households/new`);
    await type('Označení domácnosti', 1);
    await type('Poznámka', 2);
    await type('Jméno', 3);
    await gotoAndUnlock(page, `${server.baseUrl}/households/${row?.household}/contacts/new`);
    await type('Poznámka', 4);
    await gotoAndUnlock(page, `${server.baseUrl}/households/${row?.household}/edit`);
    await type('Ulice a číslo', 5);
    await gotoAndUnlock(page, `${server.baseUrl}/households/${row?.household}/enrolments/new`);
    await type('Cílová skupina', 8);
    await type('Byt (adresa, číslo bytu)', 9);
    await gotoAndUnlock(page, `${server.baseUrl}/enrolments/${row?.enrolment}/plan/edit`);
    await type('Čeho chce klient dosáhnout', 6);
    await type('Vyhodnocení', 7);
    // Leave the page with everything unsaved, as a worker whose tablet is taken away.
    await page.goto('http://control.invalid/away');
    await page.waitForTimeout(3_000);
    await browser.context.close();
    for (const canary of canaries) expect(filesHolding(profile, canary), canary).toEqual([]);
  }, 90_000);
});
