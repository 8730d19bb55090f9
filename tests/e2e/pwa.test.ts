import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, waitForServiceWorker } from './helpers/harness';

type Manifest = {
  name: string;
  short_name: string;
  lang: string;
  display: string;
  start_url: string;
  theme_color: string;
  icons: { src: string; sizes: string; purpose?: string }[];
};

describe('installable PWA', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    browser.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('links a Czech manifest with standalone display and 192/512/maskable icons', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/`);
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    expect(href).toBeTruthy();
    const manifest = (await (
      await page.request.get(new URL(href as string, server.baseUrl).toString())
    ).json()) as Manifest;
    expect(manifest).toMatchObject({
      short_name: 'Terén',
      lang: 'cs',
      display: 'standalone',
      start_url: '/',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.map((i) => `${i.sizes}:${i.purpose ?? 'any'}`);
    expect(sizes).toEqual(
      expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']),
    );
    for (const icon of manifest.icons) {
      const res = await page.request.get(new URL(icon.src, server.baseUrl).toString());
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
    }
  });

  it('is controlled by its service worker after the first visit', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/`);
    await waitForServiceWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.baseUrl}/`);
  });

  it('runs under the strict CSP without violations', () => {
    expect(cspViolations).toEqual([]);
  });
});
