import ExcelJS from 'exceljs';
import { memberSheetRows, xlsxFile } from './import-files';
import { latencyOf } from './stats';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportTiming {
  rows: number;
  fileMb: number;
  /** The check: upload, every row validated and staged. */
  dryRunSeconds: number;
  /** The commit of the staged rows (no upload). */
  commitSeconds: number;
  totalSeconds: number;
  imported: number;
}

async function post(url: string, cookie: string, path: string, body?: FormData) {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/members/import${path}`, {
    method: 'POST',
    headers: { cookie },
    ...(body ? { body } : {}),
  });
  const report = (await res.json()) as {
    valid?: number;
    errors?: unknown[];
    imported?: number;
    committed?: boolean;
    stage?: { id: string } | null;
  };
  const seconds = (performance.now() - started) / 1000;
  if (!res.ok || (report.errors?.length ?? 0) > 0)
    throw new Error(`import ${path || 'check'}: HTTP ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
  return { seconds, report };
}

/**
 * A sheet of `rows` members checked (the server validates every row and stages them) and then
 * imported by the check's stage in one commit, as the office does.
 */
export async function timeImport(
  url: string,
  cookie: string,
  orgId: number,
  rows: number,
  part: 0 | 1,
): Promise<ImportTiming> {
  const file = await xlsxFile('党员信息', memberSheetRows(rows, part));
  const form = new FormData();
  form.set('orgId', String(orgId));
  form.set('file', new Blob([new Uint8Array(file)], { type: XLSX }), 'members.xlsx');
  const check = await post(url, cookie, '', form);
  if (!check.report.stage) throw new Error('the check kept no stage');
  const commit = await post(url, cookie, `/stages/${check.report.stage.id}/commit`);
  if (commit.report.imported !== rows) throw new Error(`imported ${commit.report.imported} of ${rows}`);
  return {
    rows,
    fileMb: Math.round((file.length / 2 ** 20) * 10) / 10,
    dryRunSeconds: check.seconds,
    commitSeconds: commit.seconds,
    totalSeconds: check.seconds + commit.seconds,
    imported: commit.report.imported,
  };
}

export interface ExportTiming {
  rows: number;
  fileMb: number;
  runs: number;
  medianSeconds: number;
}

/** Downloads the export of a filtered list `runs` times; the time is until the last byte. */
export async function timeExport(
  url: string,
  cookie: string,
  query: string,
  rows: number,
  runs = 3,
): Promise<ExportTiming> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/api/v1/members/export?${query}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`export: HTTP ${res.status} ${await res.text()}`);
    const file = Buffer.from(await res.arrayBuffer());
    samples.push((performance.now() - started) / 1000);
    bytes = file.length;
    // A streamed download fails after its 200: count the rows to know the file is whole.
    if (i === 0) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as never);
      const found = (wb.worksheets[0]?.actualRowCount ?? 0) - 1;
      if (found !== rows) throw new Error(`export held ${found} rows, not ${rows}`);
    }
  }
  return {
    rows,
    fileMb: Math.round((bytes / 2 ** 20) * 10) / 10,
    runs,
    medianSeconds: latencyOf(samples).median,
  };
}
