import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { XLSX_VARIANTS, xlsxAs } from '../../../test/xlsx-variants';
import { cellText, normalizeHeader, plainCell } from './cells';
import {
  BadWorkbookError,
  HeaderNotFoundError,
  openTable,
  type TableRow,
  type TableSpec,
} from './table-reader';
import { TEMP_PREFIX } from './workbook-reader';

const spec: TableSpec = {
  columns: {
    姓名: ['名字'],
    身份证号: ['身份证号码', '公民身份号码'],
    手机号: ['联系电话', '手机'],
    入党日期: ['入党时间'],
    备注: [],
  },
};

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Readable> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Readable.from(Buffer.from(await wb.xlsx.writeBuffer()));
}

async function readAll(input: Readable, s = spec) {
  const table = await openTable(input, s);
  const rows: TableRow[] = [];
  for await (const r of table.rows) rows.push(r);
  return { table, rows };
}

/** This process's temporary copies of streamed workbooks. */
const tempCopies = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(TEMP_PREFIX));

describe('normalizeHeader', () => {
  it('ignores spaces, width, case, required marks and a bracketed remark', () => {
    expect(normalizeHeader(' 身份证号（必填） ')).toBe('身份证号');
    expect(normalizeHeader('*姓 名')).toBe('姓名');
    expect(normalizeHeader('入党时间[年月]')).toBe('入党时间');
    expect(normalizeHeader('ＩＤ：')).toBe('id');
  });
});

describe('plainCell', () => {
  it('trims every kind of space and drops what is not a value', () => {
    expect(plainCell('\u3000张三 \u00a0')).toBe('张三');
    expect(plainCell('   ')).toBeNull();
    expect(plainCell(Number.NaN)).toBeNull();
    expect(plainCell(new Date(Number.NaN))).toBeNull();
    expect(plainCell(false)).toBe(false);
    expect(cellText(new Date(Date.UTC(2002, 8, 1)))).toBe('2002-09-01');
  });
});

describe('openTable', () => {
  it('skips a merged title row, maps synonyms, trims, and skips empty rows including trailing ones', async () => {
    const input = await xlsx((wb) => {
      const ws = wb.addWorksheet('名单');
      ws.addRow(['张家口市驻京流动党员花名册']);
      ws.mergeCells('A1:F1');
      ws.addRow(['填报单位：通州', null, null, '填报日期：2024-01-01']);
      ws.addRow(['序号', ' 姓 名 ', '公民身份号码', '联系电话', '入党时间', '手机']);
      ws.addRow([1, ' 张三 ', '13073219900101123X', 13800138000, new Date(Date.UTC(2012, 6, 1))]);
      ws.addRow([]);
      ws.addRow([2, '李四\u3000', '130732199001011256', '13800138001', '2012年7月']);
      ws.addRow([null, '  ', '']);
      ws.addRow([]);
      ws.getCell('B12').value = ' ';
    });
    const { table, rows } = await readAll(input);
    expect(table.headerRow).toBe(3);
    expect(table.columns).toEqual(['姓名', '身份证号', '手机号', '入党日期']);
    expect(table.unknownHeaders).toEqual(['序号']);
    expect(rows).toEqual([
      {
        row: 4,
        cells: {
          姓名: '张三',
          身份证号: '13073219900101123X',
          手机号: 13800138000,
          入党日期: new Date(Date.UTC(2012, 6, 1)),
        },
      },
      {
        row: 6,
        cells: { 姓名: '李四', 身份证号: '130732199001011256', 手机号: '13800138001', 入党日期: '2012年7月' },
      },
    ]);
  });

  it('finds the table on a later sheet, past an instructions sheet and skipping hidden sheets', async () => {
    const input = await xlsx((wb) => {
      const help = wb.addWorksheet('填写说明');
      help.addRow(['列名', '说明']);
      for (const h of ['姓名', '身份证号', '手机号']) help.addRow([h, '必填']);
      const hidden = wb.addWorksheet('代码表', { state: 'hidden' });
      hidden.addRow(['姓名', '身份证号', '手机号']);
      hidden.addRow(['不该读到']);
      const data = wb.addWorksheet('党员信息');
      data.addRow(['姓名', '身份证号', '手机号', '备注']);
      data.addRow(['王五', '1', '2', '  ']);
    });
    const { table, rows } = await readAll(input);
    expect(table.sheetName).toBe('党员信息');
    expect(rows).toEqual([{ row: 2, cells: { 姓名: '王五', 身份证号: '1', 手机号: '2' } }]);
  });

  it('looks for the header in the first 10 rows only', async () => {
    const input = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getCell('A11').value = '姓名';
      ws.getCell('B11').value = '身份证号';
      ws.getCell('C11').value = '手机号';
    });
    await expect(openTable(input, spec)).rejects.toBeInstanceOf(HeaderNotFoundError);
  });

  it('needs at least three known headers in one row', async () => {
    const input = await xlsx((wb) => wb.addWorksheet('s').addRow(['姓名', '身份证号', '年龄']));
    await expect(openTable(input, spec)).rejects.toBeInstanceOf(HeaderNotFoundError);
  });

  it('refuses what is not an xlsx workbook', async () => {
    await expect(openTable(Readable.from(Buffer.from('姓名,身份证号\n')), spec)).rejects.toBeInstanceOf(
      BadWorkbookError,
    );
  });

  it('reads a file written by the streaming writer and leaves no temporary file behind', async () => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
    const data = wb.addWorksheet('党员信息');
    data.addRow(['姓名', '身份证号', '手机号']).commit();
    // Chinese text everywhere: chunk boundaries fall inside characters.
    const name = (i: number) => `驻北京通州区流动党委第${i}号党员`;
    for (let i = 0; i < 3000; i++) data.addRow([name(i), `身份证${i}`, `手机${i}`]).commit();
    const after = wb.addWorksheet('另一页');
    after.addRow(['x']).commit();
    await wb.commit();
    const buf = Buffer.concat(chunks);

    const { rows } = await readAll(Readable.from(buf));
    expect(rows).toHaveLength(3000);
    expect(rows).toEqual(
      Array.from({ length: 3000 }, (_, i) => ({
        row: i + 2,
        cells: { 姓名: name(i), 身份证号: `身份证${i}`, 手机号: `手机${i}` },
      })),
    );

    // The same through the shared-strings table of an ordinary workbook.
    const shared = await xlsx((wb) => {
      const ws = wb.addWorksheet('党员信息');
      ws.addRow(['姓名', '身份证号', '手机号']);
      for (let i = 0; i < 3000; i++) ws.addRow([name(i), `身份证${i}`, `手机${i}`]);
    });
    const again = await readAll(shared);
    expect(again.rows.map((r) => r.cells.姓名)).toEqual(Array.from({ length: 3000 }, (_, i) => name(i)));

    // The stream was copied to a temporary file, removed once read; stopping early removes it too.
    expect(tempCopies()).toEqual([]);
    const table = await openTable(Readable.from(buf), spec);
    expect(tempCopies()).toHaveLength(1);
    for await (const r of table.rows) if (r.row > 10) break;
    expect(tempCopies()).toEqual([]);
    await expect(openTable(Readable.from(Buffer.from('PK\x03\x04 not a zip')), spec)).rejects.toBeInstanceOf(
      BadWorkbookError,
    );
    expect(tempCopies()).toEqual([]);
  });

  it('reads a stream of a file from the file itself, without a copy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'table-reader-test-'));
    try {
      const file = path.join(dir, 'a.xlsx');
      fs.writeFileSync(
        file,
        await xlsxAs(XLSX_VARIANTS.excel, [
          ['姓名', '身份证号', '手机号'],
          ['张三', '1', 2],
        ]),
      );
      const table = await openTable(fs.createReadStream(file), spec);
      expect(tempCopies()).toEqual([]);
      const rows: TableRow[] = [];
      for await (const r of table.rows) rows.push(r);
      expect(rows).toEqual([{ row: 2, cells: { 姓名: '张三', 身份证号: '1', 手机号: 2 } }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads rich text, a formula as its cached result, a hyperlink as its text, an error cell as empty', async () => {
    const input = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow([
        { richText: [{ text: '姓' }, { font: { bold: true }, text: '名' }] },
        '身份证号',
        '手机号',
        '备注',
      ]);
      ws.addRow([
        { richText: [{ text: '赤城' }, { font: { italic: true }, text: '县 ' }] },
        { formula: 'TEXT(1,"0")', result: ' 13073219900101123X ' },
        { formula: '13800138000+0', result: 13800138000 },
        { text: '张三', hyperlink: 'mailto:x@example.com' },
      ]);
      ws.addRow(['李四', { error: '#N/A' }, '13800138001', { formula: 'A1' }]);
    });
    const { rows } = await readAll(input);
    expect(rows).toEqual([
      {
        row: 2,
        cells: { 姓名: '赤城县', 身份证号: '13073219900101123X', 手机号: 13800138000, 备注: '张三' },
      },
      { row: 3, cells: { 姓名: '李四', 手机号: '13800138001' } },
    ]);
  });
});

/** A sheet with what people type: a title above the header, Chinese text, numbers, dates both ways. */
// biome-ignore format: a sheet reads best one row per line
const VARIANT_ROWS = [
  ['张家口市驻京流动党员花名册'],
  ['序号', '姓名', '公民身份号码', '联系电话', '入党时间', '备注'],
  [1, '张三', '13073219900101123X', 13800138000, new Date(Date.UTC(2012, 6, 1)), ' 赤城县 & 康保县 '],
  [2, '欧阳 娜娜', '130732199001011256', '13800138001', '2012-07-01', null],
  [],
  [3, '王五', null, '13800138002', new Date(Date.UTC(2003, 8, 1)), '<老党员>\r\n联络员'],
];

const VARIANT_TABLE = {
  sheetName: '党员信息',
  headerRow: 2,
  columns: ['姓名', '身份证号', '手机号', '入党日期', '备注'],
  unknownHeaders: ['序号'],
};

// biome-ignore format: a table reads best one row per line
const VARIANT_EXPECTED: TableRow[] = [
  { row: 3, cells: { 姓名: '张三', 身份证号: '13073219900101123X', 手机号: 13800138000, 入党日期: new Date(Date.UTC(2012, 6, 1)), 备注: '赤城县 & 康保县' } },
  { row: 4, cells: { 姓名: '欧阳 娜娜', 身份证号: '130732199001011256', 手机号: '13800138001', 入党日期: '2012-07-01' } },
  { row: 6, cells: { 姓名: '王五', 手机号: '13800138002', 入党日期: new Date(Date.UTC(2003, 8, 1)), 备注: '<老党员>\r\n联络员' } },
];

describe('openTable, whichever writer laid out the workbook', () => {
  it.each(Object.entries(XLSX_VARIANTS))('%s', async (_, layout) => {
    const { table, rows } = await readAll(Readable.from(await xlsxAs(layout, VARIANT_ROWS)));
    expect(table).toMatchObject(VARIANT_TABLE);
    expect(rows).toEqual(VARIANT_EXPECTED);
  });

  it.each([2, 5000])(
    'reads shared strings stored after a sheet of %i rows, Chinese text intact',
    async (n) => {
      const name = (i: number) => `驻北京通州区流动党委第${i}号党员`;
      const rows = [
        ['姓名', '身份证号', '手机号'],
        ...Array.from({ length: n }, (_, i) => [name(i), `身份证${i}`, i]),
      ];
      const { rows: read } = await readAll(
        Readable.from(await xlsxAs(XLSX_VARIANTS.sharedStringsAfterSheet, rows)),
      );
      expect(read).toEqual(
        Array.from({ length: n }, (_, i) => ({
          row: i + 2,
          cells: { 姓名: name(i), 身份证号: `身份证${i}`, 手机号: i },
        })),
      );
    },
  );

  it('refuses a workbook whose cells point at shared strings it does not have', async () => {
    const zip = await JSZip.loadAsync(await xlsxAs(XLSX_VARIANTS.sharedStringsAfterSheet, VARIANT_ROWS));
    zip.file(
      'xl/sharedStrings.xml',
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    );
    const broken = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(openTable(Readable.from(broken), spec)).rejects.toBeInstanceOf(BadWorkbookError);
    zip.remove('xl/sharedStrings.xml');
    const missing = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(openTable(Readable.from(missing), spec)).rejects.toBeInstanceOf(BadWorkbookError);
  });
});
