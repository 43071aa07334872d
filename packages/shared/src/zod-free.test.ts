/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

/** The package's modules as text, by path from here ('./roles.ts'). */
const SOURCES = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * The modules a page reads code-table names and money from: the web app bundles each with what it
 * imports, so one import of zod here puts the schemas (about 25 KB gzip) on every page that shows
 * a name.
 */
const ZOD_FREE = [
  './activity-names.ts',
  './audit-names.ts',
  './divisions.ts',
  './org-names.ts',
  './role-names.ts',
  './dues/month-names.ts',
  './evaluation/grade-names.ts',
  './hometown/money.ts',
  './members/code-tables.ts',
  './members/enum-names.ts',
];

/** './a/b.ts' and '../c' → './c.ts'. */
function resolve(from: string, spec: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return `${parts.join('/')}.ts`;
}

/** Every module a file loads, following relative imports (type-only ones load nothing); packages by name. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = SOURCES[file];
  if (text === undefined) throw new Error(`${file} is not in the package`);
  for (const [, spec] of text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gm)) {
    if (!spec) continue;
    if (!spec.startsWith('.')) seen.add(spec);
    else importsOf(resolve(file, spec), seen);
  }
  return seen;
}

describe('code-table names without zod', () => {
  it.each(ZOD_FREE)('%s loads no zod', (file) => {
    expect([...importsOf(file)].filter((m) => m === 'zod')).toEqual([]);
  });

  it('notices an import of zod', () => {
    expect(importsOf('./dues/months.ts').has('zod')).toBe(true);
  });
});
