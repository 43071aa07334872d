/**
 * The PDF service: documents are laid out in one worker thread per process (pdf-worker.ts), which
 * loads the fonts once and keeps them. A render resolves once the document is laid out, with its
 * page count and its bytes as a stream; a document that cannot be laid out rejects before a byte
 * is sent, so the caller can still answer with an error.
 *
 * pdfmake lays a whole document out before it writes it, so the worker holds one document at a
 * time (about 3 KB of output a form page); the main thread passes the bytes on as they come.
 */
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { BUILT, entryFile } from '../entry-file';
import { AppError } from '../errors';
import { layoutJob, type PdfDocument } from './pdf-document';

/** The job goes as JSON text: a long document's many small objects copy far faster as text than cloned. */
export type WorkerRequest = { id: number; job: string };
export type WorkerReply =
  | { id: number; type: 'ready'; pages: number }
  | { id: number; type: 'data'; chunk: Uint8Array }
  | { id: number; type: 'end' }
  | { id: number; type: 'error'; message: string };

export interface RenderedPdf {
  pages: number;
  /** The file's bytes; destroy it to drop the rest. */
  stream: Readable;
}

export interface PdfRenderer {
  render(doc: PdfDocument): Promise<RenderedPdf>;
  /** Stops the worker (a later render starts a new one). */
  close(): Promise<void>;
}

export interface PdfRendererOptions {
  /** Documents accepted at once (being written or waiting); one more is refused with 503. */
  maxJobs?: number;
  /** A document not written in this time stops the worker, and every job with it. */
  timeoutMs?: number;
}

export const pdfBusy = () => new AppError(503, 'PDF_BUSY', '打印任务较多，请稍后再试');

interface Job {
  stream: Readable;
  ready: boolean;
  resolve(r: RenderedPdf): void;
  reject(err: Error): void;
}

const WORKER = entryFile('./pdf-worker.ts', import.meta.url);
// From the sources the worker is TypeScript: it registers tsx's loader first, as a worker does not
// inherit it. The built server's worker is JavaScript and starts as it is.
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;

export function createPdfRenderer({
  maxJobs = 6,
  timeoutMs = 120_000,
}: PdfRendererOptions = {}): PdfRenderer {
  let worker: Worker | null = null;
  let seq = 0;
  const jobs = new Map<number, Job>();
  let timer: NodeJS.Timeout | null = null;

  /** Jobs go one after another: the worker must make progress (a document laid out or written) in time. */
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = jobs.size
      ? setTimeout(() => stopAll(new Error('the PDF worker took too long')), timeoutMs)
      : null;
  };

  const settle = (id: number) => {
    jobs.delete(id);
    arm();
    // An idle worker keeps no process alive.
    if (jobs.size === 0) worker?.unref();
  };

  const fail = (job: Job, err: Error) => {
    if (job.ready) job.stream.destroy(err);
    else job.reject(err);
  };

  /** The worker broke or hung: every job fails with it, and the next render starts a new one. */
  const stopAll = (err: Error) => {
    const w = worker;
    worker = null;
    for (const [id, job] of jobs) {
      settle(id);
      fail(job, err);
    }
    if (w) void w.terminate();
  };

  const onReply = (reply: WorkerReply) => {
    const job = jobs.get(reply.id);
    if (!job) return;
    switch (reply.type) {
      case 'ready':
        arm();
        job.ready = true;
        job.resolve({ pages: reply.pages, stream: job.stream });
        break;
      case 'data':
        if (!job.stream.destroyed)
          job.stream.push(Buffer.from(reply.chunk.buffer, reply.chunk.byteOffset, reply.chunk.byteLength));
        break;
      case 'end':
        settle(reply.id);
        job.stream.push(null);
        break;
      case 'error':
        settle(reply.id);
        fail(job, new Error(`PDF not written: ${reply.message}`));
        break;
    }
  };

  const start = () => {
    const w = BUILT ? new Worker(WORKER) : new Worker(BOOTSTRAP, { eval: true });
    w.on('message', onReply);
    w.on('error', (err) => {
      if (worker === w) stopAll(err);
    });
    w.on('exit', (code) => {
      if (worker === w) stopAll(new Error(`the PDF worker stopped (exit code ${code})`));
    });
    worker = w;
    return w;
  };

  return {
    render(doc) {
      if (jobs.size >= maxJobs) return Promise.reject(pdfBusy());
      const job = layoutJob(doc);
      const w = worker ?? start();
      const id = ++seq;
      return new Promise<RenderedPdf>((resolve, reject) => {
        jobs.set(id, { stream: new Readable({ read() {} }), ready: false, resolve, reject });
        w.ref();
        if (jobs.size === 1) arm();
        w.postMessage({ id, job: JSON.stringify(job) } satisfies WorkerRequest);
      });
    },
    async close() {
      stopAll(new Error('the PDF renderer was closed'));
    },
  };
}

let shared: PdfRenderer | null = null;

/** The renderer of this process: one worker, the fonts loaded once. */
export function pdfRenderer(): PdfRenderer {
  shared ??= createPdfRenderer();
  return shared;
}
