/**
 * npm run bench:screen -w @ningxin/bench -- <minutes>     the big screen's JS heap over many refreshes
 *
 * Needs the built web app (npm run build -w @ningxin/web). Starts the server on a fresh embedded
 * store with the demo committee, sets the screen's refresh to 10 s (the fastest the setting
 * allows), issues a kiosk link as the office and opens it in Chromium at 1920×1080, as the screen
 * in the seat runs. Each minute it samples the page through the DevTools protocol: the JS heap in
 * use (Runtime.getHeapUsage) before and after a full garbage collection, the DOM nodes and the
 * event listeners (Performance.getMetrics), and how many screen answers the page has read. A page
 * that leaks grows the heap after collection, the nodes or the listeners with each refresh.
 * Results go to bench/results/screen-memory.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './chromium';
import { callApi, login } from './http';
import { BENCH_DIR, ROOT } from './paths';
import { startServer } from './server';

const PORT = Number(process.env.BENCH_PORT ?? 3291);
const REFRESH_SECONDS = 10;
const MB = 1024 * 1024;

interface Sample {
  minute: number;
  reads: number;
  heapUsedMb: number;
  heapAfterGcMb: number;
  nodes: number;
  listeners: number;
}

async function main() {
  const minutes = Number(process.argv[2] ?? 10);
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error('usage: screen-memory.ts <minutes>');
  if (!fs.existsSync(path.join(ROOT, 'apps/web/dist/index.html')))
    throw new Error('build the web app first: npm run build -w @ningxin/web');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-screen-'));
  const server = await startServer(
    {
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      SEED_DEMO_MEMBERS: process.env.SEED_DEMO_MEMBERS ?? '3000',
      JOBS_ENABLED: 'false',
    },
    PORT,
    // Seeding the demo committee on a busy machine takes minutes.
    600_000,
  );
  const browser = await launchChromium();
  try {
    const office = await login(server.url, 'office');
    const setting = await callApi(server.url, office, 'GET', '/settings/screen.refreshSeconds');
    await callApi(server.url, office, 'PUT', '/settings/screen.refreshSeconds', {
      value: REFRESH_SECONDS,
      version: setting.version,
    });
    const { token } = (await callApi(server.url, office, 'POST', '/screen-tokens', {
      label: '内存测试',
    })) as {
      token: string;
    };

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    let reads = 0;
    page.on('response', (r) => {
      if (r.url().endsWith('/api/v1/public/screen') && r.status() === 200) reads += 1;
    });
    const started = performance.now();
    await page.goto(`${server.url}/screen#t=${token}`);
    await page.locator('[data-testid="screen"] svg text').first().waitFor({ timeout: 60_000 });
    const firstPaintMs = Math.round(performance.now() - started);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    const sample = async (minute: number): Promise<Sample> => {
      const before = await cdp.send('Runtime.getHeapUsage');
      await cdp.send('HeapProfiler.collectGarbage');
      const after = await cdp.send('Runtime.getHeapUsage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return {
        minute,
        reads,
        heapUsedMb: Math.round((before.usedSize / MB) * 100) / 100,
        heapAfterGcMb: Math.round((after.usedSize / MB) * 100) / 100,
        nodes: metric('Nodes'),
        listeners: metric('JSEventListeners'),
      };
    };

    const samples: Sample[] = [await sample(0)];
    console.log(`first paint ${firstPaintMs} ms; sampling every minute for ${minutes} min`);
    console.log('min  reads  heap MB  after GC MB  DOM nodes  listeners');
    const line = (s: Sample) =>
      console.log(
        `${String(s.minute).padStart(3)}  ${String(s.reads).padStart(5)}  ${s.heapUsedMb.toFixed(2).padStart(7)}  ${s.heapAfterGcMb.toFixed(2).padStart(11)}  ${String(s.nodes).padStart(9)}  ${String(s.listeners).padStart(9)}`,
      );
    line(samples[0]!);
    for (let m = 1; m <= minutes; m++) {
      await page.waitForTimeout(60_000);
      const s = await sample(m);
      samples.push(s);
      line(s);
    }
    const first = samples[1] ?? samples[0]!;
    const last = samples.at(-1)!;
    const result = {
      minutes,
      refreshSeconds: REFRESH_SECONDS,
      firstPaintMs,
      reads: last.reads,
      heapAfterGcGrowthMb: Math.round((last.heapAfterGcMb - first.heapAfterGcMb) * 100) / 100,
      samples,
      measuredAt: new Date().toISOString(),
    };
    fs.mkdirSync(path.join(BENCH_DIR, 'results'), { recursive: true });
    fs.writeFileSync(
      path.join(BENCH_DIR, 'results/screen-memory.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    const md = [
      `# 数据大屏: JS heap over ${minutes} minutes of ${REFRESH_SECONDS}-second refreshes`,
      '',
      `Chromium 1920×1080, a kiosk link, the demo committee (${process.env.SEED_DEMO_MEMBERS ?? '3000'} members). First paint ${firstPaintMs} ms; ${last.reads} screen answers read.`,
      `Heap after GC grew ${result.heapAfterGcGrowthMb} MB from minute 1 to minute ${minutes}.`,
      '',
      '| minute | reads | heap MB | after GC MB | DOM nodes | listeners |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
      ...samples.map(
        (s) =>
          `| ${s.minute} | ${s.reads} | ${s.heapUsedMb} | ${s.heapAfterGcMb} | ${s.nodes} | ${s.listeners} |`,
      ),
      '',
    ].join('\n');
    fs.writeFileSync(path.join(BENCH_DIR, 'results/screen-memory.md'), md);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
