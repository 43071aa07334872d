import type { FormInstance, FormRule } from 'antd';

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** Anything with zod's safeParse: a schema from @ningxin/shared. */
interface Parser {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly Issue[] } };
}

/**
 * An antd form rule checking a value with the shared zod schema, so the form and the server give
 * the same (Chinese) message. Empty values are left to a `required` rule.
 */
export function schemaRule(schema: Parser): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error?.issues[0]?.message ?? 'Invalid');
    },
  };
}

/**
 * Checks a whole request body with its shared schema before sending it; puts any issues on the
 * form's fields and returns false.
 */
export function checkWithSchema(form: FormInstance, schema: Parser, body: unknown): boolean {
  const result = schema.safeParse(body);
  if (result.success) return true;
  form.setFields(
    (result.error?.issues ?? []).map((issue) => ({
      name: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      errors: [issue.message],
    })),
  );
  return false;
}
