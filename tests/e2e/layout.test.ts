import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startServer, submitLogin } from './helpers/harness';

/**
 * Every screen fits a 360 px phone (and a tablet): the page never scrolls sideways, and no
 * field, button or list spills out of the card it sits in (a date input's own minimum
 * width once pushed the contact form past its card, and a long bottom-bar label widened a
 * manager's page). Wide tables scroll inside their own box, which this allows. Headless
 * Chromium draws no scrollbars, so the page's width is the viewport's. Every tap target
 * that stands alone is at least 44 x 44 px, and axe-core finds no WCAG 2.1 AA violation.
 */
type Fit = { pageWidth: number; spills: string[]; small: string[]; a11y: string[] };

// axe-core, the accessibility checker, run in the page: evaluated over the debugging
// protocol, which the app's Content-Security-Policy (scripts from 'self' only) does not bind.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA violations on the screen (act 99/2019 asks AA of public bodies' apps). */
const accessibility = async (page: Page): Promise<string[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.length} × ${JSON.stringify(v.nodes[0]?.target ?? [])}`,
    );
  });
};

const measure = (page: Page): Promise<Fit> =>
  page.evaluate(() => {
    const spills: string[] = [];
    // The screen, and a sheet opened over it.
    for (const el of document.querySelectorAll('main *, .sheet *')) {
      const parent = el.parentElement;
      if (!parent || !el.closest('.fieldset, .card, .sheet, li')) continue;
      const style = getComputedStyle(parent);
      if (style.overflowX !== 'visible') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      const outer = parent.getBoundingClientRect();
      const right =
        outer.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      const left = outer.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
      const name = `${el.tagName.toLowerCase()}.${String(el.className)}`;
      if (box.right > right + 2)
        spills.push(`${name} right by ${Math.round(box.right - right)} px`);
      if (box.left < left - 2) spills.push(`${name} left by ${Math.round(left - box.left)} px`);
    }
    // Tap targets that stand alone (buttons, and links not inside a sentence) are a
    // finger's size: 44 x 44 px (WCAG 2.5.5), measured with what the target's own padding adds.
    const small: string[] = [];
    const targets = 'a[href], button, select, summary, input:not([type=hidden]), [role=button]';
    for (const el of document.querySelectorAll(
      `header ${targets}, main ${targets}, nav ${targets}, .sheet ${targets}`,
    )) {
      if (el.closest('p, dd, .note')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const checkbox = el.matches('input[type=checkbox], input[type=radio]');
      // A box or a radio is tapped through its label, which must be the size.
      const hit = checkbox ? (el.closest('label')?.getBoundingClientRect() ?? box) : box;
      if (hit.width < 43.5 || hit.height < 43.5) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        small.push(
          `${el.tagName.toLowerCase()} "${name}" ${Math.round(hit.width)}x${Math.round(hit.height)}`,
        );
      }
    }
    return { pageWidth: document.documentElement.scrollWidth, spills, small, a11y: [] };
  });

/**
 * Measures once the screen has settled: its data may arrive after its heading (from the
 * database or the server), so two readings a moment apart must agree.
 */
const settledFit = async (page: Page): Promise<Fit> => {
  let last = JSON.stringify(await measure(page));
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(300);
    const now = JSON.stringify(await measure(page));
    const loading = await page.getByText('Načítám').count();
    if (now === last && loading === 0)
      return { ...(JSON.parse(now) as Fit), a11y: await accessibility(page) };
    last = now;
  }
  throw new Error('the screen did not settle');
};

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
    .catch((e: unknown) => {
      throw new Error(`${path} showed no heading`, { cause: e });
    });
};

/** Signed in once the navigation shows: managers and admins have no caseload. */
const signIn = async (page: Page, baseUrl: string, username: string) => {
  await submitLogin(page, baseUrl, username);
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
    {
      width = 360,
      sheet = false,
      shows = {},
    }: { width?: number; sheet?: boolean; shows?: Record<string, string> } = {},
  ) => {
    const browser = await launchBrowser({ width, height: 740 });
    try {
      const { page } = browser;
      await signIn(page, server.baseUrl, username);
      const list = typeof paths === 'function' ? paths(await findIds(page)) : paths;
      const results: Record<string, Fit> = {};
      for (const path of ['/', ...list]) {
        await visit(page, path);
        // What the screen must be showing when measured (a table that needs its data).
        const part = shows[path];
        if (part) await page.getByTestId(part).waitFor();
        results[path] = await settledFit(page);
      }
      if (sheet) {
        // The quick-contact sheet, opened over the caseload.
        await visit(page, '/');
        await page
          .getByRole('button', { name: /^Rychle zapsat kontakt/ })
          .first()
          .click();
        await page.getByRole('dialog').waitFor();
        results['quick-contact sheet'] = await settledFit(page);
      }
      for (const [path, fit] of Object.entries(results)) {
        expect({ path, ...fit }).toEqual({
          path,
          pageWidth: width,
          spills: [],
          small: [],
          a11y: [],
        });
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
    '/sync',
    '/settings',
  ];

  it('a worker on a phone: caseload, agenda, household, forms, plan, settings', async () => {
    await check('pracovnik1', workerScreens, { sheet: true });
  });

  it('a worker on a tablet (two-column forms)', async () => {
    await check('pracovnik1', workerScreens, { width: 820, sheet: true });
  });

  it('a supervisor: team, sync issues, reports', async () => {
    await check('vedouci', ['/supervision', '/reports', '/settings']);
  });

  it('a manager: reports, privacy (the retention table), settings', async () => {
    await check('manazer', ['/reports', '/privacy', '/settings'], {
      shows: { '/privacy': 'retention' },
    });
  });

  it('an administrator', async () => {
    await check('spravce', ['/admin', '/settings']);
  });
});
