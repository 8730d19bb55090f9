import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gotoAndUnlock, startWorkerAndSupervisor, syncAndSettle } from './helpers/harness';

/** A worker and a supervisor revise the same plan offline; nothing is lost, a person resolves. */
describe('two people edit one plan offline', () => {
  let setup: Awaited<ReturnType<typeof startWorkerAndSupervisor>>;
  let server: typeof setup.server;
  let worker: typeof setup.worker;
  let supervisor: typeof setup.supervisor;
  let planUrl = '';

  beforeAll(async () => {
    setup = await startWorkerAndSupervisor();
    ({ server, worker, supervisor, planUrl } = setup);
  });
  afterAll(() => setup.close());

  const revise = async (page: Page, text: string) => {
    await gotoAndUnlock(page, planUrl);
    await page.getByRole('link', { name: 'Upravit plán' }).click();
    await page.getByLabel('Čeho chce klient dosáhnout').first().fill(text);
    await page.getByRole('button', { name: 'Uložit' }).click();
    await page.getByTestId('plan').waitFor();
  };
  it('keeps both revisions and shows the two versions to both people', async () => {
    await worker.context.setOffline(true);
    await supervisor.context.setOffline(true);
    await revise(worker.page, 'Najít stabilní práci (pracovník).');
    await revise(supervisor.page, 'Splatit dluh na nájmu (vedoucí).');
    await worker.context.setOffline(false);
    await supervisor.context.setOffline(false);
    await syncAndSettle(worker.page);
    await syncAndSettle(supervisor.page);
    await syncAndSettle(worker.page);

    for (const page of [worker.page, supervisor.page]) {
      await gotoAndUnlock(page, planUrl);
      await page.getByText(/Existují 2 verze této revize/).waitFor();
      const history = await page.getByTestId('plan-history').textContent();
      expect(history?.match(/Revize 2 z/g)).toHaveLength(2);
    }
    const texts = await server.db.query<{ text: string }>(
      "SELECT data -> 'goals' -> 0 ->> 'text' AS text FROM records WHERE type = 'plan' AND (data ->> 'revision')::int = 2",
    );
    expect(texts.map((t) => t.text).sort()).toEqual([
      'Najít stabilní práci (pracovník).',
      'Splatit dluh na nájmu (vedoucí).',
    ]);
  });

  it('shows both versions side by side on "Ke kontrole", each with its author', async () => {
    const { page } = supervisor;
    await gotoAndUnlock(page, `${server.baseUrl}/supervision`);
    const fork = page.getByTestId('plan-forks').getByTestId('plan-fork');
    const versions = fork.getByTestId('plan-version');
    await expect.poll(() => versions.count()).toBe(2);
    const texts = (await versions.allTextContents()).join('\n');
    expect(texts).toContain('Najít stabilní práci (pracovník).');
    expect(texts).toContain('Splatit dluh na nájmu (vedoucí).');
    expect(texts).toContain('Tereza Terénní');
    expect(texts).toContain('Alena Vedoucí');
    expect(await fork.getByRole('button', { name: /^Ponechat verzi [12]$/ }).count()).toBe(2);
  });

  it('resolves when someone saves a revision that merges them', async () => {
    await revise(supervisor.page, 'Najít stabilní práci a splatit dluh na nájmu.');
    await syncAndSettle(supervisor.page);
    await syncAndSettle(worker.page);
    await gotoAndUnlock(worker.page, planUrl);
    await worker.page.getByTestId('plan').waitFor();
    expect(await worker.page.getByTestId('plan').textContent()).toContain(
      'Najít stabilní práci a splatit dluh na nájmu.',
    );
    expect(await worker.page.getByText(/Existují 2 verze/).count()).toBe(0);
  });
});
