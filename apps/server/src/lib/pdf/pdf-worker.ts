/**
 * The thread that lays out and writes PDFs (pdfmake), so that a few hundred pages never hold up
 * the server's event loop. It loads the fonts once, then takes one job after another: it answers
 * `ready` (with the page count) once the document is laid out, then the file's bytes in chunks,
 * then `end`; or `error` with a message.
 */
import { parentPort } from 'node:worker_threads';
import pdfmake from 'pdfmake';
import type { CustomTableLayout, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type LayoutJob, pageNumberText, TABLE_LAYOUTS } from './pdf-document';
import { FONT_FAMILY, loadFonts } from './pdf-fonts';
import type { WorkerReply, WorkerRequest } from './pdf-renderer';

/** Chunks are gathered to this size before they cross to the main thread. */
const CHUNK = 64 * 1024;

const port = parentPort!;
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

/** pdfmake's node build keeps a virtual file system for fonts (its types leave it out). */
const printer = pdfmake as typeof pdfmake & {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
};

const fonts = loadFonts();
printer.virtualfs.writeFileSync('nx-regular.ttf', fonts.normal);
printer.virtualfs.writeFileSync('nx-bold.ttf', fonts.bold);
printer.setFonts({
  [FONT_FAMILY]: {
    normal: 'nx-regular.ttf',
    bold: 'nx-bold.ttf',
    // Chinese has no italics: a slanted style prints upright.
    italics: 'nx-regular.ttf',
    bolditalics: 'nx-bold.ttf',
  },
});
// A document never reads a file or fetches a URL (an image is given as data).
printer.setUrlAccessPolicy(() => false);
printer.setLocalAccessPolicy(() => false);

const LINE = '#595959';
const layouts: Record<string, CustomTableLayout> = {
  // A form: thin lines all round, room to write in.
  [TABLE_LAYOUTS.form]: {
    hLineWidth: () => 0.6,
    vLineWidth: () => 0.6,
    hLineColor: () => LINE,
    vLineColor: () => LINE,
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
  // Rows of data: a rule under the header, hairlines between rows.
  [TABLE_LAYOUTS.data]: {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.6 : i === 1 ? 0.8 : 0.3),
    vLineWidth: () => 0,
    hLineColor: () => LINE,
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
};
printer.addTableLayouts(layouts);

async function run(id: number, job: LayoutJob) {
  let pages = 0;
  const { template, ...style } = job.footer;
  const definition: TDocumentDefinitions = {
    ...job.definition,
    footer: (page, count) => {
      pages = count;
      return { text: pageNumberText(template, page, count), alignment: 'center', ...style };
    },
  };
  // Layout and drawing happen here, before the first byte is read.
  const doc = await printer.createPdf(definition).getStream();
  post({ id, type: 'ready', pages });
  let parts: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    const chunk = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      chunk.set(p, at);
      at += p.length;
    }
    parts = [];
    size = 0;
    post({ id, type: 'data', chunk }, [chunk.buffer]);
  };
  await new Promise<void>((resolve, reject) => {
    doc.on('data', (b: Buffer) => {
      parts.push(b);
      size += b.length;
      if (size >= CHUNK) flush();
    });
    doc.on('end', () => {
      flush();
      resolve();
    });
    doc.on('error', reject);
    doc.end();
  });
  post({ id, type: 'end' });
}

port.on('message', (req: WorkerRequest) => {
  run(req.id, JSON.parse(req.job) as LayoutJob).catch((err: unknown) =>
    post({ id: req.id, type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
});
