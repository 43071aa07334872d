/**
 * npm run bench:screen-paint -w @ningxin/bench [-- <runs>] [--before <web dist>]
 *
 * The big screen's first paint. Needs the built web app (npm run build -w @ningxin/web). Starts
 * the server on a fresh embedded store with the demo committee, issues a kiosk link as the office
 * and opens it in Chromium at 1920×1080, each time in a new browser context (an empty cache, as a
 * screen switched on in the morning). For each load it records, from the start of navigation: the
 * first contentful paint, the screen answer's arrival, the counters shown and both maps drawn with
 * their numbers (the screen as a person in front of it sees it), and the bytes that crossed the
 * network by kind of resource. Loads are spaced beyond the server's 5-second cache of the screen
 * answer, so every load waits for a computed answer.
 *
 * With --before, a second server on its own store serves that build of the web app (e.g. a copy of
 * apps/web/dist made before a change) and the loads alternate between the two, so both meet the
 * same machine: its 2 cores are shared, and the load average is written beside the numbers.
 * Results go to bench/results/screen-paint.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { callApi, login } from './http';
import { BENCH_DIR, ROOT } from './paths';
import { startServer } from './server';
import { latencyOf, round } from './stats';

const PORT = 3293;
const SERVER_CACHE_MS = 5_500;
/** The two map panels, by their titles (the panels' accessible names). */
const MAP_PANELS = ['党员在京分布（流入地）', '党员家乡分布（流出地）'];

type Kind = 'document' | 'script' | 'style' | 'json' | 'maps' | 'other';

interface Resource {
  path: string;
  kind: Kind;
  startMs: number;
  endMs: number;
  bytes: number;
}

interface Load {
  fcpMs: number;
  answerMs: number;
  countersMs: number;
  drawnMs: number;
  paintedMs: number;
  bytes: Record<Kind, number>;
  resources: Resource[];
}

function kindOf(pathname: string): Kind {
  if (pathname.startsWith('/maps/')) return 'maps';
  if (pathname.startsWith('/api/')) return 'json';
  if (pathname.endsWith('.js')) return 'script';
  if (pathname.endsWith('.css')) return 'style';
  return 'other';
}

/**
 * Runs in the page before its scripts: after each change to the page (a MutationObserver, so at
 * the end of the task that made it), notes when the counters first stand and when both map panels
 * first hold their drawn numbers; then the task after the next frame, the frame that shows them.
 * Times from navigation start. A string: the bench's own functions carry the name helpers tsx
 * adds, which the page does not have.
 */
const WATCH_PAINT = `(() => {
  const panels = ${JSON.stringify(MAP_PANELS)};
  const marks = (window.__screenPaint = {});
  const numbered = (title) => {
    const panel = document.querySelector('section[aria-label="' + title + '"]');
    if (!panel) return false;
    // The visual map's two ends are numbers too; the areas' labels make it more than two.
    return Array.from(panel.querySelectorAll('svg text')).filter((t) => /\\d/.test(t.textContent)).length > 2;
  };
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (marks.counters === undefined && document.querySelector('[data-testid="screen-counter-members-value"]'))
      marks.counters = now;
    if (!panels.every(numbered)) return;
    marks.drawn = now;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  try {
    await context.addInitScript({ content: WATCH_PAINT });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () =>
        (window as unknown as { __screenPaint?: { painted?: number } }).__screenPaint?.painted !== undefined,
      null,
      { timeout: 60_000, polling: 100 },
    );
    // The first contentful paint is reported once its frame is shown, which can come after the marks.
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    const seen = await page.evaluate(() => {
      const marks = (
        window as unknown as { __screenPaint: { counters: number; drawn: number; painted: number } }
      ).__screenPaint;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
        (r) => ({
          path: new URL(r.name).pathname,
          startMs: r.startTime,
          endMs: r.responseEnd,
          bytes: r.transferSize,
        }),
      );
      return {
        fcpMs: fcp?.startTime ?? Number.NaN,
        countersMs: marks.counters,
        drawnMs: marks.drawn,
        paintedMs: marks.painted,
        document: { path: '/screen', startMs: 0, endMs: nav.responseEnd, bytes: nav.transferSize },
        resources,
      };
    });
    const resources: Resource[] = [
      { ...seen.document, kind: 'document' },
      ...seen.resources.map((r) => ({ ...r, kind: kindOf(r.path) })),
    ];
    const bytes: Record<Kind, number> = { document: 0, script: 0, style: 0, json: 0, maps: 0, other: 0 };
    for (const r of resources) bytes[r.kind] += r.bytes;
    const answer = resources.find((r) => r.path === '/api/v1/public/screen');
    return {
      fcpMs: seen.fcpMs,
      answerMs: answer?.endMs ?? Number.NaN,
      countersMs: seen.countersMs,
      drawnMs: seen.drawnMs,
      // No frame is shown before the first contentful paint: when that comes later (a busy
      // machine rasterises late), the maps are first seen with it.
      paintedMs: Math.max(seen.paintedMs, Number.isNaN(seen.fcpMs) ? 0 : seen.fcpMs),
      bytes,
      resources,
    };
  } finally {
    await context.close();
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

interface Variant {
  label: string;
  webDist: string;
  url: string;
  loads: Load[];
}

function summary(v: Variant) {
  const ms = (pick: (l: Load) => number) => {
    const l = latencyOf(v.loads.map(pick));
    return { median: round(l.median, 0), p95: round(l.p95, 0) };
  };
  const byPainted = [...v.loads].sort((a, b) => a.paintedMs - b.paintedMs);
  const median = byPainted[Math.floor((byPainted.length - 1) / 2)]!;
  return {
    label: v.label,
    webDist: v.webDist.startsWith(ROOT) ? path.relative(ROOT, v.webDist) : v.webDist,
    fcp: ms((l) => l.fcpMs),
    answer: ms((l) => l.answerMs),
    counters: ms((l) => l.countersMs),
    drawn: ms((l) => l.drawnMs),
    painted: ms((l) => l.paintedMs),
    bytes: median.bytes,
    medianLoad: median.resources.map((r) => ({
      ...r,
      startMs: round(r.startMs, 0),
      endMs: round(r.endMs, 0),
    })),
    loads: v.loads.map((l) => ({
      fcpMs: round(l.fcpMs, 0),
      answerMs: round(l.answerMs, 0),
      countersMs: round(l.countersMs, 0),
      drawnMs: round(l.drawnMs, 0),
      paintedMs: round(l.paintedMs, 0),
    })),
  };
}
type Summary = ReturnType<typeof summary>;

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--before');
  const beforeDist = at >= 0 ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args[at + 1] ?? '') : null;
  if (at >= 0) args.splice(at, 2);
  const runs = Number(args[0] ?? 10);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error('usage: screen-paint.ts [runs] [--before <web dist>]');
  const webDist = path.resolve(process.env.WEB_DIST ?? path.join(ROOT, 'apps/web/dist'));
  for (const dist of [webDist, beforeDist])
    if (dist && !fs.existsSync(path.join(dist, 'index.html')))
      throw new Error(`no web build in ${dist}: npm run build -w @ningxin/web`);
  const members = process.env.SEED_DEMO_MEMBERS ?? '3000';
  const builds = [{ label: 'this build', webDist }];
  if (beforeDist) builds.unshift({ label: 'before', webDist: beforeDist });
  const dataDirs = builds.map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-paint-')));
  const servers = await Promise.all(
    builds.map((b, i) =>
      startServer(
        {
          DATA_DIR: dataDirs[i]!,
          WEB_DIST: b.webDist,
          SEED_DEMO: 'true',
          SEED_DEMO_MEMBERS: members,
          JOBS_ENABLED: 'false',
        },
        PORT + i,
        600_000,
      ),
    ),
  );
  const browser = await launchChromium();
  const variants: Variant[] = [];
  const loadBefore = loadAverage();
  try {
    for (const [i, b] of builds.entries()) {
      const server = servers[i]!;
      const office = await login(server.url, 'office');
      const { token } = (await callApi(server.url, office, 'POST', '/screen-tokens', {
        label: '首屏测试',
      })) as {
        token: string;
      };
      const url = `${server.url}/screen#t=${token}`;
      variants.push({ ...b, url, loads: [] });
      // One load not counted: the browser's and the server's first time through.
      await loadOnce(browser, url);
    }
    console.log(`load average before: ${loadBefore}`);
    console.log('run  build            FCP  answer counters   drawn painted   (ms from navigation start)');
    for (let i = 1; i <= runs; i++) {
      // Each round in the other order, so neither build always follows the other.
      for (const v of i % 2 ? variants : [...variants].reverse()) {
        await new Promise((r) => setTimeout(r, SERVER_CACHE_MS / variants.length));
        const l = await loadOnce(browser, v.url);
        v.loads.push(l);
        console.log(
          `${String(i).padStart(3)}  ${v.label.padEnd(12)} ${[l.fcpMs, l.answerMs, l.countersMs, l.drawnMs, l.paintedMs].map((n) => String(Math.round(n)).padStart(7)).join(' ')}`,
        );
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.stop()));
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  }
  const result = {
    at: new Date().toISOString(),
    runs,
    members: Number(members),
    viewport: '1920×1080',
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore, after: loadAverage() },
    builds: variants.map(summary),
  };
  const out = path.join(BENCH_DIR, 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'screen-paint.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'screen-paint.md'), toMarkdown(result));
  for (const b of result.builds)
    console.log(`${b.label}: painted median ${b.painted.median} ms, p95 ${b.painted.p95} ms`);
  console.log(`load average after: ${result.loadAverage.after}`);
}

const kb = (n: number) => round(n / 1024, 1);

function toMarkdown(r: {
  at: string;
  runs: number;
  members: number;
  cpus: number;
  loadAverage: { before: string; after: string };
  builds: Summary[];
}) {
  const cells = (pick: (b: Summary) => { median: number; p95: number }, bold = false) =>
    r.builds
      .map((b) =>
        bold ? `**${pick(b).median}** | **${pick(b).p95}**` : `${pick(b).median} | ${pick(b).p95}`,
      )
      .join(' | ');
  const kinds = Object.keys(r.builds[0]!.bytes) as Kind[];
  const alternate = r.builds.length > 1 ? ', the builds alternating' : '';
  return [
    '# 数据大屏: first paint with an empty cache',
    '',
    `Measured ${r.at.slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:screen-paint -w @ningxin/bench\`: Chromium 1920×1080, a kiosk link, the demo committee (${r.members} members), ${r.runs} loads of each build${alternate}, each in a new browser context (one more before them not counted), spaced so each waits for a computed screen answer. The machine has ${r.cpus} cores shared with other work; its load average (1 / 5 / 15 min) was ${r.loadAverage.before} before and ${r.loadAverage.after} after.`,
    '',
    `Times from the start of navigation, median | p95 (ms), for ${r.builds.map((b) => `${b.label} (\`${b.webDist}\`)`).join(' and ')}:`,
    '',
    `| moment | ${r.builds.map((b) => `${b.label} median | p95`).join(' | ')} |`,
    `| --- | ${r.builds.map(() => '---: | ---:').join(' | ')} |`,
    `| first contentful paint | ${cells((b) => b.fcp)} |`,
    `| the screen answer arrived | ${cells((b) => b.answer)} |`,
    `| the counters in the page | ${cells((b) => b.counters)} |`,
    `| both maps' numbers in the page | ${cells((b) => b.drawn)} |`,
    `| **both maps on screen with their numbers** | ${cells((b) => b.painted, true)} |`,
    '',
    '"On screen" is the task after the next animation frame once the numbers are in the page, or the first contentful paint when that comes later (no frame is shown before it).',
    '',
    'Bytes over the network in the median load (as sent, compressed; headers included), KB:',
    '',
    `| kind | ${r.builds.map((b) => b.label).join(' | ')} |`,
    `| --- | ${r.builds.map(() => '---:').join(' | ')} |`,
    ...kinds.map((k) => `| ${k} | ${r.builds.map((b) => kb(b.bytes[k])).join(' | ')} |`),
    `| all | ${r.builds.map((b) => kb(Object.values(b.bytes).reduce((x, y) => x + y, 0))).join(' | ')} |`,
    '',
    ...r.builds.flatMap((b) => [
      `The median load of ${b.label}, request by request (ms from navigation start):`,
      '',
      '| resource | kind | start | end | KB |',
      '| --- | --- | ---: | ---: | ---: |',
      ...b.medianLoad.map(
        (x) =>
          `| \`${x.path}\` | ${x.kind} | ${Math.round(x.startMs)} | ${Math.round(x.endMs)} | ${kb(x.bytes)} |`,
      ),
      '',
    ]),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
