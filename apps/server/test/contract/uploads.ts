/**
 * Upload requests built from an operation's multipart form (operations.ts): the form's text
 * fields, fitting or hostile, and a file that is not what its name says — random bytes, a malformed
 * .xlsx, a CSV renamed .xlsx, a zip cut off — and, for a spreadsheet (a file part that names the
 * template's columns, `x-columns`), the small files built to exhaust a reader (test/zip-bomb.ts)
 * with the template's header row, so that a reader gets past the header to the harm.
 */
import fc from 'fast-check';
import { hostileSpreadsheets, zipOf } from '../zip-bomb';
import type { JsonSchema, Operation } from './operations';
import { conforming, hostile, type KnownIds } from './values';

const BOUNDARY = 'nx-form-boundary';

export interface FormBody {
  contentType: string;
  payload: Buffer;
  note: string;
}

/** A multipart/form-data body: the text fields, then the file part `file`. */
export function formData(fields: Record<string, string>, file: Buffer, note: string): FormBody {
  const head = Object.entries(fields)
    .map(([name, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`)
    .join('');
  const filePart =
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="名单.xlsx"\r\n` +
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n';
  return {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: Buffer.concat([Buffer.from(head + filePart), file, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    note: `upload: ${note}`,
  };
}

/** The columns of a spreadsheet upload's template, or null for a file of another kind. */
export const columnsOf = (form: JsonSchema): string[] | null => form.properties?.file?.['x-columns'] ?? null;

/** Files named .xlsx that are no readable workbook, each a few hundred bytes. */
const BROKEN_FILES: Record<string, Buffer> = {
  'a malformed .xlsx': Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 0x41)]),
  'a CSV renamed .xlsx': Buffer.from('姓名,身份证号,手机号\n张三,110101199001011234,13800138000\n'),
  'a truncated zip': zipOf({ 'a.txt': 'x'.repeat(2000) }).subarray(0, 60),
  'a zip with no workbook in it': zipOf({ '[Content_Types].xml': '<Types/>' }),
};

/** Every hostile file for the form: the broken ones, and for a spreadsheet the reader's bombs (a few KB each). */
export function hostileFiles(form: JsonSchema): Record<string, Buffer> {
  const columns = columnsOf(form);
  return columns ? { ...BROKEN_FILES, ...hostileSpreadsheets(columns) } : BROKEN_FILES;
}

const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** The form's text fields: all fitting (optional ones now and then), or one of them hostile. */
function fieldsOf(form: JsonSchema, ids: KnownIds): fc.Arbitrary<Record<string, string>> {
  const fields = Object.entries(form.properties ?? {}).filter(([name]) => name !== 'file');
  const required = new Set(form.required ?? []);
  const fitting = fc.tuple(
    ...fields.map(([name, schema]) =>
      required.has(name)
        ? conforming(schema, ids, name).map((v) => [name, text(v)] as const)
        : fc.option(
            conforming(schema, ids, name).map((v) => [name, text(v)] as const),
            { freq: 2 },
          ),
    ),
  );
  const all = fitting.map((pairs) => Object.fromEntries(pairs.filter((p) => p !== null)));
  if (fields.length === 0) return all;
  const broken = fc
    .tuple(all, fc.constantFrom(...fields.map(([name]) => name)), hostile)
    .map(([values, name, v]) => ({ ...values, [name]: text(v) }));
  return fc.oneof({ weight: 3, arbitrary: all }, { weight: 1, arbitrary: broken });
}

/** An upload for the operation's form: generated fields and a random or broken file. */
export function uploadFor(op: Operation, ids: KnownIds): fc.Arbitrary<FormBody> {
  const form = op.multipart!;
  const file = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ name: 'random bytes', data: Buffer.from(bytes) })),
    fc.constantFrom(...Object.entries(BROKEN_FILES)).map(([name, data]) => ({ name, data })),
  );
  return fc.tuple(fieldsOf(form, ids), file).map(([fields, f]) => formData(fields, f.data, f.name));
}

/** The form's required fields with fitting values (the same each run), to carry a hostile file deep. */
export function fittingFields(form: JsonSchema, ids: KnownIds, seed: number): Record<string, string> {
  const required = (form.required ?? []).filter((name) => name !== 'file');
  return Object.fromEntries(
    required.map((name) => [
      name,
      text(fc.sample(conforming(form.properties![name]!, ids, name), { numRuns: 1, seed })[0]),
    ]),
  );
}
