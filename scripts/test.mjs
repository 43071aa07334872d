#!/usr/bin/env node
// The whole test suite: lint, type check, unit tests, database tests on PGlite and on
// PostgreSQL, and the browser tests in Chromium. Prints which suites ran with their counts.
// With CI=true a suite whose dependency is missing fails instead of being skipped.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reportDir = path.join(root, '.tmp');
fs.mkdirSync(reportDir, { recursive: true });

const results = [];
const failures = [];
let failed = false;

function run(name, cmd, args, env = {}) {
  process.stdout.write(`\n━━ ${name}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

function record(suite, outcome, passed = 0, failedCount = 0, skipped = 0, seconds = '0') {
  results.push({ suite, outcome, passed, failed: failedCount, skipped, seconds });
  if (outcome === 'failed') failed = true;
}

function vitestCounts(file, suite) {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const f of report.testResults ?? []) {
      const where = path.relative(root, f.name);
      const failedTests = (f.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failedTests) failures.push(`${suite}: ${where} › ${t.fullName ?? t.title}`);
      if (f.status === 'failed' && failedTests.length === 0) {
        failures.push(`${suite}: ${where} (${(f.message ?? '').split('\n')[0]})`);
      }
    }
    return {
      passed: report.numPassedTests ?? 0,
      failed: report.numFailedTests ?? 0,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

function playwrightFailures(suites, suite) {
  for (const s of suites ?? []) {
    for (const spec of s.specs ?? []) {
      const bad = (spec.tests ?? []).some((t) => t.status === 'unexpected' || t.status === 'flaky');
      if (bad) failures.push(`${suite}: ${spec.file}:${spec.line} › ${spec.title}`);
    }
    playwrightFailures(s.suites, suite);
  }
}

function playwrightCounts(file, suite) {
  try {
    const { stats, suites } = JSON.parse(fs.readFileSync(file, 'utf8'));
    playwrightFailures(suites, suite);
    return {
      passed: stats.expected ?? 0,
      failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
      skipped: stats.skipped ?? 0,
    };
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

// 1. Lint and format, then types.
{
  const r = run('lint', 'npx', ['biome', 'check', '.']);
  record('lint (biome)', r.ok ? 'passed' : 'failed', r.ok ? 1 : 0, r.ok ? 0 : 1, 0, r.seconds);
}
{
  // The five projects in two lanes (two cores): each project's output is printed when it ends.
  const projects = ['apps/server', 'apps/web', 'bench', 'e2e', 'packages/shared'];
  process.stdout.write(`\n━━ typecheck: tsc -p, two at a time: ${projects.join(', ')}\n`);
  const started = Date.now();
  const queue = [...projects];
  const broken = [];
  const lane = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const project = p;
      const child = spawn('npx', ['tsc', '-p', project], { cwd: root, env: process.env });
      let output = '';
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
      const code = await new Promise((resolve) => child.on('close', resolve));
      process.stdout.write(`  tsc -p ${project}: ${code === 0 ? 'ok' : 'failed'}\n${output}`);
      if (code !== 0) broken.push(project);
    }
  };
  await Promise.all([lane(), lane()]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = broken.length === 0;
  for (const p of broken) failures.push(`typecheck: tsc -p ${p}`);
  record(
    'typecheck (tsc)',
    ok ? 'passed' : 'failed',
    projects.length - broken.length,
    broken.length,
    0,
    seconds,
  );
}

// 2. Unit and database tests, one vitest project at a time so each is counted.
const vitestProjects = [
  ['unit', 'unit tests'],
  ['pglite', 'database tests on PGlite'],
];
if (process.env.TEST_DATABASE_URL) vitestProjects.push(['postgres', 'database tests on PostgreSQL']);
for (const [project, label] of vitestProjects) {
  const out = path.join(reportDir, `vitest-${project}.json`);
  fs.rmSync(out, { force: true });
  const r = run(label, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const c = vitestCounts(out, label);
  const ok = r.ok && c.failed === 0 && c.passed > 0;
  record(label, ok ? 'passed' : 'failed', c.passed, c.failed || (ok ? 0 : 1), c.skipped, r.seconds);
}
if (!process.env.TEST_DATABASE_URL) {
  if (ci) record('database tests on PostgreSQL', 'failed', 0, 1);
  else record('database tests on PostgreSQL', 'skipped: TEST_DATABASE_URL is not set');
}

// 3. Browser tests in Chromium against the real server.
if (fs.existsSync(chromium)) {
  const out = path.join(reportDir, 'playwright.json');
  fs.rmSync(out, { force: true });
  const build = run('web build', 'npm', ['run', 'build', '-w', '@ningxin/web']);
  if (!build.ok) {
    record('browser tests (Chromium)', 'failed', 0, 1, 0, build.seconds);
  } else {
    const r = run(
      'browser tests (Chromium)',
      'npx',
      ['playwright', 'test', '-c', 'e2e/playwright.config.ts'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
        CHROMIUM_PATH: chromium,
      },
    );
    const c = playwrightCounts(out, 'browser tests');
    const ok = r.ok && c.failed === 0 && c.passed > 0;
    record(
      'browser tests (Chromium)',
      ok ? 'passed' : 'failed',
      c.passed,
      c.failed || (ok ? 0 : 1),
      c.skipped,
      r.seconds,
    );
  }
} else if (ci) {
  process.stdout.write(`\nChromium not found at ${chromium}: the browser suite cannot run.\n`);
  record('browser tests (Chromium)', 'failed', 0, 1);
} else {
  record('browser tests (Chromium)', `skipped: no Chromium at ${chromium}`);
}

// 4. Summary.
process.stdout.write('\n━━ Suites\n');
for (const r of results) {
  const counts = r.outcome.startsWith('skipped')
    ? ''
    : `  ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  process.stdout.write(
    `  ${r.suite.padEnd(32)} ${r.outcome.padEnd(8)}${counts}${r.seconds !== '0' ? `  (${r.seconds} s)` : ''}\n`,
  );
}
if (failures.length > 0) {
  process.stdout.write('\n━━ Failed\n');
  for (const f of failures) process.stdout.write(`  ${f}\n`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failedTotal = results.reduce((n, r) => n + r.failed, 0);
const skippedSuites = results.filter((r) => r.outcome.startsWith('skipped')).length;
process.stdout.write(
  `\n${passed} passed, ${failedTotal} failed${skippedSuites ? `, ${skippedSuites} skipped` : ''}\n`,
);
process.exit(failed || failedTotal > 0 ? 1 : 0);
