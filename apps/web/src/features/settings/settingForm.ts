import type { DuesBracket } from '@ningxin/shared';
import type { FormRule } from 'antd';

/**
 * A setting's form holds `{ value }`, so that a field's name is its path in the value with `value`
 * in front: exactly the path the server names in a 400 (`value.salaried.1.to`).
 */
export interface SettingFormValues {
  value: unknown;
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** Anything with zod's safeParse: a setting's schema from @ningxin/shared. */
interface Parser {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly Issue[] } };
}

/** The setting's schema over the whole form: issue paths start with `value`, like the server's. */
export function formParser(schema: Parser): Parser {
  return {
    safeParse(values: unknown) {
      const result = schema.safeParse((values as SettingFormValues | undefined)?.value);
      if (result.success) return result;
      return {
        success: false,
        error: { issues: (result.error?.issues ?? []).map((i) => ({ ...i, path: ['value', ...i.path] })) },
      };
    },
  };
}

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) =>
  a.length === b.length && a.every((part, i) => String(part) === String(b[i]));

/**
 * A rule for one field of a setting: the whole value is checked by the shared schema, so that a
 * rule between fields (brackets without gaps, cadres' hours not below members') shows on the
 * field it names, with the server's message.
 */
export function valueFieldRule(schema: Parser, name: readonly (string | number)[]): FormRule {
  return ({ getFieldsValue }) => ({
    validator: async (_rule, own: unknown) => {
      // An empty field is the `required` rule's to report (or, for a bracket's start, the bound before it).
      if (own === undefined || own === null || own === '') return;
      const result = formParser(schema).safeParse(getFieldsValue(true));
      const issue = result.error?.issues.find((i) => samePath(i.path, name));
      if (issue) throw new Error(issue.message);
    },
  });
}

export type BracketRow = { [K in keyof DuesBracket]: DuesBracket[K] | undefined };

/**
 * Brackets chained the way the rules want them: the first from 0, each from where the one before
 * ends, the last one without an upper bound. The form lets the user edit bounds and rates only.
 */
export function chainBrackets(rows: readonly BracketRow[]): BracketRow[] {
  return rows.map((row, i) => ({
    ...row,
    from: i === 0 ? 0 : (rows[i - 1]?.to ?? undefined),
    to: i === rows.length - 1 ? null : (row.to ?? undefined),
  }));
}

/** The form's value made whole again after an edit (brackets re-chained); null when it needs nothing. */
export function normalizedValue(key: string, value: unknown): unknown | null {
  if (key !== 'dues.rules' || !value || typeof value !== 'object') return null;
  const rules = value as { salaried?: BracketRow[]; retired?: BracketRow[] };
  const next = {
    ...rules,
    salaried: chainBrackets(rules.salaried ?? []),
    retired: chainBrackets(rules.retired ?? []),
  };
  return JSON.stringify(next) === JSON.stringify(rules) ? null : next;
}
