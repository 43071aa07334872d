import {
  HONOUR_LEVEL_LABELS,
  HONOUR_LEVELS,
  type StatsDuesQuery,
  type StatsFindingQuery,
  type StatsHonoursQuery,
  type StatsTopicRow,
  type StatsVolunteerQuery,
} from '@ningxin/shared';
import type { ServiceRegistry } from '../../../lib/modules';
import { col, monthOf, percent, topic, wan, yearly, yearOf, yuan } from './stats.topic';

export interface TopicDeps {
  finding: ServiceRegistry['finding'];
  compliance: ServiceRegistry['compliance'];
  study: ServiceRegistry['study'];
  service: ServiceRegistry['service'];
  hometown: ServiceRegistry['hometown'];
  care: ServiceRegistry['care'];
  dues: ServiceRegistry['dues'];
}

/**
 * The domain topics: each read through the owning module's service, in the actor's scope by the
 * module's own read rule, and turned into one table. Statistics may lag a few seconds: each
 * module's `lagTolerant` reads (and its board or totals) read `reads`, a standby while it keeps up.
 */
export function createStatsTopics({ finding, compliance, study, service, hometown, care, dues }: TopicDeps) {
  return {
    /** The found curve of a finding campaign (the latest in scope by default): one row a day. */
    finding: topic(
      'finding',
      'finding.manage',
      (_: StatsFindingQuery) => ({
        title: '党员寻找进度',
        year: null,
        rowLabel: '日期',
        columns: [col('found', '当日找到', '人'), col('cumulative', '累计找到', '人')],
      }),
      async (actor, q) => {
        const id = q.campaignId ?? (await finding.lagTolerant.list(actor, { limit: 1 })).items[0]?.id;
        if (id === undefined) return null;
        const p = await finding.lagTolerant.progress(actor, id);
        return {
          title: `${p.campaign.name}：寻找进度`,
          year: Number(p.campaign.startsOn.slice(0, 4)),
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
    ),

    /** Meeting compliance (三会一课 落实) by second-level committee. */
    meetings: topic(
      'meetings',
      'meeting.read',
      yearly('三会一课落实情况', '二级流动党委', [
        col('branches', '支部数', '个'),
        col('behindBranches', '未按期落实支部', '个'),
        col('completionRate', '落实率', '%'),
      ]),
      async (actor, q) => {
        const board = await compliance.lagTolerant.board(actor, { year: yearOf(q) });
        const valuesOf = (r: (typeof board.committees)[number]) => ({
          branches: r.branches,
          behindBranches: r.behindBranches,
          completionRate: percent(r.completionRate),
        });
        return {
          title: `${board.year}年三会一课落实情况`,
          year: board.year,
          rows: board.committees.map((r) => ({
            key: String(r.orgId ?? 0),
            name: r.name,
            values: valuesOf(r),
          })),
          total: valuesOf(board.total),
        };
      },
    ),

    /** Members meeting and below their study requirement (32 / 56 学时) by second-level committee. */
    study: topic(
      'study',
      'study.read',
      yearly('学时达标情况', '二级流动党委', [
        col('members', '党员', '人'),
        col('met', '达标', '人'),
        col('below', '未达标', '人'),
        col('hours', '学时', '学时'),
      ]),
      async (actor, q) => {
        const hours = await study.lagTolerant.orgHours(actor, { year: yearOf(q) });
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
        return {
          title: `${hours.year}年学时达标情况（党员 ${hours.thresholds.memberHours} 学时，班子成员 ${hours.thresholds.cadreHours} 学时）`,
          year: hours.year,
          rows: [...byCommittee.values()].sort((a, b) => (b.values.members ?? 0) - (a.values.members ?? 0)),
          total: {
            members: hours.total.members,
            met: hours.total.members - hours.total.below,
            below: hours.total.below,
            hours: hours.total.hours,
          },
        };
      },
    ),

    /**
     * Volunteer service of the year: volunteers, shifts, hours and people served, one row a
     * campaign (its board), or one row an organizing second-level committee (its campaigns added up).
     */
    volunteer: topic(
      'volunteer',
      'volunteer.read',
      (q: StatsVolunteerQuery) => ({
        title: `${yearOf(q)}年志愿服务${q.by === 'committee' ? '（按主办二级党委）' : ''}`,
        year: yearOf(q),
        rowLabel: q.by === 'committee' ? '主办二级流动党委' : '志愿服务活动',
        columns: [
          ...(q.by === 'committee' ? [col('campaigns', '活动', '个')] : []),
          col('volunteers', '志愿者', '人'),
          col('shifts', '班次', '个'),
          col('hours', '服务时长', '小时'),
          col('served', '服务人次', '人次'),
        ],
      }),
      async (actor, q) => {
        const year = yearOf(q);
        if (q.by === 'committee') {
          const committees = await service.board.byCommittee(actor, year);
          return {
            rows: committees.map(({ committee, ...values }) => ({
              key: String(committee.id),
              name: committee.name,
              values,
            })),
          };
        }
        const rows: StatsTopicRow[] = [];
        let cursor: string | undefined;
        do {
          const page = await service.lagTolerant.list(actor, {
            year,
            q: undefined,
            limit: 100,
            ...(cursor ? { cursor } : {}),
          });
          for (const c of page.items) {
            const { totals } = await service.board.summary(actor, c.id);
            const { volunteers, shifts, hours, served } = totals;
            rows.push({ key: String(c.id), name: c.title, values: { volunteers, shifts, hours, served } });
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return { rows };
      },
    ),

    /** Contributions to the home city by county in the year (the hometown ledgers' totals). */
    hometown: topic(
      'hometown',
      'hometown.read',
      yearly('服务家乡（按县区）', '县区', [
        col('projects', '引进项目', '个'),
        col('signedWan', '签约投资', '万元'),
        col('actualWan', '实际投资', '万元'),
        col('donations', '捐赠', '笔'),
        col('donatedYuan', '捐赠金额（资金及物资）', '元'),
        col('personTimes', '劳务输出', '人次'),
      ]),
      async (actor, q) => {
        const year = yearOf(q);
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
          rows: totals.rows
            .filter((r) => r.year === year)
            .map((r) => ({ key: r.county.code, name: r.county.name, values: valuesOf(r) })),
          total: valuesOf(totals.total),
        };
      },
    ),

    /**
     * Honours (表彰) awarded in the year: one row a level, or one row a second-level committee (of
     * the org keeping the record) with its honours by level; from the care module's counts.
     */
    honours: topic(
      'honours',
      'care.read',
      (q: StatsHonoursQuery) => ({
        title: `${yearOf(q)}年表彰（按${q.by === 'committee' ? '二级党委' : '级别'}）`,
        year: yearOf(q),
        rowLabel: q.by === 'committee' ? '二级流动党委' : '级别',
        columns:
          q.by === 'committee'
            ? [...HONOUR_LEVELS.map((l) => col(l, HONOUR_LEVEL_LABELS[l], '项')), col('count', '表彰', '项')]
            : [col('count', '表彰', '项')],
      }),
      async (actor, q) => {
        const counts = await care.lagTolerant.byCommittee(actor, yearOf(q));
        if (q.by === 'level')
          return {
            rows: HONOUR_LEVELS.map((level) => ({
              key: level,
              name: HONOUR_LEVEL_LABELS[level],
              values: { count: counts.reduce((s, c) => s + (c.level === level ? c.count : 0), 0) },
            })),
          };
        const byCommittee = new Map<number, StatsTopicRow>();
        for (const { committee, level, count } of counts) {
          const row = byCommittee.get(committee.id) ?? {
            key: String(committee.id),
            name: committee.name,
            values: { ...Object.fromEntries(HONOUR_LEVELS.map((l) => [l, 0])), count: 0 },
          };
          const v = row.values as Record<string, number>;
          v[level] = (v[level] ?? 0) + count;
          v.count! += count;
          byCommittee.set(committee.id, row);
        }
        return {
          rows: [...byCommittee.values()].sort(
            (a, b) => (b.values.count ?? 0) - (a.values.count ?? 0) || a.name.localeCompare(b.name, 'zh-CN'),
          ),
        };
      },
    ),

    /**
     * Dues collection (党费收缴) of a month by branch: members due and paid, amounts due and paid,
     * from each branch's month as the dues module computes it (branches that opened the month).
     */
    dues: topic(
      'dues',
      'dues.read',
      (q: StatsDuesQuery) => ({
        title: `${yearOf(q)}年${monthOf(q)}月党费收缴`,
        year: yearOf(q),
        rowLabel: '支部',
        columns: [
          col('due', '应缴人数', '人'),
          col('paid', '已缴人数', '人'),
          col('expectedYuan', '应缴金额', '元'),
          col('paidYuan', '已缴金额', '元'),
          col('rate', '收缴率', '%'),
        ],
      }),
      async (actor, q) => {
        const year = yearOf(q);
        const key = `${year}-${String(monthOf(q)).padStart(2, '0')}`;
        const rows: StatsTopicRow[] = [];
        const sum = { due: 0, paid: 0, expectedFen: 0, paidFen: 0 };
        const valuesOf = (t: typeof sum) => ({
          due: t.due,
          paid: t.paid,
          expectedYuan: yuan(t.expectedFen),
          paidYuan: yuan(t.paidFen),
          rate: t.due ? percent(t.paid / t.due) : null,
        });
        let cursor: string | undefined;
        do {
          const page = await dues.lagTolerant.list(actor, {
            year,
            limit: 500,
            ...(cursor ? { cursor } : {}),
          });
          for (const m of page.items.filter((i) => i.month === key)) {
            const { totals } = await dues.lagTolerant.get(actor, m.id);
            sum.due += totals.due;
            sum.paid += totals.paid;
            sum.expectedFen += totals.expectedFen;
            sum.paidFen += totals.paidFen;
            rows.push({ key: String(m.id), name: m.org.name, values: valuesOf(totals) });
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return { rows, total: valuesOf(sum) };
      },
    ),
  };
}

export type StatsTopics = ReturnType<typeof createStatsTopics>;
