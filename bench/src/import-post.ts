const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One line of the import's progress stream (application/x-ndjson). */
// biome-ignore lint/suspicious/noExplicitAny: the stream's lines are read by their `type`
export type ImportLine = Record<string, any>;

export interface ImportAnswer {
  /** Rows committed, from the stream's report line; null when none came. */
  imported: number | null;
  /** How the stream ended: its report, an error line, or the connection's failure. */
  end: string;
}

/**
 * Imports a member sheet as the page does: the check (multipart), then the commit of its stage
 * with a progress stream, read to its end, each line handed to `onLine` as it arrives.
 */
export async function postImport(
  url: string,
  cookie: string,
  file: Buffer,
  orgId: number,
  onLine?: (line: ImportLine) => void,
): Promise<ImportAnswer> {
  const form = new FormData();
  form.set('orgId', String(orgId));
  form.set('file', new Blob([new Uint8Array(file)], { type: XLSX }), 'members.xlsx');
  let imported: number | null = null;
  let end = 'stream ended';
  try {
    const checked = await fetch(`${url}/api/v1/members/import`, {
      method: 'POST',
      headers: { cookie, origin: url },
      body: form,
    });
    const check = (await checked.json()) as { stage?: { id: string } | null };
    if (!checked.ok || !check.stage)
      throw new Error(`import check: HTTP ${checked.status} ${JSON.stringify(check).slice(0, 300)}`);
    const res = await fetch(`${url}/api/v1/members/import/stages/${check.stage.id}/commit`, {
      method: 'POST',
      headers: { cookie, accept: 'application/x-ndjson', origin: url },
    });
    if (!res.ok || !res.body) throw new Error(`import: HTTP ${res.status} ${await res.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      buffer += decoder.decode(next.value, { stream: true });
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = JSON.parse(buffer.slice(0, nl)) as ImportLine;
        buffer = buffer.slice(nl + 1);
        onLine?.(line);
        if (line.type === 'report') {
          imported = line.imported;
          end = `report: ${line.imported} imported`;
        } else if (line.type === 'error') end = `error line: ${line.code}`;
      }
    }
  } catch (err) {
    end = `connection: ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}`;
  }
  return { imported, end };
}
