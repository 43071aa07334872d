/**
 * The rows an import validated, kept in a private temporary file until they are written: the
 * commit then needs neither the spreadsheet nor the validation again, and 100,000 validated
 * rows never sit in memory. The file holds what the upload holds (it lives as long as the
 * request and is removed with it), one JSON line per row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MemberCreateBody } from '@ningxin/shared';
import type { ParsedId } from '../record/members.record';

export interface SpooledMember {
  body: MemberCreateBody;
  id: ParsedId;
}

export interface Spool {
  /** The file the rows are kept in. */
  readonly file: string;
  /** How many rows were added. */
  readonly count: number;
  /** The orgs the rows go to. */
  readonly orgIds: ReadonlySet<number>;
  add(members: readonly SpooledMember[]): Promise<void>;
  /** The rows in the order they were added, `size` at a time (the last batch may be shorter). */
  batches(size: number): AsyncGenerator<SpooledMember[], void, undefined>;
  /** Removes the file (safe to call twice). */
  dispose(): Promise<void>;
}

type Line = [MemberCreateBody, string, string, string | undefined];

export async function createSpool(): Promise<Spool> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ningxin-import-'));
  const file = path.join(dir, 'rows.ndjson');
  const handle = await fs.promises.open(file, 'wx', 0o600);
  let count = 0;
  const orgIds = new Set<number>();
  let writing = true;
  const finishWriting = async () => {
    if (writing) {
      writing = false;
      await handle.close();
    }
  };
  return {
    file,
    get count() {
      return count;
    },
    orgIds,
    async add(members) {
      if (members.length === 0) return;
      let text = '';
      for (const { body, id } of members) {
        const line: Line = [body, id.birthDate, id.gender, id.idHash];
        orgIds.add(body.orgId);
        text += `${JSON.stringify(line)}\n`;
      }
      await handle.write(text);
      count += members.length;
    },
    async *batches(size) {
      await finishWriting();
      let batch: SpooledMember[] = [];
      let rest = '';
      for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        for (const text of lines) {
          const [body, birthDate, gender, idHash] = JSON.parse(text) as Line;
          batch.push({ body, id: { idNumber: body.idNumber, birthDate, gender, idHash } });
          if (batch.length === size) {
            yield batch;
            batch = [];
          }
        }
      }
      if (batch.length) yield batch;
    },
    async dispose() {
      await finishWriting().catch(() => undefined);
      await fs.promises.rm(dir, { recursive: true, force: true });
    },
  };
}
