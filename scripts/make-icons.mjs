// Renders the app icons (PNG) from the SVG sources in public/icons with Debian's Chromium.
// Run after changing an SVG: npm run icons
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ICONS = [
  ['favicon.svg', 'icon-192.png', 192],
  ['favicon.svg', 'icon-512.png', 512],
  ['maskable.svg', 'maskable-512.png', 512],
  ['maskable.svg', 'apple-touch-icon.png', 180],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();
for (const [source, target, size] of ICONS) {
  const svg = readFileSync(`public/icons/${source}`, 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icons/${target}`, omitBackground: true });
  console.log(`public/icons/${target}`);
}
await browser.close();
