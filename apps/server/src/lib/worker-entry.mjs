/**
 * The file every pool thread (worker-pool.ts) starts from: it registers tsx's loader, as a worker
 * thread does not inherit the loader of the thread that made it, then loads the pool's TypeScript
 * module and hands its default export, the task handler, to piscina.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const module = await import(workerData.module);

export default module.default;
