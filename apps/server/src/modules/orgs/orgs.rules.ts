import {
  BRANCH_MEMBER_SOFT_LIMIT,
  DEFAULT_TERM_YEARS,
  type OrgKind,
  POSITION_TITLE_LABELS,
  type PositionTitle,
} from '@ningxin/shared';
import type { OrgRow, PositionRow } from './orgs.repository';

/**
 * Rules of DOMAIN.md an org does not meet: shown to the secretary, never enforced.
 * `memberCount` is null until the members domain counts them.
 */
export function orgWarnings(
  org: OrgRow,
  positions: PositionRow[],
  memberCount: number | null,
  today = new Date().toISOString().slice(0, 10),
): string[] {
  if (org.closedAt) return [];
  const warnings: string[] = [];
  const kind = org.kind as OrgKind;
  const current = positions.filter((p) => !p.termEnd || p.termEnd >= today);
  if (kind !== 'group' && !current.some((p) => p.title === 'secretary')) warnings.push('未配备书记');
  if (kind === 'branch' && memberCount !== null && memberCount > BRANCH_MEMBER_SOFT_LIMIT) {
    warnings.push(
      `党员 ${memberCount} 名，超过支部一般不超过 ${BRANCH_MEMBER_SOFT_LIMIT} 名的规定，可考虑分设`,
    );
  }
  for (const p of positions) {
    const label = POSITION_TITLE_LABELS[p.title as PositionTitle] ?? p.title;
    if (p.termEnd && p.termEnd < today) continue;
    const due = addYears(p.termStart, DEFAULT_TERM_YEARS);
    if (due < today)
      warnings.push(
        `${label}${p.holderName}任期自 ${p.termStart} 起已满 ${DEFAULT_TERM_YEARS} 年，应按期换届`,
      );
  }
  return warnings;
}

function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-');
  return `${Number(y) + years}-${m}-${d}`;
}
