/** Builds the bench page and measures the built app's initial JavaScript. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from '../lib/report';

/** Builds bench/device (the page that runs the app's data code in Chromium) into a temp folder. */
export const buildBenchPage = async (log: (s: string) => void): Promise<string> => {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'teren-bench-page-'));
  log('building the bench page with Vite');
  await build({
    configFile: fileURLToPath(new URL('../device/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
};

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** Static imports of a built ES module: `import{a}from"./x.js"`, `import"./y.js"` (any quotes). */
const staticImports = (code: string): string[] => {
  const found: string[] = [];
  const re = /(?:^|[;\s})])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+\.js)["'`]/g;
  for (let m = re.exec(code); m; m = re.exec(code)) if (m[1]) found.push(m[1]);
  return found;
};

/**
 * Initial JS: the entry script of dist/index.html, every modulepreload, and their static
 * imports, gzipped (level 9, as a server would send them). Baseline: all JS in the build.
 */
export const measureBundle = async (distDir: string): Promise<Figure[]> => {
  const section = 'UI: bundle';
  const index = join(distDir, 'index.html');
  if (!existsSync(index))
    return [figure(section, 'initial JS gzip: dist/ missing, run `npm run build`', 0, 'KB')];
  const html = readFileSync(index, 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  const seen = new Set<string>();
  const queue = [...entries];
  let initial = 0;
  while (queue.length) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = join(distDir, url.replace(/^\//, ''));
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    initial += gz(bytes);
    for (const dep of staticImports(bytes.toString('utf8')))
      queue.push(posix.join(posix.dirname(url), dep));
  }
  const assets = join(distDir, 'assets');
  const all = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((a, f) => a + gz(readFileSync(join(assets, f))), 0);
  const css = readdirSync(assets)
    .filter((f) => f.endsWith('.css'))
    .reduce((a, f) => a + gz(readFileSync(join(assets, f))), 0);
  return [
    figure(
      section,
      `initial JS gzip (${seen.size} file(s) from dist/index.html)`,
      initial / 1024,
      'KB',
      {
        baseline: { name: 'all JS of the build', value: all / 1024 },
        target: { text: '<= 200 KB', test: (v) => v <= 200 },
        note: `CSS ${(css / 1024).toFixed(1)} KB gzip besides`,
      },
    ),
  ];
};
