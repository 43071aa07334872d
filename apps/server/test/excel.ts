import { PassThrough } from 'node:stream';
import { idCheckChar } from '@ningxin/shared';
import ExcelJS from 'exceljs';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid synthetic ID number: region + birth date (YYYYMMDD) + 3-digit sequence (odd = male). */
export function synthId(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** The same number with a wrong check character. */
export function badChecksum(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

/** An .xlsx file built with exceljs's ordinary workbook. */
export async function xlsxOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A large .xlsx file written row by row with the streaming writer. */
export async function streamedXlsx(sheet: string, rows: Iterable<unknown[]>): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r).commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** A workbook from a download, for assertions. */
export async function loadXlsx(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof data === 'string' ? Buffer.from(data, 'binary') : data) as never);
  return wb;
}

/** A sheet's rows as arrays of cell values (1-based columns dropped to 0-based). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => {
    out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

/** A multipart/form-data body as a browser's FormData would send it. */
export async function multipart(
  fields: Record<string, string>,
  file?: { name: string; data: Buffer; type?: string },
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file)
    form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type ?? XLSX }), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  };
}

/** The lines of an application/x-ndjson answer. */
export const ndjson = (body: string) =>
  body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
