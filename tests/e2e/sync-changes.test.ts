import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/core';
import { DEMO_PASSWORD } from '../../sync-server/seed/demo';
import {
  countRecords,
  gotoAndUnlock,
  launchBrowser,
  loginAs,
  startServer,
  syncAndSettle,
  waitForServiceWorker,
} from './helpers/harness';

/** Tried as a worker would: what sync does to their changes is never hidden. */
describe('what sync did with a worker\u2019s changes', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await loginAs(browser.page, server.baseUrl, 'pracovnik1');
    await waitForServiceWorker(browser.page);
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  /** The supervisor's device pushes one change, through the API as the app does. */
  const supervisorPushes = async (
    type: string,
    base: Record<string, unknown>,
    change: Record<string, unknown>,
    hlc?: string,
  ) => {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vedouci', password: DEMO_PASSWORD, deviceId: newId() }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${server.baseUrl}/api/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      },
      body: JSON.stringify({
        mutations: [
          { mutationId: newId(), type, record: { ...base, ...change }, base, ...(hlc && { hlc }) },
        ],
      }),
    });
    expect(((await res.json()) as { results: { status: string }[] }).results[0]?.status).toBe(
      'applied',
    );
  };
  const stored = async (id: string) => {
    const [row] = await server.db.query<{ data: Record<string, unknown> }>(
      'SELECT data FROM records WHERE id = $1',
      [id],
    );
    return row?.data as Record<string, unknown>;
  };
  const reassign = async (enrolmentId: string, to: string) =>
    supervisorPushes('enrolment', await stored(enrolmentId), { workerId: to });

  it('keeps the outbox and the data when a proxy answers 403 with its own page', async () => {
    const { page } = browser;
    await syncAndSettle(page);
    const before = await countRecords(page, 'households');
    await page.route('**/api/sync/**', (route) =>
      route.fulfill({ status: 403, contentType: 'text/html', body: '<html>Blocked</html>' }),
    );
    await page.getByTestId('sync-indicator').click();
    await expect
      .poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'))
      .toBe('error');
    await page.unroute('**/api/sync/**');
    expect(await countRecords(page, 'households')).toBe(before);
    expect(await page.getByRole('button', { name: 'Přihlásit se' }).count()).toBe(0);
  });

  it('tells the worker when a colleague’s concurrent edit replaced a value already sent', async () => {
    const { page } = browser;
    const [mine] = await server.db.query<{ household: string }>(
      `SELECT e.household_id AS household FROM records e JOIN users u
           ON u.id = (e.data ->> 'workerId')::uuid
        WHERE e.type = 'enrolment' AND u.username = 'pracovnik1' AND e.data ->> 'status' = 'active'
        ORDER BY e.id DESC LIMIT 1`,
    );
    if (!mine) throw new Error('the demo data has no case of pracovnik1');
    // The supervisor's copy, taken before the worker's edit (an offline tablet).
    const before = await stored(mine.household);
    await gotoAndUnlock(page, `${server.baseUrl}/households/${mine.household}/edit`);
    await page.getByLabel('Poznámka').fill('Dohodnuto: splátky od ledna');
    await page.getByRole('button', { name: 'Uložit' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await syncAndSettle(page);
    await expect
      .poll(async () => (await stored(mine.household)).note)
      .toBe('Dohodnuto: splátky od ledna');
    // Later, the supervisor's offline edit of the same field arrives, made after the worker's.
    const later = `${String(Date.now() + 1000).padStart(15, '0')}:0000:e2e`;
    await supervisorPushes('household', before, { note: 'Splátkový kalendář zrušen' }, later);
    await syncAndSettle(page);
    await gotoAndUnlock(page, `${server.baseUrl}/households/${mine.household}`);
    const notices = page.getByTestId('household-notices');
    await expect.poll(() => notices.textContent()).toContain('Dohodnuto: splátky od ledna');
    expect(await notices.textContent()).toContain('byla nahrazena pozdější úpravou kolegy');
    await notices.getByRole('button', { name: 'Rozumím' }).click();
    await expect.poll(() => notices.count()).toBe(0);
  });

  it('tells of a visit logged offline on a case reassigned meanwhile', async () => {
    const { page, context } = browser;
    const [mine] = await server.db.query<{ id: string; household: string; other: string }>(
      `SELECT e.id, e.household_id AS household,
              (SELECT id::text FROM users WHERE username = 'pracovnik2') AS other
         FROM records e JOIN users u ON u.id = (e.data ->> 'workerId')::uuid
        WHERE e.type = 'enrolment' AND u.username = 'pracovnik1' AND e.data ->> 'status' = 'active'
          AND (SELECT count(*) FROM records x WHERE x.type = 'enrolment'
                AND x.household_id = e.household_id AND NOT x.deleted) = 1
        LIMIT 1`,
    );
    if (!mine) throw new Error('the demo data has no single-enrolment case of pracovnik1');
    await context.setOffline(true);
    await gotoAndUnlock(page, `${server.baseUrl}/households/${mine.household}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Zapsat kontakt' }).click();
    await page.getByLabel('Délka (minuty)').fill('35');
    await page.getByRole('button', { name: 'Uložit' }).click();
    await page.getByTestId('contact').first().waitFor();

    await reassign(mine.id, mine.other);
    await context.setOffline(false);
    await syncAndSettle(page);
    const banner = page.getByTestId('sync-attention');
    await expect.poll(() => banner.textContent()).toContain('1 změna čeká na vedoucí');
    await banner.click();
    const held = page.getByTestId('held');
    await expect.poll(() => held.textContent()).toContain('případ byl mezitím předán');
    expect(await held.textContent()).toContain('35 min');
    // The case left this device; the visit waits for the supervisor on the server.
    const [kept] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sync_quarantine WHERE household_id = $1`,
      [mine.household],
    );
    expect(kept?.n).toBe(1);
    await page.getByRole('button', { name: 'Rozumím' }).click();
    await expect.poll(() => page.getByTestId('sync-attention').count()).toBe(0);
  });
});
