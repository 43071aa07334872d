#!/usr/bin/env node
// The built server: the TypeScript sources (and @ningxin/shared) bundled into plain JavaScript in
// apps/server/dist, the npm packages left to node_modules, the migrations copied beside them.
// `npm start` runs dist/main.js: no TypeScript loader in the process or its worker threads.
// Every entry and chunk lies flat in dist/, which is where src/lib/entry-file.ts looks for a
// worker's module.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const serverDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outdir = path.join(serverDir, 'dist');
const shared = path.resolve(serverDir, '../../packages/shared/src/index.ts');

const started = performance.now();
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: serverDir,
  entryPoints: [
    'src/main.ts',
    'src/cli.ts',
    // Worker threads' modules: each thread starts from its own file.
    'src/modules/members/import/members.import.worker.ts',
    'src/seed/demo-member-worker.ts',
    'src/lib/pdf/pdf-worker.ts',
  ],
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [
    {
      // The workspace's contracts are TypeScript: bundled in, not loaded from node_modules.
      name: 'shared-sources',
      setup(b) {
        b.onResolve({ filter: /^@ningxin\/shared$/ }, () => ({ path: shared }));
      },
    },
  ],
});
fs.cpSync(path.join(serverDir, 'src/db/migrations'), path.join(outdir, 'migrations'), { recursive: true });
const files = fs.readdirSync(outdir).filter((f) => f.endsWith('.js'));
const kb = files.reduce((n, f) => n + fs.statSync(path.join(outdir, f)).size, 0) / 1024;
process.stdout.write(
  `server built: ${files.length} files, ${kb.toFixed(0)} KB in apps/server/dist (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
);
