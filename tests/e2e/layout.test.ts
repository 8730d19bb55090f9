import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../sync-server/seed/demo';
import { launchBrowser, startServer } from './helpers/harness';

/**
 * Every screen fits a 360 px phone (and a tablet): the page never scrolls sideways, and no field, button
 * or list spills out of the card it sits in (a date input's own minimum width once pushed
 * the contact form past its card, and a long bottom-bar label widened a manager's page).
 * Wide tables scroll inside their own box, which this allows.
 */
type Fit = { pageWidth: number; spills: string[] };

const measure = (page: Page): Promise<Fit> =>
  page.evaluate(() => {
    const spills: string[] = [];
    for (const el of document.querySelectorAll('main *')) {
      const parent = el.parentElement;
      if (!parent || !el.closest('.fieldset, .card, .sheet, li')) continue;
      const style = getComputedStyle(parent);
      if (style.overflowX !== 'visible') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      const inner =
        parent.getBoundingClientRect().right -
        parseFloat(style.paddingRight) -
        parseFloat(style.borderRightWidth);
      if (box.right > inner + 2)
        spills.push(
          `${el.tagName.toLowerCase()}.${String(el.className)} by ${Math.round(box.right - inner)} px`,
        );
    }
    return { pageWidth: document.documentElement.scrollWidth, spills };
  });

/** Client-side navigation, as a tap on a link does it. */
const visit = async (page: Page, path: string) => {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  // A screen's heading, or a form's legend.
  await page
    .locator('main :is(h1, h2, legend):visible')
    .first()
    .waitFor()
    .catch(() => {
      throw new Error(`${path} showed no heading`);
    });
  // Live queries fill the screen after its heading.
  await page.waitForTimeout(500);
};

const signIn = async (page: Page, baseUrl: string, username: string) => {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Uživatelské jméno').fill(username);
  await page.getByLabel('Heslo').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Přihlásit se' }).click();
  await page.locator('nav .nav__item').first().waitFor();
};

type Ids = { household: string; enrolment: string };

/** A household of the caseload and its first enrolment, for the screens under them. */
const findIds = async (page: Page): Promise<Ids> => {
  const link = page.locator('a[href^="/households/"]:not([href="/households/new"])').first();
  await link.waitFor();
  const household = (await link.getAttribute('href')) ?? '';
  await visit(page, household);
  const plan = page.locator('a[href^="/enrolments/"]').first();
  await plan.waitFor();
  const enrolment = ((await plan.getAttribute('href')) ?? '').replace(/\/(plan|edit)$/, '');
  return { household, enrolment };
};

describe('screens fit a 360 px phone and a tablet', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const check = async (
    username: string,
    paths: string[] | ((ids: Ids) => string[]),
    width = 360,
  ) => {
    const browser = await launchBrowser({ width, height: 740 });
    try {
      const { page } = browser;
      await signIn(page, server.baseUrl, username);
      const list = typeof paths === 'function' ? paths(await findIds(page)) : paths;
      const results: Record<string, Fit> = {};
      for (const path of ['/', ...list]) {
        await visit(page, path);
        results[path] = await measure(page);
      }
      for (const [path, fit] of Object.entries(results)) {
        expect({ path, ...fit }).toEqual({ path, pageWidth: width, spills: [] });
      }
    } finally {
      await browser.close();
    }
  };

  const workerScreens = ({ household, enrolment }: Ids) => [
    '/agenda',
    household,
    `${household}/edit`,
    `${household}/contacts/new`,
    `${household}/enrolments/new`,
    '/households/new',
    `${enrolment}/edit`,
    `${enrolment}/plan`,
    `${enrolment}/plan/edit`,
    '/settings',
  ];

  it('a worker on a phone: caseload, agenda, household, forms, plan, settings', async () => {
    await check('pracovnik1', workerScreens);
  });

  it('a worker on a tablet (two-column forms)', async () => {
    await check('pracovnik1', workerScreens, 820);
  });

  it('a supervisor: team, sync issues, reports', async () => {
    await check('vedouci', ['/supervision', '/reports', '/settings']);
  });

  it('a manager and an administrator', async () => {
    await check('manazer', ['/reports', '/privacy', '/settings']);
    await check('spravce', ['/admin', '/settings']);
  });
});
