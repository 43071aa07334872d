import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const BENCH_DIR = path.join(ROOT, 'bench');
