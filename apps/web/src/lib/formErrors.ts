import type { FormInstance } from 'antd';
import type { ApiError } from './api';

/** Turns a server field path ("scope.orgId", "positions.0.title") into an antd NamePath. */
export function toNamePath(path: string): (string | number)[] {
  return path
    .replace(/^body[./]/, '')
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Puts each field message of a problem response on the matching form item; true when any was set. */
export function applyFieldErrors(form: FormInstance, error: ApiError): boolean {
  if (error.fields.length === 0) return false;
  const fields = error.fields
    .map((f) => ({ name: toNamePath(f.path), errors: [f.message] }))
    .filter((f) => f.name.length > 0);
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
