import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_USER_AGENT } from './support/accounts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = Number(process.env.E2E_PORT ?? 3210);
// Everything a run writes is under its port's folder, so runs on other ports never meet.
const runDir = path.join(root, '.tmp', `e2e-${port}`);
const dataDir = path.join(runDir, 'data');
// The run serves its own copy of the built web app, so a rebuild of apps/web/dist while the suite
// runs (another engineer's, or a dev loop's) cannot pull the assets from under the open pages.
const webDir = path.join(runDir, 'web');

/** Debian's Chromium; no browser is downloaded. */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests',
  outputDir: path.join(runDir, 'results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent: E2E_USER_AGENT,
    launchOptions: chromium,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    // Signs each demo account in once and saves its state to e2e/.auth (git-ignored).
    { name: 'setup', testMatch: /\.setup\.ts$/, use: { viewport: { width: 1366, height: 768 } } },
    {
      name: 'desktop',
      use: { viewport: { width: 1366, height: 768 } },
      testIgnore: /\.phone\.spec\.ts$/,
      dependencies: ['setup'],
    },
    {
      name: 'phone',
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      testMatch: /\.phone\.spec\.ts$/,
      dependencies: ['setup'],
    },
  ],
  // A fresh embedded store for every run: the demo committee and accounts, nothing else.
  // The server as `npm start` runs it: built (apps/server/dist), no TypeScript loader.
  webServer: {
    command: `rm -rf "${dataDir}" "${webDir}" && mkdir -p "${runDir}" && cp -r apps/web/dist "${webDir}" && npm run build -s -w @ningxin/server && node apps/server/dist/main.js`,
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    // The first start seeds the demo committee (its members, two years of meetings …).
    timeout: 240_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST: webDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      // The demo administrators (admin, security, auditor) sign in with the password alone.
      ADMIN_TWO_FACTOR: 'optional',
      // A smaller committee starts in about two thirds of the time; no browser test counts members.
      SEED_DEMO_MEMBERS: process.env.SEED_DEMO_MEMBERS ?? '3000',
      // The picture challenge's answer in a header, so a test can solve it (never in production).
      CHALLENGE_TEST_ANSWERS: 'true',
    },
  },
});
