import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAndUnlock, startWorkerAndSupervisor, syncAndSettle } from './helpers/harness';

/** A supervisor signs off a plan in the field and settles a conflict of two edits. */
describe('supervision', () => {
  let setup: Awaited<ReturnType<typeof startWorkerAndSupervisor>>;
  let server: typeof setup.server;
  let worker: typeof setup.worker;
  let supervisor: typeof setup.supervisor;
  let planUrl = '';
  let householdId = '';

  beforeAll(async () => {
    setup = await startWorkerAndSupervisor();
    ({ server, worker, supervisor, planUrl, householdId } = setup);
  });
  afterAll(() => setup.close());

  it('signs off a plan offline; the worker sees the sign-off after sync', async () => {
    await supervisor.context.setOffline(true);
    await gotoAndUnlock(supervisor.page, planUrl);
    await supervisor.page.getByText('Čeká na schválení vedoucím').waitFor();
    await supervisor.page.getByLabel('Komentář').fill('Kroky jsou reálné, schvaluji.');
    await supervisor.page.getByRole('button', { name: 'Schválit revizi' }).click();
    await supervisor.page.getByText('Schváleno', { exact: true }).waitFor();
    await supervisor.context.setOffline(false);
    await syncAndSettle(supervisor.page);

    await syncAndSettle(worker.page);
    await gotoAndUnlock(worker.page, planUrl);
    await worker.page.getByText('Schváleno', { exact: true }).waitFor();
    await worker.page.getByText('Kroky jsou reálné, schvaluji.').waitFor();
    expect(await worker.page.getByRole('button', { name: 'Schválit revizi' }).count()).toBe(0);
  });

  it('shows two offline edits of one field to the supervisor, who puts the lost one back', async () => {
    const editNote = async (page: typeof worker.page, note: string) => {
      await gotoAndUnlock(page, `${server.baseUrl}/households/${householdId}/edit`);
      await page.getByLabel('Poznámka').fill(note);
      await page.getByRole('button', { name: 'Uložit' }).click();
      await page.getByText(note).waitFor();
    };
    await worker.context.setOffline(true);
    await supervisor.context.setOffline(true);
    await editNote(worker.page, 'Pracovník: splátkový kalendář domluven.');
    await editNote(supervisor.page, 'Vedoucí: dluh předán dluhové poradně.');
    await worker.context.setOffline(false);
    await supervisor.context.setOffline(false);
    await syncAndSettle(supervisor.page);
    await syncAndSettle(worker.page);
    const [conflict] = await server.db.query<{ losing: string }>(
      "SELECT losing_value #>> '{}' AS losing FROM sync_conflicts WHERE record_id = $1 AND field = 'note'",
      [householdId],
    );
    const lost = conflict?.losing ?? '';
    expect(lost).toMatch(/^(Pracovník|Vedoucí):/);

    await gotoAndUnlock(supervisor.page, `${server.baseUrl}/supervision`);
    const item = supervisor.page.getByTestId('conflicts').locator('li').first();
    await item.getByText(lost).waitFor();
    await item.getByRole('button', { name: 'Vrátit přepsanou' }).click();
    await supervisor.page.getByText('Žádné přepsané hodnoty.').waitFor();

    await syncAndSettle(worker.page);
    await gotoAndUnlock(worker.page, `${server.baseUrl}/households/${householdId}`);
    // The household's note itself; when the worker's was the lost value, the page also tells
    // them so in a notice that quotes it.
    await worker.page.getByText(lost, { exact: true }).waitFor();
  });

  it('opens the cases behind a number of the team overview', async () => {
    const { page } = supervisor;
    await gotoAndUnlock(page, `${server.baseUrl}/`);
    const overview = page.getByTestId('team-overview');
    // Tereza's overdue cases: the number on the overview is the length of the list it opens.
    const count = overview.getByRole('button', { name: /^Tereza Terénní, Po termínu: \d+$/ });
    const label = (await count.getAttribute('aria-label')) ?? '';
    const expected = Number(/(\d+)$/.exec(label)?.[1]);
    expect(expected).toBeGreaterThan(0);
    await count.click();
    const list = page.getByTestId('caseload');
    await expect.poll(() => list.locator('.case-row').count()).toBe(expected);
    const heldBy = await list.getByTestId('held-by').allTextContents();
    expect(heldBy.every((h) => h.includes('Tereza Terénní'))).toBe(true);
    expect(await list.getByTestId('urgency').allTextContents()).toEqual(
      Array.from({ length: expected }, () => 'Po termínu'),
    );
    await page.getByRole('button', { name: 'Zrušit filtry' }).click();
    await overview.waitFor();
  });
});
