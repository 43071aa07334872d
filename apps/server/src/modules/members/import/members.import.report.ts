/** The import's report as it is built, row by row. */
import type { ImportError, ImportReport } from '@ningxin/shared';

/** The report so far; errors past `max` are counted, not kept. */
export function reportBuilder(max: number) {
  const kept: ImportError[] = [];
  let count = 0;
  let total = 0;
  let valid = 0;
  return {
    /** Counts a row; returns how many so far. */
    row: () => ++total,
    get total() {
      return total;
    },
    valid: (n: number) => {
      valid += n;
    },
    add(errors: ImportError[]) {
      count += errors.length;
      kept.push(...errors.slice(0, Math.max(0, max - kept.length)));
    },
    get clean() {
      return count === 0;
    },
    done(committed = false, imported = 0): ImportReport {
      const errors =
        count > kept.length
          ? [
              ...kept,
              {
                row: 0,
                column: '',
                value: '',
                code: 'IMPORT_TOO_MANY_ERRORS',
                message: `共有 ${count} 处错误，仅列出前 ${kept.length} 处；请先改正这些问题后重新上传`,
              },
            ]
          : kept;
      return { total, valid, errors, committed, imported };
    },
  };
}

export type ReportBuilder = ReturnType<typeof reportBuilder>;
