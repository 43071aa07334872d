import { buffer } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { hasPoppler, inCI, pdfPages } from '../../../test/pdf';
import { AppError } from '../errors';
import { dataTable, formTable, note, paragraph, signatures, title } from './pdf-blocks';
import { layoutJob, type PdfDocument } from './pdf-document';
import { createPdfRenderer } from './pdf-renderer';

const COMMITTEE = '中共张家口市驻京流动党员联合委员会';

/** The width of a table row in columns, counting spans. */
const span = (row: unknown[]) =>
  row.reduce<number>((n, c) => {
    if (c && typeof c === 'object' && 'colSpan' in c) return n + (c.colSpan as number);
    return c && typeof c === 'object' && Object.keys(c).length === 0 ? n : n + 1;
  }, 0);

describe('the page layout', () => {
  it('starts each record after the first on a new page, under the committee, with page numbers', () => {
    const job = layoutJob({ committee: COMMITTEE, title: '测试', records: [['甲'], ['乙'], ['丙']] });
    const content = job.definition.content as { pageBreak?: string }[];
    expect(content.map((r) => r.pageBreak)).toEqual([undefined, 'before', 'before']);
    expect(JSON.stringify(job.definition.header)).toContain(COMMITTEE);
    expect(job.definition.pageSize).toBe('A4');
    expect(job.footer.template).toBe('第 {page} 页 / 共 {pages} 页');
    // Plain data: it crosses to the worker thread as it is.
    expect(JSON.parse(JSON.stringify(job))).toEqual(job);
  });

  it('refuses a document without records', () => {
    expect(() => layoutJob({ committee: COMMITTEE, title: '空', records: [] })).toThrow();
  });
});

describe('a form', () => {
  const sections = [
    {
      heading: '一、基本信息',
      fields: [
        { label: '姓名', value: '张三' },
        { label: '性别', value: '男' },
        { label: '身份证号', value: '130723********1234', wide: true },
        { label: '学历', value: null },
      ],
    },
    { heading: '二、其他', fields: [{ label: '备注', value: '无', wide: true }] },
  ];

  it('sets two fields a row, a wide one alone, each row as wide as the table', () => {
    const plain = formTable({ sections }) as { table: { body: unknown[][]; widths: unknown[] } };
    expect(plain.table.widths).toHaveLength(4);
    expect(plain.table.body).toHaveLength(6); // 2 headings, 3 + 1 field rows
    for (const row of plain.table.body) expect(span(row)).toBe(4);
    const cells = JSON.stringify(plain.table.body);
    expect(cells).toContain('"text":"张三"');
    expect(cells).not.toContain('null');
  });

  it('keeps a photo box beside the first rows', () => {
    const withPhoto = formTable({ sections, photo: { label: '照片', rows: 4 } }) as {
      table: { body: unknown[][]; widths: unknown[] };
    };
    expect(withPhoto.table.widths).toHaveLength(5);
    const body = withPhoto.table.body;
    expect(body[1]![4]).toMatchObject({ text: '照片', rowSpan: 3 }); // the section has 3 rows
    for (const row of body) expect(row).toHaveLength(5);
    for (const row of [body[0]!, ...body.slice(4)]) expect(span(row)).toBe(5);
  });
});

const renderer = createPdfRenderer();
afterAll(() => renderer.close());

const sample = (records: number, rows = 3): PdfDocument => ({
  committee: COMMITTEE,
  title: '样张',
  records: Array.from({ length: records }, (_, i) => [
    title(`第${i + 1}份样张`, '副标题'),
    paragraph('正文。'),
    dataTable(
      ['序号', '姓名', '所在党组织'],
      Array.from({ length: rows }, (_, r) => [r + 1, `党员${r + 1}`, '驻北京通州区流动党委']),
    ),
    note('说明文字'),
    signatures([{ label: '签字', dateLabel: '日期' }]),
  ]),
});

// A worker's first document loads the CJK fonts: seconds on a busy machine (what is tested is the
// outcome, not the time).
describe('the renderer', { timeout: 30_000 }, () => {
  it('writes a PDF once the document is laid out', async () => {
    const out = await renderer.render(sample(2));
    expect(out.pages).toBe(2);
    const pdf = await buffer(out.stream);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
  });

  it('refuses more documents than it takes at once with 503, and writes the ones it took', async () => {
    const small = createPdfRenderer({ maxJobs: 1 });
    try {
      const first = small.render(sample(1));
      const second = small.render(sample(1));
      await expect(second).rejects.toMatchObject({ status: 503, code: 'PDF_BUSY' });
      await expect(second).rejects.toBeInstanceOf(AppError);
      const out = await first;
      expect((await buffer(out.stream)).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await small.close();
    }
  });

  it('rejects a document it cannot lay out before a byte is written, and goes on with the next', async () => {
    // A document reads no file: an image by path is refused.
    await expect(
      renderer.render({ committee: COMMITTEE, title: '坏', records: [[{ image: '/etc/hostname' }]] }),
    ).rejects.toThrow(/PDF not written/);
    expect((await renderer.render(sample(1))).pages).toBe(1);
  });

  it('stops a worker that takes too long, and starts a new one for the next document', async () => {
    const slow = createPdfRenderer({ timeoutMs: 1 });
    try {
      await expect(slow.render(sample(1))).rejects.toThrow(/too long/);
    } finally {
      await slow.close();
    }
  });
});

describe.runIf(hasPoppler || inCI)(
  'what a printed document shows (poppler-utils)',
  { timeout: 30_000 },
  () => {
    it('has pdftotext (poppler-utils)', () => {
      expect(hasPoppler, 'install poppler-utils: apt-get install poppler-utils').toBe(true);
    });

    it('numbers every page of the file, under the committee, a long table going on over pages', async () => {
      const out = await renderer.render(sample(2, 80));
      const pages = pdfPages(await buffer(out.stream));
      expect(pages.length).toBe(out.pages);
      expect(pages.length).toBeGreaterThan(2);
      const flat = pages.map((p) => p.replace(/\s/g, ''));
      flat.forEach((p, i) => {
        expect(p).toContain(COMMITTEE);
        expect(p).toContain(`第${i + 1}页/共${pages.length}页`);
        expect(p).toContain('所在党组织'); // the table's header row, repeated
      });
      // The second record begins on a page of its own.
      const second = flat.findIndex((p) => p.includes('第2份样张'));
      expect(second).toBeGreaterThan(0);
      expect(flat[second - 1]).not.toContain('第2份样张');
      expect(flat[second - 1]).toContain('签字');
    });
  },
);
