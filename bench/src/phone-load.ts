/**
 * npm run bench:phone            the member's pages on a phone over a slow 4G connection
 *
 * Needs the built web app (npm run build -w @ningxin/web). Starts the server on a fresh embedded
 * store with the demo committee, opens Chromium at 390×844 with the network throttled through the
 * DevTools protocol (SLOW_4G below) and loads each page of a member's day, ROUNDS times with an
 * empty cache and ROUNDS times with the cache of the previous load. For each page it records the
 * script and the total bytes that crossed the network (compressed, as sent) and the time until
 * the page's content stood (its ready selector visible and no card still loading). Results go to
 * bench/results/phone-load.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { BENCH_DIR, ROOT } from './paths';
import { startServer } from './server';
import { latencyOf, round } from './stats';

/** Lighthouse's "slow 4G" (its mobile preset): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const ROUNDS = Number(process.env.PHONE_ROUNDS ?? 5);
const PORT = Number(process.env.PHONE_PORT ?? 3290);

/**
 * A member's pages, each with what shows that it has loaded and who is signed in; and the member
 * list as the committee office opens it on a phone (issue 19 wants it quick on slow 4G too).
 */
const PAGES = [
  { name: '登录页', path: '/login', ready: 'button[type="submit"]', user: null },
  { name: '我的主页', path: '/portal', ready: '.nx-portal .nx-portal-card', user: 'member' },
  { name: '我的会议', path: '/my-meetings', ready: '.nx-my-meetings-list, .nx-empty', user: 'member' },
  { name: '学习课程', path: '/learn', ready: '.nx-my-courses-card', user: 'member' },
  // The member's first article course, its id asked of the API: the progress card.
  { name: '课程学习', path: '/learn/courses/:id', ready: '[data-testid="course-progress"]', user: 'member' },
  {
    name: '我的心得',
    path: '/my-reflections',
    ready: '[data-testid="my-reflections-featured"] :is(.nx-portal-list, .nx-empty)',
    user: 'member',
  },
  { name: '我的思想汇报', path: '/my-reports', ready: '[data-testid="my-reports-list"]', user: 'member' },
  { name: '我的档案', path: '/me', ready: '[data-testid="my-record"] .nx-descriptions', user: 'member' },
  { name: '我的学时', path: '/my-study', ready: '[data-testid="study-hours"]', user: 'member' },
  { name: '我的党费', path: '/my-dues', ready: '[data-testid="my-dues"] .nx-descriptions', user: 'member' },
  { name: '我的志愿服务', path: '/volunteer/mine', ready: '[data-testid="my-shifts"]', user: 'member' },
  { name: '我的积分', path: '/my-points', ready: '[data-testid="my-points-total"]', user: 'member' },
  {
    name: '我的关爱与荣誉',
    path: '/my-care',
    ready: '[data-testid="my-care"] .nx-list, [data-testid="my-care"] .nx-empty',
    user: 'member',
  },
  {
    name: '党员信息库',
    path: '/members',
    ready: '.nx-member-cards .nx-member-card, .nx-empty',
    user: 'office',
  },
] as const;

interface Load {
  ms: number;
  scriptBytes: number;
  totalBytes: number;
  /** The scripts loaded, largest first: file name and bytes as sent. */
  scripts: { file: string; bytes: number }[];
}

/** The phone's browser; the member signs in with it too (a session is bound to its User-Agent). */
const PHONE_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36';

async function throttled(browser: Browser, cookie: string | null): Promise<Page> {
  const context = await browser.newContext({
    userAgent: PHONE_USER_AGENT,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  if (cookie) await context.addCookies([{ ...JSON.parse(cookie), url: `http://127.0.0.1:${PORT}` }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
  return page;
}

/** Loads a page and counts what crossed the network until it stood. */
async function load(page: Page, url: string, ready: string): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const sizes = new Map<string, { type: string; url: string; bytes: number }>();
  cdp.on('Network.responseReceived', (e) =>
    sizes.set(e.requestId, { type: e.type, url: e.response.url, bytes: 0 }),
  );
  cdp.on('Network.loadingFinished', (e) => {
    const s = sizes.get(e.requestId);
    if (s) s.bytes = e.encodedDataLength;
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForFunction(
    () =>
      !document.querySelector('.ant-card-loading, .nx-portal-card-loading, .ant-spin-spinning, .nx-spinner'),
    null,
    {
      timeout: 60_000,
    },
  );
  const ms = performance.now() - started;
  await cdp.detach();
  const all = [...sizes.values()];
  return {
    ms,
    scriptBytes: all.filter((s) => s.type === 'Script').reduce((n, s) => n + s.bytes, 0),
    totalBytes: all.reduce((n, s) => n + s.bytes, 0),
    scripts: all
      .filter((s) => s.type === 'Script')
      .map((s) => ({ file: s.url.split('/').pop() ?? s.url, bytes: s.bytes }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}

/**
 * The id of the member's first article course (the API lists the required ones first). Not a
 * video: Chromium fetches media without the emulated phone's User-Agent, and the server ends a
 * session whose cookie comes from another browser.
 */
async function firstCourseId(url: string, cookie: string): Promise<number> {
  const { name, value } = JSON.parse(cookie) as { name: string; value: string };
  const res = await fetch(`${url}/api/v1/courses/mine`, {
    headers: { cookie: `${name}=${value}`, 'user-agent': PHONE_USER_AGENT },
  });
  if (!res.ok) throw new Error(`the member's courses: ${res.status} ${await res.text()}`);
  const { items } = (await res.json()) as { items: { id: number; kind: string }[] };
  const article = items.find((c) => c.kind === 'article');
  if (!article) throw new Error('the demo member has no article course');
  return article.id;
}

/** A demo account's session cookie, signed in through the API. */
async function sessionCookie(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': PHONE_USER_AGENT },
    body: JSON.stringify({ username, password: 'Demo-2026' }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const set = res.headers.get('set-cookie') ?? '';
  const [pair] = set.split(';');
  const [name, value] = (pair ?? '').split('=');
  return JSON.stringify({ name, value });
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'apps/web/dist/index.html')))
    throw new Error('build the web app first: npm run build -w @ningxin/web');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-phone-'));
  const server = await startServer(
    { DATA_DIR: dataDir, SEED_DEMO: 'true', SEED_DEMO_MEMBERS: '300', JOBS_ENABLED: 'false' },
    PORT,
    // Seeding the demo committee takes over two minutes when the machine is busy.
    300_000,
  );
  const browser = await launchChromium();
  const rows: Record<string, unknown>[] = [];
  try {
    const cookies = {
      member: await sessionCookie(server.url, 'member'),
      office: await sessionCookie(server.url, 'office'),
    };
    const courseId = await firstCourseId(server.url, cookies.member);
    for (const p of PAGES) {
      const cold: Load[] = [];
      const warm: Load[] = [];
      const at = p.path.replace(':id', String(courseId));
      for (let i = 0; i < ROUNDS; i++) {
        const page = await throttled(browser, p.user ? cookies[p.user] : null);
        cold.push(await load(page, `${server.url}${at}`, p.ready));
        warm.push(await load(page, `${server.url}${at}`, p.ready));
        await page.context().close();
      }
      const kb = (n: number) => round(n / 1024, 1);
      rows.push({
        page: p.name,
        path: at,
        scriptKb: kb(cold[0]!.scriptBytes),
        totalKb: kb(cold[0]!.totalBytes),
        cold: latencyOf(cold.map((l) => l.ms)),
        warm: latencyOf(warm.map((l) => l.ms)),
        warmKb: kb(warm[0]!.totalBytes),
        scripts: cold[0]!.scripts.map((f) => `${f.file} ${kb(f.bytes)}`),
      });
      process.stdout.write(`${p.name} ${p.path}: ${JSON.stringify(rows.at(-1))}\n`);
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const result = {
    at: new Date().toISOString(),
    network: 'slow 4G: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up (DevTools protocol)',
    viewport: '390×844, mobile',
    rounds: ROUNDS,
    pages: rows,
  };
  const out = path.join(BENCH_DIR, 'results');
  fs.writeFileSync(path.join(out, 'phone-load.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'phone-load.md'), toMarkdown(result));
}

function toMarkdown(r: {
  at: string;
  network: string;
  viewport: string;
  rounds: number;
  pages: Record<string, unknown>[];
}) {
  const lines = [
    '# A member on a phone over slow 4G',
    '',
    `Measured ${r.at.slice(0, 10)} with \`npm run bench:phone\`: ${r.viewport}, ${r.network}; each page ${r.rounds} times with an empty cache (cold) and right after with the cache of that load (warm). Time is until the page's content stood (its cards loaded); bytes are as sent over the network (compressed).`,
    '',
    '| page | script (KB) | all (KB) | cold median (ms) | cold p95 (ms) | warm median (ms) | warm p95 (ms) | warm bytes (KB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const p of r.pages as {
    page: string;
    path: string;
    scriptKb: number;
    totalKb: number;
    cold: { median: number; p95: number };
    warm: { median: number; p95: number };
    warmKb: number;
  }[]) {
    lines.push(
      `| ${p.page} \`${p.path}\` | ${p.scriptKb} | ${p.totalKb} | ${round(p.cold.median, 0)} | ${round(p.cold.p95, 0)} | ${round(p.warm.median, 0)} | ${round(p.warm.p95, 0)} | ${p.warmKb} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

await main();
