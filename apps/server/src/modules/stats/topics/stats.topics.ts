import {
  formatFen,
  HONOUR_LEVEL_LABELS,
  HONOUR_LEVELS,
  localIsoDate,
  type StatsColumn,
  type StatsDuesQuery,
  type StatsFindingQuery,
  type StatsTopicResponse,
  type StatsTopicRow,
  type StatsYearQuery,
} from '@ningxin/shared';
import type { ServiceRegistry } from '../../../lib/modules';
import { type Actor, permissionsOf } from '../../../policy/policy';
import { thisYear } from '../members/stats.members';

export interface TopicDeps {
  finding: ServiceRegistry['finding'];
  compliance: ServiceRegistry['compliance'];
  study: ServiceRegistry['study'];
  service: ServiceRegistry['service'];
  hometown: ServiceRegistry['hometown'];
  care: ServiceRegistry['care'];
  dues: ServiceRegistry['dues'];
}

const col = (key: string, label: string, unit: string): StatsColumn => ({ key, label, unit });
const yuan = (fen: number) => Number(formatFen(fen, 'yuan'));
const wan = (fen: number) => Number(formatFen(fen, 'wan'));
/** A rate in percent with one decimal (the services give 0–1), null where nothing was required. */
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Adds up rows' values column by column. */
function totalOf(columns: readonly StatsColumn[], rows: readonly StatsTopicRow[]) {
  return Object.fromEntries(
    columns.map((c) => [c.key, rows.reduce((s, r) => s + (r.values[c.key] ?? 0), 0)]),
  );
}

/**
 * An actor who may read the statistics but not the domain (a host-district viewer and the
 * hometown ledgers, a home-county viewer and the meetings) sees the table with no rows: the
 * domain holds nothing in their scope for them.
 */
function readable(
  actor: Actor,
  action:
    | 'finding.manage'
    | 'meeting.read'
    | 'study.read'
    | 'volunteer.read'
    | 'hometown.read'
    | 'care.read'
    | 'dues.read',
) {
  return permissionsOf(actor).includes(action);
}

const emptyTable = (
  topic: StatsTopicResponse['topic'],
  title: string,
  year: number | null,
  columns: StatsColumn[],
): StatsTopicResponse => ({
  topic,
  title,
  year,
  columns,
  rows: [],
  total: Object.fromEntries(columns.map((c) => [c.key, 0])),
});

/**
 * The domain topics: each one service call of the owning module, in the actor's scope by the
 * module's own read rule, turned into one table.
 */
export function createStatsTopics({ finding, compliance, study, service, hometown, care, dues }: TopicDeps) {
  return {
    /** The found curve of a finding campaign (the latest in scope by default): one row a day. */
    async finding(actor: Actor, q: StatsFindingQuery): Promise<StatsTopicResponse> {
      const columns = [col('found', '当日找到', '人'), col('cumulative', '累计找到', '人')];
      if (!readable(actor, 'finding.manage')) return emptyTable('finding', '党员寻找进度', null, columns);
      const id = q.campaignId ?? (await finding.campaigns.list(actor, { limit: 1 })).items[0]?.id;
      if (id === undefined) return emptyTable('finding', '党员寻找进度', null, columns);
      const p = await finding.campaigns.progress(actor, id);
      return {
        topic: 'finding',
        title: `${p.campaign.name}：寻找进度`,
        year: Number(p.campaign.startsOn.slice(0, 4)),
        columns,
        rows: p.daily.map((d) => ({
          key: d.day,
          name: d.day,
          values: { found: d.found, cumulative: d.cumulative },
        })),
        total: {
          found: p.totals.found,
          cumulative: p.totals.found,
          leads: p.totals.leads,
          target: p.campaign.targetCount,
        },
      };
    },

    /** Meeting compliance (三会一课 落实) by second-level committee. */
    async meetings(actor: Actor, q: StatsYearQuery): Promise<StatsTopicResponse> {
      const year = q.year ?? thisYear();
      const columns = [
        col('branches', '支部数', '个'),
        col('behindBranches', '未按期落实支部', '个'),
        col('completionRate', '落实率', '%'),
      ];
      if (!readable(actor, 'meeting.read'))
        return emptyTable('meetings', `${year}年三会一课落实情况`, year, columns);
      const board = await compliance.board.board(actor, { year });
      const rowOf = (r: (typeof board.committees)[number]) => ({
        branches: r.branches,
        behindBranches: r.behindBranches,
        completionRate: percent(r.completionRate),
      });
      return {
        topic: 'meetings',
        title: `${board.year}年三会一课落实情况`,
        year: board.year,
        columns,
        rows: board.committees.map((r) => ({ key: String(r.orgId ?? 0), name: r.name, values: rowOf(r) })),
        total: rowOf(board.total),
      };
    },

    /** Members meeting and below their study requirement (32 / 56 学时) by second-level committee. */
    async study(actor: Actor, q: StatsYearQuery): Promise<StatsTopicResponse> {
      const year = q.year ?? thisYear();
      const columns = [
        col('members', '党员', '人'),
        col('met', '达标', '人'),
        col('below', '未达标', '人'),
        col('hours', '学时', '学时'),
      ];
      if (!readable(actor, 'study.read')) return emptyTable('study', `${year}年学时达标情况`, year, columns);
      const hours = await study.hours.orgHours(actor, { year });
      const byCommittee = new Map<string, StatsTopicRow>();
      for (const o of hours.items) {
        const name = o.committeeName ?? o.name;
        const row = byCommittee.get(name) ?? {
          key: name,
          name,
          values: { members: 0, met: 0, below: 0, hours: 0 },
        };
        const v = row.values as Record<string, number>;
        v.members! += o.members;
        v.below! += o.below;
        v.met! += o.members - o.below;
        v.hours = Math.round((v.hours! + o.hours) * 10) / 10;
        byCommittee.set(name, row);
      }
      const rows = [...byCommittee.values()].sort(
        (a, b) => (b.values.members ?? 0) - (a.values.members ?? 0),
      );
      return {
        topic: 'study',
        title: `${hours.year}年学时达标情况（党员 ${hours.thresholds.memberHours} 学时，班子成员 ${hours.thresholds.cadreHours} 学时）`,
        year: hours.year,
        columns,
        rows,
        total: {
          members: hours.total.members,
          met: hours.total.members - hours.total.below,
          below: hours.total.below,
          hours: hours.total.hours,
        },
      };
    },

    /** Volunteer campaigns of the year: volunteers, hours and person-times served, one row a campaign. */
    async volunteer(actor: Actor, q: StatsYearQuery): Promise<StatsTopicResponse> {
      const year = q.year ?? thisYear();
      const columns = [
        col('volunteers', '志愿者', '人'),
        col('shifts', '班次', '个'),
        col('hours', '服务时长', '小时'),
        col('served', '服务人次', '人次'),
      ];
      if (!readable(actor, 'volunteer.read'))
        return emptyTable('volunteer', `${year}年志愿服务`, year, columns);
      const rows: StatsTopicRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await service.campaigns.list(actor, {
          year,
          q: undefined,
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        for (const c of page.items) {
          const s = await service.board.summary(actor, c.id);
          rows.push({
            key: String(c.id),
            name: c.title,
            values: {
              volunteers: s.totals.volunteers,
              shifts: s.totals.shifts,
              hours: s.totals.hours,
              served: s.totals.served,
            },
          });
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return {
        topic: 'volunteer',
        title: `${year}年志愿服务`,
        year,
        columns,
        rows,
        total: totalOf(columns, rows),
      };
    },

    /** Contributions to the home city by county in the year (the hometown ledgers' totals). */
    async hometown(actor: Actor, q: StatsYearQuery): Promise<StatsTopicResponse> {
      const year = q.year ?? thisYear();
      const columns = [
        col('projects', '引进项目', '个'),
        col('signedWan', '签约投资', '万元'),
        col('actualWan', '实际投资', '万元'),
        col('donations', '捐赠', '笔'),
        col('donatedYuan', '捐赠金额（资金及物资）', '元'),
        col('personTimes', '劳务输出', '人次'),
      ];
      if (!readable(actor, 'hometown.read'))
        return emptyTable('hometown', `${year}年服务家乡（按县区）`, year, columns);
      const totals = await hometown.totals.totals(actor, { year });
      const valuesOf = (f: (typeof totals)['total']) => ({
        projects: f.projects,
        signedWan: wan(f.signedFen),
        actualWan: wan(f.actualFen),
        donations: f.donations,
        donatedYuan: yuan(f.fundsFen + f.goodsFen),
        personTimes: f.personTimes,
      });
      return {
        topic: 'hometown',
        title: `${year}年服务家乡（按县区）`,
        year,
        columns,
        rows: totals.rows
          .filter((r) => r.year === year)
          .map((r) => ({ key: r.county.code, name: r.county.name, values: valuesOf(r) })),
        total: valuesOf(totals.total),
      };
    },

    /** Honours (表彰) awarded in the year by level: the care module's list total of each level. */
    async honours(actor: Actor, q: StatsYearQuery): Promise<StatsTopicResponse> {
      const year = q.year ?? thisYear();
      const columns = [col('count', '表彰', '项')];
      const title = `${year}年表彰（按级别）`;
      if (!readable(actor, 'care.read')) return emptyTable('honours', title, year, columns);
      const rows: StatsTopicRow[] = [];
      for (const level of HONOUR_LEVELS) {
        const list = await care.honours.list(actor, { year, level, limit: 1 });
        rows.push({ key: level, name: HONOUR_LEVEL_LABELS[level], values: { count: list.totals.count } });
      }
      return { topic: 'honours', title, year, columns, rows, total: totalOf(columns, rows) };
    },

    /**
     * Dues collection (党费收缴) of a month by branch: members due and paid, amounts due and paid,
     * from each branch's month as the dues module computes it (branches that opened the month).
     */
    async dues(actor: Actor, q: StatsDuesQuery): Promise<StatsTopicResponse> {
      const year = q.year ?? thisYear();
      const today = localIsoDate(new Date());
      const month = q.month ?? (year === thisYear() ? Number(today.slice(5, 7)) : 12);
      const key = `${year}-${String(month).padStart(2, '0')}`;
      const columns = [
        col('due', '应缴人数', '人'),
        col('paid', '已缴人数', '人'),
        col('expectedYuan', '应缴金额', '元'),
        col('paidYuan', '已缴金额', '元'),
        col('rate', '收缴率', '%'),
      ];
      const title = `${year}年${month}月党费收缴`;
      if (!readable(actor, 'dues.read')) return emptyTable('dues', title, year, columns);
      const rows: StatsTopicRow[] = [];
      let due = 0;
      let paid = 0;
      let expectedFen = 0;
      let paidFen = 0;
      let cursor: string | undefined;
      do {
        const page = await dues.months.list(actor, { year, limit: 500, ...(cursor ? { cursor } : {}) });
        for (const m of page.items.filter((i) => i.month === key)) {
          const { totals } = await dues.months.get(actor, m.id);
          due += totals.due;
          paid += totals.paid;
          expectedFen += totals.expectedFen;
          paidFen += totals.paidFen;
          rows.push({
            key: String(m.id),
            name: m.org.name,
            values: {
              due: totals.due,
              paid: totals.paid,
              expectedYuan: yuan(totals.expectedFen),
              paidYuan: yuan(totals.paidFen),
              rate: totals.due ? percent(totals.paid / totals.due) : null,
            },
          });
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return {
        topic: 'dues',
        title,
        year,
        columns,
        rows,
        total: {
          due,
          paid,
          expectedYuan: yuan(expectedFen),
          paidYuan: yuan(paidFen),
          rate: due ? percent(paid / due) : null,
        },
      };
    },
  };
}

export type StatsTopics = ReturnType<typeof createStatsTopics>;
