/**
 * Hostile .xlsx files that are small on the wire and enormous once inflated: a zip written by hand
 * whose large part is one deflate stream made of the same compressed block repeated (each block
 * ends with a full flush, so it refers to nothing before it and can be repeated as it is). A part
 * of a gigabyte costs a few kilobytes and no time to build. The CRC of a part is not written
 * (the reader does not check it); the sizes are, as a real writer's would be.
 */
import zlib from 'node:zlib';

/** A part given as its text, or as a head, a unit repeated `times` times and a tail. */
export type BombPart = string | { head: string; unit: string; times: number; tail: string };

const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The uncompressed size and the raw deflate data of a part. */
function deflatePart(part: BombPart): { size: number; data: Buffer } {
  if (typeof part === 'string') {
    const raw = Buffer.from(part);
    return { size: raw.length, data: zlib.deflateRawSync(raw) };
  }
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  // About a mebibyte of the unit per block: the block compresses to about a kilobyte.
  const perBlock = Math.max(1, Math.floor(2 ** 20 / Buffer.byteLength(part.unit)));
  const blocks = Math.floor(part.times / perBlock);
  const rest = part.times - blocks * perBlock;
  const block = zlib.deflateRawSync(Buffer.from(part.unit.repeat(perBlock)), flush);
  const head = Buffer.from(part.head + part.unit.repeat(rest));
  const tail = Buffer.from(part.tail);
  return {
    size: head.length + blocks * perBlock * Buffer.byteLength(part.unit) + tail.length,
    data: Buffer.concat([
      zlib.deflateRawSync(head, flush),
      ...Array.from({ length: blocks }, () => block),
      zlib.deflateRawSync(tail),
    ]),
  };
}

/** A zip of deflated parts (UTF-8 names, no CRC), its sizes within 32 bits. */
export function zipOf(parts: Record<string, BombPart>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, part] of Object.entries(parts)) {
    const { size, data } = deflatePart(part);
    if (size >= 2 ** 32) throw new Error(`${name}: ${size} bytes need zip64`);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 name
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    entry.writeUInt16LE(20, 6); // needed
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    central.push(entry, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An .xlsx of one sheet, the sheet and (when given) the shared strings as these parts. */
export function bombXlsx(sheet: BombPart, sharedStrings?: BombPart): Buffer {
  const strings = sharedStrings !== undefined;
  return zipOf({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="党员信息" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>${strings ? `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    ...(strings ? { 'xl/sharedStrings.xml': sharedStrings } : {}),
  });
}

const sheetOf = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>${rows}`;
const SHEET_END = '</sheetData></worksheet>';
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The hostile files an upload of a spreadsheet must refuse with a 4xx, and nothing written. */
export function hostileSpreadsheets(headers: readonly string[]): Record<string, Buffer> {
  const header = `<row r="1">${headers.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
  return {
    // One cell of 1.1 GB: a few kilobytes on the wire.
    'a cell that inflates past 1 GB': bombXlsx({
      head: sheetOf(`${header}<row r="2"><c r="A2" t="inlineStr"><is><t>`),
      unit: '凝'.repeat(1024),
      times: 360_000,
      tail: `</t></is></c></row>${SHEET_END}`,
    }),
    // 1.2 GB of shared strings, 30,000 characters each.
    'shared strings that inflate past 1 GB': bombXlsx(sheetOf(`${header}${SHEET_END}`), {
      head: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${SHEET_NS}">`,
      unit: `<si><t>${'A'.repeat(30_000)}</t></si>`,
      times: 40_000,
      tail: '</sst>',
    }),
    // A million rows without references after the header, then one more than a sheet holds.
    'more rows than a sheet holds': bombXlsx({
      head: sheetOf(header),
      unit: '<row/>',
      times: 1_048_576,
      tail: SHEET_END,
    }),
    'a CSV renamed .xlsx': Buffer.from(`${headers.join(',')}\n张三,110101199001011234\n`),
    'an .xls renamed .xlsx': Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
    'a truncated .xlsx': bombXlsx(sheetOf(`${header}${SHEET_END}`)).subarray(0, 400),
  };
}
