/** What every domain topic of the statistics shares: its columns, its total, the domain's read rule. */
import {
  formatFen,
  localIsoDate,
  type StatsColumn,
  type StatsDuesQuery,
  type StatsTopicResponse,
  type StatsTopicRow,
  type StatsYearQuery,
} from '@ningxin/shared';
import { type Actor, permissionsOf } from '../../../policy/policy';
import { thisYear } from '../members/stats.members';

export const col = (key: string, label: string, unit: string): StatsColumn => ({ key, label, unit });
export const yuan = (fen: number) => Number(formatFen(fen, 'yuan'));
export const wan = (fen: number) => Number(formatFen(fen, 'wan'));
/** A rate in percent with one decimal (the services give 0–1), null where nothing was required. */
export const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Adds up rows' values column by column (to two decimals: hours). */
function totalOf(columns: readonly StatsColumn[], rows: readonly StatsTopicRow[]) {
  return Object.fromEntries(
    columns.map((c) => [c.key, Math.round(rows.reduce((s, r) => s + (r.values[c.key] ?? 0), 0) * 100) / 100]),
  );
}

/** The owning domain's read permission of each topic. */
type DomainRead =
  | 'finding.manage'
  | 'meeting.read'
  | 'study.read'
  | 'volunteer.read'
  | 'hometown.read'
  | 'care.read'
  | 'dues.read';

/** What a topic's table is before it is read: its title, year, what a row is, its columns. */
interface TableShape {
  title: string;
  year: number | null;
  rowLabel: string;
  columns: StatsColumn[];
}

/** What a topic read: its rows, and where they say more than the shape, a total, title or year. */
interface TableFill {
  rows: StatsTopicRow[];
  /** Default: the rows added up. */
  total?: StatsTopicResponse['total'];
  title?: string;
  year?: number;
}

/**
 * One topic: the shape of its table for the query, filled by `read` in the domain's read scope.
 * An actor who may read the statistics but not the domain (a host-district viewer and the
 * hometown ledgers, a home-county viewer and the meetings) gets the table with no rows: the
 * domain holds nothing in their scope for them. So does a topic with nothing to read (`null`).
 */
export function topic<Q>(
  name: StatsTopicResponse['topic'],
  reads: DomainRead,
  shape: (q: Q) => TableShape,
  read: (actor: Actor, q: Q, shape: TableShape) => Promise<TableFill | null>,
) {
  return async (actor: Actor, q: Q): Promise<StatsTopicResponse> => {
    const table = shape(q);
    const filled = permissionsOf(actor).includes(reads) ? await read(actor, q, table) : null;
    const rows = filled?.rows ?? [];
    return {
      topic: name,
      title: filled?.title ?? table.title,
      year: filled?.year ?? table.year,
      rowLabel: table.rowLabel,
      columns: table.columns,
      rows,
      total: filled?.total ?? totalOf(table.columns, rows),
    };
  };
}

/** A year's topic: the query's year, this year by default. */
export const yearOf = (q: { year?: number | undefined }) => q.year ?? thisYear();
/** The shape of a year's table whose title, rows and columns do not change with the query. */
export const yearly =
  (title: string, rowLabel: string, columns: StatsColumn[]) =>
  (q: StatsYearQuery): TableShape => ({
    title: `${yearOf(q)}年${title}`,
    year: yearOf(q),
    rowLabel,
    columns,
  });

/** The dues topic's month: the query's, else this month of this year or December of a past year. */
export const monthOf = (q: StatsDuesQuery) =>
  q.month ?? (yearOf(q) === thisYear() ? Number(localIsoDate(new Date()).slice(5, 7)) : 12);
