/**
 * .xlsx files written part by part into a zip, laid out the way different writers lay them out:
 * Excel puts the workbook, its rels, the shared strings and the styles before the sheets; WPS and
 * LibreOffice put the shared strings after them; many libraries write inline strings and no
 * shared-strings part, leave out cell references, name sheet parts as they like or give rel
 * targets as absolute part names; the OpenXML SDK prefixes every element (`<x:row>`).
 */
import JSZip from 'jszip';

export interface XlsxLayout {
  /** Parts written after the sheet instead of before it. */
  readonly after?: readonly ('sharedStrings' | 'rels' | 'styles' | 'workbook')[];
  /** Text as shared strings, as shared strings split into rich-text runs, or inline. Default shared. */
  readonly strings?: 'shared' | 'richText' | 'inline';
  /** Whether rows and cells carry their reference (`r="B3"`). Default true. */
  readonly cellRefs?: boolean;
  /** The sheet's part name. Default `xl/worksheets/sheet1.xml`. */
  readonly sheetPath?: string;
  /** Rel targets as absolute part names (`/xl/worksheets/sheet1.xml`). */
  readonly absoluteTargets?: boolean;
  /** A namespace prefix on every SpreadsheetML element. */
  readonly prefix?: string;
  /** Dates as serial numbers in a date-formatted cell (Excel), or as ISO text typed `t="d"`. */
  readonly dates?: 'serial' | 'iso';
  /** Parts deflated (default), stored, or deflated with sizes after the data (streaming writers). */
  readonly zip?: 'deflate' | 'store' | 'dataDescriptors';
}

export const XLSX_VARIANTS = {
  excel: {}, // workbook, rels, shared strings, styles, then the sheet
  sharedStringsAfterSheet: { after: ['sharedStrings'] }, // WPS, LibreOffice
  relsAfterSheet: { after: ['rels'] },
  stylesAfterSheet: { after: ['styles'] },
  workbookAfterSheet: { after: ['workbook'] }, // exceljs's own writer puts workbook.xml last
  inlineStrings: { strings: 'inline' }, // `t="inlineStr"`, no shared-strings part
  richText: { strings: 'richText' }, // runs, phonetic runs, xml:space="preserve"
  noCellRefs: { cellRefs: false },
  namedSheet: { sheetPath: 'xl/worksheets/Sheet_A.xml' },
  absoluteTargets: { absoluteTargets: true },
  prefixed: { prefix: 'x' }, // the OpenXML SDK
  isoDateCells: { dates: 'iso' }, // `t="d"`
  storedParts: { zip: 'store' },
  dataDescriptors: { zip: 'dataDescriptors' },
} as const satisfies Record<string, XlsxLayout>;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text as Excel stores it: a carriage return (which XML would drop) as `_x000D_`, `_x` escaped. */
const xstring = (s: string) => esc(s.replace(/_x/g, '_x005F_x').replace(/\r/g, '_x000D_'));
/** `<t>` keeping leading and trailing spaces, as Excel writes it. */
const textEl = (tag: (n: string) => string, s: string, preserve = /^\s|\s$/.test(s)) =>
  `<${tag('t')}${preserve ? ' xml:space="preserve"' : ''}>${xstring(s)}</${tag('t')}>`;

function colName(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** Days since 1899-12-30, as Excel stores a date. */
const excelSerial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

/**
 * An .xlsx file of one sheet holding `rows`: strings, numbers, booleans, and dates (as serial
 * numbers in a date-formatted cell); null and undefined leave the cell empty.
 */
export async function xlsxAs(
  layout: XlsxLayout,
  rows: readonly (readonly unknown[])[],
  sheetName = '党员信息',
): Promise<Buffer> {
  const { strings = 'shared', cellRefs = true, prefix } = layout;
  const tag = (n: string) => (prefix ? `${prefix}:${n}` : n);
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const sheetPath = layout.sheetPath ?? 'xl/worksheets/sheet1.xml';
  const target = (part: string) => (layout.absoluteTargets ? `/${part}` : part.replace(/^xl\//, ''));
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();

  function cell(v: unknown, ref: string): string {
    const r = cellRefs ? ` r="${ref}"` : '';
    if (v === null || v === undefined) return cellRefs ? '' : `<${tag('c')}/>`;
    if (typeof v === 'number') return `<${tag('c')}${r}><${tag('v')}>${v}</${tag('v')}></${tag('c')}>`;
    if (typeof v === 'boolean')
      return `<${tag('c')}${r} t="b"><${tag('v')}>${v ? 1 : 0}</${tag('v')}></${tag('c')}>`;
    if (v instanceof Date && layout.dates === 'iso')
      return `<${tag('c')}${r} t="d"><${tag('v')}>${v.toISOString()}</${tag('v')}></${tag('c')}>`;
    if (v instanceof Date)
      return `<${tag('c')}${r} s="1"><${tag('v')}>${excelSerial(v)}</${tag('v')}></${tag('c')}>`;
    if (typeof v !== 'string') throw new Error(`no cell for ${typeof v}`);
    if (strings === 'inline')
      return `<${tag('c')}${r} t="inlineStr"><${tag('is')}>${textEl(tag, v)}</${tag('is')}></${tag('c')}>`;
    let index = sharedIndex.get(v);
    if (index === undefined) {
      index = shared.push(v) - 1;
      sharedIndex.set(v, index);
    }
    return `<${tag('c')}${r} t="s"><${tag('v')}>${index}</${tag('v')}></${tag('c')}>`;
  }

  const rowsXml = rows
    .map((values, i) => {
      const cells = values.map((v, c) => cell(v, `${colName(c + 1)}${i + 1}`)).join('');
      if (cellRefs && !cells) return '';
      return `<${tag('row')}${cellRefs ? ` r="${i + 1}"` : ''}>${cells}</${tag('row')}>`;
    })
    .join('');
  const sheet = `${DECL}<${tag('worksheet')} ${ns} xmlns:r="${REL}"><${tag('sheetData')}>${rowsXml}</${tag('sheetData')}></${tag('worksheet')}>`;

  /**
   * Every other string as two rich-text runs (the second styled), the others as plain text; each
   * with a phonetic run, and indented as some libraries write them.
   */
  const richItem = (s: string, i: number) => {
    const cut = Math.ceil(s.length / 2);
    const runs =
      i % 2 === 0
        ? [
            `<${tag('r')}>${textEl(tag, s.slice(0, cut), true)}</${tag('r')}>`,
            `<${tag('r')}><${tag('rPr')}><${tag('b')}/><${tag('sz')} val="11"/><${tag('rFont')} val="宋体"/></${tag('rPr')}>${textEl(tag, s.slice(cut), true)}</${tag('r')}>`,
          ]
        : [textEl(tag, s)];
    runs.push(
      `<${tag('rPh')} sb="0" eb="1">${textEl(tag, 'pīn yīn')}</${tag('rPh')}>`,
      `<${tag('phoneticPr')} fontId="1" type="noConversion"/>`,
    );
    return `\n  <${tag('si')}>\n    ${runs.join('\n    ')}\n  </${tag('si')}>`;
  };
  const sharedStrings =
    `${DECL}<${tag('sst')} ${ns} count="${shared.length}" uniqueCount="${shared.length}">` +
    shared
      .map((s, i) =>
        strings === 'richText' ? richItem(s, i) : `<${tag('si')}>${textEl(tag, s)}</${tag('si')}>`,
      )
      .join('') +
    `</${tag('sst')}>`;

  const styles =
    `${DECL}<${tag('styleSheet')} ${ns}>` +
    `<${tag('fonts')} count="1"><${tag('font')}><${tag('sz')} val="11"/><${tag('name')} val="宋体"/></${tag('font')}></${tag('fonts')}>` +
    `<${tag('fills')} count="1"><${tag('fill')}><${tag('patternFill')} patternType="none"/></${tag('fill')}></${tag('fills')}>` +
    `<${tag('borders')} count="1"><${tag('border')}/></${tag('borders')}>` +
    `<${tag('cellStyleXfs')} count="1"><${tag('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0"/></${tag('cellStyleXfs')}>` +
    `<${tag('cellXfs')} count="2"><${tag('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<${tag('xf')} numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${tag('cellXfs')}>` +
    `</${tag('styleSheet')}>`;

  const hasShared = strings !== 'inline';
  const workbook = `${DECL}<${tag('workbook')} ${ns} xmlns:r="${REL}"><${tag('sheets')}><${tag('sheet')} name="${esc(sheetName)}" sheetId="1" r:id="rId1"/></${tag('sheets')}></${tag('workbook')}>`;
  const rel = (id: string, type: string, part: string) =>
    `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target(part)}"/>`;
  const workbookRels =
    `${DECL}<Relationships xmlns="${PKG_REL}">` +
    rel('rId1', 'worksheet', sheetPath) +
    rel('rId2', 'styles', 'xl/styles.xml') +
    (hasShared ? rel('rId3', 'sharedStrings', 'xl/sharedStrings.xml') : '') +
    '</Relationships>';
  const rootRels = `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${layout.absoluteTargets ? '/' : ''}xl/workbook.xml"/></Relationships>`;
  const override = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="${CT}.${type}+xml"/>`;
  const contentTypes =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('xl/workbook.xml', 'sheet.main') +
    override(sheetPath, 'worksheet') +
    override('xl/styles.xml', 'styles') +
    (hasShared ? override('xl/sharedStrings.xml', 'sharedStrings') : '') +
    '</Types>';

  const parts: [string, string, string?][] = [
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', rootRels],
    ['xl/workbook.xml', workbook, 'workbook'],
    ['xl/_rels/workbook.xml.rels', workbookRels, 'rels'],
    ...(hasShared
      ? [['xl/sharedStrings.xml', sharedStrings, 'sharedStrings'] as [string, string, string]]
      : []),
    ['xl/styles.xml', styles, 'styles'],
  ];
  const after = new Set<string>(layout.after ?? []);
  const zip = new JSZip();
  const add = ([name, xml]: [string, string, string?]) => zip.file(name, xml, { createFolders: false });
  for (const p of parts) if (!p[2] || !after.has(p[2])) add(p);
  add([sheetPath, sheet]);
  for (const p of parts) if (p[2] && after.has(p[2])) add(p);
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: layout.zip === 'store' ? 'STORE' : 'DEFLATE',
    streamFiles: layout.zip === 'dataDescriptors',
  });
}
