/** How the board shows a status and a rate: tag colours, month-cell backgrounds, percentages. */
import type { ComplianceTypeItem } from '@ningxin/shared';

export type Status = ComplianceTypeItem['status'];
export const STATUS_COLORS: Record<Status, string> = {
  done: 'success',
  behind: 'error',
  in_progress: 'default',
  exempt: 'default',
};
export const CELL_BACKGROUND: Record<Status, string> = {
  done: '#f6ffed',
  behind: '#fff1f0',
  in_progress: 'transparent',
  exempt: '#f5f5f5',
};

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
