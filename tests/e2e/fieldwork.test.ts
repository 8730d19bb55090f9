import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRecords,
  gotoAndUnlock,
  launchBrowser,
  loginAs,
  reloadAndUnlock,
  startServer,
  waitForServiceWorker,
} from './helpers/harness';

/**
 * A worker's day with no signal: from sign-in on, everything happens offline, survives a
 * reload, and waits in the outbox.
 */
describe('field work offline', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let householdUrl = '';
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

  it('registers a household with a member and enrols it in social housing', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Nová domácnost' }).click();
    await page.getByLabel('Označení domácnosti').fill('Zkušební');
    await page.getByLabel('Ulice a číslo').fill('Hornická 12');
    await page.getByLabel('Městský obvod').selectOption('vitkovice');
    await page.getByLabel('Jméno', { exact: true }).fill('Květoslava');
    await page.getByLabel('Příjmení', { exact: true }).fill('Zkušební');
    await page.getByLabel('Rok narození').fill('1984');
    await page.getByRole('button', { name: 'Uložit' }).click();

    await page.getByLabel('Program').waitFor();
    await page.getByLabel('Program').selectOption('social_housing');
    await page.getByRole('button', { name: 'Uložit' }).click();
    // A housing tier needs its flat.
    await expect.poll(() => page.getByText('Vyplňte prosím toto pole.').count()).toBeGreaterThan(0);
    await page.getByLabel('Byt (adresa, číslo bytu)').fill('Hornická 12, byt 3');
    await page.getByRole('button', { name: 'Uložit' }).click();

    await page.getByRole('heading', { name: 'Zkušební' }).waitFor();
    householdUrl = page.url();
    expect(await page.getByTestId('enrolment').textContent()).toContain('Sociální bydlení');
  });

  it('logs a quick contact with two taps and no typing', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Rychle zapsat kontakt' }).click();
    await page.getByRole('button', { name: 'Telefonicky' }).click();
    await page.getByText('Kontakt zapsán: Telefonicky, 10 min.').waitFor();
    await page.getByRole('button', { name: 'Hotovo' }).click();
    await expect.poll(() => page.getByTestId('contact').count()).toBe(1);
  });

  it('logs a full visit with topics and a note', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Zapsat kontakt' }).click();
    await page.getByLabel('Délka (minuty)').fill('45');
    await page.getByText('dluhy', { exact: true }).click();
    await page.getByLabel('Poznámka').fill('Domluvena splátka nájmu.');
    await page.getByRole('button', { name: 'Uložit' }).click();
    await page.getByRole('heading', { name: 'Zkušební' }).waitFor();
    await expect.poll(() => page.getByTestId('contact').count()).toBe(2);
    const visit = page.getByTestId('contact').filter({ hasText: 'Domluvena splátka nájmu.' });
    expect(await visit.textContent()).toContain('Návštěva v domácnosti · 45 min');
    expect(await visit.textContent()).toContain('dluhy');
  });

  it('keeps steady typing through a reload, and "Zrušit" asks before it throws it away', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Zapsat kontakt' }).click();
    const note = 'Řešili jsme splátkový kalendář.';
    // About seven characters a second with no pause, then a reload at once.
    await page.getByLabel('Poznámka').pressSequentially(note, { delay: 140 });
    await reloadAndUnlock(page);
    await page.getByText('Obnoveno, co jste minule rozepsali.').waitFor();
    expect(await page.getByLabel('Poznámka').inputValue()).toBe(note);

    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Zrušit' }).click();
    await page.getByRole('heading', { name: 'Zkušební' }).waitFor();
    expect(asked).toBe('Zahodit, co jste v tomto formuláři napsali, a odejít?');
    await page.getByRole('link', { name: 'Zapsat kontakt' }).click();
    await page.getByLabel('Poznámka').waitFor();
    expect(await page.getByText('Obnoveno, co jste minule rozepsali.').count()).toBe(0);
    expect(await page.getByLabel('Poznámka').inputValue()).toBe('');
    await page.goBack();
    await page.getByRole('heading', { name: 'Zkušební' }).waitFor();
  });

  it('draws up a plan, then keeps an unsaved revision as a draft', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: /Individuální plán/ }).click();
    await page.getByRole('link', { name: 'Sestavit plán' }).click();
    await page.getByLabel('Čeho chce klient dosáhnout').fill('Udržet bydlení.');
    await page.getByLabel('Co', { exact: true }).fill('Podat žádost o příspěvek na bydlení');
    await page.getByRole('button', { name: 'Uložit' }).click();
    await page.getByTestId('plan').waitFor();
    expect(await page.getByTestId('plan').textContent()).toContain('Udržet bydlení.');

    await page.getByRole('link', { name: 'Upravit plán' }).click();
    await page.getByLabel('Čeho chce klient dosáhnout').fill('Udržet bydlení a splatit dluh.');
    await page.waitForTimeout(600);
    await reloadAndUnlock(page);
    await page.getByText('Obnoveno, co jste minule rozepsali.').waitFor();
    expect(await page.getByLabel('Čeho chce klient dosáhnout').inputValue()).toBe(
      'Udržet bydlení a splatit dluh.',
    );
  });

  it('finds everything after an offline reload, waiting in the outbox', async () => {
    const { page } = browser;
    await gotoAndUnlock(page, householdUrl);
    await page.getByRole('heading', { name: 'Zkušební' }).waitFor();
    await expect.poll(() => page.getByTestId('contact').count()).toBe(2);
    await page.getByRole('link', { name: 'Klienti' }).click();
    await page.getByRole('searchbox').fill('zkusebni');
    await expect.poll(() => page.locator('.case-item').count()).toBe(1);
    // household, person, enrolment, two contacts, one plan revision
    expect(await countRecords(page, 'outbox')).toBe(6);
    expect(await page.getByTestId('pending-count').textContent()).toBe('6 neodeslaných změn');
  });

  it('sends the day\u2019s work to the server when the connection returns', async () => {
    const { page, context } = browser;
    await context.setOffline(false);
    await page.getByTestId('sync-indicator').click();
    await expect.poll(() => page.getByTestId('pending-count').count(), { timeout: 15_000 }).toBe(0);
    expect(await countRecords(page, 'outbox')).toBe(0);
    const rows = await server.db.query<{ type: string }>(
      "SELECT type FROM records WHERE household_id = (SELECT id FROM records WHERE type = 'household' AND data ->> 'label' = 'Zkušební')",
    );
    expect(rows.map((r) => r.type).sort()).toEqual([
      'contact',
      'contact',
      'enrolment',
      'household',
      'person',
      'plan',
    ]);
  });
});
