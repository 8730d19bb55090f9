// The one test command (`npm test`, also run by .ci/run): typecheck, lint, unit and server
// tests (on PGlite, and on PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set), the
// production build, then end-to-end tests in Debian's Chromium. Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'teren-test-'));
let passed = 0;
let failed = 0;
const failures = [];

const run = (label, cmd, args) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(
    `=== ${label}: ${res.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return res.status === 0;
};

const step = (label, cmd, args) => {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
};

const vitest = (label, projects) => {
  const file = join(out, `${label}.json`);
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  if (!existsSync(file)) {
    failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load counts as a failure even though no test inside it ran.
  const brokenFiles = report.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  );
  failed += brokenFiles.length;
  for (const r of report.testResults)
    for (const a of r.assertionResults)
      if (a.status === 'failed') failures.push(`${label}: ${a.fullName}`);
  for (const r of brokenFiles) failures.push(`${label}: ${r.name} did not load`);
  if (!ok && report.numFailedTests === 0 && brokenFiles.length === 0) {
    failed++;
    failures.push(`${label} (runner failed)`);
  }
};

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
vitest('unit+server', ['unit', 'server']);
step('build', 'npm', ['run', '--silent', 'build']);
vitest('e2e', ['e2e']);

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
