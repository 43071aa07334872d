/**
 * Reading PDFs as a person would, with Debian's poppler-utils: the text layer (pdftotext), where
 * a word sits on the page (pdftotext -bbox), and how a part of a page looks (pdftoppm). With
 * CI=true a test that needs them fails when they are missing; elsewhere it is skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

/** Whether pdftotext and pdftoppm run here. */
export const hasPoppler =
  spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;

function withFile<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'nx-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): Buffer {
  const r = spawnSync(cmd, args, { maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr?.toString()}`);
  return r.stdout;
}

/** The text of each page, in reading order. */
export function pdfPages(pdf: Buffer): string[] {
  const text = withFile(pdf, (file) => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString());
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescapeXml = (s: string) =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

/** The words of a page with their boxes, in points from the top left. */
export function wordBoxes(pdf: Buffer, page: number): WordBox[] {
  const html = withFile(pdf, (file) =>
    run('pdftotext', [
      '-bbox',
      '-enc',
      'UTF-8',
      '-f',
      String(page),
      '-l',
      String(page),
      file,
      '-',
    ]).toString(),
  );
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    text: unescapeXml(m[5]!),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** A grey image: one byte a pixel, 0 black to 255 white. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function parsePgm(data: Buffer): GrayImage {
  // P5 <width> <height> <maxval> then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return {
    width,
    height,
    pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + width * height)),
  };
}

/** A part of a page as pdftoppm draws it at `dpi` (at 72 dpi a pixel is a point), in grey. */
export function renderArea(pdf: Buffer, page: number, box: WordBox, dpi = 72): GrayImage {
  const k = dpi / 72;
  const x = Math.floor(box.xMin * k);
  const y = Math.floor(box.yMin * k);
  const w = Math.ceil(box.xMax * k) - x;
  const h = Math.ceil(box.yMax * k) - y;
  return withFile(pdf, (file, dir) => {
    const out = path.join(dir, 'area');
    run('pdftoppm', [
      ...['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile'],
      ...['-x', String(x), '-y', String(y), '-W', String(w), '-H', String(h)],
      file,
      out,
    ]);
    return parsePgm(readFileSync(`${out}.pgm`));
  });
}

/** How much ink an image holds: the mean darkness, 0 (blank) to 1 (solid black). */
export function ink(img: GrayImage): number {
  let sum = 0;
  for (const p of img.pixels) sum += 255 - p;
  return sum / (255 * img.pixels.length);
}

/**
 * A line of `count` characters as a vector: each character's cell split into a 3 × 3 grid, the
 * darkness of each part. Two drawings of the same characters give nearly the same vector, whatever
 * fraction of a pixel they are shifted by; a box (tofu) gives another.
 */
export function glyphSignature(img: GrayImage, count: number): number[] {
  const out: number[] = [];
  const cellW = img.width / count;
  for (let c = 0; c < count; c++)
    for (let gy = 0; gy < 3; gy++)
      for (let gx = 0; gx < 3; gx++) {
        const x0 = Math.floor(c * cellW + (gx * cellW) / 3);
        const x1 = Math.max(x0 + 1, Math.floor(c * cellW + ((gx + 1) * cellW) / 3));
        const y0 = Math.floor((gy * img.height) / 3);
        const y1 = Math.max(y0 + 1, Math.floor(((gy + 1) * img.height) / 3));
        let sum = 0;
        for (let y = y0; y < y1; y++)
          for (let x = x0; x < x1; x++) sum += 255 - img.pixels[y * img.width + x]!;
        out.push(sum / (255 * (x1 - x0) * (y1 - y0)));
      }
  return out;
}

/** How alike two signatures are (their correlation): 1 for the same shape, about 0 for unrelated ones. */
export function similarity(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((v, i) => {
    const x = v - ma;
    const y = b[i]! - mb;
    dot += x * y;
    na += x * x;
    nb += y * y;
  });
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const require = createRequire(import.meta.url);

/**
 * A one-line PDF of `text` at `fontSize`, drawn by pdfmake in this thread straight from the font
 * file of the package: what the characters look like in that font, whatever the PDF service does.
 */
export async function referencePdf(text: string, fontSize: number): Promise<Buffer> {
  const pdfmake = require('pdfmake') as typeof import('pdfmake') & {
    virtualfs: { writeFileSync(name: string, content: Buffer): void };
  };
  const font = readFileSync(
    require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  );
  pdfmake.virtualfs.writeFileSync('reference.ttf', font);
  pdfmake.setFonts({ Reference: { normal: 'reference.ttf', bold: 'reference.ttf' } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: 72,
      content: [{ text, fontSize }],
      defaultStyle: { font: 'Reference' },
    })
    .getBuffer();
}
